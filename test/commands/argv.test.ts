/**
 * argv → options, one table per command: what commander hands the command's run function, read
 * at the moment the action would start (a preAction hook that stops there), so no database is
 * touched. The other half — options and a database → output and exit code — is in the use-case
 * tests (test/app) and the command tests beside this file.
 */
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { Command } from 'commander';
import { buildProgram } from '../../src/cli.js';
import { createDeps } from '../../src/deps.js';
import { CoworkError } from '../../src/core/errors.js';
import { argv } from '../helpers/argv.js';

class Stop extends Error {}

/** The command path, its processed arguments and its options for argv; nothing runs. */
async function parse(line: string[]): Promise<{ path: string; args: unknown[]; opts: Record<string, unknown> }> {
  const deps = createDeps({
    io: {
      stdout: { write: () => true },
      stderr: { write: () => true },
      stdin: new PassThrough(),
      stdinIsTTY: false,
      stdoutIsTTY: false,
      stderrIsTTY: false,
    },
    env: { LANG: 'C' },
  });
  const program = await buildProgram(deps, line);
  let seen: { path: string; args: unknown[]; opts: Record<string, unknown> } | null = null;
  program.hook('preAction', (_self, action: Command) => {
    const names: string[] = [];
    for (let c: Command | null = action; c && c !== program; c = c.parent) names.unshift(c.name());
    seen = { path: names.join(' '), args: action.processedArgs, opts: action.opts() };
    throw new Stop();
  });
  try {
    await program.parseAsync(line, { from: 'user' });
  } catch (e) {
    if (!(e instanceof Stop)) throw e;
  }
  if (!seen) throw new Error(`no action for ${line.join(' ')}`);
  return seen;
}

const TABLE: [string[], { path: string; args?: unknown[]; opts?: Record<string, unknown> }][] = [
  [['orders', 'list'], { path: 'orders list', opts: {} }],
  [
    argv(
      'orders list --status confirmed,cancelled --service coworking-2 --assignee none --from 2023-08-01 --to 2023-08-31 --limit 5 --format csv',
    ),
    {
      path: 'orders list',
      opts: {
        status: ['confirmed,cancelled'],
        service: 'coworking-2',
        assignee: 'none',
        from: '2023-08-01',
        to: '2023-08-31',
        limit: 5,
        format: 'csv',
      },
    },
  ],
  [['orders', 'show', '1006313'], { path: 'orders show', args: [1006313] }],
  [
    [
      'orders',
      'create',
      '--service',
      'coworking-2',
      '--applicant',
      'petrov',
      '--date',
      '2023-08-12',
      '--from',
      '10:00',
      '--to',
      '12:30',
      '--tariff',
      'Стандарт',
      '--visitor-name',
      'С. П.',
      '--visitor-phone',
      '+79120000004',
      '--prepay',
      '90',
    ],
    {
      path: 'orders create',
      opts: {
        service: 'coworking-2',
        applicant: 'petrov',
        date: '2023-08-12',
        from: '10:00',
        to: '12:30',
        tariff: 'Стандарт',
        visitorName: 'С. П.',
        visitorPhone: '+79120000004',
        prepay: '90',
      },
    },
  ],
  [['orders', 'assign', '1006314', 'none'], { path: 'orders assign', args: [1006314, 'none'] }],
  [['orders', 'cancel', '1006314', '--reason', 'r'], { path: 'orders cancel', args: [1006314], opts: { reason: 'r' } }],
  [
    ['pay', 'record', '1006314', '--amount', '150,50', '--method', 'card', '--idempotency-key', 'k'],
    { path: 'pay record', args: [1006314], opts: { amount: '150,50', method: 'card', idempotencyKey: 'k' } },
  ],
  [
    ['pay', 'list', '--order', '1006314', '--source', 'gateway', '--json'],
    { path: 'pay list', opts: { order: 1006314, source: 'gateway' } },
  ],
  [['pay', 'import', 'st.csv', '--dry-run'], { path: 'pay import', args: ['st.csv'], opts: { dryRun: true } }],
  [['pay', 'reconcile', '-'], { path: 'pay reconcile', args: ['-'] }],
  [['msg', 'post', '1006314', '--text', '-', '--internal'], { path: 'msg post', args: [1006314], opts: { text: '-', internal: true } }],
  [['msg', 'list', '1006314', '--format', 'ndjson'], { path: 'msg list', args: [1006314], opts: { format: 'ndjson' } }],
  [['tickets', 'show', '207'], { path: 'tickets show', args: [207] }],
  [['tickets', 'check-in', '207'], { path: 'tickets check-in', args: [207] }],
  [['services', 'show', 'coworking-2'], { path: 'services show', args: ['coworking-2'] }],
  [
    ['users', 'add', '--login', 'walkin1', '--name', 'Гость', '--phone', '8 912 000 00 09'],
    { path: 'users add', opts: { login: 'walkin1', name: 'Гость', phone: '8 912 000 00 09', role: 'guest' } },
  ],
  [['seed', '--orders', '10', '--random-seed', '7'], { path: 'seed', opts: { orders: 10, randomSeed: 7 } }],
  [['seed', '--demo'], { path: 'seed', opts: { demo: true } }],
  [['whoami'], { path: 'whoami' }],
  [['login', 'manager'], { path: 'login', args: ['manager'] }],
  [['db', 'status'], { path: 'db status' }],
  [['db', 'migrate'], { path: 'db migrate' }],
];

describe('argv → options', () => {
  it.each(TABLE)('%j', async (line, expected) => {
    const r = await parse(line);
    expect(r.path).toBe(expected.path);
    if (expected.args) expect(r.args).toEqual(expected.args);
    if (expected.opts) expect(r.opts).toMatchObject(expected.opts);
  });

  it.each([
    [['orders', 'show', 'abc'], 'notPositiveInt'],
    [['orders', 'list', '--limit', '0'], 'notPositiveInt'],
    [['orders', 'list', '--from', '2023-02-30'], 'notDay'],
    [['pay', 'list', '--order', '-1'], 'notPositiveInt'],
    [['seed', '--orders', '1e3'], 'notPositiveInt'],
  ])('%j is refused while parsing, before any action: %s', async (line, key) => {
    const e = await parse(line).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(CoworkError);
    expect((e as CoworkError).said.key).toBe(key);
  });
});
