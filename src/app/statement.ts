/**
 * Importing a gateway statement (`pay import`, SPEC.md): one transaction reads the orders and the
 * payments the rows name, the core decides every row (src/core/statement.ts planImport), and the
 * store writes the recorded rows, their system messages and the orders' new balances in bulk. A
 * crash at any point leaves nothing half-applied; a re-run finds what was recorded. With `dryRun`
 * every row is decided the same and nothing is written.
 */
import { assertStaff, canProcess } from '../core/access.js';
import { planImport, type ImportSummary, type RowOutcome, type StatementRow } from '../core/statement.js';
import type { ImportOrder, Store, Tx } from '../store/index.js';
import type { Actor } from './context.js';

export interface ImportInput {
  /** The rows in file order: an array, or rows read as the file is read (flat memory). */
  rows: Iterable<StatementRow> | AsyncIterable<StatementRow>;
  dryRun: boolean;
  /** Lines of the file that are not payments (a preamble, totals, other operations): counted only, once the rows are read. */
  skipped?: number | (() => number);
  /**
   * Each batch's outcomes, in file order, as they are decided (inside the transaction: a failure
   * after them writes nothing). With it, the outcomes are not kept.
   */
  report?: (outcomes: RowOutcome[]) => Promise<void>;
}

export type { ImportSummary };

export interface ImportResult {
  /** Every row's outcome, in file order; empty when `report` took them. */
  outcomes: RowOutcome[];
  summary: ImportSummary;
}

/** Rows decided and written together: one query per batch for what they name. */
export const IMPORT_BATCH = 2000;

async function* batches<T>(rows: Iterable<T> | AsyncIterable<T>, size: number): AsyncGenerator<T[]> {
  let batch: T[] = [];
  for await (const r of rows) {
    batch.push(r);
    if (batch.length === size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}

/**
 * One transaction for the whole statement, the rows decided and written in batches: each batch
 * reads the orders and payments it names as the batches before it left them, so the result is
 * the same as deciding every row in one go, and memory stays flat whatever the file's length.
 */
export async function importStatement(
  store: Pick<Store, 'services' | 'dryRunnable'>,
  actor: Actor,
  input: ImportInput,
): Promise<ImportResult> {
  assertStaff(actor);
  const services = await store.services();
  const mayProcess = (o: ImportOrder) => {
    const service = services.get(o.serviceId);
    return service !== undefined && canProcess(actor, service);
  };
  const summary: ImportSummary = { rows: 0, recorded: 0, matched: 0, duplicate: 0, rejected: 0, warnings: 0, skipped: 0 };
  const kept: RowOutcome[] = [];
  await store.dryRunnable(input.dryRun, async (tx) => {
    for await (const batch of batches(input.rows, IMPORT_BATCH)) {
      const outcomes = await importBatch(tx, batch, mayProcess);
      summary.rows += batch.length;
      for (const o of outcomes) {
        summary[o.result]++;
        if (o.result === 'recorded' && o.code !== null) summary.warnings++;
      }
      if (input.report) await input.report(outcomes);
      else for (const o of outcomes) kept.push(o);
    }
  });
  summary.skipped = typeof input.skipped === 'function' ? input.skipped() : (input.skipped ?? 0);
  return { outcomes: kept, summary };
}

/** Decides a batch of rows (src/core/statement.ts planImport) and writes what it records. */
async function importBatch(tx: Tx, rows: StatementRow[], mayProcess: (o: ImportOrder) => boolean): Promise<RowOutcome[]> {
  // A refund whose registry names no order is of its payment's order, when the operator may see it:
  // a payment stored before (or recorded by an earlier batch), or one of this batch.
  const parents = [...new Set(rows.flatMap((r) => (r.orderNumber === null && r.parentId ? [r.parentId] : [])))];
  const known = await tx.knownPayments([...new Set([...rows.map((r) => r.externalId), ...parents])]);
  const inBatch = new Map(rows.flatMap((r) => (r.orderNumber === null ? [] : [[r.externalId, r.orderNumber] as const])));
  const parentOrder = (r: StatementRow) => (r.parentId ? (known.get(r.parentId)?.orderNumber ?? inBatch.get(r.parentId)) : undefined);
  const numbers = [...new Set(rows.flatMap((r) => [r.orderNumber ?? parentOrder(r) ?? []].flat()))];
  const orders = await tx.importOrders(numbers);
  const resolved = rows.map((r) => {
    if (r.orderNumber !== null) return r;
    const n = parentOrder(r);
    const o = n === undefined ? undefined : orders.get(n);
    return o && mayProcess(o) ? { ...r, orderNumber: o.number } : r;
  });
  const unmatched = await tx.unmatchedPayments(numbers);
  const plan = planImport(resolved, orders, known, mayProcess, unmatched);
  for (const m of plan.toMatch) await tx.writeExternalId(m.paymentId, m.externalId);
  await tx.writePayments(
    plan.toRecord.map(({ row, event, warning }) => ({
      payment: {
        orderNumber: row.orderNumber,
        kind: row.kind ?? 'payment',
        amount: row.amount,
        method: row.method,
        source: 'gateway',
        recordedBy: null,
        createdAt: row.paidAt,
        externalId: row.externalId,
        fee: row.fee ?? null,
        warning,
      },
      event,
    })),
    [...plan.changed].map(([number, { before, after }]) => ({ number, before, after })),
  );
  return plan.outcomes;
}
