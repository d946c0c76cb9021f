/** What the verbs of `orders` share: the detail view and the list columns. */
import { paymentRange, refundDueOf, remainingOf } from '../../core/orders.js';
import { localDate, addDays } from '../../core/time.js';
import type { Message, Order, Payment } from '../../core/types.js';
import type { Deps } from '../../deps.js';
import type { Paint } from '../../ui/color.js';
import {
  dateTime,
  eventText,
  formatPhone,
  longDate,
  methodLabel,
  money,
  roleLabel,
  shortDate,
  statusLabel,
  ticketStatusLabel,
  timeOnly,
  visibilityLabel,
  words,
  type Lang,
} from '../../ui/i18n.js';
import type { Column } from '../../ui/output.js';
import { safeLine, safeText } from '../../ui/text.js';

/** Today / Tomorrow / Yesterday / a date, as the source document shows a due date. */
export function dueDateText(due: string, now: Date, tz: string, lang: Lang): string {
  const today = localDate(now, tz);
  const w = words[lang];
  if (due === today) return w.today;
  if (due === addDays(today, 1)) return w.tomorrow;
  if (due === addDays(today, -1)) return w.yesterday;
  return shortDate(due);
}

/** `11 августа 2023 г., с 16:00 до 20:00`; a period over several days names both ends. */
export function periodText(start: string, end: string, tz: string, lang: Lang): string {
  const d1 = localDate(new Date(start), tz);
  const d2 = localDate(new Date(end), tz);
  const t1 = timeOnly(start, tz);
  const t2 = timeOnly(end, tz);
  if (d1 === d2 || (t2 === '00:00' && addDays(d1, 1) === d2)) return words[lang].periodText(longDate(d1, lang), t1, t2 === '00:00' ? '24:00' : t2);
  return `${longDate(d1, lang)} ${t1} — ${longDate(d2, lang)} ${t2}`;
}

/** What the source screen offers as buttons, as the commands that do it: for those who may use them. */
function hints(o: Order, staff: boolean, lang: Lang): string[] {
  const n = o.number;
  const ru = lang === 'ru';
  const w = words[lang];
  if (!staff) return [ru ? `Написать сообщение...: cowork msg post ${n} --text …` : `Write a message...: cowork msg post ${n} --text …`];
  const out = [
    ru ? `${w.public} | ${w.internal}. Написать сообщение...: cowork msg post ${n} --text … [--internal]` : `${w.public} | ${w.internal}. Write a message...: cowork msg post ${n} --text … [--internal]`,
  ];
  if (o.status === 'cancelled') return out;
  out.push(ru ? `Изменить исполнителя: cowork orders assign ${n} ЛОГИН` : `Change executor: cowork orders assign ${n} LOGIN`);
  if (remainingOf(o) > 0) out.push(ru ? `Провести оплату: cowork pay record ${n}` : `Record payment: cowork pay record ${n}`);
  out.push(ru ? `Отменить заказ: cowork orders cancel ${n}` : `Cancel order: cowork orders cancel ${n}`);
  return out;
}

/** The order's view, as the source screen lays it out; `staff`: the viewer may process the order. */
export function renderOrder(o: Order, payments: Payment[], messages: Message[], deps: Deps, c: Paint, staff: boolean): string {
  const lang = deps.lang();
  const w = words[lang];
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
  out.push(statusColor(statusLabel(o.status, lang)));
  if (o.status === 'cancelled') {
    const when = o.cancelledAt ? dateTime(o.cancelledAt, tz) : '';
    out.push(`${label(w.cancelledBy + ':')} ${when}${o.cancelReason ? `. ${w.reason}: ${safeText(o.cancelReason)}` : ''}`);
  }
  out.push('');
  out.push(`${label(w.executor + ':')} ${o.assignee ? safeLine(o.assignee.name) : w.notAssigned}`);
  out.push('');
  out.push(head(w.orderDetails));
  if (o.ticket) {
    const t = o.ticket;
    out.push(`  ${c.bold(`${w.ticket} ${t.number}`)}${t.status !== 'active' ? ` (${ticketStatusLabel(t.status, lang)})` : ''}`);
    out.push(`  ${label(w.visitor + ':')} ${safeLine(t.visitor.name)}`);
    if (t.visitor.phone) out.push(`  ${label(w.phone + ':')} ${safeLine(formatPhone(t.visitor.phone))}`);
  }
  out.push('');
  for (const l of o.lines) {
    out.push(`  ${safeLine(l.description)}, ${w.tariff} «${safeLine(l.tariff)}»  ${l.quantity} x ${money(l.unitPrice, lang)}  ${money(l.amount, lang)}`);
  }
  if (o.ticket) out.push(`  ${label(w.rentalPeriod + ':')} ${periodText(o.ticket.start, o.ticket.end, tz, lang)}`);
  out.push(`  ${label(w.ticketCost)} ${money(o.total, lang)}`);
  out.push(`  ${c.bold(w.totalCost)} ${c.bold(money(o.total, lang))}`);
  out.push('');
  out.push(head(w.payment));
  if (payments.length === 0) out.push(`  ${w.noPayments}`);
  for (const p of payments) {
    out.push(`  ${methodLabel(p.method, lang)}`);
    const by = p.recordedBy ? ` (${safeLine(p.recordedBy.name)})` : '';
    out.push(`  ${dateTime(p.createdAt, tz)} ${w.paidLabel} ${money(p.amount, lang)}${by}`);
  }
  const remaining = remainingOf(o);
  const refund = refundDueOf(o);
  if (payments.length > 1 || remaining > 0) out.push(`  ${label(w.paidTotal + ':')} ${money(o.paid, lang)}`);
  if (remaining > 0) {
    out.push(`  ${c.bold(w.remaining + ':')} ${c.bold(money(remaining, lang))}`);
    const range = paymentRange(o);
    if (range.partial) {
      out.push(
        label(
          lang === 'ru'
            ? `  Можно провести от ${money(range.partial.min, lang)} до ${money(range.partial.max, lang)} или ровно ${money(range.full, lang)}: остаток не менее ${money(o.minRemaining, lang)}`
            : `  A payment may be ${money(range.partial.min, lang)} to ${money(range.partial.max, lang)}, or exactly ${money(range.full, lang)}: at least ${money(o.minRemaining, lang)} must remain`,
        ),
      );
    }
  }
  if (refund > 0) out.push(`  ${c.yellow(w.refundDue + ':')} ${money(refund, lang)}`);
  out.push('');
  out.push(head(w.applicant));
  out.push(`  ${safeLine(o.applicant.name)}`);
  out.push(`  ${roleLabel(o.applicant.role, lang)}`);
  if (o.applicant.phone) out.push(`  ${safeLine(formatPhone(o.applicant.phone))}`);
  out.push('');
  out.push(`${label(w.dueDate + ':')} ${dueDateText(o.dueDate, deps.now(), tz, lang)}`);
  out.push('');
  out.push(...renderFeed(messages, tz, deps, c));
  if (deps.io.stdoutIsTTY) out.push('', ...hints(o, staff, lang).map((h) => c.dim(h)));
  return out.join('\n') + '\n';
}

export function renderFeed(messages: Message[], tz: string, deps: Deps, c: Paint): string[] {
  const lang = deps.lang();
  const w = words[lang];
  if (messages.length === 0) return [c.dim(w.noMessages)];
  const out: string[] = [];
  const today = localDate(deps.now(), tz);
  for (const m of messages) {
    // Today's messages show their time, as the source screen does; older ones their date too.
    const when = c.dim(localDate(new Date(m.createdAt), tz) === today ? timeOnly(m.createdAt, tz) : dateTime(m.createdAt, tz));
    if (m.event) {
      out.push(`${c.magenta(w.system + ':')} ${safeLine(eventText(m.event, lang))} ${when}`);
      continue;
    }
    const tag = m.visibility === 'internal' ? c.yellow(`[${visibilityLabel('internal', lang)}]`) : c.cyan(`[${visibilityLabel('public', lang)}]`);
    const who = m.author ? `${safeLine(m.author.name)} (${roleLabel(m.author.role, lang)})` : '';
    out.push(`${tag} ${c.bold(who)} ${when}`);
    for (const line of safeText(m.text ?? '').split('\n')) out.push(`  ${line}`);
  }
  return out;
}

/** The columns of `orders list`, in the operator's language. */
export function orderColumns(lang: Lang): Column<Order>[] {
  const w = words[lang];
  const tzOf = (o: Order) => o.service.location.timeZone;
  return [
    { header: w.number, key: 'number', value: (o) => o.number },
    { header: w.created, key: 'createdAt', value: (o) => dateTime(o.createdAt, tzOf(o)) },
    { header: w.service, key: 'service', value: (o) => o.service.slug, text: true },
    { header: w.status, key: 'status', value: (o) => statusLabel(o.status, lang) },
    {
      header: w.period,
      key: 'period',
      value: (o) => (o.ticket ? `${dateTime(o.ticket.start, tzOf(o))}–${timeOnly(o.ticket.end, tzOf(o))}` : ''),
    },
    { header: w.applicant, key: 'applicant', value: (o) => o.applicant.name, text: true },
    { header: w.executor, key: 'assignee', value: (o) => o.assignee?.login ?? '', text: true },
    { header: w.total, key: 'total', value: (o) => money(o.total, lang), align: 'right' },
    { header: w.left, key: 'remaining', value: (o) => money(remainingOf(o), lang), align: 'right' },
  ];
}

/** CSV columns: machine values (kopecks, ISO times, codes). */
export const orderCsvColumns: Column<Order>[] = [
  { header: 'number', key: 'number', value: (o) => o.number },
  { header: 'createdAt', key: 'createdAt', value: (o) => o.createdAt },
  { header: 'service', key: 'service', value: (o) => o.service.slug, text: true },
  { header: 'status', key: 'status', value: (o) => o.status },
  { header: 'start', key: 'start', value: (o) => o.ticket?.start ?? '' },
  { header: 'end', key: 'end', value: (o) => o.ticket?.end ?? '' },
  { header: 'applicant', key: 'applicant', value: (o) => o.applicant.login, text: true },
  { header: 'applicantName', key: 'applicantName', value: (o) => o.applicant.name, text: true },
  { header: 'assignee', key: 'assignee', value: (o) => o.assignee?.login ?? '', text: true },
  { header: 'ticket', key: 'ticket', value: (o) => o.ticket?.number ?? '' },
  { header: 'currency', key: 'currency', value: () => 'RUB' },
  { header: 'total', key: 'total', value: (o) => o.total },
  { header: 'paid', key: 'paid', value: (o) => o.paid },
  { header: 'remaining', key: 'remaining', value: (o) => remainingOf(o) },
  { header: 'refundDue', key: 'refundDue', value: (o) => refundDueOf(o) },
  { header: 'dueDate', key: 'dueDate', value: (o) => o.dueDate },
];
