/**
 * The read commands as a script runs them: the built bin/cowork, piped stdio, a private database
 * and config, a fixed clock. Run `npm run build` first.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { sandbox, type Run, type Sandbox } from '../helpers/cli.js';

const VERSION = (JSON.parse(readFileSync(resolve(import.meta.dirname, '../../package.json'), 'utf8')) as { version: string }).version;

/** C0 controls except newline, DEL, C1, and the bidi overrides: none may reach the terminal raw. */
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
/** The same, but allowing the tab and carriage return that TSV and CSV use as separators. */
const RAW_CONTROL_IN_LIST = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

const ORDER_KEYS = [
  'number',
  'status',
  'createdAt',
  'service',
  'assignee',
  'applicant',
  'ticket',
  'lines',
  'currency',
  'total',
  'paid',
  'remaining',
  'refundDue',
  'dueDate',
];

/** A failure: its exit code, nothing on stdout, one line on stderr. */
function expectFailure(r: Run, code: number) {
  expect({ code: r.code, stdout: r.stdout }).toEqual({ code, stdout: '' });
  expect(r.stderr.endsWith('\n')).toBe(true);
  expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
}

describe.concurrent('reading the demo', () => {
  let sb: Sandbox;
  beforeAll(() => {
    sb = sandbox({ seedDemo: true });
  });

  it('orders list: 4 tab-separated lines, newest first', async ({ expect }) => {
    const r = await sb.runAsync(['orders', 'list']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines.map((l) => l.split('\t')[0])).toEqual(['1006315', '1006314', '1006313', '1006312']);
    for (const l of lines) expect(l.split('\t')).toHaveLength(9);
    const o13 = lines[2]!.split('\t');
    expect(o13).toContain('coworking-2');
    expect(o13).toContain('Confirmed');
    expect(o13).toContain('Алексей Трошков');
    expect(o13).toContain('11.08.2023 16:00–20:00');
    expect(o13).toContain('400 ₽');
  });

  it('orders list --json: an array of the SPEC keys, without payments and messages', async ({ expect }) => {
    const r = await sb.runAsync(['orders', 'list', '--json']);
    expect(r.code).toBe(0);
    const list = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(Array.isArray(list)).toBe(true);
    expect(list.map((o) => o.number)).toEqual([1006315, 1006314, 1006313, 1006312]);
    for (const o of list) {
      for (const k of ORDER_KEYS) expect(o).toHaveProperty(k);
      expect(o).not.toHaveProperty('payments');
      expect(o).not.toHaveProperty('messages');
    }
    const o14 = list[1]!;
    expect(o14).toMatchObject({ status: 'partially_paid', total: 100000, paid: 30000, remaining: 70000, refundDue: 0, currency: 'RUB' });
    const o12 = list[3]!;
    expect(o12).toMatchObject({ status: 'cancelled', paid: 15000, remaining: 0, refundDue: 15000 });
  });

  it('orders list --format ndjson and csv', async ({ expect }) => {
    const nd = await sb.runAsync(['orders', 'list', '--format', 'ndjson']);
    expect(nd.code).toBe(0);
    expect(nd.stdout.trimEnd().split('\n').map((l) => (JSON.parse(l) as { number: number }).number)).toEqual([1006315, 1006314, 1006313, 1006312]);
    const csv = await sb.runAsync(['orders', 'list', '--format', 'csv']);
    expect(csv.code).toBe(0);
    const rows = csv.stdout.trimEnd().split('\r\n');
    expect(rows[0]!.split(',').slice(0, 4)).toEqual(['number', 'createdAt', 'service', 'status']);
    expect(rows).toHaveLength(5);
  });

  it('orders list filters: --status, --service, --assignee, --from/--to', async ({ expect }) => {
    const nums = async (...args: string[]) => {
      const r = await sb.runAsync(['orders', 'list', '--json', ...args]);
      expect(r.code).toBe(0);
      return (JSON.parse(r.stdout) as { number: number }[]).map((o) => o.number);
    };
    expect(await nums('--status', 'confirmed')).toEqual([1006313]);
    expect(await nums('--service', 'meeting-room')).toEqual([1006315]);
    expect(await nums('--assignee', 'none')).toEqual([1006314, 1006313, 1006312]);
    expect(await nums('--from', '2023-08-12')).toEqual([1006315, 1006314]);
    expect(await nums('--from', '2023-08-11', '--to', '2023-08-11')).toEqual([1006313]);
    expect(await nums('--status', 'awaiting_payment', '--service', 'coworking-2')).toEqual([]);
  });

  it('an empty list is 0 and [] under --json', async ({ expect }) => {
    const r = await sb.runAsync(['orders', 'list', '--json', '--from', '2030-01-01']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([]);
  });

  it('orders list --limit 2 says how many more on stderr', async ({ expect }) => {
    const r = await sb.runAsync(['orders', 'list', '--limit', '2']);
    expect(r.code).toBe(0);
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(2);
    expect(r.stderr).toContain('2 more');
  });

  it('--lang ru orders show 1006313 reads like the source document', async ({ expect }) => {
    const r = await sb.runAsync(['--lang', 'ru', 'orders', 'show', '1006313']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    for (const s of [
      'Исполнитель: Не назначено',
      'Билет 207',
      'Период аренды: 11 августа 2023 г., с 16:00 до 20:00',
      'Итоговая стоимость 400 ₽',
      'Банковская карта',
      'Оплачено 400 ₽',
      'Гость локации',
      'Срок исполнения: Сегодня',
      'Система: Поступила оплата через платёжный шлюз.',
      '+7 (342) 254-54-54',
      'Подтвержден',
      'Алексей Трошков',
      '11.08.2023 13:32',
    ]) {
      expect(r.stdout).toContain(s);
    }
  });

  it('COWORK_LANG=ru speaks Russian too; the default under LANG=C is English', async ({ expect }) => {
    const ru = await sb.runAsync(['orders', 'show', '1006313'], { env: { COWORK_LANG: 'ru' } });
    expect(ru.stdout).toContain('Подтвержден');
    const en = await sb.runAsync(['orders', 'show', '1006313']);
    expect(en.stdout).toContain('Confirmed');
    expect(en.stdout).toContain('Executor: Not assigned');
    expect(en.stdout).toContain('Rental period: 11 August 2023, from 16:00 to 20:00');
    expect(en.stdout).not.toContain('Подтвержден');
  });

  it('orders show 1006313 --json has the SPEC keys and values', async ({ expect }) => {
    const r = await sb.runAsync(['orders', 'show', '1006313', '--json']);
    expect(r.code).toBe(0);
    const o = JSON.parse(r.stdout) as Record<string, unknown>;
    for (const k of [...ORDER_KEYS, 'payments', 'messages']) expect(o).toHaveProperty(k);
    expect(o).toMatchObject({
      number: 1006313,
      status: 'confirmed',
      createdAt: '2023-08-11T08:32:00.000Z',
      service: { slug: 'coworking-2', name: 'Коворкинг на 2 этаже', partialPayment: true },
      assignee: null,
      applicant: { login: 'troshkov', name: 'Алексей Трошков', phone: '+73422545454', role: 'guest' },
      ticket: {
        number: 207,
        status: 'active',
        visitor: { name: 'Алексей Трошков', phone: '+73422545454' },
        start: '2023-08-11T11:00:00.000Z',
        end: '2023-08-11T15:00:00.000Z',
      },
      lines: [{ description: 'Коворкинг на 2 этаже', tariff: 'Стандарт', quantity: 4, unitPrice: 10000, amount: 40000 }],
      currency: 'RUB',
      total: 40000,
      paid: 40000,
      remaining: 0,
      refundDue: 0,
      dueDate: '2023-08-11',
    });
    const payments = o.payments as Record<string, unknown>[];
    expect(payments).toHaveLength(1);
    expect(payments[0]).toMatchObject({ amount: 40000, method: 'card', source: 'gateway', recordedBy: null, externalId: 'gw-5520417', createdAt: '2023-08-11T08:32:00.000Z' });
    expect(typeof payments[0]!.id).toBe('string');
    const messages = o.messages as Record<string, unknown>[];
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ visibility: 'system', author: null, event: 'payment_gateway', body: 'Payment received through the payment gateway.' });
    expect(messages[0]).toHaveProperty('id');
    expect(messages[0]).toHaveProperty('createdAt');
  });

  it('the JSON of a system message is rendered in the reader\u2019s language', async ({ expect }) => {
    const r = await sb.runAsync(['--lang', 'ru', 'orders', 'show', '1006313', '--json']);
    const o = JSON.parse(r.stdout) as { messages: { body: string; event: string }[]; status: string };
    expect(o.messages[0]!.body).toBe('Поступила оплата через платёжный шлюз.');
    expect(o.messages[0]!.event).toBe('payment_gateway');
    expect(o.status).toBe('confirmed');
  });

  it.for([
    ['unknown order', 5, ['orders', 'show', '999']],
    ['unknown flag', 2, ['orders', 'list', '--bogus']],
    ['unknown command', 2, ['frobnicate']],
    ['malformed number', 2, ['orders', 'show', 'abc']],
    ['zero as a number', 2, ['orders', 'show', '0']],
    ['malformed date', 2, ['orders', 'list', '--from', '2023-02-30']],
    ['unknown status', 2, ['orders', 'list', '--status', 'paid']],
    ['unknown format', 2, ['orders', 'list', '--format', 'xml']],
    ['--from after --to', 2, ['orders', 'list', '--from', '2023-08-12', '--to', '2023-08-11']],
    ['unknown service filter', 5, ['orders', 'list', '--service', 'sauna']],
    ['unknown operator', 4, ['--as', 'nobody', 'orders', 'list']],
    ['unknown ticket', 5, ['tickets', 'show', '999']],
    ['unknown service', 5, ['services', 'show', 'sauna']],
  ] as [string, number, string[]][])('%s → exit %i, empty stdout, one line on stderr', async ([, code, args], { expect }) => {
    const r = await sb.runAsync(args);
    expect({ code: r.code, stdout: r.stdout }).toEqual({ code, stdout: '' });
    expect(r.stderr.endsWith('\n')).toBe(true);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^cowork: /);
  });

  it('a malformed COWORK_NOW is a usage error', async ({ expect }) => {
    const r = await sb.runAsync(['orders', 'list'], { env: { COWORK_NOW: 'yesterday' } });
    expect({ code: r.code, stdout: r.stdout }).toEqual({ code: 2, stdout: '' });
    expect(r.stderr).toContain('COWORK_NOW');
  });

  it('no operator at all → 4', async ({ expect }) => {
    const r = await sb.runAsync(['orders', 'list'], { env: { XDG_CONFIG_HOME: mkdtempSync(join(sb.dir, 'cfg-')), COWORK_USER: undefined } });
    expectFailure(r, 4);
    expect(r.stderr).toMatch(/operator/);
  });

  it('under --json an error is {"error":{"code","message"}} on stderr', async ({ expect }) => {
    for (const [args, code, exit] of [
      [['--json', 'orders', 'show', '999'], 'NOT_FOUND', 5],
      [['orders', 'show', '999', '--json'], 'NOT_FOUND', 5],
      [['orders', 'list', '--json', '--bogus'], 'USAGE', 2],
      [['--json', '--as', 'nobody', 'orders', 'list'], 'NOT_ALLOWED', 4],
      [['--as', 'troshkov', 'orders', 'show', '1006314', '--json'], 'NOT_ALLOWED', 4],
    ] as [string[], string, number][]) {
      const r = await sb.runAsync(args);
      expect({ code: r.code, stdout: r.stdout }).toEqual({ code: exit, stdout: '' });
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
      const e = JSON.parse(r.stderr) as { error: { code: string; message: string } };
      expect(Object.keys(e)).toEqual(['error']);
      expect(e.error.code).toBe(code);
      expect(typeof e.error.message).toBe('string');
      expect(e.error.message.length).toBeGreaterThan(0);
    }
  });

  it('a guest may not view another guest\u2019s order', async ({ expect }) => {
    const r = await sb.runAsync(['--as', 'troshkov', 'orders', 'show', '1006314']);
    expect({ code: r.code, stdout: r.stdout }).toEqual({ code: 4, stdout: '' });
  });

  it('a guest sees their own order without internal messages', async ({ expect }) => {
    const r = await sb.runAsync(['--as', 'ivanova', 'orders', 'show', '1006314', '--json']);
    expect(r.code).toBe(0);
    const o = JSON.parse(r.stdout) as { messages: { visibility: string; body: string }[] };
    expect(o.messages.map((m) => m.visibility)).toEqual(['system', 'public', 'public']);
    expect(r.stdout).not.toContain('абонемент');
    const text = await sb.runAsync(['--as', 'ivanova', 'orders', 'show', '1006314']);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Остаток доплачу на ресепшене наличными.');
    expect(text.stdout).not.toContain('абонемент');
    // The manager responsible sees the internal note.
    const mgr = await sb.runAsync(['orders', 'show', '1006314']);
    expect(mgr.stdout).toContain('Постоянный гость: можно предложить абонемент.');
    expect(mgr.stdout).toContain('Due date: Tomorrow');
    expect(mgr.stdout).toContain('Left to pay: 700 ₽');
    expect(mgr.stdout).toContain('A payment may be 0.01 ₽ to 650 ₽, or exactly 700 ₽');
  });

  it('a guest lists only their own orders', async ({ expect }) => {
    const r = await sb.runAsync(['--as', 'ivanova', 'orders', 'list', '--json']);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { number: number }[]).map((o) => o.number)).toEqual([1006314, 1006312]);
  });

  it('manager2 may not view a coworking-2 order, and lists only meeting-room', async ({ expect }) => {
    const r = await sb.runAsync(['--as', 'manager2', 'orders', 'show', '1006313']);
    expect({ code: r.code, stdout: r.stdout }).toEqual({ code: 4, stdout: '' });
    const l = await sb.runAsync(['--as', 'manager2', 'orders', 'list', '--json']);
    expect((JSON.parse(l.stdout) as { number: number }[]).map((o) => o.number)).toEqual([1006315]);
  });

  it('COWORK_USER chooses the operator, --as overrides it', async ({ expect }) => {
    const env = await sb.runAsync(['whoami', '--json'], { env: { COWORK_USER: 'admin' } });
    expect((JSON.parse(env.stdout) as { login: string }).login).toBe('admin');
    const flag = await sb.runAsync(['--as', 'petrov', 'whoami', '--json'], { env: { COWORK_USER: 'admin' } });
    expect((JSON.parse(flag.stdout) as { login: string }).login).toBe('petrov');
  });

  it('whoami --json shows manager, saved by seed --demo', async ({ expect }) => {
    const r = await sb.runAsync(['whoami', '--json']);
    expect(r.code).toBe(0);
    const me = JSON.parse(r.stdout) as { login: string; role: string; services: string[] };
    expect(me).toMatchObject({ login: 'manager', role: 'rental_manager', name: 'Ольга Смирнова' });
    expect(me.services).toEqual(['coworking-2', 'meeting-room']);
  });

  it('no ANSI escapes when piped, with NO_COLOR, or with --no-color', async ({ expect }) => {
    for (const [args, env] of [
      [['orders', 'show', '1006313'], {}],
      [['orders', 'show', '1006313'], { NO_COLOR: '1' }],
      [['--no-color', 'orders', 'show', '1006312'], {}],
      [['orders', 'list'], { NO_COLOR: '1' }],
      [['tickets', 'show', '207'], { TERM: 'dumb' }],
      [['services', 'show', 'coworking-2'], {}],
    ] as [string[], Record<string, string>][]) {
      const r = await sb.runAsync(args, { env });
      expect(r.code).toBe(0);
      expect(r.stdout.length).toBeGreaterThan(0);
      expect(r.stdout).not.toMatch(/\u001b/);
      expect(r.stderr).not.toMatch(/\u001b/);
    }
  });

  it('--version prints the package.json version', async ({ expect }) => {
    const r = await sb.runAsync(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(VERSION);
  });

  it('tickets show 207', async ({ expect }) => {
    const r = await sb.runAsync(['tickets', 'show', '207']);
    expect(r.code).toBe(0);
    for (const s of ['Ticket 207', 'Алексей Трошков', '+7 (342) 254-54-54', '11 August 2023, from 16:00 to 20:00', '1006313', 'Коворкинг на 2 этаже']) {
      expect(r.stdout).toContain(s);
    }
    const j = await sb.runAsync(['tickets', 'show', '207', '--json']);
    expect(JSON.parse(j.stdout)).toMatchObject({
      number: 207,
      status: 'active',
      start: '2023-08-11T11:00:00.000Z',
      end: '2023-08-11T15:00:00.000Z',
      order: { number: 1006313, status: 'confirmed', total: 40000, paid: 40000, remaining: 0 },
    });
    const guest = await sb.runAsync(['--as', 'ivanova', 'tickets', 'show', '207']);
    expect({ code: guest.code, stdout: guest.stdout }).toEqual({ code: 4, stdout: '' });
  });

  it('services list --json', async ({ expect }) => {
    const r = await sb.runAsync(['services', 'list', '--json']);
    expect(r.code).toBe(0);
    const list = JSON.parse(r.stdout) as { slug: string; capacity: number; partialPayment: boolean; tariffs: { price: number }[]; managers: string[] }[];
    expect(list.map((s) => s.slug)).toEqual(['coworking-2', 'meeting-room']);
    expect(list[0]).toMatchObject({ capacity: 20, partialPayment: true, minPrepaymentPercent: 30, currency: 'RUB', managers: ['manager'] });
    expect(list[0]!.tariffs).toEqual([{ name: 'Стандарт', unit: 'hour', price: 10000 }]);
    expect(list[1]).toMatchObject({ capacity: 1, partialPayment: false, tariffs: [{ price: 100000 }], managers: ['manager', 'manager2'] });
    const m2 = await sb.runAsync(['--as', 'manager2', 'services', 'list', '--json']);
    expect((JSON.parse(m2.stdout) as { slug: string }[]).map((s) => s.slug)).toEqual(['meeting-room']);
  });

  it('services show coworking-2', async ({ expect }) => {
    const r = await sb.runAsync(['services', 'show', 'coworking-2']);
    expect(r.code).toBe(0);
    for (const s of ['Коворкинг на 2 этаже (coworking-2)', 'Asia/Yekaterinburg', '20 seats', '08:00–22:00', '«Стандарт» 100 ₽ an hour', '30 %', '50 ₽']) {
      expect(r.stdout).toContain(s);
    }
  });

  it('users list --json', async ({ expect }) => {
    const r = await sb.runAsync(['users', 'list', '--json']);
    expect(r.code).toBe(0);
    const users = JSON.parse(r.stdout) as { login: string; role: string; name: string; phone: string | null; email: string | null }[];
    expect(users.map((u) => u.login)).toEqual(['admin', 'ivanova', 'manager', 'manager2', 'petrov', 'troshkov']);
    expect(users.find((u) => u.login === 'troshkov')).toEqual({ login: 'troshkov', name: 'Алексей Трошков', phone: '+73422545454', email: null, role: 'guest' });
    const guest = await sb.runAsync(['--as', 'troshkov', 'users', 'list']);
    expect({ code: guest.code, stdout: guest.stdout }).toEqual({ code: 4, stdout: '' });
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
    expect(JSON.parse(again.stdout)).toMatchObject({ orders: { created: 0, unchanged: 4 }, payments: 0, messages: 0 });
  });

  it('leaves an operator already set alone', () => {
    const sb = sandbox();
    const r = sb.run(['seed', '--demo'], { env: { COWORK_USER: 'admin' } });
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('current operator');
    expectFailure(sb.run(['whoami']), 4);
  });
});

describe('seed FILE', () => {
  it('a fixture that reuses a ticket number of the database is a usage error naming the path, and writes nothing', () => {
    const sb = sandbox({ seedDemo: true });
    const file = join(sb.dir, 'clash.json');
    writeFileSync(
      file,
      JSON.stringify({
        orders: [
          {
            number: 2000001,
            service: 'coworking-2',
            applicant: 'petrov',
            createdAt: '2023-08-11T13:00:00+05:00',
            ticket: { number: 207, start: '2023-08-12T10:00:00+05:00', end: '2023-08-12T11:00:00+05:00' },
            lines: [{ tariff: 'Стандарт', quantity: 1 }],
          },
        ],
      }),
    );
    const r = sb.run(['seed', file]);
    const list = sb.run(['orders', 'list', '--json']);
    expect((JSON.parse(list.stdout) as unknown[]).length).toBe(4);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('orders[0].ticket.number');
  });

  it('a malformed fixture is a usage error naming the path', () => {
    const sb = sandbox();
    const file = join(sb.dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ orders: [{ number: 1, service: 'x', applicant: 'y', createdAt: 'yesterday', ticket: { number: 1, start: 'a', end: 'b' }, lines: [{ tariff: 'T', quantity: 1 }], payments: [{ amount: -5, method: 'card', source: 'gateway', at: '2023-08-11T13:00:00+05:00' }] }] }));
    const r = sb.run(['seed', file]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('orders[0].payments[0].amount');
    expect(r.stderr).toContain('orders[0].createdAt');
    const missing = sb.run(['seed', join(sb.dir, 'missing.json')]);
    expectFailure(missing, 2);
  });
});

describe('user text with control characters', () => {
  const evilName = 'Evil\u001b]0;pwned\u0007';
  const evilText = 'hi\u001b[2J\u001b[H\u009b31m\rspoof\u202eevil\nsecond line';
  let sb: Sandbox;
  beforeAll(() => {
    sb = sandbox({ seedDemo: true });
    const file = join(sb.dir, 'evil.json');
    writeFileSync(
      file,
      JSON.stringify({
        users: [{ login: 'evil', name: evilName, role: 'guest', phone: '+7999\u001b[2J' }],
        orders: [
          {
            number: 2000001,
            service: 'coworking-2',
            applicant: 'evil',
            createdBy: 'evil',
            createdAt: '2023-08-11T13:00:00+05:00',
            ticket: { number: 900, visitor: { name: 'Vis\u001b[31mitor', phone: null }, start: '2023-08-12T10:00:00+05:00', end: '2023-08-12T11:00:00+05:00' },
            lines: [{ tariff: 'Стандарт', quantity: 1, description: 'Desc\u0007ription' }],
            messages: [{ visibility: 'public', author: 'evil', text: evilText, at: '2023-08-11T13:01:00+05:00' }],
          },
        ],
      }),
    );
    const r = sb.run(['seed', file]);
    if (r.code !== 0) throw new Error(`seed FILE failed: ${r.stderr}`);
  });

  it('orders show prints them made visible', () => {
    const r = sb.run(['orders', 'show', '2000001']);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(RAW_CONTROL);
    expect(r.stdout).not.toContain('\u001b');
    expect(r.stdout).not.toContain('\u0007');
    expect(r.stdout).toContain('Evil\\e]0;pwned\\x07');
    expect(r.stdout).toContain('Vis\\e[31mitor');
    expect(r.stdout).toContain('second line');
  });

  it('the lists, the ticket and whoami print them made visible', () => {
    for (const args of [['tickets', 'show', '900'], ['--as', 'evil', 'whoami']]) {
      const r = sb.run(args);
      expect(r.code).toBe(0);
      expect(r.stdout).not.toMatch(RAW_CONTROL);
    }
    for (const args of [['orders', 'list'], ['users', 'list']]) {
      const r = sb.run(args);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('Evil\\e]0;pwned\\x07');
      expect(r.stdout).not.toMatch(RAW_CONTROL_IN_LIST);
    }
  });

  it('CSV prints them made visible too (SPEC: user text never reaches the terminal raw)', () => {
    for (const args of [['orders', 'list', '--format', 'csv'], ['users', 'list', '--format', 'csv']]) {
      const r = sb.run(args);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('evil');
      expect(r.stdout).not.toMatch(RAW_CONTROL_IN_LIST);
    }
  });

  it('--json keeps the exact text', () => {
    const r = sb.run(['orders', 'show', '2000001', '--json']);
    expect(r.code).toBe(0);
    const o = JSON.parse(r.stdout) as { applicant: { name: string; phone: string }; ticket: { visitor: { name: string } }; messages: { body: string; visibility: string }[] };
    expect(o.applicant.name).toBe(evilName);
    expect(o.applicant.phone).toBe('+7999\u001b[2J');
    expect(o.ticket.visitor.name).toBe('Vis\u001b[31mitor');
    expect(o.messages.find((m) => m.visibility === 'public')!.body).toBe(evilText);
    // JSON escaping: no raw control byte on stdout.
    expect(r.stdout).not.toContain('\u001b');
    expect(r.stdout).not.toContain('\u0007');
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
