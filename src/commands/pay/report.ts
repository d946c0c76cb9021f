import { Option, type Command } from 'commander';
import { reportTakings, type TakingsReport } from '../../app/entries.js';
import { UsageError } from '../../core/errors.js';
import { TAKINGS_BY, type TakingsBy, type TakingsRow } from '../../core/takings.js';
import { PAYMENT_METHODS, PAYMENT_SOURCES, type PaymentMethod, type PaymentSource } from '../../core/types.js';
import type { Deps } from '../../deps.js';
import { formatter } from '../../ui/format.js';
import type { Catalog } from '../../ui/i18n.js';
import { excelMoney, FORMATS, resolveFormat, writeList, type Column } from '../../ui/output.js';
import { dayArg, notice, printJson } from '../shared.js';

export interface ReportOptions {
  date?: string;
  from?: string;
  to?: string;
  by?: TakingsBy;
  method?: PaymentMethod;
  source?: PaymentSource;
  format?: string;
  excel?: boolean;
}

export function register(parent: Command, deps: Deps): void {
  const h = deps.t().help;
  parent
    .command('report')
    .description(h.pay.report.description)
    .option('--date <date>', h.pay.report.date, dayArg('--date'))
    .option('--from <date>', h.pay.report.from, dayArg('--from'))
    .option('--to <date>', h.pay.report.to, dayArg('--to'))
    .addOption(new Option('--by <group>', h.pay.report.by).choices(TAKINGS_BY))
    .addOption(new Option('--method <method>', h.pay.list.method).choices(PAYMENT_METHODS))
    .addOption(new Option('--source <source>', h.pay.list.source).choices(PAYMENT_SOURCES))
    .addOption(new Option('--format <format>', h.format).choices(FORMATS))
    .option('--excel', h.excel)
    .action((opts: ReportOptions) => reportRun(opts, deps));
}

/**
 * The takings of the location's local day(s), as a manager checks them at the end of a shift: the
 * rows on stdout (table, JSON, CSV), and on a table the totals and the drawer on stderr.
 */
export async function reportRun(opts: ReportOptions, deps: Deps): Promise<void> {
  const format = resolveFormat(deps, opts.format, opts.excel);
  if (opts.date !== undefined && (opts.from !== undefined || opts.to !== undefined)) throw new UsageError('dateOrPeriod');
  const from = opts.date ?? opts.from ?? opts.to ?? 'today';
  const to = opts.date ?? opts.to ?? opts.from ?? 'today';
  const store = await deps.store();
  const me = await deps.operator();
  const report = await reportTakings(
    store,
    me,
    { from, to, by: opts.by ?? 'method', method: opts.method, source: opts.source },
    deps.now(),
  );
  const t = deps.t();
  if (format === 'json') {
    printJson(deps, reportJson(report));
    return;
  }
  await writeList(deps, report.rows, {
    format,
    excel: opts.excel,
    columns: format === 'csv' ? csvColumns : columns(t, report.by),
    json: (r) => r,
  });
  if (format === 'table') {
    const f = formatter(t.lang);
    notice(
      deps,
      t.notices.pay.report({ from: f.longDate(report.from), to: f.longDate(report.to), ...report.totals, drawer: report.drawer }),
    );
  }
}

function reportJson(r: TakingsReport) {
  return {
    from: r.from,
    to: r.to,
    by: r.by,
    currency: 'RUB' as const,
    rows: r.rows,
    totals: r.totals,
    drawer: r.drawer,
  };
}

function columns(t: Catalog, by: TakingsBy): Column<TakingsRow>[] {
  const w = t.words;
  const money = formatter(t.lang).money;
  const key: Column<TakingsRow>[] =
    by === 'method'
      ? [
          { header: w.method, key: 'method', value: (r) => (r.method ? t.method[r.method] : '') },
          { header: w.source, key: 'source', value: (r) => (r.source ? t.source[r.source] : ''), min: 8 },
        ]
      : by === 'manager'
        ? [{ header: w.recordedBy, key: 'manager', value: (r) => r.manager ?? t.source.gateway, text: true, min: 8 }]
        : [{ header: w.service, key: 'service', value: (r) => r.service ?? '', text: true, min: 8 }];
  return [
    ...key,
    { header: w.takingsIn, key: 'in', value: (r) => money(r.in), align: 'right' },
    { header: w.takingsOut, key: 'out', value: (r) => money(r.out), align: 'right', drop: 3 },
    { header: w.reversedLabel, key: 'reversed', value: (r) => money(r.reversed), align: 'right', drop: 2 },
    { header: w.net, key: 'net', value: (r) => money(r.net), align: 'right' },
    { header: w.entries, key: 'entries', value: (r) => r.entries, align: 'right', drop: 1 },
  ];
}

const csvColumns: Column<TakingsRow>[] = [
  { header: 'method', key: 'method', value: (r) => r.method ?? '' },
  { header: 'source', key: 'source', value: (r) => r.source ?? '' },
  { header: 'manager', key: 'manager', value: (r) => r.manager ?? '', text: true },
  { header: 'service', key: 'service', value: (r) => r.service ?? '', text: true },
  { header: 'currency', key: 'currency', value: () => 'RUB' },
  { header: 'in', key: 'in', value: (r) => r.in, excel: (r) => excelMoney(r.in) },
  { header: 'out', key: 'out', value: (r) => r.out, excel: (r) => excelMoney(r.out) },
  { header: 'reversed', key: 'reversed', value: (r) => r.reversed, excel: (r) => excelMoney(r.reversed) },
  { header: 'net', key: 'net', value: (r) => r.net, excel: (r) => excelMoney(r.net) },
  { header: 'entries', key: 'entries', value: (r) => r.entries },
];
