import type { Command } from 'commander';
import { assertStaff, canProcess } from '../../core/access.js';
import { DifferencesError } from '../../core/errors.js';
import { toRublesString } from '../../core/money.js';
import { reconcile } from '../../core/reconcile.js';
import type { Deps } from '../../deps.js';
import type { ListedPayment } from '../../store/index.js';
import { safeLine } from '../../ui/text.js';
import { notice, printJson, printLines } from '../shared.js';
import { readStatement } from './statement.js';

export function register(parent: Command, deps: Deps): void {
  parent
    .command('reconcile')
    .description("compare a gateway statement with cowork's gateway payments; writes nothing")
    .argument('<file>', 'the statement (CSV: external_id,order_number,amount,paid_at,method), or - for stdin')
    .action((file: string) => reconcileRun({ file }, deps));
}

export async function reconcileRun(opts: { file: string }, deps: Deps): Promise<void> {
  const rows = await readStatement(deps, opts.file);
  const store = await deps.store();
  const me = await deps.operator();
  assertStaff(me);
  const services = await store.services();
  const mine = [...services.values()].filter((s) => canProcess(me, s)).map((s) => s.id);
  const period = rows.length
    ? { from: rows.reduce((a, r) => (r.paidAt < a ? r.paidAt : a), rows[0]!.paidAt), to: rows.reduce((a, r) => (r.paidAt > a ? r.paidAt : a), rows[0]!.paidAt) }
    : null;
  // The gateway payments cowork holds for the statement's ids, and those of its period.
  const byId = await store.paymentsByExternalIds(rows.map((r) => r.externalId));
  const inPeriod: ListedPayment[] = [];
  if (period) {
    const to = new Date(Date.parse(period.to) + 1).toISOString();
    for await (const p of store.iteratePayments({ source: 'gateway', from: period.from, to, serviceIds: me.role === 'admin' ? undefined : mine })) inPeriod.push(p);
  }
  const result = reconcile(rows, [...byId.values()], inPeriod, (p) => mine.includes(p.serviceId));
  const differences = result.filter((r) => r.status !== 'matched').length;
  if (deps.json()) {
    printJson(deps, {
      period,
      summary: Object.fromEntries(['matched', 'missing_in_cowork', 'missing_in_statement', 'amount_differs', 'other_differs', 'not_allowed'].map((k) => [k, result.filter((r) => r.status === k).length])),
      rows: result,
    });
  } else if (result.length) {
    printLines(
      deps,
      result
        .map((r) =>
          [r.status, safeLine(r.externalId), r.order ?? '', r.statementAmount === null ? '' : toRublesString(r.statementAmount), r.coworkAmount === null ? '' : toRublesString(r.coworkAmount), safeLine(r.note ?? '')].join('\t'),
        )
        .join('\n'),
    );
  }
  const ru = deps.lang() === 'ru';
  notice(deps, ru ? `Строк в выписке ${rows.length}; расхождений ${differences}.` : `${rows.length} statement rows; ${differences} difference(s).`);
  if (differences > 0) throw new DifferencesError(`${differences} difference(s) between the statement and cowork`);
}
