/**
 * Reconciling a gateway statement with cowork's gateway payments (src/core/reconcile.ts). Pure.
 */
import { describe, expect, it } from 'vitest';
import { reconcile } from '../../src/core/reconcile.js';
import type { StatementRow } from '../../src/core/statement.js';
import { entry } from '../helpers/entries.js';
import type { Payment } from '../../src/core/types.js';

let line = 2;
const row = (
  externalId: string,
  orderNumber: number,
  amount: number,
  paidAt = '2023-08-11T08:32:00.000Z',
  method: StatementRow['method'] = 'card',
): StatementRow => ({
  line: line++,
  externalId,
  orderNumber,
  amount,
  paidAt,
  method,
});

let id = 1;
const pay = (
  externalId: string | null,
  orderNumber: number,
  amount: number,
  createdAt = '2023-08-11T08:32:00.000Z',
  extra: Partial<Payment> = {},
): Payment => entry({ id: String(id++), orderNumber, amount, method: 'card', source: 'gateway', createdAt, externalId, ...extra });

describe('reconcile', () => {
  it('every row matched: all matched, nothing else', () => {
    const rows = [row('a', 13, 40000), row('b', 14, 30000)];
    const known = [pay('b', 14, 30000), pay('a', 13, 40000)];
    const out = reconcile(rows, known, known);
    expect(out.map((r) => [r.status, r.externalId, r.order, r.line, r.statementAmount, r.coworkAmount, r.differs])).toEqual([
      ['matched', 'a', 13, rows[0]!.line, 40000, 40000, []],
      ['matched', 'b', 14, rows[1]!.line, 30000, 30000, []],
    ]);
  });

  it('a row cowork lacks is missing_in_cowork', () => {
    const out = reconcile([row('x', 15, 200000)], [], []);
    expect(out).toEqual([
      {
        status: 'missing_in_cowork',
        externalId: 'x',
        order: 15,
        line: expect.any(Number),
        statementAmount: 200000,
        coworkAmount: null,
        entry: 'payment',
        fee: null,
        differs: [],
      },
    ]);
  });

  it('a gateway payment of the period that the statement lacks is missing_in_statement, oldest first, after the rows', () => {
    const rows = [row('a', 13, 40000)];
    const a = pay('a', 13, 40000);
    const late = pay('late', 14, 30000, '2023-08-11T08:35:00.000Z');
    const early = pay('early', 16, 1000, '2023-08-11T08:33:00.000Z');
    const out = reconcile(rows, [a], [late, a, early]);
    expect(out.map((r) => [r.status, r.externalId, r.order, r.line, r.statementAmount, r.coworkAmount])).toEqual([
      ['matched', 'a', 13, rows[0]!.line, 40000, 40000],
      ['missing_in_statement', 'early', 16, null, null, 1000],
      ['missing_in_statement', 'late', 14, null, null, 30000],
    ]);
  });

  it('desk payments of the period are not the gateway\u2019s: never missing_in_statement', () => {
    const desk = pay('key-1', 14, 70000, '2023-08-11T08:33:00.000Z', { source: 'manager', method: 'cash' });
    expect(reconcile([], [], [desk])).toEqual([]);
  });

  it('a gateway payment without an external id is reported with an empty one', () => {
    const out = reconcile([], [], [pay(null, 14, 500)]);
    expect(out).toMatchObject([{ status: 'missing_in_statement', externalId: '', order: 14, coworkAmount: 500 }]);
  });

  it('another amount is amount_differs with both amounts', () => {
    const out = reconcile([row('a', 13, 41000)], [pay('a', 13, 40000)], []);
    expect(out).toMatchObject([{ status: 'amount_differs', externalId: 'a', statementAmount: 41000, coworkAmount: 40000, differs: [] }]);
  });

  it('amount_differs wins over other differences, which go to the note', () => {
    const out = reconcile([row('a', 13, 41000)], [pay('a', 12, 40000, undefined, { method: 'cash' })], []);
    expect(out[0]!.status).toBe('amount_differs');
    expect(out[0]!.differs).toEqual([
      { kind: 'order', order: 12 },
      { kind: 'method', method: 'cash' },
    ]);
  });

  it.each([
    ['another order', { orderNumber: 12 }, { kind: 'order', order: 12 }],
    ['another method', { method: 'transfer' as const }, { kind: 'method', method: 'transfer' }],
    ['a desk payment', { source: 'manager' as const }, { kind: 'source' }],
  ])('the same amount on %s is other_differs, explained', (_what, extra, differs) => {
    const out = reconcile([row('a', 13, 40000)], [pay('a', 13, 40000, undefined, extra)], []);
    expect(out[0]!.status).toBe('other_differs');
    expect(out[0]!.differs).toEqual([differs]);
  });

  it('a payment both known and in the period is reported once', () => {
    const a = pay('a', 13, 40000);
    const out = reconcile([row('a', 13, 41000)], [a], [a]);
    expect(out).toHaveLength(1);
  });

  it('statement rows keep the file order', () => {
    const rows = [row('c', 3, 100), row('a', 1, 100), row('b', 2, 100)];
    expect(reconcile(rows, [], []).map((r) => r.externalId)).toEqual(['c', 'a', 'b']);
  });

  it('an empty statement and no payments: nothing', () => {
    expect(reconcile([], [], [])).toEqual([]);
  });
});
