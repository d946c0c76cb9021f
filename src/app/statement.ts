/**
 * Importing a gateway statement (`pay import`, SPEC.md): one transaction reads the orders and the
 * payments the rows name, the core decides every row (src/core/statement.ts planImport), and the
 * store writes the recorded rows, their system messages and the orders' new balances in bulk. A
 * crash at any point leaves nothing half-applied; a re-run finds what was recorded. With `dryRun`
 * every row is decided the same and nothing is written.
 */
import { assertStaff, canProcess } from '../core/access.js';
import { planImport, type ImportSummary, type ImportPlan, type StatementRow } from '../core/statement.js';
import type { ImportOrder, Store } from '../store/index.js';
import type { Actor } from './context.js';

export interface ImportInput {
  rows: StatementRow[];
  dryRun: boolean;
  /** Lines of the file that are not payments (a preamble, totals, other operations): counted only. */
  skipped?: number;
}

export type { ImportSummary };

export interface ImportResult {
  plan: ImportPlan<ImportOrder>;
  summary: ImportSummary;
}

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
  const plan = await store.dryRunnable(input.dryRun, async (tx) => {
    // A refund whose registry names no order is of its payment's order, when the operator may see it.
    const parents = [...new Set(input.rows.flatMap((r) => (r.orderNumber === null && r.parentId ? [r.parentId] : [])))];
    const known = await tx.knownPayments([...new Set([...input.rows.map((r) => r.externalId), ...parents])]);
    const inFile = new Map(input.rows.flatMap((r) => (r.orderNumber === null ? [] : [[r.externalId, r.orderNumber] as const])));
    const parentOrder = (r: StatementRow) => (r.parentId ? (known.get(r.parentId)?.orderNumber ?? inFile.get(r.parentId)) : undefined);
    const numbers = [...new Set(input.rows.flatMap((r) => [r.orderNumber ?? parentOrder(r) ?? []].flat()))];
    const orders = await tx.importOrders(numbers);
    const rows = input.rows.map((r) => {
      if (r.orderNumber !== null) return r;
      const n = parentOrder(r);
      const o = n === undefined ? undefined : orders.get(n);
      return o && mayProcess(o) ? { ...r, orderNumber: o.number } : r;
    });
    const unmatched = await tx.unmatchedPayments(numbers);
    const plan = planImport(rows, orders, known, mayProcess, unmatched);
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
    return plan;
  });
  const count = (result: string) => plan.outcomes.filter((o) => o.result === result).length;
  return {
    plan,
    summary: {
      rows: input.rows.length,
      recorded: count('recorded'),
      matched: count('matched'),
      duplicate: count('duplicate'),
      rejected: count('rejected'),
      warnings: plan.outcomes.filter((o) => o.result === 'recorded' && o.code !== null).length,
      skipped: input.skipped ?? 0,
    },
  };
}
