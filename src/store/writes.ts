/**
 * The writes that change an order. Each runs inside a write transaction (Store.write), after the
 * core has decided the new state; the updates also check the state they were decided on, so a
 * write that raced another can never apply (the database's CHECK constraints are the last guard).
 */
import type { Kysely } from 'kysely';
import type { OrderEvent, OrderLine, OrderMoney, OrderStatus, PaymentMethod, PaymentSource, TicketStatus, Visibility } from '../core/types.js';
import { insertMessage } from './messages.js';
import type { DB } from './schema.js';

export interface NewPaymentRow {
  orderNumber: number;
  amount: number;
  method: PaymentMethod;
  source: PaymentSource;
  recordedBy: number | null;
  createdAt: string;
  externalId: string | null;
}

export class StaleStateError extends Error {
  constructor(what: string) {
    super(`${what} changed while it was being written; nothing was written`);
  }
}

/** Moves an order's money from `before` to `after`, checking that `before` is still what is stored. */
export async function updateOrderMoney(trx: Kysely<DB>, number: number, before: OrderMoney, after: OrderMoney): Promise<void> {
  const r = await trx
    .updateTable('orders')
    .set({ paid: after.paid, status: after.status })
    .where('number', '=', number)
    .where('paid', '=', before.paid)
    .where('status', '=', before.status)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) throw new StaleStateError(`order ${number}`);
}

export async function insertPaymentRow(trx: Kysely<DB>, p: NewPaymentRow): Promise<number> {
  const r = await trx
    .insertInto('payments')
    .values({
      order_number: p.orderNumber,
      amount: p.amount,
      method: p.method,
      source: p.source,
      recorded_by: p.recordedBy,
      created_at: p.createdAt,
      external_id: p.externalId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/** A payment, the order's new money state and the system message: all three or none. */
export async function writePayment(
  trx: Kysely<DB>,
  before: OrderMoney & { number: number },
  after: OrderMoney,
  p: NewPaymentRow,
  event: OrderEvent,
): Promise<number> {
  await updateOrderMoney(trx, before.number, before, after);
  const id = await insertPaymentRow(trx, p);
  await insertMessage(trx, { orderNumber: p.orderNumber, visibility: 'system', authorId: null, event, createdAt: p.createdAt });
  return id;
}

export async function writeCancel(
  trx: Kysely<DB>,
  order: { number: number; status: OrderStatus },
  by: number,
  at: string,
  reason: string | null,
  event: OrderEvent,
): Promise<void> {
  const r = await trx
    .updateTable('orders')
    .set({ status: 'cancelled', cancelled_at: at, cancelled_by: by, cancel_reason: reason })
    .where('number', '=', order.number)
    .where('status', '=', order.status)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) throw new StaleStateError(`order ${order.number}`);
  await trx.updateTable('tickets').set({ status: 'cancelled' }).where('order_number', '=', order.number).execute();
  await insertMessage(trx, { orderNumber: order.number, visibility: 'system', authorId: null, event, createdAt: at });
}

export async function writeAssignee(trx: Kysely<DB>, number: number, assigneeId: number | null, at: string, event: OrderEvent): Promise<void> {
  await trx.updateTable('orders').set({ assignee_id: assigneeId }).where('number', '=', number).execute();
  await insertMessage(trx, { orderNumber: number, visibility: 'system', authorId: null, event, createdAt: at });
}

export async function writeTicketStatus(
  trx: Kysely<DB>,
  ticket: number,
  from: TicketStatus,
  to: TicketStatus,
  orderNumber: number,
  at: string,
  event: OrderEvent,
): Promise<void> {
  const r = await trx.updateTable('tickets').set({ status: to }).where('number', '=', ticket).where('status', '=', from).executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) throw new StaleStateError(`ticket ${ticket}`);
  await insertMessage(trx, { orderNumber, visibility: 'system', authorId: null, event, createdAt: at });
}

export async function writeMessage(
  trx: Kysely<DB>,
  m: { orderNumber: number; visibility: Exclude<Visibility, 'system'>; authorId: number; text: string; at: string },
): Promise<number> {
  return insertMessage(trx, { orderNumber: m.orderNumber, visibility: m.visibility, authorId: m.authorId, text: m.text, createdAt: m.at });
}

export interface NewOrderRow {
  number: number;
  ticket: number;
  createdAt: string;
  createdBy: number;
  serviceId: number;
  applicantId: number;
  dueDate: string;
  minRemaining: number;
  line: OrderLine;
  visitorName: string;
  visitorPhone: string | null;
  start: string;
  end: string;
  status: OrderStatus;
}

export async function writeOrder(trx: Kysely<DB>, o: NewOrderRow, event: OrderEvent): Promise<void> {
  await trx
    .insertInto('orders')
    .values({
      number: o.number,
      created_at: o.createdAt,
      created_by: o.createdBy,
      service_id: o.serviceId,
      applicant_id: o.applicantId,
      assignee_id: null,
      status: o.status,
      due_date: o.dueDate,
      total: o.line.amount,
      paid: 0,
      min_remaining: o.minRemaining,
      cancelled_at: null,
      cancelled_by: null,
      cancel_reason: null,
    })
    .execute();
  await trx
    .insertInto('order_lines')
    .values({
      order_number: o.number,
      position: 0,
      description: o.line.description,
      tariff: o.line.tariff,
      quantity: o.line.quantity,
      unit_price: o.line.unitPrice,
      amount: o.line.amount,
    })
    .execute();
  await trx
    .insertInto('tickets')
    .values({
      number: o.ticket,
      order_number: o.number,
      service_id: o.serviceId,
      visitor_name: o.visitorName,
      visitor_phone: o.visitorPhone,
      start_at: o.start,
      end_at: o.end,
      status: 'active',
    })
    .execute();
  await insertMessage(trx, { orderNumber: o.number, visibility: 'system', authorId: null, event, createdAt: o.createdAt });
}

/** The live bookings of a service that overlap [start, end). */
export async function overlappingBookings(trx: Kysely<DB>, serviceId: number, start: string, end: string): Promise<{ start: string; end: string }[]> {
  const rows = await trx
    .selectFrom('tickets')
    .select(['start_at', 'end_at'])
    .where('service_id', '=', serviceId)
    .where('status', '<>', 'cancelled')
    .where('start_at', '<', end)
    .where('end_at', '>', start)
    .execute();
  return rows.map((r) => ({ start: r.start_at, end: r.end_at }));
}
