import type { Kysely } from 'kysely';
import type { Role, User } from '../core/types.js';
import type { DB, UserRow } from './schema.js';

export function toUser(r: UserRow): User {
  return { id: r.id, login: r.login, name: r.name, phone: r.phone, email: r.email, role: r.role as Role };
}


export async function findUser(db: Kysely<DB>, login: string): Promise<User | null> {
  const r = await db.selectFrom('users').selectAll().where('login', '=', login).executeTakeFirst();
  return r ? toUser(r) : null;
}

export async function listUsers(db: Kysely<DB>, role?: Role): Promise<User[]> {
  let q = db.selectFrom('users').selectAll().orderBy('login');
  if (role) q = q.where('role', '=', role);
  return (await q.execute()).map(toUser);
}

export async function insertUser(
  db: Kysely<DB>,
  u: Omit<User, 'id'>,
  createdAt: string,
): Promise<User> {
  const r = await db
    .insertInto('users')
    .values({ login: u.login, name: u.name, phone: u.phone, email: u.email, role: u.role, created_at: createdAt })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toUser(r);
}
