import type { Kysely } from 'kysely';
import { incrementCounter, insertCounter, raiseCounter } from './rows.js';
import type { CounterName, DB } from './schema.js';

/** Number sequences (orders, tickets) as rows, so that taking the next number locks on PostgreSQL too. */
export async function nextNumber(trx: Kysely<DB>, name: CounterName, start: number): Promise<number> {
  const next = await incrementCounter(trx, name);
  if (next !== null) return next;
  await insertCounter(trx, { name, value: start });
  return start;
}

/** Makes sure the next number comes after `atLeast`. */
export async function bumpCounter(trx: Kysely<DB>, name: CounterName, atLeast: number): Promise<void> {
  const r = await trx.selectFrom('counters').select('value').where('name', '=', name).executeTakeFirst();
  if (!r) await insertCounter(trx, { name, value: atLeast });
  else if (r.value < atLeast) await raiseCounter(trx, name, atLeast);
}

/** The last number a sequence gave, or null when it has given none. */
export async function lastNumber(db: Kysely<DB>, name: CounterName): Promise<number | null> {
  const r = await db.selectFrom('counters').select('value').where('name', '=', name).executeTakeFirst();
  return r?.value ?? null;
}
