/**
 * The audit trail of generated orders (src/core/generate.ts): each says what the commands would
 * have said of it (its creation, its executor, its payments, its cancellation), and what the
 * generator lacks to plan anything.
 */
import { describe, expect, it } from 'vitest';
import { bookableServices, missingToPlan, planOrders, type GenerateInput } from '../../src/core/generate.js';
import type { Location, Service, User } from '../../src/core/types.js';

const perm: Location = { id: 1, key: 'perm', name: 'Пермь', timeZone: 'Asia/Yekaterinburg', currency: 'RUB', minRemaining: 5000 };
const service = (id: number, more: Partial<Service> = {}): Service => ({
  id,
  slug: `s${id}`,
  name: `Услуга ${id}`,
  location: perm,
  capacity: 3,
  opensAt: '08:00',
  closesAt: '22:00',
  partialPayment: true,
  minPrepaymentPercent: 30,
  tariffs: [{ name: 'Стандарт', unit: 'hour', price: 10000 }],
  managers: ['manager'],
  ...more,
});
const services = [service(1), service(2, { partialPayment: false, managers: ['manager', 'manager2'] })];
const users: User[] = [
  { id: 1, login: 'admin', name: 'Анна Белова', phone: null, email: null, role: 'admin' },
  { id: 2, login: 'manager', name: 'Ольга Смирнова', phone: null, email: null, role: 'rental_manager' },
  { id: 3, login: 'manager2', name: 'Дмитрий Козлов', phone: null, email: null, role: 'rental_manager' },
  { id: 4, login: 'troshkov', name: 'Алексей Трошков', phone: '+73422545454', email: null, role: 'guest' },
  { id: 5, login: 'ivanova', name: 'Мария Иванова', phone: null, email: null, role: 'guest' },
];
const nameOf = new Map(users.map((u) => [u.id, u.name]));
const input: GenerateInput = {
  count: 400,
  seed: 17,
  now: new Date('2023-08-11T13:40:00+05:00'),
  services,
  guests: users.filter((u) => u.role === 'guest'),
  staff: users.filter((u) => u.role !== 'guest'),
  firstNumber: 1006316,
  firstTicket: 210,
};
const orders = [...planOrders(input)];

describe('generated orders carry the audit trail of the commands', () => {
  it('first, its creation: by who created it, for its total, at its creation', () => {
    for (const o of orders) {
      expect(o.messages[0]).toEqual({
        visibility: 'system',
        authorId: null,
        text: null,
        at: o.createdAt,
        event: { code: 'order_created', by: nameOf.get(o.createdById), total: o.total },
      });
      expect(o.messages.filter((m) => m.event?.code === 'order_created')).toHaveLength(1);
    }
    // Some by their guest, some by staff on the guest's behalf.
    expect(orders.some((o) => o.createdById === o.applicantId)).toBe(true);
    expect(orders.some((o) => o.createdById !== o.applicantId)).toBe(true);
  });

  it('its executor, when it has one, named once, right after its creation', () => {
    for (const o of orders) {
      const events = o.messages.filter((m) => m.event?.code === 'assignee_changed');
      if (o.assigneeId === null) {
        expect(events).toEqual([]);
        continue;
      }
      const name = nameOf.get(o.assigneeId);
      expect(events).toEqual([
        { visibility: 'system', authorId: null, text: null, at: o.createdAt, event: { code: 'assignee_changed', to: name, by: name } },
      ]);
      expect(o.messages[1]).toBe(events[0]);
    }
    expect(orders.some((o) => o.assigneeId !== null)).toBe(true);
  });

  it('then a message for each payment and for the cancellation, in time order', () => {
    for (const o of orders) {
      const codes = o.messages.filter((m) => m.visibility === 'system').map((m) => m.event?.code);
      const payments = codes.filter((c) => c === 'payment_gateway' || c === 'payment_recorded');
      expect(payments).toHaveLength(o.payments.length);
      expect(codes.filter((c) => c === 'order_cancelled')).toHaveLength(o.status === 'cancelled' ? 1 : 0);
      const times = o.messages.map((m) => m.at);
      expect([...times].sort()).toEqual(times);
    }
  });
});

describe('missingToPlan', () => {
  it('nothing missing with a bookable service and a guest', () => {
    expect(missingToPlan(input)).toBeNull();
  });

  it('no service, or none with a tariff and an hour of opening: services', () => {
    expect(missingToPlan({ ...input, services: [] })).toBe('services');
    const unbookable = [service(3, { tariffs: [] }), service(4, { opensAt: '10:00', closesAt: '10:59' })];
    expect(bookableServices(unbookable)).toEqual([]);
    expect(missingToPlan({ ...input, services: unbookable })).toBe('services');
    expect(missingToPlan({ services: unbookable, guests: [] })).toBe('services');
  });

  it('a bookable service and no guest: guests', () => {
    expect(missingToPlan({ ...input, guests: [] })).toBe('guests');
  });

  it('exactly when planOrders plans nothing', () => {
    for (const more of [{ services: [] }, { guests: [] }, { services: [service(4, { opensAt: '10:00', closesAt: '10:30' })] }, {}]) {
      const i = { ...input, count: 5, ...more };
      expect([...planOrders(i)].length === 0).toBe(missingToPlan(i) !== null);
    }
  });
});
