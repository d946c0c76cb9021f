/**
 * What loading a fixture (src/app/fixture.ts) reads and writes beyond the desk's writes: which of
 * its keys the database holds already, and locations and users upserted by key. The decisions are
 * the use case's; this only reads and writes.
 */
import type { Kysely } from 'kysely';
import type { Location, User } from '../core/types.js';
import { among } from './among.js';
import type { DialectName } from './open.js';
import { insertLocation, insertUser, updateLocation, updateUser } from './rows.js';
import type { DB, NewRow } from './schema.js';

/** Of these order or ticket numbers, those the database holds. */
export async function existingNumbers(
  db: Kysely<DB>,
  dialect: DialectName,
  table: 'orders' | 'tickets',
  numbers: readonly number[],
): Promise<Set<number>> {
  if (numbers.length === 0) return new Set();
  const column = table === 'orders' ? 'orders.number' : 'tickets.number';
  const rows = await db
    .selectFrom(table)
    .select('number')
    .where(among(dialect, column, numbers))
    .execute();
  return new Set(rows.map((r) => r.number));
}

/** A location by its key: created, or every field replaced. */
export async function upsertLocation(db: Kysely<DB>, l: Omit<Location, 'id'>): Promise<{ id: number; created: boolean }> {
  const row: NewRow<'locations'> = { key: l.key, name: l.name, time_zone: l.timeZone, currency: l.currency, min_remaining: l.minRemaining };
  const had = await db.selectFrom('locations').select('id').where('key', '=', l.key).executeTakeFirst();
  if (!had) return { id: await insertLocation(db, row), created: true };
  await updateLocation(db, had.id, row);
  return { id: had.id, created: false };
}

/** A user by login: created (at `createdAt`), or name, phone, email and role replaced. */
export async function upsertUser(db: Kysely<DB>, u: Omit<User, 'id'>, createdAt: string): Promise<{ id: number; created: boolean }> {
  const had = await db.selectFrom('users').select('id').where('login', '=', u.login).executeTakeFirst();
  if (!had)
    return {
      id: await insertUser(db, { login: u.login, name: u.name, phone: u.phone, email: u.email, role: u.role, created_at: createdAt }),
      created: true,
    };
  await updateUser(db, had.id, { name: u.name, phone: u.phone, email: u.email, role: u.role });
  return { id: had.id, created: false };
}
