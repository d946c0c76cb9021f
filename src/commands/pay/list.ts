import { Option, type Command } from 'commander';
import { listEntries } from '../../app/entries.js';
import { noSums, count } from '../../core/takings.js';
import { ENTRY_KINDS, PAYMENT_METHODS, PAYMENT_SOURCES, type EntryKind, type PaymentMethod, type PaymentSource } from '../../core/types.js';
import type { Deps } from '../../deps.js';
import { paymentJson } from '../../ui/json.js';
import { FORMATS, resolveFormat, writeList } from '../../ui/output.js';
import type { ListedPayment } from '../../store/index.js';
import { dayArg, notice, positiveInt } from '../shared.js';
import { paymentColumns, paymentCsvColumns } from './shared.js';

export interface PayListOptions {
  order?: number;
  from?: string;
  to?: string;
  method?: PaymentMethod;
  source?: PaymentSource;
  kind?: EntryKind;
  recordedBy?: string;
  limit?: number;
  format?: string;
  excel?: boolean;
}

export function register(parent: Command, deps: Deps): void {
  const h = deps.t().help;
  parent
    .command('list')
    .description(h.pay.list.description)
    .option('--order <number>', h.pay.list.order, positiveInt('--order'))
    .option('--from <date>', h.pay.list.from, dayArg('--from'))
    .option('--to <date>', h.pay.list.to, dayArg('--to'))
    .addOption(new Option('--method <method>', h.pay.list.method).choices(PAYMENT_METHODS))
    .addOption(new Option('--source <source>', h.pay.list.source).choices(PAYMENT_SOURCES))
    .addOption(new Option('--kind <kind>', h.pay.list.kind).choices(ENTRY_KINDS))
    .option('--recorded-by <login|me>', h.pay.list.recordedBy)
    .option('--limit <n>', h.pay.list.limit, positiveInt('--limit'))
    .addOption(new Option('--format <format>', h.format).choices(FORMATS))
    .option('--excel', h.excel)
    .action((opts: PayListOptions) => payListRun(opts, deps));
}

/** The entries, oldest first; the table ends with their totals on stderr. */
export async function payListRun(opts: PayListOptions, deps: Deps): Promise<void> {
  const format = resolveFormat(deps, opts.format, opts.excel);
  const store = await deps.store();
  const me = await deps.operator();
  const entries = await listEntries(store, me, opts, deps.now());
  let sums = noSums();
  const counted = async function* (): AsyncGenerator<ListedPayment> {
    let left = opts.limit ?? Infinity;
    for await (const p of entries) {
      if (left-- <= 0) return;
      sums = count(sums, p);
      yield p;
    }
  };
  const t = deps.t();
  await writeList(deps, counted(), {
    format,
    excel: opts.excel,
    columns: format === 'csv' ? paymentCsvColumns : paymentColumns(t),
    json: paymentJson,
  });
  if (format === 'table' && sums.entries > 0) notice(deps, t.notices.pay.totals(sums));
}
