/** What the verbs of `tickets` share: the ticket's JSON, its view and the list columns. */
import { remainingOf } from '../../core/orders.js';
import type { Order, Ticket } from '../../core/types.js';
import type { Deps } from '../../deps.js';
import type { Paint } from '../../ui/color.js';
import { dateTime, formatPhone, formatter, timeOnly } from '../../ui/format.js';
import type { Catalog } from '../../ui/i18n.js';
import { excelTime, type Column } from '../../ui/output.js';
import { safeLine } from '../../ui/text.js';
import { periodText } from '../orders/shared.js';

/** An order with its ticket: how a ticket is read, with the service and money of its order. */
type Ticketed = Order & { ticket: Ticket };

const zoneOf = (o: Ticketed) => o.service.location.timeZone;

/**
 * The columns of `tickets list`, in the operator's language. On a narrow terminal the number, the
 * visitor, the period and the status stay.
 */
export function ticketColumns(t: Catalog): Column<Ticketed>[] {
  const w = t.words;
  return [
    { header: w.number, key: 'number', value: (o) => o.ticket.number },
    { header: w.order, key: 'order', value: (o) => o.number, drop: 2 },
    { header: w.service, key: 'service', value: (o) => o.service.slug, text: true, drop: 1, min: 12 },
    { header: w.visitor, key: 'visitor', value: (o) => o.ticket.visitor.name, text: true, min: 10 },
    {
      header: w.period,
      key: 'period',
      value: (o) => `${dateTime(o.ticket.start, zoneOf(o))}–${timeOnly(o.ticket.end, zoneOf(o))}`,
    },
    { header: w.status, key: 'status', value: (o) => t.ticketStatus[o.ticket.status] },
  ];
}

/** CSV columns: machine values (ISO times, codes); with `--excel`, times local to each ticket's location. */
export const ticketCsvColumns: Column<Ticketed>[] = [
  { header: 'number', key: 'number', value: (o) => o.ticket.number },
  { header: 'order', key: 'order', value: (o) => o.number },
  { header: 'service', key: 'service', value: (o) => o.service.slug, text: true },
  { header: 'visitorName', key: 'visitorName', value: (o) => o.ticket.visitor.name, text: true },
  { header: 'visitorPhone', key: 'visitorPhone', value: (o) => o.ticket.visitor.phone ?? '', text: true },
  { header: 'start', key: 'start', value: (o) => o.ticket.start, excel: (o) => excelTime(o.ticket.start, zoneOf(o)) },
  { header: 'end', key: 'end', value: (o) => o.ticket.end, excel: (o) => excelTime(o.ticket.end, zoneOf(o)) },
  { header: 'status', key: 'status', value: (o) => o.ticket.status },
];

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
