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
import { FORMAT_NAMES } from '../../core/statements/formats.js';
import { readStatement, zoneOfLocations, type StatementOptions } from './statement.js';

export interface ImportOptions extends StatementOptions {
  file: string;
  dryRun?: boolean;
}

/** The flags that say how to read a statement, for `pay import` and `pay reconcile`. */
export function statementFlags(
  cmd: Command,
  h: { format: (p: { names: string[] }) => string; map: string; encoding: string; timeZone: string },
): Command {
  return cmd
    .option('--format <name>', h.format({ names: FORMAT_NAMES }))
    .option('--map <file>', h.map)
    .option('--encoding <encoding>', h.encoding)
    .option('--time-zone <zone>', h.timeZone);
}

export function register(parent: Command, deps: Deps): void {
  const h = deps.t().help.payImport;
  statementFlags(parent.command('import').description(h.description).argument('<file>', h.file).option('--dry-run', h.dryRun), h).action(
    (file: string, opts: Omit<ImportOptions, 'file'>) => importRun({ ...opts, file }, deps),
  );
}

/**
 * Data on stdout: one line a row (line, external id, order, amount, result, code, why), or the
 * whole report with --json; the summary on stderr; exit 8 when a row was rejected.
 */
export async function importRun(opts: ImportOptions, deps: Deps): Promise<void> {
  const t = deps.t();
  const dryRun = opts.dryRun === true;
  const statement = await readStatement(deps, opts.file, opts, () => zoneOfLocations(deps));
  const { rows, skipped } = statement;
  notice(deps, t.notices.import.read({ file: opts.file, ...statement }));
  const store = await deps.store();
  const me = await deps.operator();
  const { plan, summary } = await importStatement(store, me, { rows, dryRun, skipped });
  const why = (o: RowOutcome) => (o.said ? say(t, o.said) : isWarning(o.code) ? t.warning[o.code] : null);
  if (deps.json()) {
    printJson(deps, {
      dryRun,
      summary,
      rows: plan.outcomes.map((o) => ({
        line: o.row.line,
        externalId: o.row.externalId,
        order: o.row.orderNumber,
        kind: o.row.kind ?? 'payment',
        amount: o.row.amount,
        fee: o.row.fee ?? null,
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
            o.row.orderNumber ?? '',
            toRublesString(o.row.kind === 'refund' ? -o.row.amount : o.row.amount),
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
