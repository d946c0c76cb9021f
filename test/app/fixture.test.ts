/**
 * Loading a fixture (src/app/fixture.ts) against a real database: SQLite, or PostgreSQL on a
 * PostgreSQL run. What a load writes, that a second load writes nothing, and that a refused load
 * (a reference, a money rule, the seats, a key the database holds) writes nothing at all.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../src/app/fixture.js';
import { parseFixture, type Fixture, type FixtureInput } from '../../src/core/fixture.js';
import { FixtureError } from '../../src/core/fixture-refs.js';
import { openStore, type Store } from '../../src/store/index.js';
import { en } from '../../src/ui/messages/en.js';
import { ru } from '../../src/ui/messages/ru.js';
import { say } from '../../src/ui/i18n.js';
import { demoStore } from '../helpers/deps.js';
import { newDatabase } from '../helpers/targets.js';
import { rejection } from './helpers.js';
import { tables } from '../helpers/main.js';

const EXAMPLE = resolve(import.meta.dirname, '../../examples/fixture.json');
const AT = '2030-03-01T00:00:00.000Z';

function fixture(input: unknown): Fixture {
  const r = parseFixture(input);
  if (!('fixture' in r)) throw new Error(`invalid fixture: ${JSON.stringify(r.problems)}`);
  return r.fixture;
}

const example = (): FixtureInput => JSON.parse(readFileSync(EXAMPLE, 'utf8')) as FixtureInput;

async function fresh(): Promise<Store> {
  return openStore(await newDatabase());
}

/** The refusal of a load, after checking that it wrote nothing. */
async function refused(store: Store, f: Fixture): Promise<FixtureError> {
  const before = await tables(store);
  const e = await rejection(loadFixture(store, { fixture: f, source: 'broken.json', at: AT, dryRun: false }));
  expect(await tables(store)).toEqual(before);
  expect(e).toBeInstanceOf(FixtureError);
  return e as FixtureError;
}

describe('loadFixture', () => {
  it('writes what the file says: the report counts it, the orders carry the money and the events the core decided', async () => {
    const store = await fresh();
    try {
      const report = await loadFixture(store, { fixture: fixture(example()), source: 'example.json', at: AT, dryRun: false });
      expect(report).toEqual({
        locations: { created: 1, updated: 0 },
        users: { created: 4, updated: 0 },
        services: { created: 2, updated: 0 },
        orders: { created: 3, unchanged: 0 },
        payments: 2,
        messages: 9,
      });
      expect(await store.order(2000001)).toMatchObject({
        status: 'partially_paid',
        total: 120000,
        paid: 36000,
        dueDate: '2030-03-03',
        ticket: { number: 1001, status: 'active' },
      });
      expect(await store.order(2000002)).toMatchObject({ status: 'confirmed', paid: 180000, assignee: { login: 'desk' } });
      expect(await store.order(2000003)).toMatchObject({
        status: 'cancelled',
        paid: 0,
        ticket: { status: 'cancelled' },
        cancelReason: 'Гостья перенесла визит',
      });
      // The feed: the system events, from the order's creation on, and the people's messages, in time order.
      const feed1 = await store.messages(2000001);
      expect(feed1[0]!.event).toEqual({ code: 'order_created', by: 'Пётр Сидоров', total: 120000 });
      expect(feed1.map((m) => [m.visibility, m.event?.code ?? m.text])).toEqual([
        ['system', 'order_created'],
        ['system', 'payment_gateway'],
        ['public', 'Остаток оплачу на месте.'],
        ['internal', 'Принять доплату утром.'],
      ]);
      expect((await store.messages(2000002)).map((m) => m.event)).toEqual([
        { code: 'order_created', by: 'Ирина Соколова', total: 180000 },
        { code: 'assignee_changed', to: 'Ирина Соколова', by: null },
        { code: 'payment_recorded', amount: 180000, method: 'cash', by: 'Ирина Соколова' },
      ]);
      expect((await store.messages(2000003)).map((m) => m.event)).toEqual([
        { code: 'order_created', by: 'Ольга Кузнецова', total: 45000 },
        { code: 'order_cancelled', by: 'Ирина Соколова', reason: 'Гостья перенесла визит', refundDue: 0, kept: 0 },
      ]);
      const payments = await store.payments(2000002);
      // A desk payment's externalId in the file is its idempotency key: it lives apart from gateway ids.
      expect(payments).toMatchObject([
        { amount: 180000, source: 'manager', externalId: null, idempotencyKey: 'desk-2000002-1', recordedBy: { login: 'desk' } },
      ]);
      // The next numbers come after the file's.
      const next = await store.write(async (tx) => [await tx.nextNumber('order', 1), await tx.nextNumber('ticket', 1)]);
      expect(next).toEqual([2000004, 1004]);
    } finally {
      await store.close();
    }
  });

  it('a second load writes nothing: the orders are unchanged, the rest upserted to the same rows', async () => {
    const store = await fresh();
    try {
      await loadFixture(store, { fixture: fixture(example()), source: 'example.json', at: AT, dryRun: false });
      const before = await tables(store);
      const report = await loadFixture(store, {
        fixture: fixture(example()),
        source: 'example.json',
        at: '2031-01-01T00:00:00.000Z',
        dryRun: false,
      });
      expect(report).toMatchObject({ orders: { created: 0, unchanged: 3 }, users: { created: 0, updated: 4 }, payments: 0, messages: 0 });
      expect(await tables(store)).toEqual(before);
    } finally {
      await store.close();
    }
  });

  it('a dry run reports the same and writes nothing', async () => {
    const store = await fresh();
    try {
      const before = await tables(store);
      const report = await loadFixture(store, { fixture: fixture(example()), source: 'example.json', at: AT, dryRun: true });
      expect(report.orders).toEqual({ created: 3, unchanged: 0 });
      expect(await tables(store)).toEqual(before);
    } finally {
      await store.close();
    }
  });

  describe('a refused load writes nothing', () => {
    it('a dangling reference, named by its path and its source', async () => {
      const store = await demoStore();
      const f = example();
      f.orders![0]!.service = 'sauna';
      const e = await refused(store, fixture(f));
      expect(e.problems.map((p) => p.path)).toContain('orders[0].service');
      expect(say(en, e.said)).toContain('broken.json: orders[0].service: unknown service "sauna"');
      expect(say(ru, e.said)).toContain('broken.json: orders[0].service: неизвестная услуга «sauna»');
    });

    it('a payment that breaks the 50 ₽ floor: the rule, at the payment’s path, after the users and services it would have written', async () => {
      const store = await demoStore();
      const f = example();
      // 1 200 ₽ paid 360 ₽, then 800 ₽ more would leave 40 ₽.
      f.orders![0]!.payments!.push({
        amount: 80000,
        method: 'cash',
        source: 'manager',
        recordedBy: 'desk',
        at: '2030-03-03T09:00:00+03:00',
      });
      const e = await refused(store, fixture(f));
      expect(e.problems).toEqual([
        {
          path: 'orders[0].payments[1].amount',
          issue: { kind: 'rule', said: expect.objectContaining({ key: 'REMAINING_BELOW_MINIMUM' }) },
        },
      ]);
      expect(say(en, e.said)).toMatch(/orders\[0\]\.payments\[1\]\.amount: after 800 ₽ the remaining balance would be 40 ₽/);
    });

    it('every order’s problem is reported, not only the first', async () => {
      const store = await demoStore();
      const f = example();
      f.orders![0]!.payments![0]!.amount = 120001;
      f.orders![1]!.payments![0]!.amount = 100000; // no partial payment in the meeting room
      const e = await refused(store, fixture(f));
      expect(e.problems.map((p) => [p.path, p.issue.kind === 'rule' ? p.issue.said.key : p.issue.kind])).toEqual([
        ['orders[0].payments[0].amount', 'AMOUNT_EXCEEDS_REMAINING'],
        ['orders[1].payments[0].amount', 'PARTIAL_PAYMENT_NOT_ALLOWED'],
      ]);
    });

    it('a booking over the seats of its service: with the file’s own bookings, and with the database’s', async () => {
      const store = await demoStore();
      const f = example();
      // The file's one-seat meeting room, booked twice at once.
      f.orders!.push({
        ...structuredClone(f.orders![1]!),
        number: 2000004,
        ticket: { number: 1004, start: '2030-03-04T15:00:00+03:00', end: '2030-03-04T17:00:00+03:00' },
        payments: [],
        assignee: null,
      });
      const e = await refused(store, fixture(f));
      expect(e.problems).toEqual([
        {
          path: 'orders[3].ticket',
          issue: { kind: 'rule', said: { key: 'CAPACITY_EXCEEDED', args: [{ service: 'kazan-meeting', capacity: 1, booked: 1 }] } },
        },
      ]);

      // The demo's meeting room holds order 1006315 on 14 August 2023, 12:00–14:00 in Perm.
      const over = {
        orders: [
          {
            number: 2000010,
            service: 'meeting-room',
            applicant: 'petrov',
            createdAt: '2023-08-11T10:00:00+05:00',
            ticket: { number: 910, start: '2023-08-14T13:00:00+05:00', end: '2023-08-14T15:00:00+05:00' },
            lines: [{ tariff: 'Стандарт', quantity: 2 }],
          },
        ],
      };
      const e2 = await refused(store, fixture(over));
      expect(e2.problems.map((p) => p.path)).toEqual(['orders[0].ticket']);
      // Once cancelled, the booking takes no seat.
      const cancelled = structuredClone(over);
      Object.assign(cancelled.orders[0]!, { cancelled: { by: 'manager', at: '2023-08-11T11:00:00+05:00', reason: null } });
      await loadFixture(store, { fixture: fixture(cancelled), source: 'ok.json', at: AT, dryRun: false });
      expect(await store.order(2000010)).toMatchObject({ status: 'cancelled', ticket: { status: 'cancelled' } });
    });

    it('a ticket number and an external id the database holds already', async () => {
      const store = await demoStore();
      const f = {
        orders: [
          {
            number: 2000001,
            service: 'coworking-2',
            applicant: 'petrov',
            createdAt: '2023-08-11T10:00:00+05:00',
            ticket: { number: 207, start: '2023-08-12T10:00:00+05:00', end: '2023-08-12T11:00:00+05:00' },
            lines: [{ tariff: 'Стандарт', quantity: 1 }],
            payments: [{ externalId: 'gw-5520417', amount: 10000, method: 'card', source: 'gateway', at: '2023-08-11T10:00:00+05:00' }],
          },
        ],
      };
      const e = await refused(store, fixture(f));
      expect(e.problems).toEqual([
        { path: 'orders[0].ticket.number', issue: { kind: 'ticketTaken', ticket: 207 } },
        { path: 'orders[0].payments[0].externalId', issue: { kind: 'externalIdTaken', id: 'gw-5520417' } },
      ]);
    });
  });

  it('a location the file changes gives its services’ new orders its floor', async () => {
    const store = await demoStore();
    const f = {
      locations: [{ key: 'perm', name: 'Пермь', timeZone: 'Asia/Yekaterinburg', minRemaining: 10000 }],
      orders: [
        {
          number: 2000020,
          service: 'coworking-2',
          applicant: 'petrov',
          createdAt: '2023-08-11T10:00:00+05:00',
          ticket: { number: 920, start: '2023-08-13T10:00:00+05:00', end: '2023-08-13T20:00:00+05:00' },
          lines: [{ tariff: 'Стандарт', quantity: 10 }],
          // 1 000 ₽, 920 ₽ paid would leave 80 ₽: enough for the old floor of 50 ₽, not the new 100 ₽.
          payments: [{ amount: 92000, method: 'card', source: 'gateway', at: '2023-08-11T10:00:00+05:00' }],
        },
      ],
    };
    const e = await refused(store, fixture(f));
    expect(e.problems.map((p) => p.path)).toEqual(['orders[0].payments[0].amount']);
    f.orders[0]!.payments[0]!.amount = 90000;
    const report = await loadFixture(store, { fixture: fixture(f), source: 'ok.json', at: AT, dryRun: false });
    expect(report).toMatchObject({ locations: { updated: 1 }, orders: { created: 1 } });
    expect(await store.order(2000020)).toMatchObject({ minRemaining: 10000, paid: 90000, status: 'partially_paid' });
    expect((await store.payments(2000020))[0]!.externalId).toBe('fixture-2000020-1');
  });
});
