/**
 * Money at the desk (SPEC.md rules 3–5b, 8): recording a payment, giving money back (a refund),
 * and undoing a payment recorded by mistake (a reversal). Each runs one transaction that locks the
 * order, asks the core, and writes the entry, the order's new balance and the system message
 * together, or nothing.
 */
import { assertCanProcessOrder } from '../core/access.js';
import { NotFoundError } from '../core/errors.js';
import { refundAtDesk, reverseDeskPayment } from '../core/ledger.js';
import type { Kopecks } from '../core/money.js';
import { payAtDesk, replayEntry } from '../core/orders.js';
import type { EntryKind, Order, OrderEvent, OrderMoney, Payment, PaymentMethod } from '../core/types.js';
import type { Actor, Tx, UnitOfWork } from './context.js';

export interface DeskEntryInput {
  number: number;
  amount: Kopecks;
  method: PaymentMethod;
  /** The cash register's receipt number, a transfer's reference. */
  reference?: string | null | undefined;
  /** Makes a retry safe: the same key with the same order, amount and method records once. */
  idempotencyKey?: string | undefined;
}

export type DeskPaymentInput = DeskEntryInput;

export interface DeskRefundInput extends DeskEntryInput {
  reason?: string | null | undefined;
}

export interface DeskEntryResult {
  payment: Payment;
  /** The order after the entry (or as it is, on a replay). */
  order: Order;
  /** True when the key had already recorded this entry: nothing was written. */
  replayed: boolean;
  events: OrderEvent[];
}

export type DeskPaymentResult = DeskEntryResult;

/** The order, for an operator who may process it: otherwise a refusal (exit 4 or 5). */
export async function orderToProcess(find: (n: number) => Promise<Order | null>, actor: Actor, number: number): Promise<Order> {
  const order = await find(number);
  if (!order) throw new NotFoundError('orderNotFound', { number });
  assertCanProcessOrder(actor, order);
  return order;
}

/**
 * A desk entry (a payment or a refund) in one transaction: a key already used replays its entry
 * or is a conflict; otherwise the core decides and the entry, the balance and the event are
 * written together.
 */
async function deskEntry(
  uow: UnitOfWork,
  actor: Actor,
  kind: Exclude<EntryKind, 'reversal'>,
  input: DeskRefundInput,
  decide: (order: Order) => { order: OrderMoney; event: OrderEvent },
  at: Date,
): Promise<DeskEntryResult> {
  return uow.write(async (tx) => {
    const order = await orderToProcess((n) => tx.lockOrder(n), actor, input.number);
    const key = input.idempotencyKey;
    if (key !== undefined) {
      const existing = await tx.entryByKey(key);
      if (existing) {
        const payment = replayEntry(existing, { orderNumber: order.number, kind, amount: input.amount, method: input.method }, key);
        return { payment, order, replayed: true, events: [] };
      }
    }
    const { order: next, event } = decide(order);
    const id = await tx.writePayment(
      order,
      next,
      {
        orderNumber: order.number,
        kind,
        amount: input.amount,
        method: input.method,
        source: 'manager',
        recordedBy: actor.id,
        createdAt: at.toISOString(),
        externalId: null,
        deskKey: key ?? null,
        reference: input.reference ?? null,
        reason: input.reason ?? null,
      },
      event,
    );
    return { payment: await tx.payment(id), order: await reread(tx, actor, order.number), replayed: false, events: [event] };
  });
}

const reread = (tx: Tx, actor: Actor, number: number) => orderToProcess((n) => tx.lockOrder(n), actor, number);

/** `pay record`: the guest's payment at the desk (rule 3). */
export function recordDeskPayment(uow: UnitOfWork, actor: Actor, input: DeskPaymentInput, at: Date): Promise<DeskPaymentResult> {
  return deskEntry(uow, actor, 'payment', input, (o) => payAtDesk(o, { amount: input.amount, method: input.method, by: actor.name }), at);
}

/** `pay refund`: money given back at the desk, at most what is due (rule 5a). */
export function recordRefund(uow: UnitOfWork, actor: Actor, input: DeskRefundInput, at: Date): Promise<DeskEntryResult> {
  return deskEntry(
    uow,
    actor,
    'refund',
    input,
    (o) => refundAtDesk(o, { amount: input.amount, method: input.method, by: actor.name, reason: input.reason ?? null }),
    at,
  );
}

/**
 * The entry of this id on an order the operator may process: an entry of an order they may not
 * see reads as one that does not exist (rule 8a).
 */
export async function entryToProcess(
  read: { findPayment(id: number): Promise<Payment | null>; order(n: number): Promise<Order | null> },
  actor: Actor,
  id: number,
): Promise<{ payment: Payment; order: Order }> {
  const payment = await read.findPayment(id);
  const order = payment ? await read.order(payment.orderNumber) : null;
  if (!payment || !order) throw new NotFoundError('paymentNotFound', { id: String(id) });
  try {
    assertCanProcessOrder(actor, order);
  } catch (e) {
    if (e instanceof NotFoundError) throw new NotFoundError('paymentNotFound', { id: String(id) });
    throw e;
  }
  return { payment, order };
}

export interface ReversalResult {
  /** The new entry that undoes the payment. */
  reversal: Payment;
  /** The payment undone, now marked as reversed. */
  payment: Payment;
  order: Order;
  events: OrderEvent[];
}

/** `pay reverse`: undoes a desk payment recorded by mistake, once (rule 5b). */
export async function reversePayment(
  uow: UnitOfWork,
  actor: Actor,
  input: { id: number; reason: string | null },
  at: Date,
): Promise<ReversalResult> {
  return uow.write(async (tx) => {
    const found = await entryToProcess({ findPayment: (id) => tx.findPayment(id), order: (n) => tx.lockOrder(n) }, actor, input.id);
    const { payment, order } = found;
    const { order: next, event } = reverseDeskPayment(order, payment, { by: actor.name, reason: input.reason });
    const id = await tx.writePayment(
      order,
      next,
      {
        orderNumber: order.number,
        kind: 'reversal',
        amount: payment.amount,
        method: payment.method,
        source: 'manager',
        recordedBy: actor.id,
        createdAt: at.toISOString(),
        externalId: null,
        reverses: input.id,
        reason: input.reason,
      },
      event,
    );
    return {
      reversal: await tx.payment(id),
      payment: await tx.payment(input.id),
      order: await reread(tx, actor, order.number),
      events: [event],
    };
  });
}
