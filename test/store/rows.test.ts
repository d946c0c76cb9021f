/**
 * The two paths of a bulk write (src/store/rows.ts): SQLite's prepared statements and kysely's
 * multi-row inserts write the same rows, and the prepared SQL is kysely's own compilation.
 */
import { loadInto } from '../helpers/deps.js';
import { sql } from 'kysely';
import type { Database as Native } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { seedOrders } from '../../src/app/seed.js';
import { importStatement } from '../../src/app/statement.js';
import { parseFixture } from '../../src/core/fixture.js';
import type { StatementRow } from '../../src/core/statement.js';
import { demoFixture } from '../../src/commands/seed/demo.js';
import { Store } from '../../src/store/index.js';
import { COLUMNS } from '../../src/store/rows.js';
import { openDatabase, type Database } from '../../src/store/open.js';
import { FastPath } from '../../src/store/rows.js';
import { onPostgres } from '../helpers/targets.js';

async function demoDatabase(): Promise<Database> {
  const database = await openDatabase(':memory:');
  const r = parseFixture(demoFixture);
  if (!('fixture' in r)) throw new Error('demo invalid');
  await loadInto(new Store(database), r.fixture, '2023-08-01T00:00:00.000Z');
  return database;
}

async function dump(store: Store): Promise<Record<string, unknown[]>> {
  // The visitors' full-text index holds exactly the tickets' keys (FTS5 checks it against them).
  await sql`insert into tickets_search (tickets_search) values ('integrity-check')`.execute(store.db);
  // cowork's tables; not the migrator's (its timestamps) nor the planner's statistics.
  const tables = await sql<{
    name: string;
  }>`select name from sqlite_master where type = 'table' and name not like 'kysely%' and name not like 'sqlite_stat%' order by name`.execute(
    store.db,
  );
  const out: Record<string, unknown[]> = {};
  for (const { name } of tables.rows)
    out[name] = (await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(store.db)).rows;
  return out;
}

const admin = { id: 1, login: 'admin', name: 'Анна Белова', role: 'admin' as const };

describe.skipIf(onPostgres)('the fast path and kysely write the same rows', () => {
  it('generated orders, then a statement: the same database either way, ids included', async () => {
    const fast = await demoDatabase();
    const plain = await demoDatabase();
    // The same database without its native handle: every write goes through kysely.
    const stores = [new Store(fast), new Store({ ...plain, native: undefined })];
    try {
      for (const store of stores) {
        await seedOrders(store, { count: 300, seed: 5, now: new Date('2023-08-11T08:40:00Z'), dryRun: false });
      }
      const open = await stores[0]!.db
        .selectFrom('orders')
        .select(['number', 'total', 'paid'])
        .where('status', 'in', ['awaiting_payment', 'partially_paid'])
        .orderBy('number')
        .limit(50)
        .execute();
      const rows: StatementRow[] = open.map((o, i) => ({
        line: i + 2,
        externalId: `st-${o.number}`,
        orderNumber: o.number,
        amount: o.total - o.paid,
        paidAt: '2023-08-11T08:39:00.000Z',
        method: 'card',
      }));
      expect(rows.length).toBeGreaterThan(10);
      for (const store of stores) {
        const { summary } = await importStatement(store, admin, { rows, dryRun: false });
        expect(summary.recorded).toBe(rows.length);
      }
      const [a, b] = await Promise.all(stores.map(dump));
      expect(a!.orders).toHaveLength(306);
      expect(a).toEqual(b);
    } finally {
      await Promise.all(stores.map((s) => s.close()));
    }
  });

  it('prepares the SQL that kysely compiles for the same builder', async () => {
    const database = await demoDatabase();
    try {
      const native = database.native!;
      const prepared: string[] = [];
      const spy = { prepare: (text: string) => (prepared.push(text), native.prepare(text)) } as unknown as Native;
      const store = new Store({ ...database, native: spy });
      await seedOrders(store, { count: 5, seed: 1, now: new Date('2023-08-11T08:40:00Z'), dryRun: false });
      const columns = (names: string[]) => `(${names.map((n) => `"${n}"`).join(', ')}) values (${names.map(() => '?').join(', ')})`;
      expect(prepared).toEqual(
        expect.arrayContaining([
          `insert into "payments" ${columns([...COLUMNS.payments])}`,
          `insert into "messages" ${columns(['order_number', 'visibility', 'author_id', 'body', 'event', 'data', 'created_at'])}`,
        ]),
      );
      const row = {
        order_number: 1,
        kind: 'payment' as const,
        amount: 1,
        method: 'card' as const,
        source: 'gateway' as const,
        recorded_by: null,
        created_at: 'x',
        external_id: null,
        desk_key: null,
        reference: null,
        fee: null,
        reverses: null,
        warning: null,
        reason: null,
      };
      expect(prepared).toContain(store.db.insertInto('payments').values(row).compile().sql);
    } finally {
      await database.db.destroy();
    }
  });

  it('a compiled statement runs with its values in the order of its parameters', async () => {
    const database = await demoDatabase();
    try {
      const fast = new FastPath(database.native!, database.db);
      // A builder that decides on a value instead of passing it through cannot be compiled once.
      expect(() =>
        fast.statement<{ a: number; b: string }>('decides', ['a', 'b'], (db, v) =>
          db
            .updateTable('counters')
            .set({ value: v.a })
            .where('name', '=', v.b === 'order' ? 'order' : 'ticket'),
        ),
      ).toThrow(/not one of the values/);
      const balance = fast.statement<{ n: number; name: 'order' | 'ticket' }>('probe2', ['name', 'n'], (db, v) =>
        db.updateTable('counters').set({ value: v.n }).where('name', '=', v.name),
      );
      expect(balance({ n: 4242, name: 'order' })).toBe(1);
      const r = await database.db.selectFrom('counters').select('value').where('name', '=', 'order').executeTakeFirstOrThrow();
      expect(r.value).toBe(4242);
    } finally {
      await database.db.destroy();
    }
  });
});
