import type { Command } from 'commander';
import { checkIn } from '../../app/tickets.js';
import type { Deps } from '../../deps.js';
import { safeLine } from '../../ui/text.js';
import { positiveInt, written } from '../shared.js';
import { ticketJson } from './shared.js';

export function register(parent: Command, deps: Deps): void {
  const h = deps.t().help;
  parent
    .command('check-in')
    .description(h.tickets.checkIn.description)
    .argument('<number>', h.tickets.number, positiveInt(h.tickets.number))
    .action((number: number) => checkInRun({ number }, deps));
}

export async function checkInRun(opts: { number: number }, deps: Deps): Promise<void> {
  const store = await deps.store();
  const me = await deps.operator();
  const { order, ticket } = await checkIn(store, me, opts.number, deps.now());
  written(deps, {
    id: ticket.number,
    json: () => ticketJson(order),
    said: deps.t().notices.tickets.checkedIn({ ticket: ticket.number, visitor: safeLine(ticket.visitor.name) }),
  });
}
