import type { Command } from 'commander';
import { assertStaff, canProcess } from '../../core/access.js';
import { DifferencesError } from '../../core/errors.js';
import { toRublesString } from '../../core/money.js';
import { reconcile, type ReconcileRow, type ReconcileStatus } from '../../core/reconcile.js';
import type { Deps } from '../../deps.js';
import type { Catalog } from '../../ui/i18n.js';
import type { ListedPayment } from '../../store/index.js';
import { safeLine } from '../../ui/text.js';
import { notice, printJson, printLines } from '../shared.js';
import { readStatement } from './statement.js';

const STATUSES: ReconcileStatus[] = ['matched', 'missing_in_cowork', 'missing_in_statement', 'amount_differs', 'other_differs'];

export function register(parent: Command, deps: Deps): void {
  const h = deps.t().help;
  parent
    .command('reconcile')
    .description(h.pay.reconcile.description)
    .argument('<file>', h.pay.reconcile.file)
    .action((file: string) => reconcileRun({ file }, deps));
}

/** What else differs on a row, in the operator's language. */
function noteOf(r: ReconcileRow, t: Catalog): string | null {
  const n = t.notices.reconcile;
  const parts = r.differs.map((d) =>
    d.kind === 'order' ? n.otherOrder({ order: d.order }) : d.kind === 'source' ? n.deskPayment : n.otherMethod({ method: d.method }),
  );
  return parts.length ? parts.join('; ') : null;
}

export async function reconcileRun(opts: { file: string }, deps: Deps): Promise<void> {
  const t = deps.t();
  const rows = await readStatement(deps, opts.file);
  const store = await deps.store();
  const me = await deps.operator();
  assertStaff(me);
  const services = await store.services();
  const mine = [...services.values()].filter((s) => canProcess(me, s)).map((s) => s.id);
  const times = rows.map((r) => r.paidAt).sort();
  const period = times.length ? { from: times[0] ?? '', to: times[times.length - 1] ?? '' } : null;
  // The gateway payments cowork holds for the statement's ids, and those of its period.
  const byId = await store.paymentsByExternalIds(rows.map((r) => r.externalId));
  const inPeriod: ListedPayment[] = [];
  if (period) {
    const to = new Date(Date.parse(period.to) + 1).toISOString();
    for await (const p of store.iteratePayments({
      source: 'gateway',
      kind: 'payment',
      from: period.from,
      to,
      serviceIds: me.role === 'admin' ? undefined : mine,
    }))
      inPeriod.push(p);
  }
  const unidentified = await store.unidentifiedPayments([...new Set(rows.map((r) => r.orderNumber))]);
  const result = reconcile(rows, [...byId.values()], inPeriod, (p) => mine.includes(p.serviceId), unidentified);
  const differences = result.filter((r) => r.status !== 'matched').length;
  if (deps.json()) {
    printJson(deps, {
      period,
      summary: Object.fromEntries(STATUSES.map((k) => [k, result.filter((r) => r.status === k).length])),
      rows: result.map((r) => ({
        status: r.status,
        externalId: r.externalId,
        order: r.order,
        line: r.line,
        statementAmount: r.statementAmount,
        coworkAmount: r.coworkAmount,
        currency: 'RUB',
        note: noteOf(r, t),
      })),
    });
  } else if (result.length) {
    printLines(
      deps,
      result
        .map((r) =>
          [
            r.status,
            safeLine(r.externalId),
            r.order ?? '',
            r.statementAmount === null ? '' : toRublesString(r.statementAmount),
            r.coworkAmount === null ? '' : toRublesString(r.coworkAmount),
            noteOf(r, t) ?? '',
          ].join('\t'),
        )
        .join('\n'),
    );
  }
  notice(deps, t.notices.reconcile.summary({ rows: rows.length, differences }));
  if (differences > 0) throw new DifferencesError('reconcileDifferences', { differences });
}
