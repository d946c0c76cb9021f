/**
 * The payment gateway's statement (SPEC.md): rows of a registry laid out as a format says
 * (./statements/formats.ts). Reading the header and a row's values, telling the rows that are not
 * payments, and deciding what importing each row does: recorded, already there (duplicate), or
 * rejected with the reason. Pure: the orders and the payments already stored come in, the
 * decisions and the new order states go out.
 */
import type { CoworkError } from './errors.js';
import { ConflictError, NotFoundError, RuleError, UsageError, type ErrorCode, type Said } from './errors.js';
import type { CellProblem } from '../ui/messages/en.js';
import { parseRubles, subtract, type Kopecks } from './money.js';
import { gatewayPayment, gatewayRefund } from './ledger.js';
import { parseInstant, zonedToUtc } from './time.js';
import { BUILT_IN_FORMATS, columnsOf, type ColumnRef, type EntryDirection, type StatementFormat } from './statements/formats.js';
import {
  isPaymentMethod,
  PAYMENT_METHODS,
  type EntryKind,
  type OrderEvent,
  type OrderMoney,
  type PaymentMethod,
  type PaymentSource,
  type WarningCode,
} from './types.js';

export const STATEMENT_COLUMNS = ['external_id', 'order_number', 'amount', 'paid_at', 'method'] as const;

/** cowork's own CSV, the format a header is read against when none is named. */
const COWORK = BUILT_IN_FORMATS[0] as StatementFormat;

export interface StatementRow {
  /** The line of the file (the header is line 1 when nothing comes before it). */
  line: number;
  externalId: string;
  /** Null: a refund whose format names no order, and whose payment cowork does not know (yet). */
  orderNumber: number | null;
  /** Always positive: the kind says which way the money went. */
  amount: Kopecks;
  /** ISO-8601 UTC. */
  paidAt: string;
  method: PaymentMethod;
  /** Unset: a payment. */
  kind?: EntryDirection | undefined;
  /** The gateway's fee, when the statement gives one. */
  fee?: Kopecks | null | undefined;
  /** A refund: the gateway id of the payment it gives back, when the statement gives it. */
  parentId?: string | null | undefined;
}

/** A statement's header: where each column the format reads is, and the patterns it uses. */
export interface Header {
  format: StatementFormat;
  /** Each column's index, by the name the format gives it. */
  columns: Record<string, number>;
  /** How many cells the header has. */
  width: number;
}

const clean = (h: string) => h.trim().replace(/^\ufeff/, '');
const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** Whether these cells are the format's header: they hold every column it reads. */
export function isHeader(cells: string[], format: StatementFormat): boolean {
  const names = cells.map(clean);
  return columnsOf(format).every((c) => names.some((n) => same(n, c)));
}

/**
 * Checks the header: every column the format reads (in any order); for an exact format, nothing
 * else. Returns each column's index.
 */
export function readHeader(header: string[], file: string, format: StatementFormat = COWORK, line = 1): Header {
  const names = header.map(clean);
  const expected = columnsOf(format);
  const missing = expected.filter((c) => !names.some((n) => same(n, c)));
  const extra = format.exact ? names.filter((n) => !expected.some((c) => same(n, c))) : [];
  if (missing.length || extra.length) {
    throw new UsageError('statementHeader', { file, expected, missing, unknown: extra, line });
  }
  const columns: Record<string, number> = {};
  for (const c of expected) columns[c] = names.findIndex((n) => same(n, c));
  return { format, columns, width: names.length };
}

const compiled = new Map<string, RegExp>();
function regex(pattern: string, flags = 'u'): RegExp {
  const key = `${flags}/${pattern}`;
  let r = compiled.get(key);
  if (!r) compiled.set(key, (r = new RegExp(pattern, flags)));
  return r;
}

/** The cell of a column, trimmed ('' when the row is short). */
function cellOf(cells: string[], h: Header, col: string): string {
  const i = h.columns[col];
  return i === undefined ? '' : (cells[i] ?? '').trim();
}

/** Why a row is not a payment, or null when it is one: a preamble after all, a total, another kind. */
export function skipsRow(cells: string[], h: Header): boolean {
  const f = h.format;
  if (cells.every((c) => c.trim() === '')) return true;
  for (const s of f.skip ?? []) {
    const value = s.column === undefined ? (cells[0] ?? '').trim() : cellOf(cells, h, s.column);
    if (regex(s.pattern, 'iu').test(value)) return true;
  }
  for (const o of f.only ?? []) {
    const value = cellOf(cells, h, o.column);
    if (!o.values.some((v) => same(v, value))) return true;
  }
  if (f.kind && 'column' in f.kind) {
    const value = cellOf(cells, h, f.kind.column);
    if (![...f.kind.payment, ...f.kind.refund].some((v) => same(v, value))) return true;
  }
  return false;
}

/**
 * An amount of rubles written with the format's decimal separator (a comma format also allows
 * spaces between thousands); kopecks, or null when it is not one. `signed`: a minus is dropped;
 * `zero`: 0 is an amount (a fee may be).
 */
export function parseMoney(text: string, decimal: '.' | ',', opts: { signed?: boolean; zero?: boolean } = {}): Kopecks | null {
  let t = text.trim();
  if (opts.signed && t.startsWith('-')) t = t.slice(1).trim();
  if (decimal === ',') {
    if (t.includes('.')) return null;
    t = t.replace(/(\d)[ \u00a0\u202f](?=\d{3}(\D|$))/gu, '$1').replace(',', '.');
  } else if (t.includes(',')) {
    // A dot format: a comma is a column shift, not a decimal separator.
    return null;
  }
  if (opts.zero && /^0+(\.0{1,2})?$/.test(t)) return 0;
  return parseRubles(t);
}

const TOKENS: Record<string, string> = {
  yyyy: '(\\d{4})',
  MM: '(\\d{1,2})',
  dd: '(\\d{1,2})',
  HH: '(\\d{1,2})',
  mm: '(\\d{2})',
  ss: '(\\d{2})',
};

/** A local time written by a pattern (`dd.MM.yyyy HH:mm`): its parts, or null. */
function localParts(text: string, pattern: string): { y: number; mo: number; d: number; h: number; mi: number; s: number } | null {
  const order: string[] = [];
  const source = pattern.replace(/yyyy|MM|dd|HH|mm|ss|[.*+?^${}()|[\]\\]/g, (t) => {
    const token = TOKENS[t];
    if (token === undefined) return `\\${t}`;
    order.push(t);
    return token;
  });
  const m = regex(`^${source}$`).exec(text);
  if (!m) return null;
  const v = (t: string) => {
    const i = order.indexOf(t);
    return i < 0 ? 0 : Number(m[i + 1]);
  };
  const p = { y: v('yyyy'), mo: v('MM'), d: v('dd'), h: v('HH'), mi: v('mm'), s: v('ss') };
  const date = new Date(Date.UTC(p.y, p.mo - 1, p.d));
  if (date.getUTCMonth() !== p.mo - 1 || date.getUTCDate() !== p.d || p.h > 23 || p.mi > 59 || p.s > 59) return null;
  return p;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** A time in one of the formats; a local one is in `zone`. */
export function parseTime(text: string, formats: readonly string[], zone: string): Date | null {
  for (const f of formats) {
    if (f === 'ISO') {
      const t = parseInstant(text);
      if (t) return t;
      continue;
    }
    const p = localParts(text, f);
    if (!p) continue;
    const t = zonedToUtc(`${p.y}-${pad(p.mo)}-${pad(p.d)}`, `${pad(p.h)}:${pad(p.mi)}`, zone);
    return new Date(t.getTime() + p.s * 1000);
  }
  return null;
}

/** Whether reading the format's times needs a zone: a pattern without an offset, and no zone of its own. */
export function needsZone(f: StatementFormat): boolean {
  return f.time.zone === undefined && f.time.formats.some((x) => x !== 'ISO');
}

/**
 * Reads one data row (after {@link skipsRow} kept it); a malformed value is a usage error naming the
 * line and the column. `zone`: the zone of a time written without an offset.
 */
export function readRow(cells: string[], h: Header, line: number, file: string, zone = 'UTC'): StatementRow {
  const f = h.format;
  const bad = (column: string, problem: CellProblem) => new UsageError('statementCell', { file, line, column, problem });
  const needed = Math.max(...Object.values(h.columns)) + 1;
  if (f.exact ? cells.length !== h.width : cells.length < needed) {
    throw bad('*', { kind: 'columns', expected: f.exact ? h.width : needed, found: cells.length });
  }
  const value = (ref: ColumnRef, onMiss: (cell: string) => CellProblem): string => {
    const cell = cellOf(cells, h, ref.column);
    if (ref.pattern === undefined) return cell;
    const m = regex(ref.pattern).exec(cell);
    if (!m) throw bad(ref.column, onMiss(cell));
    return (m[1] ?? m[0]).trim();
  };
  const noMatch =
    (ref: ColumnRef) =>
    (cell: string): CellProblem => ({ kind: 'noMatch', value: cell, pattern: ref.pattern ?? '' });

  const externalId = value(f.id, noMatch(f.id));
  if (!externalId) throw bad(f.id.column, { kind: 'empty' });

  let orderNumber: number | null = null;
  if (f.order) {
    const n = value(f.order, (cell) => ({ kind: 'orderNumber', value: cell }));
    if (!/^\d{1,15}$/.test(n) || Number(n) <= 0) throw bad(f.order.column, { kind: 'orderNumber', value: n });
    orderNumber = Number(n);
  }

  const a = value(f.amount, noMatch(f.amount));
  const amount = parseMoney(a, f.decimal, { signed: f.amount.signed === true });
  if (amount === null) {
    throw bad(
      f.amount.column,
      f.decimal === '.' && f === COWORK ? { kind: 'amount', value: a } : { kind: 'money', value: a, decimal: f.decimal },
    );
  }

  if (f.currency) {
    const c = value(f.currency, noMatch(f.currency));
    if (c !== '' && !same(c, 'RUB')) throw bad(f.currency.column, { kind: 'currency', value: c });
  }

  const p = value(f.time, noMatch(f.time));
  const t = parseTime(p, f.time.formats, f.time.zone ?? zone);
  if (t === null) {
    throw bad(
      f.time.column,
      f.time.formats.length === 1 && f.time.formats[0] === 'ISO'
        ? { kind: 'instant', value: p }
        : { kind: 'time', value: p, formats: f.time.formats },
    );
  }

  let method: PaymentMethod;
  if ('fixed' in f.method) method = f.method.fixed;
  else {
    const m = value(f.method, noMatch(f.method));
    const values = f.method.values;
    const mapped = values ? Object.entries(values).find(([k]) => same(k, m))?.[1] : isPaymentMethod(m) ? m : undefined;
    const chosen = mapped ?? f.method.default;
    if (chosen === undefined) {
      throw bad(f.method.column, { kind: 'method', value: m, choices: values ? Object.keys(values) : [...PAYMENT_METHODS] });
    }
    method = chosen;
  }

  let kind: EntryDirection = 'payment';
  if (f.kind && 'fixed' in f.kind) kind = f.kind.fixed;
  else if (f.kind) {
    const k = cellOf(cells, h, f.kind.column);
    kind = f.kind.refund.some((v) => same(v, k)) ? 'refund' : 'payment';
  }

  let fee: Kopecks | null = null;
  if (f.fee) {
    const ref = 'net' in f.fee ? f.fee.net : f.fee;
    const text = value(ref, noMatch(ref));
    if (text !== '') {
      const v = parseMoney(text, f.decimal, { signed: true, zero: true });
      if (v === null || ('net' in f.fee && v > amount)) throw bad(ref.column, { kind: 'money', value: text, decimal: f.decimal });
      fee = 'net' in f.fee ? subtract(amount, v) : v;
    }
  }

  let parentId: string | null = null;
  if (f.parent && kind === 'refund') parentId = value(f.parent, noMatch(f.parent)) || null;
  if (orderNumber === null && parentId === null) throw bad(f.parent?.column ?? f.id.column, { kind: 'empty' });

  const row: StatementRow = { line, externalId, orderNumber, amount, paidAt: t.toISOString(), method, kind };
  if (fee !== null) row.fee = fee;
  if (parentId !== null) row.parentId = parentId;
  return row;
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
   * A rejected row: the error code (NOT_FOUND, CONFLICT, REFUND_EXCEEDS_PAID…). A recorded row that
   * breaks a desk rule (SPEC.md rule 3a): the warning's code (OVERPAID, REFUND_EXCEEDS_DUE…).
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
  /** Unset: a payment. */
  kind?: EntryKind | undefined;
  amount: Kopecks;
  method: PaymentMethod;
  source: PaymentSource;
  createdAt: string;
}

/** A row to record (a gateway payment or refund), with the system event that tells the order's feed and its warning. */
export interface RowToRecord {
  row: StatementRow & { orderNumber: number };
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

/** Rule 4: the same gateway id means the same order, kind, amount and method. */
function sameValues(p: KnownPayment, r: StatementRow): boolean {
  return (
    p.orderNumber === r.orderNumber &&
    (p.kind ?? 'payment') === (r.kind ?? 'payment') &&
    p.amount === r.amount &&
    p.method === r.method &&
    p.source === 'gateway'
  );
}

/**
 * Decides every row. `orders` holds the orders the rows name (missing: unknown); `existing` the
 * payments already stored under the rows' external ids; `mayProcess` whether the operator may
 * record payments on an order. Rows are applied in file order, each against the state the rows
 * before it left, so the result is the same as recording them one by one. A payment row goes
 * through gatewayPayment, a refund row through gatewayRefund (src/core/ledger.ts): a refund beyond
 * what was paid is rejected with its rule's code.
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
    const number = row.orderNumber;
    if (number === null) {
      // A refund of a payment cowork does not know (or the operator may not see): nothing to refund.
      reject(new NotFoundError('paymentNotFound', { id: row.parentId ?? row.externalId }));
      continue;
    }
    // Access first, and an order the operator may not process reads as one that does not exist
    // (SPEC.md rule 8a): the row tells them nothing of it.
    const order = state.get(number) ?? orders.get(number);
    if (!order || !mayProcess(order)) {
      reject(new NotFoundError('orderNotFound', { number }));
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
      orderNumber: number,
      kind: row.kind,
      amount: row.amount,
      method: row.method,
      source: 'gateway',
      createdAt: row.paidAt,
    };
    if (row.kind !== 'refund') {
      // The guest's online payment at booking, recorded before its gateway id was known: the row is
      // that payment, which gets its id, not a second one.
      const match = waiting.findIndex((p) => p.orderNumber === number && p.amount === row.amount && p.method === row.method);
      const matched = waiting[match];
      if (matched) {
        waiting.splice(match, 1);
        seen.set(row.externalId, fact);
        toMatch.push({ paymentId: matched.id, externalId: row.externalId });
        outcomes.push({ row, result: 'matched', code: null, said: null });
        continue;
      }
    }
    // Rule 3a: the gateway took (or gave back) the money; it is recorded whatever the desk rules
    // say. The ledger never gives back money it did not take: such a refund is rejected.
    let decided: { order: O; event: OrderEvent; warning: WarningCode | null };
    try {
      decided =
        row.kind === 'refund'
          ? gatewayRefund(order, { amount: row.amount, method: row.method })
          : gatewayPayment(order, { amount: row.amount, method: row.method });
    } catch (e) {
      if (!(e instanceof RuleError)) throw e;
      reject(e);
      continue;
    }
    const { order: after, event, warning } = decided;
    state.set(number, after);
    changed.set(number, { before: changed.get(number)?.before ?? order, after });
    seen.set(row.externalId, fact);
    toRecord.push({ row: { ...row, orderNumber: number }, event, warning });
    outcomes.push({ row, result: 'recorded', code: warning, said: null });
  }
  return { outcomes, toRecord, toMatch, changed };
}

/** What an import did, counted by outcome. */
export interface ImportSummary {
  rows: number;
  recorded: number;
  /** Rows that gave their gateway id to a payment recorded without one. */
  matched: number;
  duplicate: number;
  rejected: number;
  /** Recorded rows that break a desk rule (SPEC.md rule 3a): they need attention. */
  warnings: number;
  /** Lines that are not payments, skipped. */
  skipped: number;
}
