/**
 * `seed --orders N` and `seed FILE` against a real database (SQLite, or PostgreSQL on a PostgreSQL
 * run): generated orders carry the audit trail the commands write; a database with nothing to book
 * refuses, saying why, in the operator's language, writing nothing; a fixture file saved with a
 * byte-order mark loads.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../src/app/fixture.js';
import { seedOrders } from '../../src/app/seed.js';
import { RuleError } from '../../src/core/errors.js';
import { parseFixture } from '../../src/core/fixture.js';
import { openStore, type Store } from '../../src/store/index.js';
import { en } from '../../src/ui/messages/en.js';
import { ru } from '../../src/ui/messages/ru.js';
import { say } from '../../src/ui/i18n.js';
import { demoStore } from '../helpers/deps.js';
import { expectFailure, expectOk, inProcess, tables } from '../helpers/main.js';
import { newDatabase } from '../helpers/targets.js';
import { rejection } from './helpers.js';

const NOW = new Date('2023-08-11T08:40:00Z');

describe('seed --orders: the audit trail of every generated order', () => {
  it('its creation by its creator, its executor, its payments and its cancellation, as the commands write them', async () => {
    const store = await demoStore();
    try {
      const report = await seedOrders(store, { count: 150, seed: 8, now: NOW, dryRun: false });
      const names = new Map((await store.users()).map((u) => [u.login, u.name]));
      let assigned = 0;
      for (let n = 1006318; n < 1006318 + 150; n++) {
        const o = (await store.order(n))!;
        const feed = await store.messages(n);
        const system = feed.filter((m) => m.visibility === 'system').map((m) => m.event);
        expect(feed[0]).toMatchObject({ visibility: 'system', createdAt: o.createdAt });
        expect(system[0]).toEqual({ code: 'order_created', by: names.get(o.createdBy!.login), total: o.total });
        const executor = system.filter((e) => e?.code === 'assignee_changed');
        if (o.assignee) {
          assigned++;
          expect(executor).toEqual([{ code: 'assignee_changed', to: o.assignee.name, by: o.assignee.name }]);
        } else expect(executor).toEqual([]);
        const payments = await store.payments(n);
        expect(system.filter((e) => e?.code === 'payment_gateway' || e?.code === 'payment_recorded')).toHaveLength(payments.length);
        expect(system.filter((e) => e?.code === 'order_cancelled')).toHaveLength(o.status === 'cancelled' ? 1 : 0);
      }
      expect(assigned).toBeGreaterThan(0);
      // Two events at least an order, and the report counts them.
      expect(report.messages).toBeGreaterThanOrEqual(150 + assigned);
    } finally {
      await store.close();
    }
  });
});

/** A store with what `fixture` holds (nothing when it is empty). */
async function storeWith(fixture: unknown): Promise<Store> {
  const store = await openStore(await newDatabase());
  const r = parseFixture(fixture);
  if (!('fixture' in r)) throw new Error(JSON.stringify(r.problems));
  await loadFixture(store, { fixture: r.fixture, source: 'f.json', at: '2023-08-01T00:00:00.000Z', dryRun: false });
  return store;
}

const location = { key: 'perm', name: 'Пермь', timeZone: 'Asia/Yekaterinburg' };
const staff = [
  { login: 'admin', name: 'Анна Белова', role: 'admin' },
  { login: 'desk', name: 'Ирина Соколова', role: 'rental_manager' },
];
const service = {
  slug: 'room',
  location: 'perm',
  name: 'Переговорная',
  capacity: 2,
  tariffs: [{ name: 'Стандарт', unit: 'hour', price: 10000 }],
  managers: ['desk'],
};

describe('seed --orders with nothing to book is refused, saying why, and writes nothing', () => {
  it.each([
    ['an empty database', {}, 'services'],
    ['staff and no service', { locations: [location], users: staff }, 'services'],
    [
      'a service open less than an hour',
      {
        locations: [location],
        users: [...staff, { login: 'g', name: 'Гость', role: 'guest' }],
        services: [{ ...service, opensAt: '10:00', closesAt: '10:30' }],
      },
      'services',
    ],
    ['a service and no guest', { locations: [location], users: staff, services: [service] }, 'guests'],
  ] as const)('%s: no %s', async (_what, fixture, missing) => {
    const store = await storeWith(fixture);
    try {
      const before = await tables(store);
      for (const dryRun of [false, true]) {
        const e = await rejection(seedOrders(store, { count: 10, seed: 1, now: NOW, dryRun }));
        expect(e).toBeInstanceOf(RuleError);
        expect((e as RuleError).said).toEqual({ key: 'NOTHING_TO_SEED', args: [{ missing }] });
      }
      expect(await tables(store)).toEqual(before);
    } finally {
      await store.close();
    }
  });

  it('in the operator’s language, with its exit code', async () => {
    const cli = await inProcess({ store: await storeWith({ locations: [location], users: staff, services: [service] }) });
    try {
      const before = await tables(cli.store);
      expectFailure(await cli.run(['seed', '--orders', '20']), 6, 'cowork: no guest to book for');
      expectFailure(await cli.run(['seed', '--orders', '20', '--lang', 'ru']), 6, 'cowork: нет гостя, для которого можно бронировать');
      const json = expectFailure(await cli.run(['seed', '--orders', '20', '--json']), 6);
      expect(JSON.parse(json.stderr)).toMatchObject({ error: { code: 'NOTHING_TO_SEED' } });
      expect(await tables(cli.store)).toEqual(before);
    } finally {
      await cli.store.close();
    }
    const services = new RuleError('NOTHING_TO_SEED', { missing: 'services' });
    expect(say(en, services.said)).toMatch(/^no service to book: none has a tariff and an hour of opening/);
    expect(say(ru, services.said)).toMatch(/^нет услуги для бронирования/);
  });

  it('a database with both still seeds', async () => {
    const store = await storeWith({
      locations: [location],
      users: [...staff, { login: 'g', name: 'Гость', role: 'guest' }],
      services: [service],
    });
    try {
      expect((await seedOrders(store, { count: 5, seed: 1, now: NOW, dryRun: false })).orders).toBe(5);
    } finally {
      await store.close();
    }
  });
});

describe('seed FILE: a file with a byte-order mark', () => {
  const file = {
    orders: [
      {
        number: 2000050,
        service: 'coworking-2',
        applicant: 'petrov',
        createdBy: 'petrov',
        createdAt: '2023-08-11T10:00:00+05:00',
        ticket: { number: 950, start: '2023-08-13T10:00:00+05:00', end: '2023-08-13T12:00:00+05:00' },
        lines: [{ tariff: 'Стандарт', quantity: 2 }],
      },
    ],
  };

  it('loads as the same file without it, from a file and from stdin', async () => {
    const cli = await inProcess();
    try {
      const path = join(cli.dir, 'bom.json');
      writeFileSync(path, '\uFEFF' + JSON.stringify(file, null, 2));
      const r = expectOk(await cli.run(['seed', path, '--json']));
      expect(JSON.parse(r.stdout)).toMatchObject({ orders: { created: 1, unchanged: 0 } });
      expect(await cli.store.order(2000050)).toMatchObject({ total: 20000, applicant: { login: 'petrov' } });
      const again = expectOk(await cli.run(['seed', '-', '--json'], { input: '\uFEFF' + JSON.stringify(file) }));
      expect(JSON.parse(again.stdout)).toMatchObject({ orders: { created: 0, unchanged: 1 } });
    } finally {
      await cli.store.close();
    }
  });

  it('a mark anywhere else is still not JSON', async () => {
    const cli = await inProcess();
    try {
      const path = join(cli.dir, 'inner.json');
      writeFileSync(path, ' \uFEFF' + JSON.stringify(file));
      expectFailure(await cli.run(['seed', path]), 2, 'not JSON');
    } finally {
      await cli.store.close();
    }
  });
});
