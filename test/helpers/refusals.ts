/**
 * What the pure tests share: an order's money to start from, and what a refusal said (its code,
 * its message key and its values), caught from a function that should throw it.
 */
import { CoworkError, RuleError, type RuleCode } from '../../src/core/errors.js';
import type { OrderMoney } from '../../src/core/types.js';

/** An order's money: 400 ₽, 120 ₽ paid, the 50 ₽ floor, partial payment allowed, unless told. */
export const money = (o: Partial<OrderMoney> = {}): OrderMoney => ({
  status: 'partially_paid',
  total: 40000,
  paid: 12000,
  minRemaining: 5000,
  partialPayment: true,
  kept: 0,
  ...o,
});

/** The refusal of cowork's that `fn` throws; a failure when it throws none, or another error. */
export function thrown(fn: () => unknown): CoworkError {
  try {
    fn();
  } catch (e) {
    if (e instanceof CoworkError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

/** The code, message key and values of the refusal `fn` throws. */
export function said(fn: () => unknown) {
  const e = thrown(fn);
  return { code: e.code, ...e.said };
}

/** The code of the RuleError `fn` throws, or null when it does not throw. */
export function ruleCode(fn: () => unknown): RuleCode | null {
  try {
    fn();
    return null;
  } catch (e) {
    if (e instanceof RuleError) return e.code;
    throw e;
  }
}
