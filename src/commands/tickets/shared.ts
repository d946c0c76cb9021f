import { NotFoundError } from '../../core/errors.js';
import type { Order } from '../../core/types.js';
import type { Deps } from '../../deps.js';
import type { Paint } from '../../ui/color.js';
import { formatPhone, money, statusLabel, ticketStatusLabel, words } from '../../ui/i18n.js';
import { safeLine } from '../../ui/text.js';
import type { Store } from '../../store/index.js';
import { periodText } from '../orders/shared.js';
import { remainingOf } from '../../core/orders.js';

export async function requireTicketOrder(store: Store, ticket: number): Promise<Order> {
  const number = await store.ticketOrder(ticket);
  const order = number === null ? null : await store.order(number);
  if (!order?.ticket) throw new NotFoundError(`ticket ${ticket} not found`);
  return order;
}

export function ticketJson(o: Order) {
  const t = o.ticket!;
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

export function renderTicket(o: Order, deps: Deps, c: Paint): string {
  const lang = deps.lang();
  const w = words[lang];
  const t = o.ticket!;
  const tz = o.service.location.timeZone;
  return [
    c.bold(`← ${w.ticket} ${t.number}`),
    ticketStatusLabel(t.status, lang),
    '',
    `${c.dim(w.service + ':')} ${safeLine(o.service.name)}`,
    `${c.dim(w.visitor + ':')} ${safeLine(t.visitor.name)}`,
    ...(t.visitor.phone ? [`${c.dim(w.phone + ':')} ${safeLine(formatPhone(t.visitor.phone))}`] : []),
    `${c.dim(w.rentalPeriod + ':')} ${periodText(t.start, t.end, tz, lang)}`,
    `${c.dim(w.order + ':')} ${o.number} (${statusLabel(o.status, lang)}, ${w.remaining.toLowerCase()} ${money(remainingOf(o), lang)})`,
  ].join('\n') + '\n';
}
