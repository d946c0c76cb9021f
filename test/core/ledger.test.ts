/**
 * The money rules as a desk would exercise them: any sequence of payments (some with idempotency
 * keys), retries of earlier keys with the same or other parameters, and cancels. Whatever the
 * sequence, the ledger adds up, the floor holds, and a refused step changes nothing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConflictError, RuleError } from '../../src/core/errors.js';
import { applyCancel, applyPayment, remainingOf, replayPayment, statusFor } from '../../src/core/orders.js';
import type { OrderMoney, Payment } from '../../src/core/types.js';

interface Ledger {
  order: OrderMoney;
  payments: Payment[];
}

type Step =
  { kind: 'pay'; amount: number; key: string | null } | { kind: 'retry'; index: number; sameAmount: boolean } | { kind: 'cancel' };

/** One step, as the store runs it: the core decides, then the payment and the balance change together. */
function step(l: Ledger, s: Step): Ledger {
  if (s.kind === 'cancel') return { ...l, order: applyCancel(l.order) };
  let key: string | null;
  let amount: number;
  if (s.kind === 'retry') {
    const keyed = l.payments.filter((p) => p.externalId !== null);
    if (!keyed.length) return l;
    const first = keyed[s.index % keyed.length]!;
    key = first.externalId;
    amount = s.sameAmount ? first.amount : first.amount + 1;
  } else {
    key = s.key;
    amount = s.amount;
  }
  const existing = key === null ? undefined : l.payments.find((p) => p.externalId === key);
  if (existing) {
    replayPayment(existing, { orderNumber: 1, amount, source: 'manager' }, key!);
    return l; // replayed: nothing written
  }
  const order = applyPayment(l.order, amount);
  const payment: Payment = {
    id: String(l.payments.length + 1),
    orderNumber: 1,
    amount,
    method: 'cash',
    source: 'manager',
    createdAt: '2030-01-01T00:00:00.000Z',
    recordedBy: null,
    externalId: key,
  };
  return { order, payments: [...l.payments, payment] };
}

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('pay' as const),
      amount: fc.integer({ min: 1, max: 120_000 }),
      key: fc.option(fc.constantFrom('a', 'b', 'c', 'd', 'e'), { nil: null }),
    }),
  },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('retry' as const), index: fc.nat(10), sameAmount: fc.boolean() }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'cancel' as const }) },
);

const orderArb = fc.record({
  total: fc.integer({ min: 0, max: 300_000 }),
  minRemaining: fc.constantFrom(0, 5000, 10_000),
  partialPayment: fc.boolean(),
});

describe('the ledger under any sequence of payments, retries and cancels', () => {
  it('adds up, keeps the floor, replays keys, and a refused step changes nothing', () => {
    fc.assert(
      fc.property(orderArb, fc.array(stepArb, { maxLength: 40 }), (o, steps) => {
        let l: Ledger = {
          order: { status: statusFor(o.total, 0), total: o.total, paid: 0, minRemaining: o.minRemaining, partialPayment: o.partialPayment },
          payments: [],
        };
        for (const s of steps) {
          const before = structuredClone(l);
          let next: Ledger;
          try {
            next = step(l, s);
          } catch (e) {
            expect(e instanceof RuleError || e instanceof ConflictError).toBe(true);
            // Refused: the state is exactly as it was.
            expect(l).toEqual(before);
            continue;
          }
          l = next;
          const sum = l.payments.reduce((a, p) => a + p.amount, 0);
          expect(l.order.paid).toBe(sum);
          expect(l.order.paid).toBeGreaterThanOrEqual(0);
          expect(l.order.paid).toBeLessThanOrEqual(l.order.total);
          const left = l.order.total - l.order.paid;
          if (l.order.paid > 0) expect(left === 0 || left >= l.order.minRemaining).toBe(true);
          if (l.order.status !== 'cancelled') {
            expect(l.order.status).toBe(statusFor(l.order.total, l.order.paid));
            expect(remainingOf(l.order)).toBe(left);
          }
          const keys = l.payments.map((p) => p.externalId).filter((k) => k !== null);
          expect(new Set(keys).size).toBe(keys.length);
          if (!l.order.partialPayment) expect(l.payments.length).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('a retry with the same key and amount is the first payment; another amount is a conflict', () => {
    let l: Ledger = {
      order: { status: 'awaiting_payment', total: 100_000, paid: 0, minRemaining: 5000, partialPayment: true },
      payments: [],
    };
    l = step(l, { kind: 'pay', amount: 30_000, key: 'k' });
    expect(step(l, { kind: 'retry', index: 0, sameAmount: true })).toBe(l);
    expect(() => step(l, { kind: 'retry', index: 0, sameAmount: false })).toThrow(ConflictError);
    expect(l.order.paid).toBe(30_000);
  });
});
