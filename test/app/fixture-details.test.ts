/** Loading a fixture (src/app/fixture.ts): what each order of the file becomes, field by field. */
import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../src/app/fixture.js';
import { parseFixture, type Fixture } from '../../src/core/fixture.js';
import { FixtureError } from '../../src/core/fixture-refs.js';
import { openStore, type Store } from '../../src/store/index.js';
import { newDatabase } from '../helpers/targets.js';
import { rejection } from './helpers.js';

const AT = '2030-03-01T00:00:00.000Z';

function fixture(input: unknown): Fixture {
  const r = parseFixture(input);
  if (!('fixture' in r)) throw new Error(`invalid fixture: ${JSON.stringify(r.problems)}`);
  return r.fixture;
}

const base = {
  locations: [{ key: 'kazan', name: 'Казань', timeZone: 'Europe/Moscow', minRemaining: 3000 }],
  users: [
    { login: 'desk', name: 'Ирина Соколова', role: 'rental_manager', phone: '+78432000001' },
    { login: 'g1', name: 'Пётр Сидоров', role: 'guest', phone: '+79170000001' },
  ],
  services: [
    {
      slug: 'room',
      location: 'kazan',
      name: 'Переговорная',
      capacity: 1,
      partialPayment: true,
      tariffs: [{ name: 'Стандарт', unit: 'hour', price: 90000 }],
      managers: ['desk'],
    },
  ],
};

const order = (number: number, ticket: number, day: string, more: Record<string, unknown> = {}) => ({
  number,
  service: 'room',
  applicant: 'g1',
  createdAt: '2030-03-01T10:00:00+03:00',
  ticket: { number: ticket, start: `${day}T10:00:00+03:00`, end: `${day}T12:00:00+03:00` },
  lines: [{ tariff: 'Стандарт', quantity: 2 }],
  ...more,
});

async function loaded(orders: unknown[]): Promise<Store> {
  const store = await openStore(await newDatabase());
  await loadFixture(store, { fixture: fixture({ ...base, orders }), source: 'f.json', at: AT, dryRun: false });
  return store;
}

describe('an order of a fixture', () => {
  it('without a visitor: the applicant and their phone; due on the local day of its start', async () => {
    const store = await loaded([order(10, 1, '2030-03-05')]);
    try {
      const o = (await store.order(10))!;
      expect(o.ticket).toMatchObject({ number: 1, status: 'active', visitor: { name: 'Пётр Сидоров', phone: '+79170000001' } });
      expect(o).toMatchObject({ dueDate: '2030-03-05', minRemaining: 3000, createdBy: null, assignee: null, status: 'awaiting_payment' });
      // Created by nobody the file names: the event says so.
      expect((await store.messages(10)).map((m) => m.event)).toEqual([{ code: 'order_created', by: null, total: 180000 }]);
      expect(o.lines).toEqual([{ description: 'Переговорная', tariff: 'Стандарт', quantity: 2, unitPrice: 90000, amount: 180000 }]);
      expect(o.total).toBe(180000);
    } finally {
      await store.close();
    }
  });

  it('a visitor, a due date, a price and a description of its own; a visitor without a phone has none', async () => {
    const store = await loaded([
      order(10, 1, '2030-03-05', {
        dueDate: '2030-03-04',
        ticket: { number: 1, visitor: { name: 'Сергей' }, start: '2030-03-05T10:00:00+03:00', end: '2030-03-05T12:00:00+03:00' },
        lines: [{ tariff: 'Стандарт', quantity: 3, unitPrice: 50000, description: 'Особая цена' }],
      }),
    ]);
    try {
      const o = (await store.order(10))!;
      expect(o.ticket?.visitor).toEqual({ name: 'Сергей', phone: null });
      expect(o.dueDate).toBe('2030-03-04');
      expect(o.lines).toEqual([{ description: 'Особая цена', tariff: 'Стандарт', quantity: 3, unitPrice: 50000, amount: 150000 }]);
      expect(o.total).toBe(150000);
    } finally {
      await store.close();
    }
  });

  it('payments without an external id get one from the order and their place; desk payments name their recorder', async () => {
    const store = await loaded([
      order(10, 1, '2030-03-05', {
        createdBy: 'desk',
        payments: [
          { amount: 50000, method: 'card', source: 'gateway', at: '2030-03-01T10:05:00+03:00' },
          { amount: 130000, method: 'transfer', source: 'manager', recordedBy: 'desk', at: '2030-03-01T10:06:00+03:00' },
        ],
      }),
    ]);
    try {
      expect(await store.payments(10)).toMatchObject([
        { externalId: 'fixture-10-1', amount: 50000, source: 'gateway', recordedBy: null, createdAt: '2030-03-01T07:05:00.000Z' },
        // A desk payment has no gateway id, nor a key unless the file gives one.
        { externalId: null, idempotencyKey: null, amount: 130000, method: 'transfer', source: 'manager', recordedBy: { login: 'desk' } },
      ]);
      expect(await store.order(10)).toMatchObject({ status: 'confirmed', paid: 180000, createdBy: { login: 'desk' } });
      expect((await store.messages(10)).map((m) => m.event)).toEqual([
        { code: 'order_created', by: 'Ирина Соколова', total: 180000 },
        { code: 'payment_gateway', amount: 50000, method: 'card', warning: null },
        { code: 'payment_recorded', amount: 130000, method: 'transfer', by: 'Ирина Соколова' },
      ]);
    } finally {
      await store.close();
    }
  });

  it('a ticket status of its own; a cancelled ticket frees its seat for another booking', async () => {
    const store = await loaded([
      order(10, 1, '2030-03-05', {
        ticket: { number: 1, status: 'cancelled', start: '2030-03-05T10:00:00+03:00', end: '2030-03-05T12:00:00+03:00' },
        cancelled: { by: 'desk', at: '2030-03-02T10:00:00+03:00', reason: null },
      }),
      order(11, 2, '2030-03-05', {
        ticket: { number: 2, status: 'checked_in', start: '2030-03-05T10:00:00+03:00', end: '2030-03-05T12:00:00+03:00' },
        payments: [{ amount: 180000, method: 'card', source: 'gateway', at: '2030-03-01T10:00:00+03:00' }],
      }),
    ]);
    try {
      expect((await store.order(10))!.ticket?.status).toBe('cancelled');
      expect((await store.order(11))!.ticket?.status).toBe('checked_in');
    } finally {
      await store.close();
    }
  });

  it('two live bookings of the one seat at once: the second is refused at its ticket, saying why', async () => {
    const store = await openStore(await newDatabase());
    try {
      const f = fixture({ ...base, orders: [order(10, 1, '2030-03-05'), order(11, 2, '2030-03-05'), order(12, 3, '2030-03-06')] });
      const e = await rejection(loadFixture(store, { fixture: f, source: 'f.json', at: AT, dryRun: false }));
      expect(e).toBeInstanceOf(FixtureError);
      const problems = (e as FixtureError).problems;
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatchObject({ path: 'orders[1].ticket', issue: { kind: 'rule', said: { key: 'CAPACITY_EXCEEDED' } } });
      expect((e as FixtureError).said.args[0].file).toBe('f.json');
      expect(await store.order(10)).toBeNull();
    } finally {
      await store.close();
    }
  });

  it('a second load of the same file updates the location, users and service, and leaves the orders', async () => {
    const store = await loaded([order(10, 1, '2030-03-05')]);
    try {
      const report = await loadFixture(store, {
        fixture: fixture({ ...base, orders: [order(10, 1, '2030-03-05'), order(12, 3, '2030-03-06')] }),
        source: 'f.json',
        at: AT,
        dryRun: false,
      });
      expect(report).toEqual({
        locations: { created: 0, updated: 1 },
        users: { created: 0, updated: 2 },
        services: { created: 0, updated: 1 },
        orders: { created: 1, unchanged: 1 },
        payments: 0,
        // The new order's creation.
        messages: 1,
      });
      const next = await store.write(async (tx) => [await tx.nextNumber('order', 1), await tx.nextNumber('ticket', 1)]);
      expect(next).toEqual([13, 4]);
    } finally {
      await store.close();
    }
  });

  it('a file without orders leaves the counters where they were', async () => {
    const store = await loaded([]);
    try {
      const next = await store.write(async (tx) => [await tx.nextNumber('order', 1000001), await tx.nextNumber('ticket', 1)]);
      expect(next).toEqual([1000001, 1]);
    } finally {
      await store.close();
    }
  });
});
