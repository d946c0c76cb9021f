/**
 * A deterministic generator of realistic orders, for load tests and demos: every status, prepayments
 * and desk payments that keep the 50 ₽ floor, public and internal messages, and the audit trail the
 * commands write (creation, executor, payments, cancellation) as system messages. Pure: the same
 * seed and inputs give the same orders; bookings are laid out so that no service is ever booked
 * over its capacity.
 */
import { checkPaymentAmount, applyCancel, applyPayment, statusFor } from './orders.js';
import { minPrepayment } from './booking.js';
import { addDays, localDate, minutesOf, zonedToUtc } from './time.js';
import type { OrderEvent, OrderMoney, OrderStatus, PaymentMethod, Service, User } from './types.js';

/** mulberry32: small, fast, good enough for test data, and the same everywhere. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface PlannedOrder {
  number: number;
  ticket: number;
  serviceId: number;
  applicantId: number;
  createdById: number;
  assigneeId: number | null;
  createdAt: string;
  status: OrderStatus;
  dueDate: string;
  start: string;
  end: string;
  visitorName: string;
  visitorPhone: string | null;
  line: { description: string; tariff: string; quantity: number; unitPrice: number; amount: number };
  total: number;
  paid: number;
  minRemaining: number;
  cancelledAt: string | null;
  cancelledById: number | null;
  cancelReason: string | null;
  payments: {
    amount: number;
    method: PaymentMethod;
    source: 'gateway' | 'manager';
    recordedById: number | null;
    at: string;
    externalId: string;
  }[];
  messages: {
    visibility: 'public' | 'internal' | 'system';
    authorId: number | null;
    text: string | null;
    event: OrderEvent | null;
    at: string;
  }[];
}

const PUBLIC_GUEST = [
  'Подскажите, есть ли парковка рядом?',
  'Можно ли прийти на полчаса раньше?',
  'Остаток оплачу на месте.',
  'Нужен монитор к рабочему месту.',
];
const PUBLIC_MANAGER = ['Да, конечно, ждём вас.', 'Оплатить остаток можно на ресепшене.', 'Место за вами.'];
const INTERNAL = ['Гость постоянный, предложить абонемент.', 'Проверить оплату по выписке.', 'Подготовить переговорную заранее.'];
const REASONS = ['Гость попросил отменить', 'Изменились планы гостя', null];

export interface GenerateInput {
  count: number;
  seed: number;
  now: Date;
  services: Service[];
  guests: User[];
  staff: User[];
  firstNumber: number;
  firstTicket: number;
  /** `${serviceId} ${YYYY-MM-DD}` of the local days that already hold live bookings: left alone. */
  busyDays?: ReadonlySet<string>;
}

/** The services orders can be planned for: with a tariff and at least an hour of opening. */
export function bookableServices(services: readonly Service[]): Service[] {
  return services.filter((s) => s.tariffs.length > 0 && minutesOf(s.closesAt) - minutesOf(s.opensAt) >= 60);
}

/** What planOrders lacks to plan any order: a service to book, or a guest to book for; null: nothing. */
export function missingToPlan(input: Pick<GenerateInput, 'services' | 'guests'>): 'services' | 'guests' | null {
  if (bookableServices(input.services).length === 0) return 'services';
  return input.guests.length === 0 ? 'guests' : null;
}

export function* planOrders(input: GenerateInput): Generator<PlannedOrder> {
  const rnd = prng(input.seed);
  const pick = <T>(xs: readonly T[]): T => {
    const x = xs[Math.floor(rnd() * xs.length)];
    if (x === undefined) throw new RangeError('nothing to pick from');
    return x;
  };
  const services = bookableServices(input.services);
  const [first] = services;
  if (!first || !input.guests.length) return;
  // Bookings are packed back in time from a week ahead of `now`: each service has `capacity`
  // lanes, a lane holds bookings back to back within the opening hours, and a day is full when
  // every lane is. So at most `capacity` bookings ever overlap, and busy services fill fewer days.
  const lanes = new Map<number, { day: number; lane: number; cursor: number }>();
  const totalSeats = services.reduce((a, s) => a + s.capacity, 0);
  const pickService = () => {
    let x = rnd() * totalSeats;
    for (const s of services) if ((x -= s.capacity) < 0) return s;
    return services.at(-1) ?? first;
  };
  const instants = new Map<string, Date>();
  const instant = (day: string, time: string, tz: string) => {
    const key = `${day} ${time} ${tz}`;
    let t = instants.get(key);
    if (!t) instants.set(key, (t = zonedToUtc(day, time, tz)));
    return t;
  };
  const hm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  const today = localDate(input.now, first.location.timeZone);
  for (let i = 0; i < input.count; i++) {
    const service = pickService();
    const tz = service.location.timeZone;
    const open = minutesOf(service.opensAt);
    const close = minutesOf(service.closesAt);
    const l = lanes.get(service.id) ?? { day: 7, lane: 0, cursor: open };
    let hours = 1 + Math.floor(rnd() * 4);
    hours = Math.min(hours, Math.floor((close - open) / 60));
    if (l.cursor + hours * 60 > close) {
      l.cursor = open;
      if (++l.lane >= service.capacity) {
        l.lane = 0;
        l.day--;
      }
    }
    // A day that already holds bookings of the service (an earlier run, the demo) is skipped whole.
    while (l.lane === 0 && l.cursor === open && input.busyDays?.has(`${service.id} ${addDays(today, l.day)}`)) l.day--;
    const day = addDays(today, l.day);
    const start = instant(day, hm(l.cursor), tz);
    const end = instant(day, hm(l.cursor + hours * 60), tz);
    l.cursor += hours * 60;
    lanes.set(service.id, l);
    const [tariff] = service.tariffs;
    if (!tariff) continue;
    const quantity = tariff.unit === 'hour' ? hours : 1;
    const total = tariff.price * quantity;
    // Booked 1–72 hours ahead, and never after the clock: bookings may lie ahead, their creation,
    // payments and messages have happened.
    const nowMs = input.now.getTime();
    const createdAt = new Date(
      Math.min(start.getTime() - (1 + Math.floor(rnd() * 72)) * 3600_000, nowMs - 3 * 3600_000) - Math.floor(rnd() * 3600) * 1000,
    );
    const guest = pick(input.guests);
    const managers = input.staff.filter((u) => u.role === 'admin' || service.managers.includes(u.login));
    const manager = managers.length ? pick(managers) : null;
    const byManager = manager !== null && rnd() < 0.3;
    let money: OrderMoney = {
      status: statusFor(total, 0),
      total,
      paid: 0,
      minRemaining: service.location.minRemaining,
      partialPayment: service.partialPayment,
      kept: 0,
    };
    const number = input.firstNumber + i;
    const o: PlannedOrder = {
      number,
      ticket: input.firstTicket + i,
      serviceId: service.id,
      applicantId: guest.id,
      createdById: byManager && manager ? manager.id : guest.id,
      assigneeId: manager !== null && rnd() < 0.4 ? manager.id : null,
      createdAt: createdAt.toISOString(),
      status: money.status,
      dueDate: day,
      start: start.toISOString(),
      end: end.toISOString(),
      visitorName: guest.name,
      visitorPhone: guest.phone,
      line: { description: service.name, tariff: tariff.name, quantity, unitPrice: tariff.price, amount: total },
      total,
      paid: 0,
      minRemaining: money.minRemaining,
      cancelledAt: null,
      cancelledById: null,
      cancelReason: null,
      payments: [],
      messages: [],
    };
    // The audit trail of `orders create` and `orders assign`: its creation, then its executor.
    const system = (event: OrderEvent) => o.messages.push({ visibility: 'system', authorId: null, text: null, event, at: o.createdAt });
    system({ code: 'order_created', by: byManager && manager ? manager.name : guest.name, total });
    if (manager && o.assigneeId !== null) system({ code: 'assignee_changed', to: manager.name, by: manager.name });
    let t = createdAt.getTime();
    const later = () => {
      // Each event comes after the one before, within the time left before now.
      const room = Math.max(1000, nowMs - t);
      t += Math.max(1, Math.floor(rnd() * Math.min(3_600_000, room / 4)));
      return new Date(Math.min(t, nowMs)).toISOString();
    };
    const pay = (amount: number, source: 'gateway' | 'manager') => {
      const by = source === 'manager' ? manager : null;
      if (source === 'manager' && !by) return;
      try {
        checkPaymentAmount(money, amount);
      } catch {
        return;
      }
      money = applyPayment(money, amount);
      const at = later();
      const method: PaymentMethod = source === 'gateway' ? 'card' : pick(['cash', 'card', 'transfer'] as const);
      o.payments.push({
        amount,
        method,
        source,
        recordedById: by ? by.id : null,
        at,
        externalId: `gen-${input.seed}-${number}-${o.payments.length + 1}`,
      });
      o.messages.push({
        visibility: 'system',
        authorId: null,
        text: null,
        at,
        event: by ? { code: 'payment_recorded', amount, method, by: by.name } : { code: 'payment_gateway', amount, method, warning: null },
      });
    };
    const r = rnd();
    if (total > 0 && r < 0.35) {
      // Paid in full: online, or a prepayment and the rest at the desk.
      if (service.partialPayment && manager && rnd() < 0.5) {
        pay(minPrepayment(service, total), 'gateway');
        pay(money.total - money.paid, 'manager');
      } else pay(total, 'gateway');
    } else if (total > 0 && r < 0.65 && service.partialPayment) {
      pay(minPrepayment(service, total), 'gateway');
      const left = money.total - money.paid - money.minRemaining;
      if (manager && left >= 100 && rnd() < 0.4) pay(100 * Math.max(1, Math.floor((rnd() * left) / 100)), 'manager');
    } else if (total > 0 && r < 0.8 && manager) {
      if (service.partialPayment && rnd() < 0.5) pay(minPrepayment(service, total), 'gateway');
      const c = applyCancel(money);
      money = c;
      const reason = pick(REASONS);
      o.cancelledAt = later();
      o.cancelledById = manager.id;
      o.cancelReason = reason;
      o.messages.push({
        visibility: 'system',
        authorId: null,
        text: null,
        at: o.cancelledAt,
        event: { code: 'order_cancelled', by: manager.name, reason, refundDue: c.refundDue, kept: 0 },
      });
    }
    if (rnd() < 0.35) o.messages.push({ visibility: 'public', authorId: guest.id, text: pick(PUBLIC_GUEST), event: null, at: later() });
    if (manager && rnd() < 0.25)
      o.messages.push({ visibility: 'public', authorId: manager.id, text: pick(PUBLIC_MANAGER), event: null, at: later() });
    if (manager && rnd() < 0.2)
      o.messages.push({ visibility: 'internal', authorId: manager.id, text: pick(INTERNAL), event: null, at: later() });
    o.status = money.status;
    o.paid = money.paid;
    yield o;
  }
}
