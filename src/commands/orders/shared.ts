/** What the verbs of `orders` share: the detail view and the list columns. */
import { paymentRange, refundDueOf, remainingOf } from '../../core/orders.js';
import { localDate, addDays } from '../../core/time.js';
import type { Message, Order, Payment } from '../../core/types.js';
import type { Deps } from '../../deps.js';
import type { Paint } from '../../ui/color.js';
import { dateTime, formatPhone, formatter, shortDate, timeOnly } from '../../ui/format.js';
import { eventText, type Catalog } from '../../ui/i18n.js';
import { excelDate, excelMoney, excelTime, type Column } from '../../ui/output.js';
import { safeLine, safeText } from '../../ui/text.js';

/** Today / Tomorrow / Yesterday / a date, as the source document shows a due date. */
export function dueDateText(due: string, now: Date, tz: string, t: Catalog): string {
  const today = localDate(now, tz);
  const w = t.words;
  if (due === today) return w.today;
  if (due === addDays(today, 1)) return w.tomorrow;
  if (due === addDays(today, -1)) return w.yesterday;
  return shortDate(due);
}

/** `11 августа 2023 г., с 16:00 до 20:00`; a period over several days names both ends. */
export function periodText(start: string, end: string, tz: string, t: Catalog): string {
  const d1 = localDate(new Date(start), tz);
  const d2 = localDate(new Date(end), tz);
  const t1 = timeOnly(start, tz);
  const t2 = timeOnly(end, tz);
  const w = t.words;
  if (d1 === d2 || (t2 === '00:00' && addDays(d1, 1) === d2))
    return w.periodText({ date: w.longDate(d1), from: t1, to: t2 === '00:00' ? '24:00' : t2 });
  return `${w.longDate(d1)} ${t1} — ${w.longDate(d2)} ${t2}`;
}

/** What the source screen offers as buttons, as the commands that do it: for those who may use them. */
function hints(o: Order, staff: boolean, t: Catalog): string[] {
  const n = o.number;
  const h = t.notices.orders.hints;
  if (!staff) return [h.message(n)];
  const out = [h.messageStaff(n)];
  if (refundDueOf(o) > 0) out.push(h.refund(n));
  if (o.status === 'cancelled') return out;
  out.push(h.assign(n));
  if (remainingOf(o) > 0) out.push(h.pay(n));
  out.push(h.cancel(n));
  return out;
}

/** The order's view, as the source screen lays it out; `staff`: the viewer may process the order. */
export function renderOrder(o: Order, payments: Payment[], messages: Message[], deps: Deps, c: Paint, staff: boolean): string {
  const t = deps.t();
  const w = t.words;
  const money = formatter(deps.lang()).money;
  const tz = o.service.location.timeZone;
  const out: string[] = [];
  const head = (s: string) => c.bold(s);
  const label = (s: string) => c.dim(s);
  const statusColor =
    o.status === 'confirmed' ? c.green : o.status === 'cancelled' ? c.red : o.status === 'partially_paid' ? c.yellow : c.cyan;

  out.push(head(`← ${w.order} ${o.number}`));
  out.push(`${o.number} ${dateTime(o.createdAt, tz)}`);
  out.push('');
  out.push(head(safeLine(o.service.name)));
  out.push(statusColor(t.status[o.status]));
  if (o.status === 'cancelled') {
    const when = o.cancelledAt ? dateTime(o.cancelledAt, tz) : '';
    out.push(`${label(w.cancelled + ':')} ${when}${o.cancelReason ? `. ${w.reason}: ${safeText(o.cancelReason)}` : ''}`);
  }
  out.push('');
  out.push(`${label(w.executor + ':')} ${o.assignee ? safeLine(o.assignee.name) : w.notAssigned}`);
  out.push('');
  out.push(head(w.orderDetails));
  if (o.ticket) {
    const tk = o.ticket;
    const tr = t;
    out.push(`  ${c.bold(`${w.ticket} ${tk.number}`)}${tk.status !== 'active' ? ` (${tr.ticketStatus[tk.status]})` : ''}`);
    out.push(`  ${label(w.visitor + ':')} ${safeLine(tk.visitor.name)}`);
    if (tk.visitor.phone) out.push(`  ${label(w.phone + ':')} ${safeLine(formatPhone(tk.visitor.phone))}`);
  }
  out.push('');
  for (const l of o.lines) {
    out.push(
      `  ${safeLine(l.description)}, ${w.tariff} «${safeLine(l.tariff)}»  ${l.quantity} x ${money(l.unitPrice)}  ${money(l.amount)}`,
    );
  }
  if (o.ticket) out.push(`  ${label(w.rentalPeriod + ':')} ${periodText(o.ticket.start, o.ticket.end, tz, t)}`);
  out.push(`  ${label(w.ticketCost)} ${money(o.total)}`);
  out.push(`  ${c.bold(w.totalCost)} ${c.bold(money(o.total))}`);
  out.push('');
  out.push(head(w.payment));
  if (payments.length === 0) out.push(`  ${w.noPayments}`);
  for (const p of payments) {
    out.push(`  ${t.method[p.method]}${staff ? label(` · ${w.entry} ${p.id}`) : ''}`);
    const by = p.recordedBy ? ` (${safeLine(p.recordedBy.name)})` : '';
    const what = p.kind === 'payment' ? w.paidLabel : p.kind === 'refund' ? w.refundedLabel : w.reversedLabel;
    const amount = p.kind === 'payment' ? money(p.amount) : c.yellow(money(-p.amount));
    out.push(`  ${dateTime(p.createdAt, tz)} ${what} ${amount}${by}`);
    const notes: string[] = [];
    if (p.reverses !== null) notes.push(w.reversalOf(p.reverses));
    if (p.reversedBy !== null) notes.push(w.reversedBy(p.reversedBy));
    if (p.reference !== null) notes.push(`${w.reference}: ${safeLine(p.reference)}`);
    if (p.reason !== null) notes.push(`${w.reason}: ${safeLine(p.reason)}`);
    if (notes.length) out.push(label(`    ${notes.join('; ')}`));
    if (p.warning !== null) out.push(`    ${c.yellow(`⚠ ${t.warning[p.warning]}`)}`);
  }
  const remaining = remainingOf(o);
  const refund = refundDueOf(o);
  if (payments.length > 1 || remaining > 0) out.push(`  ${label(w.paidTotal + ':')} ${money(o.paid)}`);
  if (o.kept > 0) out.push(`  ${label(w.kept + ':')} ${money(o.kept)}`);
  if (remaining > 0) {
    out.push(`  ${c.bold(w.remaining + ':')} ${c.bold(money(remaining))}`);
    const range = paymentRange(o);
    if (range.partial) out.push(label(`  ${t.notices.orders.range({ range, minRemaining: o.minRemaining })}`));
  }
  if (refund > 0) out.push(`  ${c.yellow(w.refundDue + ':')} ${money(refund)}`);
  out.push('');
  out.push(head(w.applicant));
  out.push(`  ${safeLine(o.applicant.name)}`);
  out.push(`  ${t.role[o.applicant.role]}`);
  if (o.applicant.phone) out.push(`  ${safeLine(formatPhone(o.applicant.phone))}`);
  out.push('');
  out.push(`${label(w.dueDate + ':')} ${dueDateText(o.dueDate, deps.now(), tz, t)}`);
  out.push('');
  out.push(...renderFeed(messages, tz, deps, c));
  if (deps.io.stdoutIsTTY) out.push('', ...hints(o, staff, t).map((h) => c.dim(h)));
  return out.join('\n') + '\n';
}

export function renderFeed(messages: Message[], tz: string, deps: Deps, c: Paint): string[] {
  const t = deps.t();
  const w = t.words;
  if (messages.length === 0) return [c.dim(w.noMessages)];
  const out: string[] = [];
  const today = localDate(deps.now(), tz);
  for (const m of messages) {
    // Today's messages show their time, as the source screen does; older ones their date too.
    const when = c.dim(localDate(new Date(m.createdAt), tz) === today ? timeOnly(m.createdAt, tz) : dateTime(m.createdAt, tz));
    if (m.event) {
      out.push(`${c.magenta(w.system + ':')} ${eventText(m.event, t)} ${when}`);
      continue;
    }
    const tag = m.visibility === 'internal' ? c.yellow(`[${t.visibility.internal}]`) : c.cyan(`[${t.visibility.public}]`);
    const who = m.author ? `${safeLine(m.author.name)} (${t.role[m.author.role]})` : '';
    out.push(`${tag} ${c.bold(who)} ${when}`);
    for (const line of safeText(m.text ?? '').split('\n')) out.push(`  ${line}`);
  }
  return out;
}

/**
 * The columns of `orders list`, in the operator's language. On a narrow terminal the number, the
 * status and what is left to pay stay; the others go in the order of `drop`.
 */
export function orderColumns(t: Catalog): Column<Order>[] {
  const w = t.words;
  const money = formatter(t.lang).money;
  const tzOf = (o: Order) => o.service.location.timeZone;
  return [
    { header: w.number, key: 'number', value: (o) => o.number },
    { header: w.created, key: 'createdAt', value: (o) => dateTime(o.createdAt, tzOf(o)), drop: 1 },
    { header: w.service, key: 'service', value: (o) => o.service.slug, text: true, drop: 5, min: 12 },
    { header: w.status, key: 'status', value: (o) => t.status[o.status] },
    {
      header: w.period,
      key: 'period',
      value: (o) => (o.ticket ? `${dateTime(o.ticket.start, tzOf(o))}–${timeOnly(o.ticket.end, tzOf(o))}` : ''),
      drop: 7,
    },
    { header: w.applicant, key: 'applicant', value: (o) => o.applicant.name, text: true, drop: 6, min: 10 },
    { header: w.executor, key: 'assignee', value: (o) => o.assignee?.login ?? '', text: true, drop: 3, min: 8 },
    { header: w.total, key: 'total', value: (o) => money(o.total), align: 'right', drop: 4 },
    { header: w.left, key: 'remaining', value: (o) => money(remainingOf(o)), align: 'right' },
    {
      header: w.refund,
      key: 'refundDue',
      value: (o) => (refundDueOf(o) > 0 ? money(refundDueOf(o)) : ''),
      align: 'right',
      drop: 2,
    },
  ];
}

/** The zone of an order's local times: its location's. */
const zoneOf = (o: Order) => o.service.location.timeZone;

/**
 * CSV columns: machine values (kopecks, ISO times, codes). With `--excel`, money in rubles and
 * times local to each order's own location.
 */
export const orderCsvColumns: Column<Order>[] = [
  { header: 'number', key: 'number', value: (o) => o.number },
  { header: 'createdAt', key: 'createdAt', value: (o) => o.createdAt, excel: (o) => excelTime(o.createdAt, zoneOf(o)) },
  { header: 'service', key: 'service', value: (o) => o.service.slug, text: true },
  { header: 'status', key: 'status', value: (o) => o.status },
  { header: 'start', key: 'start', value: (o) => o.ticket?.start ?? '', excel: (o) => excelTime(o.ticket?.start ?? null, zoneOf(o)) },
  { header: 'end', key: 'end', value: (o) => o.ticket?.end ?? '', excel: (o) => excelTime(o.ticket?.end ?? null, zoneOf(o)) },
  { header: 'applicant', key: 'applicant', value: (o) => o.applicant.login, text: true },
  { header: 'applicantName', key: 'applicantName', value: (o) => o.applicant.name, text: true },
  { header: 'assignee', key: 'assignee', value: (o) => o.assignee?.login ?? '', text: true },
  { header: 'ticket', key: 'ticket', value: (o) => o.ticket?.number ?? '' },
  { header: 'currency', key: 'currency', value: () => 'RUB' },
  { header: 'total', key: 'total', value: (o) => o.total, excel: (o) => excelMoney(o.total) },
  { header: 'paid', key: 'paid', value: (o) => o.paid, excel: (o) => excelMoney(o.paid) },
  { header: 'remaining', key: 'remaining', value: (o) => remainingOf(o), excel: (o) => excelMoney(remainingOf(o)) },
  { header: 'kept', key: 'kept', value: (o) => o.kept, excel: (o) => excelMoney(o.kept) },
  { header: 'refundDue', key: 'refundDue', value: (o) => refundDueOf(o), excel: (o) => excelMoney(refundDueOf(o)) },
  { header: 'dueDate', key: 'dueDate', value: (o) => o.dueDate, excel: (o) => excelDate(o.dueDate) },
];
