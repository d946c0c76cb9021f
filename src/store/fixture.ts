/**
 * Loads a fixture (src/core/fixture.ts) inside one write transaction. Locations, users and
 * services are upserted by key; an order whose number exists is left as it is; so loading the
 * same file twice leaves the same database.
 */
import type { Kysely } from 'kysely';
import type { Fixture, FixtureProblem } from '../core/fixture.js';
import { checkReferences } from '../core/fixture-refs.js';
import { applyCancel, applyPayment, statusFor } from '../core/orders.js';
import { localDate } from '../core/time.js';
import { RuleError } from '../core/errors.js';
import type { OrderEvent, OrderMoney } from '../core/types.js';
import { insertMessage } from './messages.js';
import type { DB } from './schema.js';
import { bumpCounter } from './counters.js';
import { writeService } from './services.js';

export interface FixtureReport {
  locations: { created: number; updated: number };
  users: { created: number; updated: number };
  services: { created: number; updated: number };
  orders: { created: number; unchanged: number };
  payments: number;
  messages: number;
}

const iso = (s: string) => new Date(s).toISOString();

/** A payment's key: its own external id, or one made from its order and place. */
const externalIdOf = (order: number, p: { externalId?: string | undefined }, j: number) => p.externalId ?? `fixture-${order}-${j + 1}`;

export class FixtureError extends Error {
  constructor(readonly problems: FixtureProblem[]) {
    super(problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  }
}

export async function loadFixture(trx: Kysely<DB>, f: Fixture, now: string): Promise<FixtureReport> {
  const [locRows, userRows, svcRows, tariffRows] = await Promise.all([
    trx.selectFrom('locations').select(['id', 'key', 'min_remaining']).execute(),
    trx.selectFrom('users').select(['id', 'login']).execute(),
    trx.selectFrom('services').select(['id', 'slug', 'location_id', 'name', 'partial_payment']).execute(),
    trx.selectFrom('tariffs').select(['service_id', 'name', 'price']).execute(),
  ]);
  const tariffsBySvc = new Map<number, { name: string; price: number }[]>();
  for (const t of tariffRows) tariffsBySvc.set(t.service_id, [...(tariffsBySvc.get(t.service_id) ?? []), t]);
  const problems = checkReferences(f, {
    locations: new Set(locRows.map((l) => l.key)),
    users: new Set(userRows.map((u) => u.login)),
    services: new Map(svcRows.map((s) => [s.slug, { tariffs: (tariffsBySvc.get(s.id) ?? []).map((t) => t.name) }])),
  });
  if (problems.length) throw new FixtureError(problems);

  const report: FixtureReport = {
    locations: { created: 0, updated: 0 },
    users: { created: 0, updated: 0 },
    services: { created: 0, updated: 0 },
    orders: { created: 0, unchanged: 0 },
    payments: 0,
    messages: 0,
  };

  const locIds = new Map(locRows.map((l) => [l.key, l.id]));
  const locFloor = new Map(locRows.map((l) => [l.id, l.min_remaining]));
  for (const l of f.locations) {
    const values = { key: l.key, name: l.name, time_zone: l.timeZone, currency: l.currency, min_remaining: l.minRemaining };
    const id = locIds.get(l.key);
    if (id === undefined) {
      const r = await trx.insertInto('locations').values(values).returning('id').executeTakeFirstOrThrow();
      locIds.set(l.key, r.id);
      locFloor.set(r.id, l.minRemaining);
      report.locations.created++;
    } else {
      await trx.updateTable('locations').set(values).where('id', '=', id).execute();
      locFloor.set(id, l.minRemaining);
      report.locations.updated++;
    }
  }

  const userIds = new Map(userRows.map((u) => [u.login, u.id]));
  for (const u of f.users) {
    const id = userIds.get(u.login);
    const values = { name: u.name, phone: u.phone, email: u.email, role: u.role };
    if (id === undefined) {
      const r = await trx.insertInto('users').values({ ...values, login: u.login, created_at: now }).returning('id').executeTakeFirstOrThrow();
      userIds.set(u.login, r.id);
      report.users.created++;
    } else {
      await trx.updateTable('users').set(values).where('id', '=', id).execute();
      report.users.updated++;
    }
  }

  type Svc = { id: number; name: string; locationId: number; partialPayment: boolean; tariffs: Map<string, number> };
  const services = new Map<string, Svc>(
    svcRows.map((s) => [
      s.slug,
      {
        id: s.id,
        name: s.name,
        locationId: s.location_id,
        partialPayment: s.partial_payment === 1,
        tariffs: new Map((tariffsBySvc.get(s.id) ?? []).map((t) => [t.name, t.price])),
      },
    ]),
  );
  for (const s of f.services) {
    const locationId = locIds.get(s.location)!;
    const id = await writeService(trx, {
      slug: s.slug,
      locationId,
      name: s.name,
      capacity: s.capacity,
      opensAt: s.opensAt,
      closesAt: s.closesAt,
      partialPayment: s.partialPayment,
      minPrepaymentPercent: s.minPrepaymentPercent,
      tariffs: s.tariffs,
      managerIds: s.managers.map((m) => userIds.get(m)!),
    });
    if (services.has(s.slug)) report.services.updated++;
    else report.services.created++;
    services.set(s.slug, {
      id,
      name: s.name,
      locationId,
      partialPayment: s.partialPayment,
      tariffs: new Map(s.tariffs.map((t) => [t.name, t.price])),
    });
  }

  // Names and phones of every user the orders may name, from the database and the file.
  const people = new Map(
    (await trx.selectFrom('users').select(['login', 'name', 'phone']).execute()).map((u) => [u.login, { name: u.name, phone: u.phone }]),
  );
  const nameOf = (login: string) => people.get(login)?.name ?? login;

  const numbers = f.orders.map((o) => o.number);
  const present = new Set(
    numbers.length ? (await trx.selectFrom('orders').select('number').where('number', 'in', numbers).execute()).map((r) => r.number) : [],
  );
  // A new order must not take a ticket number or an external id that the database already holds.
  const fresh = f.orders.map((o, i) => ({ o, i })).filter(({ o }) => !present.has(o.number));
  const clash: FixtureProblem[] = [];
  const tickets = fresh.map(({ o }) => o.ticket.number);
  const takenTickets = new Set<number>();
  for (let k = 0; k < tickets.length; k += 500) {
    const part = tickets.slice(k, k + 500);
    for (const r of await trx.selectFrom('tickets').select('number').where('number', 'in', part).execute()) takenTickets.add(r.number);
  }
  const ids = fresh.flatMap(({ o }) => o.payments.map((p, j) => externalIdOf(o.number, p, j)));
  const takenIds = new Set<string>();
  for (let k = 0; k < ids.length; k += 500) {
    const part = ids.slice(k, k + 500);
    for (const r of await trx.selectFrom('payments').select('external_id').where('external_id', 'in', part).execute()) takenIds.add(r.external_id!);
  }
  for (const { o, i } of fresh) {
    if (takenTickets.has(o.ticket.number)) clash.push({ path: `orders[${i}].ticket.number`, message: `ticket ${o.ticket.number} exists already, on another order` });
    o.payments.forEach((p, j) => {
      const id = externalIdOf(o.number, p, j);
      if (takenIds.has(id)) clash.push({ path: `orders[${i}].payments[${j}].externalId`, message: `external id "${id}" exists already` });
    });
  }
  if (clash.length) throw new FixtureError(clash);
  const zoneOf = new Map((await trx.selectFrom('locations').select(['id', 'time_zone']).execute()).map((l) => [l.id, l.time_zone]));
  let maxOrder = 0;
  let maxTicket = 0;
  for (const [i, o] of f.orders.entries()) {
    maxOrder = Math.max(maxOrder, o.number);
    maxTicket = Math.max(maxTicket, o.ticket.number);
    if (present.has(o.number)) {
      report.orders.unchanged++;
      continue;
    }
    const svc = services.get(o.service)!;
    const lines = o.lines.map((l, position) => {
      const unitPrice = l.unitPrice ?? svc.tariffs.get(l.tariff)!;
      return { position, description: l.description ?? svc.name, tariff: l.tariff, quantity: l.quantity, unit_price: unitPrice, amount: unitPrice * l.quantity };
    });
    const total = lines.reduce((a, l) => a + l.amount, 0);
    const minRemaining = locFloor.get(svc.locationId)!;
    let money: OrderMoney = { status: statusFor(total, 0), total, paid: 0, minRemaining, partialPayment: svc.partialPayment };
    const events: { at: string; event: OrderEvent; authorId: number | null }[] = [];
    for (const [j, p] of o.payments.entries()) {
      try {
        money = applyPayment(money, p.amount);
      } catch (e) {
        if (e instanceof RuleError) throw new FixtureError([{ path: `orders[${i}].payments[${j}].amount`, message: e.message }]);
        throw e;
      }
      const byName = p.recordedBy === null ? null : nameOf(p.recordedBy);
      events.push({
        at: iso(p.at),
        authorId: null,
        event:
          p.source === 'gateway'
            ? { code: 'payment_gateway', amount: p.amount, method: p.method }
            : { code: 'payment_recorded', amount: p.amount, method: p.method, by: byName ?? '' },
      });
    }
    if (o.assignee !== null) {
      events.push({ at: iso(o.createdAt), authorId: null, event: { code: 'assignee_changed', to: nameOf(o.assignee), by: null } });
    }
    if (o.cancelled) {
      const c = applyCancel(money);
      money = c;
      const who = nameOf(o.cancelled.by);
      events.push({ at: iso(o.cancelled.at), authorId: null, event: { code: 'order_cancelled', by: who, reason: o.cancelled.reason, refundDue: c.refundDue } });
    }
    const start = iso(o.ticket.start);
    await trx
      .insertInto('orders')
      .values({
        number: o.number,
        created_at: iso(o.createdAt),
        created_by: o.createdBy === null ? null : userIds.get(o.createdBy)!,
        service_id: svc.id,
        applicant_id: userIds.get(o.applicant)!,
        assignee_id: o.assignee === null ? null : userIds.get(o.assignee)!,
        status: money.status,
        due_date: o.dueDate ?? localDate(new Date(start), zoneOf.get(svc.locationId)!),
        total,
        paid: money.paid,
        min_remaining: minRemaining,
        cancelled_at: o.cancelled ? iso(o.cancelled.at) : null,
        cancelled_by: o.cancelled ? userIds.get(o.cancelled.by)! : null,
        cancel_reason: o.cancelled?.reason ?? null,
      })
      .execute();
    await trx.insertInto('order_lines').values(lines.map((l) => ({ ...l, order_number: o.number }))).execute();
    const applicant = people.get(o.applicant);
    await trx
      .insertInto('tickets')
      .values({
        number: o.ticket.number,
        order_number: o.number,
        service_id: svc.id,
        visitor_name: o.ticket.visitor?.name ?? applicant?.name ?? o.applicant,
        visitor_phone: o.ticket.visitor ? o.ticket.visitor.phone : (applicant?.phone ?? null),
        start_at: start,
        end_at: iso(o.ticket.end),
        status: o.ticket.status ?? (o.cancelled ? 'cancelled' : 'active'),
      })
      .execute();
    for (const [j, p] of o.payments.entries()) {
      await trx
        .insertInto('payments')
        .values({
          order_number: o.number,
          amount: p.amount,
          method: p.method,
          source: p.source,
          recorded_by: p.recordedBy === null ? null : userIds.get(p.recordedBy)!,
          created_at: iso(p.at),
          external_id: externalIdOf(o.number, p, j),
        })
        .execute();
      report.payments++;
    }
    const feed = [
      ...events.map((e) => ({ at: e.at, visibility: 'system' as const, authorId: null, event: e.event, text: null })),
      ...o.messages.map((m) => ({ at: iso(m.at), visibility: m.visibility, authorId: userIds.get(m.author)!, event: null, text: m.text })),
    ].sort((a, b) => a.at.localeCompare(b.at));
    for (const m of feed) {
      await insertMessage(trx, { orderNumber: o.number, visibility: m.visibility, authorId: m.authorId, text: m.text, event: m.event, createdAt: m.at });
      report.messages++;
    }
    report.orders.created++;
  }
  if (maxOrder) await bumpCounter(trx, 'order', maxOrder);
  if (maxTicket) await bumpCounter(trx, 'ticket', maxTicket);
  return report;
}
