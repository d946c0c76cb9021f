/**
 * Statement formats as data (SPEC.md "A gateway statement"): how a gateway's or a bank's registry
 * lays out its rows, told as a mapping: the delimiter, the encoding, the decimal separator, how
 * to find the header row, which column (or a pattern inside a column) gives each value, and which
 * rows are not payments. The built-in formats are such mappings; `--map FILE` reads another one
 * (validated here with zod, its errors naming the bad key).
 */
import type { PaymentMethod } from '../types.js';

/** A value read from a column, or from a pattern inside it (its first group, else the whole match). */
export interface ColumnRef {
  column: string;
  pattern?: string | undefined;
}

export const DELIMITERS = [',', ';', '\t', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];
export const ENCODINGS = ['utf-8', 'windows-1251'] as const;
export type Encoding = (typeof ENCODINGS)[number];
export type EntryDirection = 'payment' | 'refund';

export interface StatementFormat {
  name: string;
  /** Unset: detected from the file. */
  delimiter?: Delimiter | undefined;
  /** Unset: detected (a BOM or valid UTF-8 is UTF-8, anything else Windows-1251). */
  encoding?: Encoding | undefined;
  decimal: '.' | ',';
  /**
   * The header row is the first whose cells include every column the mapping names (rows before it
   * are a preamble, skipped). `exact`: the header holds those columns and nothing else.
   */
  exact?: boolean | undefined;
  id: ColumnRef;
  /** The order number; a refund registry without it finds the order through the refunded payment. */
  order?: ColumnRef | undefined;
  /** Amounts in rubles; `signed`: a minus is allowed and dropped (the kind says the direction). */
  amount: ColumnRef & { signed?: boolean | undefined };
  /**
   * `formats`: `ISO` (ISO-8601 with an offset) or patterns of yyyy MM dd HH mm ss, tried in turn;
   * `zone`: the zone of a time written without an offset (else `--time-zone`, else the location's).
   */
  time: ColumnRef & { formats: string[]; zone?: string | undefined };
  /** The method: fixed, or a column whose values map to one (unset map: the value is the method). */
  method:
    { fixed: PaymentMethod } | (ColumnRef & { values?: Record<string, PaymentMethod> | undefined; default?: PaymentMethod | undefined });
  /** Payment or refund: fixed, or a column's values; a row of any other value is skipped. Unset: payments. */
  kind?: { fixed: EntryDirection } | (ColumnRef & { payment: string[]; refund: string[] }) | undefined;
  /** A refund's payment: its gateway id. */
  parent?: ColumnRef | undefined;
  /** The gateway's fee: a column, or the amount less a net column. */
  fee?: ColumnRef | { net: ColumnRef } | undefined;
  /** The currency column: a row in another currency than RUB is malformed. */
  currency?: ColumnRef | undefined;
  /** Rows that are not payments: a cell (the first unless `column` says) matching `pattern`. */
  skip?: { column?: string | undefined; pattern: string }[] | undefined;
  /** Only rows whose column holds one of `values` are payments (statuses); the others are skipped. */
  only?: { column: string; values: string[] }[] | undefined;
}

const YOOKASSA_TOTALS = '^(Сумма принятых|Сумма возвратов|Сумма возвращенных|Число платежей|Число возвратов|Итого)';
const MOSCOW = 'Europe/Moscow';

/** The formats cowork knows, in the order they are tried. */
export const BUILT_IN_FORMATS: readonly StatementFormat[] = [
  {
    // cowork's own CSV: `external_id,order_number,amount,paid_at,method`.
    name: 'cowork',
    delimiter: ',',
    decimal: '.',
    exact: true,
    id: { column: 'external_id' },
    order: { column: 'order_number' },
    amount: { column: 'amount' },
    time: { column: 'paid_at', formats: ['ISO'] },
    method: { column: 'method' },
  },
  {
    // The same, as a Russian Excel saves it: `;`, comma decimals, local times without an offset.
    name: 'cowork-excel',
    delimiter: ';',
    decimal: ',',
    exact: true,
    id: { column: 'external_id' },
    order: { column: 'order_number' },
    amount: { column: 'amount' },
    time: { column: 'paid_at', formats: ['dd.MM.yyyy HH:mm', 'dd.MM.yyyy HH:mm:ss', 'ISO'] },
    method: { column: 'method' },
  },
  {
    // ЮKassa's registry of payments received (реестр принятых платежей).
    name: 'yookassa',
    delimiter: ';',
    decimal: '.',
    id: { column: 'Идентификатор платежа' },
    order: { column: 'Описание', pattern: '№\\s*(\\d+)' },
    amount: { column: 'Сумма платежа' },
    currency: { column: 'Валюта платежа' },
    fee: { net: { column: 'Сумма за вычетом комиссии' } },
    time: { column: 'Время платежа', formats: ['dd.MM.yyyy HH:mm:ss', 'dd.MM.yyyy HH:mm'], zone: MOSCOW },
    method: {
      column: 'Тип платежа',
      values: { bank_card: 'card', AC: 'card', PC: 'transfer', sbp: 'transfer', SBP: 'transfer' },
      default: 'card',
    },
    skip: [{ pattern: YOOKASSA_TOTALS }],
  },
  {
    // ЮKassa's registry of refunds: each names the payment it gives back.
    name: 'yookassa-refunds',
    delimiter: ';',
    decimal: '.',
    id: { column: 'Идентификатор возврата' },
    parent: { column: 'Идентификатор платежа' },
    amount: { column: 'Сумма возврата' },
    currency: { column: 'Валюта возврата' },
    time: { column: 'Время возврата', formats: ['dd.MM.yyyy HH:mm:ss', 'dd.MM.yyyy HH:mm'], zone: MOSCOW },
    method: { fixed: 'card' },
    kind: { fixed: 'refund' },
    skip: [{ pattern: YOOKASSA_TOTALS }],
  },
  {
    // Tochka bank's acquiring registry: payments and refunds, a refund naming its payment.
    name: 'tochka',
    delimiter: ';',
    decimal: ',',
    id: { column: 'TRANSACTION_ID' },
    order: { column: 'ORDER_UID', pattern: '(\\d+)' },
    amount: { column: 'SUM', signed: true },
    fee: { column: 'COMMISSION' },
    time: { column: 'TRANS_DATE', formats: ['dd.MM.yyyy HH:mm:ss', 'dd.MM.yyyy HH:mm', 'yyyy-MM-dd HH:mm:ss', 'ISO'], zone: MOSCOW },
    method: { fixed: 'card' },
    kind: { column: 'TRANSACTION_TYPE', payment: ['PAYMENT'], refund: ['REFUND'] },
    parent: { column: 'PARENT_TRANSACTION_ID' },
  },
  {
    // Stripe's itemized balance change report (balance_change_from_activity.itemized): charges and
    // refunds by their source (ch_…, re_…), a refund naming its charge; the order in the metadata.
    name: 'stripe',
    delimiter: ',',
    decimal: '.',
    id: { column: 'source_id' },
    order: { column: 'payment_metadata[order_number]' },
    amount: { column: 'gross', signed: true },
    fee: { column: 'fee' },
    currency: { column: 'currency' },
    time: { column: 'created_utc', formats: ['yyyy-MM-dd HH:mm:ss', 'yyyy-MM-dd HH:mm', 'ISO'], zone: 'UTC' },
    method: { fixed: 'card' },
    kind: { column: 'reporting_category', payment: ['charge'], refund: ['refund'] },
    parent: { column: 'charge_id' },
  },
  {
    // cowork's own list of entries, `pay list --excel` (src/commands/pay/shared.ts), as written or
    // as a Russian Excel saves it again: `;`, comma decimals, local times (to the minute). Read back,
    // its gateway entries are duplicates: a duplicate is the same gateway id with the same order,
    // kind, amount and method, and the time is not compared, so the seconds the file drops do not
    // matter, nor does the zone when locations differ in zone (each row is written in its own
    // location's, the file is read in one: `--time-zone`). Desk entries, reversals and gateway
    // payments still without a gateway id are not statement rows: skipped. An id that `pay list`
    // guarded against formulas (a leading `'`) is read without it. `cowork-excel` does not fit
    // this header (it has no `external_id`), so the header tells the two apart.
    name: 'cowork-list-excel',
    delimiter: ';',
    decimal: ',',
    id: { column: 'externalId', pattern: "^'([=+\\-@].*)$|^.*$" },
    order: { column: 'order' },
    amount: { column: 'amount' },
    fee: { column: 'fee' },
    currency: { column: 'currency' },
    time: { column: 'createdAt', formats: ['dd.MM.yyyy HH:mm', 'dd.MM.yyyy HH:mm:ss', 'ISO'] },
    method: { column: 'method' },
    kind: { column: 'kind', payment: ['payment'], refund: ['refund'] },
    only: [{ column: 'source', values: ['gateway'] }],
    skip: [{ column: 'externalId', pattern: '^$' }],
  },
];

export const FORMAT_NAMES = BUILT_IN_FORMATS.map((f) => f.name);

export function builtInFormat(name: string): StatementFormat | undefined {
  return BUILT_IN_FORMATS.find((f) => f.name === name);
}

/** Every column a format reads: its header holds them all. */
export function columnsOf(f: StatementFormat): string[] {
  const cols = [f.id.column];
  if (f.order) cols.push(f.order.column);
  cols.push(f.amount.column, f.time.column);
  if ('column' in f.method) cols.push(f.method.column);
  if (f.kind && 'column' in f.kind) cols.push(f.kind.column);
  if (f.parent) cols.push(f.parent.column);
  if (f.fee) cols.push('net' in f.fee ? f.fee.net.column : f.fee.column);
  if (f.currency) cols.push(f.currency.column);
  for (const s of f.skip ?? []) if (s.column !== undefined) cols.push(s.column);
  for (const o of f.only ?? []) cols.push(o.column);
  return [...new Set(cols)];
}
