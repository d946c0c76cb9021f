/** db status on a database that a newer cowork migrated further: never "up to date". */
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
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
