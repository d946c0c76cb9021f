/**
 * Coworking services (SPEC.md rule 9): anyone may read them; only an admin creates or changes one.
 * A create or a change is one transaction that checks the slug, the location and every responsible
 * manager against the rows as they are, and writes the service, or nothing.
 */
import { assertAdmin, canKnowService } from '../core/access.js';
import { NotFoundError, RuleError, UsageError } from '../core/errors.js';
import { minutesOf } from '../core/time.js';
import type { Service, Tariff } from '../core/types.js';
import type { ServiceInput } from '../store/index.js';
import type { Actor, Tx, UnitOfWork } from './context.js';

/** What a create or a change may set; what is not given stays (or takes its default on a create). */
export interface ServiceSettings {
  name?: string;
  capacity?: number;
  /** Local "HH:MM". */
  opensAt?: string;
  closesAt?: string;
  /** Replaces every tariff. */
  tariffs?: Tariff[];
  partialPayment?: boolean;
  minPrepaymentPercent?: number;
  /** Logins of rental managers: replaces the responsible managers. */
  managers?: string[];
  addManagers?: string[];
  removeManagers?: string[];
}

export interface NewService extends ServiceSettings {
  slug: string;
  name: string;
  capacity: number;
  tariffs: Tariff[];
  /** The location's key; may be left out when there is one location. */
  location?: string;
}

/** A new service's hours and payment settings unless it says otherwise. */
export const SERVICE_DEFAULTS = { opensAt: '08:00', closesAt: '22:00', partialPayment: false, minPrepaymentPercent: 0 } as const;

/**
 * The services the actor may know of (rule 8a): a rental manager, those they are responsible for;
 * an admin and a guest, every one.
 */
export async function servicesToList(uow: Pick<UnitOfWork, 'services'>, actor: Actor): Promise<Service[]> {
  return [...(await uow.services()).values()].filter((s) => canKnowService(actor, s));
}

/** A service the actor may know of; any other reads exactly as one that does not exist (exit 5). */
export async function serviceToShow(uow: Pick<UnitOfWork, 'services'>, actor: Actor, slug: string): Promise<Service> {
  const s = await bySlug(uow, slug);
  if (!s || !canKnowService(actor, s)) throw new NotFoundError('serviceNotFound', { slug });
  return s;
}

export async function createService(uow: UnitOfWork, actor: Actor, input: NewService): Promise<Service> {
  assertAdmin(actor, 'createServices');
  await uow.write(async (tx) => {
    await holdSlug(tx, input.slug);
    if (await bySlug(tx, input.slug)) throw new RuleError('SERVICE_EXISTS', { slug: input.slug });
    const locationId = await locationOf(tx, input.location);
    const base: ServiceInput = {
      slug: input.slug,
      locationId,
      name: input.name,
      capacity: input.capacity,
      ...SERVICE_DEFAULTS,
      tariffs: [],
      managerIds: [],
    };
    const next = await applySettings(tx, base, input);
    if (next.tariffs.length === 0) throw new RuleError('NO_TARIFF', { service: input.slug });
    await tx.writeService(next);
  });
  return serviceToShow(uow, actor, input.slug);
}

export async function changeService(uow: UnitOfWork, actor: Actor, slug: string, changes: ServiceSettings): Promise<Service> {
  assertAdmin(actor, 'changeServices');
  await uow.write(async (tx) => {
    const s = await bySlug(tx, slug);
    if (!s) throw new NotFoundError('serviceNotFound', { slug });
    const base: ServiceInput = {
      slug,
      locationId: s.location.id,
      name: s.name,
      capacity: s.capacity,
      opensAt: s.opensAt,
      closesAt: s.closesAt,
      partialPayment: s.partialPayment,
      minPrepaymentPercent: s.minPrepaymentPercent,
      tariffs: s.tariffs,
      managerIds: await idsOf(tx, s.managers),
    };
    await tx.writeService(await applySettings(tx, base, changes));
  });
  return serviceToShow(uow, actor, slug);
}

/**
 * PostgreSQL: two desks creating one slug at once would both find it free, and the store's write of
 * a service (an upsert by slug) would turn the second create into a change of the first. Creates
 * of one slug wait for each other, until their commit. (SQLite's write lock already does.)
 */
async function holdSlug(tx: Tx, slug: string): Promise<void> {
  await tx.serialize(`cowork.services.slug:${slug}`);
}

async function bySlug(uow: Pick<UnitOfWork, 'services'>, slug: string): Promise<Service | null> {
  for (const s of (await uow.services()).values()) if (s.slug === slug) return s;
  return null;
}

/** The location by key; without a key, the only one there is. */
async function locationOf(tx: Tx, key: string | undefined): Promise<number> {
  const locations = await tx.locations();
  if (key !== undefined) {
    const l = locations.find((x) => x.key === key);
    if (!l) throw new NotFoundError('locationNotFound', { key });
    return l.id;
  }
  const [only, ...others] = locations;
  if (only && others.length === 0) return only.id;
  throw new UsageError('locationRequired', { count: locations.length, keys: locations.map((l) => l.key) });
}

async function userOf(tx: Tx, login: string) {
  const u = await tx.user(login);
  if (!u) throw new NotFoundError('userNotFound', { login });
  return u;
}

/** A responsible manager is a rental manager (rule 9); an admin processes every service anyway. */
async function managerId(tx: Tx, login: string): Promise<number> {
  const u = await userOf(tx, login);
  if (u.role !== 'rental_manager') throw new RuleError('MANAGER_NOT_ELIGIBLE', { login: u.login, role: u.role });
  return u.id;
}

/** `base` with the settings applied, checked as a whole: hours that close after they open, managers who may be. */
async function applySettings(tx: Tx, base: ServiceInput, s: ServiceSettings): Promise<ServiceInput> {
  const next: ServiceInput = {
    ...base,
    name: s.name ?? base.name,
    capacity: s.capacity ?? base.capacity,
    opensAt: s.opensAt ?? base.opensAt,
    closesAt: s.closesAt ?? base.closesAt,
    tariffs: s.tariffs ?? base.tariffs,
    partialPayment: s.partialPayment ?? base.partialPayment,
    minPrepaymentPercent: s.minPrepaymentPercent ?? base.minPrepaymentPercent,
  };
  if (minutesOf(next.closesAt) <= minutesOf(next.opensAt)) {
    throw new UsageError('closesBeforeOpens', { opensAt: next.opensAt, closesAt: next.closesAt });
  }
  const ids = async (logins: string[]) => {
    const out: number[] = [];
    for (const login of logins) out.push(await managerId(tx, login));
    return out;
  };
  if (s.managers) next.managerIds = await ids(s.managers);
  if (s.addManagers) next.managerIds = [...new Set([...next.managerIds, ...(await ids(s.addManagers))])];
  if (s.removeManagers) {
    // Removing needs only that the user exists: whoever they are, they stop being responsible.
    const gone = new Set<number>();
    for (const login of s.removeManagers) gone.add((await userOf(tx, login)).id);
    next.managerIds = next.managerIds.filter((id) => !gone.has(id));
  }
  return next;
}

/** The ids of these logins, one query at a time: a transaction is one connection. */
async function idsOf(tx: Tx, logins: string[]): Promise<number[]> {
  const ids: number[] = [];
  for (const login of logins) ids.push((await userOf(tx, login)).id);
  return ids;
}
