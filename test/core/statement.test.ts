/**
 * The gateway statement's pure core (src/core/statement.ts): reading the header and a row, and
 * deciding what importing each row does.
 */
import { english } from '../helpers/words.js';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { UsageError } from '../../src/core/errors.js';
import { planImport, readHeader, readRow, STATEMENT_COLUMNS, type KnownPayment, type StatementRow } from '../../src/core/statement.js';
import type { OrderMoney } from '../../src/core/types.js';

const HEADER = [...STATEMENT_COLUMNS];
const INDEX = readHeader(HEADER, 'st.csv');

function usage(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof UsageError) return english(e);
    throw e;
  }
  throw new Error('expected a UsageError, nothing was thrown');
}

describe('readHeader', () => {
  it('the five columns in the SPEC order', () => {
    expect(INDEX.columns).toEqual({ external_id: 0, order_number: 1, amount: 2, paid_at: 3, method: 4 });
  });

  it('the columns in any order, with spaces and a BOM', () => {
    expect(readHeader(['\ufeffmethod', ' amount ', 'paid_at', 'order_number', 'external_id'], 'f').columns).toEqual({
      method: 0,
      amount: 1,
      paid_at: 2,
      order_number: 3,
      external_id: 4,
    });
  });

  it('a missing column is a usage error at line 1 naming it', () => {
    const m = usage(() => readHeader(['external_id', 'order', 'amount', 'paid_at', 'method'], 'st.csv'));
    expect(m).toMatch(/^st\.csv:1: /);
    expect(m).toContain('missing order_number');
    expect(m).toContain('unknown order');
  });

  it('an extra column is a usage error naming it', () => {
    expect(usage(() => readHeader([...HEADER, 'comment'], 'st.csv'))).toMatch(/^st\.csv:1: .*unknown comment/);
  });

  it('an empty header is a usage error', () => {
    expect(usage(() => readHeader([], 'st.csv'))).toMatch(/^st\.csv:1: .*missing external_id, order_number, amount, paid_at, method/);
  });
});

describe('readRow', () => {
  const row = (cells: string[], line = 7) => readRow(cells, INDEX, line, 'st.csv');
  const good = ['gw-1', '1006314', '400.00', '2023-08-11T13:32:00+05:00', 'card'];
  const withCell = (i: number, v: string) => good.map((c, j) => (j === i ? v : c));

  it('reads a row: kopecks, UTC, the line', () => {
    expect(row(good)).toEqual({
      line: 7,
      externalId: 'gw-1',
      orderNumber: 1006314,
      amount: 40000,
      paidAt: '2023-08-11T08:32:00.000Z',
      method: 'card',
      kind: 'payment',
    } satisfies StatementRow);
  });

  it('follows the header order', () => {
    const idx = readHeader(['method', 'paid_at', 'amount', 'order_number', 'external_id'], 'f');
    expect(readRow(['cash', '2023-08-11T08:32:00Z', '12.5', '42', 'x'], idx, 2, 'f')).toMatchObject({
      externalId: 'x',
      orderNumber: 42,
      amount: 1250,
      method: 'cash',
      paidAt: '2023-08-11T08:32:00.000Z',
    });
  });

  it('amounts: 400, 400.5, 0.01, trimmed', () => {
    expect(row(withCell(2, '400')).amount).toBe(40000);
    expect(row(withCell(2, '400.5')).amount).toBe(40050);
    expect(row(withCell(2, '0.01')).amount).toBe(1);
    expect(row(withCell(2, ' 7.00 ')).amount).toBe(700);
  });

  it('times: Z, a negative offset, fractions of a second, a space instead of T', () => {
    expect(row(withCell(3, '2023-08-11T08:32:00Z')).paidAt).toBe('2023-08-11T08:32:00.000Z');
    expect(row(withCell(3, '2023-08-11T03:32:00-05:00')).paidAt).toBe('2023-08-11T08:32:00.000Z');
    expect(row(withCell(3, '2023-08-11T13:32:00.250+05:00')).paidAt).toBe('2023-08-11T08:32:00.250Z');
    expect(row(withCell(3, '2023-08-11 13:32:00+05:00')).paidAt).toBe('2023-08-11T08:32:00.000Z');
  });

  it.each([
    ['amount', 2, '1e3'],
    ['amount', 2, '10,5'],
    ['amount', 2, '-1'],
    ['amount', 2, '0'],
    ['amount', 2, '0.00'],
    ['amount', 2, '10.005'],
    ['amount', 2, 'abc'],
    ['amount', 2, ''],
    ['paid_at', 3, '2023-08-11T13:32:00'],
    ['paid_at', 3, '2023-08-11'],
    ['paid_at', 3, '11.08.2023 13:32+05:00'],
    ['paid_at', 3, '2023-13-11T13:32:00+05:00'],
    ['method', 4, 'bitcoin'],
    ['method', 4, 'Card'],
    ['method', 4, ''],
    ['order_number', 1, '10063x4'],
    ['order_number', 1, '0'],
    ['order_number', 1, '-1006314'],
    ['order_number', 1, '1006314.0'],
    ['order_number', 1, ''],
    ['external_id', 0, ''],
    ['external_id', 0, '   '],
  ])('column %s: %j is a usage error naming the line and the column', (col, i, value) => {
    expect(usage(() => row(withCell(i, value)))).toMatch(new RegExp(`^st\\.csv:7: column ${col}: `));
  });

  it('a day that does not exist in its month is a usage error, not another day', () => {
    // Date.parse('2023-02-30T…') rolls over to 2 March: the statement would be recorded a day that
    // it does not say.
    expect(usage(() => row(withCell(3, '2023-02-30T13:32:00+05:00')))).toMatch(/^st\.csv:7: column paid_at: /);
  });

  it('too few or too many cells is a usage error at the line', () => {
    expect(usage(() => row(good.slice(0, 4)))).toMatch(/^st\.csv:7: .*expected 5 columns, found 4/);
    expect(usage(() => row([...good, 'x']))).toMatch(/^st\.csv:7: .*expected 5 columns, found 6/);
  });
});

// ---------------------------------------------------------------------------------------------

type O = OrderMoney & { number: number; serviceId: number };

const coworking = (number: number, total: number, paid: number): O => ({
  number,
  serviceId: 1,
  status: paid === 0 ? 'awaiting_payment' : paid < total ? 'partially_paid' : 'confirmed',
  total,
  paid,
  minRemaining: 5000,
  partialPayment: true,
  kept: 0,
});
const meeting = (number: number, total: number): O => ({
  number,
  serviceId: 2,
  status: 'awaiting_payment',
  total,
  paid: 0,
  minRemaining: 5000,
  partialPayment: false,
  kept: 0,
});

function orders(...os: O[]): Map<number, O> {
  return new Map(os.map((o) => [o.number, o]));
}

let nextLine = 2;
function r(
  externalId: string,
  orderNumber: number,
  amount: number,
  paidAt = '2023-08-11T08:32:00.000Z',
  method: StatementRow['method'] = 'card',
): StatementRow {
  return { line: nextLine++, externalId, orderNumber, amount, paidAt, method };
}

const everyone = () => true;

describe('planImport', () => {
  it('records a row that keeps the rules and says how the order changes', () => {
    const o = coworking(14, 100000, 30000);
    const plan = planImport([r('a', 14, 70000)], orders(o), new Map(), everyone);
    expect(plan.outcomes.map((x) => [x.result, x.code, x.said])).toEqual([['recorded', null, null]]);
    expect(plan.toRecord.map((x) => x.row.externalId)).toEqual(['a']);
    expect(plan.toRecord[0]!.event).toEqual({ code: 'payment_gateway', amount: 70000, method: 'card', warning: null });
    expect(plan.changed.get(14)).toEqual({ before: o, after: { ...o, paid: 100000, status: 'confirmed' } });
  });

  it('applies rows in file order, each against what the rows before it left', () => {
    const o = coworking(14, 100000, 0);
    const rows = [r('a', 14, 30000), r('b', 14, 60000), r('c', 14, 10000), r('d', 14, 100)];
    const plan = planImport(rows, orders(o), new Map(), everyone);
    // b leaves 10 000; c pays it, so d finds the order paid in full: the money is over the total.
    expect(plan.outcomes.map((x) => x.code ?? x.result)).toEqual(['recorded', 'recorded', 'recorded', 'OVERPAID']);
    expect(plan.toRecord.map((x) => x.row.externalId)).toEqual(['a', 'b', 'c', 'd']);
    // before is the order as stored, not as the first row left it.
    expect(plan.changed.get(14)!.before).toBe(o);
    expect(plan.changed.get(14)!.after).toMatchObject({ paid: 100100, status: 'confirmed' });
    expect(plan.changed.size).toBe(1);
  });

  it('gateway facts that break a desk rule are recorded with a warning; an unknown order is rejected (rule 3a)', () => {
    const cancelled: O = { ...coworking(12, 50000, 15000), status: 'cancelled' };
    const rows = [
      r('nf', 99, 100),
      r('floor', 14, 68000),
      r('partial', 15, 100000),
      r('cancel', 12, 100),
      r('over', 14, 70001),
      r('paid', 13, 100),
    ];
    const plan = planImport(
      rows,
      orders(coworking(13, 40000, 40000), coworking(14, 100000, 30000), meeting(15, 200000), cancelled),
      new Map(),
      everyone,
    );
    expect(plan.outcomes.map((x) => [x.row.externalId, x.result, x.code])).toEqual([
      ['nf', 'rejected', 'NOT_FOUND'],
      ['floor', 'recorded', 'REMAINING_BELOW_MINIMUM'],
      ['partial', 'recorded', null],
      ['cancel', 'recorded', 'ORDER_CANCELLED'],
      // 'floor' left 2 000 to pay: 70 001 is over it.
      ['over', 'recorded', 'OVERPAID'],
      ['paid', 'recorded', 'OVERPAID'],
    ]);
    expect(plan.outcomes[0]!.said).toEqual({ key: 'orderNotFound', args: [{ number: 99 }] });
    expect(plan.toRecord.map((x) => [x.row.externalId, x.warning])).toEqual([
      ['floor', 'REMAINING_BELOW_MINIMUM'],
      ['partial', null],
      ['cancel', 'ORDER_CANCELLED'],
      ['over', 'OVERPAID'],
      ['paid', 'OVERPAID'],
    ]);
    expect(plan.changed.get(12)!.after).toMatchObject({ status: 'cancelled', paid: 15100 });
    expect(plan.changed.get(14)!.after).toMatchObject({ status: 'confirmed', paid: 168001 });
  });

  it('an order the operator may not process reads as one that does not exist (rule 8a)', () => {
    const plan = planImport(
      [r('a', 15, 200000), r('b', 14, 70000)],
      orders(coworking(14, 100000, 30000), meeting(15, 200000)),
      new Map(),
      (o) => o.serviceId === 1,
    );
    expect(plan.outcomes.map((x) => x.code ?? x.result)).toEqual(['NOT_FOUND', 'recorded']);
    expect(plan.outcomes[0]!.said).toEqual({ key: 'orderNotFound', args: [{ number: 15 }] });
  });

  describe('external ids', () => {
    const known = (p: Partial<KnownPayment> = {}): Map<string, KnownPayment> =>
      new Map([['gw', { orderNumber: 14, amount: 30000, method: 'card', source: 'gateway', createdAt: '2023-08-11T08:35:00.000Z', ...p }]]);
    const same = () => r('gw', 14, 30000, '2023-08-11T08:35:00.000Z', 'card');

    it('the same values as a stored payment: duplicate, nothing to record', () => {
      const plan = planImport([same()], orders(coworking(14, 100000, 30000)), known(), everyone);
      expect(plan.outcomes.map((x) => [x.result, x.code])).toEqual([['duplicate', null]]);
      expect(plan.toRecord).toEqual([]);
      expect(plan.changed.size).toBe(0);
    });

    it('access comes first: a row of an order the operator may not process is not found, even when it is already there', () => {
      // Saying "duplicate" would tell them what cowork holds for a service that is not theirs.
      expect(planImport([same()], orders(coworking(14, 100000, 30000)), known(), () => false).outcomes[0]).toMatchObject({
        result: 'rejected',
        code: 'NOT_FOUND',
      });
      expect(planImport([same()], new Map(), known(), everyone).outcomes[0]).toMatchObject({ result: 'rejected', code: 'NOT_FOUND' });
    });

    it.each([
      ['the amount', { amount: 30100 }],
      ['the order', { orderNumber: 13 }],
      ['the method', { method: 'cash' as const }],
      ['the source (a desk payment)', { source: 'manager' as const }],
    ])('another %s: CONFLICT, naming only the id (the other payment may be on an order the operator may not see)', (_what, differs) => {
      const plan = planImport([same()], orders(coworking(13, 40000, 0), coworking(14, 100000, 30000)), known(differs), everyone);
      expect(plan.outcomes[0]).toMatchObject({ result: 'rejected', code: 'CONFLICT' });
      expect(plan.outcomes[0]!.said).toEqual({ key: 'externalIdConflict', args: [{ id: 'gw' }] });
    });

    it('within the file: the same values again is a duplicate, other values a CONFLICT', () => {
      const plan = planImport(
        [r('x', 14, 10000), r('x', 14, 10000), r('x', 14, 20000), r('x', 15, 200000)],
        orders(coworking(14, 100000, 30000), meeting(15, 200000)),
        new Map(),
        everyone,
      );
      expect(plan.outcomes.map((x) => x.code ?? x.result)).toEqual(['recorded', 'duplicate', 'CONFLICT', 'CONFLICT']);
      expect(plan.toRecord).toHaveLength(1);
      expect(plan.changed.get(14)!.after.paid).toBe(40000);
      expect(plan.changed.has(15)).toBe(false);
    });

    it('another time alone is the same payment: a gateway may report it with another precision', () => {
      const plan = planImport([r('gw', 14, 30000, '2023-08-11T08:36:00.000Z')], orders(coworking(14, 100000, 30000)), known(), everyone);
      expect(plan.outcomes.map((x) => x.result)).toEqual(['duplicate']);
    });

    it('a rejected row does not claim its id: a later row with the id is decided on its own', () => {
      const plan = planImport([r('x', 99, 69000), r('x', 14, 70000)], orders(coworking(14, 100000, 30000)), new Map(), everyone);
      expect(plan.outcomes.map((x) => x.code ?? x.result)).toEqual(['NOT_FOUND', 'recorded']);
    });
  });

  describe('a gateway payment recorded without its id (a guest paying online at booking)', () => {
    const waiting = [{ id: 7, orderNumber: 14, amount: 30000, method: 'card' as const }];

    it('a row of the same order, amount and method gives it its id, and records nothing new', () => {
      const plan = planImport([r('gw-1', 14, 30000)], orders(coworking(14, 100000, 30000)), new Map(), everyone, waiting);
      expect(plan.outcomes.map((x) => x.result)).toEqual(['matched']);
      expect(plan.toMatch).toEqual([{ paymentId: 7, externalId: 'gw-1' }]);
      expect(plan.toRecord).toEqual([]);
      expect(plan.changed.size).toBe(0);
    });

    it.each([
      ['another amount', r('gw-1', 14, 30100)],
      ['another method', r('gw-1', 14, 30000, undefined, 'cash')],
      ['another order', r('gw-1', 15, 30000)],
    ])('%s is a payment of its own', (_what, row) => {
      const plan = planImport([row], orders(coworking(14, 100000, 30000), coworking(15, 100000, 0)), new Map(), everyone, waiting);
      expect(plan.outcomes.map((x) => x.result)).toEqual(['recorded']);
      expect(plan.toMatch).toEqual([]);
    });

    it('one payment is matched once: the second such row is recorded', () => {
      const plan = planImport(
        [r('gw-1', 14, 30000), r('gw-2', 14, 30000)],
        orders(coworking(14, 100000, 30000)),
        new Map(),
        everyone,
        waiting,
      );
      expect(plan.outcomes.map((x) => x.result)).toEqual(['matched', 'recorded']);
      // A re-run finds gw-1 by its id now.
      const again = planImport(
        [r('gw-1', 14, 30000)],
        orders(coworking(14, 100000, 60000)),
        new Map([['gw-1', { orderNumber: 14, amount: 30000, method: 'card', source: 'gateway', createdAt: '2023-08-11T08:00:00.000Z' }]]),
        everyone,
        [],
      );
      expect(again.outcomes.map((x) => x.result)).toEqual(['duplicate']);
    });
  });

  it('records every fact of a visible order, warns exactly when a desk rule breaks, and records what the outcomes say (property)', () => {
    const orderArb = fc.record({
      total: fc.integer({ min: 0, max: 300 }).map((x) => x * 1000),
      paidShare: fc.integer({ min: 0, max: 100 }),
      partial: fc.boolean(),
      cancelled: fc.boolean(),
    });
    const rowArb = fc.record({
      order: fc.integer({ min: 0, max: 5 }),
      amount: fc.integer({ min: 1, max: 300 }).map((x) => x * 500),
      id: fc.integer({ min: 0, max: 12 }),
    });
    fc.assert(
      fc.property(fc.array(orderArb, { minLength: 5, maxLength: 5 }), fc.array(rowArb, { maxLength: 25 }), (os, rs) => {
        const stored = new Map<number, O>();
        os.forEach((o, i) => {
          const paid = Math.floor((o.total * o.paidShare) / 100 / 1000) * 1000;
          const base = { ...coworking(i, o.total, paid), partialPayment: o.partial };
          const m: O = o.cancelled ? { ...base, status: 'cancelled' } : o.total === 0 ? { ...base, status: 'confirmed' } : base;
          stored.set(i, m);
        });
        const rows = rs.map((x) => r(`id-${x.id}`, x.order, x.amount));
        const plan = planImport(rows, stored, new Map(), everyone);
        expect(plan.outcomes).toHaveLength(rows.length);
        const recorded = plan.outcomes.filter((x) => x.result === 'recorded').map((x) => x.row);
        expect(plan.toRecord.map((x) => x.row)).toEqual(recorded);
        for (const x of plan.toRecord)
          expect(x.event).toEqual({ code: 'payment_gateway', amount: x.row.amount, method: x.row.method, warning: x.warning });
        // Every row of a known order with a new id is recorded: the gateway took the money.
        plan.outcomes.forEach((x) => {
          if (x.result === 'rejected') expect(x.code === 'NOT_FOUND' || x.code === 'CONFLICT').toBe(true);
        });
        for (const [n, { before, after }] of plan.changed) {
          expect(before).toBe(stored.get(n));
          const sum = recorded.filter((x) => x.orderNumber === n).reduce((a, x) => a + x.amount, 0);
          expect(after.paid - before.paid).toBe(sum);
          if (before.status === 'cancelled') expect(after.status).toBe('cancelled');
          else expect(after.status).toBe(after.paid >= after.total ? 'confirmed' : 'partially_paid');
        }
        // The warning says which desk rule the row broke, replaying the rows in order.
        const state = new Map([...stored].map(([n, o]) => [n, { ...o }]));
        for (const x of plan.toRecord) {
          const o = state.get(x.row.orderNumber)!;
          const remaining = o.total - o.paid;
          const expected =
            o.status === 'cancelled'
              ? 'ORDER_CANCELLED'
              : x.row.amount > Math.max(0, remaining)
                ? 'OVERPAID'
                : remaining - x.row.amount > 0 && remaining - x.row.amount < o.minRemaining
                  ? 'REMAINING_BELOW_MINIMUM'
                  : null;
          expect(x.warning).toBe(expected);
          o.paid += x.row.amount;
          if (o.status !== 'cancelled') o.status = o.paid >= o.total ? 'confirmed' : 'partially_paid';
        }
        // Every id is recorded at most once.
        const ids = recorded.map((x) => x.externalId);
        expect(new Set(ids).size).toBe(ids.length);
        // A row is a duplicate only when an earlier row with its id, order and amount was recorded.
        plan.outcomes.forEach((x, i) => {
          if (x.result !== 'duplicate') return;
          expect(
            plan.outcomes
              .slice(0, i)
              .some(
                (y) =>
                  y.result === 'recorded' &&
                  y.row.externalId === x.row.externalId &&
                  y.row.amount === x.row.amount &&
                  y.row.orderNumber === x.row.orderNumber,
              ),
          ).toBe(true);
        });
      }),
      { numRuns: 300 },
    );
  });
});
