/**
 * Imports a gateway statement in one write transaction: reads the orders and the external ids the
 * rows name (a handful of queries, whatever the file's length), lets the core decide every row,
 * then writes the recorded rows in bulk: prepared statements on SQLite, multi-row inserts on
 * PostgreSQL. A crash at any point leaves nothing half-applied; a re-run finds what was recorded.
 */
import type { Kysely } from 'kysely';
import { planImport, type ImportPlan, type KnownPayment, type StatementRow } from '../core/statement.js';
import type { OrderMoney, OrderStatus, PaymentMethod, PaymentSource } from '../core/types.js';
import type { Database as Native } from 'better-sqlite3';
import type { DB } from './schema.js';
import { StaleStateError, updateOrderMoney } from './writes.js';

export type ImportOrder = OrderMoney & { number: number; serviceId: number };

const CHUNK = 500;

function chunks<T>(xs: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += CHUNK) out.push(xs.slice(i, i + CHUNK));
  return out;
}

async function loadOrders(trx: Kysely<DB>, numbers: number[], lock: boolean): Promise<Map<number, ImportOrder>> {
  const out = new Map<number, ImportOrder>();
  for (const part of chunks(numbers)) {
    let q = trx
      .selectFrom('orders')
      .innerJoin('services', 'services.id', 'orders.service_id')
      .select(['orders.number', 'orders.status', 'orders.total', 'orders.paid', 'orders.min_remaining', 'orders.service_id', 'services.partial_payment'])
      .where('orders.number', 'in', part)
      .orderBy('orders.number');
    if (lock) q = q.forUpdate();
    for (const r of await q.execute()) {
      out.set(r.number, {
        number: r.number,
        serviceId: r.service_id,
        status: r.status as OrderStatus,
        total: r.total,
        paid: r.paid,
        minRemaining: r.min_remaining,
        partialPayment: r.partial_payment === 1,
      });
    }
  }
  return out;
}

async function loadKnown(trx: Kysely<DB>, ids: string[]): Promise<Map<string, KnownPayment>> {
  const out = new Map<string, KnownPayment>();
  for (const part of chunks(ids)) {
    const rows = await trx
      .selectFrom('payments')
      .select(['external_id', 'order_number', 'amount', 'method', 'source', 'created_at'])
      .where('external_id', 'in', part)
      .execute();
    for (const r of rows) {
      out.set(r.external_id!, { orderNumber: r.order_number, amount: r.amount, method: r.method as PaymentMethod, source: r.source as PaymentSource, createdAt: r.created_at });
    }
  }
  return out;
}

/** SQLite: every order and external id in one query each, the keys passed as one JSON array. */
function loadNative(native: Native, numbers: number[], ids: string[]): { orders: Map<number, ImportOrder>; known: Map<string, KnownPayment> } {
  const orders = new Map<number, ImportOrder>();
  const rows = native
    .prepare(
      `select o.number, o.status, o.total, o.paid, o.min_remaining, o.service_id, s.partial_payment
       from orders o join services s on s.id = o.service_id
       where o.number in (select value from json_each(?))`,
    )
    .all(JSON.stringify(numbers)) as { number: number; status: string; total: number; paid: number; min_remaining: number; service_id: number; partial_payment: number }[];
  for (const r of rows) {
    orders.set(r.number, { number: r.number, serviceId: r.service_id, status: r.status as OrderStatus, total: r.total, paid: r.paid, minRemaining: r.min_remaining, partialPayment: r.partial_payment === 1 });
  }
  const known = new Map<string, KnownPayment>();
  const payments = native
    .prepare(`select external_id, order_number, amount, method, source, created_at from payments where external_id in (select value from json_each(?))`)
    .all(JSON.stringify(ids)) as { external_id: string; order_number: number; amount: number; method: string; source: string; created_at: string }[];
  for (const r of payments) {
    known.set(r.external_id, { orderNumber: r.order_number, amount: r.amount, method: r.method as PaymentMethod, source: r.source as PaymentSource, createdAt: r.created_at });
  }
  return { orders, known };
}

export async function importStatement(
  trx: Kysely<DB>,
  native: Native | undefined,
  dialect: 'sqlite' | 'postgres',
  rows: StatementRow[],
  mayProcess: (order: ImportOrder) => boolean,
): Promise<ImportPlan<ImportOrder>> {
  const numbers = [...new Set(rows.map((r) => r.orderNumber))];
  const ids = [...new Set(rows.map((r) => r.externalId))];
  const { orders, known } = native
    ? loadNative(native, numbers, ids)
    : { orders: await loadOrders(trx, numbers, dialect === 'postgres'), known: await loadKnown(trx, ids) };
  const plan = planImport(rows, orders, known, mayProcess);
  if (plan.toRecord.length === 0) return plan;

  const event = (r: StatementRow) => JSON.stringify({ amount: r.amount, method: r.method });
  if (native) {
    const insPayment = native.prepare(
      `insert into payments (order_number, amount, method, source, recorded_by, created_at, external_id) values (?, ?, ?, 'gateway', null, ?, ?)`,
    );
    const insMessage = native.prepare(
      `insert into messages (order_number, visibility, author_id, body, event, data, created_at) values (?, 'system', null, null, 'payment_gateway', ?, ?)`,
    );
    const update = native.prepare(`update orders set paid = ?, status = ? where number = ? and paid = ? and status = ?`);
    for (const r of plan.toRecord) {
      insPayment.run(r.orderNumber, r.amount, r.method, r.paidAt, r.externalId);
      insMessage.run(r.orderNumber, event(r), r.paidAt);
    }
    for (const [number, { before, after }] of plan.changed) {
      if (update.run(after.paid, after.status, number, before.paid, before.status).changes !== 1) throw new StaleStateError(`order ${number}`);
    }
    return plan;
  }
  for (const part of chunks(plan.toRecord)) {
    await trx
      .insertInto('payments')
      .values(part.map((r) => ({ order_number: r.orderNumber, amount: r.amount, method: r.method, source: 'gateway', recorded_by: null, created_at: r.paidAt, external_id: r.externalId })))
      .execute();
    await trx
      .insertInto('messages')
      .values(part.map((r) => ({ order_number: r.orderNumber, visibility: 'system', author_id: null, body: null, event: 'payment_gateway', data: event(r), created_at: r.paidAt })))
      .execute();
  }
  for (const [number, { before, after }] of plan.changed) await updateOrderMoney(trx, number, before, after);
  return plan;
}
