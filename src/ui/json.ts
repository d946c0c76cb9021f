/**
 * The JSON of SPEC.md: camelCase keys, money as integer kopecks with `currency`, times ISO-8601 UTC.
 * User text goes out exactly as stored: JSON escaping keeps it safe.
 */
import { refundDueOf, remainingOf } from '../core/orders.js';
import type { Message, Order, Payment, Service, User, UserRef } from '../core/types.js';
import { eventText, type Catalog } from './i18n.js';

const userJson = (u: UserRef | null) => (u ? { login: u.login, name: u.name, phone: u.phone, role: u.role } : null);

export function orderJson(o: Order) {
  return {
    number: o.number,
    status: o.status,
    createdAt: o.createdAt,
    createdBy: userJson(o.createdBy),
    service: { slug: o.service.slug, name: o.service.name, partialPayment: o.service.partialPayment },
    assignee: userJson(o.assignee),
    applicant: userJson(o.applicant),
    ticket: o.ticket
      ? {
          number: o.ticket.number,
          status: o.ticket.status,
          visitor: { name: o.ticket.visitor.name, phone: o.ticket.visitor.phone },
          start: o.ticket.start,
          end: o.ticket.end,
        }
      : null,
    lines: o.lines.map((l) => ({
      description: l.description,
      tariff: l.tariff,
      quantity: l.quantity,
      unitPrice: l.unitPrice,
      amount: l.amount,
    })),
    currency: 'RUB' as const,
    total: o.total,
    paid: o.paid,
    remaining: remainingOf(o),
    kept: o.kept,
    refundDue: refundDueOf(o),
    dueDate: o.dueDate,
    cancelledAt: o.cancelledAt,
    cancelReason: o.cancelReason,
  };
}

export function paymentJson(p: Payment) {
  return {
    id: p.id,
    order: p.orderNumber,
    kind: p.kind,
    amount: p.amount,
    currency: 'RUB' as const,
    method: p.method,
    source: p.source,
    createdAt: p.createdAt,
    recordedBy: userJson(p.recordedBy),
    externalId: p.externalId,
    idempotencyKey: p.idempotencyKey,
    reference: p.reference,
    fee: p.fee,
    reverses: p.reverses,
    reversedBy: p.reversedBy,
    warning: p.warning,
    reason: p.reason,
  };
}

export function messageJson(m: Message, t: Catalog) {
  const base = { id: m.id, order: m.orderNumber, visibility: m.visibility, author: userJson(m.author), createdAt: m.createdAt };
  if (m.event) {
    const { code, ...values } = m.event;
    return { ...base, event: code, values, body: eventText(m.event, t) };
  }
  return { ...base, body: m.text };
}

export function orderDetailJson(o: Order, payments: Payment[], messages: Message[], t: Catalog) {
  return {
    ...orderJson(o),
    payments: payments.map(paymentJson),
    messages: messages.map((m) => messageJson(m, t)),
  };
}

export function serviceJson(s: Service) {
  return {
    slug: s.slug,
    name: s.name,
    location: { key: s.location.key, name: s.location.name, timeZone: s.location.timeZone, minRemaining: s.location.minRemaining },
    capacity: s.capacity,
    opensAt: s.opensAt,
    closesAt: s.closesAt,
    partialPayment: s.partialPayment,
    minPrepaymentPercent: s.minPrepaymentPercent,
    currency: 'RUB' as const,
    tariffs: s.tariffs.map((t) => ({ name: t.name, unit: t.unit, price: t.price })),
    managers: s.managers,
  };
}

export function userFullJson(u: User) {
  return { login: u.login, name: u.name, phone: u.phone, email: u.email, role: u.role };
}
