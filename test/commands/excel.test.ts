/**
 * `--excel` on the list commands (SPEC.md: a CSV a Russian Excel opens right): a UTF-8 BOM, `;`,
 * money with a decimal comma, local `dd.MM.yyyy HH:mm` times, CRLF; and `pay list --excel` read
 * back by `pay import` as duplicates of its gateway entries, also as Excel saves it again
 * (Windows-1251, no BOM). In process, over the demo (Perm, UTC+5).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../helpers/csv.js';
import { expectFailure, expectOk, inProcess, parseJson, tables, type InProcess, type J } from '../helpers/main.js';

const BOM = '\ufeff';

/** The records of an `--excel` CSV, after checking its BOM; parseCsv refuses a bare LF or a missing final CRLF. */
function excelRecords(stdout: string): string[][] {
  expect(stdout.startsWith(BOM)).toBe(true);
  return parseCsv(stdout.slice(1), ';');
}

/** The record whose `key` column holds `value`, as an object by header. */
function rowBy(records: string[][], key: string, value: string): Record<string, string> {
  const [header, ...rows] = records;
  const i = header!.indexOf(key);
  const row = rows.find((r) => r[i] === value);
  expect(row, `${key}=${value}`).toBeDefined();
  return Object.fromEntries(header!.map((h, j) => [h, row![j]!]));
}

describe('--excel: the bytes', () => {
  let cli: InProcess;
  beforeAll(async () => {
    cli = await inProcess();
  });

  it('pay list: BOM, `;`, comma decimals, local times, CRLF; the same columns as the CSV', async () => {
    const r = expectOk(await cli.run(['pay', 'list', '--excel', '--as', 'admin']));
    expect(r.stdout.split('\r\n')[0]).toBe(
      `${BOM}id;order;createdAt;kind;amount;currency;method;source;recordedBy;externalId;idempotencyKey;reference;fee;reverses;reversedBy;warning;reason`,
    );
    // 1006313: 400 ₽ through the gateway at 13:32 in Perm (08:32 UTC).
    expect(r.stdout).toContain('\r\n2;1006313;11.08.2023 13:32;payment;400,00;RUB;card;gateway;;gw-5520417;;;;;;;\r\n');
    expect(r.stdout).toContain(
      '\r\n5;1006316;11.08.2023 12:10;refund;150,00;RUB;cash;manager;manager;;;;;;;;Часть вернули наличными, остальное — переводом\r\n',
    );
    expect(r.stdout.endsWith('\r\n')).toBe(true);
    expect(r.stdout.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const records = excelRecords(r.stdout);
    const csv = parseCsv(expectOk(await cli.run(['pay', 'list', '--format', 'csv', '--as', 'admin'])).stdout);
    expect(records[0]).toEqual(csv[0]);
    expect(records).toHaveLength(csv.length);
    for (const row of records.slice(1)) {
      expect(row).toHaveLength(records[0]!.length);
      expect(row[4]).toMatch(/^\d+,\d{2}$/);
      expect(row[2]).toMatch(/^\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}$/);
    }
  });

  it('--format csv --excel writes the same bytes as --excel', async () => {
    const a = expectOk(await cli.run(['pay', 'list', '--excel', '--as', 'admin']));
    const b = expectOk(await cli.run(['pay', 'list', '--format', 'csv', '--excel', '--as', 'admin']));
    expect(b.stdout).toBe(a.stdout);
  });

  it('orders list: money in rubles, created, start and end local, the due date dd.MM.yyyy', async () => {
    const r = expectOk(await cli.run(['orders', 'list', '--excel', '--as', 'admin']));
    expect(r.stdout.split('\r\n')[0]).toBe(
      `${BOM}number;createdAt;service;status;start;end;applicant;applicantName;assignee;ticket;currency;total;paid;remaining;kept;refundDue;dueDate`,
    );
    expect(r.stdout).toContain(
      '\r\n1006313;11.08.2023 13:32;coworking-2;confirmed;11.08.2023 16:00;11.08.2023 20:00;troshkov;Алексей Трошков;;207;RUB;400,00;400,00;0,00;0,00;0,00;11.08.2023\r\n',
    );
    expect(rowBy(excelRecords(r.stdout), 'number', '1006316')).toMatchObject({
      total: '500,00',
      paid: '350,00',
      kept: '100,00',
      refundDue: '250,00',
      remaining: '0,00',
    });
    expect(r.stdout.endsWith('\r\n')).toBe(true);
    expect(r.stdout.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('every list takes it: BOM, `;`, CRLF, and its money with a comma', async () => {
    const lists: [string[], string, string, string][] = [
      [['pay', 'report', '--date', '2023-08-11'], 'source', 'gateway', 'in'],
      [['services', 'list'], 'slug', 'coworking-2', 'minRemaining'],
      [['msg', 'list', '1006313'], 'event', 'payment_gateway', 'createdAt'],
      [['users', 'list'], 'login', 'manager', 'role'],
    ];
    const cells: string[] = [];
    for (const [args, key, value, column] of lists) {
      const r = expectOk(await cli.run([...args, '--excel', '--as', 'admin']));
      cells.push(rowBy(excelRecords(r.stdout), key, value)[column]!);
    }
    expect(cells).toEqual(['700,00', '50,00', '11.08.2023 13:32', 'rental_manager']);
  });

  it('text is still guarded against formulas, and a `;` in it quoted', async () => {
    expectOk(await cli.run(['users', 'add', '--login', 'semi', '--name', 'Петров; Иван', '--role', 'guest', '--as', 'admin']));
    expectOk(await cli.run(['users', 'add', '--login', 'formula', '--name', '=HYPERLINK("x")', '--role', 'guest', '--as', 'admin']));
    const r = expectOk(await cli.run(['users', 'list', '--excel', '--as', 'admin']));
    expect(r.stdout).toContain('\r\nsemi;"Петров; Иван";guest;;\r\n');
    expect(r.stdout).toContain(`\r\nformula;"'=HYPERLINK(""x"")";guest;;\r\n`);
    const records = excelRecords(r.stdout);
    expect(rowBy(records, 'login', 'semi').name).toBe('Петров; Иван');
    expect(rowBy(records, 'login', 'formula').name).toBe(`'=HYPERLINK("x")`);
  });
});

describe('--excel with another format: a usage error', () => {
  let cli: InProcess;
  beforeAll(async () => {
    cli = await inProcess();
  });

  const LISTS = [
    ['pay', 'list'],
    ['orders', 'list'],
    ['users', 'list'],
    ['services', 'list'],
    ['msg', 'list', '1006313'],
    ['pay', 'report'],
  ];

  it.each(LISTS)('%s %s: --excel with --format ndjson, --format json or --json → 2, one line, in English', async (...args) => {
    const a = await cli.run([...args, '--excel', '--format', 'ndjson', '--as', 'admin']);
    expectFailure(a, 2);
    expect(a.stderr).toBe('cowork: --excel writes CSV: it contradicts --format ndjson\n');
    // A JSON format asked for: the error is JSON too.
    for (const [flags, named] of [
      [['--format', 'json'], '--format json'],
      [['--json'], '--json'],
    ] as const) {
      const b = await cli.run([...args, '--excel', ...flags, '--as', 'admin']);
      expectFailure(b, 2);
      expect(b.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(JSON.parse(b.stderr)).toEqual({ error: { code: 'USAGE', message: `--excel writes CSV: it contradicts ${named}` } });
    }
  });

  it('in Russian', async () => {
    const a = await cli.run(['pay', 'list', '--excel', '--format', 'table', '--lang', 'ru', '--as', 'admin']);
    expectFailure(a, 2);
    expect(a.stderr).toBe('cowork: --excel выводит CSV и противоречит --format table\n');
    const b = await cli.run(['orders', 'list', '--excel', '--format', 'ndjson', '--as', 'admin'], { env: { COWORK_LANG: 'ru' } });
    expectFailure(b, 2);
    expect(b.stderr).toBe('cowork: --excel выводит CSV и противоречит --format ndjson\n');
  });
});

describe('pay list --excel → pay import: every gateway entry is already there', () => {
  /** Writes the text to a file in the run's folder, as Excel would save it: UTF-8 with its BOM, or Windows-1251 without one. */
  function save(cli: InProcess, name: string, text: string, encoding: 'utf-8' | 'windows-1251'): string {
    const file = join(cli.dir, name);
    writeFileSync(file, encoding === 'utf-8' ? text : iconv.encode(text.replace(/^\ufeff/, ''), 'win1251'));
    return file;
  }

  async function importBack(cli: InProcess, file: string): Promise<J> {
    const before = await tables(cli.store);
    const r = await cli.run(['pay', 'import', file, '--json', '--as', 'admin']);
    expect(r.code, r.stderr).toBe(0);
    expect(await tables(cli.store)).toEqual(before);
    return { ...parseJson(r), stderr: r.stderr };
  }

  it.each(['utf-8', 'windows-1251'] as const)("the demo's gateway payments (%s): duplicates, exit 0, nothing written", async (encoding) => {
    const cli = await inProcess();
    const r = expectOk(await cli.run(['pay', 'list', '--format', 'csv', '--excel', '--source', 'gateway', '--as', 'admin']));
    const back = await importBack(cli, save(cli, 'payments.csv', r.stdout, encoding));
    // Recognised by its header alone, its local times read in the location's zone.
    // (These rows are ASCII: the same bytes in either encoding.)
    expect(back.stderr).toContain('format cowork-list-excel, delimiter ";", utf-8, times in Asia/Yekaterinburg');
    expect(back.summary).toEqual({ rows: 3, recorded: 0, matched: 0, duplicate: 3, rejected: 0, warnings: 0, skipped: 0 });
    expect(back.rows.map((x: J) => [x.externalId, x.order, x.kind, x.amount, x.result])).toEqual([
      ['gw-5520311', 1006312, 'payment', 15000, 'duplicate'],
      ['gw-5520417', 1006313, 'payment', 40000, 'duplicate'],
      ['gw-5520432', 1006314, 'payment', 30000, 'duplicate'],
    ]);
  });

  it('the whole list: desk entries and reversals are not statement rows, skipped', async () => {
    const cli = await inProcess();
    const r = expectOk(await cli.run(['pay', 'list', '--excel', '--as', 'admin']));
    const back = await importBack(cli, save(cli, 'all.csv', r.stdout, 'windows-1251'));
    expect(back.stderr).toContain('format cowork-list-excel, delimiter ";", windows-1251, times in Asia/Yekaterinburg');
    expect(back.summary).toEqual({ rows: 3, recorded: 0, matched: 0, duplicate: 3, rejected: 0, warnings: 0, skipped: 4 });
  });

  it('as Excel writes the cells it parsed (`150` for `150,00`, `9:15` for `09:15`): still duplicates', async () => {
    const cli = await inProcess();
    const r = expectOk(await cli.run(['pay', 'list', '--excel', '--source', 'gateway', '--as', 'admin']));
    const resaved = r.stdout.replace(/;(\d+),00;/g, ';$1;').replace(/ 0(\d):/g, ' $1:');
    expect(resaved).toContain(';1006312;10.08.2023 9:15;payment;150;RUB;');
    const back = await importBack(cli, save(cli, 'resaved.csv', resaved, 'windows-1251'));
    expect(back.summary).toMatchObject({ rows: 3, duplicate: 3 });
  });

  it('a gateway refund, a fee, seconds the file drops and an id guarded against formulas still come back as duplicates', async () => {
    const cli = await inProcess();
    // A Tochka registry: a payment at 13:45:27 with a fee, under an id a spreadsheet would run as a
    // formula, and a refund of part of it.
    const tochka = [
      'TRANS_DATE;TRANSACTION_ID;SUM;COMMISSION;TRANSACTION_TYPE;PARENT_TRANSACTION_ID;ORDER_UID',
      '11.08.2023 11:45:27;-77001;100,50;2,51;PAYMENT;;1006314',
      '11.08.2023 11:50:59;77002;-40,25;0;REFUND;-77001;1006314',
      '',
    ].join('\r\n');
    const first = await cli.run(['pay', 'import', save(cli, 'tochka.csv', tochka, 'windows-1251'), '--json', '--as', 'admin']);
    expect(parseJson(first).summary, first.stderr).toMatchObject({ recorded: 2, rejected: 0 });

    const r = expectOk(await cli.run(['pay', 'list', '--excel', '--order', '1006314', '--as', 'admin']));
    // Moscow 11:45:27 is 13:45:27 in Perm, written to the minute; the id with its leading `'`.
    expect(r.stdout).toContain(";1006314;11.08.2023 13:45;payment;100,50;RUB;card;gateway;;'-77001;;;2,51;;;;\r\n");
    expect(r.stdout).toContain(';1006314;11.08.2023 13:50;refund;40,25;RUB;card;gateway;;77002;;;0,00;;;REFUND_EXCEEDS_DUE;\r\n');

    for (const encoding of ['utf-8', 'windows-1251'] as const) {
      const back = await importBack(cli, save(cli, `back-${encoding}.csv`, r.stdout, encoding));
      expect(back.rows.map((x: J) => [x.externalId, x.kind, x.amount, x.result])).toEqual([
        ['gw-5520432', 'payment', 30000, 'duplicate'],
        ['-77001', 'payment', 10050, 'duplicate'],
        ['77002', 'refund', 4025, 'duplicate'],
      ]);
    }
  });
});
