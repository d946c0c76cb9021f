/** Services through their use cases (src/app/services.ts): what each refusal names, and the settings kept. */
import { beforeEach, describe, expect, it } from 'vitest';
import { changeService, createService, serviceToShow, type NewService } from '../../src/app/services.js';
import type { CoworkError } from '../../src/core/errors.js';
import type { Store } from '../../src/store/index.js';
import { demoStore } from '../helpers/deps.js';
import { actor, rejection } from './helpers.js';

const hall: NewService = { slug: 'hall', name: 'Зал', capacity: 30, tariffs: [{ name: 'Стандарт', unit: 'hour', price: 15000 }] };

let store: Store;
beforeEach(async () => {
  store = await demoStore();
});

const said = async (p: Promise<unknown>) => ((await rejection(p)) as CoworkError).said;

describe('services: the details', () => {
  it('a slug that exists names it; a service without a tariff names its slug', async () => {
    const admin = await actor(store, 'admin');
    expect(await said(createService(store, admin, { ...hall, slug: 'coworking-2' }))).toEqual({
      key: 'SERVICE_EXISTS',
      args: [{ slug: 'coworking-2' }],
    });
    expect(await said(createService(store, admin, { ...hall, tariffs: [] }))).toEqual({ key: 'NO_TARIFF', args: [{ service: 'hall' }] });
  });

  it('an unknown location names its key; with two locations one must be named, listing them', async () => {
    const admin = await actor(store, 'admin');
    expect(await said(createService(store, admin, { ...hall, location: 'moscow' }))).toEqual({
      key: 'locationNotFound',
      args: [{ key: 'moscow' }],
    });
    await store.write((tx) =>
      tx.upsertLocation({ key: 'kazan', name: 'Казань', timeZone: 'Europe/Moscow', currency: 'RUB', minRemaining: 5000 }),
    );
    const required = await said(createService(store, admin, hall));
    expect(required.key).toBe('locationRequired');
    const [values] = required.args as [{ count: number; keys: string[] }];
    expect(values.count).toBe(2);
    expect([...values.keys].sort()).toEqual(['kazan', 'perm']);
    const s = await createService(store, admin, { ...hall, location: 'kazan' });
    expect(s.location.key).toBe('kazan');
  });

  it('an unknown manager, or one who is not a rental manager, is named', async () => {
    const admin = await actor(store, 'admin');
    expect(await said(createService(store, admin, { ...hall, managers: ['ghost'] }))).toEqual({
      key: 'userNotFound',
      args: [{ login: 'ghost' }],
    });
    expect(await said(createService(store, admin, { ...hall, managers: ['admin'] }))).toEqual({
      key: 'MANAGER_NOT_ELIGIBLE',
      args: [{ login: 'admin', role: 'admin' }],
    });
    expect(await said(changeService(store, admin, 'coworking-2', { removeManagers: ['ghost'] }))).toEqual({
      key: 'userNotFound',
      args: [{ login: 'ghost' }],
    });
  });

  it('a new service takes every setting given, and the defaults for the rest', async () => {
    const admin = await actor(store, 'admin');
    const s = await createService(store, admin, {
      ...hall,
      opensAt: '09:00',
      closesAt: '21:00',
      partialPayment: true,
      minPrepaymentPercent: 40,
      managers: ['manager2'],
    });
    expect(s).toMatchObject({
      slug: 'hall',
      name: 'Зал',
      capacity: 30,
      opensAt: '09:00',
      closesAt: '21:00',
      partialPayment: true,
      minPrepaymentPercent: 40,
      managers: ['manager2'],
    });
    const d = await createService(store, admin, { ...hall, slug: 'hall-2' });
    expect(d).toMatchObject({ opensAt: '08:00', closesAt: '22:00', partialPayment: false, minPrepaymentPercent: 0, managers: [] });
  });

  it('a change keeps what it does not name, and replaces what it does', async () => {
    const admin = await actor(store, 'admin');
    const before = await serviceToShow(store, admin, 'coworking-2');
    const a = await changeService(store, admin, 'coworking-2', { name: 'Коворкинг', capacity: 25 });
    expect(a).toEqual({ ...before, name: 'Коворкинг', capacity: 25 });
    const b = await changeService(store, admin, 'coworking-2', {
      opensAt: '07:00',
      closesAt: '23:00',
      partialPayment: false,
      minPrepaymentPercent: 0,
      tariffs: [{ name: 'День', unit: 'day', price: 70000 }],
      managers: ['manager2'],
    });
    expect(b).toEqual({
      ...a,
      opensAt: '07:00',
      closesAt: '23:00',
      partialPayment: false,
      minPrepaymentPercent: 0,
      tariffs: [{ name: 'День', unit: 'day', price: 70000 }],
      managers: ['manager2'],
    });
    const c = await changeService(store, admin, 'coworking-2', { addManagers: ['manager', 'manager2'] });
    expect([...c.managers].sort()).toEqual(['manager', 'manager2']);
    const d = await changeService(store, admin, 'coworking-2', { removeManagers: ['manager2', 'petrov'] });
    expect(d.managers).toEqual(['manager']);
  });

  it('opening and closing at the same minute is closing before opening', async () => {
    const admin = await actor(store, 'admin');
    expect(await said(createService(store, admin, { ...hall, opensAt: '10:00', closesAt: '10:00' }))).toEqual({
      key: 'closesBeforeOpens',
      args: [{ opensAt: '10:00', closesAt: '10:00' }],
    });
  });

  it('a change of an unknown service names it; a rental manager is told only an admin changes services', async () => {
    expect(await said(changeService(store, await actor(store, 'admin'), 'sauna', { capacity: 2 }))).toEqual({
      key: 'serviceNotFound',
      args: [{ slug: 'sauna' }],
    });
    expect(await said(changeService(store, await actor(store, 'manager'), 'coworking-2', { capacity: 2 }))).toEqual({
      key: 'adminOnly',
      args: [{ what: 'changeServices' }],
    });
    expect(await said(createService(store, await actor(store, 'manager'), hall))).toEqual({
      key: 'adminOnly',
      args: [{ what: 'createServices' }],
    });
  });
});
