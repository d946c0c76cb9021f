/**
 * What every use case gets: the store to run its one transaction on, the actor, and the clock's
 * reading. Use cases (one function per thing an operator or a script does) ask src/core for every
 * decision and return their result; commands turn flags into their input and render the result.
 */
import type { Store, Tx } from '../store/index.js';
import type { User } from '../core/types.js';

/** The store as a use case sees it: one write transaction at a time, and plain reads. */
export type UnitOfWork = Pick<Store, 'write' | 'order' | 'services' | 'user'>;

export type { Tx };

/** Who acts: the operator. */
export type Actor = Pick<User, 'id' | 'login' | 'name' | 'role'>;
