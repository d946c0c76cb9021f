/**
 * What an adversarial run broke, one class a test, in process through main(): values echoed in
 * errors never reach the terminal raw; a closed or empty --db is a usage error.
 */
import { PassThrough } from 'node:stream';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import type { IO } from '../../src/deps.js';
import { demoStore } from '../helpers/deps.js';

function fakeIo(input = '') {
  let out = '';
  let err = '';
  const stdin = new PassThrough();
  stdin.end(input);
  const io: IO = {
    stdout: { write: (s: string) => ((out += s), true) },
    stderr: { write: (s: string) => ((err += s), true) },
    stdin,
    stdinIsTTY: false,
    stdoutIsTTY: false,
    stderrIsTTY: false,
  };
  const home = mkdtempSync(join(tmpdir(), 'cowork-hard-'));
  const env = {
    HOME: home,
    XDG_CONFIG_HOME: join(home, 'config'),
    XDG_DATA_HOME: join(home, 'data'),
    COWORK_NOW: '2023-08-11T13:40:00+05:00',
    LANG: 'C',
  };
  return { io, env, home, out: () => out, err: () => err };
}

async function run(argv: string[], input = '') {
  const f = fakeIo(input);
  const store = await demoStore();
  const code = await main([...argv, '--as', 'manager'], { io: f.io, env: f.env, store });
  return { code, out: f.out(), err: f.err(), home: f.home };
}

/** Whether text holds a raw C0 or C1 control (an escape sequence's start) other than a newline. */
function hasRawControl(text: string): boolean {
  return [...text].some((c) => {
    const n = c.charCodeAt(0);
    return (n < 0x20 && c !== '\n') || (n >= 0x7f && n <= 0x9f);
  });
}

describe('terminal injection through error text', () => {
  it.each([
    [
      'a statement cell (OSC retitle)',
      'external_id,order_number,amount,paid_at,method\ngw-1,1006314,\u001b]0;pwned\u0007,2023-08-11T13:00:00+05:00,card\n',
    ],
    ['a statement header (clear screen)', 'external_id,order_number,amount,paid_at,\u001b[2Jmethod\n'],
    ['a method cell', 'external_id,order_number,amount,paid_at,method\ngw-1,1006314,1.00,2023-08-11T13:00:00+05:00,\u001b[2J\n'],
  ])('%s: the error shows the escape made visible', async (_what, csv) => {
    const r = await run(['pay', 'import', '-'], csv);
    expect(r.code).toBe(2);
    expect(hasRawControl(r.err)).toBe(false);
    expect(r.err).toContain('\\e');
  });

  it('a fixture reference with an escape', async () => {
    const f = fakeIo();
    const file = join(f.home, 'f.json');
    writeFileSync(
      file,
      JSON.stringify({
        services: [
          { slug: 'x', location: '\u001b]0;pwned\u0007', name: 'X', capacity: 1, tariffs: [{ name: 'a', unit: 'hour', price: 1 }] },
        ],
      }),
    );
    const store = await demoStore();
    const code = await main(['seed', file, '--as', 'admin'], { io: f.io, env: f.env, store });
    expect(code).toBe(2);
    expect(hasRawControl(f.err())).toBe(false);
    expect(f.err()).toContain('\\e]0;pwned\\x07');
  });

  it('a long value is cut, never echoed whole', async () => {
    const long = 'A'.repeat(5000);
    const r = await run(
      ['pay', 'import', '-'],
      `external_id,order_number,amount,paid_at,method\ngw-1,1006314,${long},2023-08-11T13:00:00+05:00,card\n`,
    );
    expect(r.code).toBe(2);
    expect(r.err.length).toBeLessThan(400);
    expect(r.err).toContain('…');
  });
});

describe('--db', () => {
  it('an empty --db is a usage error (2), not an unexpected failure', async () => {
    const f = fakeIo();
    const code = await main(['orders', 'list', '--db', '', '--as', 'manager'], { io: f.io, env: f.env });
    expect(code).toBe(2);
    expect(f.err()).toBe('cowork: --db is empty\n');
  });
});
