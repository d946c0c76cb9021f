/**
 * The output formats of the list commands (SPEC: `--format table|json|ndjson|csv`, `--json`), CSV
 * as RFC 4180 with spreadsheet formulas defused, and `cowork help` topics: in process, argv through
 * main() over a demo store.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../helpers/csv.js';
import { expectOk, inProcess, parseJson, type InProcess, type J, type Run } from '../helpers/main.js';
import { argv } from '../helpers/argv.js';

const ok = (r: Run): Run => expectOk(r);

describe('parseCsv (the reader the tests use)', () => {
  it('reads RFC 4180 and refuses what is not', () => {
    expect(parseCsv('a,b\r\n"x, ""y""\r\nz",\r\n')).toEqual([
      ['a', 'b'],
      ['x, "y"\r\nz', ''],
    ]);
    expect(() => parseCsv('a,b\n')).toThrow();
    expect(() => parseCsv('a,b')).toThrow();
    expect(() => parseCsv('a,b"c\r\n')).toThrow();
    expect(() => parseCsv('"a\r\n')).toThrow();
  });
});

describe('formats', () => {
  let cli: InProcess;
  // Guests whose names a spreadsheet would run as formulas, or that need quoting.
  const tricky: [string, string][] = [
    ['hyper', '=HYPERLINK("x")'],
    ['plus', '+1'],
    ['minus', '-1'],
    ['at', '@x'],
    ['comma', 'Иванов, Пётр'],
    ['quote', 'Пётр "Петя" Иванов'],
  ];
  const NOTE = 'Line one, with a comma\nand "quotes" on line two';

  beforeAll(async () => {
    cli = await inProcess();
    for (const [login, name] of tricky)
      ok(await cli.run(['users', 'add', '--login', login, '--name', name, '--role', 'guest', '--as', 'manager']));
    ok(await cli.run(argv('orders create --service coworking-2 --applicant hyper --date 2023-08-12 --from 10:00 --to 11:00 --as manager')));
    ok(await cli.run(['msg', 'post', '1006315', '--text', NOTE, '--as', 'manager']));
    ok(await cli.run(['msg', 'post', '1006315', '--text', '=1+2', '--as', 'manager']));
  });

  const LISTS: [string, string[]][] = [
    ['orders list', ['orders', 'list']],
    ['pay list', ['pay', 'list']],
    ['msg list 1006315', ['msg', 'list', '1006315']],
    ['services list', ['services', 'list']],
    ['users list', ['users', 'list']],
  ];

  describe.each(LISTS)('%s', (_name, args) => {
    let asJson: J[];

    beforeAll(async () => {
      asJson = await cli.json([...args, '--as', 'admin']);
    });

    it('--json and --format json: the same array', async () => {
      expect(Array.isArray(asJson)).toBe(true);
      expect(asJson.length).toBeGreaterThan(0);
      expect(parseJson(ok(await cli.run([...args, '--format', 'json', '--as', 'admin'])))).toEqual(asJson);
    });

    it('--format ndjson: one JSON object per line, the same objects', async () => {
      const r = ok(await cli.run([...args, '--format', 'ndjson', '--as', 'admin']));
      expect(r.stdout.endsWith('\n')).toBe(true);
      const lines = r.stdout.slice(0, -1).split('\n');
      const objects = lines.map((l) => JSON.parse(l));
      for (const o of objects) expect(o !== null && typeof o === 'object' && !Array.isArray(o)).toBe(true);
      expect(objects).toEqual(asJson);
    });

    it('--format csv: RFC 4180, a header and one record per item', async () => {
      const r = ok(await cli.run([...args, '--format', 'csv', '--as', 'admin']));
      const records = parseCsv(r.stdout);
      const [header, ...rows] = records;
      expect(header!.length).toBeGreaterThan(1);
      for (const h of header!) expect(h).toMatch(/^[a-zA-Z]+$/);
      expect(rows).toHaveLength(asJson.length);
      for (const row of rows) expect(row).toHaveLength(header!.length);
      // parseCsv refuses a bare LF between records, a quote in a plain field, a missing final CRLF.
    });

    it('--format table: exit 0 and some rows', async () => {
      const r = ok(await cli.run([...args, '--format', 'table', '--as', 'admin']));
      expect(r.stdout.trim().split('\n').length).toBeGreaterThanOrEqual(1);
    });

    it('--json with --format csv, ndjson or table → 2, nothing on stdout', async () => {
      const rs = await Promise.all(['csv', 'ndjson', 'table'].map((f) => cli.run([...args, '--json', '--format', f, '--as', 'admin'])));
      for (const r of rs) expect({ code: r.code, stdout: r.stdout }, r.stderr).toEqual({ code: 2, stdout: '' });
    });

    it('an unknown format → 2', async () => {
      const r = await cli.run([...args, '--format', 'xml', '--as', 'admin']);
      expect({ code: r.code, stdout: r.stdout }).toEqual({ code: 2, stdout: '' });
    });
  });

  it('CSV: a name a spreadsheet would run gets a leading \u2019; quotes doubled, commas quoted', async () => {
    const r = ok(await cli.run(['users', 'list', '--format', 'csv', '--as', 'admin']));
    const [header, ...rows] = parseCsv(r.stdout);
    const name = header!.indexOf('name');
    const login = header!.indexOf('login');
    const byLogin = new Map(rows.map((row) => [row[login], row[name]]));
    expect(byLogin.get('hyper')).toBe(`'=HYPERLINK("x")`);
    expect(byLogin.get('plus')).toBe(`'+1`);
    expect(byLogin.get('minus')).toBe(`'-1`);
    expect(byLogin.get('at')).toBe(`'@x`);
    expect(byLogin.get('comma')).toBe('Иванов, Пётр');
    expect(byLogin.get('quote')).toBe('Пётр "Петя" Иванов');
    // On the wire: quoted, the inner quotes doubled.
    expect(r.stdout).toContain(`,"'=HYPERLINK(""x"")",`);
    expect(r.stdout).toContain(`,"Иванов, Пётр",`);
    expect(r.stdout).toContain(`,"Пётр ""Петя"" Иванов",`);
    // JSON keeps the exact name.
    const users = parseJson(ok(await cli.run(['users', 'list', '--json', '--as', 'admin'])));
    expect(users.find((u: J) => u.login === 'hyper').name).toBe('=HYPERLINK("x")');
  });

  it('CSV: the applicant of an order is guarded too', async () => {
    const [header, ...rows] = parseCsv(ok(await cli.run(['orders', 'list', '--format', 'csv', '--as', 'admin'])).stdout);
    const row = rows.find((x) => x[header!.indexOf('number')] === '1006318')!;
    expect(row.some((f) => f === `'=HYPERLINK("x")`)).toBe(true);
    expect(row.some((f) => f === '=HYPERLINK("x")')).toBe(false);
  });

  it('CSV: a message body with a newline, quotes and a comma is one quoted field; a formula is defused', async () => {
    const r = ok(await cli.run(['msg', 'list', '1006315', '--format', 'csv', '--as', 'admin']));
    const [header, ...rows] = parseCsv(r.stdout);
    const bodies = rows.map((x) => x[header!.indexOf('body')]);
    expect(bodies).toContain(NOTE);
    expect(bodies).toContain(`'=1+2`);
    expect(r.stdout).toContain('"Line one, with a comma\nand ""quotes"" on line two"');
  });

  it('CSV: numbers and times are written as they are, never prefixed', async () => {
    const [header, ...rows] = parseCsv(ok(await cli.run(['pay', 'list', '--format', 'csv', '--as', 'admin'])).stdout);
    for (const row of rows) {
      expect(row[header!.indexOf('amount')]).toMatch(/^\d+$/);
      expect(row[header!.indexOf('createdAt')]).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    }
  });

  it('CSV: the header line and every record end in CRLF', async () => {
    const r = ok(await cli.run(['pay', 'list', '--format', 'csv', '--as', 'admin']));
    expect(
      r.stdout
        .split('\r\n')
        .slice(0, -1)
        .every((l) => !l.includes('\n') && !l.includes('\r')),
    ).toBe(true);
    expect(r.stdout.endsWith('\r\n')).toBe(true);
    expect(r.stdout.split('\r\n')[0]).toBe(
      'id,order,createdAt,kind,amount,currency,method,source,recordedBy,externalId,idempotencyKey,reference,fee,reverses,reversedBy,warning,reason',
    );
  });

  describe('an empty list', () => {
    it('--json prints [] with exit 0', async () => {
      for (const args of [
        ['orders', 'list', '--status', 'cancelled', '--service', 'meeting-room'],
        ['pay', 'list', '--order', '1006315'],
        ['orders', 'list', '--from', '2031-01-01'],
      ]) {
        const r = await cli.run([...args, '--json', '--as', 'admin']);
        expect({ code: r.code, json: JSON.parse(r.stdout) }, r.stderr).toEqual({ code: 0, json: [] });
      }
    });

    it('--format ndjson prints nothing, csv the header only, exit 0', async () => {
      const nd = await cli.run(['pay', 'list', '--order', '1006315', '--format', 'ndjson', '--as', 'admin']);
      expect({ code: nd.code, stdout: nd.stdout }).toEqual({ code: 0, stdout: '' });
      const csv = await cli.run(['pay', 'list', '--order', '1006315', '--format', 'csv', '--as', 'admin']);
      expect(csv.code).toBe(0);
      expect(parseCsv(csv.stdout)).toHaveLength(1);
    });

    it('a guest with no orders: [] too', async () => {
      const r = await cli.run(['orders', 'list', '--json', '--as', 'plus']);
      expect({ code: r.code, stdout: r.stdout.trim() }).toEqual({ code: 0, stdout: '[]' });
    });
  });
});

describe('help', () => {
  let cli: InProcess;
  beforeAll(async () => {
    cli = await inProcess();
  });

  it('help exit-codes lists 0, 1, 2, 3, 4, 5, 6, 7, 8 and 130', async () => {
    const r = ok(await cli.run(['help', 'exit-codes']));
    const codes = r.stdout
      .trimEnd()
      .split('\n')
      .map((l) => Number(l.trim().split(/\s+/)[0]));
    expect(codes).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 130]);
    expect(r.stdout).toMatch(/130\s+INTERRUPTED/);
    expect(r.stdout).toMatch(/8\s+DIFFERENCES/);
  });

  it('help exit-codes --json', async () => {
    const r = ok(await cli.run(['help', 'exit-codes', '--json']));
    expect(JSON.parse(r.stdout).map((x: J) => x.code)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 130]);
  });

  it('help environment names COWORK_DB, COWORK_USER and COWORK_NOW', async () => {
    const r = ok(await cli.run(['help', 'environment']));
    const names = r.stdout
      .trimEnd()
      .split('\n')
      .map((l) => l.split(/\s+/)[0]);
    for (const n of ['COWORK_DB', 'COWORK_USER', 'COWORK_NOW', 'COWORK_LANG', 'COWORK_NO_INPUT', 'NO_COLOR']) expect(names).toContain(n);
  });

  it('help on a command prints its usage', async () => {
    const r = ok(await cli.run(['help', 'pay', 'import']));
    expect(r.stdout).toMatch(/Usage: cowork pay import/);
    expect(r.stdout).toContain('--dry-run');
  });

  it('help nosuch → 2, nothing on stdout', async () => {
    const r = await cli.run(['help', 'nosuch']);
    expect({ code: r.code, stdout: r.stdout }).toEqual({ code: 2, stdout: '' });
    expect(r.stderr).toContain('nosuch');
    expect((await cli.run(['help', 'pay', 'nosuch'])).code).toBe(2);
  });
});

describe('CSV carries machine values, as JSON does', () => {
  let cli: InProcess;
  beforeAll(async () => {
    cli = await inProcess();
  });

  it('services list --format csv: kopecks, codes and plain times', async () => {
    const r = await cli.run(['services', 'list', '--format', 'csv', '--as', 'admin']);
    expect(r.code, r.stderr).toBe(0);
    const [header, ...rows] = r.stdout.trimEnd().split('\r\n');
    expect(header).toBe(
      'slug,name,location,timeZone,capacity,opensAt,closesAt,partialPayment,minPrepaymentPercent,minRemaining,currency,tariffs,managers',
    );
    expect(rows).toContain(
      'coworking-2,Коворкинг на 2 этаже,perm,Asia/Yekaterinburg,20,08:00,22:00,true,30,5000,RUB,Стандарт:hour:10000,manager',
    );
  });

  it('users list --format csv: the stored phone (guarded, as it starts with +) and the role code', async () => {
    const r = await cli.run(['users', 'list', '--format', 'csv', '--as', 'admin']);
    expect(r.stdout.split('\r\n')).toContain("troshkov,Алексей Трошков,guest,'+73422545454,");
  });
});
