/** Posting and reading an order's feed (src/app/messages.ts), the details of its refusals. */
import { beforeEach, describe, expect, it } from 'vitest';
import { assertCanPost, checkMessageText, orderToView, postMessage, readFeed } from '../../src/app/messages.js';
import type { CoworkError } from '../../src/core/errors.js';
import { NotAllowedError, UsageError } from '../../src/core/errors.js';
import type { Store } from '../../src/store/index.js';
import { demoStore } from '../helpers/deps.js';
import { actor, rejection } from './helpers.js';
import { thrown } from '../helpers/refusals.js';

const AT = new Date('2023-08-11T13:40:00+05:00');

let store: Store;
beforeEach(async () => {
  store = await demoStore();
});

describe('the feed, the details', () => {
  it('a guest writing an internal message is told it is for staff only', async () => {
    const e = await rejection(
      postMessage(store, await actor(store, 'ivanova'), { number: 1006314, visibility: 'internal', text: 'x' }, AT),
    );
    expect(e).toBeInstanceOf(NotAllowedError);
    expect((e as CoworkError).said).toEqual({ key: 'internalStaffOnly', args: [] });
  });

  it('assertCanPost: the guest of an order posts publicly; staff of the service post both', async () => {
    const order = (await store.order(1006314))!;
    expect(() => assertCanPost(actorOf('ivanova'), order, 'public')).not.toThrow();
    expect(thrown(() => assertCanPost(actorOf('ivanova'), order, 'internal')).said.key).toBe('internalStaffOnly');
    expect(() => assertCanPost(actorOf('manager'), order, 'internal')).not.toThrow();
    expect(() => assertCanPost(actorOf('admin'), order, 'internal')).not.toThrow();
    expect(thrown(() => assertCanPost(actorOf('manager2'), order, 'public')).said).toEqual({
      key: 'orderNotFound',
      args: [{ number: 1006314 }],
    });
  });

  it('an operator the database does not know may not post; nothing is written', async () => {
    // An admin's rights, so that only the unknown login is in the way.
    const ghost = { ...(await actor(store, 'admin')), login: 'ghost' };
    const before = await store.messages(1006314);
    const e = await rejection(postMessage(store, ghost, { number: 1006314, visibility: 'public', text: 'x' }, AT));
    expect(e).toBeInstanceOf(NotAllowedError);
    expect((e as CoworkError).said).toEqual({ key: 'unknownOperator', args: [{ login: 'ghost' }] });
    expect(await store.messages(1006314)).toEqual(before);
  });

  it('an unknown order is not found by its number, for posting and viewing', async () => {
    const me = await actor(store, 'manager');
    const e = await rejection(postMessage(store, me, { number: 1999999, visibility: 'public', text: 'x' }, AT));
    expect((e as CoworkError).said).toEqual({ key: 'orderNotFound', args: [{ number: 1999999 }] });
    const v = await rejection(orderToView(store, me, 1999999));
    expect((v as CoworkError).said).toEqual({ key: 'orderNotFound', args: [{ number: 1999999 }] });
  });

  it('text: one visible character is enough; blank in any whitespace is empty', () => {
    expect(() => checkMessageText('.')).not.toThrow();
    expect(() => checkMessageText(' a ')).not.toThrow();
    const e = thrown(() => checkMessageText('\u00a0\n'));
    expect(e).toBeInstanceOf(UsageError);
    expect(e.said).toEqual({ key: 'emptyMessage', args: [] });
  });

  it('the feed of the guest holds the public and system messages, in order; staff get every one', async () => {
    const all = await store.messages(1006314);
    const staff = await readFeed(store, await actor(store, 'manager'), 1006314);
    expect(staff.messages).toEqual(all);
    expect(staff.order.number).toBe(1006314);
    const guest = await readFeed(store, await actor(store, 'ivanova'), 1006314);
    expect(guest.messages).toEqual(all.filter((m) => m.visibility !== 'internal'));
    expect(guest.messages.some((m) => m.visibility === 'system')).toBe(true);
    expect(guest.messages.some((m) => m.visibility === 'public')).toBe(true);
  });
});

const actors = new Map<string, Awaited<ReturnType<typeof actor>>>();
beforeEach(async () => {
  for (const login of ['ivanova', 'manager', 'manager2', 'admin']) actors.set(login, await actor(store, login));
});
const actorOf = (login: string) => actors.get(login)!;
