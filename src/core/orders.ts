/**
 * The money rules of an order (SPEC.md rules 2–5b): desk payments, cancels, and what an order's
 * money means. Refunds, reversals and the gateway's facts are in ./ledger.ts. Pure: values in,
 * values or a RuleError out.
 */
import { ConflictError, RuleError } from './errors.js';
import { add, subtract, type Kopecks } from './money.js';
import type { EntryKind, OrderEvent, OrderMoney, OrderStatus, Payment, PaymentMethod } from './types.js';

/** The status that `paid` of `total` means for a live order (rule 2). A total of 0 is confirmed. */
export function statusFor(total: Kopecks, paid: Kopecks): OrderStatus {
  if (paid >= total) return 'confirmed';
  return paid > 0 ? 'partially_paid' : 'awaiting_payment';
}

/** What is left to pay; 0 on a cancelled order, whose money is due for refund instead, and on an overpaid one. */
export function remainingOf(o: Pick<OrderMoney, 'status' | 'total' | 'paid'>): Kopecks {
  return o.status === 'cancelled' ? 0 : Math.max(0, subtract(o.total, o.paid));
}

/**
 * Money to be given back: on a cancelled order what was paid less the fee kept; on a live one what
 * was paid over the total (a gateway overpayment).
 */
export function refundDueOf(o: Pick<OrderMoney, 'status' | 'total' | 'paid' | 'kept'>): Kopecks {
  return o.status === 'cancelled' ? subtract(o.paid, o.kept) : Math.max(0, subtract(o.paid, o.total));
}

/**
 * The amounts a desk payment may take now: any amount in `[partialMin, partialMax]` (when partial
 * payment is possible at all), or exactly `full`. `full` is 0 when nothing can be paid.
 */
export interface PaymentRange {
  full: Kopecks;
  partial: { min: Kopecks; max: Kopecks } | null;
}

export function paymentRange(o: OrderMoney): PaymentRange {
  const remaining = remainingOf(o);
  if (remaining <= 0) return { full: 0, partial: null };
  const max = remaining - o.minRemaining;
  return { full: remaining, partial: o.partialPayment && max >= 1 ? { min: 1, max } : null };
}

/** Whether any payment may be recorded now: the order is live and something remains to pay. */
export function assertPayable(o: Pick<OrderMoney, 'status' | 'total' | 'paid'>): void {
  if (o.status === 'cancelled') {
    throw new RuleError('ORDER_CANCELLED');
  }
  if (remainingOf(o) <= 0) {
    throw new RuleError('ORDER_ALREADY_PAID');
  }
}

/** Whether `amount` may be paid now; throws the RuleError that says why not. */
export function checkPaymentAmount(o: OrderMoney, amount: Kopecks): void {
  if (!Number.isSafeInteger(amount) || amount <= 0) {
    throw new RangeError(`a payment amount is a positive integer of kopecks, not ${amount}`);
  }
  assertPayable(o);
  const remaining = remainingOf(o);
  if (amount > remaining) {
    throw new RuleError('AMOUNT_EXCEEDS_REMAINING', { amount, remaining });
  }
  if (amount === remaining) return;
  if (!o.partialPayment) {
    throw new RuleError('PARTIAL_PAYMENT_NOT_ALLOWED', { remaining });
  }
  if (remaining - amount < o.minRemaining) {
    throw new RuleError('REMAINING_BELOW_MINIMUM', {
      amount,
      after: remaining - amount,
      minRemaining: o.minRemaining,
      range: paymentRange(o),
    });
  }
}

/**
 * Applies a payment to an order (rule 3). Returns the order's new money state; the caller stores
 * the payment and the new state together, or neither.
 */
export function applyPayment<T extends OrderMoney>(o: T, amount: Kopecks): T {
  checkPaymentAmount(o, amount);
  const paid = add(o.paid, amount);
  return { ...o, paid, status: statusFor(o.total, paid) };
}

/**
 * A payment at the desk (rule 3): the order's new money state and the system event that says so.
 * The caller stores the payment, the new state and the event together, or none of them.
 */
export function payAtDesk<T extends OrderMoney>(
  o: T,
  p: { amount: Kopecks; method: PaymentMethod; by: string },
): { order: T; event: OrderEvent } {
  return { order: applyPayment(o, p.amount), event: { code: 'payment_recorded', amount: p.amount, method: p.method, by: p.by } };
}

/**
 * A payment the gateway took as part of a booking or a fixture: it must keep the desk's rules
 * (a statement's rows, which are facts, go through ./ledger.ts gatewayPayment instead).
 */
export function payThroughGateway<T extends OrderMoney>(
  o: T,
  p: { amount: Kopecks; method: PaymentMethod },
): { order: T; event: OrderEvent } {
  return { order: applyPayment(o, p.amount), event: { code: 'payment_gateway', amount: p.amount, method: p.method, warning: null } };
}

/** What identifies a desk entry for idempotency: the same key must mean the same entry. */
export interface EntryIntent {
  orderNumber: number;
  kind: EntryKind;
  amount: Kopecks;
  method: PaymentMethod;
}

/**
 * Rule 4: a key already used returns the first entry if it was made with the same order, kind,
 * amount and method, and is a conflict otherwise.
 */
export function replayEntry(existing: Payment, intent: EntryIntent, key: string): Payment {
  const same =
    existing.orderNumber === intent.orderNumber &&
    existing.kind === intent.kind &&
    existing.amount === intent.amount &&
    existing.method === intent.method;
  // The conflict names nothing of the other entry: its order may be one the operator may not see.
  if (!same) throw new ConflictError('keyConflict', { key });
  return existing;
}

/**
 * Rule 5: cancels a live order, keeping `keep` (a cancellation fee, at most what was paid); the
 * rest of the money paid stays recorded and becomes due for refund.
 */
export function applyCancel<T extends OrderMoney>(o: T, keep: Kopecks = 0): T & { refundDue: Kopecks } {
  if (o.status === 'cancelled') {
    throw new RuleError('ALREADY_CANCELLED');
  }
  if (!Number.isSafeInteger(keep) || keep < 0) throw new RangeError(`a fee kept is a whole number of kopecks, not ${keep}`);
  if (keep > o.paid) throw new RuleError('KEEP_EXCEEDS_PAID', { keep, paid: o.paid });
  const next = { ...o, status: 'cancelled' as const, kept: keep };
  return { ...next, refundDue: refundDueOf(next) };
}

/** Rule 5, with the event: who cancelled, why, the fee kept and what is due for refund. */
export function cancelOrder<T extends OrderMoney>(
  o: T,
  p: { by: string; reason: string | null; keep?: Kopecks },
): { order: T & { refundDue: Kopecks }; event: OrderEvent } {
  const order = applyCancel(o, p.keep ?? 0);
  return { order, event: { code: 'order_cancelled', by: p.by, reason: p.reason, refundDue: order.refundDue, kept: order.kept } };
}
