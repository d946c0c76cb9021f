/**
 * Reading the ledger: the entries an operator may see (`pay list`), and the takings of local days
 * (`pay report`). Local days are each location's own: `today` in Perm is not today in Kaliningrad,
 * so a period becomes a pair of instants per time zone.
 */
import { assertStaff } from '../core/access.js';
import { NotFoundError, UsageError } from '../core/errors.js';
import { takings, type Takings, type TakingsBy, type TakingsEntry } from '../core/takings.js';
import { dayRange, resolveDay } from '../core/time.js';
import type { EntryKind, PaymentMethod, PaymentSource, Service } from '../core/types.js';
import type { ListedPayment, PaymentFilter, Store } from '../store/index.js';
import type { Actor } from './context.js';
import { orderToView } from './messages.js';

export interface EntryQuery {
  order?: number | undefined;
  /** Local days (a date, `today`, `yesterday`, `tomorrow`), both included. */
  from?: string | undefined;
  to?: string | undefined;
  method?: PaymentMethod | undefined;
  source?: PaymentSource | undefined;
  kind?: EntryKind | undefined;
  /** A login, or `me`. */
  recordedBy?: string | undefined;
}

type Reader = Pick<Store, 'services' | 'user' | 'order' | 'iteratePayments'>;

/** The services whose entries the actor may see: all for an admin, their own for a manager; null: a guest's own orders. */
function visibleServices(actor: Actor, services: Map<number, Service>): Service[] | null {
  if (actor.role === 'admin') return [...services.values()];
  if (actor.role === 'rental_manager') return [...services.values()].filter((s) => s.managers.includes(actor.login));
  return null;
}

/** A period of local days as instants, one pair per time zone of the services. */
function periods(services: Service[], from: string | undefined, to: string | undefined, now: Date): PaymentFilter['periods'] {
  if (from === undefined && to === undefined) return undefined;
  const byZone = new Map<string, number[]>();
  for (const s of services) byZone.set(s.location.timeZone, [...(byZone.get(s.location.timeZone) ?? []), s.id]);
  return [...byZone].map(([zone, serviceIds]) => ({ serviceIds, ...dayRange(from, to, now, zone) }));
}

/** What `pay list` and `pay report` select, for this actor, as the store's filter. */
export async function entryFilter(store: Reader, actor: Actor, q: EntryQuery, now: Date): Promise<PaymentFilter> {
  const all = await store.services();
  const filter: PaymentFilter = { source: q.source, method: q.method, kind: q.kind };
  const zoneOf = (s: Service) => s.location.timeZone;
  if (q.from !== undefined && q.to !== undefined) {
    const zone = [...all.values()][0];
    const a = zone ? resolveDay(q.from, now, zoneOf(zone)) : q.from;
    const b = zone ? resolveDay(q.to, now, zoneOf(zone)) : q.to;
    if (a > b) throw new UsageError('fromAfterTo', { from: a, to: b });
  }
  if (q.recordedBy !== undefined) {
    const login = q.recordedBy === 'me' ? actor.login : q.recordedBy;
    const user = await store.user(login);
    if (!user) throw new NotFoundError('userNotFound', { login });
    filter.recordedBy = user.id;
  }
  let services = visibleServices(actor, all);
  if (q.order !== undefined) {
    const order = await orderToView(store, actor, q.order);
    filter.orderNumber = q.order;
    services = [order.service];
  } else if (services === null) {
    filter.applicantId = actor.id;
  } else {
    filter.serviceIds = services.map((s) => s.id);
  }
  filter.periods = periods(services ?? [...all.values()], q.from, q.to, now);
  return filter;
}

/** The entries the actor may see that the query selects, oldest first. */
export async function listEntries(store: Reader, actor: Actor, q: EntryQuery, now: Date): Promise<AsyncGenerator<ListedPayment>> {
  return store.iteratePayments(await entryFilter(store, actor, q, now));
}

/** An entry as the takings count it. */
export function takingsEntry(p: ListedPayment, services: Map<number, Service>): TakingsEntry {
  return {
    kind: p.kind,
    amount: p.amount,
    method: p.method,
    source: p.source,
    recordedBy: p.recordedBy?.login ?? null,
    service: services.get(p.serviceId)?.slug ?? '',
  };
}

export interface TakingsReport extends Takings {
  /** The local days reported, as the first location's zone reads them. */
  from: string;
  to: string;
  by: TakingsBy;
}

/** `pay report`: the takings of local days, for staff. */
export async function reportTakings(
  store: Reader,
  actor: Actor,
  input: { from: string; to: string; by: TakingsBy; method?: PaymentMethod | undefined; source?: PaymentSource | undefined },
  now: Date,
): Promise<TakingsReport> {
  assertStaff(actor);
  const services = await store.services();
  const filter = await entryFilter(store, actor, { from: input.from, to: input.to, method: input.method, source: input.source }, now);
  const entries: TakingsEntry[] = [];
  for await (const p of store.iteratePayments(filter)) entries.push(takingsEntry(p, services));
  const first = [...services.values()][0];
  const zone = first ? first.location.timeZone : 'UTC';
  return {
    ...takings(entries, input.by),
    from: resolveDay(input.from, now, zone),
    to: resolveDay(input.to, now, zone),
    by: input.by,
  };
}
