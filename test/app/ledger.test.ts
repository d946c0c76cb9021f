/**
 * The money cycle through the use cases (SPEC.md rules 3a–5b), against a real database: refunds,
 * reversals, a cancellation fee kept, desk keys apart from gateway ids, a retried booking, a guest's
 * online payment that a statement later names, and the takings that add up as the list does.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { listEntries, reportTakings } from '../../src/app/entries.js';
import { cancelOrder, createBooking } from '../../src/app/orders.js';
import { recordDeskPayment, recordRefund, reversePayment } from '../../src/app/payments.js';
import { importStatement } from '../../src/app/statement.js';
import { ConflictError, NotAllowedError, NotFoundError, RuleError } from '../../src/core/errors.js';
import { refundDueOf } from '../../src/core/orders.js';
import { count, noSums } from '../../src/core/takings.js';
import type { StatementRow } from '../../src/core/statement.js';
import type { Store } from '../../src/store/index.js';
import { anOrder, NOW, userOf } from '../helpers/builders.js';
import { demoStore } from '../helpers/deps.js';
import { refusal, refused } from './helpers.js';

let store: Store;
beforeEach(async () => {
  store = await demoStore();
});

const manager = () => userOf(store, 'manager');

describe('refunds', () => {
  it('after a cancel with a fee kept, the rest goes back in parts; each part is an entry and a system message', async () => {
    const o = await anOrder(store).hours(5).withPayment(50000).cancelled('не придёт', 10000).build();
    expect(o).toMatchObject({ status: 'cancelled', paid: 50000, kept: 10000 });
    expect(refundDueOf(o)).toBe(40000);
    const me = await manager();
    const first = await recordRefund(
      store,
      me,
      { number: o.number, amount: 15000, method: 'cash', reason: 'часть', reference: 'РКО-1' },
      NOW,
    );
    expect(first.payment).toMatchObject({
      kind: 'refund',
      amount: 15000,
      method: 'cash',
      source: 'manager',
      reference: 'РКО-1',
      reason: 'часть',
    });
    expect(first.order).toMatchObject({ status: 'cancelled', paid: 35000, kept: 10000 });
    expect((await store.messages(o.number)).at(-1)).toMatchObject({
      visibility: 'system',
      event: { code: 'payment_refunded', amount: 15000, method: 'cash', by: me.name, reason: 'часть' },
    });
    const rest = await recordRefund(store, me, { number: o.number, amount: 25000, method: 'card' }, NOW);
    expect(refundDueOf(rest.order)).toBe(0);
    expect(rest.order.paid).toBe(10000);
  });

  it('refuses more than is due, and a live order with nothing overpaid; nothing changes', async () => {
    const o = await anOrder(store).withPayment(10000).cancelled().build();
    const me = await manager();
    expect(
      (await refused(store, o.number, () => recordRefund(store, me, { number: o.number, amount: 10001, method: 'cash' }, NOW))).code,
    ).toBe('REFUND_EXCEEDS_DUE');
    const live = await anOrder(store).withPayment(10000).build();
    expect(
      (await refused(store, live.number, () => recordRefund(store, me, { number: live.number, amount: 1, method: 'cash' }, NOW))).code,
    ).toBe('NOTHING_TO_REFUND');
  });

  it('a guest may not refund; a manager of another service reads the order as unknown', async () => {
    const o = await anOrder(store).withPayment(10000).cancelled().build();
    const guest = await userOf(store, 'petrov');
    expect(
      await refused(store, o.number, () => recordRefund(store, guest, { number: o.number, amount: 100, method: 'cash' }, NOW)),
    ).toBeInstanceOf(NotAllowedError);
    const other = await userOf(store, 'manager2');
    expect(
      await refused(store, o.number, () => recordRefund(store, other, { number: o.number, amount: 100, method: 'cash' }, NOW)),
    ).toBeInstanceOf(NotFoundError);
  });

  it('a retried refund with its key is written once; the key with other values, or a payment’s key, is a conflict', async () => {
    const o = await anOrder(store).hours(3).withPayment(10000, { key: 'desk-1' }).cancelled().build();
    const me = await manager();
    const input = { number: o.number, amount: 4000, method: 'cash' as const, idempotencyKey: 'refund-1' };
    const a = await recordRefund(store, me, input, NOW);
    const b = await recordRefund(store, me, input, NOW);
    expect(b).toMatchObject({ replayed: true, payment: { id: a.payment.id } });
    expect(await refused(store, o.number, () => recordRefund(store, me, { ...input, amount: 4001 }, NOW))).toBeInstanceOf(ConflictError);
    // A payment's key is not a refund's: kind differs.
    expect(
      await refused(store, o.number, () => recordRefund(store, me, { ...input, amount: 10000, idempotencyKey: 'desk-1' }, NOW)),
    ).toBeInstanceOf(ConflictError);
  });
});

describe('reversals', () => {
  it('undo a desk payment once: a new entry pointing at it, the status follows the money, the feed says so', async () => {
    const o = await anOrder(store).hours(3).withPayment(10000).paid().build();
    expect(o.status).toBe('confirmed');
    const [, second] = await store.payments(o.number);
    const me = await manager();
    const r = await reversePayment(store, me, { id: Number(second!.id), reason: 'опечатка' }, NOW);
    expect(r.reversal).toMatchObject({ kind: 'reversal', amount: 20000, reverses: second!.id, reason: 'опечатка', method: 'cash' });
    expect(r.payment.reversedBy).toBe(r.reversal.id);
    expect(r.order).toMatchObject({ status: 'partially_paid', paid: 10000 });
    expect((await store.messages(o.number)).at(-1)).toMatchObject({
      event: { code: 'payment_reversed', amount: 20000, method: 'cash', by: me.name, reason: 'опечатка' },
    });
    const again = await refused(store, o.number, () => reversePayment(store, me, { id: Number(second!.id), reason: null }, NOW));
    expect(again).toBeInstanceOf(RuleError);
    expect((again as RuleError).code).toBe('ALREADY_REVERSED');
  });

  it('a gateway payment, a refund and a reversal are not reversed', async () => {
    const online = await anOrder(store).for('petrov').bookedOnline(6000).build();
    const [gw] = await store.payments(online.number);
    const me = await manager();
    expect(
      ((await refused(store, online.number, () => reversePayment(store, me, { id: Number(gw!.id), reason: null }, NOW))) as RuleError).code,
    ).toBe('GATEWAY_NOT_REVERSIBLE');
    const o = await anOrder(store).withPayment(10000).cancelled().build();
    const refund = await recordRefund(store, me, { number: o.number, amount: 100, method: 'cash' }, NOW);
    expect(
      ((await refused(store, o.number, () => reversePayment(store, me, { id: Number(refund.payment.id), reason: null }, NOW))) as RuleError)
        .code,
    ).toBe('NOT_A_PAYMENT');
  });

  it('an entry that does not exist, or of an order the operator may not see, is not found (rule 8a)', async () => {
    const o = await anOrder(store).withPayment(10000).build();
    const [p] = await store.payments(o.number);
    const other = await userOf(store, 'manager2');
    const e = await refused(store, o.number, () => reversePayment(store, other, { id: Number(p!.id), reason: null }, NOW));
    expect(e).toBeInstanceOf(NotFoundError);
    expect(e.said).toEqual({ key: 'paymentNotFound', args: [{ id: p!.id }] });
    expect((await refusal(reversePayment(store, await manager(), { id: 999999, reason: null }, NOW))).said.key).toBe('paymentNotFound');
  });
});

describe('cancel with a fee kept', () => {
  it('keeps at most what was paid', async () => {
    const o = await anOrder(store).withPayment(10000).build();
    const me = await manager();
    expect(
      ((await refused(store, o.number, () => cancelOrder(store, me, { number: o.number, reason: null, keep: 10001 }, NOW))) as RuleError)
        .code,
    ).toBe('KEEP_EXCEEDS_PAID');
    const r = await cancelOrder(store, me, { number: o.number, reason: null, keep: 10000 }, NOW);
    expect(r).toMatchObject({ refundDue: 0, order: { kept: 10000, status: 'cancelled' } });
    expect(r.events[0]).toMatchObject({ code: 'order_cancelled', kept: 10000, refundDue: 0 });
  });
});

describe('desk keys and gateway ids live apart', () => {
  it('a desk key that reads like a gateway id records its own payment, and the statement still matches its row', async () => {
    const o = await anOrder(store).hours(10).build();
    const me = await manager();
    const desk = await recordDeskPayment(store, me, { number: o.number, amount: 10000, method: 'cash', idempotencyKey: 'gw-1' }, NOW);
    expect(desk.payment).toMatchObject({ idempotencyKey: 'gw-1', externalId: null });
    const row: StatementRow = {
      line: 2,
      externalId: 'gw-1',
      orderNumber: o.number,
      amount: 20000,
      paidAt: NOW.toISOString(),
      method: 'card',
    };
    const { summary } = await importStatement(store, await userOf(store, 'admin'), { rows: [row], dryRun: false });
    expect(summary).toMatchObject({ recorded: 1, rejected: 0 });
    expect((await store.order(o.number))!.paid).toBe(30000);
  });
});

describe('a booking retried with its key', () => {
  it('makes one order; the key with another booking is a conflict', async () => {
    const services = await store.services();
    const service = [...services.values()].find((s) => s.slug === 'coworking-2')!;
    const me = await manager();
    const input = {
      service,
      applicant: await userOf(store, 'petrov'),
      date: '2023-08-13',
      from: '10:00',
      to: '12:00',
      idempotencyKey: 'b-1',
    };
    const a = await createBooking(store, me, input, NOW);
    const b = await createBooking(store, me, input, NOW);
    expect(b).toMatchObject({ replayed: true, order: { number: a.order.number }, events: [] });
    const e = await refusal(createBooking(store, me, { ...input, to: '13:00' }, NOW));
    expect(e).toBeInstanceOf(ConflictError);
    expect(e.said).toEqual({ key: 'bookingKeyConflict', args: [{ key: 'b-1' }] });
  });
});

describe('a guest’s online payment and the statement that names it', () => {
  it('with its gateway id, the statement row is a duplicate; without, the row gives it its id once', async () => {
    const services = await store.services();
    const service = [...services.values()].find((s) => s.slug === 'coworking-2')!;
    const guest = await userOf(store, 'petrov');
    const booking = { service, applicant: guest, date: '2023-08-13', from: '10:00', to: '12:00', prepay: 6000 };
    const withId = await createBooking(store, guest, { ...booking, paymentId: 'yk-1' }, NOW);
    const withoutId = await createBooking(store, guest, { ...booking, from: '12:00', to: '14:00' }, NOW);
    const row = (externalId: string, orderNumber: number): StatementRow => ({
      line: 2,
      externalId,
      orderNumber,
      amount: 6000,
      paidAt: NOW.toISOString(),
      method: 'card',
    });
    const admin = await userOf(store, 'admin');
    const first = await importStatement(store, admin, {
      rows: [row('yk-1', withId.order.number), row('yk-2', withoutId.order.number)],
      dryRun: false,
    });
    expect(first.outcomes.map((x) => x.result)).toEqual(['duplicate', 'matched']);
    expect(await store.payments(withoutId.order.number)).toMatchObject([{ externalId: 'yk-2', amount: 6000 }]);
    expect((await store.order(withoutId.order.number))!.paid).toBe(6000);
    const again = await importStatement(store, admin, { rows: [row('yk-2', withoutId.order.number)], dryRun: false });
    expect(again.outcomes.map((x) => x.result)).toEqual(['duplicate']);
    // A payment id already recorded cannot be claimed by another booking.
    const e = await refusal(createBooking(store, guest, { ...booking, from: '14:00', to: '16:00', paymentId: 'yk-1' }, NOW));
    expect(e).toBeInstanceOf(ConflictError);
  });
});

describe('the takings', () => {
  it('pay report’s totals equal the sums of pay list for the same days, across methods, sources and kinds', async () => {
    const me = await manager();
    const admin0 = await userOf(store, 'admin');
    // The demo's own entries of the day, before these.
    const base = await reportTakings(store, admin0, { from: 'today', to: 'today', by: 'method' }, NOW);
    const a = await anOrder(store).hours(5).withPayment(20000, { method: 'card' }).withPayment(10000).cancelled(null, 5000).build();
    await recordRefund(store, me, { number: a.number, amount: 12000, method: 'cash' }, NOW);
    const b = await anOrder(store).hours(3).withPayment(30000, { method: 'transfer' }).build();
    const [p] = await store.payments(b.number);
    await reversePayment(store, me, { id: Number(p!.id), reason: null }, NOW);
    await anOrder(store).for('petrov').bookedOnline(6000).build();
    const admin = await userOf(store, 'admin');
    for (const by of ['method', 'manager', 'service'] as const) {
      const report = await reportTakings(store, admin, { from: 'today', to: 'today', by }, NOW);
      let sums = noSums();
      for await (const e of await listEntries(store, admin, { from: 'today', to: 'today' }, NOW)) sums = count(sums, e);
      expect(report.totals).toEqual(sums);
      const rows = report.rows.reduce((acc, r) => ({ in: acc.in + r.in, out: acc.out + r.out, reversed: acc.reversed + r.reversed }), {
        in: 0,
        out: 0,
        reversed: 0,
      });
      expect(rows).toEqual({ in: sums.in, out: sums.out, reversed: sums.reversed });
      for (const method of ['cash', 'card', 'transfer'] as const) {
        let m = noSums();
        for await (const e of await listEntries(store, admin, { from: 'today', to: 'today', method }, NOW)) m = count(m, e);
        const r = await reportTakings(store, admin, { from: 'today', to: 'today', by, method }, NOW);
        expect(r.totals).toEqual(m);
      }
    }
    const report = await reportTakings(store, admin, { from: 'today', to: 'today', by: 'method' }, NOW);
    // These add 200 + 100 + 300 + 60 ₽ in, 120 ₽ out, 300 ₽ reversed to the demo's day.
    expect(report.totals.in - base.totals.in).toBe(20000 + 10000 + 30000 + 6000);
    expect(report.totals.out - base.totals.out).toBe(12000);
    expect(report.totals.reversed - base.totals.reversed).toBe(30000);
    expect(report.totals.entries - base.totals.entries).toBe(6);
    // Cash in the drawer: 100 ₽ taken, 120 ₽ given back.
    expect(report.drawer - base.drawer).toBe(10000 - 12000);
    // Yesterday held none of them.
    const yesterday = await reportTakings(store, admin, { from: 'yesterday', to: 'yesterday', by: 'method' }, NOW);
    expect(yesterday.totals.out + yesterday.totals.reversed).toBe(0);
  });

  it('a manager sees the takings of their services only; a guest none', async () => {
    const me = await manager();
    const m2 = await userOf(store, 'manager2');
    const before = await reportTakings(store, m2, { from: 'today', to: 'today', by: 'service' }, NOW);
    const b = await anOrder(store).of('meeting-room').hours(1).paid().build();
    await anOrder(store).of('coworking-2').hours(1).paid().build();
    const mine = await reportTakings(store, m2, { from: 'today', to: 'today', by: 'service' }, NOW);
    expect(mine.rows.map((r) => r.service)).toEqual(['meeting-room']);
    expect(mine.totals.in - before.totals.in).toBe(b.total);
    const all = await reportTakings(store, me, { from: 'today', to: 'today', by: 'service' }, NOW);
    expect(all.rows.map((r) => r.service).sort()).toEqual(['coworking-2', 'meeting-room']);
    expect(
      await refusal(reportTakings(store, await userOf(store, 'petrov'), { from: 'today', to: 'today', by: 'method' }, NOW)),
    ).toBeInstanceOf(NotAllowedError);
  });
});
