/** The free seats of a day, as the booking prompts offer them (src/core/booking.ts). */
import { describe, expect, it } from 'vitest';
import { bookedAt, firstFree, freeUntil, occupancy, planDay } from '../../src/core/booking.js';

const at = (hm: string) => `2023-08-12T${hm}:00.000Z`;
const b = (s: string, e: string) => ({ start: at(s), end: at(e) });

describe('occupancy', () => {
  it('covers the period with stretches of equal bookings; bookings that meet do not overlap', () => {
    expect(occupancy([b('10:00', '12:00'), b('12:00', '14:00'), b('11:00', '13:00')], at('08:00'), at('20:00'))).toEqual([
      { start: at('08:00'), end: at('10:00'), booked: 0 },
      { start: at('10:00'), end: at('11:00'), booked: 1 },
      { start: at('11:00'), end: at('13:00'), booked: 2 },
      { start: at('13:00'), end: at('14:00'), booked: 1 },
      { start: at('14:00'), end: at('20:00'), booked: 0 },
    ]);
  });

  it('clips bookings to the period, and an empty period has no stretch', () => {
    expect(occupancy([b('06:00', '09:00')], at('08:00'), at('10:00'))).toEqual([
      { start: at('08:00'), end: at('09:00'), booked: 1 },
      { start: at('09:00'), end: at('10:00'), booked: 0 },
    ]);
    expect(occupancy([], at('10:00'), at('10:00'))).toEqual([]);
  });
});

describe('a day plan', () => {
  const day = { date: '2023-08-12', open: new Date(at('08:00')), close: new Date(at('22:00')) };

  it('starts at the current minute when the day is under way', () => {
    const plan = planDay({ capacity: 1 }, day, [], new Date('2023-08-12T13:40:27Z'));
    expect(plan.earliest).toBe(at('13:40'));
    expect(firstFree(plan)).toBe(at('13:40'));
  });

  it('the first free seat, and how long it stays free', () => {
    const plan = planDay({ capacity: 1 }, day, [b('08:00', '10:00'), b('12:00', '14:00')], new Date(at('07:00')));
    expect(firstFree(plan)).toBe(at('10:00'));
    expect(bookedAt(plan, at('09:59'))).toBe(1);
    expect(freeUntil(plan, at('10:30'))).toBe(at('12:00'));
    expect(freeUntil(plan, at('14:00'))).toBe(at('22:00'));
    // A start in a full stretch has no free time at all.
    expect(freeUntil(plan, at('12:30'))).toBe(at('12:30'));
  });

  it('a full day, and a day already over, have no free start', () => {
    expect(firstFree(planDay({ capacity: 1 }, day, [b('08:00', '22:00')], new Date(at('07:00'))))).toBeNull();
    expect(firstFree(planDay({ capacity: 5 }, day, [], new Date(at('22:30'))))).toBeNull();
  });
});
