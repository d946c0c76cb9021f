/** What the verbs of `tickets` share: the ticket's JSON and its view. */
import { remainingOf } from '../../core/orders.js';
import type { Order, Ticket } from '../../core/types.js';
import type { Deps } from '../../deps.js';
import type { Paint } from '../../ui/color.js';
import { formatPhone, formatter } from '../../ui/format.js';
import { safeLine } from '../../ui/text.js';
import { periodText } from '../orders/shared.js';

export function ticketJson(o: Order & { ticket: Ticket }) {
  const t = o.ticket;
  return {
    number: t.number,
    status: t.status,
    visitor: { name: t.visitor.name, phone: t.visitor.phone },
    start: t.start,
    end: t.end,
    service: { slug: o.service.slug, name: o.service.name },
    order: { number: o.number, status: o.status, total: o.total, paid: o.paid, remaining: remainingOf(o), currency: 'RUB' as const },
  };
}

export function renderTicket(o: Order & { ticket: Ticket }, deps: Deps, c: Paint): string {
  const t = deps.t();
  const w = t.words;
  const f = formatter(deps.lang());
  const ticket = o.ticket;
  const tz = o.service.location.timeZone;
  const label = (s: string) => c.dim(s + ':');
  return (
    [
      c.bold(`← ${w.ticket} ${ticket.number}`),
      t.ticketStatus[ticket.status],
      '',
      `${label(w.service)} ${safeLine(o.service.name)}`,
      `${label(w.visitor)} ${safeLine(ticket.visitor.name)}`,
      ...(ticket.visitor.phone ? [`${label(w.phone)} ${safeLine(formatPhone(ticket.visitor.phone))}`] : []),
      `${label(w.rentalPeriod)} ${periodText(ticket.start, ticket.end, tz, t)}`,
      `${label(w.order)} ${o.number} (${t.status[o.status]}, ${w.remaining.toLowerCase()} ${f.money(remainingOf(o))})`,
    ].join('\n') + '\n'
  );
}
