/**
 * Users (SPEC.md rule 9): a rental manager adds guests (a walk-in at the desk), an admin adds
 * anyone. Logins are unique without regard to case, checked inside the transaction that adds one.
 */
import { assertCanAddUser, assertStaff } from '../core/access.js';
import { RuleError } from '../core/errors.js';
import type { Role, User } from '../core/types.js';
import type { Store, UserFilter } from '../store/index.js';
import type { Actor, Tx, UnitOfWork } from './context.js';

export interface NewUser {
  login: string;
  name: string;
  /** Normalised: `+73422545454`. */
  phone: string | null;
  email: string | null;
  role: Role;
}

/**
 * The login already taken by `login` in another case (`WALKIN1` beside `walkin1`), if any. Logins
 * hold ASCII letters only, which SQL's lower() folds alike on SQLite and PostgreSQL.
 */
async function loginTaken(tx: Tx, login: string): Promise<string | null> {
  // Two desks adding `walkin1` and `WALKIN1` at once: the unique index on the exact login would let
  // both in, so adds of one login (in any case) wait for each other, until their commit.
  await tx.serialize(`cowork.users.login:${login.toLowerCase()}`);
  return (await tx.user(login))?.login ?? null;
}

export async function addUser(uow: UnitOfWork, actor: Actor, input: NewUser, at: Date): Promise<User> {
  assertCanAddUser(actor, input.role);
  return uow.write(async (tx) => {
    const taken = await loginTaken(tx, input.login);
    if (taken !== null) throw new RuleError('USER_EXISTS', { login: taken });
    return tx.insertUser(
      { login: input.login, name: input.name, phone: input.phone, email: input.email, role: input.role },
      at.toISOString(),
    );
  });
}

/** The users, by login, for rental managers and admins: of a role, matching a search, at most `limit`. */
export async function listUsers(uow: Pick<Store, 'users'>, actor: Actor, role?: Role, filter: UserFilter = {}): Promise<User[]> {
  assertStaff(actor);
  return uow.users(role, filter);
}
