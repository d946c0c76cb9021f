/**
 * Importing a gateway statement (`pay import`, SPEC.md): one transaction reads the orders and the
 * payments the rows name, the core decides every row (src/core/statement.ts planImport), and the
 * store writes the recorded rows, their system messages and the orders' new balances in bulk. A
 * crash at any point leaves nothing half-applied; a re-run finds what was recorded. With `dryRun`
 * every row is decided the same and nothing is written.
 */
import { assertStaff, canProcess } from '../core/access.js';
import { planImport, type ImportPlan, type StatementRow } from '../core/statement.js';
import type { ImportOrder, Store } from '../store/index.js';
import type { Actor } from './context.js';

export interface ImportInput {
  rows: StatementRow[];
  dryRun: boolean;
}

export interface ImportSummary {
  rows: number;
  recorded: number;
  /** Rows that gave their gateway id to a payment recorded without one. */
  matched: number;
  duplicate: number;
  rejected: number;
  /** Recorded rows that break a desk rule (SPEC.md rule 3a): they need attention. */
  warnings: number;
}

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
  const { rows } = input;
  const plan = await store.dryRunnable(input.dryRun, async (tx) => {
    const numbers = [...new Set(rows.map((r) => r.orderNumber))];
    const orders = await tx.importOrders(numbers);
    const known = await tx.knownPayments([...new Set(rows.map((r) => r.externalId))]);
    const unmatched = await tx.unmatchedPayments(numbers);
    const plan = planImport(rows, orders, known, mayProcess, unmatched);
    for (const m of plan.toMatch) await tx.writeExternalId(m.paymentId, m.externalId);
    await tx.writePayments(
      plan.toRecord.map(({ row, event, warning }) => ({
        payment: {
          orderNumber: row.orderNumber,
          amount: row.amount,
          method: row.method,
          source: 'gateway',
          recordedBy: null,
          createdAt: row.paidAt,
          externalId: row.externalId,
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
      rows: rows.length,
      recorded: count('recorded'),
      matched: count('matched'),
      duplicate: count('duplicate'),
      rejected: count('rejected'),
      warnings: plan.outcomes.filter((o) => o.result === 'recorded' && o.code !== null).length,
    },
  };
}
