/**
 * Orders: viewing one (rule 1), booking (rule 7), handing to a colleague (rule 6), cancelling
 * (rule 5). Each write is one transaction that locks what it changes, decides by the core, and
 * writes the change with its system message, or nothing (rule 8).
 */
import {
  assertCanProcess,
  assertCanView,
  canKnowService,
  assertEligibleAssignee,
  assertStaff,
  canProcess,
  canSee,
  canView,
} from '../core/access.js';
import { checkCapacity, checkPeriod, minPrepayment, peakOccupancy, pickTariff, priceBooking } from '../core/booking.js';
import { ConflictError, NotAllowedError, NotFoundError, RuleError, UsageError } from '../core/errors.js';
import type { Kopecks } from '../core/money.js';
import { cancelOrder as cancelRule, payThroughGateway, statusFor } from '../core/orders.js';
import { localInstant } from '../core/time.js';
import type { Message, Order, OrderEvent, Payment, Service, User } from '../core/types.js';
import type { Store } from '../store/index.js';
import type { Actor, Tx, UnitOfWork } from './context.js';
import { orderToProcess } from './payments.js';

/** An order as the actor may see it: its payments, and the messages of the feed they may read. */
export interface OrderView {
  order: Order;
  payments: Payment[];
  messages: Message[];
  /** Whether the actor may process it (record payments, cancel, assign; read internal messages). */
  staff: boolean;
}

export async function viewOrder(store: Pick<Store, 'order' | 'payments' | 'messages'>, actor: Actor, number: number): Promise<OrderView> {
  const order = await store.order(number);
  if (!order) throw new NotFoundError('orderNotFound', { number });
  assertCanView(actor, order);
  const [payments, all] = await Promise.all([store.payments(number), store.messages(number)]);
  return {
    order,
    payments,
    messages: all.filter((m) => canSee(actor, order.service, m.visibility)),
    staff: canProcess(actor, order.service),
  };
}

export interface BookingInput {
  service: Service;
  /** The guest who books; a guest books for themselves. */
  applicant: User;
  date: string;
  from: string;
  to: string;
  tariff?: string | undefined;
  visitorName?: string | undefined;
  /** Normalised already (+7…); null: none. */
  visitorPhone?: string | null | undefined;
  /** A guest's online payment made when booking. */
  prepay?: Kopecks | undefined;
  /** The gateway's id of that online payment, which its statement will show. */
  paymentId?: string | undefined;
  /** Makes a retried booking safe: the same key with the same booking makes one order. */
  idempotencyKey?: string | undefined;
}

/**
 * The checks of a booking that need no database: who books for whom, the period, the tariff, the
 * price, the prepayment. Returns what the booking will be.
 */
export function planBooking(actor: Actor, input: BookingInput, now: Date) {
  const { service, applicant } = input;
  if (actor.role === 'guest') {
    if (applicant.id !== actor.id) throw new NotAllowedError('guestBooksForSelf');
  } else {
    assertStaff(actor);
    // A service the manager is not responsible for is one they do not know of (rule 8a).
    if (!canKnowService(actor, service)) throw new NotFoundError('serviceNotFound', { slug: service.slug });
    assertCanProcess(actor, service);
    if (applicant.role !== 'guest') throw new RuleError('APPLICANT_NOT_GUEST', { login: applicant.login, role: applicant.role });
  }
  const tariff = pickTariff(service, input.tariff);
  checkPeriod(service, input);
  const tz = service.location.timeZone;
  const instant = (time: string) => {
    const at = localInstant(input.date, time, tz);
    if (!at) throw new RuleError('LOCAL_TIME_MISSING', { date: input.date, time, zone: tz });
    return at;
  };
  const startAt = instant(input.from);
  const endAt = instant(input.to);
  // Billed by the time that really passes: across a change of the clocks, 01:00–04:00 may be 2 or 4 hours.
  const minutes = (endAt.getTime() - startAt.getTime()) / 60_000;
  const start = startAt.toISOString();
  const end = endAt.toISOString();
  if (end <= now.toISOString()) throw new RuleError('PERIOD_ENDED', { date: input.date, from: input.from, to: input.to });
  const line = priceBooking(service, tariff, minutes);
  if (input.prepay !== undefined && actor.role !== 'guest') throw new UsageError('prepayForGuests');
  if (input.paymentId !== undefined && input.prepay === undefined)
    throw new UsageError('goesWith', { flag: '--payment-id', with: '--prepay' });
  const needed = actor.role === 'guest' ? minPrepayment(service, line.amount) : 0;
  if (needed > 0 && (input.prepay ?? 0) < needed) {
    throw new RuleError('PREPAYMENT_TOO_SMALL', { needed, percent: service.minPrepaymentPercent, partialPayment: service.partialPayment });
  }
  return { line, start, end };
}

export interface BookingResult {
  order: Order;
  events: OrderEvent[];
  /** True when the idempotency key had already made this booking: nothing was written. */
  replayed: boolean;
}

/**
 * A booking already made under `key`: the same one again (service, applicant, period, total) is
 * that order; anything else is a conflict that says nothing of the other order.
 */
async function replayBooking(
  tx: Tx,
  actor: Actor,
  key: string,
  plan: { service: Service; applicant: User; start: string; end: string; total: Kopecks },
): Promise<Order | null> {
  const number = await tx.orderByKey(key);
  if (number === null) return null;
  const order = await tx.lockOrder(number);
  const same =
    order !== null &&
    canView(actor, order) &&
    order.service.id === plan.service.id &&
    order.applicant.login === plan.applicant.login &&
    order.ticket?.start === plan.start &&
    order.ticket.end === plan.end &&
    order.total === plan.total;
  if (!same) throw new ConflictError('bookingKeyConflict', { key });
  return order;
}

export async function createBooking(uow: UnitOfWork, actor: Actor, input: BookingInput, at: Date): Promise<BookingResult> {
  const { line, start, end } = planBooking(actor, input, at);
  const { service, applicant } = input;
  const createdAt = at.toISOString();
  return uow.write(async (tx) => {
    const key = input.idempotencyKey;
    if (key !== undefined) {
      const replayed = await replayBooking(tx, actor, key, { service, applicant, start, end, total: line.amount });
      if (replayed) return { order: replayed, events: [], replayed: true };
    }
    if (input.paymentId !== undefined && (await tx.paymentByExternalId(input.paymentId)))
      throw new ConflictError('externalIdConflict', { id: input.paymentId });
    checkCapacity(service, peakOccupancy(await tx.overlappingBookings(service.id, start, end), start, end));
    const number = await tx.nextNumber('order', 1000001);
    const ticket = await tx.nextNumber('ticket', 1);
    const created = { code: 'order_created' as const, by: actor.name, total: line.amount };
    const status = statusFor(line.amount, 0);
    await tx.writeOrder(
      {
        number,
        ticket,
        createdAt,
        createdBy: actor.id,
        serviceId: service.id,
        applicantId: applicant.id,
        dueDate: input.date,
        minRemaining: service.location.minRemaining,
        line,
        visitorName: input.visitorName ?? applicant.name,
        visitorPhone: input.visitorPhone !== undefined ? input.visitorPhone : input.visitorName !== undefined ? null : applicant.phone,
        start,
        end,
        status,
      },
      created,
      key ?? null,
    );
    const events: OrderEvent[] = [created];
    if (input.prepay !== undefined) {
      const before = {
        number,
        status,
        total: line.amount,
        paid: 0,
        minRemaining: service.location.minRemaining,
        partialPayment: service.partialPayment,
        kept: 0,
      };
      const paid = payThroughGateway(before, { amount: input.prepay, method: 'card' });
      await tx.writePayment(
        before,
        paid.order,
        {
          orderNumber: number,
          amount: input.prepay,
          method: 'card',
          source: 'gateway',
          recordedBy: null,
          createdAt,
          externalId: input.paymentId ?? null,
        },
        paid.event,
      );
      events.push(paid.event);
    }
    const order = await tx.lockOrder(number);
    if (!order) throw new NotFoundError('orderNotFound', { number });
    return { order, events, replayed: false };
  });
}

export interface AssignResult {
  order: Order;
  /** False when the order already had that executor: nothing was written. */
  changed: boolean;
  events: OrderEvent[];
}

/** `login`: a user's login, or null to leave the order without an executor. */
export async function assignOrder(
  uow: UnitOfWork,
  actor: Actor,
  input: { number: number; login: string | null },
  at: Date,
): Promise<AssignResult> {
  return uow.write(async (tx) => {
    const order = await orderToProcess((n) => tx.lockOrder(n), actor, input.number);
    const target = input.login === null ? null : await tx.user(input.login);
    if (input.login !== null && !target) throw new NotFoundError('userNotFound', { login: input.login });
    if (target) assertEligibleAssignee(target, order.service);
    if (order.status === 'cancelled') throw new RuleError('ORDER_CANCELLED');
    // Assigning the executor an order already has is done already: nothing to write, nothing to refuse.
    if ((order.assignee?.login ?? null) === (target?.login ?? null)) return { order, changed: false, events: [] };
    const event: OrderEvent = { code: 'assignee_changed', to: target?.name ?? null, by: actor.name };
    await tx.writeAssignee(order.number, target?.id ?? null, at.toISOString(), event);
    return { order: await orderToProcess((n) => tx.lockOrder(n), actor, order.number), changed: true, events: [event] };
  });
}

export interface CancelResult {
  order: Order;
  refundDue: Kopecks;
  events: OrderEvent[];
}

export async function cancelOrder(
  uow: UnitOfWork,
  actor: Actor,
  input: { number: number; reason: string | null; keep?: Kopecks | undefined },
  at: Date,
): Promise<CancelResult> {
  return uow.write(async (tx) => {
    const order = await orderToProcess((n) => tx.lockOrder(n), actor, input.number);
    const { order: next, event } = cancelRule(order, { by: actor.name, reason: input.reason, keep: input.keep ?? 0 });
    await tx.writeCancel(order, { by: actor.id, at: at.toISOString(), reason: input.reason, kept: next.kept }, event);
    return { order: await orderToProcess((n) => tx.lockOrder(n), actor, order.number), refundDue: next.refundDue, events: [event] };
  });
}
