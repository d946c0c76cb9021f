/**
 * More invariants of the order generator (src/core/generate.ts): what each planned order says
 * agrees with itself (events and payments, cancellation and its money, who did what), with the
 * clock, and with the days left alone.
 */
import { describe, expect, it } from 'vitest';
import { planOrders, type GenerateInput, type PlannedOrder } from '../../src/core/generate.js';
import { addDays, localDate } from '../../src/core/time.js';
import type { Location, Service, User } from '../../src/core/types.js';

const perm: Location = { id: 1, key: 'perm', name: 'Пермь', timeZone: 'Asia/Yekaterinburg', currency: 'RUB', minRemaining: 5000 };
const berlin: Location = { id: 2, key: 'berlin', name: 'Berlin', timeZone: 'Europe/Berlin', currency: 'RUB', minRemaining: 10000 };

const base = {
  location: perm,
  opensAt: '08:00',
  closesAt: '22:00',
  partialPayment: true,
  minPrepaymentPercent: 30,
  managers: ['manager'],
};

const services: Service[] = [
  {
    ...base,
    id: 1,
    slug: 'coworking-2',
    name: 'Коворкинг на 2 этаже',
    capacity: 20,
    tariffs: [{ name: 'Стандарт', unit: 'hour', price: 10000 }],
  },
  {
    ...base,
    id: 2,
    slug: 'meeting-room',
    name: 'Переговорная',
    capacity: 1,
    partialPayment: false,
    minPrepaymentPercent: 0,
    tariffs: [{ name: 'Стандарт', unit: 'hour', price: 100000 }],
    managers: ['manager', 'manager2'],
  },
  {
    ...base,
    id: 3,
    slug: 'desk-day',
    name: 'Стол на день',
    location: berlin,
    capacity: 3,
    opensAt: '09:30',
    closesAt: '18:00',
    minPrepaymentPercent: 50,
    tariffs: [{ name: 'День', unit: 'day', price: 120000 }],
    managers: [],
  },
  // Never bookable: no tariff; open less than an hour.
  { ...base, id: 4, slug: 'no-tariff', name: 'Без тарифа', capacity: 50, tariffs: [] },
  {
    ...base,
    id: 5,
    slug: 'short',
    name: 'Полчаса',
    capacity: 50,
    opensAt: '10:00',
    closesAt: '10:59',
    tariffs: [{ name: 'Стандарт', unit: 'hour', price: 100 }],
  },
];

const users: User[] = [
  { id: 1, login: 'admin', name: 'Анна Белова', phone: null, email: null, role: 'admin' },
  { id: 2, login: 'manager', name: 'Ольга Смирнова', phone: '+73422000001', email: null, role: 'rental_manager' },
  { id: 3, login: 'manager2', name: 'Дмитрий Козлов', phone: null, email: null, role: 'rental_manager' },
  { id: 4, login: 'troshkov', name: 'Алексей Трошков', phone: '+73422545454', email: null, role: 'guest' },
  { id: 5, login: 'ivanova', name: 'Мария Иванова', phone: null, email: null, role: 'guest' },
];
const byId = new Map(users.map((u) => [u.id, u]));
const NOW = new Date('2023-08-11T13:40:00+05:00');
const TODAY = '2023-08-11';

const input = (seed: number, more: Partial<GenerateInput> = {}): GenerateInput => ({
  count: 500,
  seed,
  now: NOW,
  services,
  guests: users.filter((u) => u.role === 'guest'),
  staff: users.filter((u) => u.role !== 'guest'),
  firstNumber: 2000001,
  firstTicket: 1,
  ...more,
});
const plan = (seed: number, more?: Partial<GenerateInput>): PlannedOrder[] => [...planOrders(input(seed, more))];
const serviceOf = (o: PlannedOrder) => services.find((s) => s.id === o.serviceId)!;
const eligible = (o: PlannedOrder, id: number) => {
  const u = byId.get(id)!;
  return u.role === 'admin' || (u.role === 'rental_manager' && serviceOf(o).managers.includes(u.login));
};

const seeds = [1, 7, 2023];

describe.each(seeds)('planOrders, seed %i', (seed) => {
  const orders = plan(seed);

  it('books only services with a tariff and at least an hour of opening', () => {
    expect(new Set(orders.map((o) => o.serviceId))).toEqual(new Set([1, 2, 3]));
  });

  it('picks services in proportion to their seats', () => {
    const count = (id: number) => orders.filter((o) => o.serviceId === id).length;
    expect(count(1)).toBeGreaterThan(count(3));
    expect(count(3)).toBeGreaterThan(count(2));
    expect(count(1)).toBeGreaterThan(orders.length / 2);
  });

  it('each payment has its system message, at its time, saying what it was', () => {
    for (const o of orders) {
      const events = o.messages.filter((m) => m.event?.code === 'payment_gateway' || m.event?.code === 'payment_recorded');
      expect(events).toHaveLength(o.payments.length);
      o.payments.forEach((p, i) => {
        const m = events[i]!;
        expect(m).toMatchObject({ visibility: 'system', authorId: null, text: null, at: p.at });
        if (p.source === 'gateway') {
          expect(p.method).toBe('card');
          expect(p.recordedById).toBeNull();
          expect(m.event).toEqual({ code: 'payment_gateway', amount: p.amount, method: 'card', warning: null });
        } else {
          expect(p.recordedById).not.toBeNull();
          expect(eligible(o, p.recordedById!)).toBe(true);
          expect(m.event).toEqual({ code: 'payment_recorded', amount: p.amount, method: p.method, by: byId.get(p.recordedById!)!.name });
        }
        expect(p.externalId).toBe(`gen-${seed}-${o.number}-${i + 1}`);
        expect(p.amount).toBeGreaterThan(0);
      });
    }
  });

  it('desk payments appear, and every method', () => {
    const all = orders.flatMap((o) => o.payments);
    expect(all.some((p) => p.source === 'manager')).toBe(true);
    expect(new Set(all.map((p) => p.method))).toEqual(new Set(['card', 'cash', 'transfer']));
  });

  it('a cancelled order says so once, by an eligible manager, with the money paid due for refund', () => {
    const cancelled = orders.filter((o) => o.status === 'cancelled');
    expect(cancelled.length).toBeGreaterThan(0);
    for (const o of orders) {
      const events = o.messages.filter((m) => m.event?.code === 'order_cancelled');
      if (o.status !== 'cancelled') {
        expect(events).toEqual([]);
        expect([o.cancelledAt, o.cancelledById, o.cancelReason]).toEqual([null, null, null]);
        continue;
      }
      expect(events).toHaveLength(1);
      expect(eligible(o, o.cancelledById!)).toBe(true);
      expect(events[0]).toMatchObject({
        visibility: 'system',
        at: o.cancelledAt,
        event: { code: 'order_cancelled', by: byId.get(o.cancelledById!)!.name, reason: o.cancelReason, refundDue: o.paid },
      });
      for (const p of o.payments) expect(p.at <= o.cancelledAt!).toBe(true);
    }
    expect(new Set(cancelled.map((o) => o.cancelReason))).toEqual(new Set(['Гость попросил отменить', 'Изменились планы гостя', null]));
  });

  it('nothing happens after the clock; an order is made at least 3 hours before it, before its start', () => {
    const now = NOW.toISOString();
    for (const o of orders) {
      expect(Date.parse(o.createdAt)).toBeLessThanOrEqual(NOW.getTime() - 3 * 3600_000);
      expect(Date.parse(o.start) - Date.parse(o.createdAt)).toBeGreaterThanOrEqual(3600_000);
      for (const p of o.payments) expect(p.at <= now).toBe(true);
      for (const m of o.messages) expect(m.at <= now).toBe(true);
    }
  });

  it('events follow each other in time', () => {
    for (const o of orders) {
      const times = o.messages.map((m) => m.at);
      expect([...times].sort()).toEqual(times);
    }
  });

  it('the applicant is a guest and the visitor; the creator is the guest or eligible staff; the executor eligible', () => {
    for (const o of orders) {
      const guest = byId.get(o.applicantId)!;
      expect(guest.role).toBe('guest');
      expect(o.visitorName).toBe(guest.name);
      expect(o.visitorPhone).toBe(guest.phone);
      expect(o.createdById === o.applicantId || eligible(o, o.createdById)).toBe(true);
      if (o.assigneeId !== null) expect(eligible(o, o.assigneeId)).toBe(true);
    }
    expect(orders.some((o) => o.assigneeId !== null)).toBe(true);
    expect(orders.some((o) => o.createdById !== o.applicantId)).toBe(true);
  });

  it('messages by people are by the guest or eligible staff, internal ones by staff', () => {
    for (const o of orders) {
      for (const m of o.messages.filter((x) => x.visibility !== 'system')) {
        expect(m.event).toBeNull();
        expect(typeof m.text).toBe('string');
        if (m.visibility === 'internal') expect(eligible(o, m.authorId!)).toBe(true);
        else expect(m.authorId === o.applicantId || eligible(o, m.authorId!)).toBe(true);
      }
    }
    expect(orders.some((o) => o.messages.some((m) => m.visibility === 'internal'))).toBe(true);
  });

  it('the line: hours of an hourly tariff, one of a daily one; the due date is the local day of the start', () => {
    for (const o of orders) {
      const svc = serviceOf(o);
      const hours = (Date.parse(o.end) - Date.parse(o.start)) / 3600_000;
      expect(hours >= 1 && hours <= 4 && Number.isInteger(hours)).toBe(true);
      expect(o.line.quantity).toBe(svc.tariffs[0]!.unit === 'hour' ? hours : 1);
      expect(o.line).toMatchObject({ description: svc.name, tariff: svc.tariffs[0]!.name, unitPrice: svc.tariffs[0]!.price });
      expect(o.dueDate).toBe(localDate(new Date(o.start), svc.location.timeZone));
      expect(o.minRemaining).toBe(svc.location.minRemaining);
      if (o.status !== 'cancelled' && o.paid > 0 && o.paid < o.total) expect(o.total - o.paid).toBeGreaterThanOrEqual(o.minRemaining);
    }
  });

  it('fills days back from a week ahead: the first booking of each service is then, at its opening', () => {
    for (const svc of services.slice(0, 3)) {
      const first = orders.find((o) => o.serviceId === svc.id)!;
      expect(first.dueDate).toBe(addDays(TODAY, 7));
      const opens = new Intl.DateTimeFormat('en-GB', {
        timeZone: svc.location.timeZone,
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      });
      expect(opens.format(new Date(first.start))).toBe(svc.opensAt);
      const days = orders.filter((o) => o.serviceId === svc.id).map((o) => o.dueDate);
      expect([...days].sort().reverse()).toEqual(days);
    }
  });
});

describe('planOrders and days already booked', () => {
  it('leaves the busy days of a service alone, and only of that service', () => {
    const busy = new Set([`2 ${addDays(TODAY, 7)}`, `2 ${addDays(TODAY, 6)}`, `1 ${addDays(TODAY, 7)}`]);
    const orders = plan(5, { busyDays: busy });
    for (const o of orders) expect(busy.has(`${o.serviceId} ${o.dueDate}`)).toBe(false);
    expect(orders.filter((o) => o.serviceId === 2)[0]!.dueDate).toBe(addDays(TODAY, 5));
    expect(orders.filter((o) => o.serviceId === 1)[0]!.dueDate).toBe(addDays(TODAY, 6));
    expect(orders.filter((o) => o.serviceId === 3)[0]!.dueDate).toBe(addDays(TODAY, 7));
  });

  it('without busy days, the same as with an empty set', () => {
    expect(plan(5, { busyDays: new Set() })).toEqual(plan(5));
  });
});

describe('planOrders without staff', () => {
  it('no one to take a desk payment or cancel: only gateway money, nothing cancelled, no executor', () => {
    const orders = plan(9, { staff: [] });
    expect(orders).toHaveLength(500);
    for (const o of orders) {
      expect(o.status).not.toBe('cancelled');
      expect(o.assigneeId).toBeNull();
      expect(o.createdById).toBe(o.applicantId);
      for (const p of o.payments) expect(p.source).toBe('gateway');
      for (const m of o.messages) if (m.visibility !== 'system') expect(m.authorId).toBe(o.applicantId);
    }
  });
});
