/**
 * The ledger as a desk and a gateway exercise it (SPEC.md rules 2–5b): any sequence of desk
 * payments (some with idempotency keys, some retried), refunds, reversals, cancels with a fee kept
 * and gateway facts. After every step `paid` is the ledger's sum, refunds never exceed what came
 * in, the status matches the money, and a refused step changes nothing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConflictError, RuleError } from '../../src/core/errors.js';
import { gatewayPayment, gatewayRefund, refundAtDesk, reverseDeskPayment } from '../../src/core/ledger.js';
import { applyCancel, payAtDesk, refundDueOf, remainingOf, replayEntry, statusFor } from '../../src/core/orders.js';
import type { OrderMoney, Payment } from '../../src/core/types.js';
import { entry } from '../helpers/entries.js';

interface Ledger {
  order: OrderMoney;
  entries: Payment[];
}

type Step =
  | { kind: 'pay'; amount: number; key: string | null }
  | { kind: 'retry'; index: number; sameAmount: boolean }
  | { kind: 'refund'; amount: number }
  | { kind: 'reverse'; index: number }
  | { kind: 'cancel'; keep: number }
  | { kind: 'gateway'; amount: number }
  | { kind: 'gatewayRefund'; amount: number };

const add = (l: Ledger, order: OrderMoney, e: Partial<Payment>): Ledger => {
  const id = String(l.entries.length + 1);
  const entries = l.entries.map((p) => (e.reverses === p.id ? { ...p, reversedBy: id } : p));
  return { order, entries: [...entries, entry({ id, orderNumber: 1, ...e })] };
};

/** One step, as the store runs it: the core decides, then the entry and the balance change together. */
function step(l: Ledger, s: Step): Ledger {
  switch (s.kind) {
    case 'pay': {
      const existing = s.key === null ? undefined : l.entries.find((p) => p.idempotencyKey === s.key);
      if (existing && s.key !== null) {
        replayEntry(existing, { orderNumber: 1, kind: 'payment', amount: s.amount, method: 'cash' }, s.key);
        return l;
      }
      const { order } = payAtDesk(l.order, { amount: s.amount, method: 'cash', by: 'Desk' });
      return add(l, order, { amount: s.amount, idempotencyKey: s.key });
    }
    case 'retry': {
      const keyed = l.entries.filter((p) => p.idempotencyKey !== null);
      const first = keyed[s.index % Math.max(1, keyed.length)];
      if (!first?.idempotencyKey) return l;
      return step(l, { kind: 'pay', amount: s.sameAmount ? first.amount : first.amount + 1, key: first.idempotencyKey });
    }
    case 'refund': {
      const { order } = refundAtDesk(l.order, { amount: s.amount, method: 'cash', by: 'Desk', reason: null });
      return add(l, order, { kind: 'refund', amount: s.amount });
    }
    case 'reverse': {
      const target = l.entries[s.index % Math.max(1, l.entries.length)];
      if (!target) return l;
      const { order } = reverseDeskPayment(l.order, target, { by: 'Desk', reason: null });
      return add(l, order, { kind: 'reversal', amount: target.amount, reverses: target.id });
    }
    case 'cancel':
      return { ...l, order: applyCancel(l.order, s.keep) };
    case 'gateway': {
      const { order, warning } = gatewayPayment(l.order, { amount: s.amount, method: 'card' });
      return add(l, order, { amount: s.amount, method: 'card', source: 'gateway', warning });
    }
    case 'gatewayRefund': {
      const { order, warning } = gatewayRefund(l.order, { amount: s.amount, method: 'card' });
      return add(l, order, { kind: 'refund', amount: s.amount, method: 'card', source: 'gateway', warning });
    }
  }
}

const amount = fc.oneof(fc.integer({ min: 1, max: 20_000 }), fc.integer({ min: 1, max: 150_000 }));
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({ kind: fc.constant('pay' as const), amount, key: fc.option(fc.constantFrom('a', 'b', 'c'), { nil: null }) }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('retry' as const), index: fc.nat(10), sameAmount: fc.boolean() }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('refund' as const), amount }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('reverse' as const), index: fc.nat(20) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('cancel' as const), keep: fc.oneof(fc.constant(0), amount) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('gateway' as const), amount }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('gatewayRefund' as const), amount }) },
);

const orderArb = fc.record({
  total: fc.integer({ min: 0, max: 300_000 }),
  minRemaining: fc.constantFrom(0, 5000, 10_000),
  partialPayment: fc.boolean(),
});

/** What the entries say was paid, counted independently of the core. */
function ledgerSum(entries: Payment[]): number {
  let sum = 0;
  for (const e of entries) {
    if (e.kind === 'payment') sum += e.amount;
    else sum -= e.amount;
  }
  return sum;
}

describe('the ledger under any sequence of steps', () => {
  it('adds up, keeps its invariants, and a refused step changes nothing', () => {
    const seen = { refused: 0, refunds: 0, reversals: 0, warnings: 0 };
    fc.assert(
      fc.property(orderArb, fc.array(stepArb, { maxLength: 40 }), (o, steps) => {
        let l: Ledger = { order: { ...o, status: statusFor(o.total, 0), paid: 0, kept: 0 }, entries: [] };
        let cancelled = false;
        for (const s of steps) {
          const before = structuredClone(l);
          let next: Ledger;
          try {
            next = step(l, s);
          } catch (e) {
            expect(e instanceof RuleError || e instanceof ConflictError, String(e)).toBe(true);
            expect(l).toEqual(before);
            seen.refused++;
            continue;
          }
          const added = next.entries.slice(l.entries.length);
          const due = refundDueOf(l.order);
          l = next;
          const o2 = l.order;
          // paid is the ledger's sum; refunds and reversals never take back more than came in.
          expect(o2.paid).toBe(ledgerSum(l.entries));
          expect(o2.paid).toBeGreaterThanOrEqual(o2.kept);
          expect(o2.kept).toBeGreaterThanOrEqual(0);
          // The status follows the money, and cancelled is terminal.
          if (cancelled) expect(o2.status).toBe('cancelled');
          cancelled = o2.status === 'cancelled';
          if (!cancelled) {
            expect(o2.status).toBe(statusFor(o2.total, o2.paid));
            expect(o2.kept).toBe(0);
            expect(remainingOf(o2)).toBe(Math.max(0, o2.total - o2.paid));
          }
          for (const e of added) {
            // A desk payment keeps the floor and never overpays.
            if (e.kind === 'payment' && e.source === 'manager') {
              const left = o2.total - o2.paid;
              expect(left === 0 || left >= o2.minRemaining).toBe(true);
              expect(o2.paid).toBeLessThanOrEqual(o2.total);
            }
            if (e.kind === 'refund' && e.source === 'manager') {
              expect(e.amount).toBeLessThanOrEqual(due);
              seen.refunds++;
            }
            if (e.kind === 'reversal') seen.reversals++;
            if (e.warning !== null) seen.warnings++;
          }
          // Only a desk payment is reversed, and once.
          const reversed = l.entries.filter((e) => e.kind === 'reversal').map((e) => e.reverses);
          expect(new Set(reversed).size).toBe(reversed.length);
          for (const id of reversed) {
            const target = l.entries.find((e) => e.id === id);
            expect(target?.kind).toBe('payment');
            expect(target?.source).toBe('manager');
          }
          const keys = l.entries.map((p) => p.idempotencyKey).filter((k) => k !== null);
          expect(new Set(keys).size).toBe(keys.length);
        }
      }),
      { numRuns: 2000 },
    );
    // The sequences reached every kind of step, not only refusals.
    expect(Math.min(seen.refused, seen.refunds, seen.reversals, seen.warnings)).toBeGreaterThan(0);
  });

  it('a retry with the same key and amount is the first payment; another amount is a conflict', () => {
    let l: Ledger = {
      order: { status: 'awaiting_payment', total: 100_000, paid: 0, minRemaining: 5000, partialPayment: true, kept: 0 },
      entries: [],
    };
    l = step(l, { kind: 'pay', amount: 30_000, key: 'k' });
    expect(step(l, { kind: 'retry', index: 0, sameAmount: true })).toBe(l);
    expect(() => step(l, { kind: 'retry', index: 0, sameAmount: false })).toThrow(ConflictError);
    expect(l.order.paid).toBe(30_000);
  });
});
