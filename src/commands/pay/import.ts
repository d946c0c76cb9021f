import type { Command } from 'commander';
import { assertStaff, canProcess } from '../../core/access.js';
import { DifferencesError } from '../../core/errors.js';
import { toRublesString } from '../../core/money.js';
import type { Deps } from '../../deps.js';
import { safeLine } from '../../ui/text.js';
import { notice, printJson, printLines } from '../shared.js';
import { readStatement } from './statement.js';

export interface ImportOptions {
  file: string;
  dryRun?: boolean;
}

export function register(parent: Command, deps: Deps): void {
  parent
    .command('import')
    .description("record a payment gateway's statement (CSV: external_id,order_number,amount,paid_at,method); safe to re-run")
    .argument('<file>', 'the statement, or - for stdin')
    .option('--dry-run', 'decide and report every row, write nothing')
    .action((file: string, opts: { dryRun?: boolean }) => importRun({ ...opts, file }, deps));
}

export async function importRun(opts: ImportOptions, deps: Deps): Promise<void> {
  const rows = await readStatement(deps, opts.file);
  const store = await deps.store();
  const me = await deps.operator();
  assertStaff(me);
  const services = await store.services();
  const plan = await store.importStatement(rows, (id) => canProcess(me, services.get(id)!), { dryRun: opts.dryRun === true });
  const count = (r: string) => plan.outcomes.filter((o) => o.result === r).length;
  const summary = { rows: rows.length, recorded: count('recorded'), duplicate: count('duplicate'), rejected: count('rejected') };
  if (deps.json()) {
    printJson(deps, {
      dryRun: opts.dryRun === true,
      summary,
      rows: plan.outcomes.map((o) => ({
        line: o.row.line,
        externalId: o.row.externalId,
        order: o.row.orderNumber,
        amount: o.row.amount,
        currency: 'RUB',
        result: o.result,
        code: o.code,
        message: o.message,
      })),
    });
  } else if (plan.outcomes.length) {
    printLines(
      deps,
      plan.outcomes
        .map((o) => [o.row.line, safeLine(o.row.externalId), o.row.orderNumber, toRublesString(o.row.amount), o.result, o.code ?? '', safeLine(o.message ?? '')].join('\t'))
        .join('\n'),
    );
  }
  const ru = deps.lang() === 'ru';
  notice(
    deps,
    (opts.dryRun ? (ru ? 'Проверка, ничего не записано: ' : 'Dry run, nothing written: ') : '') +
      (ru
        ? `строк ${summary.rows}: проведено ${summary.recorded}, уже были ${summary.duplicate}, отклонено ${summary.rejected}`
        : `${summary.rows} rows: ${summary.recorded} recorded, ${summary.duplicate} already there, ${summary.rejected} rejected`),
  );
  if (summary.rejected > 0) throw new DifferencesError(`${summary.rejected} of ${summary.rows} rows rejected`);
}
