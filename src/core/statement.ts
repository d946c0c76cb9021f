/**
 * The payment gateway's statement (SPEC.md): CSV rows `external_id,order_number,amount,paid_at,
 * method`. Reading a row's values, and deciding what importing each row does: recorded, already
 * there (duplicate), or rejected with the reason. Pure: the orders and the payments already stored
 * come in, the decisions and the new order states go out.
 */
import { CoworkError, RuleError, UsageError } from './errors.js';
import { parseRubles, toRublesString, type Kopecks } from './money.js';
import { applyPayment } from './orders.js';
import { parseInstant } from './time.js';
import { PAYMENT_METHODS, type OrderMoney, type PaymentMethod } from './types.js';

export const STATEMENT_COLUMNS = ['external_id', 'order_number', 'amount', 'paid_at', 'method'] as const;

export interface StatementRow {
  /** The line of the file (the header is line 1). */
  line: number;
  externalId: string;
  orderNumber: number;
  amount: Kopecks;
  /** ISO-8601 UTC. */
  paidAt: string;
  method: PaymentMethod;
}

/** Checks the header: the five columns, in any order, nothing else. Returns each column's index. */
export function readHeader(header: string[], file: string): Record<(typeof STATEMENT_COLUMNS)[number], number> {
  const names = header.map((h) => h.trim().replace(/^\ufeff/, ''));
  const missing = STATEMENT_COLUMNS.filter((c) => !names.includes(c));
  const extra = names.filter((n) => !(STATEMENT_COLUMNS as readonly string[]).includes(n));
  if (missing.length || extra.length) {
    throw new UsageError(
      `${file}:1: the header must be ${STATEMENT_COLUMNS.join(',')}` +
        (missing.length ? `; missing ${missing.join(', ')}` : '') +
        (extra.length ? `; unknown ${extra.join(', ')}` : ''),
    );
  }
  return Object.fromEntries(STATEMENT_COLUMNS.map((c) => [c, names.indexOf(c)])) as Record<(typeof STATEMENT_COLUMNS)[number], number>;
}

/** Reads one data row; a malformed value is a usage error naming the line and the column. */
export function readRow(cells: string[], index: Record<(typeof STATEMENT_COLUMNS)[number], number>, line: number, file: string): StatementRow {
  const at = (col: (typeof STATEMENT_COLUMNS)[number]) => (cells[index[col]] ?? '').trim();
  const bad = (col: string, what: string): never => {
    throw new UsageError(`${file}:${line}: column ${col}: ${what}`);
  };
  if (cells.length !== Object.keys(index).length) bad('*', `expected ${Object.keys(index).length} columns, found ${cells.length}`);
  const externalId = at('external_id');
  if (!externalId) bad('external_id', 'empty');
  const n = at('order_number');
  if (!/^\d{1,15}$/.test(n) || Number(n) <= 0) bad('order_number', `"${n}" is not an order number`);
  const a = at('amount');
  // Statements write a dot: a comma here is a column shift, not a decimal separator.
  const amount = a.includes(',') ? null : parseRubles(a);
  if (amount === null) bad('amount', `"${a}" is not a positive amount of rubles such as 400.00`);
  const p = at('paid_at');
  const t = parseInstant(p);
  if (t === null) bad('paid_at', `"${p}" is not an ISO-8601 time with an offset, such as 2023-08-11T13:32:00+05:00`);
  const m = at('method');
  if (!(PAYMENT_METHODS as readonly string[]).includes(m)) bad('method', `"${m}" is not one of ${PAYMENT_METHODS.join(', ')}`);
  return { line, externalId, orderNumber: Number(n), amount: amount!, paidAt: t!.toISOString(), method: m as PaymentMethod };
}

export type ImportResult = 'recorded' | 'duplicate' | 'rejected';

export interface RowOutcome {
  row: StatementRow;
  result: ImportResult;
  /** For a rejected row: the error code (NOT_FOUND, CONFLICT, REMAINING_BELOW_MINIMUM, …). */
  code: string | null;
  message: string | null;
}

export interface KnownPayment {
  orderNumber: number;
  amount: Kopecks;
  method: PaymentMethod;
  source: 'gateway' | 'manager';
  createdAt: string;
}

export interface ImportPlan<O extends OrderMoney> {
  outcomes: RowOutcome[];
  /** The rows to record, in file order. */
  toRecord: StatementRow[];
  /** The orders whose money changed: their state before and after. */
  changed: Map<number, { before: O; after: O }>;
}

function sameValues(p: KnownPayment, r: StatementRow): string[] {
  const d: string[] = [];
  if (p.orderNumber !== r.orderNumber) d.push('another order');
  if (p.amount !== r.amount) d.push(`amount ${toRublesString(p.amount)}`);
  if (p.method !== r.method) d.push(`method ${p.method}`);
  if (p.source !== 'gateway') d.push('a desk payment');
  else if (p.createdAt !== r.paidAt) d.push(`paid_at ${p.createdAt}`);
  return d;
}

/**
 * Decides every row. `orders` holds the orders the rows name (missing: unknown); `existing` the
 * payments already stored under the rows' external ids; `mayProcess` whether the operator may
 * record payments on an order. Rows are applied in file order, each against the state the rows
 * before it left, so the result is the same as recording them one by one.
 */
export function planImport<O extends OrderMoney>(
  rows: StatementRow[],
  orders: Map<number, O>,
  existing: Map<string, KnownPayment>,
  mayProcess: (order: O) => boolean,
): ImportPlan<O> {
  const state = new Map<number, O>();
  const changed = new Map<number, { before: O; after: O }>();
  const seen = new Map<string, KnownPayment>(existing);
  const outcomes: RowOutcome[] = [];
  const toRecord: StatementRow[] = [];
  for (const row of rows) {
    const reject = (code: string, message: string) => outcomes.push({ row, result: 'rejected', code, message });
    // Access first: a row of an order the operator may not process tells them nothing more.
    const order = state.get(row.orderNumber) ?? orders.get(row.orderNumber);
    if (!order) {
      reject('NOT_FOUND', `order ${row.orderNumber} not found`);
      continue;
    }
    if (!mayProcess(order)) {
      reject('NOT_ALLOWED', `not responsible for the service of order ${row.orderNumber}`);
      continue;
    }
    const known = seen.get(row.externalId);
    if (known) {
      const d = sameValues(known, row);
      if (d.length) reject('CONFLICT', `external id "${row.externalId}" was already recorded with other values (${d.join(', ')})`);
      else outcomes.push({ row, result: 'duplicate', code: null, message: null });
      continue;
    }
    try {
      const after = applyPayment(order, row.amount);
      state.set(row.orderNumber, after);
      changed.set(row.orderNumber, { before: changed.get(row.orderNumber)?.before ?? order, after });
      seen.set(row.externalId, { orderNumber: row.orderNumber, amount: row.amount, method: row.method, source: 'gateway', createdAt: row.paidAt });
      toRecord.push(row);
      outcomes.push({ row, result: 'recorded', code: null, message: null });
    } catch (e) {
      if (e instanceof RuleError || e instanceof CoworkError) reject(e.code, e.message);
      else throw e;
    }
  }
  return { outcomes, toRecord, changed };
}
