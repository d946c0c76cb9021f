/**
 * The words of cowork in English and in Russian (the Russian ones are those of the source
 * document's screen), and the formatting of dates, money and phones per language.
 */
import { formatRubles, type Kopecks } from '../core/money.js';
import { localParts } from '../core/time.js';
import type { OrderEvent, OrderStatus, PaymentMethod, Role, TicketStatus, Visibility } from '../core/types.js';

export type Lang = 'en' | 'ru';

const en = {
  order: 'Order',
  executor: 'Executor',
  notAssigned: 'Not assigned',
  orderDetails: 'Order details',
  ticket: 'Ticket',
  visitor: 'Visitor',
  phone: 'Phone',
  tariff: 'tariff',
  rentalPeriod: 'Rental period',
  ticketCost: 'Ticket cost',
  totalCost: 'Total cost',
  payment: 'Payment',
  noPayments: 'No payments yet',
  paidLabel: 'Paid',
  paidTotal: 'Paid',
  remaining: 'Left to pay',
  refundDue: 'Due for refund',
  applicant: 'Applicant',
  dueDate: 'Due date',
  today: 'Today',
  tomorrow: 'Tomorrow',
  yesterday: 'Yesterday',
  system: 'System',
  messages: 'Messages',
  noMessages: 'No messages',
  cancelledBy: 'Cancelled',
  reason: 'Reason',
  createdBy: 'Created by',
  service: 'Service',
  status: 'Status',
  period: 'Period',
  total: 'Total',
  paid: 'Paid',
  left: 'Left',
  number: 'Number',
  created: 'Created',
  capacity: 'Capacity',
  hours: 'Opening hours',
  partialPayment: 'Partial payment',
  prepayment: 'prepayment',
  allowed: 'allowed',
  notAllowed: 'not allowed',
  tariffs: 'Tariffs',
  managers: 'Responsible managers',
  location: 'Location',
  timeZone: 'Time zone',
  perHour: 'an hour',
  perDay: 'a day',
  seats: 'seats',
  login: 'Login',
  name: 'Name',
  role: 'Role',
  email: 'Email',
  method: 'Method',
  source: 'Source',
  recordedBy: 'Recorded by',
  amount: 'Amount',
  when: 'When',
  gateway: 'payment gateway',
  desk: 'desk',
  more: (n: number) => `… ${n} more (use --limit to see them)`,
  noOrders: 'No orders',
  none: '—',
  periodText: (date: string, from: string, to: string) => `${date}, from ${from} to ${to}`,
  public: 'Public',
  internal: 'Internal',
} as const;

type Dict = { [K in keyof typeof en]: (typeof en)[K] extends (...a: infer A) => string ? (...a: A) => string : string };

const ru: Dict = {
  order: 'Заказ',
  executor: 'Исполнитель',
  notAssigned: 'Не назначено',
  orderDetails: 'Детали заказа',
  ticket: 'Билет',
  visitor: 'Посетитель',
  phone: 'Телефон',
  tariff: 'тариф',
  rentalPeriod: 'Период аренды',
  ticketCost: 'Стоимость билета',
  totalCost: 'Итоговая стоимость',
  payment: 'Оплата',
  noPayments: 'Оплат ещё нет',
  paidLabel: 'Оплачено',
  paidTotal: 'Оплачено',
  remaining: 'Остаток к оплате',
  refundDue: 'К возврату',
  applicant: 'Заявитель',
  dueDate: 'Срок исполнения',
  today: 'Сегодня',
  tomorrow: 'Завтра',
  yesterday: 'Вчера',
  system: 'Система',
  messages: 'Сообщения',
  noMessages: 'Сообщений нет',
  cancelledBy: 'Отменен',
  reason: 'Причина',
  createdBy: 'Создал',
  service: 'Услуга',
  status: 'Статус',
  period: 'Период',
  total: 'Сумма',
  paid: 'Оплачено',
  left: 'Остаток',
  number: 'Номер',
  created: 'Создан',
  capacity: 'Вместимость',
  hours: 'Часы работы',
  partialPayment: 'Частичная оплата',
  prepayment: 'предоплата',
  allowed: 'разрешена',
  notAllowed: 'не разрешена',
  tariffs: 'Тарифы',
  managers: 'Ответственные менеджеры',
  location: 'Локация',
  timeZone: 'Часовой пояс',
  perHour: 'в час',
  perDay: 'в день',
  seats: 'мест',
  login: 'Логин',
  name: 'Имя',
  role: 'Роль',
  email: 'Эл. почта',
  method: 'Способ',
  source: 'Источник',
  recordedBy: 'Провёл',
  amount: 'Сумма',
  when: 'Когда',
  gateway: 'платёжный шлюз',
  desk: 'менеджер',
  more: (n: number) => `… ещё ${n} (--limit покажет их)`,
  noOrders: 'Заказов нет',
  none: '—',
  periodText: (date: string, from: string, to: string) => `${date}, с ${from} до ${to}`,
  public: 'Публичное',
  internal: 'Внутреннее',
};

export type Words = Dict;
export const words: Record<Lang, Dict> = { en: en as unknown as Dict, ru };

const STATUS: Record<Lang, Record<OrderStatus, string>> = {
  en: { awaiting_payment: 'Awaiting payment', partially_paid: 'Partially paid', confirmed: 'Confirmed', cancelled: 'Cancelled' },
  ru: { awaiting_payment: 'Ожидает оплаты', partially_paid: 'Частично оплачен', confirmed: 'Подтвержден', cancelled: 'Отменен' },
};
const ROLE: Record<Lang, Record<Role, string>> = {
  en: { guest: 'Location guest', rental_manager: 'Rental manager', admin: 'Administrator' },
  ru: { guest: 'Гость локации', rental_manager: 'Менеджер по аренде', admin: 'Администратор' },
};
const METHOD: Record<Lang, Record<PaymentMethod, string>> = {
  en: { card: 'Bank card', cash: 'Cash', transfer: 'Bank transfer' },
  ru: { card: 'Банковская карта', cash: 'Наличные', transfer: 'Банковский перевод' },
};
const TICKET: Record<Lang, Record<TicketStatus, string>> = {
  en: { active: 'Active', checked_in: 'Checked in', cancelled: 'Cancelled' },
  ru: { active: 'Активен', checked_in: 'Посещение отмечено', cancelled: 'Отменен' },
};
const VISIBILITY: Record<Lang, Record<Visibility, string>> = {
  en: { public: 'Public', internal: 'Internal', system: 'System' },
  ru: { public: 'Публичное', internal: 'Внутреннее', system: 'Система' },
};

export const statusLabel = (s: OrderStatus, l: Lang) => STATUS[l][s];
export const roleLabel = (r: Role, l: Lang) => ROLE[l][r];
export const methodLabel = (m: PaymentMethod, l: Lang) => METHOD[l][m];
export const ticketStatusLabel = (s: TicketStatus, l: Lang) => TICKET[l][s];
export const visibilityLabel = (v: Visibility, l: Lang) => VISIBILITY[l][v];
export const money = (k: Kopecks, l: Lang) => formatRubles(k, l);

/** A system message in the reader's language. Names inside are user text: the caller makes them safe. */
export function eventText(e: OrderEvent, l: Lang): string {
  const m = (k: Kopecks) => formatRubles(k, l);
  const ruLang = l === 'ru';
  switch (e.code) {
    case 'payment_gateway':
      return ruLang ? 'Поступила оплата через платёжный шлюз.' : 'Payment received through the payment gateway.';
    case 'payment_recorded':
      return ruLang
        ? `Проведена оплата ${m(e.amount)} (${METHOD.ru[e.method]}), провёл ${e.by}.`
        : `Payment of ${m(e.amount)} (${METHOD.en[e.method].toLowerCase()}) recorded by ${e.by}.`;
    case 'order_confirmed':
      return ruLang ? 'Заказ подтвержден.' : 'Order confirmed.';
    case 'assignee_changed': {
      const by = e.by ? (ruLang ? `, изменил ${e.by}` : ` by ${e.by}`) : '';
      if (e.to === null) return ruLang ? `Исполнитель снят${by}.` : `Executor removed${by}.`;
      return ruLang ? `Исполнитель изменён на ${e.to}${by}.` : `Executor changed to ${e.to}${by}.`;
    }
    case 'order_cancelled': {
      const reason = e.reason ? (ruLang ? ` Причина: ${e.reason}.` : `: ${e.reason}`) : '';
      const refund = e.refundDue > 0 ? (ruLang ? ` К возврату ${m(e.refundDue)}.` : ` ${m(e.refundDue)} due for refund.`) : '';
      return ruLang ? `Заказ отменён, отменил ${e.by}.${reason}${refund}` : `Order cancelled by ${e.by}${reason}.${refund}`;
    }
    case 'order_created':
      return ruLang
        ? `Заказ создан${e.by ? `, создал ${e.by}` : ''}: ${m(e.total)}.`
        : `Order created${e.by ? ` by ${e.by}` : ''}: ${m(e.total)}.`;
    case 'ticket_checked_in':
      return ruLang ? `Посещение по билету ${e.ticket} отмечено, отметил ${e.by}.` : `Ticket ${e.ticket} checked in by ${e.by}.`;
  }
}

const MONTHS_RU = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'];
const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const p2 = (n: number) => String(n).padStart(2, '0');

/** `11.08.2023 13:32` in the zone (both languages: the source document's form). */
export function dateTime(iso: string, tz: string): string {
  const p = localParts(new Date(iso), tz);
  return `${p2(p.day)}.${p2(p.month)}.${p.year} ${p2(p.hour)}:${p2(p.minute)}`;
}

export function timeOnly(iso: string, tz: string): string {
  const p = localParts(new Date(iso), tz);
  return `${p2(p.hour)}:${p2(p.minute)}`;
}

/** `11 августа 2023 г.` / `11 August 2023` of a `YYYY-MM-DD`. */
export function longDate(date: string, l: Lang): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return l === 'ru' ? `${d} ${MONTHS_RU[m - 1]} ${y} г.` : `${d} ${MONTHS_EN[m - 1]} ${y}`;
}

export function shortDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${d}.${m}.${y}`;
}

/** `+73422545454` → `+7 (342) 254-54-54`; anything else as it is. */
export function formatPhone(phone: string | null): string {
  if (!phone) return '';
  const m = /^\+7(\d{3})(\d{3})(\d{2})(\d{2})$/.exec(phone);
  return m ? `+7 (${m[1]}) ${m[2]}-${m[3]}-${m[4]}` : phone;
}

export function langFrom(flag: string | undefined, env: Record<string, string | undefined>): Lang {
  const v = (flag ?? env.COWORK_LANG ?? env.LC_ALL ?? env.LC_MESSAGES ?? env.LANG ?? '').toLowerCase();
  return v.startsWith('ru') ? 'ru' : 'en';
}
