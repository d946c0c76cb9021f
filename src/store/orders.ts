import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
import type { SearchQuery } from '../core/search.js';
import type { Order, OrderLine, OrderStatus, Role, Service, Ticket, TicketStatus } from '../core/types.js';
import { dayRange } from '../core/time.js';
import type { DB } from './schema.js';
import { orderMatches, type OrderMatch } from './search.js';
import { userRef } from './users.js';

/** Who is looking: decides which orders a list contains (SPEC.md rule 1). */
export interface Viewer {
  id: number;
  login: string;
  role: Role;
}

export interface OrderFilter {
  statuses?: OrderStatus[] | undefined;
  serviceId?: number | undefined;
  /** A user id, or 'none' for orders without an executor. */
  assignee?: number | 'none' | undefined;
  /** Local days (a date, `today`, `yesterday`, `tomorrow`): orders whose rental period touches [from, to]. */
  from?: string | undefined;
  to?: string | undefined;
  /** The clock that `today` is read by. */
  now?: Date | undefined;
  /** Only orders with money due for refund. */
  refundDue?: boolean | undefined;
  /** Only orders of this applicant (a user id). */
  applicant?: number | undefined;
  /** Orders whose number, ticket number, applicant or visitor match (src/core/search.ts). */
  search?: SearchQuery | undefined;
  /**
   * How the search's orders are found (src/store/search.ts), decided by the store before a list:
   * without it, each order's keys are tested.
   */
  match?: OrderMatch | undefined;
  /** Only orders whose ticket has one of these statuses. */
  ticketStatuses?: TicketStatus[] | undefined;
  /** Local days (as `from`/`to`): only orders whose rental starts within [startFrom, startTo]. */
  startFrom?: string | undefined;
  startTo?: string | undefined;
  /**
   * `created` (the default): newest first. `start`: by the rental's start, earliest first, as
   * arrivals come; only orders with a ticket.
   */
  sort?: OrderSort | undefined;
}

export type OrderSort = 'created' | 'start';

function baseQuery(db: Kysely<DB>) {
  return db
    .selectFrom('orders')
    .innerJoin('users as app', 'app.id', 'orders.applicant_id')
    .leftJoin('users as asg', 'asg.id', 'orders.assignee_id')
    .leftJoin('users as crt', 'crt.id', 'orders.created_by')
    .leftJoin('tickets', 'tickets.order_number', 'orders.number')
    .select([
      'orders.number',
      'orders.created_at',
      'orders.service_id',
      'orders.status',
      'orders.due_date',
      'orders.total',
      'orders.paid',
      'orders.min_remaining',
      'orders.kept',
      'orders.cancelled_at',
      'orders.cancel_reason',
      'app.login as app_login',
      'app.name as app_name',
      'app.phone as app_phone',
      'app.role as app_role',
      'asg.login as asg_login',
      'asg.name as asg_name',
      'asg.phone as asg_phone',
      'asg.role as asg_role',
      'crt.login as crt_login',
      'crt.name as crt_name',
      'crt.phone as crt_phone',
      'crt.role as crt_role',
      'tickets.number as t_number',
      'tickets.status as t_status',
      'tickets.visitor_name as t_visitor_name',
      'tickets.visitor_phone as t_visitor_phone',
      'tickets.start_at as t_start',
      'tickets.end_at as t_end',
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;

/** A row whose joins the foreign keys guarantee found nothing: the database is damaged. */
function missing(number: number, what: string): never {
  throw new Error(`order ${number}: its ${what} is missing`);
}

function toTicket(r: Row): Ticket | null {
  if (r.t_number === null || r.t_status === null) return null;
  if (r.t_visitor_name === null || r.t_start === null || r.t_end === null) return missing(r.number, `ticket ${r.t_number}`);
  return {
    number: r.t_number,
    status: r.t_status,
    visitor: { name: r.t_visitor_name, phone: r.t_visitor_phone },
    start: r.t_start,
    end: r.t_end,
  };
}

function toOrder(r: Row, services: Map<number, Service>, lines: OrderLine[]): Order {
  const service = services.get(r.service_id) ?? missing(r.number, `service ${r.service_id}`);
  return {
    number: r.number,
    createdAt: r.created_at,
    createdBy: userRef({ login: r.crt_login, name: r.crt_name, phone: r.crt_phone, role: r.crt_role }),
    service,
    applicant: userRef({ login: r.app_login, name: r.app_name, phone: r.app_phone, role: r.app_role }) ?? missing(r.number, 'applicant'),
    assignee: userRef({ login: r.asg_login, name: r.asg_name, phone: r.asg_phone, role: r.asg_role }),
    status: r.status,
    dueDate: r.due_date,
    total: r.total,
    paid: r.paid,
    minRemaining: r.min_remaining,
    partialPayment: service.partialPayment,
    kept: r.kept,
    lines,
    ticket: toTicket(r),
    cancelledAt: r.cancelled_at,
    cancelReason: r.cancel_reason,
  };
}

async function linesOf(db: Kysely<DB>, numbers: number[]): Promise<Map<number, OrderLine[]>> {
  const out = new Map<number, OrderLine[]>();
  if (numbers.length === 0) return out;
  const rows = await db
    .selectFrom('order_lines')
    .selectAll()
    .where('order_number', 'in', numbers)
    .orderBy('order_number')
    .orderBy('position')
    .execute();
  for (const l of rows) {
    let list = out.get(l.order_number);
    if (!list) out.set(l.order_number, (list = []));
    list.push({ description: l.description, tariff: l.tariff, quantity: l.quantity, unitPrice: l.unit_price, amount: l.amount });
  }
  return out;
}

async function hydrate(db: Kysely<DB>, rows: Row[], services: Map<number, Service>): Promise<Order[]> {
  const lines = await linesOf(
    db,
    rows.map((r) => r.number),
  );
  return rows.map((r) => toOrder(r, services, lines.get(r.number) ?? []));
}

export async function findOrder(db: Kysely<DB>, number: number, services: Map<number, Service>): Promise<Order | null> {
  const row = await baseQuery(db).where('orders.number', '=', number).executeTakeFirst();
  if (!row) return null;
  const [order] = await hydrate(db, [row], services);
  return order ?? null;
}

/**
 * Reads an order inside a write transaction, taking its row lock where the database has row locks
 * (PostgreSQL). On SQLite the transaction already holds the database's write lock.
 */
export async function lockOrder(
  trx: Kysely<DB>,
  number: number,
  services: Map<number, Service>,
  dialect: 'sqlite' | 'postgres',
): Promise<Order | null> {
  if (dialect === 'postgres') {
    const locked = await trx.selectFrom('orders').select('number').where('number', '=', number).forUpdate().executeTakeFirst();
    if (!locked) return null;
  }
  return findOrder(trx, number, services);
}

/** The number of the order that a booking with this idempotency key made, if any. */
export async function orderByKey(db: Kysely<DB>, key: string): Promise<number | null> {
  const r = await db.selectFrom('orders').select('number').where('idempotency_key', '=', key).executeTakeFirst();
  return r?.number ?? null;
}

function visibleTo(viewer: Viewer, services: Map<number, Service>) {
  return (eb: ExpressionBuilder<DB, 'orders'>): Expression<SqlBool> => {
    if (viewer.role === 'admin') return sql<SqlBool>`1 = 1`;
    if (viewer.role === 'guest') return eb('orders.applicant_id', '=', viewer.id);
    const managed = [...services.values()].filter((s) => s.managers.includes(viewer.login)).map((s) => s.id);
    return managed.length ? eb('orders.service_id', 'in', managed) : sql<SqlBool>`1 = 0`;
  };
}

/** The service ids of each time zone: local dates mean different instants in each zone. */
function servicesByZone(services: Map<number, Service>): Map<string, number[]> {
  const byZone = new Map<string, number[]>();
  for (const s of services.values()) {
    const ids = byZone.get(s.location.timeZone) ?? [];
    ids.push(s.id);
    byZone.set(s.location.timeZone, ids);
  }
  return byZone;
}

function filtered(db: Kysely<DB>, viewer: Viewer, f: OrderFilter, services: Map<number, Service>) {
  let q = baseQuery(db).where(visibleTo(viewer, services));
  if (f.statuses?.length) q = q.where('orders.status', 'in', f.statuses);
  if (f.serviceId !== undefined) q = q.where('orders.service_id', '=', f.serviceId);
  if (f.applicant !== undefined) q = q.where('orders.applicant_id', '=', f.applicant);
  if (f.ticketStatuses?.length) q = q.where('tickets.status', 'in', f.ticketStatuses);
  const match = f.match ?? (f.search ? { query: f.search } : undefined);
  if (match) q = q.where(orderMatches(match));
  // A list by rental start reads orders that have a ticket. Said as a range of start_at (every
  // instant is >= ''), it lets the database walk the tickets' (start_at, order_number) index;
  // `is not null` does not.
  if (f.sort === 'start') q = q.where('tickets.start_at', '>=', '');
  if (f.refundDue)
    q = q.where((eb) =>
      eb.or([
        eb.and([eb('orders.status', '=', 'cancelled'), eb('orders.paid', '>', eb.ref('orders.kept'))]),
        eb.and([eb('orders.status', '<>', 'cancelled'), eb('orders.paid', '>', eb.ref('orders.total'))]),
      ]),
    );
  if (f.assignee === 'none') q = q.where('orders.assignee_id', 'is', null);
  else if (f.assignee !== undefined) q = q.where('orders.assignee_id', '=', f.assignee);
  if (f.from !== undefined || f.to !== undefined) {
    // Local dates mean different instants in each location's zone: one bound pair per zone.
    const byZone = servicesByZone(services);
    q = q.where((eb) =>
      eb.or(
        [...byZone].map(([tz, ids]) => {
          const parts: Expression<SqlBool>[] = [eb('orders.service_id', 'in', ids)];
          const range = dayRange(f.from, f.to, f.now ?? new Date(), tz);
          if (range.from !== null) parts.push(eb('tickets.end_at', '>', range.from));
          if (range.to !== null) parts.push(eb('tickets.start_at', '<', range.to));
          return eb.and(parts);
        }),
      ),
    );
  }
  if (f.startFrom !== undefined || f.startTo !== undefined) {
    const byZone = servicesByZone(services);
    q = q.where((eb) =>
      eb.or(
        [...byZone].map(([tz, ids]) => {
          const parts: Expression<SqlBool>[] = [eb('orders.service_id', 'in', ids)];
          const range = dayRange(f.startFrom, f.startTo, f.now ?? new Date(), tz);
          if (range.from !== null) parts.push(eb('tickets.start_at', '>=', range.from));
          if (range.to !== null) parts.push(eb('tickets.start_at', '<', range.to));
          return eb.and(parts);
        }),
      ),
    );
  }
  return q;
}

export async function countOrders(db: Kysely<DB>, viewer: Viewer, f: OrderFilter, services: Map<number, Service>): Promise<number> {
  const r = await filtered(db, viewer, f, services)
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/**
 * The orders a viewer may see, newest first (or by rental start, earliest first), read a page at a
 * time (keyset pagination), so a list of any length runs in flat memory.
 */
export async function* iterateOrders(
  db: Kysely<DB>,
  viewer: Viewer,
  f: OrderFilter,
  services: Map<number, Service>,
  opts: { limit?: number | undefined; pageSize?: number } = {},
): AsyncGenerator<Order> {
  const pageSize = opts.pageSize ?? 500;
  let left = opts.limit ?? Infinity;
  const byStart = f.sort === 'start';
  let after: { at: string; number: number } | null = null;
  while (left > 0) {
    let q = filtered(db, viewer, f, services).limit(Math.min(pageSize, left));
    q = byStart
      ? q.orderBy('tickets.start_at', 'asc').orderBy('tickets.order_number', 'asc')
      : q.orderBy('orders.created_at', 'desc').orderBy('orders.number', 'desc');
    if (after) {
      const a: { at: string; number: number } = after;
      // A row-value comparison, which both databases answer from the (created_at, number) index,
      // or the tickets' (start_at, order_number) one.
      // By start, the plain bound on start_at is what lets the database seek in that index.
      q = byStart
        ? q
            .where('tickets.start_at', '>=', a.at)
            .where((eb) => eb(eb.refTuple('tickets.start_at', 'tickets.order_number'), '>', eb.tuple(a.at, a.number)))
        : q.where((eb) => eb(eb.refTuple('orders.created_at', 'orders.number'), '<', eb.tuple(a.at, a.number)));
    }
    const rows = await q.execute();
    for (const o of await hydrate(db, rows, services)) yield o;
    if (rows.length < pageSize) return;
    left -= rows.length;
    const last = rows.at(-1);
    if (!last) return;
    const at = byStart ? last.t_start : last.created_at;
    if (at === null) return missing(last.number, 'ticket');
    after = { at, number: last.number };
  }
}
