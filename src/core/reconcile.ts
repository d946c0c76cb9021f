/**
 * Reconciling a gateway statement with the gateway payments cowork holds. Pure.
 */
import type { Kopecks } from './money.js';
import type { StatementRow } from './statement.js';
import type { EntryKind, Payment } from './types.js';

export type ReconcileStatus = 'matched' | 'missing_in_cowork' | 'missing_in_statement' | 'amount_differs' | 'other_differs' | 'duplicate';

/**
 * What else differs on a row found in both: cowork's order, its source, its method, its kind (a
 * payment against a refund); or, on a row repeated in the file, the line it repeats.
 */
export type Difference =
  | { kind: 'order'; order: number }
  | { kind: 'source' }
  | { kind: 'method'; method: Payment['method'] }
  | { kind: 'entry'; entry: EntryKind }
  | { kind: 'repeated'; line: number; same: boolean };

export interface ReconcileRow {
  status: ReconcileStatus;
  externalId: string;
  order: number | null;
  /** The statement's line, when the row is in the statement. */
  line: number | null;
  statementAmount: Kopecks | null;
  coworkAmount: Kopecks | null;
  /** A payment or a refund (of the statement's row, else of cowork's entry). */
  entry: EntryKind;
  /** The gateway's fee, when the statement gives it. */
  fee: Kopecks | null;
  differs: Difference[];
}

/** A row's money as the gateway counts it: gross (a refund negative), its fee, and net. */
export function grossFeeNet(r: ReconcileRow): { gross: Kopecks | null; fee: Kopecks | null; net: Kopecks | null } {
  if (r.statementAmount === null) return { gross: null, fee: null, net: null };
  const gross = r.entry === 'refund' ? -r.statementAmount : r.statementAmount;
  return { gross, fee: r.fee, net: gross - (r.fee ?? 0) };
}

/** Whether a row needs attention: anything but a match, or a row repeated with the same values. */
export function isDifference(r: ReconcileRow): boolean {
  return r.status !== 'matched' && r.status !== 'duplicate';
}

/**
 * `known`: cowork's payments under the statement's external ids; `inPeriod`: cowork's gateway
 * payments from the statement's first to its last time, of the services the operator may see;
 * `visible`: whether the operator may see a payment (rule 1): one they may not is reported as
 * missing in cowork, as if it did not exist (rule 8a). `unidentified`: gateway payments of the
 * statement's orders recorded without a gateway id (a guest's online payment at booking): a row of
 * the same order, amount and method is that payment (`pay import` gives it the row's id). `kinds`:
 * the entries the statement lists (a payments registry has no refunds): only those are missing
 * from it. A row repeated in the file is reported once: the repetition is a `duplicate` (as `pay
 * import` decides it), or `other_differs` when its values are not the same. Statement rows come
 * first, in file order, then the payments the statement lacks, oldest first.
 */
export function reconcile<P extends Payment>(
  rows: StatementRow[],
  known: P[],
  inPeriod: P[],
  visible: (p: P) => boolean = () => true,
  unidentified: P[] = [],
  kinds: readonly EntryKind[] = ['payment'],
): ReconcileRow[] {
  const byId = new Map(known.flatMap((p) => (p.externalId === null ? [] : [[p.externalId, p] as const])));
  const inStatement = new Set(rows.map((r) => r.externalId));
  const waiting = unidentified.filter((p) => p.externalId === null && p.source === 'gateway' && p.kind === 'payment' && visible(p));
  const identified = new Set<string>();
  const out: ReconcileRow[] = [];
  const earlier = new Map<string, StatementRow>();
  for (const r of rows) {
    const kind = r.kind ?? 'payment';
    const base = {
      externalId: r.externalId,
      order: r.orderNumber,
      line: r.line,
      statementAmount: r.amount,
      entry: kind,
      fee: r.fee ?? null,
    };
    const first = earlier.get(r.externalId);
    if (first) {
      const same =
        first.orderNumber === r.orderNumber && (first.kind ?? 'payment') === kind && first.amount === r.amount && first.method === r.method;
      out.push({
        ...base,
        status: same ? 'duplicate' : 'other_differs',
        coworkAmount: null,
        differs: [{ kind: 'repeated', line: first.line, same }],
      });
      continue;
    }
    earlier.set(r.externalId, r);
    const p = byId.get(r.externalId);
    const same =
      !p && kind === 'payment'
        ? waiting.findIndex((w) => w.orderNumber === r.orderNumber && w.amount === r.amount && w.method === r.method)
        : -1;
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
    if (p.kind !== kind) differs.push({ kind: 'entry', entry: p.kind });
    if (p.source !== 'gateway') differs.push({ kind: 'source' });
    if (p.method !== r.method) differs.push({ kind: 'method', method: p.method });
    if (p.amount !== r.amount) out.push({ ...base, status: 'amount_differs', coworkAmount: p.amount, differs });
    else if (differs.length) out.push({ ...base, status: 'other_differs', coworkAmount: p.amount, differs });
    else out.push({ ...base, status: 'matched', coworkAmount: p.amount, differs });
  }
  for (const p of [...inPeriod].sort((a, b) => a.createdAt.localeCompare(b.createdAt))) {
    if (p.source !== 'gateway' || !kinds.includes(p.kind) || identified.has(p.id)) continue;
    if (p.externalId !== null && inStatement.has(p.externalId)) continue;
    out.push({
      status: 'missing_in_statement',
      externalId: p.externalId ?? '',
      order: p.orderNumber,
      line: null,
      statementAmount: null,
      coworkAmount: p.amount,
      entry: p.kind,
      fee: null,
      differs: [],
    });
  }
  return out;
}
