/**
 * Reconciling a gateway statement with the gateway payments cowork holds. Pure.
 */
import type { Kopecks } from './money.js';
import type { StatementRow } from './statement.js';
import type { Payment } from './types.js';

export type ReconcileStatus = 'matched' | 'missing_in_cowork' | 'missing_in_statement' | 'amount_differs' | 'other_differs' | 'not_allowed';

export interface ReconcileRow {
  status: ReconcileStatus;
  externalId: string;
  order: number | null;
  /** The statement's line, when the row is in the statement. */
  line: number | null;
  statementAmount: Kopecks | null;
  coworkAmount: Kopecks | null;
  note: string | null;
}

/**
 * `known`: cowork's payments under the statement's external ids; `inPeriod`: cowork's gateway
 * payments from the statement's first to its last time, of the services the operator may see;
 * `visible`: whether the operator may see a payment (rule 1): one they may not is reported as
 * `not_allowed`, without its amount. Statement rows come first, in file order, then the payments
 * the statement lacks, oldest first.
 */
export function reconcile<P extends Payment>(rows: StatementRow[], known: P[], inPeriod: P[], visible: (p: P) => boolean = () => true): ReconcileRow[] {
  const byId = new Map(known.filter((p) => p.externalId !== null).map((p) => [p.externalId!, p]));
  const inStatement = new Set(rows.map((r) => r.externalId));
  const out: ReconcileRow[] = [];
  for (const r of rows) {
    const p = byId.get(r.externalId);
    const base = { externalId: r.externalId, order: r.orderNumber, line: r.line, statementAmount: r.amount };
    if (!p) {
      out.push({ ...base, status: 'missing_in_cowork', coworkAmount: null, note: null });
      continue;
    }
    if (!visible(p)) {
      out.push({ ...base, status: 'not_allowed', coworkAmount: null, note: 'not responsible for the service of this payment' });
      continue;
    }
    const other: string[] = [];
    if (p.orderNumber !== r.orderNumber) other.push(`cowork has it on order ${p.orderNumber}`);
    if (p.source !== 'gateway') other.push('cowork has it as a desk payment');
    if (p.method !== r.method) other.push(`method ${p.method} in cowork`);
    if (p.amount !== r.amount) out.push({ ...base, status: 'amount_differs', coworkAmount: p.amount, note: other.join('; ') || null });
    else if (other.length) out.push({ ...base, status: 'other_differs', coworkAmount: p.amount, note: other.join('; ') });
    else out.push({ ...base, status: 'matched', coworkAmount: p.amount, note: null });
  }
  for (const p of [...inPeriod].sort((a, b) => a.createdAt.localeCompare(b.createdAt))) {
    if (p.source !== 'gateway' || (p.externalId !== null && inStatement.has(p.externalId))) continue;
    out.push({ status: 'missing_in_statement', externalId: p.externalId ?? '', order: p.orderNumber, line: null, statementAmount: null, coworkAmount: p.amount, note: null });
  }
  return out;
}
