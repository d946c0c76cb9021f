/**
 * The payment gateway's statement (SPEC.md): CSV rows `external_id,order_number,amount,paid_at,
 * method`. Reading a row's values, and deciding what importing each row does: recorded, already
 * there (duplicate), or rejected with the reason. Pure: the orders and the payments already stored
 * come in, the decisions and the new order states go out.
 */
import type { CoworkError } from './errors.js';
import { ConflictError, NotFoundError, UsageError, type ErrorCode, type Said } from './errors.js';
import type { CellProblem } from '../ui/messages/en.js';
import { parseRubles, type Kopecks } from './money.js';
import { gatewayPayment } from './ledger.js';
import { parseInstant } from './time.js';
import {
  isPaymentMethod,
  PAYMENT_METHODS,
  type OrderEvent,
  type OrderMoney,
  type PaymentMethod,
  type PaymentSource,
  type WarningCode,
} from './types.js';

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

type Column = (typeof STATEMENT_COLUMNS)[number];
const isColumn = (s: string): s is Column => (STATEMENT_COLUMNS as readonly string[]).includes(s);

/** Checks the header: the five columns, in any order, nothing else. Returns each column's index. */
export function readHeader(header: string[], file: string): Record<Column, number> {
  const names = header.map((h) => h.trim().replace(/^\ufeff/, ''));
  const missing = STATEMENT_COLUMNS.filter((c) => !names.includes(c));
  const extra = names.filter((n) => !isColumn(n));
  if (missing.length || extra.length) {
    throw new UsageError('statementHeader', { file, expected: [...STATEMENT_COLUMNS], missing, unknown: extra });
  }
  const index = { external_id: 0, order_number: 0, amount: 0, paid_at: 0, method: 0 };
  for (const c of STATEMENT_COLUMNS) index[c] = names.indexOf(c);
  return index;
}

/** Reads one data row; a malformed value is a usage error naming the line and the column. */
export function readRow(cells: string[], index: Record<Column, number>, line: number, file: string): StatementRow {
  const at = (col: Column) => (cells[index[col]] ?? '').trim();
  const bad = (column: string, problem: CellProblem) => new UsageError('statementCell', { file, line, column, problem });
  const width = STATEMENT_COLUMNS.length;
  if (cells.length !== width) throw bad('*', { kind: 'columns', expected: width, found: cells.length });
  const externalId = at('external_id');
  if (!externalId) throw bad('external_id', { kind: 'empty' });
  const n = at('order_number');
  if (!/^\d{1,15}$/.test(n) || Number(n) <= 0) throw bad('order_number', { kind: 'orderNumber', value: n });
  const a = at('amount');
  // Statements write a dot: a comma here is a column shift, not a decimal separator.
  const amount = a.includes(',') ? null : parseRubles(a);
  if (amount === null) throw bad('amount', { kind: 'amount', value: a });
  const p = at('paid_at');
  const t = parseInstant(p);
  if (t === null) throw bad('paid_at', { kind: 'instant', value: p });
  const method = at('method');
  if (!isPaymentMethod(method)) throw bad('method', { kind: 'method', value: method, choices: [...PAYMENT_METHODS] });
  return { line, externalId, orderNumber: Number(n), amount, paidAt: t.toISOString(), method };
}

/**
 * What importing a row did: recorded (a new gateway entry), matched (it gave its id to a gateway
 * payment recorded without one, a guest's online payment at booking), duplicate (already there),
 * or rejected.
 */
export type ImportResult = 'recorded' | 'matched' | 'duplicate' | 'rejected';

export interface RowOutcome {
  row: StatementRow;
  result: ImportResult;
  /**
   * A rejected row: the error code (NOT_FOUND, CONFLICT, …). A recorded row that breaks a desk
   * rule (SPEC.md rule 3a): the warning's code (OVERPAID, …).
   */
  code: ErrorCode | WarningCode | null;
  /** A rejected row: why, in no language yet. */
  said: Said | null;
}

/** A gateway payment recorded without a gateway id, which a statement row may match. */
export interface UnmatchedPayment {
  id: number;
  orderNumber: number;
  amount: Kopecks;
  method: PaymentMethod;
}

export interface KnownPayment {
  orderNumber: number;
  amount: Kopecks;
  method: PaymentMethod;
  source: PaymentSource;
  createdAt: string;
}

/** A row to record, with the system event that tells the order's feed and its warning. */
export interface RowToRecord {
  row: StatementRow;
  event: OrderEvent;
  warning: WarningCode | null;
}

export interface ImportPlan<O extends OrderMoney> {
  outcomes: RowOutcome[];
  /** The rows to record, in file order. */
  toRecord: RowToRecord[];
  /** Gateway payments recorded without an id that rows matched: the id each gets. */
  toMatch: { paymentId: number; externalId: string }[];
  /** The orders whose money changed: their state before and after. */
  changed: Map<number, { before: O; after: O }>;
}

/** Rule 4: the same gateway id means the same order, amount and method. */
function sameValues(p: KnownPayment, r: StatementRow): boolean {
  return p.orderNumber === r.orderNumber && p.amount === r.amount && p.method === r.method && p.source === 'gateway';
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
  unmatched: readonly UnmatchedPayment[] = [],
): ImportPlan<O> {
  const state = new Map<number, O>();
  const changed = new Map<number, { before: O; after: O }>();
  const seen = new Map<string, KnownPayment>(existing);
  const outcomes: RowOutcome[] = [];
  const toRecord: RowToRecord[] = [];
  const toMatch: ImportPlan<O>['toMatch'] = [];
  const waiting = [...unmatched];
  for (const row of rows) {
    const reject = (e: CoworkError) => outcomes.push({ row, result: 'rejected', code: e.code, said: e.said });
    // Access first, and an order the operator may not process reads as one that does not exist
    // (SPEC.md rule 8a): the row tells them nothing of it.
    const order = state.get(row.orderNumber) ?? orders.get(row.orderNumber);
    if (!order || !mayProcess(order)) {
      reject(new NotFoundError('orderNotFound', { number: row.orderNumber }));
      continue;
    }
    const known = seen.get(row.externalId);
    if (known) {
      // The conflict names nothing of the payment already recorded: it may be on another order.
      if (!sameValues(known, row)) reject(new ConflictError('externalIdConflict', { id: row.externalId }));
      else outcomes.push({ row, result: 'duplicate', code: null, said: null });
      continue;
    }
    const fact: KnownPayment = {
      orderNumber: row.orderNumber,
      amount: row.amount,
      method: row.method,
      source: 'gateway',
      createdAt: row.paidAt,
    };
    // The guest's online payment at booking, recorded before its gateway id was known: the row is
    // that payment, which gets its id, not a second one.
    const match = waiting.findIndex((p) => p.orderNumber === row.orderNumber && p.amount === row.amount && p.method === row.method);
    const matched = waiting[match];
    if (matched) {
      waiting.splice(match, 1);
      seen.set(row.externalId, fact);
      toMatch.push({ paymentId: matched.id, externalId: row.externalId });
      outcomes.push({ row, result: 'matched', code: null, said: null });
      continue;
    }
    // Rule 3a: the gateway took the money; it is recorded whatever the desk rules say.
    const { order: after, event, warning } = gatewayPayment(order, { amount: row.amount, method: row.method });
    state.set(row.orderNumber, after);
    changed.set(row.orderNumber, { before: changed.get(row.orderNumber)?.before ?? order, after });
    seen.set(row.externalId, fact);
    toRecord.push({ row, event, warning });
    outcomes.push({ row, result: 'recorded', code: warning, said: null });
  }
  return { outcomes, toRecord, toMatch, changed };
}
