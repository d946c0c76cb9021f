/**
 * Recording a desk payment (SPEC.md rules 1, 3, 4 and 8), through the use case, against a real
 * database: SQLite in memory, or PostgreSQL on a PostgreSQL run.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { recordDeskPayment } from '../../src/app/payments.js';
import { ConflictError, NotAllowedError, NotFoundError, RuleError } from '../../src/core/errors.js';
import type { Store } from '../../src/store/index.js';
import { anOrder, NOW, snapshot, userOf } from '../helpers/builders.js';
import { demoStore } from '../helpers/deps.js';
import { refused } from './helpers.js';

let store: Store;
beforeEach(async () => {
  store = await demoStore();
});

describe('recordDeskPayment', () => {
  it('a partial payment: the payment, the new balance and status, and its system message', async () => {
    const o = await anOrder(store).hours(10).build(); // 1 000 ₽
    const manager = await userOf(store, 'manager');
    const r = await recordDeskPayment(store, manager, { number: o.number, amount: 30000, method: 'transfer' }, NOW);
    expect(r.replayed).toBe(false);
    expect(r.payment).toMatchObject({ orderNumber: o.number, amount: 30000, method: 'transfer', source: 'manager', externalId: null });
    expect(r.payment.recordedBy?.login).toBe('manager');
    expect(r.order).toMatchObject({ paid: 30000, status: 'partially_paid' });
    expect(r.events).toEqual([{ code: 'payment_recorded', amount: 30000, method: 'transfer', by: manager.name }]);
    const feed = await store.messages(o.number);
    expect(feed.at(-1)).toMatchObject({ visibility: 'system', event: r.events[0] });
  });

  it('the whole remainder confirms the order', async () => {
    const o = await anOrder(store).hours(3).withPayment(10000).build();
    const r = await recordDeskPayment(store, await userOf(store, 'manager'), { number: o.number, amount: 20000, method: 'cash' }, NOW);
    expect(r.order).toMatchObject({ paid: 30000, status: 'confirmed', total: 30000 });
  });

  it.each([
    // remaining 700 ₽, floor 50 ₽: 0.01–650.00 or exactly 700.00
    [65000, null],
    [65001, 'REMAINING_BELOW_MINIMUM'],
    [69999, 'REMAINING_BELOW_MINIMUM'],
    [70000, null],
    [70001, 'AMOUNT_EXCEEDS_REMAINING'],
    [1, null],
  ])('with 700 ₽ left, %i kopecks → %s', async (amount, code) => {
    const o = await anOrder(store).hours(10).withPayment(30000).build();
    const manager = await userOf(store, 'manager');
    if (code === null) {
      await expect(recordDeskPayment(store, manager, { number: o.number, amount, method: 'cash' }, NOW)).resolves.toMatchObject({
        replayed: false,
      });
    } else {
      const e = await refused(store, o.number, () => recordDeskPayment(store, manager, { number: o.number, amount, method: 'cash' }, NOW));
      expect(e).toBeInstanceOf(RuleError);
      expect(e.code).toBe(code);
    }
  });

  it('a service without partial payment takes only the whole remainder', async () => {
    const o = await anOrder(store).of('meeting-room').on('2023-08-15').build();
    const manager = await userOf(store, 'manager');
    const e = await refused(store, o.number, () =>
      recordDeskPayment(store, manager, { number: o.number, amount: 100000, method: 'cash' }, NOW),
    );
    expect(e.code).toBe('PARTIAL_PAYMENT_NOT_ALLOWED');
    await expect(recordDeskPayment(store, manager, { number: o.number, amount: o.total, method: 'cash' }, NOW)).resolves.toMatchObject({
      order: { status: 'confirmed' },
    });
  });

  it('a cancelled order and a paid one take nothing', async () => {
    const manager = await userOf(store, 'manager');
    const c = await anOrder(store).withPayment(10000).cancelled().build();
    expect(
      (await refused(store, c.number, () => recordDeskPayment(store, manager, { number: c.number, amount: 100, method: 'cash' }, NOW)))
        .code,
    ).toBe('ORDER_CANCELLED');
    const p = await anOrder(store).paid().build();
    expect(
      (await refused(store, p.number, () => recordDeskPayment(store, manager, { number: p.number, amount: 100, method: 'cash' }, NOW)))
        .code,
    ).toBe('ORDER_ALREADY_PAID');
  });

  it('only those responsible for the service, and admins (rule 1); to others the order does not exist (8a)', async () => {
    const o = await anOrder(store).hours(10).build(); // coworking-2: manager2 is not responsible
    for (const login of ['manager2', 'ivanova']) {
      const actor = await userOf(store, login);
      const e = await refused(store, o.number, () =>
        recordDeskPayment(store, actor, { number: o.number, amount: 100, method: 'cash' }, NOW),
      );
      expect(e).toBeInstanceOf(NotFoundError);
      expect(e.said).toEqual({ key: 'orderNotFound', args: [{ number: o.number }] });
    }
    // The guest who booked it sees it, and may not record a desk payment on it.
    const own = await refused(store, o.number, () =>
      userOf(store, 'petrov').then((p) => recordDeskPayment(store, p, { number: o.number, amount: 100, method: 'cash' }, NOW)),
    );
    expect(own).toBeInstanceOf(NotAllowedError);
    await expect(
      recordDeskPayment(store, await userOf(store, 'admin'), { number: o.number, amount: 100, method: 'cash' }, NOW),
    ).resolves.toBeTruthy();
  });

  it('an unknown order is not found', async () => {
    const e = await recordDeskPayment(store, await userOf(store, 'manager'), { number: 9999999, amount: 100, method: 'cash' }, NOW).catch(
      (x: unknown) => x,
    );
    expect(e).toBeInstanceOf(NotFoundError);
  });

  describe('idempotency (rule 4)', () => {
    it('the same key with the same order, amount and method returns the first payment and writes nothing', async () => {
      const o = await anOrder(store).hours(10).build();
      const manager = await userOf(store, 'manager');
      const first = await recordDeskPayment(store, manager, { number: o.number, amount: 15000, method: 'card', idempotencyKey: 'k1' }, NOW);
      const before = await snapshot(store, o.number);
      const again = await recordDeskPayment(store, manager, { number: o.number, amount: 15000, method: 'card', idempotencyKey: 'k1' }, NOW);
      expect(again.replayed).toBe(true);
      expect(again.payment.id).toBe(first.payment.id);
      expect(again.events).toEqual([]);
      expect(await snapshot(store, o.number)).toEqual(before);
    });

    it.each([
      ['another amount', { amount: 15100 }],
      ['another method', { method: 'cash' as const }],
      ['another order', { other: true }],
    ])('%s with the same key is a conflict that names nothing else, and writes nothing', async (_what, change) => {
      const o = await anOrder(store).hours(10).build();
      const other = await anOrder(store).hours(10).on('2023-08-13').build();
      const manager = await userOf(store, 'manager');
      await recordDeskPayment(store, manager, { number: o.number, amount: 15000, method: 'card', idempotencyKey: 'k2' }, NOW);
      const target = 'other' in change ? other.number : o.number;
      const e = await refused(store, target, () =>
        recordDeskPayment(
          store,
          manager,
          {
            number: target,
            amount: 'amount' in change ? change.amount : 15000,
            method: 'method' in change ? change.method : 'card',
            idempotencyKey: 'k2',
          },
          NOW,
        ),
      );
      expect(e).toBeInstanceOf(ConflictError);
      expect(e.said).toEqual({ key: 'keyConflict', args: [{ key: 'k2' }] });
    });
  });
});
