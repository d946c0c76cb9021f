/** Viewing a ticket and checking its visitor in (src/app/tickets.ts), against a store holding the demo. */
import { beforeEach, describe, expect, it } from 'vitest';
import { recordDeskPayment } from '../../src/app/payments.js';
import { checkIn, ticketToView } from '../../src/app/tickets.js';
import { NotAllowedError, NotFoundError, RuleError } from '../../src/core/errors.js';
import type { Store } from '../../src/store/index.js';
import { demoStore } from '../helpers/deps.js';
import { actor, rejection } from './helpers.js';

/** The demo's "now": 11 August 2023 in Perm, the rental day of ticket 207. */
const AT = new Date('2023-08-11T13:40:00+05:00');

/** What a refused check-in must leave alone: the order (its ticket included) and its feed. */
async function state(store: Store, n: number) {
  return { order: await store.order(n), messages: await store.messages(n) };
}

describe('checkIn', () => {
  let store: Store;
  beforeEach(async () => {
    store = await demoStore();
  });

  it('207 (paid in full, today) by a responsible manager: checked in, with its system message', async () => {
    const r = await checkIn(store, await actor(store, 'manager'), 207, AT);
    expect(r.ticket).toMatchObject({ number: 207, status: 'checked_in' });
    expect(r.order.number).toBe(1006313);
    expect(r.events).toEqual([{ code: 'ticket_checked_in', ticket: 207, by: 'Ольга Смирнова' }]);
    expect((await store.order(1006313))?.ticket?.status).toBe('checked_in');
    const last = (await store.messages(1006313)).at(-1);
    expect(last).toMatchObject({ visibility: 'system', event: { code: 'ticket_checked_in', ticket: 207 }, createdAt: AT.toISOString() });
  });

  it('an admin may check in any ticket', async () => {
    await checkIn(store, await actor(store, 'admin'), 207, AT);
    expect((await store.order(1006313))?.ticket?.status).toBe('checked_in');
  });

  it('twice: the second is refused (TICKET_NOT_ACTIVE) and writes nothing', async () => {
    const me = await actor(store, 'manager');
    await checkIn(store, me, 207, AT);
    const before = await state(store, 1006313);
    const e = await rejection(checkIn(store, me, 207, AT));
    expect(e).toBeInstanceOf(RuleError);
    expect(e).toMatchObject({ code: 'TICKET_NOT_ACTIVE', exitCode: 6 });
    expect(await state(store, 1006313)).toEqual(before);
  });

  const refusals: [string, string, number, number, string, Date][] = [
    ['an order not paid in full (208)', 'manager', 208, 1006314, 'TICKET_NOT_CONFIRMED', AT],
    ['a cancelled ticket (206)', 'manager', 206, 1006312, 'TICKET_NOT_ACTIVE', AT],
  ];
  it.each(refusals)('%s is refused by a rule and changes nothing', async (_name, login, ticket, order, code, at) => {
    const before = await state(store, order);
    const e = await rejection(checkIn(store, await actor(store, login), ticket, at));
    expect(e).toMatchObject({ code, exitCode: 6 });
    expect(await state(store, order)).toEqual(before);
  });

  it("another day than the ticket's rental day in the location's zone (TICKET_NOT_TODAY); on the day it passes", async () => {
    const me = await actor(store, 'manager');
    // 1006315 paid in full first, so that only the day is wrong.
    const total = (await store.order(1006315))!.total;
    await recordDeskPayment(store, me, { number: 1006315, amount: total, method: 'cash' }, AT);
    const before = await state(store, 1006315);
    // 2023-08-14T20:00Z is already 15 August in Perm.
    for (const at of [AT, new Date('2023-08-14T20:00:00Z')]) {
      expect(await rejection(checkIn(store, me, 209, at))).toMatchObject({ code: 'TICKET_NOT_TODAY' });
    }
    expect(await state(store, 1006315)).toEqual(before);
    // 2023-08-13T20:00Z is 14 August, 01:00 in Perm.
    const r = await checkIn(store, me, 209, new Date('2023-08-13T20:00:00Z'));
    expect(r.ticket.status).toBe('checked_in');
  });

  it('the guest of the order may not check it in (4); a manager not responsible, or another guest, finds no such ticket (5, rule 8a); nothing changes', async () => {
    const before = await state(store, 1006313);
    expect(await rejection(checkIn(store, await actor(store, 'troshkov'), 207, AT))).toBeInstanceOf(NotAllowedError);
    for (const login of ['manager2', 'ivanova']) {
      const e = await rejection(checkIn(store, await actor(store, login), 207, AT));
      // The refusal names the ticket, never its order.
      expect(e).toMatchObject({ exitCode: 5, said: { key: 'ticketNotFound', args: [{ number: 207 }] } });
    }
    expect(await state(store, 1006313)).toEqual(before);
  });

  it('an unknown ticket: not found (5)', async () => {
    const e = await rejection(checkIn(store, await actor(store, 'manager'), 999, AT));
    expect(e).toBeInstanceOf(NotFoundError);
    expect(e).toMatchObject({ said: { key: 'ticketNotFound', args: [{ number: 999 }] } });
  });
});

describe('ticketToView', () => {
  it("the order's guest and its staff may view a ticket; to anyone else it does not exist", async () => {
    const store = await demoStore();
    expect((await ticketToView(store, await actor(store, 'ivanova'), 208)).ticket.number).toBe(208);
    expect((await ticketToView(store, await actor(store, 'manager'), 208)).number).toBe(1006314);
    // Rule 8a: another guest's ticket reads exactly as an unknown one, naming no order.
    expect(await rejection(ticketToView(store, await actor(store, 'ivanova'), 207))).toMatchObject({
      exitCode: 5,
      said: { key: 'ticketNotFound', args: [{ number: 207 }] },
    });
    expect(await rejection(ticketToView(store, await actor(store, 'manager2'), 207))).toMatchObject({
      exitCode: 5,
      said: { key: 'ticketNotFound' },
    });
    expect(await rejection(ticketToView(store, await actor(store, 'ivanova'), 999))).toMatchObject({ exitCode: 5 });
  });
});
