/** Adding and listing users (src/app/users.ts), against a store holding the demo. */
import { beforeEach, describe, expect, it } from 'vitest';
import { addUser, listUsers, type NewUser } from '../../src/app/users.js';
import { NotAllowedError, RuleError } from '../../src/core/errors.js';
import type { Store } from '../../src/store/index.js';
import { demoStore } from '../helpers/deps.js';
import { actor, rejection } from './helpers.js';

const AT = new Date('2023-08-11T13:40:00+05:00');

const guest = (login: string, name = 'Пётр Гостев'): NewUser => ({ login, name, phone: '+73422545455', email: null, role: 'guest' });

describe('addUser', () => {
  let store: Store;
  beforeEach(async () => {
    store = await demoStore();
  });
  const logins = async () => (await store.users()).map((u) => u.login);

  it('a rental manager adds a guest (a walk-in at the desk)', async () => {
    const u = await addUser(store, await actor(store, 'manager'), guest('walkin1'), AT);
    expect(u).toMatchObject({ login: 'walkin1', name: 'Пётр Гостев', phone: '+73422545455', email: null, role: 'guest' });
    expect(await store.user('walkin1')).toEqual(u);
  });

  it('an admin adds a rental manager and an admin', async () => {
    const admin = await actor(store, 'admin');
    await addUser(store, admin, { ...guest('m3', 'Мария Третья'), role: 'rental_manager' }, AT);
    await addUser(store, admin, { ...guest('a3', 'Анна Третья'), role: 'admin' }, AT);
    expect((await store.user('m3'))?.role).toBe('rental_manager');
    expect((await store.user('a3'))?.role).toBe('admin');
  });

  it('a rental manager adding a rental manager or an admin, or a guest adding anyone: not allowed (4), no row', async () => {
    const before = await logins();
    const cases: [string, NewUser][] = [
      ['manager', { ...guest('m9'), role: 'rental_manager' }],
      ['manager', { ...guest('a9'), role: 'admin' }],
      ['ivanova', guest('g9')],
    ];
    for (const [login, input] of cases) {
      const e = await rejection(addUser(store, await actor(store, login), input, AT));
      expect(e).toBeInstanceOf(NotAllowedError);
    }
    expect(await logins()).toEqual(before);
  });

  it('a login that exists, in any case, is refused (USER_EXISTS) and the first user stays as it was', async () => {
    const me = await actor(store, 'manager');
    const first = await addUser(store, me, guest('walkin1'), AT);
    const before = await store.users();
    for (const login of ['walkin1', 'WALKIN1', 'WalkIn1', 'MANAGER', 'Admin']) {
      const e = await rejection(addUser(store, me, guest(login, 'Другой'), AT));
      expect(e).toBeInstanceOf(RuleError);
      expect(e).toMatchObject({ code: 'USER_EXISTS', exitCode: 6, said: { args: [{ login: login.toLowerCase() }] } });
    }
    expect(await store.users()).toEqual(before);
    expect(await store.user('walkin1')).toEqual(first);
  });

  it('desks adding one login in two cases at once: one is added, the other refused', async () => {
    const [manager, admin] = [await actor(store, 'manager'), await actor(store, 'admin')];
    const names = Array.from({ length: 8 }, (_, i) => `twin${i}`);
    const results = await Promise.allSettled(
      names.flatMap((n) => [addUser(store, manager, guest(n), AT), addUser(store, admin, guest(n.toUpperCase()), AT)]),
    );
    for (const r of results) if (r.status === 'rejected') expect(r.reason).toMatchObject({ code: 'USER_EXISTS' });
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(names.length);
    const added = (await logins()).filter((l) => l.toLowerCase().startsWith('twin'));
    expect(added.map((l) => l.toLowerCase()).sort()).toEqual(names);
  });
});

describe('listUsers', () => {
  it('staff list users, by login; a role narrows it; a guest may not (4)', async () => {
    const store = await demoStore();
    const all = await listUsers(store, await actor(store, 'manager'));
    expect(all.map((u) => u.login)).toEqual([...all.map((u) => u.login)].sort());
    const managers = await listUsers(store, await actor(store, 'admin'), 'rental_manager');
    expect(managers.map((u) => u.login)).toEqual(['manager', 'manager2']);
    expect(await rejection(listUsers(store, await actor(store, 'troshkov')))).toBeInstanceOf(NotAllowedError);
  });
});
