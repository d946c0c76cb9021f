import { Option, type Command } from 'commander';
import { UsageError } from '../../core/errors.js';
import { TICKET_STATUSES, type Order, type Ticket, type TicketStatus } from '../../core/types.js';
import type { Deps } from '../../deps.js';
import type { OrderFilter } from '../../store/index.js';
import { FORMATS, resolveFormat, writeList } from '../../ui/output.js';
import { dayArg, positiveInt } from '../shared.js';
import { ticketColumns, ticketCsvColumns, ticketJson } from './shared.js';

export interface TicketsListOptions {
  date?: string;
  status?: string[];
  limit?: number;
  format?: string;
  excel?: boolean;
}

const TABLE_LIMIT = 50;

export function register(parent: Command, deps: Deps): void {
  const h = deps.t().help;
  parent
    .command('list')
    .description(h.tickets.list.description)
    .option('--date <date>', h.tickets.list.date, dayArg('--date'))
    .option('--status <status...>', h.tickets.list.status)
    .option('--limit <n>', h.tickets.list.limit(TABLE_LIMIT), positiveInt('--limit'))
    .addOption(new Option('--format <format>', h.format).choices(FORMATS))
    .option('--excel', h.excel)
    .action((opts: TicketsListOptions) => listRun(opts, deps));
}

function isStatus(s: string): s is TicketStatus {
  return (TICKET_STATUSES as readonly string[]).includes(s);
}

/** The desk's arrivals: tickets by rental start, earliest first, of the orders the operator may see. */
export async function listRun(opts: TicketsListOptions, deps: Deps): Promise<void> {
  const format = resolveFormat(deps, opts.format, opts.excel);
  const statuses: TicketStatus[] = [];
  for (const s of (opts.status ?? []).flatMap((x) => x.split(',')).filter(Boolean)) {
    if (!isStatus(s)) throw new UsageError('invalidChoice', { flag: '--status', value: s, choices: [...TICKET_STATUSES] });
    statuses.push(s);
  }
  const store = await deps.store();
  const me = await deps.operator();
  // A day: the tickets starting on it. None: today's, and every one after (each location's today).
  const filter: OrderFilter = {
    ticketStatuses: statuses,
    startFrom: opts.date ?? 'today',
    startTo: opts.date,
    now: deps.now(),
    sort: 'start',
  };
  const limit = opts.limit ?? (format === 'table' ? TABLE_LIMIT : undefined);
  const viewer = { id: me.id, login: me.login, role: me.role };
  const t = deps.t();
  await writeList(deps, ticketed(store.orders(viewer, filter, limit)), {
    format,
    excel: opts.excel,
    columns: format === 'csv' ? ticketCsvColumns : ticketColumns(t),
    json: ticketJson,
    shown: limit,
    total: () => store.countOrders(viewer, filter),
    empty: t.words.noTickets,
  });
}

/** The orders of a list by rental start, each with its ticket (such a list reads only those). */
async function* ticketed(orders: AsyncIterable<Order>): AsyncGenerator<Order & { ticket: Ticket }> {
  for await (const o of orders) {
    const ticket = o.ticket;
    if (ticket) yield { ...o, ticket };
  }
}
