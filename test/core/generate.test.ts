/**
 * The order generator of `seed --orders` (src/core/generate.ts): deterministic, and every order it
 * plans keeps the rules (opening hours, capacity, the money rules).
 */
import { describe, expect, it } from 'vitest';
import { planOrders, prng, type GenerateInput, type PlannedOrder } from '../../src/core/generate.js';
import type { Location, Service, User } from '../../src/core/types.js';

const perm: Location = { id: 1, key: 'perm', name: 'Пермь', timeZone: 'Asia/Yekaterinburg', currency: 'RUB', minRemaining: 5000 };

const services: Service[] = [
  {
    id: 1,
    slug: 'coworking-2',
    name: 'Коворкинг на 2 этаже',
    location: perm,
    capacity: 20,
    opensAt: '08:00',
    closesAt: '22:00',
    partialPayment: true,
    minPrepaymentPercent: 30,
    tariffs: [{ name: 'Стандарт', unit: 'hour', price: 10000 }],
    managers: ['manager'],
  },
  {
    id: 2,
    slug: 'meeting-room',
    name: 'Переговорная',
    location: perm,
    capacity: 1,
    opensAt: '08:00',
    closesAt: '22:00',
    partialPayment: false,
    minPrepaymentPercent: 0,
    tariffs: [{ name: 'Стандарт', unit: 'hour', price: 100000 }],
    managers: ['manager', 'manager2'],
  },
  {
    id: 3,
    slug: 'desk-day',
    name: 'Стол на день',
    location: perm,
    capacity: 3,
    opensAt: '09:30',
    closesAt: '18:00',
    partialPayment: true,
    minPrepaymentPercent: 50,
    tariffs: [{ name: 'День', unit: 'day', price: 120000 }],
    managers: [],
  },
];

const users: User[] = [
  { id: 1, login: 'admin', name: 'Анна Белова', phone: null, email: null, role: 'admin' },
  { id: 2, login: 'manager', name: 'Ольга Смирнова', phone: '+73422000001', email: null, role: 'rental_manager' },
  { id: 3, login: 'manager2', name: 'Дмитрий Козлов', phone: null, email: null, role: 'rental_manager' },
  { id: 4, login: 'troshkov', name: 'Алексей Трошков', phone: '+73422545454', email: null, role: 'guest' },
  { id: 5, login: 'ivanova', name: 'Мария Иванова', phone: null, email: null, role: 'guest' },
];

const input = (seed: number, count = 600): GenerateInput => ({
  count,
  seed,
  now: new Date('2023-08-11T13:40:00+05:00'),
  services,
  guests: users.filter((u) => u.role === 'guest'),
  staff: users.filter((u) => u.role !== 'guest'),
  firstNumber: 1006316,
  firstTicket: 210,
});

const plan = (seed: number, count?: number): PlannedOrder[] => [...planOrders(input(seed, count))];

describe('prng', () => {
  it('the same seed gives the same sequence, in [0, 1)', () => {
    const a = prng(42);
    const b = prng(42);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(xs);
    for (const x of xs) expect(x >= 0 && x < 1).toBe(true);
    const c = prng(43);
    expect(Array.from({ length: 10 }, () => c())).not.toEqual(xs.slice(0, 10));
  });
});

describe('planOrders', () => {
  const a = plan(3);

  it('is deterministic: the same seed and inputs give the same plans', () => {
    expect(plan(3)).toEqual(a);
  });

  it('a prefix of a longer run is the shorter run', () => {
    expect(plan(3, 200)).toEqual(a.slice(0, 200));
  });

  it('another seed gives other plans', () => {
    const b = plan(4);
    expect(b).toHaveLength(a.length);
    expect(b).not.toEqual(a);
  });

  it('plans the count asked, numbered from firstNumber and firstTicket', () => {
    expect(a).toHaveLength(600);
    expect(a.map((o) => o.number)).toEqual(a.map((_, i) => 1006316 + i));
    expect(a.map((o) => o.ticket)).toEqual(a.map((_, i) => 210 + i));
  });

  it('nothing to plan without guests or bookable services', () => {
    expect([...planOrders({ ...input(1), guests: [] })]).toEqual([]);
    expect([...planOrders({ ...input(1), services: [] })]).toEqual([]);
  });

  it('every status appears', () => {
    expect(new Set(a.map((o) => o.status))).toEqual(new Set(['awaiting_payment', 'partially_paid', 'confirmed', 'cancelled']));
  });

  it('the money of every order keeps the rules', () => {
    for (const o of a) {
      const svc = services.find((s) => s.id === o.serviceId)!;
      expect(o.total).toBe(o.line.amount);
      expect(o.line.amount).toBe(o.line.quantity * o.line.unitPrice);
      expect(o.paid).toBe(o.payments.reduce((s, p) => s + p.amount, 0));
      expect(o.paid).toBeLessThanOrEqual(o.total);
      if (o.status !== 'cancelled') {
        const remaining = o.total - o.paid;
        expect(o.status).toBe(remaining === 0 ? 'confirmed' : o.paid === 0 ? 'awaiting_payment' : 'partially_paid');
        if (o.paid > 0) expect(remaining === 0 || remaining >= 5000, `order ${o.number}: remaining ${remaining}`).toBe(true);
      } else {
        expect(o.cancelledAt).not.toBeNull();
        expect(o.cancelledById).not.toBeNull();
      }
      if (!svc.partialPayment) expect(o.paid === 0 || o.paid === o.total, `order ${o.number}`).toBe(true);
      // Each payment is a system message with its event.
      expect(o.messages.filter((m) => m.visibility === 'system' && m.event?.code.startsWith('payment_'))).toHaveLength(o.payments.length);
    }
  });

  it('payment external ids are unique and name the seed', () => {
    const ids = a.flatMap((o) => o.payments.map((p) => p.externalId));
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^gen-3-/);
    const other = new Set(plan(4).flatMap((o) => o.payments.map((p) => p.externalId)));
    for (const id of ids) expect(other.has(id)).toBe(false);
  });

  it('bookings lie within opening hours, and a service is never booked over its capacity', () => {
    const local = (iso: string) =>
      new Intl.DateTimeFormat('en-GB', { timeZone: perm.timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
        new Date(iso),
      );
    for (const o of a) {
      const svc = services.find((s) => s.id === o.serviceId)!;
      expect(o.start < o.end).toBe(true);
      expect(local(o.start) >= svc.opensAt && local(o.end) <= svc.closesAt, `order ${o.number} ${local(o.start)}–${local(o.end)}`).toBe(
        true,
      );
    }
    for (const svc of services) {
      const live = a.filter((o) => o.serviceId === svc.id && o.status !== 'cancelled');
      expect(maxOverlap(live.map((o) => [o.start, o.end]))).toBeLessThanOrEqual(svc.capacity);
    }
  });

  it('payments and messages follow the order\u2019s creation', () => {
    for (const o of a) {
      expect(o.createdAt < o.start).toBe(true);
      for (const p of o.payments) expect(p.at >= o.createdAt).toBe(true);
      for (const m of o.messages) expect(m.at >= o.createdAt).toBe(true);
    }
  });
});

/** The largest number of half-open periods [start, end) that overlap at one instant. */
function maxOverlap(periods: [string, string][]): number {
  const events = periods.flatMap(([s, e]) => [[Date.parse(s), 1] as const, [Date.parse(e), -1] as const]);
  // At the same instant an end comes before a start: back-to-back bookings do not overlap.
  events.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  let cur = 0;
  let max = 0;
  for (const [, d] of events) max = Math.max(max, (cur += d));
  return max;
}
