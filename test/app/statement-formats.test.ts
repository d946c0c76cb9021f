/**
 * The built-in statement formats (src/core/statements/formats.ts), each read from a realistic
 * sample under test/fixtures/statements/, imported and reconciled against the demo in process.
 * The demo's gateway payments: gw-5520311 (1006312, cancelled, 150 ₽ due for refund), gw-5520417
 * (1006313, 400 ₽), gw-5520432 (1006314, 300 ₽ of 1 000 ₽), all 2023-08-10/11 in Perm (UTC+5).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inProcess, parseJson, tables, type J } from '../helpers/main.js';

const fixture = (name: string) => join(import.meta.dirname, '..', 'fixtures', 'statements', name);

interface Case {
  file: string;
  format: string;
  summary: Record<string, number>;
  /** result and code of each row, in file order */
  rows: [string, string, string | null][];
  /** the fee stored on the new payment */
  fee?: [string, number];
}

const CASES: Case[] = [
  {
    file: 'cowork.csv',
    format: 'cowork',
    summary: { rows: 4, recorded: 1, matched: 0, duplicate: 2, rejected: 1, warnings: 0, skipped: 0 },
    rows: [
      ['gw-5520417', 'duplicate', null],
      ['gw-5520432', 'duplicate', null],
      ['gw-6000001', 'recorded', null],
      ['gw-6000002', 'rejected', 'NOT_FOUND'],
    ],
  },
  {
    file: 'yookassa.csv',
    format: 'yookassa',
    summary: { rows: 4, recorded: 1, matched: 0, duplicate: 2, rejected: 1, warnings: 0, skipped: 5 },
    rows: [
      ['gw-5520417', 'duplicate', null],
      ['gw-5520432', 'duplicate', null],
      ['gw-6000001', 'recorded', null],
      ['gw-6000002', 'rejected', 'NOT_FOUND'],
    ],
    fee: ['gw-6000001', 540],
  },
  {
    file: 'yookassa-refunds.csv',
    format: 'yookassa-refunds',
    summary: { rows: 1, recorded: 1, matched: 0, duplicate: 0, rejected: 0, warnings: 0, skipped: 4 },
    rows: [['rf-0001', 'recorded', null]],
  },
  {
    file: 'tochka.csv',
    format: 'tochka',
    summary: { rows: 5, recorded: 2, matched: 0, duplicate: 2, rejected: 1, warnings: 0, skipped: 1 },
    rows: [
      ['gw-5520417', 'duplicate', null],
      ['gw-5520432', 'duplicate', null],
      ['tk-7000001', 'recorded', null],
      ['tk-7000002', 'recorded', null],
      ['tk-7000003', 'rejected', 'NOT_FOUND'],
    ],
    fee: ['tk-7000001', 540],
  },
  {
    file: 'stripe.csv',
    format: 'stripe',
    summary: { rows: 5, recorded: 2, matched: 0, duplicate: 2, rejected: 1, warnings: 0, skipped: 1 },
    rows: [
      ['gw-5520417', 'duplicate', null],
      ['gw-5520432', 'duplicate', null],
      ['ch_3NdC', 'recorded', null],
      ['re_3NdD', 'recorded', null],
      ['ch_3NdE', 'rejected', 'NOT_FOUND'],
    ],
    fee: ['ch_3NdC', 580],
  },
];

describe('pay import of each built-in format, recognised by its header', () => {
  for (const c of CASES) {
    it(`${c.format}: ${c.file}`, async () => {
      const cli = await inProcess();
      const r = await cli.run(['pay', 'import', fixture(c.file), '--json', '--as', 'admin']);
      expect(r.code, r.stderr).toBe(c.summary['rejected'] ? 8 : 0);
      expect(r.stderr).toContain(`format ${c.format}`);
      const rep = parseJson(r);
      expect(rep.summary).toEqual(c.summary);
      expect(rep.rows.map((x: J) => [x.externalId, x.result, x.code])).toEqual(c.rows);
      const pays = await cli.json(['pay', 'list', '--as', 'admin']);
      if (c.fee) expect(pays.find((p: J) => p.externalId === c.fee?.[0])).toMatchObject({ fee: c.fee[1], source: 'gateway' });
      // A refund row is a gateway refund of its payment's order: 1006312 has nothing more due.
      if (c.rows.some(([id]) => /^(rf|re|tk-7000002)/.test(id))) {
        const refund = pays.find((p: J) => p.kind === 'refund' && p.source === 'gateway');
        expect(refund).toMatchObject({ amount: 15000, order: 1006312 });
        expect(await cli.json(['orders', 'show', '1006312', '--as', 'admin'])).toMatchObject({ refundDue: 0 });
      }
      // Re-running it records nothing twice.
      const before = await tables(cli.store);
      const again = parseJson(await cli.run(['pay', 'import', fixture(c.file), '--json', '--as', 'admin']));
      expect(again.summary.recorded).toBe(0);
      expect(await tables(cli.store)).toEqual(before);
    });
  }
});

describe('pay reconcile of each built-in format', () => {
  it('yookassa: the whole Moscow day; gross, fee and net; the rows cowork lacks', async () => {
    const cli = await inProcess();
    const r = await cli.run(['pay', 'reconcile', fixture('yookassa.csv'), '--json', '--as', 'admin']);
    expect(r.code).toBe(8);
    const rep = parseJson(r);
    expect(rep.period).toEqual({ from: '2023-08-10T21:00:00.000Z', to: '2023-08-11T21:00:00.000Z', timeZone: 'Europe/Moscow' });
    expect(rep.rows.map((x: J) => [x.status, x.externalId, x.gross, x.fee, x.net])).toEqual([
      ['matched', 'gw-5520417', 40000, 1080, 38920],
      ['matched', 'gw-5520432', 30000, 810, 29190],
      ['missing_in_cowork', 'gw-6000001', 20000, 540, 19460],
      ['missing_in_cowork', 'gw-6000002', 10000, 270, 9730],
    ]);
  });

  it('stripe: a refund of the statement is compared as a refund; after the import all matches', async () => {
    const cli = await inProcess();
    await cli.run(['pay', 'import', fixture('stripe.csv'), '--as', 'admin']);
    const rep = parseJson(await cli.run(['pay', 'reconcile', fixture('stripe.csv'), '--json', '--as', 'admin']));
    expect(rep.rows.map((x: J) => [x.status, x.externalId, x.kind, x.gross, x.net])).toEqual([
      ['matched', 'gw-5520417', 'payment', 40000, 38840],
      ['matched', 'gw-5520432', 'payment', 30000, 29130],
      ['matched', 'ch_3NdC', 'payment', 20000, 19420],
      ['matched', 're_3NdD', 'refund', -15000, -15000],
      ['missing_in_cowork', 'ch_3NdE', 'payment', 10000, 9710],
    ]);
  });

  it('a row repeated in one file is reported once: the repetition is a duplicate', async () => {
    const cli = await inProcess();
    const file = join(cli.dir, 'twice.csv');
    const line = 'gw-5520417,1006313,400.00,2023-08-11T13:32:00+05:00,card';
    const other = 'gw-5520432,1006314,300.00,2023-08-11T13:35:00+05:00,card';
    writeFileSync(file, ['external_id,order_number,amount,paid_at,method', line, other, line].join('\n'));
    const r = await cli.run(['pay', 'reconcile', file, '--json', '--as', 'admin']);
    expect(r.code, r.stderr).toBe(0);
    expect(parseJson(r).rows.map((x: J) => [x.status, x.line])).toEqual([
      ['matched', 2],
      ['matched', 3],
      ['duplicate', 4],
    ]);
  });
});

describe("cowork's own statement as a Russian Excel saves it", () => {
  for (const file of ['cowork-excel.csv', 'cowork-excel-bom.csv']) {
    it(`${file}: ";", comma decimals, local times; every row already there`, async () => {
      const cli = await inProcess();
      const r = await cli.run(['pay', 'import', fixture(file), '--json', '--as', 'admin']);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toContain(`format cowork-excel, delimiter ";", ${file.endsWith('bom.csv') ? 'utf-8' : 'utf-8'}`);
      expect(parseJson(r).summary).toEqual({ rows: 3, recorded: 0, matched: 0, duplicate: 3, rejected: 0, warnings: 0, skipped: 0 });
    });
  }

  it('Windows-1251 is detected, and read', async () => {
    const cli = await inProcess();
    const r = await cli.run(['pay', 'import', fixture('yookassa.csv'), '--dry-run', '--as', 'admin']);
    expect(r.stderr).toContain('format yookassa, delimiter ";", windows-1251, times in Europe/Moscow');
  });
});

describe('a statement cowork cannot read', () => {
  it('no format fits: a usage error naming the formats tried and what the file looks like, in Russian', async () => {
    const cli = await inProcess();
    const file = join(cli.dir, 'odd.csv');
    writeFileSync(file, 'Дата;Сумма;Клиент\x1b[2J\n11.08.2023;400;Иванов\n');
    const r = await cli.run(['pay', 'import', file, '--as', 'admin', '--lang', 'ru']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('не подходит ни один известный формат (проверены cowork, cowork-excel, yookassa');
    expect(r.stderr).toContain('разделитель «;», utf-8, первые ячейки «Дата», «Сумма»');
    // The control character is made visible, never sent to the terminal.
    expect(r.stderr).not.toContain('\x1b');
  });

  it('a malformed cell names its line and column in Russian, quoted, made visible and cut; nothing is written', async () => {
    const cli = await inProcess();
    const before = await tables(cli.store);
    const file = join(cli.dir, 'bad.csv');
    const long = `4\x07${'0'.repeat(200)}`;
    writeFileSync(
      file,
      `external_id;order_number;amount;paid_at;method\ngw-1;1006314;100,00;11.08.2023 14:00;card\ngw-2;1006314;${long};11.08.2023 14:00;card\n`,
    );
    const r = await cli.run(['pay', 'import', file, '--as', 'admin', '--lang', 'ru']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad\.csv:3: столбец amount: «4.*…» — не сумма в рублях, например 400,00/);
    expect(r.stderr).not.toContain('\x07');
    expect(r.stderr).not.toContain('0'.repeat(150));
    expect(await tables(cli.store)).toEqual(before);
  });

  it('--map: a mapping validated, its errors naming the bad key; a good one reads another registry', async () => {
    const cli = await inProcess();
    const map = join(cli.dir, 'map.json');
    writeFileSync(
      map,
      JSON.stringify({ id: { column: 'Номер' }, amount: { column: 'Сумма' }, time: { column: 'Дата', formats: ['dd.MM.yyyy'] } }),
    );
    const bad = await cli.run(['pay', 'import', fixture('cowork.csv'), '--map', map, '--as', 'admin']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('map.json: time.formats[0]');
    expect(bad.stderr).toContain('map.json: method');
    writeFileSync(
      map,
      JSON.stringify({
        delimiter: ';',
        decimal: ',',
        id: { column: 'Номер' },
        order: { column: 'Назначение', pattern: 'заказ (\\d+)' },
        amount: { column: 'Сумма' },
        time: { column: 'Дата', formats: ['dd.MM.yyyy HH:mm'] },
        method: { fixed: 'transfer' },
        only: [{ column: 'Статус', values: ['Исполнен'] }],
      }),
    );
    const file = join(cli.dir, 'bank.csv');
    writeFileSync(
      file,
      'Номер;Дата;Сумма;Назначение;Статус\nb-1;11.08.2023 15:00;200,00;Оплата за заказ 1006314;Исполнен\nb-2;11.08.2023 15:05;50,00;Оплата за заказ 1006314;Отклонён\n',
    );
    const r = await cli.run(['pay', 'import', file, '--map', map, '--json', '--as', 'admin']);
    expect(r.code, r.stderr).toBe(0);
    expect(parseJson(r).summary).toMatchObject({ rows: 1, recorded: 1, skipped: 1 });
  });
});
