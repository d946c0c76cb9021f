import type { Command } from 'commander';
import { importStatement } from '../../app/statement.js';
import { DifferencesError } from '../../core/errors.js';
import { toRublesString } from '../../core/money.js';
import type { RowOutcome } from '../../core/statement.js';
import { WARNING_CODES, type WarningCode } from '../../core/types.js';
import type { Deps } from '../../deps.js';
import { say } from '../../ui/i18n.js';
import { safeLine } from '../../ui/text.js';
import { notice, printJson, printLines } from '../shared.js';
import { readStatement } from './statement.js';

export interface ImportOptions {
  file: string;
  dryRun?: boolean;
}

export function register(parent: Command, deps: Deps): void {
  const h = deps.t().help.payImport;
  parent
    .command('import')
    .description(h.description)
    .argument('<file>', h.file)
    .option('--dry-run', h.dryRun)
    .action((file: string, opts: { dryRun?: boolean }) => importRun({ ...opts, file }, deps));
}

/**
 * Data on stdout: one line a row (line, external id, order, amount, result, code, why), or the
 * whole report with --json; the summary on stderr; exit 8 when a row was rejected.
 */
export async function importRun(opts: ImportOptions, deps: Deps): Promise<void> {
  const t = deps.t();
  const dryRun = opts.dryRun === true;
  const rows = await readStatement(deps, opts.file);
  const store = await deps.store();
  const me = await deps.operator();
  const { plan, summary } = await importStatement(store, me, { rows, dryRun });
  const why = (o: RowOutcome) => (o.said ? say(t, o.said) : isWarning(o.code) ? t.warning[o.code] : null);
  if (deps.json()) {
    printJson(deps, {
      dryRun,
      summary,
      rows: plan.outcomes.map((o) => ({
        line: o.row.line,
        externalId: o.row.externalId,
        order: o.row.orderNumber,
        amount: o.row.amount,
        currency: 'RUB',
        result: o.result,
        code: o.code,
        message: why(o),
      })),
    });
  } else if (plan.outcomes.length) {
    printLines(
      deps,
      plan.outcomes
        .map((o) =>
          [
            o.row.line,
            safeLine(o.row.externalId),
            o.row.orderNumber,
            toRublesString(o.row.amount),
            o.result,
            o.code ?? '',
            why(o) ?? '',
          ].join('\t'),
        )
        .join('\n'),
    );
  }
  notice(deps, t.notices.import.summary({ ...summary, dryRun }));
  if (summary.rejected > 0) throw new DifferencesError('importRejected', { rejected: summary.rejected, rows: summary.rows });
  if (summary.warnings > 0) throw new DifferencesError('importWarnings', { warnings: summary.warnings, rows: summary.rows });
}

function isWarning(code: string | null): code is WarningCode {
  return WARNING_CODES.some((w) => w === code);
}
