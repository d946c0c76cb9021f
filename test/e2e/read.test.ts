/**
 * The read commands as a script runs them: the built bin/cowork, piped stdio, a private database
 * and config, a fixed clock. Run `npm run build` first.
 *
 * Only what a process shows: one run of each read command, exit codes as the shell sees them,
 * stdout against stderr, the environment (COWORK_USER, COWORK_LANG, COWORK_NOW, the XDG folders and
 * the login `seed --demo` saves), the version the build stamps. What the commands print and refuse
 * is tested in process: test/commands/{orders,tickets,services,users,msg,errors,formats,safe-text}.test.ts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { sandbox, type Run, type Sandbox } from '../helpers/cli.js';

const VERSION = (JSON.parse(readFileSync(resolve(import.meta.dirname, '../../package.json'), 'utf8')) as { version: string }).version;

/** A failure: its exit code, nothing on stdout, one line on stderr. */
function expectFailure(r: Run, code: number) {
  expect({ code: r.code, stdout: r.stdout }).toEqual({ code, stdout: '' });
  expect(r.stderr.endsWith('\n')).toBe(true);
  expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
}

/** A success: exit 0, something on stdout, nothing on stderr, no escape sequence (piped). */
function expectRead(r: Run): string {
  expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
  expect(r.stdout.length).toBeGreaterThan(0);
  expect(r.stdout).not.toContain('\u001b');
  return r.stdout;
}

describe.concurrent('each read command through the binary', () => {
  let sb: Sandbox;
  beforeAll(() => {
    sb = sandbox({ seedDemo: true });
  });

  it('orders list: tab-separated lines, newest first', async ({ expect }) => {
    const lines = expectRead(await sb.runAsync(['orders', 'list']))
      .trimEnd()
      .split('\n');
    expect(lines.map((l) => l.split('\t')[0])).toEqual(['1006315', '1006314', '1006313', '1006317', '1006316', '1006312']);
    expect(lines[2]!.split('\t')).toContain('11.08.2023 16:00–20:00');
  });

  it('--lang ru orders show 1006313 reads like the source document', async ({ expect }) => {
    const out = expectRead(await sb.runAsync(['--lang', 'ru', 'orders', 'show', '1006313']));
    for (const s of [
      'Исполнитель: Не назначено',
      'Билет 207',
      'Период аренды: 11 августа 2023 г., с 16:00 до 20:00',
      'Итоговая стоимость 400 ₽',
      'Система: Поступила оплата через платёжный шлюз.',
    ]) {
      expect(out).toContain(s);
    }
  });

  it('orders show --json', async ({ expect }) => {
    expect(JSON.parse(expectRead(await sb.runAsync(['orders', 'show', '1006313', '--json'])))).toMatchObject({
      number: 1006313,
      status: 'confirmed',
      total: 40000,
    });
  });

  it('tickets show', async ({ expect }) => {
    expect(expectRead(await sb.runAsync(['tickets', 'show', '207']))).toContain('Ticket 207');
  });

  it("tickets list: today's arrivals on the sandbox's clock", async ({ expect }) => {
    expect(
      expectRead(await sb.runAsync(['tickets', 'list', '--date', 'today']))
        .split('\t')
        .slice(0, 2),
    ).toEqual(['207', '1006313']);
  });

  it('orders list --search', async ({ expect }) => {
    expect(
      expectRead(await sb.runAsync(['orders', 'list', '--search', 'ТРОШКОВ']))
        .split('\n')[0]!
        .split('\t')[0],
    ).toBe('1006313');
  });

  it('services list and show', async ({ expect }) => {
    expect((JSON.parse(expectRead(await sb.runAsync(['services', 'list', '--json']))) as { slug: string }[]).map((s) => s.slug)).toEqual([
      'coworking-2',
      'meeting-room',
    ]);
    expect(expectRead(await sb.runAsync(['services', 'show', 'coworking-2']))).toContain('Коворкинг на 2 этаже (coworking-2)');
  });

  it('users list', async ({ expect }) => {
    expect(expectRead(await sb.runAsync(['users', 'list', '--format', 'csv']))).toContain("troshkov,Алексей Трошков,guest,'+73422545454,");
  });

  it('msg list', async ({ expect }) => {
    expect(expectRead(await sb.runAsync(['msg', 'list', '1006314']))).toContain('Постоянный гость: можно предложить абонемент.');
  });

  it('pay list', async ({ expect }) => {
    expect((JSON.parse(expectRead(await sb.runAsync(['pay', 'list', '--json']))) as unknown[]).length).toBe(7);
  });

  it('the list says how many more on stderr, never on stdout', async ({ expect }) => {
    const r = await sb.runAsync(['orders', 'list', '--limit', '2']);
    expect(r.code).toBe(0);
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(2);
    expect(r.stderr).toContain('4 more');
    expect(r.stdout).not.toContain('more');
  });

  it('no escape sequences when piped, with NO_COLOR or TERM=dumb either', async () => {
    expectRead(await sb.runAsync(['orders', 'show', '1006313'], { env: { NO_COLOR: '1' } }));
    expectRead(await sb.runAsync(['tickets', 'show', '207'], { env: { TERM: 'dumb' } }));
  });

  it.for([
    ['unknown order', 5, ['orders', 'show', '999']],
    ['another guest’s order reads as an unknown one (8a)', 5, ['--as', 'troshkov', 'orders', 'show', '1006314']],
    ['unknown flag', 2, ['orders', 'list', '--bogus']],
    ['unknown command', 2, ['frobnicate']],
    ['unknown operator', 4, ['--as', 'nobody', 'orders', 'list']],
  ] as [string, number, string[]][])('%s → exit %i, empty stdout, one line on stderr', async ([, code, args]) => {
    const r = await sb.runAsync(args);
    expectFailure(r, code);
    expect(r.stderr).toMatch(/^cowork: /);
  });

  it('under --json an error is {"error":{"code","message"}} on stderr', async ({ expect }) => {
    const r = await sb.runAsync(['--as', 'troshkov', 'orders', 'show', '1006314', '--json']);
    expectFailure(r, 5);
    expect(JSON.parse(r.stderr)).toEqual({ error: { code: 'NOT_FOUND', message: 'order 1006314 not found' } });
  });

  it('COWORK_USER chooses the operator, --as overrides it', async ({ expect }) => {
    const env = await sb.runAsync(['whoami', '--json'], { env: { COWORK_USER: 'admin' } });
    expect((JSON.parse(env.stdout) as { login: string }).login).toBe('admin');
    const flag = await sb.runAsync(['--as', 'petrov', 'whoami', '--json'], { env: { COWORK_USER: 'admin' } });
    expect((JSON.parse(flag.stdout) as { login: string }).login).toBe('petrov');
  });

  it('whoami --json shows manager, saved by seed --demo, and the database COWORK_DB names', async ({ expect }) => {
    const me = JSON.parse(expectRead(await sb.runAsync(['whoami', '--json']))) as {
      login: string;
      role: string;
      services: string[];
      database: string;
    };
    expect(me).toMatchObject({ login: 'manager', role: 'rental_manager', name: 'Ольга Смирнова' });
    expect(me.services).toEqual(['coworking-2', 'meeting-room']);
    if (!sb.env.COWORK_DB!.startsWith('postgres')) expect(me.database).toBe(sb.env.COWORK_DB);
  });

  it('COWORK_LANG=ru speaks Russian; the default under LANG=C is English', async ({ expect }) => {
    expect(expectRead(await sb.runAsync(['orders', 'show', '1006313'], { env: { COWORK_LANG: 'ru' } }))).toContain('Подтвержден');
    expect(expectRead(await sb.runAsync(['orders', 'show', '1006313']))).toContain('Executor: Not assigned');
  });

  it('a malformed COWORK_NOW is a usage error', async ({ expect }) => {
    const r = await sb.runAsync(['orders', 'list'], { env: { COWORK_NOW: 'yesterday' } });
    expectFailure(r, 2);
    expect(r.stderr).toContain('COWORK_NOW');
  });

  it('no operator at all (an empty config folder, no COWORK_USER) → 4', async ({ expect }) => {
    const r = await sb.runAsync(['orders', 'list'], {
      env: { XDG_CONFIG_HOME: mkdtempSync(join(sb.dir, 'cfg-')), COWORK_USER: undefined },
    });
    expectFailure(r, 4);
    expect(r.stderr).toMatch(/operator/);
  });

  it('--version prints the package.json version', async ({ expect }) => {
    const r = await sb.runAsync(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(VERSION);
    // -V alone is answered by bin/cowork without the program; with another flag, by commander: the same line.
    expect(await sb.runAsync(['-V'])).toEqual(r);
    expect(await sb.runAsync(['--no-color', '--version'])).toEqual(r);
  });
});

describe('seed --demo and the operator', () => {
  it('says on stderr that manager is now the operator, and whoami agrees', () => {
    const sb = sandbox();
    const r = sb.run(['seed', '--demo']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('The current operator is now manager');
    const me = sb.run(['whoami', '--json']);
    expect(me.code).toBe(0);
    expect((JSON.parse(me.stdout) as { login: string }).login).toBe('manager');
    // A second seed is idempotent and creates nothing.
    const again = sb.run(['seed', '--demo', '--json']);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ orders: { created: 0, unchanged: 6 }, payments: 0, messages: 0 });
  });

  it('leaves an operator already set alone', () => {
    const sb = sandbox();
    const r = sb.run(['seed', '--demo'], { env: { COWORK_USER: 'admin' } });
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('current operator');
    expectFailure(sb.run(['whoami']), 4);
  });
});

describe('a command without its verb', () => {
  it('shows the help on stderr and exits 2, without a stray error line', () => {
    const r = sandbox().run(['orders']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('Usage: cowork orders');
    expect(r.stderr).not.toContain('(outputHelp)');
  });
});
