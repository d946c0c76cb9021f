/**
 * The references of a fixture (src/core/fixture.ts), checked before anything is written: every key
 * it names exists in the file or in the database, and no key is given twice. Then the rules of the
 * commands, as they apply to what the file says happened: who may be a responsible manager, an
 * applicant, a creator, an executor, a canceller, a desk payment's recorder or a message's author;
 * a rental period within one local day and the opening hours; a ticket's status that agrees with
 * its order; amounts cowork may hold. Each reuses the core rule the command applies. Pure, and free
 * of the schema library so that the use case (src/app/fixture.ts) can use it without loading it.
 */
import { assertCanProcess, assertEligibleAssignee, canProcess } from './access.js';
import { checkOpeningHours, checkPeriod, type BookingRequest } from './booking.js';
import { CoworkError, NotAllowedError, RuleError, UsageError, type Said } from './errors.js';
import type { Fixture } from './fixture.js';
import { checkCheckIn } from './tickets.js';
import { addDays, localDate, localTime, minutesOf } from './time.js';
import type { OrderStatus, Role } from './types.js';
import type { SchemaProblem } from './schema-problems.js';

export type { SchemaProblem } from './schema-problems.js';

/** What is wrong at one place of a fixture, in no language yet (the catalogs word it). */
export type FixtureIssue =
  /** The file's shape: what the value at the path should have been. */
  | { kind: 'schema'; problem: SchemaProblem }
  | { kind: 'duplicateKey'; key: string | number }
  | { kind: 'duplicateExternalId'; id: string }
  | { kind: 'unknown'; what: 'location' | 'user' | 'service'; value: string }
  | { kind: 'unknownTariff'; tariff: string; service: string }
  | { kind: 'recordedByMissing' }
  /** A reversal names no earlier entry of its order, or an entry that is not a reversal names one. */
  | { kind: 'reversesWhat' }
  | { kind: 'periodEnds' }
  | { kind: 'ticketTaken'; ticket: number }
  | { kind: 'externalIdTaken'; id: string }
  /** A check of the core refused it (the 50 ₽ floor, capacity, a role, the hours…): its own message. */
  | { kind: 'rule'; said: Said };

/** Where a problem is in the file, as `orders[2].payments[0].amount`, and what it is. */
export interface FixtureProblem {
  path: string;
  issue: FixtureIssue;
}

/** A fixture that cannot be loaded: every problem found, each with its path (exit 2). */
export class FixtureError extends UsageError<'fixtureProblems'> {
  constructor(file: string, problems: FixtureProblem[]) {
    super('fixtureProblems', { file, problems });
  }

  get problems(): FixtureProblem[] {
    return this.said.args[0].problems;
  }
}

/** A payment's key: its own external id, or one made from its order and place in it. */
export function fixtureExternalId(order: number, p: { externalId?: string | undefined }, index: number): string {
  return p.externalId ?? `fixture-${order}-${index + 1}`;
}

/**
 * Every reference by key, checked against the file itself and the keys the database already has;
 * every key given twice; a desk payment without who recorded it; a period that ends before it
 * starts.
 */
export function checkReferences(
  f: Fixture,
  existing: { locations: Set<string>; users: Set<string>; services: Map<string, { tariffs: string[] }> },
): FixtureProblem[] {
  const problems: FixtureProblem[] = [];
  const add = (path: string, issue: FixtureIssue) => problems.push({ path, issue });
  const locations = new Set([...existing.locations, ...f.locations.map((l) => l.key)]);
  const users = new Set([...existing.users, ...f.users.map((u) => u.login)]);
  const services = new Map(existing.services);
  for (const s of f.services) services.set(s.slug, { tariffs: s.tariffs.map((t) => t.name) });

  const dup = <T>(items: T[], keyOf: (t: T) => string | number, where: string) => {
    const seen = new Set<string | number>();
    items.forEach((it, i) => {
      const key = keyOf(it);
      if (seen.has(key)) add(`${where}[${i}]`, { kind: 'duplicateKey', key });
      seen.add(key);
    });
  };
  dup(f.locations, (l) => l.key, 'locations');
  dup(f.users, (u) => u.login, 'users');
  dup(f.services, (s) => s.slug, 'services');
  dup(f.orders, (o) => o.number, 'orders');
  dup(f.orders, (o) => o.ticket.number, 'orders(ticket.number)');
  const seenIds = new Set<string>();
  f.orders.forEach((o, i) =>
    o.payments.forEach((p, j) => {
      if (!p.externalId) return;
      if (seenIds.has(p.externalId)) add(`orders[${i}].payments[${j}].externalId`, { kind: 'duplicateExternalId', id: p.externalId });
      seenIds.add(p.externalId);
    }),
  );

  const need = (ok: boolean, path: string, what: 'location' | 'user' | 'service', value: string) => {
    if (!ok) add(path, { kind: 'unknown', what, value });
  };
  f.services.forEach((s, i) => {
    need(locations.has(s.location), `services[${i}].location`, 'location', s.location);
    s.managers.forEach((m, j) => need(users.has(m), `services[${i}].managers[${j}]`, 'user', m));
  });
  f.orders.forEach((o, i) => {
    const at = `orders[${i}]`;
    const service = services.get(o.service);
    need(!!service, `${at}.service`, 'service', o.service);
    need(users.has(o.applicant), `${at}.applicant`, 'user', o.applicant);
    if (o.createdBy !== null) need(users.has(o.createdBy), `${at}.createdBy`, 'user', o.createdBy);
    if (o.assignee !== null) need(users.has(o.assignee), `${at}.assignee`, 'user', o.assignee);
    if (o.cancelled) need(users.has(o.cancelled.by), `${at}.cancelled.by`, 'user', o.cancelled.by);
    o.lines.forEach((l, j) => {
      if (service && !service.tariffs.includes(l.tariff))
        add(`${at}.lines[${j}].tariff`, { kind: 'unknownTariff', tariff: l.tariff, service: o.service });
    });
    o.payments.forEach((p, j) => {
      if (p.recordedBy !== null) need(users.has(p.recordedBy), `${at}.payments[${j}].recordedBy`, 'user', p.recordedBy);
      if (p.source === 'manager' && p.recordedBy === null) add(`${at}.payments[${j}].recordedBy`, { kind: 'recordedByMissing' });
      const pointsBack = p.reverses !== undefined && p.reverses < j;
      if ((p.kind === 'reversal') !== pointsBack) add(`${at}.payments[${j}].reverses`, { kind: 'reversesWhat' });
    });
    o.messages.forEach((m, j) => need(users.has(m.author), `${at}.messages[${j}].author`, 'user', m.author));
    if (Date.parse(o.ticket.end) <= Date.parse(o.ticket.start)) add(`${at}.ticket.end`, { kind: 'periodEnds' });
  });
  return problems;
}

/**
 * The most an amount of a fixture may be: 999 999 999 999,99 ₽, the most a command takes typed in
 * rubles. Far inside what JavaScript and both databases hold exactly.
 */
export const MAX_AMOUNT = 99_999_999_999_999;

/** A line's amount, quantity × unit price; beyond {@link MAX_AMOUNT} a usage error. */
export function lineAmount(unitPrice: number, quantity: number): number {
  const amount = unitPrice * quantity;
  // Compared before anything else: a product past 2^53 is inexact, but never at or below the bound.
  if (!(amount <= MAX_AMOUNT)) throw new UsageError('lineAmountTooLarge', { quantity, unitPrice, max: MAX_AMOUNT });
  return amount;
}

/** An order's total, the sum of its lines' amounts; beyond {@link MAX_AMOUNT} a usage error. */
export function orderTotal(amounts: readonly number[]): number {
  const total = amounts.reduce((a, b) => a + b, 0);
  if (!(total <= MAX_AMOUNT)) throw new UsageError('totalTooLarge', { max: MAX_AMOUNT });
  return total;
}

/**
 * A rental period of instants as `orders create` takes it: one local date, a start and an end
 * (`24:00` when it ends at the next midnight). Null when it does not lie within one local day.
 */
export function bookingOf(start: string, end: string, timeZone: string): BookingRequest | null {
  const s = new Date(start);
  const e = new Date(end);
  const date = localDate(s, timeZone);
  const endDate = localDate(e, timeZone);
  const to = localTime(e, timeZone);
  if (endDate === date) return { date, from: localTime(s, timeZone), to };
  if (endDate === addDays(date, 1) && to === '00:00') return { date, from: localTime(s, timeZone), to: '24:00' };
  return null;
}

/** A service as the file's orders meet it: the file's definition where it has one, else the database's. */
export interface FixtureService {
  slug: string;
  opensAt: string;
  closesAt: string;
  timeZone: string;
  /** Logins of its responsible rental managers. */
  managers: string[];
}

/** The role of a user the file or the database has; undefined for one checkReferences reports. */
export type RoleOf = (login: string) => Role | undefined;

type FixtureOrder = Fixture['orders'][number];

/** A refusal by a check of the core, as its own type (`instanceof` alone would leave its message's type open). */
export const isRefusal = (e: unknown): e is CoworkError => e instanceof CoworkError;

/** The refusal of a core check, as a problem at `path`; none when it passes. */
function refusal(path: string, check: () => void): FixtureProblem[] {
  try {
    check();
    return [];
  } catch (e) {
    if (isRefusal(e)) return [{ path, issue: { kind: 'rule', said: e.said } }];
    throw e;
  }
}

/**
 * The services of the file as `services create` takes them: hours that close after they open,
 * responsible managers who are rental managers.
 */
export function checkServices(f: Fixture, roleOf: RoleOf): FixtureProblem[] {
  return f.services.flatMap((s, i) => [
    ...refusal(`services[${i}].closesAt`, () => checkOpeningHours(s)),
    ...s.managers.flatMap((login, j) =>
      refusal(`services[${i}].managers[${j}]`, () => {
        const role = roleOf(login);
        // As `services create` refuses it: an admin processes every service anyway, a guest none.
        if (role !== undefined && role !== 'rental_manager') throw new RuleError('MANAGER_NOT_ELIGIBLE', { login, role });
      }),
    ),
  ]);
}

/**
 * What a new order of the file says happened, against the rules of the commands that would have
 * done it: the applicant is a guest (`orders create`); a guest creates only their own booking, staff
 * only for a service they process; the executor may be one (`orders assign`); whoever cancelled it
 * or recorded a desk payment processes the service (`orders cancel`, `pay record`); a message's
 * author may post it (`msg post`); the period lies within one local day and the opening hours; the
 * ticket is cancelled exactly when the order is (`orders cancel` cancels both).
 */
export function checkOrder(o: FixtureOrder, index: number, service: FixtureService, roleOf: RoleOf): FixtureProblem[] {
  const at = `orders[${index}]`;
  const problems: FixtureProblem[] = [];
  /** The check of a person named by the file; one the references did not find is reported there. */
  const person = (path: string, login: string, check: (p: { login: string; role: Role }) => void) => {
    const role = roleOf(login);
    if (role !== undefined) problems.push(...refusal(path, () => check({ login, role })));
  };
  const processes = (p: { login: string; role: Role }) => assertCanProcess(p, service);

  person(`${at}.applicant`, o.applicant, (p) => {
    if (p.role !== 'guest') throw new RuleError('APPLICANT_NOT_GUEST', p);
  });
  if (o.createdBy !== null)
    person(`${at}.createdBy`, o.createdBy, (p) => {
      if (p.role !== 'guest') return processes(p);
      if (p.login !== o.applicant) throw new NotAllowedError('guestBooksForSelf');
    });
  if (o.assignee !== null) person(`${at}.assignee`, o.assignee, (p) => assertEligibleAssignee(p, service));
  if (o.cancelled) person(`${at}.cancelled.by`, o.cancelled.by, processes);
  o.payments.forEach((pay, j) => {
    if (pay.source === 'manager' && pay.recordedBy !== null) person(`${at}.payments[${j}].recordedBy`, pay.recordedBy, processes);
  });
  o.messages.forEach((m, j) =>
    person(`${at}.messages[${j}].author`, m.author, (p) => {
      if (canProcess(p, service)) return;
      if (m.visibility === 'internal') throw new NotAllowedError('internalStaffOnly');
      if (p.login !== o.applicant) processes(p);
    }),
  );

  // A period that ends before it starts is the references' problem already.
  if (Date.parse(o.ticket.end) > Date.parse(o.ticket.start)) {
    const req = bookingOf(o.ticket.start, o.ticket.end, service.timeZone);
    if (req === null) {
      const local = (t: string) => `${localDate(new Date(t), service.timeZone)} ${localTime(new Date(t), service.timeZone)}`;
      const e = new UsageError('periodNotOneDay', { start: local(o.ticket.start), end: local(o.ticket.end), zone: service.timeZone });
      problems.push({ path: `${at}.ticket.end`, issue: { kind: 'rule', said: e.said } });
    } else {
      const early = minutesOf(req.from) < minutesOf(service.opensAt);
      problems.push(...refusal(`${at}.ticket.${early ? 'start' : 'end'}`, () => checkPeriod(service, req)));
    }
  }

  const status = o.ticket.status;
  const cancelled = o.cancelled !== undefined;
  if (status !== undefined && (status === 'cancelled') !== cancelled) {
    const e = new UsageError('ticketStatusOfOrder', { ticket: o.ticket.number, status, cancelled });
    problems.push({ path: `${at}.ticket.status`, issue: { kind: 'rule', said: e.said } });
  }
  return problems;
}

/**
 * A ticket the file says was checked in, as `tickets check-in` would have done it: an active ticket
 * of an order paid in full, on its day (`status`: the order's, after its payments).
 */
export function checkTicket(o: FixtureOrder, index: number, status: OrderStatus): FixtureProblem[] {
  if (o.ticket.status !== 'checked_in' || o.cancelled) return [];
  // The file says when it happened: on its day, whatever the clock says now.
  const day = o.ticket.start;
  return refusal(`orders[${index}].ticket.status`, () =>
    checkCheckIn(
      { status },
      {
        number: o.ticket.number,
        status: 'active',
        visitor: o.ticket.visitor ?? { name: o.applicant, phone: null },
        start: o.ticket.start,
        end: o.ticket.end,
      },
      day,
      day,
    ),
  );
}
