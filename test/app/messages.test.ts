/** Posting on an order's feed and reading it (src/app/messages.ts), against a store holding the demo. */
import { beforeEach, describe, expect, it } from 'vitest';
import { MESSAGE_MAX_LENGTH, postMessage, readFeed } from '../../src/app/messages.js';
import { NotAllowedError, NotFoundError, UsageError } from '../../src/core/errors.js';
import type { Store } from '../../src/store/index.js';
import { demoStore } from '../helpers/deps.js';
import { actor, rejection } from './helpers.js';

const AT = new Date('2023-08-11T13:40:00+05:00');

describe('postMessage', () => {
  let store: Store;
  beforeEach(async () => {
    store = await demoStore();
  });

  const feed = (n: number) => store.messages(n);

  it('a responsible manager posts a public message: stored exactly, returned with its id and author', async () => {
    const text = 'Ждём вас в 10:00\n  вторая строка\n';
    const r = await postMessage(store, await actor(store, 'manager'), { number: 1006314, visibility: 'public', text }, AT);
    expect(r.order.number).toBe(1006314);
    expect(r.message).toMatchObject({ orderNumber: 1006314, visibility: 'public', text, event: null, createdAt: AT.toISOString() });
    expect(r.message.author).toEqual({ login: 'manager', name: 'Ольга Смирнова', phone: '+73422000001', role: 'rental_manager' });
    const stored = (await feed(1006314)).at(-1);
    expect(stored).toEqual(r.message);
  });

  it('an internal message by a responsible manager, and by an admin', async () => {
    await postMessage(store, await actor(store, 'manager2'), { number: 1006315, visibility: 'internal', text: 'Проектор готов' }, AT);
    await postMessage(store, await actor(store, 'admin'), { number: 1006314, visibility: 'internal', text: 'Заметка' }, AT);
    expect((await feed(1006315)).at(-1)).toMatchObject({ visibility: 'internal', text: 'Проектор готов' });
    expect((await feed(1006314)).at(-1)).toMatchObject({ visibility: 'internal', text: 'Заметка' });
  });

  it('a guest posts a public message on their own order', async () => {
    const r = await postMessage(store, await actor(store, 'ivanova'), { number: 1006314, visibility: 'public', text: 'Буду в 10:15' }, AT);
    expect(r.message.author?.login).toBe('ivanova');
  });

  const refusals: [string, string, number, 'public' | 'internal', typeof NotAllowedError | typeof NotFoundError, number][] = [
    ['a guest writing an internal message', 'ivanova', 1006314, 'internal', NotAllowedError, 4],
    // Rule 8a: an order the actor may not view reads exactly as one that does not exist.
    ["a guest writing on someone else's order", 'ivanova', 1006313, 'public', NotFoundError, 5],
    ['a manager not responsible for the service', 'manager2', 1006314, 'public', NotFoundError, 5],
    ['a manager not responsible, internal', 'manager2', 1006314, 'internal', NotFoundError, 5],
    ['an unknown order', 'manager', 1999999, 'public', NotFoundError, 5],
  ];
  it.each(refusals)('%s is refused and writes nothing', async (_name, login, number, visibility, kind, exit) => {
    const before = await feed(1006314);
    const before13 = await feed(1006313);
    const e = await rejection(postMessage(store, await actor(store, login), { number, visibility, text: 'hi' }, AT));
    expect(e).toBeInstanceOf(kind);
    expect(e).toMatchObject({ exitCode: exit });
    expect(await feed(1006314)).toEqual(before);
    expect(await feed(1006313)).toEqual(before13);
  });

  it('a blank text is a usage error; nothing is written', async () => {
    const before = await feed(1006314);
    for (const text of ['', '   ', '\n\t\n']) {
      const e = await rejection(postMessage(store, await actor(store, 'manager'), { number: 1006314, visibility: 'public', text }, AT));
      expect(e).toBeInstanceOf(UsageError);
      expect(e).toMatchObject({ said: { key: 'emptyMessage' } });
    }
    expect(await feed(1006314)).toEqual(before);
  });

  it(`at most ${MESSAGE_MAX_LENGTH} characters, counted as characters (an emoji is one)`, async () => {
    const me = await actor(store, 'manager');
    const before = await feed(1006314);
    const e = await rejection(
      postMessage(store, me, { number: 1006314, visibility: 'public', text: 'я'.repeat(MESSAGE_MAX_LENGTH + 1) }, AT),
    );
    expect(e).toBeInstanceOf(UsageError);
    expect(e).toMatchObject({ said: { key: 'messageTooLong', args: [{ length: MESSAGE_MAX_LENGTH + 1, max: MESSAGE_MAX_LENGTH }] } });
    expect(await feed(1006314)).toEqual(before);
    await postMessage(store, me, { number: 1006314, visibility: 'public', text: 'я'.repeat(MESSAGE_MAX_LENGTH) }, AT);
    const emoji = '👋'.repeat(MESSAGE_MAX_LENGTH);
    expect(emoji.length).toBe(2 * MESSAGE_MAX_LENGTH);
    await postMessage(store, me, { number: 1006314, visibility: 'public', text: emoji }, AT);
    expect((await feed(1006314)).at(-1)?.text).toBe(emoji);
  });
});

describe('readFeed', () => {
  it('staff read internal messages; the guest of the order does not', async () => {
    const store = await demoStore();
    const staff = await readFeed(store, await actor(store, 'manager'), 1006314);
    expect(staff.messages.some((m) => m.visibility === 'internal')).toBe(true);
    const guest = await readFeed(store, await actor(store, 'ivanova'), 1006314);
    expect(guest.messages.length).toBeGreaterThan(0);
    expect(guest.messages.filter((m) => m.visibility === 'internal')).toEqual([]);
  });

  it('an order the actor may not view reads exactly as an unknown one (5, rule 8a)', async () => {
    const store = await demoStore();
    expect(await rejection(readFeed(store, await actor(store, 'ivanova'), 1006313))).toMatchObject({
      exitCode: 5,
      said: { key: 'orderNotFound' },
    });
    expect(await rejection(readFeed(store, await actor(store, 'manager'), 1999999))).toMatchObject({
      exitCode: 5,
      said: { key: 'orderNotFound' },
    });
  });
});
