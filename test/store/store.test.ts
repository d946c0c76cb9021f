import { loadInto } from '../helpers/deps.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { openStore, type OrderFilter, type Store } from '../../src/store/index.js';
import { iterateOrders } from '../../src/store/orders.js';
import { FixtureError } from '../../src/core/fixture-refs.js';
import { seedOrders } from '../../src/app/seed.js';
import { LATEST_MIGRATION } from '../../src/store/migrations.js';
import { parseFixture, type Fixture, type FixtureInput } from '../../src/core/fixture.js';
import { demoFixture } from '../../src/commands/seed/demo.js';
import { statusFor } from '../../src/core/orders.js';
import type { OrderStatus, PaymentMethod, PaymentSource } from '../../src/core/types.js';
import { demoStore } from '../helpers/deps.js';
import { newDatabase, newPostgresDatabase, onPostgres } from '../helpers/targets.js';

function fixture(input: FixtureInput): Fixture {
  const r = parseFixture(input);
  if (!('fixture' in r)) throw new Error(`invalid fixture: ${JSON.stringify(r.problems)}`);
  return r.fixture;
}

const tmp = mkdtempSync(join(tmpdir(), 'cowork-store-test-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Every row of every table, in a stable order: two databases are the same when their dumps are. */
async function dump(store: Store, opts: { withoutIds?: boolean } = {}): Promise<Record<string, unknown[]>> {
  const tables =
    store.dialect === 'postgres'
      ? await sql<{
          name: string;
        }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(
          store.db,
        )
      : await sql<{ name: string }>`select name from sqlite_master where type = 'table' order by name`.execute(store.db);
  const out: Record<string, unknown[]> = {};
  for (const { name } of tables.rows) {
    if (opts.withoutIds && name === 'sqlite_sequence') continue;
    const rows = (await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(store.db)).rows;
    out[name] = rows
      .map((r) => {
        if (!opts.withoutIds) return JSON.stringify(r);
        const { id: _id, ...rest } = r;
        return JSON.stringify(rest);
      })
      .sort();
  }
  return out;
}

async function viewer(store: Store, login: string) {
  const u = await store.user(login);
  if (!u) throw new Error(`no user ${login}`);
  return { id: u.id, login: u.login, role: u.role };
}

async function numbers(store: Store, login: string, filter: OrderFilter = {}, limit?: number): Promise<number[]> {
  const out: number[] = [];
  for await (const o of store.orders(await viewer(store, login), filter, limit)) out.push(o.number);
  return out;
}

describe('the demo in a new database', () => {
  let store: Store;
  beforeAll(async () => {
    store = await demoStore();
  });
  afterAll(() => store.close());

  it('order 1006313 reads back as the SPEC shows it', async () => {
    const o = await store.order(1006313);
    expect(o).not.toBeNull();
    expect(o!).toMatchObject({
      number: 1006313,
      status: 'confirmed',
      total: 40000,
      paid: 40000,
      minRemaining: 5000,
      partialPayment: true,
      createdAt: '2023-08-11T08:32:00.000Z',
      dueDate: '2023-08-11',
      assignee: null,
      applicant: { login: 'troshkov', name: 'Алексей Трошков', phone: '+73422545454', role: 'guest' },
      ticket: {
        number: 207,
        status: 'active',
        visitor: { name: 'Алексей Трошков', phone: '+73422545454' },
        start: '2023-08-11T11:00:00.000Z',
        end: '2023-08-11T15:00:00.000Z',
      },
      lines: [{ description: 'Коворкинг на 2 этаже', tariff: 'Стандарт', quantity: 4, unitPrice: 10000, amount: 40000 }],
      cancelledAt: null,
    });
    expect(o!.service.slug).toBe('coworking-2');
    expect(o!.service.location.timeZone).toBe('Asia/Yekaterinburg');
  });

  it('order 1006313 has one gateway card payment', async () => {
    const payments = await store.payments(1006313);
    expect(payments).toHaveLength(1);
    expect(payments[0]).toMatchObject({
      orderNumber: 1006313,
      amount: 40000,
      method: 'card',
      source: 'gateway',
      recordedBy: null,
      externalId: 'gw-5520417',
      createdAt: '2023-08-11T08:32:00.000Z',
    });
  });

  it('order 1006313 has one system message: the gateway payment event', async () => {
    const messages = await store.messages(1006313);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({
      visibility: 'system',
      author: null,
      text: null,
      event: { code: 'payment_gateway', amount: 40000, method: 'card' },
      createdAt: '2023-08-11T08:32:00.000Z',
    });
  });

  it('the other demo orders are in the states the SPEC lists', async () => {
    const [o12, o14, o15] = await Promise.all([store.order(1006312), store.order(1006314), store.order(1006315)]);
    expect(o12).toMatchObject({ status: 'cancelled', total: 50000, paid: 15000, ticket: { status: 'cancelled' } });
    expect(o12!.cancelReason).toBe('Гость попросил перенести бронирование');
    expect(o14).toMatchObject({ status: 'partially_paid', total: 100000, paid: 30000 });
    expect(o15).toMatchObject({
      status: 'awaiting_payment',
      total: 200000,
      paid: 0,
      partialPayment: false,
      assignee: { login: 'manager2' },
    });
    const feed = await store.messages(1006314);
    expect(feed.map((m) => m.visibility)).toEqual(['system', 'public', 'public', 'internal']);
  });

  it('1006316: cancelled keeping 100 ₽, 150 ₽ of the rest given back; 1006317: a desk payment reversed, awaiting payment', async () => {
    const [o16, o17] = await Promise.all([store.order(1006316), store.order(1006317)]);
    expect(o16).toMatchObject({
      status: 'cancelled',
      total: 50000,
      paid: 35000,
      kept: 10000,
      cancelReason: 'Гость заболел',
      applicant: { login: 'petrov' },
      createdBy: { login: 'manager' },
      ticket: { number: 210, status: 'cancelled' },
    });
    expect(o17).toMatchObject({
      status: 'awaiting_payment',
      total: 100000,
      paid: 0,
      assignee: null,
      applicant: { login: 'troshkov' },
      createdBy: { login: 'manager2' },
      ticket: { number: 211, status: 'active' },
    });
    expect((await store.payments(1006316)).map((p) => [p.kind, p.amount, p.method, p.source, p.reference])).toEqual([
      ['payment', 50000, 'cash', 'manager', 'Чек 0412'],
      ['refund', 15000, 'cash', 'manager', null],
    ]);
    const p17 = await store.payments(1006317);
    expect(p17.map((p) => [p.kind, p.amount, p.method, p.source, p.createdAt])).toEqual([
      ['payment', 100000, 'card', 'manager', '2023-08-11T06:05:00.000Z'],
      ['reversal', 100000, 'card', 'manager', '2023-08-11T06:07:00.000Z'],
    ]);
    expect(p17[1]!.reverses).toBe(p17[0]!.id);
    // Both were made by cowork, and their feeds say so first; the older demo orders have no such message.
    expect((await store.messages(1006316)).map((m) => m.event?.code)).toEqual([
      'order_created',
      'payment_recorded',
      'order_cancelled',
      'payment_refunded',
    ]);
    expect((await store.messages(1006317)).map((m) => m.event?.code)).toEqual(['order_created', 'payment_recorded', 'payment_reversed']);
    for (const n of [1006312, 1006313, 1006314, 1006315])
      expect((await store.messages(n)).some((m) => m.event?.code === 'order_created')).toBe(false);
  });

  it('an unknown order, ticket and user are null', async () => {
    expect(await store.order(999)).toBeNull();
    expect(await store.ticketOrder(999)).toBeNull();
    expect(await store.user('nobody')).toBeNull();
    expect(await store.ticketOrder(207)).toBe(1006313);
  });

  it('services carry their tariffs and managers', async () => {
    const cw = await store.service('coworking-2');
    expect(cw).toMatchObject({ capacity: 20, partialPayment: true, minPrepaymentPercent: 30, managers: ['manager'] });
    expect(cw!.tariffs).toEqual([{ name: 'Стандарт', unit: 'hour', price: 10000 }]);
    expect((await store.service('meeting-room'))!.managers).toEqual(['manager', 'manager2']);
    expect(await store.service('sauna')).toBeNull();
  });

  it('users list by login, and by role', async () => {
    expect((await store.users()).map((u) => u.login)).toEqual(['admin', 'ivanova', 'manager', 'manager2', 'petrov', 'troshkov']);
    expect((await store.users('rental_manager')).map((u) => u.login)).toEqual(['manager', 'manager2']);
  });

  describe('order visibility (rule 1)', () => {
    it('an admin and a manager of both services see all, newest first', async () => {
      expect(await numbers(store, 'admin')).toEqual([1006315, 1006314, 1006313, 1006317, 1006316, 1006312]);
      expect(await numbers(store, 'manager')).toEqual([1006315, 1006314, 1006313, 1006317, 1006316, 1006312]);
    });
    it('manager2 sees only meeting-room orders', async () => {
      expect(await numbers(store, 'manager2')).toEqual([1006315, 1006317]);
    });
    it('a guest sees only their own', async () => {
      expect(await numbers(store, 'ivanova')).toEqual([1006314, 1006312]);
      expect(await numbers(store, 'troshkov')).toEqual([1006313, 1006317]);
      expect(await numbers(store, 'petrov')).toEqual([1006315, 1006316]);
    });
    it('counts follow visibility', async () => {
      expect(await store.countOrders(await viewer(store, 'admin'), {})).toBe(6);
      expect(await store.countOrders(await viewer(store, 'manager2'), {})).toBe(2);
      expect(await store.countOrders(await viewer(store, 'ivanova'), {})).toBe(2);
    });
    it('a rental manager responsible for nothing sees nothing', async () => {
      expect(await numbers(store, 'manager2', { serviceId: (await store.service('coworking-2'))!.id })).toEqual([]);
    });
  });

  describe('filters', () => {
    it('status', async () => {
      expect(await numbers(store, 'admin', { statuses: ['confirmed'] })).toEqual([1006313]);
      expect(await numbers(store, 'admin', { statuses: ['cancelled', 'awaiting_payment'] })).toEqual([1006315, 1006317, 1006316, 1006312]);
      expect(await numbers(store, 'admin', { statuses: [] })).toHaveLength(6);
    });
    it('service', async () => {
      expect(await numbers(store, 'admin', { serviceId: (await store.service('meeting-room'))!.id })).toEqual([1006315, 1006317]);
      expect(await numbers(store, 'admin', { serviceId: (await store.service('coworking-2'))!.id })).toEqual([
        1006314, 1006313, 1006316, 1006312,
      ]);
    });
    it('assignee: none, and a user', async () => {
      expect(await numbers(store, 'admin', { assignee: 'none' })).toEqual([1006314, 1006313, 1006317, 1006316, 1006312]);
      expect(await numbers(store, 'admin', { assignee: (await store.user('manager2'))!.id })).toEqual([1006315]);
      expect(await numbers(store, 'admin', { assignee: (await store.user('manager'))!.id })).toEqual([]);
    });
    it('from / to: the rental period touches the local dates', async () => {
      expect(await numbers(store, 'admin', { from: '2023-08-12' })).toEqual([1006315, 1006314, 1006317, 1006316]);
      expect(await numbers(store, 'admin', { to: '2023-08-11' })).toEqual([1006313, 1006312]);
      expect(await numbers(store, 'admin', { from: '2023-08-11', to: '2023-08-11' })).toEqual([1006313]);
      expect(await numbers(store, 'admin', { from: '2023-08-13', to: '2023-08-13' })).toEqual([]);
      expect(await numbers(store, 'admin', { from: '2023-08-10', to: '2023-08-14' })).toEqual([1006315, 1006314, 1006313, 1006312]);
      expect(await numbers(store, 'admin', { from: '2023-08-15', to: '2023-08-16' })).toEqual([1006317, 1006316]);
    });
    it('filters combine, and with visibility', async () => {
      expect(await numbers(store, 'admin', { statuses: ['partially_paid', 'confirmed'], from: '2023-08-12' })).toEqual([1006314]);
      expect(await numbers(store, 'ivanova', { statuses: ['cancelled'] })).toEqual([1006312]);
      expect(await store.countOrders(await viewer(store, 'admin'), { assignee: 'none', to: '2023-08-11' })).toBe(2);
    });
    it('a limit takes the newest', async () => {
      expect(await numbers(store, 'admin', {}, 2)).toEqual([1006315, 1006314]);
      expect(await numbers(store, 'admin', {}, 10)).toHaveLength(6);
    });
  });
});

describe('the run\u2019s services', () => {
  it.runIf(onPostgres)('include one a transaction wrote once it has committed, though the run read its services meanwhile', async () => {
    // Closed when the test ends (test/helpers/deps.ts).
    const store = await demoStore();
    const locationId = (await store.locations())[0]!.id;
    await store.write(async (tx) => {
      await tx.writeService({
        slug: 'hall-9',
        locationId,
        name: 'Hall 9',
        capacity: 3,
        opensAt: '08:00',
        closesAt: '22:00',
        partialPayment: false,
        minPrepaymentPercent: 0,
        tariffs: [{ name: 'Standard', unit: 'hour', price: 10_000 }],
        managerIds: [],
      });
      // Another operation of the run reads the services, on another connection, before the commit.
      expect(await store.service('hall-9')).toBeNull();
    });
    expect((await store.service('hall-9'))?.name).toBe('Hall 9');
  });
});

describe('local dates are the location\u2019s, not UTC', () => {
  let store: Store;
  beforeAll(async () => {
    store = await demoStore();
    const order = (number: number, ticket: number, start: string, end: string) => ({
      number,
      service: 'night-hall',
      applicant: 'petrov',
      createdAt: '2023-08-11T12:00:00+05:00',
      ticket: { number: ticket, start, end },
      lines: [{ tariff: 'Стандарт', quantity: 1 }],
    });
    await loadInto(
      store,
      fixture({
        // A hall open round the clock, so that bookings can touch local midnight.
        services: [
          {
            slug: 'night-hall',
            location: 'perm',
            name: 'Ночной зал',
            capacity: 5,
            opensAt: '00:00',
            closesAt: '24:00',
            tariffs: [{ name: 'Стандарт', unit: 'hour', price: 10000 }],
            managers: ['manager'],
          },
        ],
        orders: [
          // 02:00–03:00 on the 13th in Perm: still the 12th in UTC.
          order(2000001, 901, '2023-08-13T02:00:00+05:00', '2023-08-13T03:00:00+05:00'),
          // 22:00–24:00 on the 12th in Perm: ends exactly at the 13th's midnight.
          order(2000002, 902, '2023-08-12T22:00:00+05:00', '2023-08-13T00:00:00+05:00'),
        ],
      }),
      '2023-08-11T00:00:00.000Z',
    );
  });
  afterAll(() => store.close());

  it('a booking after local midnight belongs to the local date', async () => {
    expect(await numbers(store, 'admin', { from: '2023-08-13', to: '2023-08-13' })).toEqual([2000001]);
  });
  it('a booking ending at local midnight does not touch the next day', async () => {
    expect(await numbers(store, 'admin', { from: '2023-08-12', to: '2023-08-12' })).toEqual([1006314, 2000002]);
  });
  it('the due date of a loaded order is its local rental day', async () => {
    expect((await store.order(2000001))!.dueDate).toBe('2023-08-13');
  });
});

describe('keyset pagination', () => {
  it('reading a page at a time gives the same orders as one read, newest first', async () => {
    const store = await demoStore();
    try {
      await seedOrders(store, { count: 60, seed: 7, now: new Date('2023-08-11T08:40:00Z'), dryRun: false });
      const admin = await viewer(store, 'admin');
      const services = await store.services();
      const all: { n: number; at: string }[] = [];
      for await (const o of iterateOrders(store.db, admin, {}, services)) all.push({ n: o.number, at: o.createdAt });
      const paged: number[] = [];
      for await (const o of iterateOrders(store.db, admin, {}, services, { pageSize: 7 })) paged.push(o.number);
      expect(all).toHaveLength(66);
      expect(paged).toEqual(all.map((x) => x.n));
      expect(new Set(paged).size).toBe(66);
      for (let i = 1; i < all.length; i++) {
        const [a, b] = [all[i - 1]!, all[i]!];
        expect(a.at > b.at || (a.at === b.at && a.n > b.n)).toBe(true);
      }
      const limited: number[] = [];
      for await (const o of iterateOrders(store.db, admin, {}, services, { pageSize: 7, limit: 10 })) limited.push(o.number);
      expect(limited).toEqual(all.slice(0, 10).map((x) => x.n));
      expect(await store.countOrders(admin, {})).toBe(66);
    } finally {
      await store.close();
    }
  });
});

describe('loading a fixture', () => {
  it('loading the demo twice leaves the same rows, apart from surrogate ids', async () => {
    const store = await openStore(await newDatabase());
    try {
      await loadInto(store, fixture(demoFixture), '2023-08-01T00:00:00.000Z');
      const first = await dump(store, { withoutIds: true });
      expect(first.orders).toHaveLength(6);
      const report = await loadInto(store, fixture(demoFixture), '2023-09-01T00:00:00.000Z');
      expect(report.orders).toEqual({ created: 0, unchanged: 6 });
      expect(report.payments).toBe(0);
      expect(report.messages).toBe(0);
      expect(await dump(store, { withoutIds: true })).toEqual(first);
    } finally {
      await store.close();
    }
  });

  it('loading the demo twice leaves the same database, ids included (SPEC: "the same database")', async () => {
    const store = await openStore(await newDatabase());
    try {
      await loadInto(store, fixture(demoFixture), '2023-08-01T00:00:00.000Z');
      const first = await dump(store);
      await loadInto(store, fixture(demoFixture), '2023-09-01T00:00:00.000Z');
      expect(await dump(store)).toEqual(first);
    } finally {
      await store.close();
    }
  });

  it('a dry run reports and writes nothing', async () => {
    const store = await openStore(await newDatabase());
    try {
      const before = await dump(store);
      const report = await loadInto(store, fixture(demoFixture), '2023-08-01T00:00:00.000Z', { dryRun: true });
      expect(report.orders.created).toBe(6);
      expect(await dump(store)).toEqual(before);
    } finally {
      await store.close();
    }
  });

  it('a dangling reference is refused before anything is written', async () => {
    const store = await demoStore();
    try {
      const before = await dump(store);
      const bad = fixture({
        users: [{ login: 'newguest', name: 'Новый гость', role: 'guest' }],
        orders: [
          {
            number: 2000001,
            service: 'sauna',
            applicant: 'newguest',
            createdAt: '2023-08-11T10:00:00+05:00',
            ticket: { number: 901, start: '2023-08-12T10:00:00+05:00', end: '2023-08-12T11:00:00+05:00' },
            lines: [{ tariff: 'Стандарт', quantity: 1 }],
          },
        ],
      });
      await expect(loadInto(store, bad, '2023-08-11T00:00:00.000Z')).rejects.toBeInstanceOf(FixtureError);
      expect(await dump(store)).toEqual(before);
    } finally {
      await store.close();
    }
  });

  it.each([
    ['a ticket number', { ticket: 207, externalId: 'new-1' }, 'orders[0].ticket.number'],
    ['a payment external id', { ticket: 901, externalId: 'gw-5520417' }, 'orders[0].payments[0].externalId'],
  ])('%s the database already has is refused as a fixture problem with its path', async (_what, v, path) => {
    const store = await demoStore();
    try {
      const before = await dump(store);
      const f = fixture({
        orders: [
          {
            number: 2000001,
            service: 'coworking-2',
            applicant: 'petrov',
            createdAt: '2023-08-11T10:00:00+05:00',
            ticket: { number: v.ticket, start: '2023-08-12T10:00:00+05:00', end: '2023-08-12T11:00:00+05:00' },
            lines: [{ tariff: 'Стандарт', quantity: 1 }],
            payments: [{ externalId: v.externalId, amount: 10000, method: 'card', source: 'gateway', at: '2023-08-11T10:00:00+05:00' }],
          },
        ],
      });
      const err = await loadInto(store, f, '2023-08-11T00:00:00.000Z').catch((e: unknown) => e);
      expect(await dump(store)).toEqual(before);
      expect(err).toBeInstanceOf(FixtureError);
      expect((err as FixtureError).problems.map((p) => p.path)).toContain(path);
    } finally {
      await store.close();
    }
  });

  it('a payment that breaks the 50 ₽ floor is refused with its path, and nothing is written', async () => {
    const store = await demoStore();
    try {
      const before = await dump(store);
      const bad = fixture({
        users: [{ login: 'newguest', name: 'Новый гость', role: 'guest' }],
        orders: [
          {
            number: 2000001,
            service: 'coworking-2',
            applicant: 'newguest',
            createdAt: '2023-08-11T10:00:00+05:00',
            ticket: { number: 901, start: '2023-08-12T10:00:00+05:00', end: '2023-08-12T20:00:00+05:00' },
            lines: [{ tariff: 'Стандарт', quantity: 10 }],
            payments: [{ amount: 97000, method: 'cash', source: 'manager', recordedBy: 'manager', at: '2023-08-11T10:00:00+05:00' }],
          },
        ],
      });
      const err = await loadInto(store, bad, '2023-08-11T00:00:00.000Z').catch((e: unknown) => e);
      expect(err).toBeInstanceOf(FixtureError);
      expect((err as FixtureError).problems[0]!.path).toBe('orders[0].payments[0].amount');
      expect(await dump(store)).toEqual(before);
    } finally {
      await store.close();
    }
  });
});

describe(onPostgres ? 'a PostgreSQL database named by its URL' : 'a database file', () => {
  let store: Store;
  const folder = join(tmp, 'new', 'folder');
  /** A file; on a PostgreSQL run, the URL of a new database. */
  let path = join(folder, 'cowork.db');
  beforeAll(async () => {
    if (onPostgres) path = await newPostgresDatabase();
    store = await openStore(path);
    const r = parseFixture(demoFixture);
    if (!('fixture' in r)) throw new Error('demo invalid');
    await loadInto(store, r.fixture, '2023-08-01T00:00:00.000Z');
  });
  afterAll(() => store.close());

  it.skipIf(onPostgres)('is created with mode 0600 in a new folder of mode 0700', () => {
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(folder).mode & 0o777).toBe(0o700);
  });

  it.skipIf(onPostgres)('runs in WAL mode with foreign keys on', async () => {
    const jm = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(store.db);
    expect(jm.rows[0]!.journal_mode).toBe('wal');
    const fk = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(store.db);
    expect(fk.rows[0]!.foreign_keys).toBe(1);
  });

  it.skipIf(onPostgres)('its WAL file is not readable by others either', () => {
    const wal = `${path}-wal`;
    expect(statSync(wal).mode & 0o077).toBe(0);
  });

  it('reopens with the same data, at the latest migration, without migrating again', async () => {
    const migrations = async (s: Store) =>
      (await sql<{ name: string }>`select name from kysely_migration order by name`.execute(s.db)).rows.map((r) => r.name);
    const before = await migrations(store);
    expect(before.at(-1)).toBe(LATEST_MIGRATION);
    const again = await openStore(path);
    try {
      expect((await again.order(1006313))!.total).toBe(40000);
      expect(await migrations(again)).toEqual(before);
    } finally {
      await again.close();
    }
  });

  it.runIf(onPostgres)('is a PostgreSQL store, and its money rules are constraints of the schema', async () => {
    expect(store.dialect).toBe('postgres');
    const { rows } = await sql<{ conname: string }>`select conname from pg_constraint where contype = 'c' order by conname`.execute(
      store.db,
    );
    expect(rows.map((r) => r.conname)).toEqual(
      expect.arrayContaining([
        'orders_paid',
        'orders_kept',
        'payments_reversal',
        'orders_status',
        'order_lines_amount',
        'payments_amount',
        'messages_kind',
        'tickets_period',
      ]),
    );
  });

  it.runIf(onPostgres)('survives the server ending its idle connections: no uncaught error, the next read reconnects', async () => {
    const uncaught: unknown[] = [];
    const hear = (e: unknown) => uncaught.push(e);
    process.on('uncaughtException', hear);
    try {
      // Two reads at once leave two idle connections in the pool; one of them ends the other.
      await Promise.all([store.order(1006313), store.order(1006314)]);
      const { rows } = await sql<{ n: number }>`
        select count(pg_terminate_backend(pid))::int as n from pg_stat_activity
         where datname = current_database() and pid <> pg_backend_pid()`.execute(store.db);
      expect(rows[0]!.n).toBeGreaterThan(0);
      await new Promise((r) => setTimeout(r, 200));
      expect(uncaught).toEqual([]);
      expect((await store.order(1006313))!.total).toBe(40000);
    } finally {
      process.off('uncaughtException', hear);
    }
  });

  it('the demo loads twice into a file to the same rows', async () => {
    const before = await dump(store, { withoutIds: true });
    await loadInto(store, fixture(demoFixture), '2024-01-01T00:00:00.000Z');
    expect(await dump(store, { withoutIds: true })).toEqual(before);
  });
});

describe('constraints refuse bad states', () => {
  let store: Store;
  beforeAll(async () => {
    store = await demoStore();
  });
  afterAll(() => store.close());

  /** A desk payment of 1 ₽ on 1006314, as the payments table takes it. */
  const deskRow = {
    order_number: 1006314,
    amount: 100,
    method: 'cash' as const,
    source: 'manager' as const,
    recorded_by: null,
    created_at: '2023-08-11T08:40:00.000Z',
    external_id: null,
  };

  const paidOf = async (n: number) =>
    (await store.db.selectFrom('orders').select('paid').where('number', '=', n).executeTakeFirstOrThrow()).paid;

  it('foreign keys are enforced', async () => {
    await expect(
      store.db
        .insertInto('payments')
        .values({
          order_number: 999,
          amount: 100,
          method: 'cash',
          source: 'manager',
          created_at: '2023-08-11T08:40:00.000Z',
          external_id: null,
          recorded_by: null,
        })
        .execute(),
    ).rejects.toThrow(/FOREIGN KEY/i);
  });

  it('a negative paid', async () => {
    await expect(
      store.db.updateTable('orders').set({ paid: -1, status: 'cancelled' }).where('number', '=', 1006312).execute(),
    ).rejects.toThrow(/CHECK/i);
  });

  it('a payment amount of 0, or negative', async () => {
    const payment = (amount: number) => ({ ...deskRow, amount });
    await expect(store.db.insertInto('payments').values(payment(0)).execute()).rejects.toThrow(/CHECK/i);
    await expect(store.db.insertInto('payments').values(payment(-100)).execute()).rejects.toThrow(/CHECK/i);
    expect(await store.payments(1006314)).toHaveLength(1);
  });

  it('a payment method or source outside the lists', async () => {
    // Values the column types forbid, written past them to reach the database's own checks.
    const bitcoin = 'bitcoin' as PaymentMethod;
    const bank = 'bank' as PaymentSource;
    const base = { order_number: 1006314, amount: 100, recorded_by: null, created_at: '2023-08-11T08:40:00.000Z', external_id: null };
    await expect(
      store.db
        .insertInto('payments')
        .values({ ...base, method: bitcoin, source: 'manager' })
        .execute(),
    ).rejects.toThrow(/CHECK/i);
    await expect(
      store.db
        .insertInto('payments')
        .values({ ...base, method: 'cash', source: bank })
        .execute(),
    ).rejects.toThrow(/CHECK/i);
  });

  it('an external id used twice', async () => {
    await expect(
      store.db
        .insertInto('payments')
        .values({
          order_number: 1006314,
          amount: 100,
          method: 'card',
          source: 'gateway',
          recorded_by: null,
          created_at: '2023-08-11T08:40:00.000Z',
          external_id: 'gw-5520417',
        })
        .execute(),
    ).rejects.toThrow(/UNIQUE/i);
  });

  it('what a gateway fact can make is a state like any other: paid over the total, less than the floor left (rule 3a)', async () => {
    // Written and undone: a dry run rolls back, and any failure inside it still fails the test.
    await store.dryRunnable(true, async (tx) => {
      await tx.db.updateTable('orders').set({ paid: 40001 }).where('number', '=', 1006313).execute();
      await tx.db.updateTable('orders').set({ paid: 97000 }).where('number', '=', 1006314).execute();
      const row = await tx.db.selectFrom('orders').select('paid').where('number', '=', 1006313).executeTakeFirstOrThrow();
      expect(row.paid).toBe(40001);
    });
    expect(await paidOf(1006313)).toBe(40000);
  });

  it('a fee kept beyond what was paid, or on a live order', async () => {
    await expect(store.db.updateTable('orders').set({ kept: 15001 }).where('number', '=', 1006312).execute()).rejects.toThrow(/CHECK/i);
    await expect(store.db.updateTable('orders').set({ kept: 100 }).where('number', '=', 1006314).execute()).rejects.toThrow(/CHECK/i);
    await expect(store.db.updateTable('orders').set({ kept: -1 }).where('number', '=', 1006312).execute()).rejects.toThrow(/CHECK/i);
  });

  it('a reversal that points at no payment, a payment that points at one, and a payment reversed twice', async () => {
    const row = deskRow;
    await expect(
      store.db
        .insertInto('payments')
        .values({ ...row, kind: 'reversal' })
        .execute(),
    ).rejects.toThrow(/CHECK|payments_reversal/i);
    const [first] = await store.payments(1006314);
    await expect(
      store.db
        .insertInto('payments')
        .values({ ...row, kind: 'payment', reverses: Number(first!.id) })
        .execute(),
    ).rejects.toThrow(/CHECK|payments_reversal/i);
    // Written and undone: a dry run rolls back, and any failure inside it still fails the test.
    await store.dryRunnable(true, async (tx) => {
      await tx.db
        .insertInto('payments')
        .values({ ...row, kind: 'reversal', reverses: Number(first!.id) })
        .execute();
      await expect(
        tx.db
          .insertInto('payments')
          .values({ ...row, kind: 'reversal', reverses: Number(first!.id) })
          .execute(),
      ).rejects.toThrow(/UNIQUE|duplicate/i);
    });
    expect(await store.payments(1006314)).toHaveLength(1);
  });

  it('a desk key used twice, apart from the gateway ids', async () => {
    const { external_id: _none, ...row } = deskRow;
    // A desk key may read like a gateway id: the two live apart.
    // Written and undone: a dry run rolls back, and any failure inside it still fails the test.
    await store.dryRunnable(true, async (tx) => {
      await tx.db
        .insertInto('payments')
        .values({ ...row, external_id: null, desk_key: 'gw-5520417' })
        .execute();
    });
    // Written and undone: a dry run rolls back, and any failure inside it still fails the test.
    await store.dryRunnable(true, async (tx) => {
      await tx.db
        .insertInto('payments')
        .values({ ...row, external_id: null, desk_key: 'k' })
        .execute();
      await expect(
        tx.db
          .insertInto('payments')
          .values({ ...row, external_id: null, desk_key: 'k' })
          .execute(),
      ).rejects.toThrow(/UNIQUE|duplicate/i);
    });
  });

  it('a status that contradicts paid', async () => {
    await expect(store.db.updateTable('orders').set({ status: 'confirmed' }).where('number', '=', 1006314).execute()).rejects.toThrow(
      /CHECK/i,
    );
    await expect(
      store.db.updateTable('orders').set({ status: 'awaiting_payment' }).where('number', '=', 1006313).execute(),
    ).rejects.toThrow(/CHECK/i);
    const paid = 'paid' as OrderStatus; // not a status: past the column's type to the database's check
    await expect(store.db.updateTable('orders').set({ status: paid }).where('number', '=', 1006313).execute()).rejects.toThrow(/CHECK/i);
  });

  it('a system message without an event, and a public one without a body', async () => {
    const m = { order_number: 1006313, author_id: null, created_at: '2023-08-11T08:40:00.000Z', data: null };
    await expect(
      store.db
        .insertInto('messages')
        .values({ ...m, visibility: 'system', body: 'x', event: null })
        .execute(),
    ).rejects.toThrow(/CHECK/i);
    await expect(
      store.db
        .insertInto('messages')
        .values({ ...m, visibility: 'public', body: null, event: null })
        .execute(),
    ).rejects.toThrow(/CHECK/i);
  });

  it('a line whose amount is not quantity × unit price', async () => {
    await expect(
      store.db
        .insertInto('order_lines')
        .values({ order_number: 1006313, position: 1, description: 'x', tariff: 'Стандарт', quantity: 2, unit_price: 100, amount: 150 })
        .execute(),
    ).rejects.toThrow(/CHECK/i);
  });

  it.runIf(onPostgres)('PostgreSQL names the constraint a bad state breaks (SQLSTATE 23514)', async () => {
    const err = (await store.db
      .updateTable('orders')
      .set({ status: 'confirmed' })
      .where('number', '=', 1006314)
      .execute()
      .catch((e: unknown) => e)) as {
      code?: string;
      constraint?: string;
    };
    expect(err).toMatchObject({ code: '23514', constraint: 'orders_status' });
    expect(await paidOf(1006314)).toBe(30000);
  });

  it('control: valid states the rules allow are accepted', async () => {
    // 95000 of 100000 leaves exactly the floor: allowed. Then the whole remainder: confirmed.
    await store.db.updateTable('orders').set({ paid: 95000 }).where('number', '=', 1006314).execute();
    expect(await paidOf(1006314)).toBe(95000);
    await store.db
      .updateTable('orders')
      .set({ paid: 100000, status: statusFor(100000, 100000) })
      .where('number', '=', 1006314)
      .execute();
    expect((await store.order(1006314))!.status).toBe('confirmed');
  });
});

describe('write transactions', () => {
  it('a failing write rolls back everything it did', async () => {
    const store = await demoStore();
    try {
      const before = await dump(store);
      await expect(
        store.write(async (tx) => {
          await tx.db.updateTable('orders').set({ assignee_id: null }).where('number', '=', 1006315).execute();
          await tx.db.updateTable('orders').set({ paid: 1 }).where('number', '=', 1006313).execute(); // breaks the floor
        }),
      ).rejects.toThrow(/CHECK/i);
      expect(await dump(store)).toEqual(before);
      expect((await store.order(1006315))!.assignee!.login).toBe('manager2');
    } finally {
      await store.close();
    }
  });

  it('lockOrder reads the order inside the transaction', async () => {
    const store = await demoStore();
    try {
      const o = await store.write((tx) => tx.lockOrder(1006313));
      expect(o!.total).toBe(40000);
      expect(await store.write((tx) => tx.lockOrder(999))).toBeNull();
    } finally {
      await store.close();
    }
  });
});
