import type { Expression, Kysely, SqlBool } from 'kysely';
import type { EntryKind, Payment, PaymentMethod, PaymentSource } from '../core/types.js';
import type { DB } from './schema.js';
import { userRef } from './users.js';

function query(db: Kysely<DB>) {
  return db
    .selectFrom('payments')
    .leftJoin('users', 'users.id', 'payments.recorded_by')
    .leftJoin('payments as reversal', 'reversal.reverses', 'payments.id')
    .innerJoin('orders', 'orders.number', 'payments.order_number')
    .innerJoin('services', 'services.id', 'orders.service_id')
    .innerJoin('locations', 'locations.id', 'services.location_id')
    .select([
      'locations.time_zone',
      'orders.service_id',
      'payments.id',
      'payments.order_number',
      'payments.kind',
      'payments.amount',
      'payments.method',
      'payments.source',
      'payments.created_at',
      'payments.external_id',
      'payments.desk_key',
      'payments.reference',
      'payments.fee',
      'payments.reverses',
      'payments.warning',
      'payments.reason',
      'reversal.id as reversed_by',
      'users.login',
      'users.name',
      'users.phone',
      'users.role',
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof query>['executeTakeFirstOrThrow']>>;

function toPayment(r: Row): Payment {
  return {
    id: String(r.id),
    orderNumber: r.order_number,
    kind: r.kind,
    amount: r.amount,
    method: r.method,
    source: r.source,
    createdAt: r.created_at,
    recordedBy: userRef(r),
    externalId: r.external_id,
    idempotencyKey: r.desk_key,
    reference: r.reference,
    fee: r.fee,
    reverses: r.reverses === null ? null : String(r.reverses),
    reversedBy: r.reversed_by === null ? null : String(r.reversed_by),
    warning: r.warning,
    reason: r.reason,
  };
}

export async function paymentsOf(db: Kysely<DB>, orderNumber: number): Promise<Payment[]> {
  const rows = await query(db)
    .where('payments.order_number', '=', orderNumber)
    .orderBy('payments.created_at')
    .orderBy('payments.id')
    .execute();
  return rows.map(toPayment);
}

export interface PaymentFilter {
  orderNumber?: number | undefined;
  /** Only payments of these services' orders; undefined: all. */
  serviceIds?: number[] | undefined;
  /** Only the orders of this applicant. */
  applicantId?: number | undefined;
  source?: PaymentSource | undefined;
  method?: PaymentMethod | undefined;
  kind?: EntryKind | undefined;
  /** Recorded by this user (a desk entry). */
  recordedBy?: number | undefined;
  /** ISO instants: createdAt in [from, to). */
  from?: string | undefined;
  to?: string | undefined;
  /** createdAt in [from, to) for the orders of each service: ISO instants per service, as each location's local days mean. */
  periods?: { serviceIds: number[]; from: string | null; to: string | null }[] | undefined;
}

/** A payment in a list, with its order's service and the time zone for showing its time. */
export type ListedPayment = Payment & { timeZone: string; serviceId: number };

/** Ledger entries, oldest first (by their time, then as recorded), a page at a time. */
export async function* iteratePayments(db: Kysely<DB>, f: PaymentFilter, pageSize = 1000): AsyncGenerator<ListedPayment> {
  let after: { createdAt: string; id: number } | null = null;
  for (;;) {
    let q = query(db);
    if (after) {
      const a = after;
      // A row-value comparison: the (created_at, id) key of the last entry of the page before.
      q = q.where((eb) => eb(eb.refTuple('payments.created_at', 'payments.id'), '>', eb.tuple(a.createdAt, a.id)));
    }
    if (f.orderNumber !== undefined) q = q.where('payments.order_number', '=', f.orderNumber);
    if (f.serviceIds !== undefined)
      q = f.serviceIds.length ? q.where('orders.service_id', 'in', f.serviceIds) : q.where('payments.id', '<', 0);
    if (f.applicantId !== undefined) q = q.where('orders.applicant_id', '=', f.applicantId);
    if (f.source !== undefined) q = q.where('payments.source', '=', f.source);
    if (f.from !== undefined) q = q.where('payments.created_at', '>=', f.from);
    if (f.to !== undefined) q = q.where('payments.created_at', '<', f.to);
    if (f.method !== undefined) q = q.where('payments.method', '=', f.method);
    if (f.kind !== undefined) q = q.where('payments.kind', '=', f.kind);
    if (f.recordedBy !== undefined) q = q.where('payments.recorded_by', '=', f.recordedBy);
    const periods = f.periods;
    if (periods !== undefined)
      q = q.where((eb) =>
        eb.or(
          periods.map((p) => {
            const parts: Expression<SqlBool>[] = [eb('orders.service_id', 'in', p.serviceIds.length ? p.serviceIds : [-1])];
            if (p.from !== null) parts.push(eb('payments.created_at', '>=', p.from));
            if (p.to !== null) parts.push(eb('payments.created_at', '<', p.to));
            return eb.and(parts);
          }),
        ),
      );
    const rows = await q.orderBy('payments.created_at').orderBy('payments.id').limit(pageSize).execute();
    for (const r of rows) yield listed(r);
    const last = rows.at(-1);
    if (!last || rows.length < pageSize) return;
    after = { createdAt: last.created_at, id: last.id };
  }
}

const listed = (r: Row): ListedPayment => ({ ...toPayment(r), timeZone: r.time_zone, serviceId: r.service_id });

export async function paymentsByExternalIds(db: Kysely<DB>, ids: string[]): Promise<ListedPayment[]> {
  if (!ids.length) return [];
  return (await query(db).where('payments.external_id', 'in', ids).execute()).map(listed);
}

export async function findPaymentByExternalId(db: Kysely<DB>, externalId: string): Promise<Payment | null> {
  const r = await query(db).where('payments.external_id', '=', externalId).executeTakeFirst();
  return r ? toPayment(r) : null;
}

/** The gateway payments of these orders recorded without a gateway id. */
export async function unidentifiedPayments(db: Kysely<DB>, numbers: number[]): Promise<ListedPayment[]> {
  if (!numbers.length) return [];
  const rows = await query(db)
    .where('payments.order_number', 'in', numbers)
    .where('payments.source', '=', 'gateway')
    .where('payments.kind', '=', 'payment')
    .where('payments.external_id', 'is', null)
    .orderBy('payments.id')
    .execute();
  return rows.map(listed);
}

/** The desk entry recorded under this idempotency key. */
export async function findEntryByKey(db: Kysely<DB>, key: string): Promise<Payment | null> {
  const r = await query(db).where('payments.desk_key', '=', key).executeTakeFirst();
  return r ? toPayment(r) : null;
}

export async function paymentById(db: Kysely<DB>, id: number): Promise<Payment | null> {
  const r = await query(db).where('payments.id', '=', id).executeTakeFirst();
  return r ? toPayment(r) : null;
}
