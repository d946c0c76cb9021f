import type { Command } from 'commander';
import { importStatement } from '../../app/statement.js';
import { DifferencesError } from '../../core/errors.js';
import { toRublesString } from '../../core/money.js';
import type { RowOutcome } from '../../core/statement.js';
import { WARNING_CODES, type WarningCode } from '../../core/types.js';
import type { Deps } from '../../deps.js';
import { say } from '../../ui/i18n.js';
import { safeLine } from '../../ui/text.js';
import { notice } from '../shared.js';
import { write } from '../../ui/output.js';
import { FORMAT_NAMES } from '../../core/statements/formats.js';
import { openStatement, zoneOfLocations, type StatementOptions } from './statement.js';

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
 * whole report with --json; the summary on stderr; exit 8 when a row was rejected. The rows are
 * read, decided and reported batch by batch, in one transaction: a statement of any length runs
 * in flat memory.
 */
export async function importRun(opts: ImportOptions, deps: Deps): Promise<void> {
  const t = deps.t();
  const dryRun = opts.dryRun === true;
  const statement = await openStatement(deps, opts.file, opts, () => zoneOfLocations(deps));
  notice(deps, t.notices.import.read({ file: opts.file, ...statement }));
  const store = await deps.store();
  const me = await deps.operator();
  const why = (o: RowOutcome) => (o.said ? say(t, o.said) : isWarning(o.code) ? t.warning[o.code] : null);
  const json = deps.json();
  let written = 0;
  let buffer = json ? `{\n  "dryRun": ${dryRun},\n  "rows": [` : '';
  const flush = async (min: number) => {
    if (buffer.length < min) return;
    await write(deps, buffer);
    buffer = '';
  };
  const report = async (outcomes: RowOutcome[]) => {
    for (const o of outcomes) {
      buffer += json ? `${written++ ? ',' : ''}\n${indent(JSON.stringify(rowJson(o, why(o)), null, 2), 4)}` : `${rowLine(o, why(o))}\n`;
    }
    await flush(65536);
  };
  const { summary } = await importStatement(store, me, { rows: statement.rows, dryRun, skipped: statement.skipped, report });
  if (json) buffer += `${written ? '\n  ' : ''}],\n  "summary": ${indent(JSON.stringify(summary, null, 2), 2).trimStart()}\n}\n`;
  await flush(0);
  notice(deps, t.notices.import.summary({ ...summary, dryRun }));
  if (summary.rejected > 0) throw new DifferencesError('importRejected', { rejected: summary.rejected, rows: summary.rows });
  if (summary.warnings > 0) throw new DifferencesError('importWarnings', { warnings: summary.warnings, rows: summary.rows });
}

const indent = (text: string, n: number) => text.replace(/^/gm, ' '.repeat(n));

function rowJson(o: RowOutcome, message: string | null) {
  return {
    line: o.row.line,
    externalId: o.row.externalId,
    order: o.row.orderNumber,
    kind: o.row.kind ?? 'payment',
    amount: o.row.amount,
    fee: o.row.fee ?? null,
    currency: 'RUB',
    result: o.result,
    code: o.code,
    message,
  };
}

function rowLine(o: RowOutcome, message: string | null): string {
  return [
    o.row.line,
    safeLine(o.row.externalId),
    o.row.orderNumber ?? '',
    toRublesString(o.row.kind === 'refund' ? -o.row.amount : o.row.amount),
    o.result,
    o.code ?? '',
    message ?? '',
  ].join('\t');
}

function isWarning(code: string | null): code is WarningCode {
  return WARNING_CODES.some((w) => w === code);
}
