/**
 * `users list`, `users add` and `whoami` in process: argv through main() over a demo store. Every
 * refusal leaves every table as it was (rule 8).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { expectFailure, expectOk, expectRefused, inProcess, parseJson, type InProcess, type J } from '../helpers/main.js';
import { argv } from '../helpers/argv.js';

describe('users add', () => {
  let cli: InProcess;
  beforeAll(async () => {
    cli = await inProcess();
  });
  const users = (): Promise<J[]> => cli.json(['users', 'list', '--as', 'admin']);

  it('a manager adds a guest; the phone is stored normalised', async () => {
    const r = expectOk(
      await cli.run(['users', 'add', '--login', 'walkin', '--name', 'Пётр Гостев', '--phone', '+7 (342) 254-54-55', '--role', 'guest']),
    );
    expect(r.stdout).toBe('walkin\n');
    expect(r.stderr).toBe('User added: Пётр Гостев (walkin), location guest.\n');
    expect((await users()).find((x) => x.login === 'walkin')).toMatchObject({
      login: 'walkin',
      name: 'Пётр Гостев',
      role: 'guest',
      phone: '+73422545455',
    });
  });

  it('8 (342) 254-54-56 is stored +73422545456; the role defaults to guest', async () => {
    expectOk(await cli.run(['users', 'add', '--login', 'walkin2', '--name', 'Второй Гость', '--phone', '8 (342) 254-54-56']));
    expect((await users()).find((x) => x.login === 'walkin2')).toMatchObject({ phone: '+73422545456', role: 'guest' });
  });

  it('the new guest can be booked for', async () => {
    expectOk(await cli.run(argv('orders create --service coworking-2 --applicant walkin --date 2023-08-12 --from 10:00 --to 11:00')));
  });

  it('a manager adding a rental_manager or an admin → 4', async () => {
    const r = await expectRefused(cli, ['users', 'add', '--login', 'm3', '--name', 'M3', '--role', 'rental_manager'], 4);
    expect(r.stderr).toBe('cowork: a rental manager may add guests only; adding a rental manager takes an admin\n');
    await expectRefused(cli, ['users', 'add', '--login', 'a3', '--name', 'A3', '--role', 'admin'], 4);
  });

  it('a guest adding anyone → 4', async () => {
    await expectRefused(cli, ['users', 'add', '--login', 'g3', '--name', 'G3', '--as', 'ivanova'], 4, {
      mentions: 'only rental managers and admins may add users',
    });
  });

  it('an admin adds a rental_manager → 0', async () => {
    const r = expectOk(
      await cli.run(['users', 'add', '--login', 'm3', '--name', 'Мария Третья', '--role', 'rental_manager', '--as', 'admin', '--json']),
    );
    expect(parseJson(r)).toMatchObject({ login: 'm3', role: 'rental_manager' });
    expect((await users()).find((u) => u.login === 'm3')).toMatchObject({ role: 'rental_manager' });
  });

  it('a duplicate login → 6', async () => {
    await expectRefused(cli, ['users', 'add', '--login', 'walkin', '--name', 'Другой'], 6, {
      mentions: 'a user with the login "walkin" exists already',
    });
    await expectRefused(cli, ['users', 'add', '--login', 'm3', '--name', 'Другой', '--role', 'rental_manager', '--as', 'admin'], 6);
    await expectRefused(cli, ['users', 'add', '--login', 'ivanova', '--name', 'Другая Иванова', '--as', 'admin'], 6);
    expect((await users()).find((u) => u.login === 'walkin')!.name).toBe('Пётр Гостев');
  });

  it('logins are unique whatever their case: WALKIN beside walkin → 6', async () => {
    await expectRefused(cli, ['users', 'add', '--login', 'WALKIN', '--name', 'Другой'], 6, { mentions: '"walkin"' });
    await expectRefused(cli, ['users', 'add', '--login', 'Manager', '--name', 'Другой', '--as', 'admin', '--json'], 6, {
      mentions: '"code":"USER_EXISTS"',
    });
  });

  it('a bad phone, login or email → 2', async () => {
    await expectRefused(cli, ['users', 'add', '--login', 'badphone', '--name', 'X', '--phone', 'abc'], 2, { mentions: '--phone' });
    await expectRefused(cli, ['users', 'add', '--login', 'bad login', '--name', 'X'], 2, { mentions: '--login' });
    await expectRefused(cli, ['users', 'add', '--login', 'bademail', '--name', 'X', '--email', 'nope'], 2, { mentions: '--email' });
  });

  it('a missing --login or --name, an empty name, or an unknown role → 2', async () => {
    await expectRefused(cli, ['users', 'add', '--name', 'X'], 2, { mentions: '--login' });
    await expectRefused(cli, ['users', 'add', '--login', 'x1'], 2, { mentions: '--name' });
    await expectRefused(cli, ['users', 'add', '--login', 'x1', '--name', ' '], 2, { mentions: '--name is empty' });
    await expectRefused(cli, ['users', 'add', '--login', 'x1', '--name', 'X', '--role', 'owner'], 2, { mentions: 'owner' });
  });
});

describe('users list', () => {
  let cli: InProcess;
  beforeAll(async () => {
    cli = await inProcess();
  });

  it('--json: every user, by login, with the stored phone', async () => {
    const users = await cli.json(['users', 'list']);
    expect(users.map((u: J) => u.login)).toEqual(['admin', 'ivanova', 'manager', 'manager2', 'petrov', 'troshkov']);
    expect(users.find((u: J) => u.login === 'troshkov')).toEqual({
      login: 'troshkov',
      name: 'Алексей Трошков',
      phone: '+73422545454',
      email: null,
      role: 'guest',
    });
  });

  it('--role narrows it', async () => {
    expect((await cli.json(['users', 'list', '--role', 'rental_manager'])).map((u: J) => u.login)).toEqual(['manager', 'manager2']);
  });

  it('a guest may not list users → 4', async () => {
    expectFailure(await cli.run(['--as', 'troshkov', 'users', 'list']), 4);
  });
});

describe('whoami and the operator', () => {
  let cli: InProcess;
  beforeAll(async () => {
    cli = await inProcess();
  });

  it('whoami --json: the operator, their services and the database', async () => {
    const me = await cli.json(['whoami']);
    expect(me).toMatchObject({ login: 'manager', role: 'rental_manager', name: 'Ольга Смирнова' });
    expect(me.services).toEqual(['coworking-2', 'meeting-room']);
    expect(typeof me.database).toBe('string');
  });

  it('whoami as text', async () => {
    const r = expectOk(await cli.run(['whoami', '--as', 'manager2']));
    expect(r.stdout).toMatch(/^manager2: .*, Rental manager/);
    expect(r.stdout).toContain('Services: meeting-room');
  });

  it('COWORK_USER chooses the operator, --as overrides it', async () => {
    expect((await cli.json(['whoami'], { env: { COWORK_USER: 'admin' } })).login).toBe('admin');
    expect((await cli.json(['--as', 'petrov', 'whoami'], { env: { COWORK_USER: 'admin' } })).login).toBe('petrov');
  });

  it('an unknown operator → 4, in text and in JSON', async () => {
    expect(expectFailure(await cli.run(['--as', 'nobody', 'orders', 'list']), 4).stderr).toBe('cowork: unknown operator "nobody"\n');
    const j = expectFailure(await cli.run(['--json', '--as', 'nobody', 'orders', 'list']), 4);
    expect(JSON.parse(j.stderr)).toEqual({ error: { code: 'NOT_ALLOWED', message: 'unknown operator "nobody"' } });
  });

  it('no operator at all (no --as, no COWORK_USER, nothing saved) → 4 saying how to set one', async () => {
    const r = expectFailure(await cli.run(['orders', 'list'], { env: { COWORK_USER: undefined } }), 4);
    expect(r.stderr).toBe('cowork: no operator: pass --as LOGIN, set COWORK_USER, or run `cowork login LOGIN`\n');
  });
});
