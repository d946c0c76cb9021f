import type { Command } from 'commander';
import { assertCanView } from '../../core/access.js';
import type { Deps } from '../../deps.js';
import { painter } from '../../ui/color.js';
import { positiveInt, printJson, printLines } from '../shared.js';
import { renderTicket, requireTicketOrder, ticketJson } from './shared.js';

export function register(parent: Command, deps: Deps): void {
  parent
    .command('show')
    .description("show a booking's ticket: visitor, rental period, its order")
    .argument('<number>', 'the ticket number', positiveInt('the ticket number'))
    .action((number: number) => showRun({ number }, deps));
}

export async function showRun(opts: { number: number }, deps: Deps): Promise<void> {
  const store = await deps.store();
  const me = await deps.operator();
  const order = await requireTicketOrder(store, opts.number);
  assertCanView(me, order);
  if (deps.json()) printJson(deps, ticketJson(order));
  else printLines(deps, renderTicket(order, deps, await painter(deps.color())));
}
