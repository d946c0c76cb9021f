/**
 * Loading a fixture (`cowork seed FILE`, `seed --demo`), in one transaction:
 *
 * 1. every reference is checked against the file and the database (src/core/fixture-refs.ts);
 * 2. every new order is decided by the core before anything is written, under the rules of the
 *    commands that would have made it: who may have done what it says (applicant, creator,
 *    executor, canceller, recorder, authors), its period within one local day and the opening
 *    hours, its lines priced within what an amount may be, its payments and its cancellation
 *    applied in time with the money rules of desk and gateway payments (the 50 ₽ floor, the total,
 *    partial payment), a checked-in ticket only on an order paid in full, its live booking within
 *    the service's seats, and the system events of all of it (from `order_created` on) built by
 *    the core's own functions;
 * 3. only then are locations, users and services upserted by key and the new orders written.
 *
 * An order whose number exists is left as it is, so loading the same file twice leaves the same
 * database. A refused file is a FixtureError (exit 2) naming every problem's path, and nothing is
 * written; with `dryRun` the report is the same and nothing is written either.
 */
import { checkCapacity, peakOccupancy } from '../core/booking.js';
import { RuleError } from '../core/errors.js';
import { assigneeChanged } from '../core/events.js';
import type { Fixture } from '../core/fixture.js';
import {
  FixtureError,
  checkOrder,
  checkReferences,
  checkServices,
  checkTicket,
  fixtureExternalId,
  isRefusal,
  lineAmount,
  orderTotal,
  type FixtureProblem,
  type FixtureService,
} from '../core/fixture-refs.js';
import { cancelOrder, payAtDesk, payThroughGateway, statusFor } from '../core/orders.js';
import { gatewayRefund, refundAtDesk, reverseDeskPayment } from '../core/ledger.js';
import { localDate } from '../core/time.js';
import type { OrderEvent, OrderLine, OrderMoney, Role, Service } from '../core/types.js';
import type { NewOrderRecord, Store, Tx } from '../store/index.js';

export interface FixtureReport {
  locations: { created: number; updated: number };
  users: { created: number; updated: number };
  services: { created: number; updated: number };
  orders: { created: number; unchanged: number };
  payments: number;
  messages: number;
}

export interface LoadFixtureInput {
  fixture: Fixture;
  /** Where the fixture comes from, for its problems: a file name, `-`, or `demo`. */
  source: string;
  /** When it is loaded: the creation time of the users it adds. ISO-8601. */
  at: string;
  dryRun: boolean;
}

type FixtureOrder = Fixture['orders'][number];

/** A service as the file's orders see it: the file's definition where it has one, else the database's. */
interface ServiceView extends FixtureService {
  name: string;
  capacity: number;
  partialPayment: boolean;
  minRemaining: number;
  tariffs: Map<string, number>;
  /** The id of a service the database has; a new one has none until it is written. */
  id: number | null;
}

/** A new order as the core decided it, its people still named by login. */
interface DecidedOrder {
  o: FixtureOrder;
  /** Its place in the file's orders, for the paths of its problems. */
  index: number;
  service: ServiceView;
  lines: OrderLine[];
  money: OrderMoney;
  start: string;
  end: string;
  events: { at: string; event: OrderEvent }[];
}

const iso = (s: string) => new Date(s).toISOString();

/** A refusal by a rule, as its own type (`instanceof` alone would leave its message's type open). */
const isRuleError = (e: unknown): e is RuleError => e instanceof RuleError;

/** A key that checkReferences has vouched for; its absence is a bug, not a problem of the file. */
function known<K, V>(map: Map<K, V>, key: K, what: string): V {
  const v = map.get(key);
  if (v === undefined) throw new Error(`fixture: ${what} ${String(key)} was checked but is missing`);
  return v;
}

export async function loadFixture(store: Pick<Store, 'dryRunnable'>, input: LoadFixtureInput): Promise<FixtureReport> {
  return store.dryRunnable(input.dryRun, (tx) => load(tx, input));
}

async function load(tx: Tx, input: LoadFixtureInput): Promise<FixtureReport> {
  const { fixture: f, source } = input;
  // One query at a time: a transaction is one connection, which runs its queries in turn.
  const locations = await tx.locations();
  const users = await tx.users();
  const services = await tx.services();
  const bySlug = new Map([...services.values()].map((s) => [s.slug, s]));

  const refs = checkReferences(f, {
    locations: new Set(locations.map((l) => l.key)),
    users: new Set(users.map((u) => u.login)),
    services: new Map([...bySlug].map(([slug, s]) => [slug, { tariffs: s.tariffs.map((t) => t.name) }])),
  });
  if (refs.length) throw new FixtureError(source, refs);

  // The orders the database has are left alone; a new one must not take a ticket number or an
  // external id that the database holds already.
  const present = await tx.existingNumbers(
    'orders',
    f.orders.map((o) => o.number),
  );
  const fresh = f.orders.map((o, i) => ({ o, i })).filter(({ o }) => !present.has(o.number));
  const takenTickets = await tx.existingNumbers(
    'tickets',
    fresh.map(({ o }) => o.ticket.number),
  );
  // A gateway entry's id is a gateway id; a desk entry's `externalId` is its idempotency key, which
  // lives apart (SPEC.md rule 4).
  const gatewayIds = fresh.flatMap(({ o }) =>
    o.payments.flatMap((p, j) => (p.source === 'gateway' ? [fixtureExternalId(o.number, p, j)] : [])),
  );
  const takenIds = await tx.knownPayments(gatewayIds);
  const clashes: FixtureProblem[] = [];
  for (const { o, i } of fresh) {
    if (takenTickets.has(o.ticket.number))
      clashes.push({ path: `orders[${i}].ticket.number`, issue: { kind: 'ticketTaken', ticket: o.ticket.number } });
    for (const [j, p] of o.payments.entries()) {
      const id = p.source === 'gateway' ? fixtureExternalId(o.number, p, j) : (p.externalId ?? null);
      const taken = id !== null && (p.source === 'gateway' ? takenIds.has(id) : (await tx.entryByKey(id)) !== null);
      if (id !== null && taken) clashes.push({ path: `orders[${i}].payments[${j}].externalId`, issue: { kind: 'externalIdTaken', id } });
    }
  }
  if (clashes.length) throw new FixtureError(source, clashes);

  // Decide every new order before anything is written.
  const views = serviceViews(f, bySlug, locations);
  const names = new Map(users.map((u) => [u.login, { name: u.name, phone: u.phone }]));
  for (const u of f.users) names.set(u.login, { name: u.name, phone: u.phone });
  const nameOf = (login: string) => names.get(login)?.name ?? login;
  const roles = new Map(users.map((u) => [u.login, u.role]));
  for (const u of f.users) roles.set(u.login, u.role);
  const roleOf = (login: string) => roles.get(login);
  const problems: FixtureProblem[] = checkServices(f, roleOf);
  const decided: DecidedOrder[] = [];
  for (const { o, i } of fresh) {
    const d = decide(o, i, known(views, o.service, 'service'), { nameOf, roleOf }, problems);
    if (d) decided.push(d);
  }
  await checkSeats(tx, decided, problems);
  if (problems.length) throw new FixtureError(source, problems);

  // Write: locations, users and services by key, then the new orders.
  const report: FixtureReport = {
    locations: { created: 0, updated: 0 },
    users: { created: 0, updated: 0 },
    services: { created: 0, updated: 0 },
    orders: { created: decided.length, unchanged: f.orders.length - decided.length },
    payments: 0,
    messages: 0,
  };
  const locationIds = new Map(locations.map((l) => [l.key, l.id]));
  for (const l of f.locations) {
    const r = await tx.upsertLocation({
      key: l.key,
      name: l.name,
      timeZone: l.timeZone,
      currency: l.currency,
      minRemaining: l.minRemaining,
    });
    locationIds.set(l.key, r.id);
    report.locations[r.created ? 'created' : 'updated']++;
  }
  const userIds = new Map(users.map((u) => [u.login, u.id]));
  for (const u of f.users) {
    const r = await tx.upsertUser({ login: u.login, name: u.name, phone: u.phone, email: u.email, role: u.role }, input.at);
    userIds.set(u.login, r.id);
    report.users[r.created ? 'created' : 'updated']++;
  }
  const userId = (login: string) => known(userIds, login, 'user');
  const serviceIds = new Map([...bySlug].map(([slug, s]) => [slug, s.id]));
  for (const s of f.services) {
    const id = await tx.writeService({
      slug: s.slug,
      locationId: known(locationIds, s.location, 'location'),
      name: s.name,
      capacity: s.capacity,
      opensAt: s.opensAt,
      closesAt: s.closesAt,
      partialPayment: s.partialPayment,
      minPrepaymentPercent: s.minPrepaymentPercent,
      tariffs: s.tariffs,
      managerIds: s.managers.map(userId),
    });
    report.services[serviceIds.has(s.slug) ? 'updated' : 'created']++;
    serviceIds.set(s.slug, id);
  }

  const records = decided.map((d) => record(d, known(serviceIds, d.o.service, 'service'), userId, names));
  await tx.writeOrders(records);
  for (const r of records) {
    report.payments += r.payments.length;
    report.messages += r.messages.length;
  }
  const highest = (xs: number[]) => xs.reduce((a, b) => Math.max(a, b), 0);
  const maxOrder = highest(f.orders.map((o) => o.number));
  const maxTicket = highest(f.orders.map((o) => o.ticket.number));
  if (maxOrder) await tx.bumpCounter('order', maxOrder);
  if (maxTicket) await tx.bumpCounter('ticket', maxTicket);
  return report;
}

/** Each service the file's orders may name, as the file leaves it. */
function serviceViews(
  f: Fixture,
  bySlug: Map<string, Service>,
  locations: { key: string; timeZone: string; minRemaining: number }[],
): Map<string, ServiceView> {
  const locs = new Map(locations.map((l) => [l.key, { timeZone: l.timeZone, minRemaining: l.minRemaining }]));
  for (const l of f.locations) locs.set(l.key, { timeZone: l.timeZone, minRemaining: l.minRemaining });
  const views = new Map<string, ServiceView>();
  for (const s of bySlug.values()) {
    // A location the file changes changes its services too.
    const loc = locs.get(s.location.key) ?? s.location;
    views.set(s.slug, {
      slug: s.slug,
      name: s.name,
      capacity: s.capacity,
      opensAt: s.opensAt,
      closesAt: s.closesAt,
      managers: s.managers,
      partialPayment: s.partialPayment,
      minRemaining: loc.minRemaining,
      timeZone: loc.timeZone,
      tariffs: new Map(s.tariffs.map((t) => [t.name, t.price])),
      id: s.id,
    });
  }
  for (const s of f.services) {
    const loc = known(locs, s.location, 'location');
    views.set(s.slug, {
      slug: s.slug,
      name: s.name,
      capacity: s.capacity,
      opensAt: s.opensAt,
      closesAt: s.closesAt,
      managers: s.managers,
      partialPayment: s.partialPayment,
      minRemaining: loc.minRemaining,
      timeZone: loc.timeZone,
      tariffs: new Map(s.tariffs.map((t) => [t.name, t.price])),
      id: bySlug.get(s.slug)?.id ?? null,
    });
  }
  return views;
}

/**
 * One new order, decided by the core: checked against the rules of the commands, priced, its
 * payments applied in order and its cancellation at its time, with the system event of each (its
 * creation first, unless the file says it came without one). Every problem is added at its path;
 * an order with any is not decided.
 */
function decide(
  o: FixtureOrder,
  i: number,
  service: ServiceView,
  people: { nameOf: (login: string) => string; roleOf: (login: string) => Role | undefined },
  problems: FixtureProblem[],
): DecidedOrder | null {
  const { nameOf } = people;
  const found = problems.length;
  const at = `orders[${i}]`;
  /** The refusal of a core check, as a problem at `path`; false when there was one. */
  const holds = (path: string, check: () => void): boolean => {
    try {
      check();
      return true;
    } catch (e) {
      if (!isRefusal(e)) throw e;
      problems.push({ path, issue: { kind: 'rule', said: e.said } });
      return false;
    }
  };
  problems.push(...checkOrder(o, i, service, people.roleOf));

  const lines: OrderLine[] = [];
  o.lines.forEach((l, j) => {
    const unitPrice = l.unitPrice ?? known(service.tariffs, l.tariff, 'tariff');
    holds(`${at}.lines[${j}].quantity`, () =>
      lines.push({
        description: l.description ?? service.name,
        tariff: l.tariff,
        quantity: l.quantity,
        unitPrice,
        amount: lineAmount(unitPrice, l.quantity),
      }),
    );
  });
  let total = 0;
  if (lines.length < o.lines.length || !holds(`${at}.lines`, () => (total = orderTotal(lines.map((l) => l.amount))))) return null;

  let money: OrderMoney = {
    status: statusFor(total, 0),
    total,
    paid: 0,
    minRemaining: service.minRemaining,
    partialPayment: service.partialPayment,
    kept: 0,
  };
  const events: DecidedOrder['events'] = [];
  if (o.createdEvent !== false)
    events.push({ at: iso(o.createdAt), event: { code: 'order_created', by: o.createdBy === null ? null : nameOf(o.createdBy), total } });
  if (o.assignee !== null) events.push({ at: iso(o.createdAt), event: assigneeChanged(nameOf(o.assignee), null) });
  // The cancellation at its time among the payments: a payment after it finds the order cancelled.
  let cancel = o.cancelled;
  const cancelNow = () => {
    if (!cancel) return;
    const c = cancelOrder(money, { by: nameOf(cancel.by), reason: cancel.reason, keep: cancel.keep });
    money = c.order;
    events.push({ at: iso(cancel.at), event: c.event });
    cancel = undefined;
  };
  // Which entry reversed which: a payment is reversed once.
  const reversedBy = new Map<number, number>();
  for (const [j, p] of o.payments.entries()) {
    if (cancel && Date.parse(cancel.at) < Date.parse(p.at)) cancelNow();
    const wasCancelled = money.status === 'cancelled';
    const by = p.recordedBy === null ? '' : nameOf(p.recordedBy);
    const ok = holds(`${at}.payments[${j}].${wasCancelled && p.kind === 'payment' ? 'at' : 'amount'}`, () => {
      const step = ledgerStep(money, p, by, j, o.payments, reversedBy);
      money = step.order;
      events.push({ at: iso(p.at), event: step.event });
    });
    if (!ok) return null;
  }
  cancelNow();
  problems.push(...checkTicket(o, i, money.status));
  if (problems.length > found) return null;
  return { o, index: i, service, lines, money, start: iso(o.ticket.start), end: iso(o.ticket.end), events };
}

/** One entry of a fixture order's ledger, decided by the same core rules as the desk's commands. */
function ledgerStep(
  money: OrderMoney,
  p: FixtureOrder['payments'][number],
  by: string,
  j: number,
  all: FixtureOrder['payments'],
  reversedBy: Map<number, number>,
): { order: OrderMoney; event: OrderEvent } {
  if (p.kind === 'refund')
    return p.source === 'gateway'
      ? gatewayRefund(money, { amount: p.amount, method: p.method })
      : refundAtDesk(money, { amount: p.amount, method: p.method, by, reason: p.reason });
  if (p.kind === 'reversal') {
    const index = p.reverses ?? -1;
    const target = all[index];
    if (!target) throw new RangeError(`payments[${j}] reverses nothing: checked before`);
    const done = reversedBy.get(index);
    const step = reverseDeskPayment(
      money,
      {
        id: String(index),
        kind: target.kind,
        source: target.source,
        amount: target.amount,
        method: target.method,
        reversedBy: done === undefined ? null : String(done),
      },
      { by, reason: p.reason },
    );
    reversedBy.set(index, j);
    return step;
  }
  return p.source === 'gateway'
    ? payThroughGateway(money, { amount: p.amount, method: p.method })
    : payAtDesk(money, { amount: p.amount, method: p.method, by });
}

function ticketStatus(o: FixtureOrder) {
  return o.ticket.status ?? (o.cancelled ? 'cancelled' : 'active');
}

/**
 * Capacity (SPEC.md rule 7): at every moment of a new live booking, the live bookings of its
 * service (those of the database and the file's new ones before it) fit the service's seats.
 */
async function checkSeats(tx: Tx, decided: DecidedOrder[], problems: FixtureProblem[]): Promise<void> {
  const live = decided.filter((d) => ticketStatus(d.o) !== 'cancelled');
  const bySlug = new Map<string, DecidedOrder[]>();
  for (const d of live) bySlug.set(d.service.slug, [...(bySlug.get(d.service.slug) ?? []), d]);
  for (const group of bySlug.values()) {
    const first = group[0];
    if (!first) continue;
    const service = first.service;
    // The database's live bookings over the span of the file's: one read per service.
    const from = group.reduce((a, d) => (d.start < a ? d.start : a), first.start);
    const to = group.reduce((a, d) => (d.end > a ? d.end : a), first.end);
    const stored = service.id === null ? [] : await tx.overlappingBookings(service.id, from, to);
    const booked: { start: string; end: string }[] = [...stored];
    for (const d of group) {
      try {
        checkCapacity(service, peakOccupancy(booked, d.start, d.end));
      } catch (e) {
        if (!isRuleError(e)) throw e;
        problems.push({ path: `orders[${d.index}].ticket`, issue: { kind: 'rule', said: e.said } });
      }
      booked.push({ start: d.start, end: d.end });
    }
  }
}

/** A decided order as the store writes it, its people by id. */
function record(
  d: DecidedOrder,
  serviceId: number,
  userId: (login: string) => number,
  people: Map<string, { name: string; phone: string | null }>,
): NewOrderRecord {
  const { o } = d;
  const applicant = people.get(o.applicant);
  const feed = [
    ...d.events.map((e) => ({ visibility: 'system' as const, authorId: null, text: null, event: e.event, createdAt: e.at })),
    ...o.messages.map((m) => ({ visibility: m.visibility, authorId: userId(m.author), text: m.text, event: null, createdAt: iso(m.at) })),
  ].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  return {
    number: o.number,
    createdAt: iso(o.createdAt),
    createdBy: o.createdBy === null ? null : userId(o.createdBy),
    serviceId,
    applicantId: userId(o.applicant),
    assigneeId: o.assignee === null ? null : userId(o.assignee),
    status: d.money.status,
    dueDate: o.dueDate ?? localDate(new Date(d.start), d.service.timeZone),
    total: d.money.total,
    paid: d.money.paid,
    minRemaining: d.money.minRemaining,
    cancelled: o.cancelled ? { at: iso(o.cancelled.at), by: userId(o.cancelled.by), reason: o.cancelled.reason } : null,
    kept: d.money.kept,
    lines: d.lines,
    ticket: {
      number: o.ticket.number,
      visitorName: o.ticket.visitor?.name ?? applicant?.name ?? o.applicant,
      visitorPhone: o.ticket.visitor ? o.ticket.visitor.phone : (applicant?.phone ?? null),
      start: d.start,
      end: d.end,
      status: ticketStatus(o),
    },
    payments: o.payments.map((p, j) => ({
      kind: p.kind,
      amount: p.amount,
      method: p.method,
      source: p.source,
      recordedBy: p.recordedBy === null ? null : userId(p.recordedBy),
      createdAt: iso(p.at),
      // A desk refund or reversal has no gateway id; a fixture's payments keep theirs for reloads.
      externalId: p.source === 'gateway' ? fixtureExternalId(o.number, p, j) : null,
      deskKey: p.source === 'manager' ? (p.externalId ?? null) : null,
      reference: p.reference ?? null,
      reason: p.reason,
      reversesIndex: p.reverses ?? null,
    })),
    messages: feed,
  };
}
