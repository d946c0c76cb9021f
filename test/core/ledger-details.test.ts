/** The details of refunds, reversals and gateway facts: each refusal's code and values, each event, each edge. */
import { describe, expect, it } from 'vitest';
import { RuleError } from '../../src/core/errors.js';
import { gatewayPayment, gatewayRefund, gatewayWarning, refundAtDesk, reverseDeskPayment } from '../../src/core/ledger.js';
import { applyCancel, cancelOrder, refundDueOf, remainingOf } from '../../src/core/orders.js';
import { english, russian } from '../helpers/words.js';
import { entry } from '../helpers/entries.js';
import { money, said } from '../helpers/refusals.js';

const order = money;
const cancelled = (paid: number, kept = 0) => order({ status: 'cancelled', paid, kept });

/** A rule's refusal: its code and its values. */
function refusal(fn: () => unknown): { code: string; values: unknown } {
  const s = said(fn);
  return { code: s.code, values: s.args[0] };
}

describe('refundDueOf and remainingOf', () => {
  it('a cancelled order: paid less the fee kept', () => {
    expect(refundDueOf(cancelled(12000, 2000))).toBe(10000);
    expect(refundDueOf(cancelled(12000))).toBe(12000);
    expect(remainingOf(cancelled(12000))).toBe(0);
  });
  it('a live order: what was paid over the total, and nothing left to pay', () => {
    expect(refundDueOf(order({ paid: 45000, status: 'confirmed' }))).toBe(5000);
    expect(remainingOf(order({ paid: 45000, status: 'confirmed' }))).toBe(0);
    expect(refundDueOf(order({ paid: 40000, status: 'confirmed' }))).toBe(0);
    expect(refundDueOf(order())).toBe(0);
  });
});

describe('cancelling with a fee kept', () => {
  it('keeps at most what was paid; the rest is due for refund', () => {
    const r = cancelOrder(order(), { by: 'Ольга', reason: 'не пришёл', keep: 2000 });
    expect(r.order).toMatchObject({ status: 'cancelled', kept: 2000, paid: 12000, refundDue: 10000 });
    expect(r.event).toEqual({ code: 'order_cancelled', by: 'Ольга', reason: 'не пришёл', refundDue: 10000, kept: 2000 });
    expect(applyCancel(order(), 12000).refundDue).toBe(0);
  });
  it('KEEP_EXCEEDS_PAID names the fee and what was paid', () => {
    const r = refusal(() => applyCancel(order(), 12001));
    expect(r).toEqual({ code: 'KEEP_EXCEEDS_PAID', values: { keep: 12001, paid: 12000 } });
    expect(english(new RuleError('KEEP_EXCEEDS_PAID', { keep: 12001, paid: 12000 }))).toBe('--keep 120.01 ₽ is more than was paid (120 ₽)');
    expect(russian(new RuleError('KEEP_EXCEEDS_PAID', { keep: 12001, paid: 12000 }))).toContain('больше, чем оплачено');
  });
  it('a fee that is not a whole number of kopecks is a bug, not a refusal', () => {
    expect(() => applyCancel(order(), -1)).toThrow(RangeError);
    expect(() => applyCancel(order(), 1.5)).toThrow(RangeError);
  });
});

describe('refundAtDesk', () => {
  const by = { method: 'cash' as const, by: 'Ольга', reason: 'вернули наличными' };
  it('gives back part or all of what is due; the order stays cancelled', () => {
    const r = refundAtDesk(cancelled(12000, 2000), { amount: 4000, ...by });
    expect(r.order).toMatchObject({ status: 'cancelled', paid: 8000, kept: 2000 });
    expect(refundDueOf(r.order)).toBe(6000);
    expect(r.event).toEqual({ code: 'payment_refunded', amount: 4000, method: 'cash', by: 'Ольга', reason: 'вернули наличными' });
    expect(refundDueOf(refundAtDesk(r.order, { amount: 6000, ...by }).order)).toBe(0);
  });
  it('an overpaid live order: the overpayment, and the order stays confirmed', () => {
    const r = refundAtDesk(order({ paid: 45000, status: 'confirmed' }), { amount: 5000, ...by });
    expect(r.order).toMatchObject({ status: 'confirmed', paid: 40000 });
  });
  it('NOTHING_TO_REFUND and REFUND_EXCEEDS_DUE', () => {
    expect(refusal(() => refundAtDesk(order(), { amount: 1, ...by })).code).toBe('NOTHING_TO_REFUND');
    expect(refusal(() => refundAtDesk(cancelled(12000, 12000), { amount: 1, ...by })).code).toBe('NOTHING_TO_REFUND');
    expect(refusal(() => refundAtDesk(cancelled(12000, 2000), { amount: 10001, ...by }))).toEqual({
      code: 'REFUND_EXCEEDS_DUE',
      values: { amount: 10001, due: 10000 },
    });
    expect(refusal(() => refundAtDesk(order({ paid: 45000, status: 'confirmed' }), { amount: 5001, ...by })).code).toBe(
      'REFUND_EXCEEDS_DUE',
    );
  });
  it('an amount that is not a positive whole number of kopecks is a bug', () => {
    expect(() => refundAtDesk(cancelled(12000), { amount: 0, ...by })).toThrow(RangeError);
  });
});

describe('reverseDeskPayment', () => {
  const desk = entry({ id: '9', amount: 12000, method: 'cash', source: 'manager' });
  it('undoes a desk payment: the status follows the money, whatever the floor', () => {
    const r = reverseDeskPayment(order({ paid: 40000, status: 'confirmed' }), desk, { by: 'Ольга', reason: 'опечатка' });
    expect(r.order).toMatchObject({ status: 'partially_paid', paid: 28000 });
    expect(r.event).toEqual({ code: 'payment_reversed', amount: 12000, method: 'cash', by: 'Ольга', reason: 'опечатка' });
    expect(reverseDeskPayment(order(), desk, { by: 'x', reason: null }).order).toMatchObject({ status: 'awaiting_payment', paid: 0 });
    // 2 000 left after it is less than the 50 ₽ floor: a reversal is allowed all the same.
    const low = reverseDeskPayment(order({ paid: 40000, status: 'confirmed' }), entry({ amount: 2000 }), { by: 'x', reason: null });
    expect(remainingOf(low.order)).toBe(2000);
  });
  it('on a cancelled order it takes back from what is due for refund, never below the fee kept', () => {
    expect(reverseDeskPayment(cancelled(15000, 3000), desk, { by: 'x', reason: null }).order).toMatchObject({
      status: 'cancelled',
      paid: 3000,
    });
    expect(refusal(() => reverseDeskPayment(cancelled(15000, 3001), desk, { by: 'x', reason: null }))).toEqual({
      code: 'REVERSAL_EXCEEDS_PAID',
      values: { amount: 12000, paid: 11999 },
    });
  });
  it.each([
    ['a gateway payment', entry({ source: 'gateway' }), 'GATEWAY_NOT_REVERSIBLE'],
    ['a refund', entry({ kind: 'refund' }), 'NOT_A_PAYMENT'],
    ['a reversal', entry({ kind: 'reversal', reverses: '3' }), 'NOT_A_PAYMENT'],
    ['a payment reversed already', entry({ reversedBy: '12' }), 'ALREADY_REVERSED'],
  ])('refuses %s', (_what, p, code) => {
    expect(refusal(() => reverseDeskPayment(order({ paid: 40000, status: 'confirmed' }), p, { by: 'x', reason: null })).code).toBe(code);
  });
  it('each refusal names the entry', () => {
    const live = order({ paid: 40000, status: 'confirmed' });
    const no = { by: 'x', reason: null };
    expect(refusal(() => reverseDeskPayment(live, entry({ id: '5', kind: 'refund' }), no)).values).toEqual({ id: '5', kind: 'refund' });
    expect(refusal(() => reverseDeskPayment(live, entry({ id: '6', source: 'gateway' }), no)).values).toEqual({ id: '6' });
    expect(refusal(() => reverseDeskPayment(live, entry({ id: '7', reversedBy: '9' }), no)).values).toEqual({ id: '7', by: '9' });
  });
  it('says what to do instead, in both languages', () => {
    const e = new RuleError('GATEWAY_NOT_REVERSIBLE', { id: '4' });
    expect(english(e)).toContain('cowork pay refund');
    expect(russian(e)).toContain('cowork pay refund');
  });
});

describe('gateway facts (rule 3a)', () => {
  it.each([
    ['within the rules', order(), 28000, null],
    ['part within the floor', order(), 20000, null],
    ['leaving less than the floor', order(), 25000, 'REMAINING_BELOW_MINIMUM'],
    ['leaving exactly the floor', order(), 23000, null],
    ['over the remaining balance', order(), 28001, 'OVERPAID'],
    ['on an order paid in full', order({ paid: 40000, status: 'confirmed' }), 1, 'OVERPAID'],
    ['on a cancelled order', cancelled(12000), 1, 'ORDER_CANCELLED'],
  ] as const)('%s', (_what, o, amount, warning) => {
    expect(gatewayWarning(o, amount)).toBe(warning);
    const r = gatewayPayment(o, { amount, method: 'card' });
    expect(r.warning).toBe(warning);
    expect(r.event).toEqual({ code: 'payment_gateway', amount, method: 'card', warning });
    expect(r.order.paid).toBe(o.paid + amount);
    expect(r.order.status).toBe(o.status === 'cancelled' ? 'cancelled' : o.paid + amount >= o.total ? 'confirmed' : 'partially_paid');
  });

  it('a partial payment on a service without partial payment is the guest paying online: recorded without a warning', () => {
    expect(
      gatewayPayment(order({ partialPayment: false, paid: 0, status: 'awaiting_payment' }), { amount: 100, method: 'card' }).warning,
    ).toBe(null);
  });

  it('a gateway refund: within what is due, beyond it with a warning, beyond what was paid refused', () => {
    expect(gatewayRefund(cancelled(12000, 2000), { amount: 10000, method: 'card' })).toMatchObject({
      warning: null,
      order: { paid: 2000, status: 'cancelled' },
      event: { code: 'payment_refunded', amount: 10000, method: 'card', by: null, reason: null },
    });
    const live = gatewayRefund(order({ paid: 40000, status: 'confirmed' }), { amount: 5000, method: 'card' });
    expect(live).toMatchObject({ warning: 'REFUND_EXCEEDS_DUE', order: { paid: 35000, status: 'partially_paid' } });
    expect(() => gatewayRefund(cancelled(12000), { amount: 0, method: 'card' })).toThrow(RangeError);
    expect(() => gatewayPayment(order(), { amount: -5, method: 'card' })).toThrow(/positive whole number of kopecks, not -5/);
    expect(refusal(() => gatewayRefund(cancelled(12000, 2000), { amount: 10001, method: 'card' }))).toEqual({
      code: 'REFUND_EXCEEDS_PAID',
      values: { amount: 10001, paid: 10000 },
    });
  });
});
