/**
 * Reconciling a gateway statement with the gateway payments cowork holds. Pure.
 */
import type { Kopecks } from './money.js';
import type { StatementRow } from './statement.js';
import type { Payment } from './types.js';

export type ReconcileStatus = 'matched' | 'missing_in_cowork' | 'missing_in_statement' | 'amount_differs' | 'other_differs';

/** What else differs on a row found in both: cowork's order, its source, its method. */
export type Difference = { kind: 'order'; order: number } | { kind: 'source' } | { kind: 'method'; method: Payment['method'] };

export interface ReconcileRow {
  status: ReconcileStatus;
  externalId: string;
  order: number | null;
  /** The statement's line, when the row is in the statement. */
  line: number | null;
  statementAmount: Kopecks | null;
  coworkAmount: Kopecks | null;
  differs: Difference[];
}

/**
 * `known`: cowork's payments under the statement's external ids; `inPeriod`: cowork's gateway
 * payments from the statement's first to its last time, of the services the operator may see;
 * `visible`: whether the operator may see a payment (rule 1): one they may not is reported as
 * missing in cowork, as if it did not exist (rule 8a). `unidentified`: gateway payments of the
 * statement's orders recorded without a gateway id (a guest's online payment at booking): a row of
 * the same order, amount and method is that payment (`pay import` gives it the row's id). Statement
 * rows come first, in file order, then the payments the statement lacks, oldest first.
 */
export function reconcile<P extends Payment>(
  rows: StatementRow[],
  known: P[],
  inPeriod: P[],
  visible: (p: P) => boolean = () => true,
  unidentified: P[] = [],
): ReconcileRow[] {
  const byId = new Map(known.flatMap((p) => (p.externalId === null ? [] : [[p.externalId, p] as const])));
  const inStatement = new Set(rows.map((r) => r.externalId));
  const waiting = unidentified.filter((p) => p.externalId === null && p.source === 'gateway' && p.kind === 'payment' && visible(p));
  const identified = new Set<string>();
  const out: ReconcileRow[] = [];
  for (const r of rows) {
    const p = byId.get(r.externalId);
    const base = { externalId: r.externalId, order: r.orderNumber, line: r.line, statementAmount: r.amount };
    const same = !p ? waiting.findIndex((w) => w.orderNumber === r.orderNumber && w.amount === r.amount && w.method === r.method) : -1;
    const found = waiting[same];
    if (found) {
      waiting.splice(same, 1);
      identified.add(found.id);
      out.push({ ...base, status: 'matched', coworkAmount: found.amount, differs: [] });
      continue;
    }
    if (!p || !visible(p)) {
      out.push({ ...base, status: 'missing_in_cowork', coworkAmount: null, differs: [] });
      continue;
    }
    const differs: Difference[] = [];
    if (p.orderNumber !== r.orderNumber) differs.push({ kind: 'order', order: p.orderNumber });
    if (p.source !== 'gateway') differs.push({ kind: 'source' });
    if (p.method !== r.method) differs.push({ kind: 'method', method: p.method });
    if (p.amount !== r.amount) out.push({ ...base, status: 'amount_differs', coworkAmount: p.amount, differs });
    else if (differs.length) out.push({ ...base, status: 'other_differs', coworkAmount: p.amount, differs });
    else out.push({ ...base, status: 'matched', coworkAmount: p.amount, differs });
  }
  for (const p of [...inPeriod].sort((a, b) => a.createdAt.localeCompare(b.createdAt))) {
    if (p.source !== 'gateway' || p.kind !== 'payment' || identified.has(p.id)) continue;
    if (p.externalId !== null && inStatement.has(p.externalId)) continue;
    out.push({
      status: 'missing_in_statement',
      externalId: p.externalId ?? '',
      order: p.orderNumber,
      line: null,
      statementAmount: null,
      coworkAmount: p.amount,
      differs: [],
    });
  }
  return out;
}
