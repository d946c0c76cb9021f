/**
 * Finding things: `orders list --search/--applicant/--sort`, `tickets list`, `users list --search`,
 * in process over a demo store (SQLite, or PostgreSQL on a PostgreSQL run), the tests' clock
 * (2023-08-11 13:40 in Perm) unless a run sets COWORK_NOW. And the store's two ways of finding a
 * search's orders agree.
 */
import { argv } from '../helpers/argv.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseSearch } from '../../src/core/search.js';
import { iterateOrders, type OrderFilter } from '../../src/store/orders.js';
import { resolveOrderSearch } from '../../src/store/search.js';
import { expectFailure, expectOk, expectRefused, inProcess, type InProcess, type J } from '../helpers/main.js';

const numbers = async (cli: InProcess, args: string[]): Promise<number[]> =>
  (await cli.json(['orders', 'list', ...args])).map((o: J) => o.number);

const tickets = async (cli: InProcess, args: string[], env?: Record<string, string>): Promise<number[]> =>
  (await cli.json(['tickets', 'list', ...args], { env })).map((t: J) => t.number);

describe('orders list --search', () => {
  let cli: InProcess;
  /** Troshkov's order whose visitor is someone else: Алёна Ёлкина, 8 912 555-12-34. */
  let alena: number;
  beforeAll(async () => {
    cli = await inProcess();
    const o = await cli.json([
      ...argv('--as admin orders create --service coworking-2 --applicant troshkov --date 2023-08-18 --from 10:00 --to 12:00'),
      ...['--visitor-name', 'Алёна Ёлкина', '--visitor-phone', '8 912 555-12-34'],
    ]);
    alena = o.number;
  });

  it("the applicant's name in any case: ПЕТРОВ, петров", async () => {
    expect(await numbers(cli, ['--search', 'ПЕТРОВ'])).toEqual([1006315, 1006316]);
    expect(await numbers(cli, ['--search', 'петров'])).toEqual([1006315, 1006316]);
  });

  it('a visitor who is not the applicant, with ё or е, in any case, every word', async () => {
    for (const q of ['Алёна', 'алена', 'ЁЛКИНА', 'Елкина Алена', 'лёна ёлк'])
      expect(await numbers(cli, ['--search', q]), q).toEqual([alena]);
    expect(await numbers(cli, ['--search', 'Алена Петрова'])).toEqual([]);
    // Сергей Петров is the visitor of 1006315 only; Иван Петров its applicant.
    expect(await numbers(cli, ['--search', 'Сергей Петров'])).toEqual([1006315]);
  });

  it('phone digits, as people write them, whole or in part', async () => {
    for (const q of ['8 912 555-12-34', '+7 (912) 555-12-34', '89125551234', '555-12-34', '5551234', '8 912 555'])
      expect(await numbers(cli, ['--search', q]), q).toEqual([alena]);
    // Troshkov's phone: his two demo orders and the new one he applied for.
    expect(await numbers(cli, ['--search', '254-54-54'])).toEqual([alena, 1006313, 1006317]);
  });

  it('an order number, or a ticket number', async () => {
    expect(await numbers(cli, ['--search', '1006313'])).toEqual([1006313]);
    expect(await numbers(cli, ['--search', '207'])).toEqual([1006313]);
    expect(await numbers(cli, ['--search', '999999'])).toEqual([]);
  });

  it('with the other filters, and only what the operator may see (rule 8a)', async () => {
    expect(await numbers(cli, ['--search', 'Трошков', '--service', 'meeting-room'])).toEqual([1006317]);
    expect(await numbers(cli, ['--search', 'Трошков', '--as', 'manager2'])).toEqual([1006317]);
    expect(await numbers(cli, ['--search', 'Трошков', '--as', 'ivanova'])).toEqual([]);
    expect(await numbers(cli, ['--search', 'Трошков', '--as', 'troshkov'])).toEqual([alena, 1006313, 1006317]);
    expect(await numbers(cli, ['--search', 'Трошков', '--status', 'confirmed'])).toEqual([1006313]);
  });

  it('the table says how many more there are', async () => {
    const r = expectOk(await cli.run(['orders', 'list', '--search', 'трошков', '--limit', '1']));
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('2 more orders');
  });

  it("LIKE's wildcards are looked for as typed", async () => {
    for (const q of ['%', '_', '%%%', 'т_ошков', '\\']) expect(await numbers(cli, ['--search', q]), q).toEqual([]);
  });

  it('blank text is a usage error (2)', async () => {
    await expectRefused(cli, ['orders', 'list', '--search', '  '], 2, { mentions: '--search' });
  });
});

describe('orders list --applicant, --sort', () => {
  let cli: InProcess;
  beforeAll(async () => {
    cli = await inProcess();
  });

  it('--applicant LOGIN: that guest’s orders; me: yours; an unknown login is not found (5)', async () => {
    expect(await numbers(cli, ['--applicant', 'troshkov'])).toEqual([1006313, 1006317]);
    expect(await numbers(cli, ['--applicant', 'TROSHKOV'])).toEqual([1006313, 1006317]);
    expect(await numbers(cli, ['--as', 'ivanova', '--applicant', 'me'])).toEqual(await numbers(cli, ['--applicant', 'ivanova']));
    expect(expectFailure(await cli.run(['orders', 'list', '--applicant', 'nobody']), 5).stderr).toContain('nobody');
  });

  it('--sort start: by rental start, earliest first; created (the default): newest first', async () => {
    const all = await cli.json(['orders', 'list', '--sort', 'start']);
    const starts = all.map((o: J) => o.ticket.start);
    expect(starts).toEqual([...starts].sort());
    expect(all.map((o: J) => o.number)).toEqual([1006312, 1006313, 1006314, 1006315, 1006316, 1006317]);
    const created = (await cli.json(['orders', 'list'])).map((o: J) => o.createdAt);
    expect(created).toEqual([...created].sort().reverse());
    expect(await numbers(cli, ['--sort', 'created'])).toEqual(await numbers(cli, []));
    expect(await numbers(cli, ['--sort', 'start', '--from', 'today'])).toEqual([1006313, 1006314, 1006315, 1006316, 1006317]);
    await expectRefused(cli, ['orders', 'list', '--sort', 'price'], 2, { mentions: '--sort' });
  });
});

describe('the two ways of finding a search’s orders agree', () => {
  let cli: InProcess;
  beforeAll(async () => {
    cli = await inProcess();
    for (let i = 0; i < 6; i++) {
      expectOk(
        await cli.run([
          ...argv('--as admin orders create --service coworking-2 --applicant'),
          i % 2 ? 'petrov' : 'ivanova',
          ...argv(`--date 2023-08-2${i} --from 10:00 --to 11:00`),
          ...(i % 3 === 0 ? ['--visitor-name', `Алёна Петрова ${i}`, '--visitor-phone', `+7912777000${i}`] : []),
        ]),
      );
    }
  });

  it('by numbers through the indexes, or walking the list, for every kind of query and page size', async () => {
    const store = cli.store;
    const services = await store.services();
    const admin = await store.user('admin');
    const viewer = { id: admin!.id, login: 'admin', role: 'admin' as const };
    const read = async (f: OrderFilter, pageSize: number) => {
      const out: number[] = [];
      for await (const o of iterateOrders(store.db, viewer, f, services, { pageSize })) out.push(o.number);
      return out;
    };
    for (const text of ['петров', 'ПЕТРОВА', 'алена 3', 'иванова', '7770', '912', '207', '1006313', 'ов', 'нет такого']) {
      const q = parseSearch(text)!;
      const narrow = await resolveOrderSearch(store.db, store.dialect, q);
      const wide = await resolveOrderSearch(store.db, store.dialect, q, 0);
      for (const sort of ['created', 'start'] as const) {
        const walked = await read({ search: q, sort }, 500);
        expect(walked.length, text).toBeGreaterThanOrEqual(text === 'нет такого' ? 0 : 1);
        expect(await read({ search: q, match: narrow, sort }, 2), text).toEqual(walked);
        expect(await read({ search: q, match: wide, sort }, 3), text).toEqual(walked);
        expect(await store.countOrders(viewer, { search: q, sort }), text).toBe(walked.length);
      }
    }
    // A query of three characters or more is collected by number; a shorter one is walked.
    expect('numbers' in (await resolveOrderSearch(store.db, store.dialect, parseSearch('петров')!))).toBe(true);
    expect('numbers' in (await resolveOrderSearch(store.db, store.dialect, parseSearch('ов')!))).toBe(false);
  });
});

describe('tickets list', () => {
  let cli: InProcess;
  beforeAll(async () => {
    cli = await inProcess();
  });

  it('without --date: today’s and every later one, earliest first', async () => {
    expect(await tickets(cli, [])).toEqual([207, 208, 209, 210, 211]);
  });

  it('--date today, tomorrow, yesterday, a date: the tickets starting on that local day', async () => {
    expect(await tickets(cli, ['--date', 'today'])).toEqual([207]);
    expect(await tickets(cli, ['--date', 'tomorrow'])).toEqual([208]);
    expect(await tickets(cli, ['--date', 'yesterday'])).toEqual([206]);
    expect(await tickets(cli, ['--date', '2023-08-14'])).toEqual([209]);
    // Another clock: its today.
    expect(await tickets(cli, ['--date', 'today'], { COWORK_NOW: '2023-08-15T09:00:00+05:00' })).toEqual([210]);
    // 23:30 in Moscow is already the next day in Perm.
    expect(await tickets(cli, ['--date', 'today'], { COWORK_NOW: '2023-08-13T23:30:00+03:00' })).toEqual([209]);
  });

  it('--status, several; an unknown one is a usage error (2)', async () => {
    expect(await tickets(cli, ['--status', 'cancelled'])).toEqual([210]);
    expect(await tickets(cli, ['--status', 'active,cancelled', '--date', 'yesterday'])).toEqual([206]);
    await expectRefused(cli, ['tickets', 'list', '--status', 'lost'], 2, { mentions: 'lost' });
    await expectRefused(cli, ['tickets', 'list', '--date', '11.08.2023'], 2, { mentions: '--date' });
  });

  it('only tickets of orders the operator may see (rule 8a)', async () => {
    expect(await tickets(cli, ['--as', 'manager2'])).toEqual([209, 211]);
    expect(await tickets(cli, ['--as', 'troshkov'])).toEqual([207, 211]);
  });

  it('the table: number, order, service, visitor, local period, status; --limit says how many more', async () => {
    const r = expectOk(await cli.run(['tickets', 'list', '--limit', '2']));
    expect(r.stdout.split('\n')[0]!.split('\t')).toEqual([
      '207',
      '1006313',
      'coworking-2',
      'Алексей Трошков',
      '11.08.2023 16:00–20:00',
      'Active',
    ]);
    expect(r.stdout.trim().split('\n')).toHaveLength(2);
    expect(r.stderr).toMatch(/3 more/);
    const ru = expectOk(await cli.run(['--lang', 'ru', 'tickets', 'list', '--date', 'today']));
    expect(ru.stdout).toContain('Активен');
  });

  it('--json: the ticket with its service and order; csv; none: an empty list', async () => {
    const [first] = await cli.json(['tickets', 'list', '--date', 'today']);
    expect(first).toMatchObject({
      number: 207,
      status: 'active',
      visitor: { name: 'Алексей Трошков', phone: '+73422545454' },
      start: '2023-08-11T11:00:00.000Z',
      service: { slug: 'coworking-2' },
      order: { number: 1006313, status: 'confirmed', remaining: 0, currency: 'RUB' },
    });
    const csv = expectOk(await cli.run(['tickets', 'list', '--date', 'today', '--format', 'csv'])).stdout;
    expect(csv.split('\r\n')[0]).toBe('number,order,service,visitorName,visitorPhone,start,end,status');
    // A cell that starts with + is guarded from a spreadsheet's formulas.
    expect(csv).toContain("207,1006313,coworking-2,Алексей Трошков,'+73422545454,2023-08-11T11:00:00.000Z,2023-08-11T15:00:00.000Z,active");
    expect(await cli.json(['tickets', 'list', '--date', '2030-01-01'])).toEqual([]);
  });
});

describe('users list --search, --limit', () => {
  let cli: InProcess;
  beforeAll(async () => {
    cli = await inProcess();
    expectOk(
      await cli.run(['users', 'add', '--login', 'alena', '--name', 'Алёна Ёлкина', '--phone', '8 912 555-12-34', '--role', 'guest']),
    );
  });

  const logins = async (args: string[]) => (await cli.json(['users', 'list', ...args])).map((u: J) => u.login);

  it('by name in any case with ё or е, phone digits, login, email', async () => {
    expect(await logins(['--search', 'АЛЕНА'])).toEqual(['alena']);
    expect(await logins(['--search', 'Ёлкина'])).toEqual(['alena']);
    expect(await logins(['--search', '8 912 555'])).toEqual(['alena']);
    expect(await logins(['--search', '912'])).toEqual(['alena', 'ivanova', 'petrov']);
    expect(await logins(['--search', 'manager'])).toEqual(['manager', 'manager2']);
    expect(await logins(['--search', 'example.com', '--role', 'admin'])).toEqual(['admin']);
    expect(await logins(['--search', 'нет такого'])).toEqual([]);
  });

  it('--limit: at most N; the table says how many more', async () => {
    expect(await logins(['--search', '912', '--limit', '2'])).toEqual(['alena', 'ivanova']);
    const r = expectOk(await cli.run(['users', 'list', '--search', '912', '--limit', '1']));
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/2 more/);
  });
});

describe('every date flag takes today, tomorrow, yesterday', () => {
  it('orders create --date tomorrow: the location’s tomorrow', async () => {
    const cli = await inProcess();
    const o = await cli.json([
      'orders',
      'create',
      '--service',
      'coworking-2',
      '--applicant',
      'troshkov',
      '--date',
      'tomorrow',
      '--from',
      '10:00',
      '--to',
      '11:00',
    ]);
    expect(o.dueDate).toBe('2023-08-12');
    expect(o.ticket.start).toBe('2023-08-12T05:00:00.000Z');
    await expectRefused(
      cli,
      ['orders', 'create', '--service', 'coworking-2', '--applicant', 'troshkov', '--date', 'someday', '--from', '10:00', '--to', '11:00'],
      2,
      { mentions: '--date' },
    );
  });
});
