/**
 * What importing a gateway statement reads: the orders and the payments its rows name, one query
 * each whatever the file's length (the keys go in as one JSON array on SQLite, one array parameter
 * on PostgreSQL). The use case (src/app/statement.ts) decides; ./bulk.ts writes.
 */
import type { Kysely } from 'kysely';
import type { KnownPayment, UnmatchedPayment } from '../core/statement.js';
import type { OrderMoney } from '../core/types.js';
import type { DialectName } from './open.js';
import type { DB } from './schema.js';
import { among } from './among.js';

/** An order as an import decides on it: its money and its service. */
export type ImportOrder = OrderMoney & { number: number; serviceId: number };

/**
 * The orders of these numbers that exist. On PostgreSQL their rows are locked, in number order
 * (two imports lock in the same order, so neither waits for the other forever).
 */
export async function importOrders(db: Kysely<DB>, dialect: DialectName, numbers: readonly number[]): Promise<Map<number, ImportOrder>> {
  const out = new Map<number, ImportOrder>();
  if (numbers.length === 0) return out;
  let q = db
    .selectFrom('orders')
    .innerJoin('services', 'services.id', 'orders.service_id')
    .select([
      'orders.number',
      'orders.status',
      'orders.total',
      'orders.paid',
      'orders.min_remaining',
      'orders.kept',
      'orders.service_id',
      'services.partial_payment',
    ])
    .where(among(dialect, 'orders.number', numbers));
  if (dialect === 'postgres') q = q.orderBy('orders.number').forUpdate('orders');
  for (const r of await q.execute()) {
    out.set(r.number, {
      number: r.number,
      serviceId: r.service_id,
      status: r.status,
      total: r.total,
      paid: r.paid,
      minRemaining: r.min_remaining,
      partialPayment: r.partial_payment === 1,
      kept: r.kept,
    });
  }
  return out;
}

/** The gateway payments of these orders recorded without a gateway id, oldest first. */
export async function unmatchedPayments(db: Kysely<DB>, dialect: DialectName, numbers: readonly number[]): Promise<UnmatchedPayment[]> {
  if (numbers.length === 0) return [];
  const rows = await db
    .selectFrom('payments')
    .select(['id', 'order_number', 'amount', 'method'])
    .where(among(dialect, 'order_number', numbers))
    .where('source', '=', 'gateway')
    .where('kind', '=', 'payment')
    .where('external_id', 'is', null)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: r.id, orderNumber: r.order_number, amount: r.amount, method: r.method }));
}

/** The payments stored under these external ids. */
export async function knownPayments(db: Kysely<DB>, dialect: DialectName, ids: readonly string[]): Promise<Map<string, KnownPayment>> {
  const out = new Map<string, KnownPayment>();
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom('payments')
    .select(['external_id', 'order_number', 'kind', 'amount', 'method', 'source', 'created_at'])
    .where(among(dialect, 'external_id', ids))
    .execute();
  for (const r of rows) {
    if (r.external_id === null) continue;
    out.set(r.external_id, {
      orderNumber: r.order_number,
      kind: r.kind,
      amount: r.amount,
      method: r.method,
      source: r.source,
      createdAt: r.created_at,
    });
  }
  return out;
}
