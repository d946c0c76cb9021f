/**
 * db status on a database that a newer cowork migrated further: never "up to date"; 0005_search
 * on a database an older cowork wrote.
 */
import { Migrator, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { parseSearch } from '../../src/core/search.js';
import { openStore, Store } from '../../src/store/index.js';
import { migrationProvider } from '../../src/store/migrations.js';
import { openDatabase } from '../../src/store/open.js';
import { insertTickets } from '../../src/store/rows.js';
import { resolveOrderSearch } from '../../src/store/search.js';
import { newDatabase } from '../helpers/targets.js';

describe('a database migrated by a newer cowork', () => {
  it('status says newer, not up to date', async () => {
    const store = await openStore(await newDatabase());
    try {
      expect(await store.migrationStatus()).toMatchObject({ newer: false, upToDate: true, pending: [] });
      await sql`insert into kysely_migration (name, timestamp) values ('9999_from_the_future', '2030-01-01T00:00:00.000Z')`.execute(
        store.db,
      );
      expect(await store.migrationStatus()).toMatchObject({ current: '9999_from_the_future', newer: true, upToDate: false, pending: [] });
    } finally {
      await store.close();
    }
  });
});

describe('0005_search on a database with rows', () => {
  it('fills the search keys of the users and tickets there are, and finds them by name, phone and number', async () => {
    const database = await openDatabase(await newDatabase(), { migrate: false });
    const db = database.db;
    try {
      const migrator = new Migrator({ db, provider: migrationProvider(database.dialect) });
      const { error } = await migrator.migrateTo('0004_ledger');
      expect(error).toBeUndefined();
      // The rows an older cowork wrote, without keys.
      await sql`insert into locations (key, name, time_zone) values ('perm', 'Пермь', 'Asia/Yekaterinburg')`.execute(db);
      await sql`insert into services (location_id, slug, name, capacity, opens_at, closes_at)
                values (1, 'desk', 'Коворкинг', 5, '08:00', '22:00')`.execute(db);
      await sql`insert into users (login, name, phone, role, created_at) values
                ('petrov', 'Иван ПЕТРОВ', '+79120000003', 'guest', '2023-08-01T00:00:00.000Z'),
                ('admin', 'Анна Белова', null, 'admin', '2023-08-01T00:00:00.000Z')`.execute(db);
      await sql`insert into orders (number, created_at, service_id, applicant_id, status, due_date, total, paid, min_remaining)
                values (1000001, '2023-08-01T10:00:00.000Z', 1, 1, 'awaiting_payment', '2023-08-12', 10000, 0, 5000)`.execute(db);
      await sql`insert into tickets (number, order_number, service_id, visitor_name, visitor_phone, start_at, end_at, status)
                values (501, 1000001, 1, 'Алёна Ёлкина', '+79125551234', '2023-08-12T05:00:00.000Z', '2023-08-12T06:00:00.000Z', 'active')`.execute(
        db,
      );

      const store = new Store(database);
      expect(await store.migrate()).toEqual(['0005_search']);
      const keys = await sql<{ k: string }>`select search_key as k from users union all select search_key from tickets order by 1`.execute(
        db,
      );
      expect(keys.rows.map((r) => r.k)).toEqual(['алена елкина 79125551234', 'анна белова', 'иван петров 79120000003']);

      const admin = { id: 2, login: 'admin', role: 'admin' as const };
      const found = async (text: string) => {
        const out: number[] = [];
        for await (const o of store.orders(admin, { search: parseSearch(text)! })) out.push(o.number);
        return out;
      };
      for (const text of ['петров', 'ЕЛКИНА', 'алёна', '8 912 555-12-34', '0000003', '1000001', '501'])
        expect(await found(text), text).toEqual([1000001]);
      expect(await found('сидоров')).toEqual([]);
      // The visitor was found through the trigram index, which holds the row written before it.
      expect('numbers' in (await resolveOrderSearch(db, database.dialect, parseSearch('ёлкина')!))).toBe(true);
      if (database.dialect === 'sqlite') {
        const fts = await sql<{ n: number }>`select count(*) as n from tickets_search where tickets_search match '"елкина"'`.execute(db);
        expect(fts.rows[0]!.n).toBe(1);
      } else {
        // Where the server offers pg_trgm, the visitors' keys have their trigram index.
        const offered = await sql`select 1 from pg_available_extensions where name = 'pg_trgm'`.execute(db);
        const index = await sql`select 1 from pg_indexes where indexname = 'tickets_search_trgm'`.execute(db);
        expect(index.rows.length).toBe(offered.rows.length);
      }
      // A ticket written after: its key, and in the index.
      await sql`insert into orders (number, created_at, service_id, applicant_id, status, due_date, total, paid, min_remaining)
                values (1000002, '2023-08-02T10:00:00.000Z', 1, 1, 'awaiting_payment', '2023-08-13', 10000, 0, 5000)`.execute(db);
      await insertTickets({ db, fast: null }, [
        {
          number: 502,
          order_number: 1000002,
          service_id: 1,
          visitor_name: 'Пётр Сидоров',
          visitor_phone: null,
          start_at: '2023-08-13T05:00:00.000Z',
          end_at: '2023-08-13T06:00:00.000Z',
          status: 'active',
        },
      ]);
      expect(await found('петр сидоров')).toEqual([1000002]);
    } finally {
      await db.destroy();
    }
  });
});
