/**
 * Tables fit the terminal: `orders list` in a real pseudo-terminal of 80 and 120 columns, as the
 * built cowork reads the terminal's size itself; piped, the same list unchanged.
 */
import stringWidth from 'string-width';
import { beforeAll, describe, expect, it } from 'vitest';
import { sandbox, type Sandbox } from '../helpers/cli.js';
import { hasPty, inPty } from '../helpers/pty.js';

// eslint-disable-next-line no-control-regex
const stripAnsi = (s: string) => s.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '');

let sb: Sandbox;
beforeAll(() => {
  sb = sandbox({ seedDemo: true });
});

/** What the terminal showed, line by line, colour codes taken out. */
function screen(args: string[], columns: number, env: Record<string, string | undefined> = { NO_COLOR: '1' }): string[] {
  const r = inPty(sb, args, [], env, { columns, rows: 40 });
  expect(r.failed, r.screen).toBeNull();
  expect(r.code, r.screen).toBe(0);
  return stripAnsi(r.screen)
    .split(/\r?\n/)
    .filter((l) => l !== '');
}

const headerOf = (lines: string[]) =>
  lines[1]!
    .split('│')
    .map((h) => h.trim())
    .filter(Boolean);

describe.skipIf(!hasPty)('orders list in a terminal', () => {
  it.each(['en', 'ru'])('at 80 columns (%s): no line wider than 80, one line a row', (lang) => {
    const lines = screen(['orders', 'list', '--lang', lang], 80);
    expect(lines).toHaveLength(6 + 4);
    for (const line of lines) expect(stringWidth(line), line).toBeLessThanOrEqual(80);
    for (const number of ['1006312', '1006313', '1006314', '1006315', '1006316', '1006317']) {
      expect(lines.filter((l) => l.includes(number))).toHaveLength(1);
    }
  });

  it('with colour: the colour codes do not count', () => {
    const r = inPty(sb, ['orders', 'list'], [], {}, { columns: 80, rows: 40 });
    expect(r.code, r.screen).toBe(0);
    expect(r.screen).toContain('\u001b[');
    for (const line of stripAnsi(r.screen).split(/\r?\n/)) expect(stringWidth(line), line).toBeLessThanOrEqual(80);
  });

  it('at 120 columns more columns appear', () => {
    const narrow = headerOf(screen(['orders', 'list'], 80));
    const wide = screen(['orders', 'list'], 120);
    for (const line of wide) expect(stringWidth(line), line).toBeLessThanOrEqual(120);
    expect(headerOf(wide).length).toBeGreaterThan(narrow.length);
    expect(headerOf(wide)).toEqual(expect.arrayContaining([...narrow, 'Service', 'Executor']));
  });

  it('COLUMNS, when set, wins over the terminal’s width', () => {
    const lines = screen(['orders', 'list'], 200, { NO_COLOR: '1', COLUMNS: '60' });
    for (const line of lines) expect(stringWidth(line), line).toBeLessThanOrEqual(60);
  });
});

describe('orders list piped', () => {
  it('is tab-separated lines of every column, byte for byte as before, whatever COLUMNS says', () => {
    const expected = [
      '1006315\t11.08.2023 13:37\tmeeting-room\tAwaiting payment\t14.08.2023 12:00–14:00\tИван Петров\tmanager2\t2,000 ₽\t2,000 ₽\t',
      '1006314\t11.08.2023 13:35\tcoworking-2\tPartially paid\t12.08.2023 10:00–20:00\tМария Иванова\t\t1,000 ₽\t700 ₽\t',
      '1006313\t11.08.2023 13:32\tcoworking-2\tConfirmed\t11.08.2023 16:00–20:00\tАлексей Трошков\t\t400 ₽\t0 ₽\t',
      '1006317\t11.08.2023 11:00\tmeeting-room\tAwaiting payment\t16.08.2023 09:00–10:00\tАлексей Трошков\t\t1,000 ₽\t1,000 ₽\t',
      '1006316\t11.08.2023 10:00\tcoworking-2\tCancelled\t15.08.2023 10:00–15:00\tИван Петров\t\t500 ₽\t0 ₽\t250 ₽',
      '1006312\t10.08.2023 09:15\tcoworking-2\tCancelled\t10.08.2023 12:00–17:00\tМария Иванова\t\t500 ₽\t0 ₽\t150 ₽',
    ].join('\n');
    for (const env of [{}, { COLUMNS: '40' }]) {
      const r = sb.run(['orders', 'list'], { env });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toBe(expected + '\n');
    }
  });
});
