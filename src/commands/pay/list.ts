import { Option, type Command } from 'commander';
import type { Deps } from '../../deps.js';
import { paymentJson } from '../../ui/json.js';
import { FORMATS, resolveFormat, writeList } from '../../ui/output.js';
import type { PaymentFilter } from '../../store/index.js';
import { positiveInt } from '../shared.js';
import { orderToView } from '../../app/messages.js';
import { paymentColumns, paymentCsvColumns } from './shared.js';

export interface PayListOptions {
  order?: number;
  source?: 'gateway' | 'manager';
  format?: string;
}

export function register(parent: Command, deps: Deps): void {
  const h = deps.t().help;
  parent
    .command('list')
    .description(h.pay.list.description)
    .option('--order <number>', h.pay.list.order, positiveInt('--order'))
    .addOption(new Option('--source <source>', h.pay.list.source).choices(['gateway', 'manager']))
    .addOption(new Option('--format <format>', h.format).choices(FORMATS))
    .action((opts: PayListOptions) => payListRun(opts, deps));
}

export async function payListRun(opts: PayListOptions, deps: Deps): Promise<void> {
  const format = resolveFormat(deps, opts.format);
  const store = await deps.store();
  const me = await deps.operator();
  const filter: PaymentFilter = { source: opts.source };
  if (opts.order !== undefined) {
    await orderToView(store, me, opts.order);
    filter.orderNumber = opts.order;
  } else if (me.role === 'guest') {
    filter.applicantId = me.id;
  } else if (me.role === 'rental_manager') {
    filter.serviceIds = [...(await store.services()).values()].filter((s) => s.managers.includes(me.login)).map((s) => s.id);
  }
  await writeList(deps, store.iteratePayments(filter), {
    format,
    columns: format === 'csv' ? paymentCsvColumns : paymentColumns(deps.t()),
    json: paymentJson,
  });
}
