/**
 * The takings of a period (`pay report`, `pay list`'s totals): money in, money given back, desk
 * payments reversed as mistakes, and what is left, grouped by method and source, by manager or by
 * service; and the cash that should be in the drawer. Pure: entries in, sums out, so that the
 * report and the list add up the same way.
 */
import { add, type Kopecks } from './money.js';
import type { EntryKind, PaymentMethod, PaymentSource } from './types.js';

export const TAKINGS_BY = ['method', 'manager', 'service'] as const;
export type TakingsBy = (typeof TAKINGS_BY)[number];

export interface TakingsEntry {
  kind: EntryKind;
  amount: Kopecks;
  method: PaymentMethod;
  source: PaymentSource;
  /** The login of who recorded it at the desk; null: the gateway. */
  recordedBy: string | null;
  service: string;
}

export interface Sums {
  /** Payments. */
  in: Kopecks;
  /** Refunds. */
  out: Kopecks;
  /** Desk payments undone as mistakes. */
  reversed: Kopecks;
  /** in − out − reversed. */
  net: Kopecks;
  entries: number;
}

export interface TakingsRow extends Sums {
  method: PaymentMethod | null;
  source: PaymentSource | null;
  manager: string | null;
  service: string | null;
}

export interface Takings {
  rows: TakingsRow[];
  totals: Sums;
  /** Cash taken at the desk less cash given back or reversed there: what the drawer should hold. */
  drawer: Kopecks;
}

export const noSums = (): Sums => ({ in: 0, out: 0, reversed: 0, net: 0, entries: 0 });

/** Adds one entry to sums. */
export function count(s: Sums, e: Pick<TakingsEntry, 'kind' | 'amount'>): Sums {
  const next = { ...s, entries: s.entries + 1 };
  if (e.kind === 'payment') {
    next.in = add(s.in, e.amount);
    next.net = add(s.net, e.amount);
  } else {
    if (e.kind === 'refund') next.out = add(s.out, e.amount);
    else next.reversed = add(s.reversed, e.amount);
    next.net = add(s.net, -e.amount);
  }
  return next;
}

function keyOf(e: TakingsEntry, by: TakingsBy): Omit<TakingsRow, keyof Sums> {
  if (by === 'method') return { method: e.method, source: e.source, manager: null, service: null };
  if (by === 'manager')
    return { method: null, source: e.recordedBy === null ? 'gateway' : 'manager', manager: e.recordedBy, service: null };
  return { method: null, source: null, manager: null, service: e.service };
}

export function takings(entries: Iterable<TakingsEntry>, by: TakingsBy): Takings {
  const groups = new Map<string, TakingsRow>();
  let totals = noSums();
  let drawer = 0;
  for (const e of entries) {
    const key = keyOf(e, by);
    const id = JSON.stringify(key);
    const row = groups.get(id) ?? { ...key, ...noSums() };
    groups.set(id, { ...row, ...count(row, e) });
    totals = count(totals, e);
    if (e.method === 'cash' && e.source === 'manager') drawer = add(drawer, e.kind === 'payment' ? e.amount : -e.amount);
  }
  const rows = [...groups.values()].sort(byKey);
  return { rows, totals, drawer };
}

/** Rows in a stable order: by service, manager (the gateway first), source, method. */
function byKey(a: TakingsRow, b: TakingsRow): number {
  for (const k of ['service', 'manager', 'source', 'method'] as const) {
    const x = a[k] ?? '';
    const y = b[k] ?? '';
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}
