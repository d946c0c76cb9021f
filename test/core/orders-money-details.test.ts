/** The details of the money rules: the values refusals carry, the events they write, the edges. */
import { describe, expect, it } from 'vitest';
import { cancelOrder, checkPaymentAmount, payAtDesk, paymentRange, payThroughGateway } from '../../src/core/orders.js';
import { add, formatRubles, multiply, parseAmountFlag, subtract } from '../../src/core/money.js';
import { UsageError } from '../../src/core/errors.js';
import { said, money } from '../helpers/refusals.js';

const order = money;

describe('payment refusals carry their values', () => {
  it('more than the remaining balance names the amount and the balance', () => {
    expect(said(() => checkPaymentAmount(order(), 28001))).toEqual({
      code: 'AMOUNT_EXCEEDS_REMAINING',
      key: 'AMOUNT_EXCEEDS_REMAINING',
      args: [{ amount: 28001, remaining: 28000 }],
    });
  });

  it('a part of the balance where partial payment is not allowed names the balance', () => {
    expect(said(() => checkPaymentAmount(order({ partialPayment: false }), 10000))).toEqual({
      code: 'PARTIAL_PAYMENT_NOT_ALLOWED',
      key: 'PARTIAL_PAYMENT_NOT_ALLOWED',
      args: [{ remaining: 28000 }],
    });
  });

  it('the floor names the amount, what would be left, the floor and the allowed range', () => {
    expect(said(() => checkPaymentAmount(order(), 24000))).toEqual({
      code: 'REMAINING_BELOW_MINIMUM',
      key: 'REMAINING_BELOW_MINIMUM',
      args: [{ amount: 24000, after: 4000, minRemaining: 5000, range: { full: 28000, partial: { min: 1, max: 23000 } } }],
    });
  });

  it.each([0, -1, 1.5, Number.NaN, 2 ** 53])('an amount of %d kopecks is a programming error, saying so', (amount) => {
    expect(() => checkPaymentAmount(order(), amount)).toThrow(
      new RangeError(`a payment amount is a positive integer of kopecks, not ${amount}`),
    );
  });
});

describe('paymentRange', () => {
  it('an overpaid live order has nothing to pay, not a negative sum', () => {
    expect(paymentRange(order({ status: 'confirmed', paid: 45000 }))).toEqual({ full: 0, partial: null });
  });

  it('a paid order and a cancelled one have nothing to pay', () => {
    expect(paymentRange(order({ status: 'confirmed', paid: 40000 }))).toEqual({ full: 0, partial: null });
    expect(paymentRange(order({ status: 'cancelled' }))).toEqual({ full: 0, partial: null });
  });
});

describe('the events of a change', () => {
  it('a desk payment says how much, how and by whom, and moves the money', () => {
    const r = payAtDesk(order(), { amount: 28000, method: 'cash', by: 'manager' });
    expect(r.event).toEqual({ code: 'payment_recorded', amount: 28000, method: 'cash', by: 'manager' });
    expect(r.order).toMatchObject({ paid: 40000, status: 'confirmed' });
  });

  it('a desk payment keeps the desk rules', () => {
    expect(said(() => payAtDesk(order(), { amount: 24000, method: 'cash', by: 'manager' })).code).toBe('REMAINING_BELOW_MINIMUM');
  });

  it('a gateway payment says how much and how', () => {
    const r = payThroughGateway(order(), { amount: 10000, method: 'card' });
    expect(r.event).toEqual({ code: 'payment_gateway', amount: 10000, method: 'card', warning: null });
    expect(r.order).toMatchObject({ paid: 22000, status: 'partially_paid' });
  });

  it('a cancellation says by whom, why and what is due for refund', () => {
    const r = cancelOrder(order(), { by: 'manager', reason: 'Гость передумал' });
    expect(r.event).toEqual({ code: 'order_cancelled', by: 'manager', reason: 'Гость передумал', refundDue: 12000, kept: 0 });
    expect(r.order).toMatchObject({ status: 'cancelled', paid: 12000, refundDue: 12000 });
    expect(cancelOrder(order({ status: 'awaiting_payment', paid: 0 }), { by: 'admin', reason: null }).event).toEqual({
      code: 'order_cancelled',
      by: 'admin',
      reason: null,
      refundDue: 0,
      kept: 0,
    });
  });

  it('a cancelled order cannot be cancelled again', () => {
    const e = said(() => cancelOrder(order({ status: 'cancelled' }), { by: 'manager', reason: null }));
    expect(e.code).toBe('ALREADY_CANCELLED');
  });
});

describe('money details', () => {
  it('an amount flag that is not money names the flag, --amount unless told', () => {
    try {
      parseAmountFlag('abc');
      throw new Error('expected a usage error');
    } catch (e) {
      expect(e).toBeInstanceOf(UsageError);
      expect((e as UsageError).said).toEqual({ key: 'notAmount', args: [{ flag: '--amount', value: 'abc' }] });
    }
    try {
      parseAmountFlag('0', '--keep');
      throw new Error('expected a usage error');
    } catch (e) {
      expect((e as UsageError).said.args).toEqual([{ flag: '--keep', value: '0' }]);
    }
  });

  it('zero has no sign', () => {
    expect(formatRubles(0)).toBe('0 ₽');
    expect(formatRubles(0, 'ru')).toBe('0 ₽');
    expect(formatRubles(-1)).toBe('−0.01 ₽');
  });

  it('adding refuses sums that are not whole kopecks, and says what overflowed', () => {
    expect(() => add(0.5, 0.5)).toThrow(RangeError);
    expect(() => add(1, 0.5)).toThrow(RangeError);
    expect(() => add(2 ** 53, -1)).toThrow(RangeError);
    expect(() => add(-1, 2 ** 53)).toThrow(RangeError);
    expect(() => subtract(2 ** 53, 1)).toThrow(RangeError);
    expect(() => add(Number.MAX_SAFE_INTEGER, 1)).toThrow(new RangeError(`money overflow: ${Number.MAX_SAFE_INTEGER} + 1`));
    expect(() => subtract(0.25, -0.75)).toThrow(RangeError);
    expect(() => multiply(Number.MAX_SAFE_INTEGER, 2)).toThrow(new RangeError(`money overflow: ${Number.MAX_SAFE_INTEGER} × 2`));
  });
});
