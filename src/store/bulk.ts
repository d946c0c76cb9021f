/**
 * What the store writes, as the rest of cowork hands it over (camelCase records of the domain's
 * values), turned into rows, one function per table, and written through ./rows.ts. A desk write,
 * a fixture, generated orders and a statement all come through here, one order or a hundred
 * thousand: the rows of a payment or of a message are made in one place.
 */
import { storedEvent } from '../core/events.js';
import type { Kopecks } from '../core/money.js';
import type {
  EntryKind,
  OrderEvent,
  OrderLine,
  OrderStatus,
  PaymentMethod,
  PaymentSource,
  TicketStatus,
  Visibility,
  WarningCode,
} from '../core/types.js';
import {
  insertMessages,
  insertOrderLines,
  insertOrders,
  insertPayment,
  insertPayments,
  insertTickets,
  moveBalances,
  type Writer,
} from './rows.js';
import type { NewRow } from './schema.js';

/** A ledger entry: a payment unless `kind` says otherwise; what an entry does not have is left out. */
export interface NewPaymentRow {
  orderNumber: number;
  kind?: EntryKind;
  amount: Kopecks;
  method: PaymentMethod;
  source: PaymentSource;
  recordedBy: number | null;
  createdAt: string;
  externalId: string | null;
  deskKey?: string | null;
  reference?: string | null;
  fee?: Kopecks | null;
  /** A reversal: the id of the payment it undoes. */
  reverses?: number | null;
  warning?: WarningCode | null;
  reason?: string | null;
}

/** A message of an order's feed: text by a person, or a system event. */
export interface NewMessageRow {
  orderNumber: number;
  visibility: Visibility;
  authorId: number | null;
  text: string | null;
  event: OrderEvent | null;
  createdAt: string;
}

/** A whole order, written at once: the order, its lines, its ticket, its payments and its feed. */
export interface NewOrderRecord {
  number: number;
  createdAt: string;
  createdBy: number | null;
  serviceId: number;
  applicantId: number;
  assigneeId: number | null;
  status: OrderStatus;
  dueDate: string;
  total: Kopecks;
  paid: Kopecks;
  minRemaining: Kopecks;
  cancelled: { at: string; by: number; reason: string | null } | null;
  /** A cancellation fee kept (none: 0). */
  kept?: Kopecks;
  /** The key of the booking that made it. */
  idempotencyKey?: string | null;
  lines: OrderLine[];
  ticket: { number: number; visitorName: string; visitorPhone: string | null; start: string; end: string; status: TicketStatus };
  /** A reversal names the payment it undoes by its index in this list (`reversesIndex`). */
  payments: (Omit<NewPaymentRow, 'orderNumber' | 'reverses'> & { reversesIndex?: number | null })[];
  /** In the order of the feed. */
  messages: Omit<NewMessageRow, 'orderNumber'>[];
}

/** A payment with the system event that tells the feed about it. */
export interface PaymentWithEvent {
  payment: NewPaymentRow;
  event: OrderEvent;
}

export function paymentRow(p: Omit<NewPaymentRow, 'orderNumber'>, orderNumber: number): NewRow<'payments'> {
  return {
    order_number: orderNumber,
    kind: p.kind ?? 'payment',
    amount: p.amount,
    method: p.method,
    source: p.source,
    recorded_by: p.recordedBy,
    created_at: p.createdAt,
    external_id: p.externalId,
    desk_key: p.deskKey ?? null,
    reference: p.reference ?? null,
    fee: p.fee ?? null,
    reverses: p.reverses ?? null,
    warning: p.warning ?? null,
    reason: p.reason ?? null,
  };
}

export function messageRow(m: Omit<NewMessageRow, 'orderNumber'>, orderNumber: number): NewRow<'messages'> {
  const e = m.event ? storedEvent(m.event) : null;
  return {
    order_number: orderNumber,
    visibility: m.visibility,
    author_id: m.authorId,
    body: m.text,
    event: e?.event ?? null,
    data: e?.data ?? null,
    created_at: m.createdAt,
  };
}

/** The system message of an event. */
export function systemMessage(event: OrderEvent, createdAt: string): Omit<NewMessageRow, 'orderNumber'> {
  return { visibility: 'system', authorId: null, text: null, event, createdAt };
}

export function orderRow(o: NewOrderRecord): NewRow<'orders'> {
  return {
    number: o.number,
    created_at: o.createdAt,
    created_by: o.createdBy,
    service_id: o.serviceId,
    applicant_id: o.applicantId,
    assignee_id: o.assigneeId,
    status: o.status,
    due_date: o.dueDate,
    total: o.total,
    paid: o.paid,
    min_remaining: o.minRemaining,
    cancelled_at: o.cancelled?.at ?? null,
    cancelled_by: o.cancelled?.by ?? null,
    cancel_reason: o.cancelled?.reason ?? null,
    kept: o.kept ?? 0,
    idempotency_key: o.idempotencyKey ?? null,
  };
}

export function lineRow(orderNumber: number, position: number, l: OrderLine): NewRow<'order_lines'> {
  return {
    order_number: orderNumber,
    position,
    description: l.description,
    tariff: l.tariff,
    quantity: l.quantity,
    unit_price: l.unitPrice,
    amount: l.amount,
  };
}

export function ticketRow(o: Pick<NewOrderRecord, 'number' | 'serviceId' | 'ticket'>): NewRow<'tickets'> {
  const t = o.ticket;
  return {
    number: t.number,
    order_number: o.number,
    service_id: o.serviceId,
    visitor_name: t.visitorName,
    visitor_phone: t.visitorPhone,
    start_at: t.start,
    end_at: t.end,
    status: t.status,
  };
}

/**
 * Writes whole orders: every order first, then the lines, tickets, payments and messages that
 * refer to them, each table in one go.
 */
export async function writeOrders(w: Writer, records: readonly NewOrderRecord[]): Promise<void> {
  await insertOrders(w, records.map(orderRow));
  await insertOrderLines(
    w,
    records.flatMap((o) => o.lines.map((l, i) => lineRow(o.number, i, l))),
  );
  await insertTickets(w, records.map(ticketRow));
  // An order whose ledger holds a reversal writes its entries one at a time, so that the reversal
  // can name the id of the payment it undoes; every other order's entries go in one batch.
  const linked = (o: NewOrderRecord) => o.payments.some((p) => p.reversesIndex !== undefined && p.reversesIndex !== null);
  await insertPayments(
    w,
    records.filter((o) => !linked(o)).flatMap((o) => o.payments.map((p) => paymentRow(p, o.number))),
  );
  for (const o of records.filter(linked)) {
    const ids: number[] = [];
    for (const p of o.payments) {
      const reverses = p.reversesIndex === undefined || p.reversesIndex === null ? null : (ids[p.reversesIndex] ?? null);
      ids.push(await insertPayment(w.db, paymentRow({ ...p, reverses }, o.number)));
    }
  }
  await insertMessages(
    w,
    records.flatMap((o) => o.messages.map((m) => messageRow(m, o.number))),
  );
}

/**
 * Records payments on existing orders with their system messages, and moves the orders' balances
 * from the state they were decided on to the new one: all of it, or (on a stale order) nothing.
 */
export async function writePayments(
  w: Writer,
  payments: readonly PaymentWithEvent[],
  moves: readonly { number: number; before: { paid: Kopecks; status: OrderStatus }; after: { paid: Kopecks; status: OrderStatus } }[],
): Promise<void> {
  await moveBalances(
    w,
    moves.map((m) => ({
      number: m.number,
      paid: m.after.paid,
      status: m.after.status,
      paidBefore: m.before.paid,
      statusBefore: m.before.status,
    })),
  );
  await insertPayments(
    w,
    payments.map((p) => paymentRow(p.payment, p.payment.orderNumber)),
  );
  await insertMessages(
    w,
    payments.map((p) => messageRow(systemMessage(p.event, p.payment.createdAt), p.payment.orderNumber)),
  );
}
