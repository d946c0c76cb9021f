/**
 * Orders through their use cases, against a real database: viewing (rule 1), booking (rule 7),
 * the executor (rule 6), cancelling (rule 5); a refused action changes nothing (rule 8).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { assignOrder, cancelOrder, createBooking, viewOrder } from '../../src/app/orders.js';
import { NotAllowedError, NotFoundError, RuleError, UsageError } from '../../src/core/errors.js';
import type { Store } from '../../src/store/index.js';
import { anOrder, NOW, snapshot, userOf } from '../helpers/builders.js';
import { demoStore } from '../helpers/deps.js';
import { serviceOf, refusal } from './helpers.js';

let store: Store;
beforeEach(async () => {
  store = await demoStore();
});

const service = (slug: string) => serviceOf(store, slug);

describe('viewOrder', () => {
  it('staff responsible for the service see internal messages; the guest does not', async () => {
    const manager = await viewOrder(store, await userOf(store, 'manager'), 1006314);
    expect(manager.staff).toBe(true);
    expect(manager.messages.some((m) => m.visibility === 'internal')).toBe(true);
    const guest = await viewOrder(store, await userOf(store, 'ivanova'), 1006314);
    expect(guest.staff).toBe(false);
    expect(guest.messages.some((m) => m.visibility === 'internal')).toBe(false);
    expect(guest.messages.length).toBeGreaterThan(0);
  });

  it('to another guest, and a manager of another service, it reads as an order that does not exist (8a)', async () => {
    expect(await refusal(viewOrder(store, await userOf(store, 'petrov'), 1006314))).toBeInstanceOf(NotFoundError);
    expect(await refusal(viewOrder(store, await userOf(store, 'manager2'), 1006314))).toBeInstanceOf(NotFoundError);
    expect(await refusal(viewOrder(store, await userOf(store, 'manager'), 42))).toBeInstanceOf(NotFoundError);
  });
});

describe('createBooking', () => {
  const booking = async (p: Partial<Parameters<typeof createBooking>[2]> = {}) => ({
    service: await service('coworking-2'),
    applicant: await userOf(store, 'petrov'),
    date: '2023-08-12',
    from: '10:00',
    to: '12:30',
    ...p,
  });

  it('a manager books for a guest: the order, its line, its ticket and its first system message', async () => {
    const r = await createBooking(store, await userOf(store, 'manager'), await booking(), NOW);
    expect(r.order).toMatchObject({ number: 1006318, status: 'awaiting_payment', total: 30000, paid: 0, dueDate: '2023-08-12' });
    expect(r.order.lines).toEqual([
      { description: 'Коворкинг на 2 этаже', tariff: 'Стандарт', quantity: 3, unitPrice: 10000, amount: 30000 },
    ]);
    expect(r.order.ticket).toMatchObject({
      status: 'active',
      start: '2023-08-12T05:00:00.000Z',
      end: '2023-08-12T07:30:00.000Z',
      visitor: { name: 'Иван Петров' },
    });
    expect(r.events).toEqual([{ code: 'order_created', by: 'Ольга Смирнова', total: 30000 }]);
    expect((await store.messages(1006318)).map((m) => m.event?.code)).toEqual(['order_created']);
  });

  it('a guest books for themselves, paying at least the prepayment online', async () => {
    const ivanova = await userOf(store, 'ivanova');
    const e = await refusal(createBooking(store, ivanova, await booking({ applicant: ivanova, prepay: 8999 }), NOW));
    expect(e.code).toBe('PREPAYMENT_TOO_SMALL');
    const r = await createBooking(store, ivanova, await booking({ applicant: ivanova, prepay: 9000 }), NOW);
    expect(r.order).toMatchObject({ paid: 9000, status: 'partially_paid' });
    expect(r.events.map((x) => x.code)).toEqual(['order_created', 'payment_gateway']);
    const payments = await store.payments(r.order.number);
    expect(payments).toMatchObject([{ amount: 9000, source: 'gateway', method: 'card' }]);
  });

  it('a guest may not book for someone else; a manager books only for a guest and only a service of theirs', async () => {
    const ivanova = await userOf(store, 'ivanova');
    expect(await refusal(createBooking(store, ivanova, await booking({ prepay: 9000 }), NOW))).toBeInstanceOf(NotAllowedError);
    expect(
      (
        await refusal(
          createBooking(store, await userOf(store, 'manager'), await booking({ applicant: await userOf(store, 'manager2') }), NOW),
        )
      ).code,
    ).toBe('APPLICANT_NOT_GUEST');
    // coworking-2 is not manager2's: a service they do not know of (8a).
    expect(await refusal(createBooking(store, await userOf(store, 'manager2'), await booking(), NOW))).toBeInstanceOf(NotFoundError);
  });

  it.each([
    ['outside the opening hours', { from: '07:00', to: '09:00' }, 'OUTSIDE_OPENING_HOURS'],
    ['ending before it starts', { from: '12:00', to: '11:00' }, 'INVALID_PERIOD'],
    ['already over', { date: '2023-08-11', from: '08:00', to: '09:00' }, 'PERIOD_ENDED'],
  ])('a period %s is refused, and nothing is written', async (_what, p, code) => {
    const e = await refusal(createBooking(store, await userOf(store, 'manager'), await booking(p), NOW));
    expect(e).toBeInstanceOf(RuleError);
    expect(e.code).toBe(code);
    expect(await store.order(1006318)).toBeNull();
  });

  it('capacity: the one seat of the meeting room is taken for an overlapping period', async () => {
    const manager = await userOf(store, 'manager');
    const room = await booking({ service: await service('meeting-room'), date: '2023-08-14', from: '13:00', to: '15:00' });
    const e = await refusal(createBooking(store, manager, room, NOW));
    expect(e.code).toBe('CAPACITY_EXCEEDED');
    // Meeting the demo booking end to start is no overlap.
    await expect(createBooking(store, manager, { ...room, from: '14:00', to: '15:00' }, NOW)).resolves.toBeTruthy();
  });

  it('a manager does not prepay: that is a desk payment', async () => {
    expect(await refusal(createBooking(store, await userOf(store, 'manager'), await booking({ prepay: 9000 }), NOW))).toBeInstanceOf(
      UsageError,
    );
  });
});

describe('assignOrder', () => {
  it('hands the order to an eligible colleague with a system message; none removes the executor', async () => {
    const o = await anOrder(store).build();
    const manager = await userOf(store, 'manager');
    const r = await assignOrder(store, manager, { number: o.number, login: 'admin' }, NOW);
    expect(r).toMatchObject({ changed: true, order: { assignee: { login: 'admin' } } });
    expect(r.events).toEqual([{ code: 'assignee_changed', to: 'Анна Белова', by: 'Ольга Смирнова' }]);
    const none = await assignOrder(store, manager, { number: o.number, login: null }, NOW);
    expect(none.order.assignee).toBeNull();
  });

  it('the same executor again changes nothing and writes nothing', async () => {
    const o = await anOrder(store).assignedTo('manager').build();
    const before = await snapshot(store, o.number);
    const r = await assignOrder(store, await userOf(store, 'manager'), { number: o.number, login: 'manager' }, NOW);
    expect(r.changed).toBe(false);
    expect(await snapshot(store, o.number)).toEqual(before);
  });

  it('refuses an ineligible executor, an unknown user and a cancelled order, writing nothing', async () => {
    const o = await anOrder(store).build();
    const manager = await userOf(store, 'manager');
    const before = await snapshot(store, o.number);
    expect((await refusal(assignOrder(store, manager, { number: o.number, login: 'manager2' }, NOW))).code).toBe('ASSIGNEE_NOT_ELIGIBLE');
    expect((await refusal(assignOrder(store, manager, { number: o.number, login: 'petrov' }, NOW))).code).toBe('ASSIGNEE_NOT_ELIGIBLE');
    expect(await refusal(assignOrder(store, manager, { number: o.number, login: 'ghost' }, NOW))).toBeInstanceOf(NotFoundError);
    expect(await snapshot(store, o.number)).toEqual(before);
    const c = await anOrder(store).cancelled().build();
    expect((await refusal(assignOrder(store, manager, { number: c.number, login: 'admin' }, NOW))).code).toBe('ORDER_CANCELLED');
  });
});

describe('cancelOrder', () => {
  it('cancels the order and its ticket; the money paid is due for refund', async () => {
    const o = await anOrder(store).withPayment(10000).build();
    const r = await cancelOrder(store, await userOf(store, 'manager'), { number: o.number, reason: 'Гость попросил' }, NOW);
    expect(r.order).toMatchObject({ status: 'cancelled', cancelReason: 'Гость попросил', paid: 10000 });
    expect(r.order.ticket?.status).toBe('cancelled');
    expect(r.refundDue).toBe(10000);
    expect(r.events).toEqual([{ code: 'order_cancelled', by: 'Ольга Смирнова', reason: 'Гость попросил', refundDue: 10000, kept: 0 }]);
  });

  it('a cancelled order cannot be cancelled again; a guest cannot cancel', async () => {
    const c = await anOrder(store).cancelled().build();
    const before = await snapshot(store, c.number);
    expect((await refusal(cancelOrder(store, await userOf(store, 'manager'), { number: c.number, reason: null }, NOW))).code).toBe(
      'ALREADY_CANCELLED',
    );
    expect(await snapshot(store, c.number)).toEqual(before);
    const o = await anOrder(store).build();
    expect(await refusal(cancelOrder(store, await userOf(store, 'petrov'), { number: o.number, reason: null }, NOW))).toBeInstanceOf(
      NotAllowedError,
    );
  });
});
