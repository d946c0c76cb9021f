/** Creating, changing and reading services (src/app/services.ts), against a store holding the demo. */
import { beforeEach, describe, expect, it } from 'vitest';
import { changeService, createService, serviceToShow, servicesToList, type NewService } from '../../src/app/services.js';
import { NotAllowedError, NotFoundError, RuleError, UsageError } from '../../src/core/errors.js';
import type { Store } from '../../src/store/index.js';
import { demoStore } from '../helpers/deps.js';
import { actor, rejection } from './helpers.js';

const hall: NewService = { slug: 'hall', name: 'Зал', capacity: 30, tariffs: [{ name: 'Стандарт', unit: 'hour', price: 15000 }] };

/** Every row that describes services: what a refused create or change must leave alone. */
async function rows(store: Store) {
  const [services, tariffs, managers] = await Promise.all([
    store.db.selectFrom('services').selectAll().orderBy('id').execute(),
    store.db.selectFrom('tariffs').selectAll().orderBy('id').execute(),
    store.db.selectFrom('service_managers').selectAll().orderBy('service_id').orderBy('user_id').execute(),
  ]);
  return { services, tariffs, managers };
}

describe('createService', () => {
  let store: Store;
  beforeEach(async () => {
    store = await demoStore();
  });

  it("an admin creates one: the defaults, the demo's only location, its managers", async () => {
    const s = await createService(store, await actor(store, 'admin'), { ...hall, managers: ['manager2'] });
    expect(s).toMatchObject({
      slug: 'hall',
      name: 'Зал',
      capacity: 30,
      opensAt: '08:00',
      closesAt: '22:00',
      partialPayment: false,
      minPrepaymentPercent: 0,
      tariffs: hall.tariffs,
      managers: ['manager2'],
    });
    expect(s.location.key).toBe('perm');
    expect(await serviceToShow(store, await actor(store, 'admin'), 'hall')).toEqual(s);
  });

  it('a rental manager may not (4); nothing is written', async () => {
    const before = await rows(store);
    const e = await rejection(createService(store, await actor(store, 'manager'), hall));
    expect(e).toBeInstanceOf(NotAllowedError);
    expect(await rows(store)).toEqual(before);
  });

  it('a slug that exists is refused (SERVICE_EXISTS, 6); the service stays as it was', async () => {
    const before = await rows(store);
    const e = await rejection(createService(store, await actor(store, 'admin'), { ...hall, slug: 'coworking-2' }));
    expect(e).toBeInstanceOf(RuleError);
    expect(e).toMatchObject({ code: 'SERVICE_EXISTS', exitCode: 6 });
    expect(await rows(store)).toEqual(before);
  });

  it('creates of one slug at once: one is created, the others refused with SERVICE_EXISTS', async () => {
    const admin = await actor(store, 'admin');
    const slugs = ['hall', 'hall-2', 'hall-3', 'hall-4'];
    const results = await Promise.allSettled(
      slugs.flatMap((slug) => [1, 2].map((n) => createService(store, admin, { ...hall, slug, name: `Зал ${n}` }))),
    );
    for (const r of results) if (r.status === 'rejected') expect(r.reason).toMatchObject({ code: 'SERVICE_EXISTS', exitCode: 6 });
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(slugs.length);
    const stored = (await rows(store)).services.filter((s) => slugs.includes(s.slug));
    expect(stored.map((s) => s.slug).sort()).toEqual(slugs);
    expect((await rows(store)).tariffs.filter((t) => stored.some((s) => s.id === t.service_id))).toHaveLength(slugs.length);
  });

  const refusedManagers: [string, string, string, number][] = [
    ['a guest', 'troshkov', 'MANAGER_NOT_ELIGIBLE', 6],
    ['an admin', 'admin', 'MANAGER_NOT_ELIGIBLE', 6],
    ['an unknown user', 'nobody', 'NOT_FOUND', 5],
  ];
  it.each(refusedManagers)('%s as a responsible manager is refused (%s); nothing is written', async (_name, login, code, exit) => {
    const before = await rows(store);
    const e = await rejection(createService(store, await actor(store, 'admin'), { ...hall, managers: ['manager', login] }));
    expect(e).toMatchObject({ code, exitCode: exit });
    expect(await rows(store)).toEqual(before);
  });

  it('an unknown location (5), hours that close before they open (2), no tariff (6): nothing is written', async () => {
    const admin = await actor(store, 'admin');
    const before = await rows(store);
    expect(await rejection(createService(store, admin, { ...hall, location: 'kazan' }))).toBeInstanceOf(NotFoundError);
    expect(await rejection(createService(store, admin, { ...hall, opensAt: '10:00', closesAt: '09:00' }))).toBeInstanceOf(UsageError);
    expect(await rejection(createService(store, admin, { ...hall, tariffs: [] }))).toMatchObject({ code: 'NO_TARIFF' });
    expect(await rows(store)).toEqual(before);
  });
});

describe('changeService', () => {
  let store: Store;
  beforeEach(async () => {
    store = await demoStore();
  });

  it('what is not given stays', async () => {
    const before = await serviceToShow(store, await actor(store, 'admin'), 'meeting-room');
    const after = await changeService(store, await actor(store, 'admin'), 'meeting-room', { capacity: 2 });
    expect(after).toEqual({ ...before, capacity: 2 });
  });

  it('adds and removes responsible managers', async () => {
    const admin = await actor(store, 'admin');
    expect((await changeService(store, admin, 'coworking-2', { addManagers: ['manager2'] })).managers).toEqual(['manager', 'manager2']);
    expect((await changeService(store, admin, 'coworking-2', { removeManagers: ['manager'] })).managers).toEqual(['manager2']);
    expect((await changeService(store, admin, 'coworking-2', { managers: ['manager'] })).managers).toEqual(['manager']);
  });

  it('a rental manager may not (4); an unknown service is 5; nothing changes', async () => {
    const before = await rows(store);
    expect(await rejection(changeService(store, await actor(store, 'manager'), 'coworking-2', { capacity: 7 }))).toBeInstanceOf(
      NotAllowedError,
    );
    expect(await rejection(changeService(store, await actor(store, 'admin'), 'rooftop', { capacity: 7 }))).toBeInstanceOf(NotFoundError);
    expect(await rows(store)).toEqual(before);
  });

  it('checked against the service as it is: a closing time before its opening (2), a guest as manager (6); nothing changes', async () => {
    const admin = await actor(store, 'admin');
    const before = await rows(store);
    const early = await rejection(changeService(store, admin, 'coworking-2', { closesAt: '07:00' }));
    expect(early).toMatchObject({ exitCode: 2, said: { key: 'closesBeforeOpens', args: [{ opensAt: '08:00', closesAt: '07:00' }] } });
    const guest = await rejection(changeService(store, admin, 'coworking-2', { capacity: 5, addManagers: ['ivanova'] }));
    expect(guest).toMatchObject({ code: 'MANAGER_NOT_ELIGIBLE', said: { args: [{ login: 'ivanova', role: 'guest' }] } });
    expect(await rows(store)).toEqual(before);
  });
});

describe('reading services', () => {
  it('a rental manager knows only the services they are responsible for (rule 8a); an admin and a guest know every one', async () => {
    const store = await demoStore();
    const slugs = async (login: string) => (await servicesToList(store, await actor(store, login))).map((s) => s.slug);
    expect(await slugs('manager2')).toEqual(['meeting-room']);
    expect(await slugs('manager')).toEqual(['coworking-2', 'meeting-room']);
    expect(await slugs('admin')).toEqual(['coworking-2', 'meeting-room']);
    expect(await slugs('troshkov')).toEqual(['coworking-2', 'meeting-room']);
    expect((await serviceToShow(store, await actor(store, 'troshkov'), 'coworking-2')).slug).toBe('coworking-2');
    // Another manager's service reads exactly as one that does not exist.
    const hidden = await rejection(serviceToShow(store, await actor(store, 'manager2'), 'coworking-2'));
    const missing = await rejection(serviceToShow(store, await actor(store, 'manager2'), 'sauna'));
    expect(hidden).toMatchObject({ exitCode: 5, said: { key: 'serviceNotFound' } });
    expect(missing).toMatchObject({ exitCode: 5, said: { key: 'serviceNotFound' } });
  });
});
