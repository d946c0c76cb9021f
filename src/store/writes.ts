/**
 * The writes of the desk, one order at a time. Each runs inside a write transaction (Store.write),
 * after the core has decided the new state; the updates also check the state they were decided
 * on, so a write that raced another can never apply (the database's CHECK constraints are the last
 * guard). The rows themselves are made by ./bulk.ts and written by ./rows.ts, as every other
 * write of cowork.
 */
import type { Kysely } from 'kysely';
import type { OrderEvent, OrderLine, OrderMoney, OrderStatus, TicketStatus, Visibility } from '../core/types.js';
import { messageRow, paymentRow, systemMessage, writeOrders, type NewPaymentRow } from './bulk.js';
import {
  cancelOrderRow,
  cancelTicketsOf,
  insertMessage,
  insertPayment,
  moveBalances,
  setAssignee,
  setExternalId,
  setTicketStatus,
} from './rows.js';
import type { DB } from './schema.js';

export type { NewPaymentRow } from './bulk.js';
export { StaleStateError } from './rows.js';

/** A ledger entry, the order's new money state and the system message: all three or none. */
export async function writePayment(
  trx: Kysely<DB>,
  before: OrderMoney & { number: number },
  after: OrderMoney,
  p: NewPaymentRow,
  event: OrderEvent,
): Promise<number> {
  await moveBalances({ db: trx, fast: null }, [
    { number: before.number, paid: after.paid, status: after.status, paidBefore: before.paid, statusBefore: before.status },
  ]);
  const id = await insertPayment(trx, paymentRow(p, p.orderNumber));
  await insertMessage(trx, messageRow(systemMessage(event, p.createdAt), p.orderNumber));
  return id;
}

export async function writeCancel(
  trx: Kysely<DB>,
  order: { number: number; status: OrderStatus },
  c: { by: number; at: string; reason: string | null; kept: number },
  event: OrderEvent,
): Promise<void> {
  const { by, at, reason, kept } = c;
  await cancelOrderRow(trx, { number: order.number, from: order.status, at, by, reason, kept });
  await cancelTicketsOf(trx, order.number);
  await insertMessage(trx, messageRow(systemMessage(event, at), order.number));
}

/** A gateway payment recorded without its gateway id gets the one a statement shows. */
export async function writeExternalId(trx: Kysely<DB>, paymentId: number, externalId: string): Promise<void> {
  await setExternalId(trx, paymentId, externalId);
}

export async function writeAssignee(
  trx: Kysely<DB>,
  number: number,
  assigneeId: number | null,
  at: string,
  event: OrderEvent,
): Promise<void> {
  await setAssignee(trx, number, assigneeId);
  await insertMessage(trx, messageRow(systemMessage(event, at), number));
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
  await setTicketStatus(trx, ticket, from, to);
  await insertMessage(trx, messageRow(systemMessage(event, at), orderNumber));
}

export async function writeMessage(
  trx: Kysely<DB>,
  m: { orderNumber: number; visibility: Exclude<Visibility, 'system'>; authorId: number; text: string; at: string },
): Promise<number> {
  return insertMessage(
    trx,
    messageRow({ visibility: m.visibility, authorId: m.authorId, text: m.text, event: null, createdAt: m.at }, m.orderNumber),
  );
}

/** A new booking as the desk makes it: one line, an active ticket, nothing paid yet. */
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

export async function writeOrder(trx: Kysely<DB>, o: NewOrderRow, event: OrderEvent, idempotencyKey: string | null = null): Promise<void> {
  await writeOrders({ db: trx, fast: null }, [
    {
      number: o.number,
      createdAt: o.createdAt,
      createdBy: o.createdBy,
      serviceId: o.serviceId,
      applicantId: o.applicantId,
      assigneeId: null,
      status: o.status,
      dueDate: o.dueDate,
      total: o.line.amount,
      paid: 0,
      minRemaining: o.minRemaining,
      cancelled: null,
      idempotencyKey,
      lines: [o.line],
      ticket: { number: o.ticket, visitorName: o.visitorName, visitorPhone: o.visitorPhone, start: o.start, end: o.end, status: 'active' },
      payments: [],
      messages: [{ visibility: 'system', authorId: null, text: null, event, createdAt: o.createdAt }],
    },
  ]);
}

/** The live bookings of a service that overlap [start, end). */
export async function overlappingBookings(
  trx: Kysely<DB>,
  serviceId: number,
  start: string,
  end: string,
): Promise<{ start: string; end: string }[]> {
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
