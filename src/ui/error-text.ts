/**
 * An error as the operator reads it: in Russian for the refusals by a rule (with their figures),
 * otherwise the error's own message. Codes stay the same in every language.
 */
import { CoworkError, RuleError } from '../core/errors.js';
import { formatRubles } from '../core/money.js';
import type { Lang } from './i18n.js';

const STATUS_RU: Record<string, string> = {
  awaiting_payment: 'ожидает оплаты',
  partially_paid: 'оплачен частично',
  confirmed: 'подтвержден',
  cancelled: 'отменен',
  active: 'активен',
  checked_in: 'посещение уже отмечено',
};

function ruRule(e: RuleError): string | null {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each code carries its own values
  const d = e.details as Record<string, any>;
  const rub = (k: number) => formatRubles(k, 'ru');
  switch (e.code) {
    case 'ORDER_CANCELLED':
      return 'заказ отменен: провести оплату или изменить заказ нельзя';
    case 'ORDER_ALREADY_PAID':
      return 'заказ оплачен полностью: остатка к оплате нет';
    case 'AMOUNT_EXCEEDS_REMAINING':
      return `сумма ${rub(d.amount)} больше остатка к оплате ${rub(d.remaining)}`;
    case 'PARTIAL_PAYMENT_NOT_ALLOWED':
      return `услуга не допускает частичной оплаты: можно провести только весь остаток, ${rub(d.remaining)}`;
    case 'REMAINING_BELOW_MINIMUM':
      return `после оплаты ${rub(d.amount)} остаток к оплате составит ${rub(d.after)}, а он не должен быть менее ${rub(d.minRemaining)}: проведите не более ${rub(d.remaining - d.minRemaining)} или ровно ${rub(d.remaining)}`;
    case 'ALREADY_CANCELLED':
      return 'заказ уже отменен';
    case 'CAPACITY_EXCEEDED':
      return `мест в услуге: ${d.capacity}, и в самый загруженный момент периода занято ${d.booked}`;
    case 'OUTSIDE_OPENING_HOURS':
      return `период ${d.from}–${d.to} выходит за часы работы ${d.opensAt}–${d.closesAt}`;
    case 'INVALID_PERIOD':
      return d.ended ? `период ${d.date} ${d.from}–${d.to} уже прошел` : `период заканчивается (${d.to}) раньше, чем начинается (${d.from})`;
    case 'PREPAYMENT_TOO_SMALL':
      return d.partialPayment
        ? `гость вносит онлайн не менее ${d.percent} %: --prepay ${rub(d.needed)} или больше`
        : `услуга оплачивается онлайн целиком: --prepay ${rub(d.needed)}`;
    case 'TICKET_NOT_ACTIVE':
      return `билет ${d.ticket}: ${STATUS_RU[d.status] ?? d.status}, отметить посещение нельзя`;
    case 'TICKET_NOT_CONFIRMED':
      return `билет ${d.ticket}: заказ не оплачен полностью (${STATUS_RU[d.status] ?? d.status})`;
    case 'TICKET_NOT_TODAY':
      return `билет ${d.ticket} на ${d.date}, а сегодня ${d.today}`;
    case 'ASSIGNEE_NOT_ELIGIBLE':
      return `${d.login} не может быть исполнителем: это не менеджер по аренде, ответственный за услугу ${d.service}, и не администратор`;
    case 'APPLICANT_NOT_GUEST':
      return `${d.login} не гость локации: заказ оформляется на гостя (добавить гостя: cowork users add)`;
    default:
      return null;
  }
}

export function errorText(e: CoworkError, lang: Lang): string {
  if (lang === 'ru' && e instanceof RuleError) return ruRule(e) ?? e.message;
  return e.message;
}
