/** What a malformed statement cell or header says (src/core/statement.ts): the problem, with its values. */
import { describe, expect, it } from 'vitest';
import type { CoworkError } from '../../src/core/errors.js';
import { UsageError } from '../../src/core/errors.js';
import { planImport, readHeader, readRow, STATEMENT_COLUMNS } from '../../src/core/statement.js';

const INDEX = readHeader([...STATEMENT_COLUMNS], 'st.csv');
const good = ['gw-1', '1006314', '400.00', '2023-08-11T13:32:00+05:00', 'card'];
const withCell = (i: number, v: string) => good.map((c, j) => (j === i ? v : c));

function said(fn: () => unknown) {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    return (e as CoworkError).said;
  }
  throw new Error('expected a usage error');
}

const cell = (cells: string[]) => said(() => readRow(cells, INDEX, 7, 'st.csv'));
const problem = (column: string, p: object) => ({ key: 'statementCell', args: [{ file: 'st.csv', line: 7, column, problem: p }] });

describe('readRow problems', () => {
  it('the number of cells', () => {
    expect(cell(good.slice(0, 3))).toEqual(problem('*', { kind: 'columns', expected: 5, found: 3 }));
  });

  it('an empty external id', () => {
    expect(cell(withCell(0, ' '))).toEqual(problem('external_id', { kind: 'empty' }));
  });

  it('an order number, trimmed', () => {
    expect(cell(withCell(1, ' 12a '))).toEqual(problem('order_number', { kind: 'orderNumber', value: '12a' }));
    expect(cell(withCell(1, '0'))).toEqual(problem('order_number', { kind: 'orderNumber', value: '0' }));
    expect(cell(withCell(1, '1234567890123456'))).toEqual(problem('order_number', { kind: 'orderNumber', value: '1234567890123456' }));
  });

  it('an order number of up to 15 digits is read', () => {
    expect(readRow(withCell(1, '123456789012345'), INDEX, 7, 'st.csv').orderNumber).toBe(123456789012345);
    expect(readRow(withCell(1, '1'), INDEX, 7, 'st.csv').orderNumber).toBe(1);
  });

  it('an amount', () => {
    expect(cell(withCell(2, '10,50'))).toEqual(problem('amount', { kind: 'amount', value: '10,50' }));
    expect(cell(withCell(2, 'x'))).toEqual(problem('amount', { kind: 'amount', value: 'x' }));
  });

  it('a time', () => {
    expect(cell(withCell(3, '2023-08-11'))).toEqual(problem('paid_at', { kind: 'instant', value: '2023-08-11' }));
  });

  it('a method, listing the methods', () => {
    expect(cell(withCell(4, 'cheque'))).toEqual(
      problem('method', { kind: 'method', value: 'cheque', choices: ['card', 'cash', 'transfer'] }),
    );
  });
});

describe('readHeader problems', () => {
  it('names the columns expected, missing and unknown', () => {
    expect(said(() => readHeader(['external_id', 'order', 'amount', 'paid_at', 'method', 'note'], 'st.csv'))).toEqual({
      key: 'statementHeader',
      args: [{ file: 'st.csv', expected: [...STATEMENT_COLUMNS], missing: ['order_number'], unknown: ['order', 'note'], line: 1 }],
    });
  });

  it('only a leading BOM is dropped', () => {
    expect(said(() => readHeader(['external_id', 'order_\ufeffnumber', 'amount', 'paid_at', 'method'], 'st.csv')).args).toEqual([
      { file: 'st.csv', expected: [...STATEMENT_COLUMNS], missing: ['order_number'], unknown: ['order_\ufeffnumber'], line: 1 },
    ]);
    expect(readHeader(['\ufeff external_id', 'order_number', 'amount', 'paid_at', 'method'], 'st.csv').columns['external_id']).toBe(0);
  });
});

describe('planImport and programming errors', () => {
  it('a row that could never come from readRow (0 kopecks) is a bug that surfaces, not a rejected row', () => {
    const order = { status: 'awaiting_payment' as const, total: 10000, paid: 0, minRemaining: 5000, partialPayment: true, kept: 0 };
    const row = { line: 2, externalId: 'x', orderNumber: 1, amount: 0, paidAt: '2023-08-11T08:32:00.000Z', method: 'card' as const };
    expect(() => planImport([row], new Map([[1, order]]), new Map(), () => true)).toThrow(RangeError);
  });
});
