import { saysEnglish } from '../helpers/words.js';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkCapacity, checkPeriod, minPrepayment, peakOccupancy, pickTariff, priceBooking } from '../../src/core/booking.js';
import type { RuleError } from '../../src/core/errors.js';
import { NotFoundError } from '../../src/core/errors.js';
import { ruleCode } from '../helpers/refusals.js';

const coworking = {
  slug: 'coworking-2',
  name: 'Коворкинг на 2 этаже',
  capacity: 20,
  opensAt: '08:00',
  closesAt: '22:00',
  partialPayment: true,
  minPrepaymentPercent: 30,
  tariffs: [
    { name: 'Стандарт', unit: 'hour' as const, price: 10000 },
    { name: 'День', unit: 'day' as const, price: 80000 },
  ],
};

describe('pickTariff', () => {
  it('the first tariff by default', () => {
    expect(pickTariff(coworking).name).toBe('Стандарт');
  });
  it('a tariff by name', () => {
    expect(pickTariff(coworking, 'День')).toEqual({ name: 'День', unit: 'day', price: 80000 });
  });
  it('an unknown name is not found (5), listing the tariffs', () => {
    expect(() => pickTariff(coworking, 'VIP')).toThrow(NotFoundError);
    expect(saysEnglish(() => pickTariff(coworking, 'VIP'))).toMatch(/Стандарт, День/);
  });
  it('a service without tariffs is NO_TARIFF', () => {
    expect(ruleCode(() => pickTariff({ slug: 'x', tariffs: [] }))).toBe('NO_TARIFF');
  });
});

describe('checkPeriod', () => {
  it('returns the length in minutes', () => {
    expect(checkPeriod(coworking, { date: '2023-08-11', from: '16:00', to: '20:00' })).toBe(240);
    expect(checkPeriod(coworking, { date: '2023-08-11', from: '08:00', to: '22:00' })).toBe(840);
    expect(checkPeriod(coworking, { date: '2023-08-11', from: '10:15', to: '10:16' })).toBe(1);
  });
  it('an end not after the start is INVALID_PERIOD', () => {
    expect(ruleCode(() => checkPeriod(coworking, { date: '2023-08-11', from: '16:00', to: '16:00' }))).toBe('INVALID_PERIOD');
    expect(ruleCode(() => checkPeriod(coworking, { date: '2023-08-11', from: '16:00', to: '15:00' }))).toBe('INVALID_PERIOD');
  });
  it('a period outside the opening hours is OUTSIDE_OPENING_HOURS', () => {
    expect(ruleCode(() => checkPeriod(coworking, { date: '2023-08-11', from: '07:59', to: '10:00' }))).toBe('OUTSIDE_OPENING_HOURS');
    expect(ruleCode(() => checkPeriod(coworking, { date: '2023-08-11', from: '20:00', to: '22:01' }))).toBe('OUTSIDE_OPENING_HOURS');
    expect(ruleCode(() => checkPeriod(coworking, { date: '2023-08-11', from: '06:00', to: '23:00' }))).toBe('OUTSIDE_OPENING_HOURS');
  });
  it('a service open around the clock takes 00:00–24:00', () => {
    expect(checkPeriod({ opensAt: '00:00', closesAt: '24:00' }, { date: '2023-08-11', from: '00:00', to: '24:00' })).toBe(1440);
  });
});

describe('priceBooking', () => {
  const hour = coworking.tariffs[0]!;
  const day = coworking.tariffs[1]!;
  it('the source document: 4 hours × 100 ₽ = 400 ₽', () => {
    expect(priceBooking(coworking, hour, 240)).toEqual({
      description: 'Коворкинг на 2 этаже',
      tariff: 'Стандарт',
      quantity: 4,
      unitPrice: 10000,
      amount: 40000,
    });
  });
  it('bills every started hour', () => {
    expect(priceBooking(coworking, hour, 1).quantity).toBe(1);
    expect(priceBooking(coworking, hour, 60).quantity).toBe(1);
    expect(priceBooking(coworking, hour, 61).quantity).toBe(2);
    expect(priceBooking(coworking, hour, 90).amount).toBe(20000);
    expect(priceBooking(coworking, hour, 119).quantity).toBe(2);
    expect(priceBooking(coworking, hour, 121).quantity).toBe(3);
  });
  it('a daily tariff is one day', () => {
    expect(priceBooking(coworking, day, 600)).toMatchObject({ quantity: 1, unitPrice: 80000, amount: 80000, tariff: 'День' });
  });
  it('amount = quantity × unit price, quantity = ceil(minutes / 60) (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1440 }), fc.integer({ min: 0, max: 10_000_000 }), (minutes, price) => {
        const l = priceBooking(coworking, { name: 'T', unit: 'hour', price }, minutes);
        expect(l.quantity * 60).toBeGreaterThanOrEqual(minutes);
        expect((l.quantity - 1) * 60).toBeLessThan(minutes);
        expect(l.amount).toBe(l.quantity * price);
      }),
    );
  });
});

describe('checkCapacity', () => {
  it('the overlapping bookings plus this one must fit', () => {
    expect(() => checkCapacity({ slug: 'meeting-room', capacity: 1 }, 0)).not.toThrow();
    expect(ruleCode(() => checkCapacity({ slug: 'meeting-room', capacity: 1 }, 1))).toBe('CAPACITY_EXCEEDED');
    expect(() => checkCapacity(coworking, 19)).not.toThrow();
    expect(ruleCode(() => checkCapacity(coworking, 20))).toBe('CAPACITY_EXCEEDED');
  });
  it('says how many seats are booked at the busiest moment', () => {
    try {
      checkCapacity(coworking, 25);
      expect.unreachable();
    } catch (e) {
      expect((e as RuleError).said.args[0]).toEqual({ service: 'coworking-2', capacity: 20, booked: 25 });
      expect((e as RuleError).exitCode).toBe(6);
    }
  });
});

describe('minPrepayment', () => {
  it('a percentage of the total, rounded up to a kopeck', () => {
    expect(minPrepayment(coworking, 40000)).toBe(12000);
    expect(minPrepayment(coworking, 100000)).toBe(30000);
    expect(minPrepayment(coworking, 333)).toBe(100); // 99.9 → 100
    expect(minPrepayment(coworking, 1)).toBe(1);
    expect(minPrepayment(coworking, 0)).toBe(0);
  });
  it('the whole total when the service takes no partial payment', () => {
    expect(minPrepayment({ partialPayment: false, minPrepaymentPercent: 30 }, 200000)).toBe(200000);
  });
  it('0 % means nothing up front; 100 % the whole total', () => {
    expect(minPrepayment({ partialPayment: true, minPrepaymentPercent: 0 }, 200000)).toBe(0);
    expect(minPrepayment({ partialPayment: true, minPrepaymentPercent: 100 }, 200000)).toBe(200000);
  });
});

describe('peakOccupancy', () => {
  const at = (h: number) => `2030-01-01T${String(h).padStart(2, '0')}:00:00.000Z`;
  it('counts the bookings present at the busiest moment, not all that overlap', () => {
    // 10–11 and 11–12 never meet: one seat is always free for 10–12.
    expect(
      peakOccupancy(
        [
          { start: at(10), end: at(11) },
          { start: at(11), end: at(12) },
        ],
        at(10),
        at(12),
      ),
    ).toBe(1);
    expect(
      peakOccupancy(
        [
          { start: at(10), end: at(12) },
          { start: at(11), end: at(13) },
        ],
        at(10),
        at(13),
      ),
    ).toBe(2);
  });
  it('looks only inside the period', () => {
    expect(
      peakOccupancy(
        [
          { start: at(8), end: at(10) },
          { start: at(9), end: at(11) },
        ],
        at(10),
        at(12),
      ),
    ).toBe(1);
    expect(peakOccupancy([{ start: at(8), end: at(9) }], at(10), at(12))).toBe(0);
    expect(peakOccupancy([], at(10), at(12))).toBe(0);
  });
  it('agrees with counting every minute', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 1, max: 6 })), { maxLength: 12 }), (spans) => {
        // Whole hours only, so the occupancy can change only on the hour: checking each hour is exact.
        const valid = spans.map(([s, len]) => ({ start: at(s), end: at(Math.min(23, s + len)) })).filter((b) => b.start < b.end);
        let peak = 0;
        for (let h = 6; h < 18; h++) peak = Math.max(peak, valid.filter((b) => b.start <= at(h) && b.end > at(h)).length);
        expect(peakOccupancy(valid, at(6), at(18))).toBe(peak);
      }),
    );
  });
});
