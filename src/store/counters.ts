import type { Kysely } from 'kysely';
import type { DB } from './schema.js';

/** Number sequences (orders, tickets) as rows, so that taking the next number locks on PostgreSQL too. */
export async function nextNumber(trx: Kysely<DB>, name: 'order' | 'ticket', start: number): Promise<number> {
  const r = await trx
    .updateTable('counters')
    .set((eb) => ({ value: eb('value', '+', 1) }))
    .where('name', '=', name)
    .returning('value')
    .executeTakeFirst();
  if (r) return r.value;
  await trx.insertInto('counters').values({ name, value: start }).execute();
  return start;
}

/** Makes sure the next number comes after `atLeast`. */
export async function bumpCounter(trx: Kysely<DB>, name: 'order' | 'ticket', atLeast: number): Promise<void> {
  const r = await trx.selectFrom('counters').select('value').where('name', '=', name).executeTakeFirst();
  if (!r) await trx.insertInto('counters').values({ name, value: atLeast }).execute();
  else if (r.value < atLeast) await trx.updateTable('counters').set({ value: atLeast }).where('name', '=', name).execute();
}
