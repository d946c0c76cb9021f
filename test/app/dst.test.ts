/**
 * Bookings in zones with daylight saving (Europe/Berlin, America/New_York): a local time the
 * clocks skip is refused (6) and writes nothing; hours are billed by the time that really passes.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadFixture } from '../../src/app/fixture.js';
import { createBooking } from '../../src/app/orders.js';
import { CoworkError } from '../../src/core/errors.js';
import { parseFixture } from '../../src/core/fixture.js';
import type { Store } from '../../src/store/index.js';
import { userOf } from '../helpers/builders.js';
import { demoStore } from '../helpers/deps.js';

const BEFORE = new Date('2024-01-01T00:00:00Z');
let store: Store;

beforeAll(async () => {
  store = await demoStore();
  const parsed = parseFixture({
    locations: [
      { key: 'berlin', name: 'Berlin', timeZone: 'Europe/Berlin' },
      { key: 'nyc', name: 'New York', timeZone: 'America/New_York' },
    ],
    services: [
      {
        slug: 'berlin-desk',
        location: 'berlin',
        name: 'Desk',
        capacity: 5,
        opensAt: '00:00',
        closesAt: '24:00',
        tariffs: [{ name: 'Hour', unit: 'hour', price: 1000 }],
        managers: ['manager'],
      },
      {
        slug: 'nyc-desk',
        location: 'nyc',
        name: 'Desk',
        capacity: 5,
        opensAt: '00:00',
        closesAt: '24:00',
        tariffs: [{ name: 'Hour', unit: 'hour', price: 1000 }],
        managers: ['manager'],
      },
    ],
  });
  if (!('fixture' in parsed)) throw new Error(JSON.stringify(parsed.problems));
  await loadFixture(store, { fixture: parsed.fixture, source: 'dst', at: BEFORE.toISOString(), dryRun: false });
});

async function book(slug: string, date: string, from: string, to: string) {
  const service = await store.service(slug);
  if (!service) throw new Error(slug);
  return createBooking(
    store,
    await userOf(store, 'manager'),
    { service, applicant: await userOf(store, 'petrov'), date, from, to },
    BEFORE,
  );
}

describe('daylight saving', () => {
  it.each([
    ['berlin-desk', '2024-03-31', 2],
    ['berlin-desk', '2024-10-27', 4],
    ['berlin-desk', '2024-06-01', 3],
    ['nyc-desk', '2024-03-10', 2],
    ['nyc-desk', '2024-11-03', 4],
  ])('%s on %s: 01:00–04:00 is billed %i hours', async (slug, date, hours) => {
    const r = await book(slug, date, '01:00', '04:00');
    expect(r.order.lines[0]).toMatchObject({ quantity: hours, amount: hours * 1000 });
    expect((Date.parse(r.order.ticket?.end ?? '') - Date.parse(r.order.ticket?.start ?? '')) / 3600_000).toBe(hours);
  });

  it.each([
    ['berlin-desk', '2024-03-31', '02:30', '05:00'],
    ['berlin-desk', '2024-03-31', '01:00', '02:15'],
    ['nyc-desk', '2024-03-10', '02:00', '03:30'],
  ])('%s on %s: %s–%s touches a time the clocks skip: refused, nothing written', async (slug, date, from, to) => {
    const before = await store.countOrders({ id: 0, login: 'admin', role: 'admin' }, {});
    const e = await book(slug, date, from, to).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(CoworkError);
    expect((e as CoworkError).code).toBe('LOCAL_TIME_MISSING');
    expect((e as CoworkError).exitCode).toBe(6);
    expect(await store.countOrders({ id: 0, login: 'admin', role: 'admin' }, {})).toBe(before);
  });
});
