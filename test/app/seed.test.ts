/**
 * `seed --orders N` through its use case (src/app/seed.ts) against a real database: what it
 * writes matches its report and the money rules, the same seed writes the same orders, a dry run
 * writes nothing, and later numbers follow the generated ones.
 */
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { seedOrders } from '../../src/app/seed.js';
import type { Store } from '../../src/store/index.js';
import { demoStore } from '../helpers/deps.js';

const NOW = new Date('2023-08-11T08:40:00Z');

async function count(store: Store, table: 'orders' | 'payments' | 'messages' | 'tickets' | 'order_lines'): Promise<number> {
  const r = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)}`.execute(store.db);
  return Number(r.rows[0]?.n ?? 0);
}

async function counts(store: Store) {
  return {
    orders: await count(store, 'orders'),
    tickets: await count(store, 'tickets'),
    lines: await count(store, 'order_lines'),
    payments: await count(store, 'payments'),
    messages: await count(store, 'messages'),
  };
}

/** The generated orders as a list shows them: enough to tell two runs apart. */
async function generated(store: Store) {
  return store.db
    .selectFrom('orders')
    .innerJoin('tickets', 'tickets.order_number', 'orders.number')
    .select([
      'orders.number',
      'orders.status',
      'orders.total',
      'orders.paid',
      'orders.created_at',
      'tickets.start_at',
      'tickets.status as ticket_status',
    ])
    .where('orders.number', '>', 1006317)
    .orderBy('orders.number')
    .execute();
}

describe('seedOrders', () => {
  it('writes what it reports, within the money rules; later numbers follow', async () => {
    const store = await demoStore();
    try {
      const before = await counts(store);
      const report = await seedOrders(store, { count: 120, seed: 3, now: NOW, dryRun: false });
      expect(report.orders).toBe(120);
      const after = await counts(store);
      expect(after).toEqual({
        orders: before.orders + 120,
        tickets: before.tickets + 120,
        lines: before.lines + 120,
        payments: before.payments + report.payments,
        messages: before.messages + report.messages,
      });
      const rows = await generated(store);
      expect(rows.map((r) => r.number)).toEqual(Array.from({ length: 120 }, (_, i) => 1006318 + i));
      expect(new Set(rows.map((r) => r.status))).toEqual(new Set(['awaiting_payment', 'partially_paid', 'confirmed', 'cancelled']));
      for (const r of rows) expect(r.ticket_status).toBe(r.status === 'cancelled' ? 'cancelled' : 'active');
      // Each order's paid is the sum of its payments.
      const sums = await store.db
        .selectFrom('payments')
        .select(['order_number', (eb) => eb.fn.sum<number | string>('amount').as('sum')])
        .groupBy('order_number')
        .execute();
      const paid = new Map(sums.map((s) => [s.order_number, Number(s.sum)]));
      expect(rows.filter((r) => r.paid !== (paid.get(r.number) ?? 0))).toEqual([]);
      // Every system message of a generated order reads back as a valid event.
      for (const r of rows.slice(0, 30))
        for (const m of await store.messages(r.number)) if (m.visibility === 'system') expect(m.event).not.toBeNull();
      const next = await store.write(async (tx) => [await tx.nextNumber('order', 1), await tx.nextNumber('ticket', 1)]);
      expect(next).toEqual([1006318 + 120, 212 + 120]);
    } finally {
      await store.close();
    }
  });

  it('the same seed on the same database writes the same orders; another seed others', async () => {
    const [a, b, c] = await Promise.all([demoStore(), demoStore(), demoStore()]);
    try {
      await seedOrders(a, { count: 80, seed: 11, now: NOW, dryRun: false });
      await seedOrders(b, { count: 80, seed: 11, now: NOW, dryRun: false });
      await seedOrders(c, { count: 80, seed: 12, now: NOW, dryRun: false });
      expect(await generated(a)).toEqual(await generated(b));
      expect(await generated(c)).not.toEqual(await generated(a));
    } finally {
      await Promise.all([a.close(), b.close(), c.close()]);
    }
  });

  it('a dry run reports the same and writes nothing', async () => {
    const store = await demoStore();
    try {
      const before = await counts(store);
      const dry = await seedOrders(store, { count: 50, seed: 9, now: NOW, dryRun: true });
      expect(dry.orders).toBe(50);
      expect(await counts(store)).toEqual(before);
      const real = await seedOrders(store, { count: 50, seed: 9, now: NOW, dryRun: false });
      expect(real).toEqual(dry);
    } finally {
      await store.close();
    }
  });
});
