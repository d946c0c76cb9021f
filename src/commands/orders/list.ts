import { Option, type Command } from 'commander';
import { canKnowService } from '../../core/access.js';
import { NotFoundError, UsageError } from '../../core/errors.js';
import { ORDER_STATUSES, type OrderStatus } from '../../core/types.js';
import type { Deps } from '../../deps.js';
import { orderJson } from '../../ui/json.js';
import { FORMATS, resolveFormat, writeList } from '../../ui/output.js';
import type { OrderFilter, OrderSort } from '../../store/index.js';
import { parseSearch } from '../../core/search.js';
import { isDate } from '../../core/time.js';
import { dayArg, nonBlank, positiveInt } from '../shared.js';
import { orderColumns, orderCsvColumns } from './shared.js';

export interface ListOptions {
  status?: string[];
  service?: string;
  assignee?: string;
  from?: string;
  to?: string;
  refundDue?: boolean;
  search?: string;
  applicant?: string;
  sort?: OrderSort;
  limit?: number;
  format?: string;
  excel?: boolean;
}

const TABLE_LIMIT = 50;
const SORTS: readonly OrderSort[] = ['created', 'start'];

export function register(parent: Command, deps: Deps): void {
  const h = deps.t().help;
  parent
    .command('list')
    .description(h.orders.list.description)
    .option('--status <status...>', h.orders.list.status)
    .option('--service <slug>', h.orders.list.service)
    .option('--assignee <login|none|me>', h.orders.list.assignee)
    .option('--from <date>', h.orders.list.from, dayArg('--from'))
    .option('--to <date>', h.orders.list.to, dayArg('--to'))
    .option('--refund-due', h.orders.list.refundDue)
    .option('--search <text>', h.orders.list.search, nonBlank('--search'))
    .option('--applicant <login|me>', h.orders.list.applicant)
    .addOption(new Option('--sort <order>', h.orders.list.sort).choices(SORTS))
    .option('--limit <n>', h.orders.list.limit(TABLE_LIMIT), positiveInt('--limit'))
    .addOption(new Option('--format <format>', h.format).choices(FORMATS))
    .option('--excel', h.excel)
    .action((opts: ListOptions) => listRun(opts, deps));
}

function isStatus(s: string): s is OrderStatus {
  return (ORDER_STATUSES as readonly string[]).includes(s);
}

export async function listRun(opts: ListOptions, deps: Deps): Promise<void> {
  const format = resolveFormat(deps, opts.format, opts.excel);
  const statuses: OrderStatus[] = [];
  for (const s of (opts.status ?? []).flatMap((x) => x.split(',')).filter(Boolean)) {
    if (!isStatus(s)) throw new UsageError('invalidChoice', { flag: '--status', value: s, choices: [...ORDER_STATUSES] });
    statuses.push(s);
  }
  if (opts.from && opts.to && isDate(opts.from) && isDate(opts.to) && opts.from > opts.to)
    throw new UsageError('fromAfterTo', { from: opts.from, to: opts.to });
  const store = await deps.store();
  const me = await deps.operator();
  const filter: OrderFilter = {
    statuses,
    from: opts.from,
    to: opts.to,
    now: deps.now(),
    refundDue: opts.refundDue,
    search: opts.search === undefined ? undefined : (parseSearch(opts.search) ?? undefined),
    sort: opts.sort,
  };
  if (opts.service !== undefined) {
    const s = await store.service(opts.service);
    if (!s || !canKnowService(me, s)) throw new NotFoundError('serviceNotFound', { slug: opts.service });
    filter.serviceId = s.id;
  }
  if (opts.assignee === 'none') filter.assignee = 'none';
  else if (opts.assignee === 'me') filter.assignee = me.id;
  else if (opts.assignee !== undefined) {
    const u = await store.user(opts.assignee);
    if (!u) throw new NotFoundError('userNotFound', { login: opts.assignee });
    filter.assignee = u.id;
  }
  if (opts.applicant === 'me') filter.applicant = me.id;
  else if (opts.applicant !== undefined) {
    const u = await store.user(opts.applicant);
    if (!u) throw new NotFoundError('userNotFound', { login: opts.applicant });
    filter.applicant = u.id;
  }
  const limit = opts.limit ?? (format === 'table' ? TABLE_LIMIT : undefined);
  const viewer = { id: me.id, login: me.login, role: me.role };
  const t = deps.t();
  await writeList(deps, store.orders(viewer, filter, limit), {
    format,
    excel: opts.excel,
    columns: format === 'csv' ? orderCsvColumns : orderColumns(t),
    json: orderJson,
    shown: limit,
    total: () => store.countOrders(viewer, filter),
    empty: t.words.noOrders,
    more: t.words.more,
  });
}
