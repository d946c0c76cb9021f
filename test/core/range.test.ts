/** The allowed-amount hint at every edge of the 50 ₽ floor, in both languages (paymentRange → words). */
import { describe, expect, it } from 'vitest';
import { paymentRange, statusFor } from '../../src/core/orders.js';
import type { OrderMoney } from '../../src/core/types.js';
import { catalog } from '../../src/ui/i18n.js';

const order = (total: number, paid: number, partialPayment = true): OrderMoney => ({
  total,
  paid,
  status: statusFor(total, paid),
  minRemaining: 5000,
  partialPayment,
  kept: 0,
});

describe('range hints', () => {
  it.each([
    [70000, 0, 'pay 0.01 ₽ to 650 ₽, or exactly 700 ₽', 'проведите от 0,01 ₽ до 650 ₽ или ровно 700 ₽'],
    [5001, 0, 'pay exactly 0.01 ₽, or exactly 50.01 ₽', 'проведите ровно 0,01 ₽ или ровно 50,01 ₽'],
    [5000, 0, 'only exactly 50 ₽ can be paid', 'можно провести только ровно 50 ₽'],
    [100, 0, 'only exactly 1 ₽ can be paid', 'можно провести только ровно 1 ₽'],
    [40000, 40000, 'nothing can be paid', 'провести оплату нельзя'],
    [200000, 0, 'only exactly 2,000 ₽ can be paid', 'можно провести только ровно 2\u00a0000 ₽'],
  ])('total %i, paid %i', (total, paid, en, ru) => {
    const partial = total !== 200000;
    const r = paymentRange(order(total, paid, partial));
    expect(catalog('en').words.range(r)).toBe(en);
    expect(catalog('ru').words.range(r)).toBe(ru);
  });

  it('never a negative bound, never "at most 0"', () => {
    for (let remaining = 1; remaining <= 12000; remaining += 7) {
      const text = catalog('en').words.range(paymentRange(order(remaining, 0)));
      expect(text).not.toMatch(/−|-\d|\b0 ₽/);
    }
  });
});
