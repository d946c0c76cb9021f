import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, isDate, isTimeZone, localDate, localInstant, localParts, parseInstant } from '../../src/core/time.js';

const iso = (text: string) => parseInstant(text)?.toISOString() ?? null;

describe('parseInstant', () => {
  it.each([
    ['2023-08-11T13:32:00+05:00', '2023-08-11T08:32:00.000Z'],
    ['2023-08-11T13:32:00Z', '2023-08-11T13:32:00.000Z'],
    ['2023-08-11 13:32:00Z', '2023-08-11T13:32:00.000Z'],
    ['2023-08-11T13:32Z', '2023-08-11T13:32:00.000Z'],
    ['2023-08-11T13:32+05:00', '2023-08-11T08:32:00.000Z'],
    ['2023-08-11T13:32:07+0500', '2023-08-11T08:32:07.000Z'],
    ['2023-08-11T13:32:07-03:30', '2023-08-11T17:02:07.000Z'],
    ['2023-08-11T13:32:07+05:45', '2023-08-11T07:47:07.000Z'],
    ['2023-08-11T13:32:07.5Z', '2023-08-11T13:32:07.500Z'],
    ['2023-08-11T13:32:07.123456789Z', '2023-08-11T13:32:07.123Z'],
    ['2023-08-11T13:32:07.999Z', '2023-08-11T13:32:07.999Z'],
    ['2023-08-11T00:00:00+18:00', '2023-08-10T06:00:00.000Z'],
    ['2023-08-11T00:00:00-18:59', '2023-08-11T18:59:00.000Z'],
    ['2023-08-11T23:59:59Z', '2023-08-11T23:59:59.000Z'],
    ['2023-01-01T00:00:00Z', '2023-01-01T00:00:00.000Z'],
    ['2023-12-31T00:00:00Z', '2023-12-31T00:00:00.000Z'],
  ])('reads %s', (text, utc) => {
    expect(iso(text)).toBe(utc);
  });

  it.each([
    '2023-08-11T13:32:00',
    '2023-08-11',
    '2023-08-11T13:32:00+5',
    '2023-08-11T13:32:00+05:0',
    '2023-08-11T13:32:00 +05:00',
    'x2023-08-11T13:32:00Z',
    '2023-08-11T13:32:00Zx',
    '2023-08-11T13:32:00.Z',
    '2023-08-11T13:32:00.1234567890Z',
    '2023-08-11T13:32.5Z',
    '2023-08-11t13:32:00Z',
    '2023-08-11T13:32:00z',
    '',
  ])('refuses %j (not the form)', (text) => {
    expect(parseInstant(text)).toBeNull();
  });

  it.each([
    ['month 0', '2023-00-11T13:32:00Z'],
    ['month 13', '2023-13-11T13:32:00Z'],
    ['day 0', '2023-08-00T13:32:00Z'],
    ['day 32', '2023-08-32T13:32:00Z'],
    ['hour 24', '2023-08-11T24:00:00Z'],
    ['minute 60', '2023-08-11T13:60:00Z'],
    ['second 60', '2023-08-11T13:32:60Z'],
    ['offset hour 19', '2023-08-11T13:32:00+19:00'],
    ['offset minute 60', '2023-08-11T13:32:00+05:60'],
    ['offset minute 60, no colon', '2023-08-11T13:32:00-0060'],
  ])('refuses %s where Date.parse would roll over', (_what, text) => {
    expect(parseInstant(text)).toBeNull();
  });

  it.each([
    [1, 31],
    [2, 28],
    [3, 31],
    [4, 30],
    [5, 31],
    [6, 30],
    [7, 31],
    [8, 31],
    [9, 30],
    [10, 31],
    [11, 30],
    [12, 31],
  ])('month %i of 2023 has %i days', (month, days) => {
    const mm = String(month).padStart(2, '0');
    expect(iso(`2023-${mm}-${days}T12:00:00Z`)).toBe(`2023-${mm}-${days}T12:00:00.000Z`);
    expect(parseInstant(`2023-${mm}-${days + 1}T12:00:00Z`)).toBeNull();
  });

  it.each([
    [2024, true],
    [2023, false],
    [2000, true],
    [1900, false],
    [2100, false],
    [2400, true],
    [1996, true],
    [2001, false],
  ])('29 February %i exists: %s', (year, leap) => {
    const text = `${year}-02-29T12:00:00Z`;
    expect(parseInstant(text) !== null).toBe(leap);
    expect(iso(`${year}-02-28T12:00:00Z`)).toBe(`${year}-02-28T12:00:00.000Z`);
    expect(parseInstant(`${year}-02-30T12:00:00Z`)).toBeNull();
  });

  it('agrees with isDate on every day of a leap cycle', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1896, max: 2404 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), (y, m, d) => {
        const date = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
        expect(parseInstant(`${date}T00:00:00Z`) !== null).toBe(isDate(date));
      }),
    );
  });

  it('is the instant Date gives for well-formed times (property)', () => {
    const when = fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true });
    const offset = fc.integer({ min: -18 * 60 - 59, max: 18 * 60 + 59 });
    fc.assert(
      fc.property(when, offset, (d, off) => {
        const local = new Date(d.getTime() + off * 60_000).toISOString().slice(0, 23);
        const a = Math.abs(off);
        const zone = `${off < 0 ? '-' : '+'}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
        expect(parseInstant(local + zone)?.getTime()).toBe(d.getTime());
      }),
    );
  });
});

describe('localParts and the zone cache', () => {
  it('reads the same instant in several zones in turn, each in its own zone', () => {
    const t = new Date('2023-08-11T08:32:05Z');
    for (let i = 0; i < 2; i++) {
      expect(localParts(t, 'Asia/Yekaterinburg')).toEqual({ year: 2023, month: 8, day: 11, hour: 13, minute: 32, second: 5 });
      expect(localParts(t, 'UTC')).toEqual({ year: 2023, month: 8, day: 11, hour: 8, minute: 32, second: 5 });
      expect(localParts(t, 'America/New_York')).toEqual({ year: 2023, month: 8, day: 11, hour: 4, minute: 32, second: 5 });
      expect(localDate(t, 'Pacific/Kiritimati')).toBe('2023-08-11');
      expect(localDate(new Date('2023-08-11T11:00:00Z'), 'Pacific/Kiritimati')).toBe('2023-08-12');
    }
  });

  it('an unknown zone is not a zone, and stays not one', () => {
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(isTimeZone('Europe/Berlin')).toBe(true);
  });

  it('addDays goes back too, and over a leap day', () => {
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2023-03-01', -1)).toBe('2023-02-28');
    expect(addDays('2023-08-11', 0)).toBe('2023-08-11');
  });
});

describe('localInstant: a day the clocks skip whole', () => {
  it('Samoa skipped 30 December 2011: none of its times exist, the days around it do', () => {
    expect(localInstant('2011-12-30', '10:00', 'Pacific/Apia')).toBeNull();
    expect(localInstant('2011-12-30', '00:00', 'Pacific/Apia')).toBeNull();
    expect(localInstant('2011-12-29', '23:00', 'Pacific/Apia')?.toISOString()).toBe('2011-12-30T09:00:00.000Z');
    expect(localInstant('2011-12-31', '00:00', 'Pacific/Apia')?.toISOString()).toBe('2011-12-30T10:00:00.000Z');
  });
});
