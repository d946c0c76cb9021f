/**
 * Money at the desk: recording a payment (SPEC.md rules 3, 4 and 8). One transaction locks the
 * order, asks the core, and writes the payment, the order's new balance and the system message
 * together, or nothing.
 */
import { assertCanProcessOrder } from '../core/access.js';
import { NotFoundError } from '../core/errors.js';
import type { Kopecks } from '../core/money.js';
import { payAtDesk, replayPayment } from '../core/orders.js';
import type { Order, OrderEvent, Payment, PaymentMethod } from '../core/types.js';
import type { Actor, UnitOfWork } from './context.js';

export interface DeskPaymentInput {
  number: number;
  amount: Kopecks;
  method: PaymentMethod;
  /** Makes a retry safe: the same key with the same order, amount and method records once. */
  idempotencyKey?: string | undefined;
}

export interface DeskPaymentResult {
  payment: Payment;
  /** The order after the payment (or as it is, on a replay). */
  order: Order;
  /** True when the key had already recorded this payment: nothing was written. */
  replayed: boolean;
  events: OrderEvent[];
}

/** The order, for an operator who may process it: otherwise a refusal (exit 4 or 5). */
export async function orderToProcess(find: (n: number) => Promise<Order | null>, actor: Actor, number: number): Promise<Order> {
  const order = await find(number);
  if (!order) throw new NotFoundError('orderNotFound', { number });
  assertCanProcessOrder(actor, order);
  return order;
}

export async function recordDeskPayment(uow: UnitOfWork, actor: Actor, input: DeskPaymentInput, at: Date): Promise<DeskPaymentResult> {
  return uow.write(async (tx) => {
    const order = await orderToProcess((n) => tx.lockOrder(n), actor, input.number);
    const key = input.idempotencyKey;
    if (key !== undefined) {
      const existing = await tx.paymentByExternalId(key);
      if (existing) {
        const payment = replayPayment(
          existing,
          { orderNumber: order.number, amount: input.amount, source: 'manager', method: input.method },
          key,
        );
        return { payment, order, replayed: true, events: [] };
      }
    }
    const { order: next, event } = payAtDesk(order, { amount: input.amount, method: input.method, by: actor.name });
    const createdAt = at.toISOString();
    const id = await tx.writePayment(
      order,
      next,
      {
        orderNumber: order.number,
        amount: input.amount,
        method: input.method,
        source: 'manager',
        recordedBy: actor.id,
        createdAt,
        externalId: key ?? null,
      },
      event,
    );
    return {
      payment: await tx.payment(id),
      order: await orderToProcess((n) => tx.lockOrder(n), actor, order.number),
      replayed: false,
      events: [event],
    };
  });
}
