import type { Kysely } from 'kysely';
import type { Message, OrderEvent, Role, Visibility } from '../core/types.js';
import type { DB } from './schema.js';

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
    visibility: r.visibility as Visibility,
    author: r.login === null ? null : { login: r.login, name: r.name!, phone: r.phone, role: r.role as Role },
    text: r.body,
    event: r.event === null ? null : ({ code: r.event, ...(r.data ? JSON.parse(r.data) : {}) } as OrderEvent),
    createdAt: r.created_at,
  }));
}

export interface NewMessageInput {
  orderNumber: number;
  visibility: Visibility;
  authorId: number | null;
  text?: string | null;
  event?: OrderEvent | null;
  createdAt: string;
}

export async function insertMessage(db: Kysely<DB>, m: NewMessageInput): Promise<number> {
  let event: string | null = null;
  let data: string | null = null;
  if (m.event) {
    const { code, ...values } = m.event;
    event = code;
    data = JSON.stringify(values);
  }
  const r = await db
    .insertInto('messages')
    .values({
      order_number: m.orderNumber,
      visibility: m.visibility,
      author_id: m.authorId,
      body: m.text ?? null,
      event,
      data,
      created_at: m.createdAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}
