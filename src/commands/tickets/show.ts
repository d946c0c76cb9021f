import type { Command } from 'commander';
import { ticketToView } from '../../app/tickets.js';
import type { Deps } from '../../deps.js';
import { painter } from '../../ui/color.js';
import { positiveInt, printJson, printLines } from '../shared.js';
import { renderTicket, ticketJson } from './shared.js';

export function register(parent: Command, deps: Deps): void {
  const h = deps.t().help;
  parent
    .command('show')
    .description(h.tickets.show.description)
    .argument('<number>', h.tickets.number, positiveInt(h.tickets.number))
    .action((number: number) => showRun({ number }, deps));
}

export async function showRun(opts: { number: number }, deps: Deps): Promise<void> {
  const store = await deps.store();
  const me = await deps.operator();
  const order = await ticketToView(store, me, opts.number);
  if (deps.json()) printJson(deps, ticketJson(order));
  else printLines(deps, renderTicket(order, deps, await painter(deps.color())));
}
