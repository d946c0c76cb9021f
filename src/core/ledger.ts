/**
 * The ledger's other entries (SPEC.md rules 3a, 5a, 5b): money the gateway took (a fact, recorded
 * even when it breaks a desk rule, with a warning), money given back (a refund), and a desk payment
 * undone as a mistake (a reversal). Desk payments and cancels are in ./orders.ts. Pure: an order's
 * money in, its next state and the event for its feed out, or a RuleError that says why not.
 */
import { RuleError } from './errors.js';
import { add, subtract, type Kopecks } from './money.js';
import { refundDueOf, remainingOf, statusFor } from './orders.js';
import type { OrderEvent, OrderMoney, Payment, PaymentMethod, WarningCode } from './types.js';

function assertAmount(amount: Kopecks): void {
  if (!Number.isSafeInteger(amount) || amount <= 0) {
    throw new RangeError(`an amount is a positive whole number of kopecks, not ${amount}`);
  }
}

/** The status that `paid` means: a cancelled order stays cancelled whatever its money does. */
function statusAfter<T extends OrderMoney>(o: T, paid: Kopecks): T {
  return { ...o, paid, status: o.status === 'cancelled' ? 'cancelled' : statusFor(o.total, paid) };
}

/**
 * Which desk rule a gateway payment of `amount` breaks, if any: it lands on a cancelled order,
 * pays more than remains, or leaves less than the floor to pay.
 */
export function gatewayWarning(o: OrderMoney, amount: Kopecks): WarningCode | null {
  if (o.status === 'cancelled') return 'ORDER_CANCELLED';
  const remaining = remainingOf(o);
  if (amount > remaining) return 'OVERPAID';
  const after = remaining - amount;
  if (after > 0 && after < o.minRemaining) return 'REMAINING_BELOW_MINIMUM';
  return null;
}

/**
 * Rule 3a: money the gateway took is recorded whatever the desk rules say; when it breaks one, the
 * entry and its event carry the warning. Money over the total, or on a cancelled order, is due
 * for refund.
 */
export function gatewayPayment<T extends OrderMoney>(
  o: T,
  p: { amount: Kopecks; method: PaymentMethod },
): { order: T; event: OrderEvent; warning: WarningCode | null } {
  assertAmount(p.amount);
  const warning = gatewayWarning(o, p.amount);
  const order = statusAfter(o, add(o.paid, p.amount));
  return { order, event: { code: 'payment_gateway', amount: p.amount, method: p.method, warning }, warning };
}

/**
 * Rule 5a: money given back at the desk, at most what is due for refund (on a cancelled order what
 * was paid less the fee kept; on a live one what was paid over the total).
 */
export function refundAtDesk<T extends OrderMoney>(
  o: T,
  p: { amount: Kopecks; method: PaymentMethod; by: string; reason: string | null },
): { order: T; event: OrderEvent } {
  assertAmount(p.amount);
  const due = refundDueOf(o);
  if (due <= 0) throw new RuleError('NOTHING_TO_REFUND');
  if (p.amount > due) throw new RuleError('REFUND_EXCEEDS_DUE', { amount: p.amount, due });
  return {
    order: statusAfter(o, subtract(o.paid, p.amount)),
    event: { code: 'payment_refunded', amount: p.amount, method: p.method, by: p.by, reason: p.reason },
  };
}

/**
 * A refund the gateway made (a statement's refund row): a fact like its payments. One beyond what
 * is due is recorded with a warning; one beyond what was paid (less the fee kept) cannot be, as
 * the ledger never gives back money it did not take.
 */
export function gatewayRefund<T extends OrderMoney>(
  o: T,
  p: { amount: Kopecks; method: PaymentMethod },
): { order: T; event: OrderEvent; warning: WarningCode | null } {
  assertAmount(p.amount);
  const available = subtract(o.paid, o.kept);
  if (p.amount > available) throw new RuleError('REFUND_EXCEEDS_PAID', { amount: p.amount, paid: available });
  const warning = p.amount > refundDueOf(o) ? 'REFUND_EXCEEDS_DUE' : null;
  return {
    order: statusAfter(o, subtract(o.paid, p.amount)),
    event: { code: 'payment_refunded', amount: p.amount, method: p.method, by: null, reason: null },
    warning,
  };
}

/**
 * Rule 5b: undoes a desk payment recorded by mistake, once. A gateway payment is money really
 * taken: it is refunded, never reversed. The floor is a rule of new payments, so a reversal is
 * allowed whatever it leaves to pay; it cannot take back money already given back (or kept as a
 * fee), which would leave the ledger below nothing.
 */
export function reverseDeskPayment<T extends OrderMoney>(
  o: T,
  payment: Pick<Payment, 'id' | 'kind' | 'source' | 'amount' | 'method' | 'reversedBy'>,
  p: { by: string; reason: string | null },
): { order: T; event: OrderEvent } {
  if (payment.kind !== 'payment') throw new RuleError('NOT_A_PAYMENT', { id: payment.id, kind: payment.kind });
  if (payment.source !== 'manager') throw new RuleError('GATEWAY_NOT_REVERSIBLE', { id: payment.id });
  if (payment.reversedBy !== null) throw new RuleError('ALREADY_REVERSED', { id: payment.id, by: payment.reversedBy });
  const available = subtract(o.paid, o.kept);
  if (payment.amount > available) throw new RuleError('REVERSAL_EXCEEDS_PAID', { amount: payment.amount, paid: available });
  return {
    order: statusAfter(o, subtract(o.paid, payment.amount)),
    event: { code: 'payment_reversed', amount: payment.amount, method: payment.method, by: p.by, reason: p.reason },
  };
}
