import type { Kysely } from 'kysely';
import type { SearchQuery } from '../core/search.js';
import type { Role, User, UserRef } from '../core/types.js';
import { insertUser as insertUserRow } from './rows.js';
import type { DB, UserRow } from './schema.js';
import { userMatches } from './search.js';

export function toUser(r: UserRow): User {
  return { id: r.id, login: r.login, name: r.name, phone: r.phone, email: r.email, role: r.role };
}

/**
 * A user joined to another row (an author, who recorded a payment): null when the join found
 * none. The columns come from a left join, so each may be null; a user row has every one of them.
 */
export function userRef(r: { login: string | null; name: string | null; phone: string | null; role: Role | null }): UserRef | null {
  if (r.login === null || r.name === null || r.role === null) return null;
  return { login: r.login, name: r.name, phone: r.phone, role: r.role };
}

/**
 * A user by login, whatever its case (`--as Manager` is manager). Logins are ASCII, which SQL's
 * lower() folds alike on SQLite and PostgreSQL; the exact login wins where an older database
 * holds two that differ only in case.
 */
export async function findUser(db: Kysely<DB>, login: string): Promise<User | null> {
  const exact = await db.selectFrom('users').selectAll().where('login', '=', login).executeTakeFirst();
  if (exact) return toUser(exact);
  const folded = await db
    .selectFrom('users')
    .selectAll()
    .where((eb) => eb(eb.fn('lower', ['login']), '=', login.toLowerCase()))
    .orderBy('id')
    .executeTakeFirst();
  return folded ? toUser(folded) : null;
}

export interface UserFilter {
  /** Users whose name or phone holds every term, or whose login or email holds the one term. */
  search?: SearchQuery | undefined;
  limit?: number | undefined;
}

function usersQuery(db: Kysely<DB>, role: Role | undefined, f: UserFilter) {
  let q = db.selectFrom('users');
  if (role) q = q.where('role', '=', role);
  if (f.search) q = q.where(userMatches(f.search));
  return q;
}

export async function listUsers(db: Kysely<DB>, role?: Role, f: UserFilter = {}): Promise<User[]> {
  let q = usersQuery(db, role, f).selectAll().orderBy('login');
  if (f.limit !== undefined) q = q.limit(f.limit);
  return (await q.execute()).map(toUser);
}

export async function countUsers(db: Kysely<DB>, role: Role | undefined, f: UserFilter): Promise<number> {
  const r = await usersQuery(db, role, f)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function insertUser(db: Kysely<DB>, u: Omit<User, 'id'>, createdAt: string): Promise<User> {
  const id = await insertUserRow(db, { login: u.login, name: u.name, phone: u.phone, email: u.email, role: u.role, created_at: createdAt });
  return { id, login: u.login, name: u.name, phone: u.phone, email: u.email, role: u.role };
}
