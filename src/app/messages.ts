/**
 * An order's feed (SPEC.md rules 1 and 8): reading it as the actor may, and posting a public or
 * internal message. A post is one transaction that locks the order, checks who may write what, and
 * writes the message, or nothing.
 */
import { assertCanView, canProcess, canSee } from '../core/access.js';
import { NotAllowedError, NotFoundError, UsageError } from '../core/errors.js';
import type { Message, Order, Visibility } from '../core/types.js';
import type { Store } from '../store/index.js';
import type { Actor, UnitOfWork } from './context.js';

/**
 * The longest message, in characters (Unicode code points): a feed entry is a note to a guest or a
 * colleague, and every view of the order prints the whole feed.
 */
export const MESSAGE_MAX_LENGTH = 4000;

/** What a person may write; `system` messages are cowork's own events. */
export type PostVisibility = Exclude<Visibility, 'system'>;

export interface PostInput {
  number: number;
  visibility: PostVisibility;
  /** Stored exactly as given, a trailing newline included. */
  text: string;
}

export interface PostResult {
  message: Message;
  /** The order as it was when the message was written. */
  order: Order;
}

/** A message's text: refused when blank or longer than MESSAGE_MAX_LENGTH (usage errors: nothing is read). */
export function checkMessageText(text: string): void {
  if (text.trim() === '') throw new UsageError('emptyMessage');
  const length = [...text].length;
  if (length > MESSAGE_MAX_LENGTH) throw new UsageError('messageTooLong', { length, max: MESSAGE_MAX_LENGTH });
}

/** Whoever may view the order writes public messages; internal ones are for those who process it. */
export function assertCanPost(actor: Actor, order: Order, visibility: PostVisibility): void {
  assertCanView(actor, order);
  if (visibility === 'internal' && !canProcess(actor, order.service)) throw new NotAllowedError('internalStaffOnly');
}

/** The order, for an actor who may view it; any other reads as not found (exit 5, rule 8a). A read, for prompts and views. */
export async function orderToView(uow: Pick<UnitOfWork, 'order'>, actor: Actor, number: number): Promise<Order> {
  const order = await uow.order(number);
  if (!order) throw new NotFoundError('orderNotFound', { number });
  assertCanView(actor, order);
  return order;
}

/** The feed as the actor may read it, oldest first: internal messages only for those who process the order. */
export async function readFeed(
  uow: Pick<Store, 'order' | 'messages'>,
  actor: Actor,
  number: number,
): Promise<{ order: Order; messages: Message[] }> {
  const order = await orderToView(uow, actor, number);
  const messages = (await uow.messages(order.number)).filter((m) => canSee(actor, order.service, m.visibility));
  return { order, messages };
}

export async function postMessage(uow: UnitOfWork, actor: Actor, input: PostInput, at: Date): Promise<PostResult> {
  checkMessageText(input.text);
  return uow.write(async (tx) => {
    const order = await tx.lockOrder(input.number);
    if (!order) throw new NotFoundError('orderNotFound', { number: input.number });
    assertCanPost(actor, order, input.visibility);
    // The author as stored now: the message names them by id, the result by their current name.
    const author = await tx.user(actor.login);
    if (!author) throw new NotAllowedError('unknownOperator', { login: actor.login });
    const createdAt = at.toISOString();
    const id = await tx.writeMessage({
      orderNumber: order.number,
      visibility: input.visibility,
      authorId: author.id,
      text: input.text,
      at: createdAt,
    });
    const message: Message = {
      id: String(id),
      orderNumber: order.number,
      visibility: input.visibility,
      author: { login: author.login, name: author.name, phone: author.phone, role: author.role },
      text: input.text,
      event: null,
      createdAt,
    };
    return { message, order };
  });
}
