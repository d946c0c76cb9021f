import { english } from '../helpers/words.js';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  applyCancel,
  applyPayment,
  checkPaymentAmount,
  paymentRange,
  refundDueOf,
  remainingOf,
  replayEntry,
  statusFor,
} from '../../src/core/orders.js';
import { ConflictError, RuleError } from '../../src/core/errors.js';
import type { OrderMoney, Payment } from '../../src/core/types.js';
import { entry } from '../helpers/entries.js';
import { ruleCode } from '../helpers/refusals.js';

const order = (o: Partial<OrderMoney> = {}): OrderMoney => {
  const total = o.total ?? 100000;
  const paid = o.paid ?? 0;
  return {
    total,
    paid,
    status: o.status ?? statusFor(total, paid),
    minRemaining: o.minRemaining ?? 5000,
    partialPayment: o.partialPayment ?? true,
    kept: o.kept ?? 0,
  };
};

describe('statusFor', () => {
  it('maps paid of total to a status', () => {
    expect(statusFor(40000, 0)).toBe('awaiting_payment');
    expect(statusFor(40000, 1)).toBe('partially_paid');
    expect(statusFor(40000, 39999)).toBe('partially_paid');
    expect(statusFor(40000, 40000)).toBe('confirmed');
  });
  it('a total of 0 is confirmed at once', () => {
    expect(statusFor(0, 0)).toBe('confirmed');
  });
});

describe('remainingOf / refundDueOf', () => {
  it('a live order: remaining is total - paid, nothing due for refund', () => {
    const o = order({ total: 100000, paid: 30000 });
    expect(remainingOf(o)).toBe(70000);
    expect(refundDueOf(o)).toBe(0);
  });
  it('a cancelled order: nothing remains, the paid money is due for refund', () => {
    const o = order({ total: 100000, paid: 30000, status: 'cancelled' });
    expect(remainingOf(o)).toBe(0);
    expect(refundDueOf(o)).toBe(30000);
  });
  it('a confirmed order has nothing remaining', () => {
    expect(remainingOf(order({ total: 40000, paid: 40000 }))).toBe(0);
  });
});

describe('paymentRange', () => {
  it('partial payment: 1 to remaining - floor, or exactly the remainder', () => {
    expect(paymentRange(order({ total: 100000, paid: 30000 }))).toEqual({ full: 70000, partial: { min: 1, max: 65000 } });
  });
  it('no partial payment: only the whole remainder', () => {
    expect(paymentRange(order({ total: 200000, partialPayment: false }))).toEqual({ full: 200000, partial: null });
  });
  it('a remainder at or below the floor: only the whole remainder', () => {
    expect(paymentRange(order({ total: 5000 }))).toEqual({ full: 5000, partial: null });
    expect(paymentRange(order({ total: 5001 }))).toEqual({ full: 5001, partial: { min: 1, max: 1 } });
    expect(paymentRange(order({ total: 3000 }))).toEqual({ full: 3000, partial: null });
  });
  it('nothing to pay: full is 0', () => {
    expect(paymentRange(order({ total: 40000, paid: 40000 }))).toEqual({ full: 0, partial: null });
    expect(paymentRange(order({ total: 40000, paid: 10000, status: 'cancelled' }))).toEqual({ full: 0, partial: null });
    expect(paymentRange(order({ total: 0 }))).toEqual({ full: 0, partial: null });
  });
});

describe('checkPaymentAmount / applyPayment', () => {
  const partly = order({ total: 100000, paid: 30000 }); // remaining 70000, floor 5000

  it('ORDER_CANCELLED', () => {
    expect(ruleCode(() => applyPayment(order({ total: 100000, paid: 30000, status: 'cancelled' }), 1000))).toBe('ORDER_CANCELLED');
    expect(ruleCode(() => applyPayment(order({ total: 100000, status: 'cancelled' }), 100000))).toBe('ORDER_CANCELLED');
  });
  it('ORDER_ALREADY_PAID', () => {
    expect(ruleCode(() => applyPayment(order({ total: 40000, paid: 40000 }), 100))).toBe('ORDER_ALREADY_PAID');
    expect(ruleCode(() => applyPayment(order({ total: 0 }), 1))).toBe('ORDER_ALREADY_PAID');
  });
  it('AMOUNT_EXCEEDS_REMAINING', () => {
    expect(ruleCode(() => applyPayment(partly, 70001))).toBe('AMOUNT_EXCEEDS_REMAINING');
    expect(ruleCode(() => applyPayment(order({ total: 200000, partialPayment: false }), 200001))).toBe('AMOUNT_EXCEEDS_REMAINING');
  });
  it('PARTIAL_PAYMENT_NOT_ALLOWED', () => {
    expect(ruleCode(() => applyPayment(order({ total: 200000, partialPayment: false }), 100000))).toBe('PARTIAL_PAYMENT_NOT_ALLOWED');
    expect(ruleCode(() => applyPayment(order({ total: 200000, partialPayment: false }), 1))).toBe('PARTIAL_PAYMENT_NOT_ALLOWED');
  });
  it('REMAINING_BELOW_MINIMUM, with the numbers in its details', () => {
    let caught: unknown;
    try {
      applyPayment(partly, 65001);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(RuleError);
    const e = caught as RuleError;
    expect(e.code).toBe('REMAINING_BELOW_MINIMUM');
    expect(e.exitCode).toBe(6);
    expect(e.said.args[0]).toMatchObject({
      amount: 65001,
      after: 4999,
      minRemaining: 5000,
      range: { full: 70000, partial: { min: 1, max: 65000 } },
    });
  });
  it('boundary: remaining 70000, floor 5000 → 65000 ok, 65001 refused, 69999 refused, 70000 ok', () => {
    expect(() => checkPaymentAmount(partly, 65000)).not.toThrow();
    expect(ruleCode(() => checkPaymentAmount(partly, 65001))).toBe('REMAINING_BELOW_MINIMUM');
    expect(ruleCode(() => checkPaymentAmount(partly, 69999))).toBe('REMAINING_BELOW_MINIMUM');
    expect(() => checkPaymentAmount(partly, 70000)).not.toThrow();
    expect(() => checkPaymentAmount(partly, 1)).not.toThrow();
  });
  it('a payment of the whole remainder confirms the order', () => {
    const r = applyPayment(partly, 70000);
    expect(r).toEqual({ ...partly, paid: 100000, status: 'confirmed' });
  });
  it('a partial payment leaves it partially paid', () => {
    expect(applyPayment(order({ total: 100000 }), 30000)).toMatchObject({ paid: 30000, status: 'partially_paid' });
    expect(applyPayment(partly, 65000)).toMatchObject({ paid: 95000, status: 'partially_paid' });
  });
  it('a service without partial payment takes the whole remainder', () => {
    expect(applyPayment(order({ total: 200000, partialPayment: false }), 200000)).toMatchObject({ paid: 200000, status: 'confirmed' });
  });
  it('a remainder below the floor may still be paid in full', () => {
    expect(applyPayment(order({ total: 3000 }), 3000)).toMatchObject({ paid: 3000, status: 'confirmed' });
  });
  it('keeps the other fields of a wider object', () => {
    const wide = { ...partly, number: 1006314, extra: 'x' };
    const r = applyPayment(wide, 1000);
    expect(r.number).toBe(1006314);
    expect(r.extra).toBe('x');
  });
  it('an amount that is not a positive integer is a programming error, not a rule', () => {
    expect(() => checkPaymentAmount(partly, 0)).toThrow(RangeError);
    expect(() => checkPaymentAmount(partly, -100)).toThrow(RangeError);
    expect(() => checkPaymentAmount(partly, 10.5)).toThrow(RangeError);
    expect(() => checkPaymentAmount(partly, Number.NaN)).toThrow(RangeError);
  });
});

describe('applyCancel', () => {
  it('cancels a live order; the paid money becomes due for refund', () => {
    const r = applyCancel(order({ total: 100000, paid: 30000 }));
    expect(r.status).toBe('cancelled');
    expect(r.paid).toBe(30000);
    expect(r.refundDue).toBe(30000);
    expect(remainingOf(r)).toBe(0);
  });
  it('an unpaid order: nothing due', () => {
    expect(applyCancel(order({ total: 200000 })).refundDue).toBe(0);
  });
  it('a confirmed order: all of it due', () => {
    expect(applyCancel(order({ total: 40000, paid: 40000 })).refundDue).toBe(40000);
  });
  it('ALREADY_CANCELLED', () => {
    expect(ruleCode(() => applyCancel(order({ total: 40000, paid: 15000, status: 'cancelled' })))).toBe('ALREADY_CANCELLED');
  });
});

describe('replayEntry', () => {
  const existing: Payment = entry({
    id: '17',
    recordedBy: { login: 'manager', name: 'Ольга Смирнова', phone: null, role: 'rental_manager' },
    idempotencyKey: 'key-1',
  });
  const same = { orderNumber: 1006314, kind: 'payment' as const, amount: 30000, method: 'cash' as const };

  it('the same order, kind, amount and method return the first entry', () => {
    expect(replayEntry(existing, same, 'key-1')).toBe(existing);
  });

  it.each([
    ['another order', { ...same, orderNumber: 1006315 }],
    ['another amount', { ...same, amount: 30001 }],
    ['another kind', { ...same, kind: 'refund' as const }],
    ['another method', { ...same, method: 'card' as const }],
  ])('%s is a conflict (exit 7)', (_what, intent) => {
    let caught: unknown;
    try {
      replayEntry(existing, intent, 'key-1');
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(ConflictError);
    expect((caught as ConflictError).exitCode).toBe(7);
    expect((caught as ConflictError).code).toBe('CONFLICT');
    expect(english(caught)).toContain('key-1');
  });
});

describe('properties of any sequence of steps', () => {
  type Step = { kind: 'pay'; amount: number } | { kind: 'payRest' } | { kind: 'payToFloor'; delta: number } | { kind: 'cancel' };

  const start = fc.record({
    total: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 20000 }), fc.integer({ min: 1, max: 10_000_000 })),
    minRemaining: fc.oneof(fc.constant(5000), fc.integer({ min: 0, max: 20000 })),
    partialPayment: fc.boolean(),
  });
  const step: fc.Arbitrary<Step> = fc.oneof(
    { weight: 5, arbitrary: fc.integer({ min: 1, max: 10_000_000 }).map((amount) => ({ kind: 'pay' as const, amount })) },
    { weight: 5, arbitrary: fc.integer({ min: 1, max: 20000 }).map((amount) => ({ kind: 'pay' as const, amount })) },
    { weight: 2, arbitrary: fc.constant({ kind: 'payRest' as const }) },
    { weight: 2, arbitrary: fc.integer({ min: -2, max: 2 }).map((delta) => ({ kind: 'payToFloor' as const, delta })) },
    { weight: 1, arbitrary: fc.constant({ kind: 'cancel' as const }) },
  );

  /** An independent statement of rule 3: whether `amount` may be paid on `o`. */
  function allowed(o: OrderMoney, amount: number): boolean {
    if (o.status === 'cancelled') return false;
    const remaining = o.total - o.paid;
    if (remaining <= 0 || amount > remaining) return false;
    if (amount === remaining) return true;
    return o.partialPayment && remaining - amount >= o.minRemaining;
  }

  it('keep 0 ≤ paid ≤ total, the floor and the status; a refused step changes nothing', () => {
    fc.assert(
      fc.property(start, fc.array(step, { maxLength: 25 }), (s, steps) => {
        let o: OrderMoney = {
          status: statusFor(s.total, 0),
          total: s.total,
          paid: 0,
          minRemaining: s.minRemaining,
          partialPayment: s.partialPayment,
          kept: 0,
        };
        for (const st of steps) {
          const before = structuredClone(o);
          const rest = o.total - o.paid;
          const amount =
            st.kind === 'pay' ? st.amount : st.kind === 'payRest' ? rest : st.kind === 'payToFloor' ? rest - o.minRemaining + st.delta : 0;
          if (st.kind !== 'cancel' && amount <= 0) continue;
          let next: OrderMoney;
          try {
            next = st.kind === 'cancel' ? applyCancel(o) : applyPayment(o, amount);
          } catch (e) {
            expect(e).toBeInstanceOf(RuleError);
            expect(o).toEqual(before);
            if (st.kind === 'cancel') expect(before.status).toBe('cancelled');
            else expect(allowed(before, amount)).toBe(false);
            continue;
          }
          // The input is never mutated, accepted or not.
          expect(o).toEqual(before);
          if (st.kind === 'cancel') {
            expect(before.status).not.toBe('cancelled');
            expect(next.status).toBe('cancelled');
            expect(next.paid).toBe(before.paid);
            expect((next as OrderMoney & { refundDue: number }).refundDue).toBe(before.paid);
          } else {
            expect(allowed(before, amount)).toBe(true);
            expect(next.paid).toBe(before.paid + amount);
            expect(next.status).toBe(statusFor(next.total, next.paid));
          }
          expect(next.total).toBe(before.total);
          expect(next.minRemaining).toBe(before.minRemaining);
          expect(next.paid).toBeGreaterThanOrEqual(0);
          expect(next.paid).toBeLessThanOrEqual(next.total);
          const remaining = next.total - next.paid;
          if (next.paid > 0) expect(remaining === 0 || remaining >= next.minRemaining).toBe(true);
          if (next.status !== 'cancelled') expect(remainingOf(next)).toBe(remaining);
          else expect(remainingOf(next)).toBe(0);
          o = next;
        }
      }),
      { numRuns: 500 },
    );
  });

  it('once cancelled, no step is accepted', () => {
    fc.assert(
      fc.property(start, fc.integer({ min: 1, max: 10_000_000 }), (s, amount) => {
        const c = applyCancel({
          status: statusFor(s.total, 0),
          total: s.total,
          paid: 0,
          minRemaining: s.minRemaining,
          partialPayment: s.partialPayment,
          kept: 0,
        });
        expect(ruleCode(() => applyPayment(c, amount))).toBe('ORDER_CANCELLED');
        expect(ruleCode(() => applyCancel(c))).toBe('ALREADY_CANCELLED');
      }),
    );
  });

  it('every amount inside paymentRange is accepted and every other one refused', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 200000 }),
        fc.integer({ min: 0, max: 200000 }),
        fc.integer({ min: 0, max: 20000 }),
        fc.boolean(),
        fc.integer({ min: 1, max: 250000 }),
        (total, paidRaw, minRemaining, partialPayment, amount) => {
          const paid = Math.min(paidRaw, total);
          const o: OrderMoney = { status: statusFor(total, paid), total, paid, minRemaining, partialPayment, kept: 0 };
          const r = paymentRange(o);
          const inRange = (r.full > 0 && amount === r.full) || (r.partial !== null && amount >= r.partial.min && amount <= r.partial.max);
          expect(ruleCode(() => checkPaymentAmount(o, amount)) === null).toBe(inRange);
        },
      ),
    );
  });
});
