/**
 * A fixture obeys the rules of the commands (src/app/fixture.ts with src/core/fixture-refs.ts),
 * against a real database: SQLite, or PostgreSQL on a PostgreSQL run. Each refused file is a usage
 * error (exit 2) naming the path of what breaks the rule, and writes nothing at all; the orders it
 * does load carry the audit trail the commands would have written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFixture } from '../../src/app/fixture.js';
import { createBooking } from '../../src/app/orders.js';
import { parseFixture, type Fixture } from '../../src/core/fixture.js';
import { FixtureError, type FixtureProblem } from '../../src/core/fixture-refs.js';
import { openStore, type Store } from '../../src/store/index.js';
import { en } from '../../src/ui/messages/en.js';
import { ru } from '../../src/ui/messages/ru.js';
import { say } from '../../src/ui/i18n.js';
import { NOW, userOf } from '../helpers/builders.js';
import { demoStore } from '../helpers/deps.js';
import { newDatabase } from '../helpers/targets.js';
import { rejection } from './helpers.js';
import { tables } from '../helpers/main.js';

const AT = '2030-03-01T00:00:00.000Z';

type J = Record<string, unknown>;

function fixture(input: unknown): Fixture {
  const r = parseFixture(input);
  if (!('fixture' in r)) throw new Error(`invalid fixture: ${JSON.stringify(r.problems)}`);
  return r.fixture;
}

const base = {
  locations: [{ key: 'kazan', name: 'Казань', timeZone: 'Europe/Moscow' }],
  users: [
    { login: 'admin', name: 'Анна Белова', role: 'admin' },
    { login: 'desk', name: 'Ирина Соколова', role: 'rental_manager' },
    { login: 'other', name: 'Олег Другов', role: 'rental_manager' },
    { login: 'g1', name: 'Пётр Сидоров', role: 'guest', phone: '+79170000001' },
    { login: 'g2', name: 'Ольга Кузнецова', role: 'guest' },
  ],
  services: [
    {
      slug: 'room',
      location: 'kazan',
      name: 'Переговорная',
      capacity: 1,
      opensAt: '09:00',
      closesAt: '21:00',
      partialPayment: true,
      tariffs: [{ name: 'Стандарт', unit: 'hour', price: 90000 }],
      managers: ['desk'],
    },
    {
      slug: 'hall',
      location: 'kazan',
      name: 'Зал',
      capacity: 2,
      opensAt: '00:00',
      closesAt: '24:00',
      tariffs: [{ name: 'День', unit: 'day', price: 100000 }],
      managers: ['desk', 'other'],
    },
  ],
};

/** An order of the room, booked by its guest g1 for 10:00–12:00 on `day` (Moscow), 1 800 ₽. */
const order = (number: number, ticket: number, more: J = {}, day = '2030-03-05'): J => ({
  number,
  service: 'room',
  applicant: 'g1',
  createdBy: 'g1',
  createdAt: '2030-03-01T10:00:00+03:00',
  ticket: { number: ticket, start: `${day}T10:00:00+03:00`, end: `${day}T12:00:00+03:00` },
  lines: [{ tariff: 'Стандарт', quantity: 2 }],
  ...more,
});

let store: Store;
beforeAll(async () => {
  store = await openStore(await newDatabase());
  // The people and services first, with an order of the hall already there.
  await loadFixture(store, {
    fixture: fixture({
      ...base,
      orders: [
        {
          number: 500,
          service: 'hall',
          applicant: 'g2',
          createdAt: '2030-03-01T09:00:00+03:00',
          ticket: { number: 50, start: '2030-03-07T00:00:00+03:00', end: '2030-03-08T00:00:00+03:00' },
          lines: [{ tariff: 'День', quantity: 1 }],
        },
      ],
    }),
    source: 'base.json',
    at: AT,
    dryRun: false,
  });
});
afterAll(() => store.close());

/** The problems of a refused load, after checking that it wrote nothing and is a usage error (2). */
async function refused(input: J, into: Store = store): Promise<FixtureProblem[]> {
  const before = await tables(into);
  const e = await rejection(loadFixture(into, { fixture: fixture(input), source: 'broken.json', at: AT, dryRun: false }));
  expect(await tables(into)).toEqual(before);
  expect(e).toBeInstanceOf(FixtureError);
  expect((e as FixtureError).exitCode).toBe(2);
  return (e as FixtureError).problems;
}

/** [path, the catalog key of the refusal] of each problem. */
const keys = (ps: FixtureProblem[]) => ps.map((p) => [p.path, p.issue.kind === 'rule' ? p.issue.said.key : p.issue.kind]);

const withOrders = (...orders: J[]): J => ({ ...base, orders });

describe('a fixture breaking a rule of the commands is refused (2), naming the path, writing nothing', () => {
  it('an overbooked service: the file’s bookings with those the commands made', async () => {
    const demo = await demoStore();
    try {
      // The demo's meeting room (1 seat) booked at the desk for 12 August, 10:00–12:00 in Perm.
      const service = (await demo.service('meeting-room'))!;
      const manager = await userOf(demo, 'manager');
      await createBooking(
        demo,
        manager,
        { service, applicant: await userOf(demo, 'petrov'), date: '2023-08-12', from: '10:00', to: '12:00' },
        NOW,
      );
      const over = {
        number: 2000030,
        service: 'meeting-room',
        applicant: 'ivanova',
        createdAt: '2023-08-11T10:00:00+05:00',
        ticket: { number: 930, start: '2023-08-12T11:00:00+05:00', end: '2023-08-12T13:00:00+05:00' },
        lines: [{ tariff: 'Стандарт', quantity: 2 }],
      };
      expect(keys(await refused({ orders: [over] }, demo))).toEqual([['orders[0].ticket', 'CAPACITY_EXCEEDED']]);
      // Right after it, the seat is free again.
      const after = { ...over, ticket: { ...over.ticket, start: '2023-08-12T12:00:00+05:00', end: '2023-08-12T14:00:00+05:00' } };
      await loadFixture(demo, { fixture: fixture({ orders: [after] }), source: 'ok.json', at: AT, dryRun: false });
      expect((await demo.order(2000030))?.ticket?.status).toBe('active');
    } finally {
      await demo.close();
    }
  });

  it('a ticket outside the opening hours: before opening at its start, after closing at its end', async () => {
    const early = order(10, 1, { ticket: { number: 1, start: '2030-03-05T08:00:00+03:00', end: '2030-03-05T10:00:00+03:00' } });
    const late = order(11, 2, { ticket: { number: 2, start: '2030-03-06T20:00:00+03:00', end: '2030-03-06T22:00:00+03:00' } });
    const ps = await refused(withOrders(early, late));
    expect(keys(ps)).toEqual([
      ['orders[0].ticket.start', 'OUTSIDE_OPENING_HOURS'],
      ['orders[1].ticket.end', 'OUTSIDE_OPENING_HOURS'],
    ]);
    const e = new FixtureError('broken.json', ps);
    expect(say(en, e.said)).toContain(
      'broken.json: orders[0].ticket.start: the period 08:00–10:00 is outside the opening hours 09:00–21:00',
    );
    expect(say(ru, e.said)).toContain('broken.json: orders[1].ticket.end: период 20:00–22:00 выходит за часы работы 09:00–21:00');
  });

  it('a ticket not inside one local day, even where the service never closes', async () => {
    const night = {
      ...order(10, 1),
      service: 'hall',
      lines: [{ tariff: 'День', quantity: 1 }],
      ticket: { number: 1, start: '2030-03-05T22:00:00+03:00', end: '2030-03-06T02:00:00+03:00' },
    };
    expect(keys(await refused(withOrders(night)))).toEqual([['orders[0].ticket.end', 'periodNotOneDay']]);
  });

  it('a guest, or an admin, as a service’s responsible manager', async () => {
    const f = structuredClone(base);
    f.services[1]!.managers = ['desk', 'g1', 'admin'];
    expect(keys(await refused({ ...f, orders: [order(10, 1)] }))).toEqual([
      ['services[1].managers[1]', 'MANAGER_NOT_ELIGIBLE'],
      ['services[1].managers[2]', 'MANAGER_NOT_ELIGIBLE'],
    ]);
  });

  it('a role the file changes counts: a manager made a guest may no longer be responsible', async () => {
    const f = structuredClone(base);
    f.users[2]!.role = 'guest';
    expect(keys(await refused(f))).toEqual([['services[1].managers[1]', 'MANAGER_NOT_ELIGIBLE']]);
  });

  it('a guest, or a manager of other services, as the executor', async () => {
    const ps = await refused(withOrders(order(10, 1, { assignee: 'g2' }), order(11, 2, { assignee: 'other' }, '2030-03-06')));
    expect(keys(ps)).toEqual([
      ['orders[0].assignee', 'ASSIGNEE_NOT_ELIGIBLE'],
      ['orders[1].assignee', 'ASSIGNEE_NOT_ELIGIBLE'],
    ]);
  });

  it('a guest as the canceller, or as the recorder of a desk payment', async () => {
    const ps = await refused(
      withOrders(
        order(10, 1, { cancelled: { by: 'g1', at: '2030-03-02T10:00:00+03:00', reason: 'сам' } }),
        order(
          11,
          2,
          { payments: [{ amount: 180000, method: 'cash', source: 'manager', recordedBy: 'g1', at: '2030-03-02T10:00:00+03:00' }] },
          '2030-03-06',
        ),
      ),
    );
    expect(keys(ps)).toEqual([
      ['orders[0].cancelled.by', 'notResponsible'],
      ['orders[1].payments[0].recordedBy', 'notResponsible'],
    ]);
  });

  it('a rental manager or an admin as the applicant; a guest booking for another guest', async () => {
    const ps = await refused(
      withOrders(
        order(10, 1, { applicant: 'desk', createdBy: 'desk' }),
        order(11, 2, { applicant: 'admin', createdBy: 'admin' }, '2030-03-06'),
        order(12, 3, { applicant: 'g2', createdBy: 'g1' }, '2030-03-07'),
      ),
    );
    expect(keys(ps)).toEqual([
      ['orders[0].applicant', 'APPLICANT_NOT_GUEST'],
      ['orders[1].applicant', 'APPLICANT_NOT_GUEST'],
      ['orders[2].createdBy', 'guestBooksForSelf'],
    ]);
  });

  it('an internal message by a guest', async () => {
    const o = order(10, 1, { messages: [{ visibility: 'internal', author: 'g1', text: 'тайна', at: '2030-03-01T10:05:00+03:00' }] });
    expect(keys(await refused(withOrders(o)))).toEqual([['orders[0].messages[0].author', 'internalStaffOnly']]);
  });

  it('a checked-in ticket on an order not paid in full', async () => {
    const ticket = { number: 1, status: 'checked_in', start: '2030-03-05T10:00:00+03:00', end: '2030-03-05T12:00:00+03:00' };
    const partly = order(10, 1, {
      ticket,
      payments: [{ amount: 60000, method: 'card', source: 'gateway', at: '2030-03-01T10:00:00+03:00' }],
    });
    expect(keys(await refused(withOrders(partly)))).toEqual([['orders[0].ticket.status', 'TICKET_NOT_CONFIRMED']]);
    expect(keys(await refused(withOrders({ ...partly, payments: [] })))).toEqual([['orders[0].ticket.status', 'TICKET_NOT_CONFIRMED']]);
  });

  it('a ticket whose status disagrees with its order: cancelled on a live order, active on a cancelled one', async () => {
    const ps = await refused(
      withOrders(
        order(10, 1, { ticket: { number: 1, status: 'cancelled', start: '2030-03-05T10:00:00+03:00', end: '2030-03-05T12:00:00+03:00' } }),
        order(11, 2, {
          ticket: { number: 2, status: 'active', start: '2030-03-06T10:00:00+03:00', end: '2030-03-06T12:00:00+03:00' },
          cancelled: { by: 'desk', at: '2030-03-02T10:00:00+03:00', reason: null },
        }),
      ),
    );
    expect(keys(ps)).toEqual([
      ['orders[0].ticket.status', 'ticketStatusOfOrder'],
      ['orders[1].ticket.status', 'ticketStatusOfOrder'],
    ]);
  });

  it('opening hours services create would refuse: opening at 24:00, closing before opening', async () => {
    const f = structuredClone(base);
    f.services[0]!.opensAt = '24:00';
    f.services[0]!.closesAt = '24:00';
    f.services[1]!.opensAt = '10:00';
    f.services[1]!.closesAt = '09:00';
    const ps = await refused(f);
    expect(keys(ps)).toEqual([
      ['services[0].closesAt', 'closesBeforeOpens'],
      ['services[1].closesAt', 'closesBeforeOpens'],
    ]);
    expect(say(en, new FixtureError('broken.json', ps).said)).toContain(
      'services[0].closesAt: the service closes (24:00) before it opens (24:00)',
    );
  });

  it('a payment after the order was cancelled', async () => {
    const o = order(10, 1, {
      cancelled: { by: 'desk', at: '2030-03-02T10:00:00+03:00', reason: null },
      payments: [
        { amount: 60000, method: 'card', source: 'gateway', at: '2030-03-01T10:00:00+03:00' },
        { amount: 60000, method: 'cash', source: 'manager', recordedBy: 'desk', at: '2030-03-03T10:00:00+03:00' },
      ],
    });
    expect(keys(await refused(withOrders(o)))).toEqual([['orders[0].payments[1].at', 'ORDER_CANCELLED']]);
  });

  it('a quantity whose amount is beyond what an amount may be, or beyond what JavaScript holds exactly', async () => {
    const ps = await refused(
      withOrders(
        order(10, 1, { lines: [{ tariff: 'Стандарт', quantity: 100_000_000_000 }] }),
        order(11, 2, { lines: [{ tariff: 'Стандарт', quantity: 1_000_000_000_000 }] }, '2030-03-06'),
        order(
          12,
          3,
          {
            lines: [
              { tariff: 'Стандарт', quantity: 2 },
              { tariff: 'Стандарт', quantity: Number.MAX_SAFE_INTEGER },
            ],
          },
          '2030-03-07',
        ),
        // Each line within the bound, the total beyond it.
        order(
          13,
          4,
          {
            lines: [
              { tariff: 'Стандарт', quantity: 1_000_000_000 },
              { tariff: 'Стандарт', quantity: 1_000_000_000 },
            ],
          },
          '2030-03-08',
        ),
      ),
    );
    expect(keys(ps)).toEqual([
      ['orders[0].lines[0].quantity', 'lineAmountTooLarge'],
      ['orders[1].lines[0].quantity', 'lineAmountTooLarge'],
      ['orders[2].lines[1].quantity', 'lineAmountTooLarge'],
      ['orders[3].lines', 'totalTooLarge'],
    ]);
    expect(say(en, new FixtureError('broken.json', ps).said)).toContain(
      'broken.json: orders[0].lines[0].quantity: 100,000,000,000 × 900 ₽ is more than an amount may be (999,999,999,999.99 ₽ at most)',
    );
  });

  it('every problem of every order at once, each at its path', async () => {
    const ps = await refused(
      withOrders(
        order(10, 1, {
          applicant: 'desk',
          assignee: 'g2',
          ticket: { number: 1, start: '2030-03-05T07:00:00+03:00', end: '2030-03-05T10:00:00+03:00' },
          payments: [{ amount: 500000, method: 'card', source: 'gateway', at: '2030-03-01T10:00:00+03:00' }],
        }),
      ),
    );
    expect(keys(ps)).toEqual([
      ['orders[0].applicant', 'APPLICANT_NOT_GUEST'],
      ['orders[0].createdBy', 'guestBooksForSelf'],
      ['orders[0].assignee', 'ASSIGNEE_NOT_ELIGIBLE'],
      ['orders[0].ticket.start', 'OUTSIDE_OPENING_HOURS'],
      ['orders[0].payments[0].amount', 'AMOUNT_EXCEEDS_REMAINING'],
    ]);
  });
});

describe('what the commands allow, a fixture loads, with the audit trail they would write', () => {
  it('a booking to 24:00 of a service open all day; an admin as executor; a cancel after a payment', async () => {
    const s = await openStore(await newDatabase());
    try {
      await loadFixture(s, {
        fixture: fixture(
          withOrders(
            {
              ...order(20, 11, { createdBy: 'desk', assignee: 'admin' }),
              service: 'hall',
              lines: [{ tariff: 'День', quantity: 1 }],
              ticket: { number: 11, start: '2030-03-05T18:00:00+03:00', end: '2030-03-06T00:00:00+03:00' },
            },
            order(21, 12, {
              cancelled: { by: 'desk', at: '2030-03-02T10:00:00+03:00', reason: 'планы' },
              payments: [{ amount: 60000, method: 'card', source: 'gateway', at: '2030-03-01T10:00:00+03:00' }],
              messages: [{ visibility: 'internal', author: 'desk', text: 'вернуть 600 ₽', at: '2030-03-02T10:01:00+03:00' }],
            }),
            order(22, 13, {
              ticket: { number: 13, status: 'checked_in', start: '2030-03-06T10:00:00+03:00', end: '2030-03-06T12:00:00+03:00' },
              payments: [{ amount: 180000, method: 'card', source: 'gateway', at: '2030-03-01T10:00:00+03:00' }],
            }),
          ),
        ),
        source: 'ok.json',
        at: AT,
        dryRun: false,
      });
      expect(await s.order(20)).toMatchObject({ dueDate: '2030-03-05', assignee: { login: 'admin' }, status: 'awaiting_payment' });
      expect((await s.messages(20)).map((m) => m.event)).toEqual([
        { code: 'order_created', by: 'Ирина Соколова', total: 100000 },
        { code: 'assignee_changed', to: 'Анна Белова', by: null },
      ]);
      expect(await s.order(21)).toMatchObject({ status: 'cancelled', paid: 60000, ticket: { status: 'cancelled' } });
      const feed = await s.messages(21);
      expect(feed.map((m) => m.event?.code ?? m.text)).toEqual(['order_created', 'payment_gateway', 'order_cancelled', 'вернуть 600 ₽']);
      expect(feed[2]!.event).toMatchObject({ code: 'order_cancelled', by: 'Ирина Соколова', reason: 'планы', refundDue: 60000 });
      expect(await s.order(22)).toMatchObject({ status: 'confirmed', ticket: { status: 'checked_in' } });
    } finally {
      await s.close();
    }
  });

  it('the demo’s orders come without a creation message: 1006313’s feed is the gateway payment’s alone', async () => {
    const demo = await demoStore();
    try {
      const feed = await demo.messages(1006313);
      expect(feed).toHaveLength(1);
      expect(feed[0]).toMatchObject({ visibility: 'system', event: { code: 'payment_gateway', amount: 40000, method: 'card' } });
      for (const n of [1006312, 1006314, 1006315])
        expect(
          (await demo.messages(n)).filter((m) => m.event?.code === 'order_created'),
          `order ${n}`,
        ).toEqual([]);
      // An order the same file would load without saying so gets one.
      await loadFixture(demo, {
        fixture: fixture({
          orders: [
            {
              number: 2000040,
              service: 'coworking-2',
              applicant: 'petrov',
              createdBy: 'manager',
              createdAt: '2023-08-11T10:00:00+05:00',
              ticket: { number: 940, start: '2023-08-13T10:00:00+05:00', end: '2023-08-13T12:00:00+05:00' },
              lines: [{ tariff: 'Стандарт', quantity: 2 }],
            },
          ],
        }),
        source: 'more.json',
        at: AT,
        dryRun: false,
      });
      expect((await demo.messages(2000040)).map((m) => m.event)).toEqual([{ code: 'order_created', by: 'Ольга Смирнова', total: 20000 }]);
    } finally {
      await demo.close();
    }
  });
});
