/**
 * Booking through its use case (SPEC.md rule 7), the details: who the visitor is, the prepayment of
 * a service without partial payment, the edge of "already over", what each refusal names.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { assignOrder, createBooking, planBooking, viewOrder } from '../../src/app/orders.js';
import { NotAllowedError, NotFoundError, RuleError } from '../../src/core/errors.js';
import type { Service } from '../../src/core/types.js';
import type { Store } from '../../src/store/index.js';
import { anOrder, NOW, snapshot, userOf } from '../helpers/builders.js';
import { demoStore } from '../helpers/deps.js';
import { serviceOf, refusal } from './helpers.js';
import { thrown } from '../helpers/refusals.js';

let store: Store;
beforeEach(async () => {
  store = await demoStore();
});

const service = (slug: string) => serviceOf(store, slug);

const booking = async (p: Partial<Parameters<typeof createBooking>[2]> = {}) => ({
  service: await service('coworking-2'),
  applicant: await userOf(store, 'petrov'),
  date: '2023-08-12',
  from: '10:00',
  to: '12:00',
  ...p,
});

describe('the visitor of a booking', () => {
  it('is the applicant, with their phone, unless told', async () => {
    const r = await createBooking(store, await userOf(store, 'manager'), await booking(), NOW);
    expect(r.order.ticket?.visitor).toEqual({ name: 'Иван Петров', phone: '+79120000003' });
  });

  it('a visitor named without a phone has none (not the applicant’s)', async () => {
    const r = await createBooking(store, await userOf(store, 'manager'), await booking({ visitorName: 'Сергей Петров' }), NOW);
    expect(r.order.ticket?.visitor).toEqual({ name: 'Сергей Петров', phone: null });
  });

  it('a visitor named with a phone has theirs; a phone of null is none', async () => {
    const manager = await userOf(store, 'manager');
    const a = await createBooking(store, manager, await booking({ visitorName: 'Сергей Петров', visitorPhone: '+79120000004' }), NOW);
    expect(a.order.ticket?.visitor).toEqual({ name: 'Сергей Петров', phone: '+79120000004' });
    const b = await createBooking(store, manager, await booking({ from: '13:00', to: '14:00', visitorPhone: null }), NOW);
    expect(b.order.ticket?.visitor).toEqual({ name: 'Иван Петров', phone: null });
    const c = await createBooking(store, manager, await booking({ from: '15:00', to: '16:00', visitorPhone: '+79120000005' }), NOW);
    expect(c.order.ticket?.visitor).toEqual({ name: 'Иван Петров', phone: '+79120000005' });
  });
});

describe('what a booking records', () => {
  it('numbers follow each other; the order is created by the actor for the applicant, due on its day', async () => {
    const manager = await userOf(store, 'manager');
    const a = await createBooking(store, manager, await booking(), NOW);
    const b = await createBooking(store, manager, await booking({ date: '2023-08-13' }), NOW);
    expect(b.order.number).toBe(a.order.number + 1);
    expect(b.order.ticket!.number).toBe(a.order.ticket!.number + 1);
    expect(b.order).toMatchObject({
      createdBy: { login: 'manager' },
      applicant: { login: 'petrov' },
      dueDate: '2023-08-13',
      assignee: null,
    });
    expect(b.order.minRemaining).toBe(5000);
    expect(b.order.createdAt).toBe(NOW.toISOString());
  });

  it('a guest paying a booking in full online has a confirmed order, the payment through the gateway at the booking time', async () => {
    const ivanova = await userOf(store, 'ivanova');
    const r = await createBooking(store, ivanova, await booking({ applicant: ivanova, prepay: 20000 }), NOW);
    expect(r.order).toMatchObject({ status: 'confirmed', paid: 20000, total: 20000, createdBy: { login: 'ivanova' } });
    expect(r.events).toEqual([
      { code: 'order_created', by: 'Мария Иванова', total: 20000 },
      { code: 'payment_gateway', amount: 20000, method: 'card', warning: null },
    ]);
    expect(await store.payments(r.order.number)).toMatchObject([
      { amount: 20000, method: 'card', source: 'gateway', recordedBy: null, createdAt: NOW.toISOString() },
    ]);
  });

  it('a guest books a service without partial payment only paying it whole', async () => {
    const ivanova = await userOf(store, 'ivanova');
    const room = await booking({
      service: await service('meeting-room'),
      applicant: ivanova,
      date: '2023-08-15',
      from: '10:00',
      to: '11:00',
    });
    const e = await refusal(createBooking(store, ivanova, { ...room, prepay: 99999 }, NOW));
    expect(e.code).toBe('PREPAYMENT_TOO_SMALL');
    expect(e.said.args).toEqual([{ needed: 100000, percent: 0, partialPayment: false }]);
    const none = await refusal(createBooking(store, ivanova, room, NOW));
    expect(none.code).toBe('PREPAYMENT_TOO_SMALL');
    const r = await createBooking(store, ivanova, { ...room, prepay: 100000 }, NOW);
    expect(r.order).toMatchObject({ status: 'confirmed', paid: 100000 });
  });

  it('the prepayment refusal of a partial-payment service names the 30 %', async () => {
    const ivanova = await userOf(store, 'ivanova');
    const e = await refusal(createBooking(store, ivanova, await booking({ applicant: ivanova }), NOW));
    expect(e.said.args).toEqual([{ needed: 6000, percent: 30, partialPayment: true }]);
  });

  it('a manager books without a prepayment; the order awaits payment', async () => {
    const r = await createBooking(
      store,
      await userOf(store, 'admin'),
      await booking({ service: await service('meeting-room'), date: '2023-08-15' }),
      NOW,
    );
    expect(r.order).toMatchObject({ status: 'awaiting_payment', paid: 0, total: 200000 });
    expect(r.events.map((x) => x.code)).toEqual(['order_created']);
  });
});

describe('planBooking refusals', () => {
  it('a period that ends right now is over; one that ends a minute later is not', async () => {
    const manager = await userOf(store, 'manager');
    // NOW is 13:40 in Perm on 2023-08-11.
    const over = thrown(() =>
      planBooking(manager, { service: NOW_SERVICE!, applicant: PETROV!, date: '2023-08-11', from: '12:40', to: '13:40' }, NOW),
    );
    expect(over.code).toBe('PERIOD_ENDED');
    expect(over.said.args).toEqual([{ date: '2023-08-11', from: '12:40', to: '13:40' }]);
    const plan = planBooking(manager, { service: NOW_SERVICE!, applicant: PETROV!, date: '2023-08-11', from: '12:40', to: '13:41' }, NOW);
    expect(plan).toEqual({
      line: { description: 'Коворкинг на 2 этаже', tariff: 'Стандарт', quantity: 2, unitPrice: 10000, amount: 20000 },
      start: '2023-08-11T07:40:00.000Z',
      end: '2023-08-11T08:41:00.000Z',
    });
  });

  it('a guest booking for another guest is not allowed, for themselves it plans', async () => {
    const ivanova = await userOf(store, 'ivanova');
    const e = thrown(() =>
      planBooking(
        ivanova,
        { service: NOW_SERVICE!, applicant: PETROV!, date: '2023-08-12', from: '10:00', to: '11:00', prepay: 3000 },
        NOW,
      ),
    );
    expect(e).toBeInstanceOf(NotAllowedError);
    expect(e.said.key).toBe('guestBooksForSelf');
  });

  it('a manager booking for staff names the applicant and the role', async () => {
    const manager = await userOf(store, 'manager');
    const e = thrown(() =>
      planBooking(manager, { service: NOW_SERVICE!, applicant: manager, date: '2023-08-12', from: '10:00', to: '11:00' }, NOW),
    );
    expect(e).toBeInstanceOf(RuleError);
    expect(e.said.args).toEqual([{ login: 'manager', role: 'rental_manager' }]);
  });

  it('a service the manager does not know of is not found, by its slug', async () => {
    const e = thrown(() =>
      planBooking(MANAGER2!, { service: NOW_SERVICE!, applicant: PETROV!, date: '2023-08-12', from: '10:00', to: '11:00' }, NOW),
    );
    expect(e).toBeInstanceOf(NotFoundError);
    expect(e.said).toEqual({ key: 'serviceNotFound', args: [{ slug: 'coworking-2' }] });
  });

  it('an admin books any service; a tariff is picked by name', async () => {
    const admin = await userOf(store, 'admin');
    const plan = planBooking(
      admin,
      { service: NOW_SERVICE!, applicant: PETROV!, date: '2023-08-12', from: '10:00', to: '11:30', tariff: 'Стандарт' },
      NOW,
    );
    expect(plan.line.quantity).toBe(2);
  });
});

let NOW_SERVICE: Service | undefined;
let PETROV: Awaited<ReturnType<typeof userOf>> | undefined;
let MANAGER2: Awaited<ReturnType<typeof userOf>> | undefined;
beforeEach(async () => {
  NOW_SERVICE = await service('coworking-2');
  PETROV = await userOf(store, 'petrov');
  MANAGER2 = await userOf(store, 'manager2');
});

describe('assigning and viewing, the details', () => {
  it('unassigning says to nobody, by whom; the feed gets it', async () => {
    const o = await anOrder(store).assignedTo('manager').build();
    const r = await assignOrder(store, await userOf(store, 'admin'), { number: o.number, login: null }, NOW);
    expect(r).toMatchObject({ changed: true, order: { assignee: null } });
    expect(r.events).toEqual([{ code: 'assignee_changed', to: null, by: 'Анна Белова' }]);
    expect((await store.messages(o.number)).at(-1)).toMatchObject({ visibility: 'system', event: r.events[0] });
  });

  it('unassigning an order with no executor changes nothing', async () => {
    const o = await anOrder(store).build();
    const before = await snapshot(store, o.number);
    const r = await assignOrder(store, await userOf(store, 'manager'), { number: o.number, login: null }, NOW);
    expect(r).toMatchObject({ changed: false, events: [] });
    expect(await snapshot(store, o.number)).toEqual(before);
  });

  it('an unknown executor is not found by login; a manager of another service finds no order', async () => {
    const o = await anOrder(store).build();
    const e = await refusal(assignOrder(store, await userOf(store, 'manager'), { number: o.number, login: 'ghost' }, NOW));
    expect(e.said).toEqual({ key: 'userNotFound', args: [{ login: 'ghost' }] });
    const hidden = await refusal(assignOrder(store, await userOf(store, 'manager2'), { number: o.number, login: 'manager2' }, NOW));
    expect(hidden.said).toEqual({ key: 'orderNotFound', args: [{ number: o.number }] });
  });

  it('an unknown order is not found by its number', async () => {
    const e = await refusal(viewOrder(store, await userOf(store, 'admin'), 42));
    expect(e.said).toEqual({ key: 'orderNotFound', args: [{ number: 42 }] });
  });

  it("a view lists the order's payments and every message to its staff", async () => {
    const o = await anOrder(store).withPayment(10000).build();
    const v = await viewOrder(store, await userOf(store, 'admin'), o.number);
    expect(v.payments).toMatchObject([{ amount: 10000, source: 'manager' }]);
    expect(v.messages.map((m) => m.event?.code)).toEqual(['order_created', 'payment_recorded']);
    expect(v.staff).toBe(true);
    const guest = await viewOrder(store, await userOf(store, 'petrov'), o.number);
    expect(guest.staff).toBe(false);
    expect(guest.payments).toHaveLength(1);
  });
});

describe('planBooking: the clock and the prepayment', () => {
  it('a time the clocks skip names the date, the time and the zone', async () => {
    const manager = await userOf(store, 'manager');
    const berlin = {
      ...NOW_SERVICE!,
      opensAt: '00:00',
      closesAt: '24:00',
      location: { ...NOW_SERVICE!.location, timeZone: 'Europe/Berlin' },
    };
    const e = thrown(() =>
      planBooking(manager, { service: berlin, applicant: PETROV!, date: '2024-03-31', from: '02:30', to: '04:00' }, NOW),
    );
    expect(e.code).toBe('LOCAL_TIME_MISSING');
    expect(e.said.args).toEqual([{ date: '2024-03-31', time: '02:30', zone: 'Europe/Berlin' }]);
  });

  it('a manager of another service learns nothing of it; a manager who prepays is told that prepayment is for guests', async () => {
    const e = thrown(() =>
      planBooking(
        MANAGER2!,
        { service: NOW_SERVICE!, applicant: PETROV!, date: '2023-08-12', from: '10:00', to: '11:00', prepay: 3000 },
        NOW,
      ),
    );
    expect(e.said).toEqual({ key: 'serviceNotFound', args: [{ slug: 'coworking-2' }] });
    const manager = await userOf(store, 'manager');
    const u = thrown(() =>
      planBooking(
        manager,
        { service: NOW_SERVICE!, applicant: PETROV!, date: '2023-08-12', from: '10:00', to: '11:00', prepay: 3000 },
        NOW,
      ),
    );
    expect(u.said).toEqual({ key: 'prepayForGuests', args: [] });
  });
});
