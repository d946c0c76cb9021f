import type { Kysely } from 'kysely';
import { parseEvent } from '../core/events.js';
import type { Message } from '../core/types.js';
import type { DB } from './schema.js';
import { userRef } from './users.js';

/** An order's feed, oldest first; each system event checked as it is read (src/core/events.ts). */
export async function messagesOf(db: Kysely<DB>, orderNumber: number): Promise<Message[]> {
  const rows = await db
    .selectFrom('messages')
    .leftJoin('users', 'users.id', 'messages.author_id')
    .select([
      'messages.id',
      'messages.order_number',
      'messages.visibility',
      'messages.body',
      'messages.event',
      'messages.data',
      'messages.created_at',
      'users.login',
      'users.name',
      'users.phone',
      'users.role',
    ])
    .where('messages.order_number', '=', orderNumber)
    .orderBy('messages.created_at')
    .orderBy('messages.id')
    .execute();
  return rows.map((r) => ({
    id: String(r.id),
    orderNumber: r.order_number,
    visibility: r.visibility,
    author: userRef(r),
    text: r.body,
    event: r.event === null ? null : parseEvent(r.event, r.data),
    createdAt: r.created_at,
  }));
}
