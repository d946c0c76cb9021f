import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addDays,
  isDate,
  isTime,
  isTimeZone,
  localDate,
  localInstant,
  localParts,
  localTime,
  minutesOf,
  zonedToUtc,
} from '../../src/core/time.js';

const iso = (d: Date) => d.toISOString();

describe('zonedToUtc', () => {
  it('Asia/Yekaterinburg is UTC+5 all year', () => {
    expect(iso(zonedToUtc('2023-08-11', '16:00', 'Asia/Yekaterinburg'))).toBe('2023-08-11T11:00:00.000Z');
    expect(iso(zonedToUtc('2023-08-11', '20:00', 'Asia/Yekaterinburg'))).toBe('2023-08-11T15:00:00.000Z');
    expect(iso(zonedToUtc('2023-01-15', '03:00', 'Asia/Yekaterinburg'))).toBe('2023-01-14T22:00:00.000Z');
    expect(iso(zonedToUtc('2023-08-12', '00:00', 'Asia/Yekaterinburg'))).toBe('2023-08-11T19:00:00.000Z');
  });

  it('24:00 is the midnight that ends the day', () => {
    expect(iso(zonedToUtc('2023-08-11', '24:00', 'Asia/Yekaterinburg'))).toBe('2023-08-11T19:00:00.000Z');
  });

  it('Europe/Berlin around the spring change (2023-03-26, 02:00 CET → 03:00 CEST)', () => {
    expect(iso(zonedToUtc('2023-03-25', '12:00', 'Europe/Berlin'))).toBe('2023-03-25T11:00:00.000Z');
    expect(iso(zonedToUtc('2023-03-26', '01:30', 'Europe/Berlin'))).toBe('2023-03-26T00:30:00.000Z');
    expect(iso(zonedToUtc('2023-03-26', '01:59', 'Europe/Berlin'))).toBe('2023-03-26T00:59:00.000Z');
    expect(iso(zonedToUtc('2023-03-26', '03:00', 'Europe/Berlin'))).toBe('2023-03-26T01:00:00.000Z');
    expect(iso(zonedToUtc('2023-03-26', '03:30', 'Europe/Berlin'))).toBe('2023-03-26T01:30:00.000Z');
    expect(iso(zonedToUtc('2023-03-27', '12:00', 'Europe/Berlin'))).toBe('2023-03-27T10:00:00.000Z');
  });

  it('a local time in the spring gap lands inside the changed hour', () => {
    const t = iso(zonedToUtc('2023-03-26', '02:30', 'Europe/Berlin'));
    expect(['2023-03-26T00:30:00.000Z', '2023-03-26T01:30:00.000Z']).toContain(t);
  });

  it('Europe/Berlin around the autumn change (2023-10-29, 03:00 CEST → 02:00 CET)', () => {
    expect(iso(zonedToUtc('2023-10-28', '12:00', 'Europe/Berlin'))).toBe('2023-10-28T10:00:00.000Z');
    expect(iso(zonedToUtc('2023-10-29', '01:30', 'Europe/Berlin'))).toBe('2023-10-28T23:30:00.000Z');
    expect(iso(zonedToUtc('2023-10-29', '01:59', 'Europe/Berlin'))).toBe('2023-10-28T23:59:00.000Z');
    expect(iso(zonedToUtc('2023-10-29', '03:00', 'Europe/Berlin'))).toBe('2023-10-29T02:00:00.000Z');
    expect(iso(zonedToUtc('2023-10-29', '03:30', 'Europe/Berlin'))).toBe('2023-10-29T02:30:00.000Z');
    expect(iso(zonedToUtc('2023-10-30', '12:00', 'Europe/Berlin'))).toBe('2023-10-30T11:00:00.000Z');
  });

  it('an ambiguous autumn time is one of its two instants', () => {
    const t = zonedToUtc('2023-10-29', '02:30', 'Europe/Berlin');
    expect(['2023-10-29T00:30:00.000Z', '2023-10-29T01:30:00.000Z']).toContain(iso(t));
    expect(localTime(t, 'Europe/Berlin')).toBe('02:30');
  });

  it('round-trips every existing local time of several zones (property)', () => {
    const zones = ['Asia/Yekaterinburg', 'Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'Europe/Moscow', 'UTC'];
    const from = Date.UTC(2010, 0, 1) / 60000;
    const to = Date.UTC(2030, 0, 1) / 60000;
    fc.assert(
      fc.property(fc.integer({ min: from, max: to }), fc.constantFrom(...zones), (minute, tz) => {
        const t = new Date(minute * 60000);
        const d = localDate(t, tz);
        const h = localTime(t, tz);
        const back = zonedToUtc(d, h, tz);
        expect(localDate(back, tz)).toBe(d);
        expect(localTime(back, tz)).toBe(h);
      }),
      { numRuns: 2000 },
    );
  });

  it('round-trips the instants right around Berlin changes exactly (outside the ambiguous hour)', () => {
    for (const change of [Date.parse('2023-03-26T01:00:00Z'), Date.parse('2023-10-29T01:00:00Z')]) {
      for (let m = -180; m <= 180; m += 1) {
        const t = new Date(change + m * 60000);
        const back = zonedToUtc(localDate(t, 'Europe/Berlin'), localTime(t, 'Europe/Berlin'), 'Europe/Berlin');
        const ambiguous = change === Date.parse('2023-10-29T01:00:00Z') && m >= -60 && m < 60;
        if (!ambiguous) expect(iso(back)).toBe(iso(t));
      }
    }
  });
});

describe('localDate / localTime / localParts', () => {
  it('read an instant in the zone', () => {
    const t = new Date('2023-08-11T08:32:00.000Z');
    expect(localDate(t, 'Asia/Yekaterinburg')).toBe('2023-08-11');
    expect(localTime(t, 'Asia/Yekaterinburg')).toBe('13:32');
    expect(localTime(t, 'Europe/Berlin')).toBe('10:32');
  });
  it('cross the date line of the zone', () => {
    const t = new Date('2023-08-11T19:30:00.000Z');
    expect(localDate(t, 'Asia/Yekaterinburg')).toBe('2023-08-12');
    expect(localTime(t, 'Asia/Yekaterinburg')).toBe('00:30');
    expect(localDate(t, 'UTC')).toBe('2023-08-11');
    expect(localDate(new Date('2023-12-31T19:00:00Z'), 'Asia/Yekaterinburg')).toBe('2024-01-01');
  });
  it('midnight is 00, never 24', () => {
    expect(localTime(new Date('2023-08-11T19:00:00Z'), 'Asia/Yekaterinburg')).toBe('00:00');
    expect(localParts(new Date('2023-08-11T19:00:00Z'), 'Asia/Yekaterinburg')).toEqual({
      year: 2023,
      month: 8,
      day: 12,
      hour: 0,
      minute: 0,
      second: 0,
    });
  });
  it('Berlin before and after the spring change', () => {
    expect(localTime(new Date('2023-03-26T00:59:00Z'), 'Europe/Berlin')).toBe('01:59');
    expect(localTime(new Date('2023-03-26T01:00:00Z'), 'Europe/Berlin')).toBe('03:00');
  });
});

describe('isDate', () => {
  it.each(['2023-08-11', '2024-02-29', '2000-02-29', '2023-12-31', '2023-01-01'])('accepts %s', (d) => {
    expect(isDate(d)).toBe(true);
  });
  it.each([
    '2023-02-30',
    '2023-02-29',
    '1900-02-29',
    '2023-13-01',
    '2023-00-10',
    '2023-04-31',
    '2023-8-11',
    '2023-08-11T00:00',
    '11.08.2023',
    '',
    'abcd-ef-gh',
    ' 2023-08-11',
  ])('rejects %j', (d) => {
    expect(isDate(d)).toBe(false);
  });
});

describe('isTime', () => {
  it.each(['00:00', '08:00', '16:00', '23:59', '24:00'])('accepts %s', (t) => {
    expect(isTime(t)).toBe(true);
  });
  it.each(['24:01', '25:00', '7:00', '12:60', '12:5', '1200', '12:00:00', '', 'ab:cd', '-1:00'])('rejects %j', (t) => {
    expect(isTime(t)).toBe(false);
  });
});

describe('helpers', () => {
  it('isTimeZone', () => {
    expect(isTimeZone('Asia/Yekaterinburg')).toBe(true);
    expect(isTimeZone('Mars/Olympus_Mons')).toBe(false);
  });
  it('addDays crosses months and years', () => {
    expect(addDays('2023-08-31', 1)).toBe('2023-09-01');
    expect(addDays('2023-12-31', 1)).toBe('2024-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  });
  it('minutesOf', () => {
    expect(minutesOf('16:30')).toBe(990);
    expect(minutesOf('24:00')).toBe(1440);
  });
});

describe('localInstant: local times in zones with daylight saving', () => {
  it('a time the clocks skip does not exist (Berlin, New York, spring)', () => {
    expect(localInstant('2024-03-31', '02:30', 'Europe/Berlin')).toBeNull();
    expect(localInstant('2024-03-10', '02:00', 'America/New_York')).toBeNull();
    expect(localInstant('2024-03-10', '02:59', 'America/New_York')).toBeNull();
  });

  it('the times around the gap exist, an hour of real time apart', () => {
    const before = localInstant('2024-03-31', '01:59', 'Europe/Berlin');
    const after = localInstant('2024-03-31', '03:00', 'Europe/Berlin');
    expect(before?.toISOString()).toBe('2024-03-31T00:59:00.000Z');
    expect(after?.toISOString()).toBe('2024-03-31T01:00:00.000Z');
  });

  it('a time the clocks show twice is its first reading (Berlin, New York, autumn)', () => {
    expect(localInstant('2024-10-27', '02:30', 'Europe/Berlin')?.toISOString()).toBe('2024-10-27T00:30:00.000Z');
    expect(localInstant('2024-11-03', '01:30', 'America/New_York')?.toISOString()).toBe('2024-11-03T05:30:00.000Z');
  });

  it('01:00–04:00 is 2 real hours on the spring day and 4 on the autumn day in Berlin; 3 elsewhere', () => {
    const hours = (date: string, zone: string) => {
      const a = localInstant(date, '01:00', zone);
      const b = localInstant(date, '04:00', zone);
      if (!a || !b) throw new Error('missing');
      return (b.getTime() - a.getTime()) / 3600_000;
    };
    expect(hours('2024-03-31', 'Europe/Berlin')).toBe(2);
    expect(hours('2024-10-27', 'Europe/Berlin')).toBe(4);
    expect(hours('2024-06-01', 'Europe/Berlin')).toBe(3);
    expect(hours('2024-03-31', 'Asia/Yekaterinburg')).toBe(3);
  });

  it('24:00 is the next day at midnight', () => {
    expect(localInstant('2023-08-11', '24:00', 'Asia/Yekaterinburg')?.toISOString()).toBe('2023-08-11T19:00:00.000Z');
  });
});

describe('local days as flags take them', () => {
  it('today, yesterday and tomorrow are the zone’s own; a date is itself', async () => {
    const { isDaySpec, resolveDay, dayRange } = await import('../../src/core/time.js');
    const now = new Date('2023-08-11T20:30:00Z'); // 01:30 on the 12th in Perm, still the 11th in Moscow
    expect(resolveDay('today', now, 'Asia/Yekaterinburg')).toBe('2023-08-12');
    expect(resolveDay('today', now, 'Europe/Moscow')).toBe('2023-08-11');
    expect(resolveDay('yesterday', now, 'Asia/Yekaterinburg')).toBe('2023-08-11');
    expect(resolveDay('tomorrow', now, 'Europe/Moscow')).toBe('2023-08-12');
    expect(resolveDay('2020-02-29', now, 'Europe/Moscow')).toBe('2020-02-29');
    expect(['today', 'yesterday', 'tomorrow', '2023-08-11'].every(isDaySpec)).toBe(true);
    expect(['Today', 'toString', 'constructor', '2023-02-30', ''].some(isDaySpec)).toBe(false);
    expect(dayRange('2023-08-11', '2023-08-11', now, 'Asia/Yekaterinburg')).toEqual({
      from: '2023-08-10T19:00:00.000Z',
      to: '2023-08-11T19:00:00.000Z',
    });
    expect(dayRange(undefined, 'today', now, 'Europe/Moscow')).toEqual({ from: null, to: '2023-08-11T21:00:00.000Z' });
  });
});
