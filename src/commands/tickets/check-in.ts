import type { Command } from 'commander';
import { assertCanProcess } from '../../core/access.js';
import { NotFoundError } from '../../core/errors.js';
import { checkCheckIn } from '../../core/tickets.js';
import { localDate } from '../../core/time.js';
import type { Deps } from '../../deps.js';
import { positiveInt, printJson, printLines } from '../shared.js';
import { requireTicketOrder, ticketJson } from './shared.js';
import { safeLine } from '../../ui/text.js';

export function register(parent: Command, deps: Deps): void {
  parent
    .command('check-in')
    .description("mark that the visitor came: a paid order's active ticket, on its rental day")
    .argument('<number>', 'the ticket number', positiveInt('the ticket number'))
    .action((number: number) => checkInRun({ number }, deps));
}

export async function checkInRun(opts: { number: number }, deps: Deps): Promise<void> {
  const store = await deps.store();
  const me = await deps.operator();
  const order = await requireTicketOrder(store, opts.number);
  assertCanProcess(me, order.service);
  const now = deps.now();
  await store.write(async (tx) => {
    const current = await tx.lockOrder(order.number);
    if (!current?.ticket) throw new NotFoundError(`ticket ${opts.number} not found`);
    const tz = current.service.location.timeZone;
    checkCheckIn(current, current.ticket, localDate(now, tz), localDate(new Date(current.ticket.start), tz));
    await tx.writeTicketStatus(current.ticket.number, 'active', 'checked_in', current.number, now.toISOString(), {
      code: 'ticket_checked_in',
      ticket: current.ticket.number,
      by: me.name,
    });
  });
  const after = (await store.order(order.number))!;
  if (deps.json()) printJson(deps, ticketJson(after));
  else {
    const ru = deps.lang() === 'ru';
    printLines(deps, ru ? `Билет ${opts.number}: посещение отмечено (${safeLine(after.ticket!.visitor.name)}).` : `Ticket ${opts.number}: checked in (${safeLine(after.ticket!.visitor.name)}).`);
  }
}
