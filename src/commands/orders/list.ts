import { Option, type Command } from 'commander';
import { NotFoundError, UsageError } from '../../core/errors.js';
import { ORDER_STATUSES, type OrderStatus } from '../../core/types.js';
import type { Deps } from '../../deps.js';
import { orderJson } from '../../ui/json.js';
import { FORMATS, resolveFormat, writeList } from '../../ui/output.js';
import type { OrderFilter } from '../../store/index.js';
import { dateArg, positiveInt } from '../shared.js';
import { orderColumns, orderCsvColumns } from './shared.js';

export interface ListOptions {
  status?: string[];
  service?: string;
  assignee?: string;
  from?: string;
  to?: string;
  limit?: number;
  format?: string;
}

const TABLE_LIMIT = 50;

export function register(parent: Command, deps: Deps): void {
  parent
    .command('list')
    .description('list the orders you may see, newest first')
    .option('--status <status...>', `only these statuses (${ORDER_STATUSES.join(', ')}); repeat or list several`)
    .option('--service <slug>', 'only orders of this service')
    .option('--assignee <login|none|me>', 'only orders of this executor; none: without one; me: yours')
    .option('--from <date>', 'only orders whose rental period touches this local date or later', dateArg('--from'))
    .option('--to <date>', 'only orders whose rental period touches this local date or earlier', dateArg('--to'))
    .option('--limit <n>', `at most N orders (the table shows ${TABLE_LIMIT} unless told)`, positiveInt('--limit'))
    .addOption(new Option('--format <format>', 'table, json, ndjson or csv').choices(FORMATS))
    .action((opts: ListOptions) => listRun(opts, deps));
}

export async function listRun(opts: ListOptions, deps: Deps): Promise<void> {
  const format = resolveFormat(deps, opts.format);
  const statuses = (opts.status ?? []).flatMap((s) => s.split(',')).filter(Boolean);
  for (const s of statuses) {
    if (!(ORDER_STATUSES as readonly string[]).includes(s)) {
      throw new UsageError(`--status: "${s}" is not one of ${ORDER_STATUSES.join(', ')}`);
    }
  }
  if (opts.from && opts.to && opts.from > opts.to) throw new UsageError(`--from ${opts.from} is after --to ${opts.to}`);
  const store = await deps.store();
  const me = await deps.operator();
  const filter: OrderFilter = { statuses: statuses as OrderStatus[], from: opts.from, to: opts.to };
  if (opts.service !== undefined) {
    const s = await store.service(opts.service);
    if (!s) throw new NotFoundError(`service "${opts.service}" not found`);
    filter.serviceId = s.id;
  }
  if (opts.assignee === 'none') filter.assignee = 'none';
  else if (opts.assignee === 'me') filter.assignee = me.id;
  else if (opts.assignee !== undefined) {
    const u = await store.user(opts.assignee);
    if (!u) throw new NotFoundError(`user "${opts.assignee}" not found`);
    filter.assignee = u.id;
  }
  const limit = opts.limit ?? (format === 'table' ? TABLE_LIMIT : undefined);
  const viewer = { id: me.id, login: me.login, role: me.role };
  const lang = deps.lang();
  await writeList(deps, store.orders(viewer, filter, limit), {
    format,
    columns: format === 'csv' ? orderCsvColumns : orderColumns(lang),
    json: orderJson,
    shown: limit,
    total: () => store.countOrders(viewer, filter),
    empty: lang === 'ru' ? 'Заказов нет' : 'No orders',
  });
}
