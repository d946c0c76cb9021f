/**
 * Tables fit the terminal's width; piped output is unchanged (SPEC.md). Every list drawn on a
 * terminal of 40 to 200 columns, in both languages, with colour: no line wider than the terminal.
 * Piped, the same lists are tab-separated lines of every column, whatever `COLUMNS` says.
 */
import { PassThrough } from 'node:stream';
import stringWidth from 'string-width';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDeps, type IO } from '../../src/deps.js';
import { expectOk, inProcess, type InProcess } from '../helpers/main.js';

const LISTS = [
  ['orders', 'list'],
  ['pay', 'list'],
  ['pay', 'report'],
  ['pay', 'report', '--by', 'manager'],
  ['users', 'list'],
  ['services', 'list'],
];
const WIDTHS = [40, 41, 47, 55, 63, 72, 79, 80, 81, 90, 99, 100, 110, 120, 121, 140, 160, 200];

// eslint-disable-next-line no-control-regex
const stripAnsi = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, '');
const lines = (s: string) => s.replace(/\n$/, '').split('\n');

let cli: InProcess;
beforeAll(async () => {
  cli = await inProcess();
});

/** A list as an operator sees it: on a terminal of `columns`, with colour. */
const onTerminal = async (args: string[], columns: number, lang = 'en') =>
  expectOk(await cli.run([...args, '--lang', lang], { tty: true, env: { COLUMNS: String(columns), TERM: 'xterm-256color' } })).stdout;

describe('on a terminal', () => {
  it.each(LISTS.flatMap((args) => ['en', 'ru'].map((lang) => [args.join(' '), lang] as const)))(
    '%s (%s): no line wider than the terminal, 40 to 200 columns',
    async (command, lang) => {
      for (const width of WIDTHS) {
        const out = await onTerminal(command.split(' '), width, lang);
        expect(out).toContain('\u001b[');
        for (const line of lines(stripAnsi(out))) expect(stringWidth(line), `${command} at ${width}: ${line}`).toBeLessThanOrEqual(width);
      }
    },
  );

  it('orders list at 80 columns: one line a row, the number, status and what is left on each', async () => {
    const out = lines(stripAnsi(await onTerminal(['orders', 'list'], 80)));
    expect(out).toHaveLength(6 + 4);
    expect(out[1]).toMatch(/Number .*Status .*Left/);
    expect(out[1]).not.toContain('Created');
    expect(out.find((l) => l.includes('1006314'))).toMatch(/1006314 .*Partially paid .*700 ₽/);
  });

  it('orders list at 120 columns shows more columns than at 80', async () => {
    const header = async (width: number) =>
      lines(stripAnsi(await onTerminal(['orders', 'list'], width)))[1]!
        .split('│')
        .map((h) => h.trim())
        .filter(Boolean);
    const narrow = await header(80);
    const wide = await header(120);
    expect(wide.length).toBeGreaterThan(narrow.length);
    expect(wide).toEqual(expect.arrayContaining([...narrow, 'Service', 'Executor', 'Total']));
  });

  it('orders list in Russian at 80 columns cuts a long name with an ellipsis', async () => {
    const out = stripAnsi(await onTerminal(['orders', 'list'], 80, 'ru'));
    expect(out).toContain('Алексей Тро…');
    expect(out).toContain('Частично оплачен');
  });
});

describe('piped', () => {
  it('orders list: every column, tab-separated, whatever COLUMNS says', async () => {
    const expected = [
      '1006315\t11.08.2023 13:37\tmeeting-room\tAwaiting payment\t14.08.2023 12:00–14:00\tИван Петров\tmanager2\t2,000 ₽\t2,000 ₽\t',
      '1006314\t11.08.2023 13:35\tcoworking-2\tPartially paid\t12.08.2023 10:00–20:00\tМария Иванова\t\t1,000 ₽\t700 ₽\t',
      '1006313\t11.08.2023 13:32\tcoworking-2\tConfirmed\t11.08.2023 16:00–20:00\tАлексей Трошков\t\t400 ₽\t0 ₽\t',
      '1006317\t11.08.2023 11:00\tmeeting-room\tAwaiting payment\t16.08.2023 09:00–10:00\tАлексей Трошков\t\t1,000 ₽\t1,000 ₽\t',
      '1006316\t11.08.2023 10:00\tcoworking-2\tCancelled\t15.08.2023 10:00–15:00\tИван Петров\t\t500 ₽\t0 ₽\t250 ₽',
      '1006312\t10.08.2023 09:15\tcoworking-2\tCancelled\t10.08.2023 12:00–17:00\tМария Иванова\t\t500 ₽\t0 ₽\t150 ₽',
    ].join('\n');
    for (const env of [{}, { COLUMNS: '40' }, { COLUMNS: '200' }]) {
      expect(expectOk(await cli.run(['orders', 'list'], { env })).stdout).toBe(expected + '\n');
    }
  });

  it.each(LISTS.map((args) => [args.join(' ')]))('%s: the same lines at any COLUMNS', async (command) => {
    const plain = expectOk(await cli.run(command.split(' '))).stdout;
    expect(plain).not.toBe('');
    for (const line of lines(plain)) expect(line).not.toMatch(/[│…]/);
    expect(expectOk(await cli.run(command.split(' '), { env: { COLUMNS: '40' } })).stdout).toBe(plain);
  });
});

describe('the width', () => {
  const deps = (env: Record<string, string>, columns?: number) => {
    const io: IO = {
      stdout: { write: () => true },
      stderr: { write: () => true },
      stdin: new PassThrough(),
      stdinIsTTY: true,
      stdoutIsTTY: true,
      stderrIsTTY: true,
      ...(columns === undefined ? {} : { columns }),
    };
    return createDeps({ io, env });
  };

  it('is the terminal’s, COLUMNS when set, else 80', () => {
    expect(deps({}, 132).width()).toBe(132);
    expect(deps({ COLUMNS: '100' }, 132).width()).toBe(100);
    expect(deps({}).width()).toBe(80);
    // A terminal that reports no size.
    expect(deps({}, 0).width()).toBe(80);
    for (const bad of ['', '0', '-5', 'wide', '80px', '1e3']) expect(deps({ COLUMNS: bad }, 90).width(), bad).toBe(90);
  });
});
