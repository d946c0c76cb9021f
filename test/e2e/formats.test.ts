/**
 * The machine formats as they reach a pipe: the built bin/cowork writing CSV (CRLF records, RFC
 * 4180), NDJSON and JSON to a real stdout, and `cowork help` topics. What each list holds in each
 * format, spreadsheet formulas defused, empty lists and contradicting flags are tested in process:
 * test/commands/formats.test.ts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../helpers/csv.js';
import { sandbox, type Run, type Sandbox } from '../helpers/cli.js';

function ok(r: Run): Run {
  expect(r.code, `exit code; stderr: ${r.stderr}`).toBe(0);
  return r;
}

describe('formats on a pipe', () => {
  let sb: Sandbox;
  beforeAll(() => {
    sb = sandbox({ seedDemo: true });
  });

  it('orders list --format csv: RFC 4180 with CRLF records, one per order, the same orders as --json', async () => {
    const [csv, asJson] = await Promise.all([
      sb.runAsync(['orders', 'list', '--format', 'csv']),
      sb.runAsync(['orders', 'list', '--json']),
    ]);
    const [header, ...rows] = parseCsv(ok(csv).stdout);
    expect(header!.slice(0, 4)).toEqual(['number', 'createdAt', 'service', 'status']);
    expect(rows.map((r) => Number(r[0]))).toEqual((JSON.parse(ok(asJson).stdout) as { number: number }[]).map((o) => o.number));
    expect(csv.stderr).toBe('');
  });

  it('pay list --format ndjson: one JSON object per line', () => {
    const r = ok(sb.run(['pay', 'list', '--format', 'ndjson', '--as', 'admin']));
    expect(r.stdout.endsWith('\n')).toBe(true);
    const objects = r.stdout
      .slice(0, -1)
      .split('\n')
      .map((l) => JSON.parse(l) as { amount: number; currency: string; kind: string });
    expect(objects).toHaveLength(7);
    for (const o of objects) expect(o).toMatchObject({ amount: expect.any(Number), currency: 'RUB' });
    expect(objects.map((o) => o.kind)).toEqual(['payment', 'payment', 'payment', 'reversal', 'refund', 'payment', 'payment']);
  });

  it('--json with --format csv → 2, nothing on stdout', () => {
    const r = sb.run(['users', 'list', '--json', '--format', 'csv']);
    expect({ code: r.code, stdout: r.stdout }).toEqual({ code: 2, stdout: '' });
    expect(JSON.parse(r.stderr).error.code).toBe('USAGE');
  });
});

describe('help', () => {
  let sb: Sandbox;
  beforeAll(() => {
    sb = sandbox();
  });

  it('help exit-codes lists 0, 1, 2, 3, 4, 5, 6, 7, 8 and 130', () => {
    const r = ok(sb.run(['help', 'exit-codes']));
    const codes = r.stdout
      .trimEnd()
      .split('\n')
      .map((l) => Number(l.trim().split(/\s+/)[0]));
    expect(codes).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 130]);
  });

  it('help on a command prints its usage on stdout; an unknown topic → 2', () => {
    const r = ok(sb.run(['help', 'pay', 'import']));
    expect(r.stdout).toMatch(/Usage: cowork pay import/);
    const bad = sb.run(['help', 'nosuch']);
    expect({ code: bad.code, stdout: bad.stdout }).toEqual({ code: 2, stdout: '' });
    expect(bad.stderr).toContain('nosuch');
  });
});
