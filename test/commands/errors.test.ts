/**
 * How every class of failure reads, in process through main() over a demo store: its exit code,
 * nothing on stdout, one line on stderr (`cowork: …`, or under --json
 * `{"error":{"code","message"}}`). test/e2e keeps a few of them to show a shell sees the same.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { expectFailure, expectOk, inProcess, type InProcess } from '../helpers/main.js';

describe('failures', () => {
  let cli: InProcess;
  beforeAll(async () => {
    cli = await inProcess();
  });

  it.each([
    ['unknown order', 5, ['orders', 'show', '999'], 'order 999 not found'],
    ['unknown flag', 2, ['orders', 'list', '--bogus'], 'unknown option "--bogus"'],
    ['unknown command', 2, ['frobnicate'], 'unknown command "frobnicate"'],
    ['a misspelt command', 2, ['ordrs'], 'unknown command "ordrs" (did you mean orders?)'],
    ['malformed number', 2, ['orders', 'show', 'abc'], 'the order number must be a positive whole number, not "abc"'],
    ['zero as a number', 2, ['orders', 'show', '0'], 'the order number must be a positive whole number, not "0"'],
    [
      'malformed date',
      2,
      ['orders', 'list', '--from', '2023-02-30'],
      '--from must be a date YYYY-MM-DD, today, yesterday or tomorrow, not "2023-02-30"',
    ],
    ['unknown status', 2, ['orders', 'list', '--status', 'paid'], '--status: "paid" is not one of'],
    ['unknown format', 2, ['orders', 'list', '--format', 'xml'], '"xml" is not one of'],
    [
      '--from after --to',
      2,
      ['orders', 'list', '--from', '2023-08-12', '--to', '2023-08-11'],
      '--from 2023-08-12 is after --to 2023-08-11',
    ],
    ['unknown service filter', 5, ['orders', 'list', '--service', 'sauna'], 'service "sauna" not found'],
    ['unknown operator', 4, ['--as', 'nobody', 'orders', 'list'], 'unknown operator "nobody"'],
    ['unknown ticket', 5, ['tickets', 'show', '999'], 'ticket 999 not found'],
    ['unknown service', 5, ['services', 'show', 'sauna'], 'service "sauna" not found'],
    ['too many arguments', 2, ['orders', 'show', '1006313', '1006314'], 'too many arguments (1 unexpected)'],
    ['a flag without its value', 2, ['pay', 'record', '1006314', '--amount'], '--amount needs a value'],
  ] as [string, number, string[], string][])('%s → exit %i, empty stdout, one line on stderr', async (_what, code, args, says) => {
    const r = expectFailure(await cli.run(args), code);
    expect(r.stderr.endsWith('\n')).toBe(true);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^cowork: /);
    expect(r.stderr).toContain(says);
  });

  it('a malformed COWORK_NOW is a usage error', async () => {
    const r = expectFailure(await cli.run(['orders', 'list'], { env: { COWORK_NOW: 'yesterday' } }), 2);
    expect(r.stderr).toBe('cowork: COWORK_NOW: "yesterday" is not an ISO-8601 time\n');
  });

  it('under --json an error is {"error":{"code","message"}} on stderr, wherever --json stands', async () => {
    for (const [args, code, exit] of [
      [['--json', 'orders', 'show', '999'], 'NOT_FOUND', 5],
      [['orders', 'show', '999', '--json'], 'NOT_FOUND', 5],
      [['orders', 'list', '--json', '--bogus'], 'USAGE', 2],
      [['orders', 'list', '--format', 'json', '--bogus'], 'USAGE', 2],
      [['--json', '--as', 'nobody', 'orders', 'list'], 'NOT_ALLOWED', 4],
      // Rule 8a: another guest's order is not found, never "not allowed".
      [['--as', 'troshkov', 'orders', 'show', '1006314', '--json'], 'NOT_FOUND', 5],
      [['pay', 'record', '1006314', '--amount', '650.01', '--json'], 'REMAINING_BELOW_MINIMUM', 6],
    ] as [string[], string, number][]) {
      const r = expectFailure(await cli.run(args), exit);
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
      const e = JSON.parse(r.stderr) as { error: { code: string; message: string } };
      expect(Object.keys(e)).toEqual(['error']);
      expect(e.error.code).toBe(code);
      expect(typeof e.error.message).toBe('string');
      expect(e.error.message.length).toBeGreaterThan(0);
    }
  });

  it('a command without its verb shows its help on stderr and exits 2, without a stray error line', async () => {
    const r = await cli.run(['orders']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('Usage: cowork orders');
    expect(r.stderr).not.toContain('(outputHelp)');
    expect(r.stderr).not.toMatch(/^cowork: /m);
  });

  it('--help prints on stdout (the version, which the build sets, is checked in test/e2e)', async () => {
    const help = expectOk(await cli.run(['orders', 'list', '--help']));
    expect(help.stdout).toContain('Usage: cowork orders list');
    expect(help.stderr).toBe('');
  });
});
