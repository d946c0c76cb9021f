/**
 * src/ui/clock.ts reads a zone's wall clock through the process's zone; src/core/time.ts through
 * Intl.DateTimeFormat. Both come from ICU's rules: they must agree on every instant, in zones with
 * and without daylight saving, with half- and quarter-hour offsets, before and after rule changes.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { localParts } from '../../src/core/time.js';
import { wallClock } from '../../src/ui/clock.js';

const ZONES = [
  'Asia/Yekaterinburg',
  'Europe/Moscow',
  'Europe/Berlin',
  'America/New_York',
  'Australia/Lord_Howe',
  'Asia/Kathmandu',
  'Pacific/Chatham',
  'America/St_Johns',
  'UTC',
];
const before = process.env.TZ;
afterAll(() => {
  if (before === undefined) delete process.env.TZ;
  else process.env.TZ = before;
});

describe('wallClock', () => {
  it('gives Intl’s wall clock for any instant from 1970 to 2100, in any zone, one zone after another', () => {
    const instant = fc.integer({ min: 0, max: Date.UTC(2100, 0, 1) }).map((ms) => new Date(ms));
    fc.assert(
      fc.property(instant, fc.constantFrom(...ZONES), (at, zone) => {
        expect(wallClock(at, zone)).toEqual(localParts(at, zone));
      }),
      { numRuns: 3000 },
    );
  });

  it('agrees at the edges of daylight saving (Berlin, 2023: 02:00 → 03:00 and 03:00 → 02:00)', () => {
    for (const iso of ['2023-03-26T00:59:59Z', '2023-03-26T01:00:00Z', '2023-10-29T00:59:59Z', '2023-10-29T01:00:00Z']) {
      const at = new Date(iso);
      expect(wallClock(at, 'Europe/Berlin')).toEqual(localParts(at, 'Europe/Berlin'));
    }
    expect(wallClock(new Date('2023-03-26T01:00:00Z'), 'Europe/Berlin')).toMatchObject({ hour: 3, minute: 0 });
  });

  it('reads the zone it is given, whatever the process’s zone was', () => {
    process.env.TZ = 'America/Los_Angeles';
    expect(wallClock(new Date('2023-08-11T08:32:00Z'), 'Asia/Yekaterinburg')).toEqual({
      year: 2023,
      month: 8,
      day: 11,
      hour: 13,
      minute: 32,
      second: 0,
    });
  });
});
