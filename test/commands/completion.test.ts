/**
 * `cowork completion SHELL` and the hidden `cowork __complete -- WORD… CURRENT` its scripts call on
 * every Tab, in process over the demo: what is offered at each place of the command line, what the
 * database adds (as much as the operator may see), and that a Tab never fails, prompts or creates
 * a database. The scripts in real shells: test/e2e/completion.test.ts.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { ORDER_STATUSES } from '../../src/core/types.js';
import type { IO } from '../../src/deps.js';
import { expectFailure, expectOk, inProcess, type InProcess } from '../helpers/main.js';

let cli: InProcess;
beforeAll(async () => {
  cli = await inProcess();
});

/** What a Tab offers after `cowork WORDS…` for the last word: the values, without descriptions. */
async function offered(words: string[], env?: Record<string, string | undefined>): Promise<string[]> {
  return lines(await tab(words, env)).map((l) => l.split('\t')[0]!);
}

async function tab(words: string[], env?: Record<string, string | undefined>) {
  const r = expectOk(await cli.run(['__complete', '--', ...words], { env }));
  expect(r.stderr).toBe('');
  return r;
}

function lines(r: { stdout: string }): string[] {
  return r.stdout.split('\n').filter(Boolean);
}

describe('__complete: the command tree', () => {
  it('offers the commands at the top, not the hidden one', async () => {
    const all = await offered(['']);
    expect(all).toEqual(
      expect.arrayContaining([
        'orders',
        'pay',
        'msg',
        'tickets',
        'services',
        'users',
        'db',
        'seed',
        'whoami',
        'login',
        'completion',
        'help',
      ]),
    );
    expect(all).not.toContain('__complete');
    expect(await offered(['or'])).toEqual(['orders']);
  });

  it("offers a noun's verbs, each with its description", async () => {
    expect(await offered(['orders', 'li'])).toEqual(['list']);
    expect(await offered(['orders', ''])).toEqual(['list', 'show', 'create', 'assign', 'cancel', 'help']);
    const [list] = lines(await tab(['orders', 'li']));
    expect(list).toMatch(/^list\t\S/);
  });

  it("offers long flags, the command's and the global ones, when the word starts with -", async () => {
    expect(await offered(['orders', 'list', '--st'])).toEqual(['--status']);
    const flags = await offered(['orders', 'list', '-']);
    expect(flags).toEqual(
      expect.arrayContaining(['--status', '--service', '--limit', '--format', '--help', '--as', '--db', '--lang', '--no-color']),
    );
    expect(flags.every((f) => f.startsWith('--'))).toBe(true);
    // Only where a flag is possible: an empty word at a noun is a verb.
    expect(await offered(['orders', ''])).not.toContain('--help');
  });

  it('reads past flags and their values to the command', async () => {
    expect(await offered(['--as', 'admin', '--lang', 'en', 'orders', 'li'])).toEqual(['list']);
    expect(await offered(['orders', 'list', '--limit', '5', '--st'])).toEqual(['--status']);
    expect(await offered(['pay', 'list', '--json', '--kind', ''])).toEqual(['payment', 'refund', 'reversal']);
  });

  it('offers nothing after an unknown command, after --, or where only a number goes', async () => {
    expect(await offered(['nosuch', ''])).toEqual([]);
    expect(await offered(['orders', 'show', ''])).toEqual([]);
    expect(await offered(['orders', 'list', '--', '--st'])).toEqual([]);
  });

  it('after help: the commands, the topics, and a noun’s verbs', async () => {
    expect(await offered(['help', 'ex'])).toEqual(['exit-codes']);
    expect(await offered(['help', 'orders', 'c'])).toEqual(['create', 'cancel']);
    expect(await offered(['orders', 'help', 'sh'])).toEqual(['show']);
  });
});

describe('__complete: values', () => {
  it('offers the choices of an option', async () => {
    expect(await offered(['orders', 'list', '--format', ''])).toEqual(['table', 'json', 'ndjson', 'csv']);
    expect(await offered(['--lang', ''])).toEqual(['en', 'ru']);
    expect(await offered(['pay', 'record', '1006313', '--method', 'c'])).toEqual(['card', 'cash']);
    expect(await offered(['users', 'add', '--role', ''])).toEqual(['guest', 'rental_manager', 'admin']);
  });

  it('offers the order statuses, with their names, and not those already given', async () => {
    expect(await offered(['orders', 'list', '--status', ''])).toEqual([...ORDER_STATUSES]);
    expect(lines(await tab(['orders', 'list', '--status', 'conf']))).toEqual(['confirmed\tConfirmed']);
    expect(await offered(['orders', 'list', '--status', 'confirmed', ''])).toEqual(['awaiting_payment', 'partially_paid', 'cancelled']);
    expect(await offered(['orders', 'list', '--status', 'confirmed', '--st'])).toEqual(['--status']);
  });

  it('completes --flag=value as one word', async () => {
    expect(await offered(['orders', 'list', '--format=j'])).toEqual(['--format=json']);
    expect(await offered(['orders', 'list', '--status=p'])).toEqual(['--status=partially_paid']);
  });

  it('offers the words of a day and of the shell', async () => {
    expect(await offered(['orders', 'list', '--from', 't'])).toEqual(['today', 'tomorrow']);
    // orders create --from is a time of day.
    expect(await offered(['orders', 'create', '--from', ''])).toEqual([]);
    expect(await offered(['completion', ''])).toEqual(['bash', 'zsh', 'fish']);
  });

  it('asks the shell for file names where a file goes', async () => {
    expect(lines(await tab(['pay', 'import', '']))).toEqual([':files']);
    expect(lines(await tab(['seed', '']))).toEqual([':files']);
    expect(lines(await tab(['--db', '']))).toEqual([':files']);
    expect(lines(await tab(['pay', 'reconcile', 'x.csv', '--map', '']))).toEqual([':files']);
  });
});

describe('__complete: from the database', () => {
  it('offers the service slugs, with their names', async () => {
    expect(await offered(['orders', 'list', '--service', ''])).toEqual(['coworking-2', 'meeting-room']);
    expect(lines(await tab(['orders', 'create', '--service', 'meet']))).toEqual(['meeting-room\tПереговорная']);
    expect(await offered(['services', 'show', ''])).toEqual(['coworking-2', 'meeting-room']);
  });

  it('offers the logins a flag takes', async () => {
    expect(await offered(['--as', ''])).toEqual(['admin', 'ivanova', 'manager', 'manager2', 'petrov', 'troshkov']);
    expect(await offered(['orders', 'create', '--applicant', ''])).toEqual(['ivanova', 'petrov', 'troshkov']);
    expect(await offered(['orders', 'list', '--assignee', ''])).toEqual(['none', 'me', 'admin', 'manager', 'manager2']);
    expect(await offered(['orders', 'assign', '1006313', 'm'])).toEqual(['me', 'manager', 'manager2']);
    expect(await offered(['services', 'set', 'coworking-2', '--add-manager', ''])).toEqual(['manager', 'manager2']);
    expect(await offered(['login', 'i'])).toEqual(['ivanova']);
  });

  it('offers only the services the operator may know of (rule 8a)', async () => {
    expect(await offered(['--as', 'manager2', 'orders', 'list', '--service', ''])).toEqual(['meeting-room']);
    expect(await offered(['orders', 'list', '--service', ''], { COWORK_USER: 'manager2' })).toEqual(['meeting-room']);
  });

  it('offers a guest no logins, and an unknown or missing operator nothing from the database', async () => {
    expect(await offered(['--as', 'ivanova', 'orders', 'list', '--assignee', ''])).toEqual(['none', 'me']);
    expect(await offered(['--as', 'nobody', 'orders', 'list', '--service', ''])).toEqual([]);
    expect(await offered(['orders', 'list', '--service', ''], { COWORK_USER: undefined })).toEqual([]);
  });
});

describe('__complete without a database', () => {
  function io(): { io: IO; out: () => string; err: () => string } {
    let out = '';
    let err = '';
    return {
      io: {
        stdout: { write: (s: string) => ((out += s), true) },
        stderr: { write: (s: string) => ((err += s), true) },
        stdin: new PassThrough(),
        stdinIsTTY: true,
        stdoutIsTTY: true,
        stderrIsTTY: true,
      },
      out: () => out,
      err: () => err,
    };
  }

  it('offers what needs none, creates none, prompts for nothing, and says nothing', async () => {
    const home = mkdtempSync(join(tmpdir(), 'cowork-complete-'));
    const db = join(home, 'data', 'cowork.db');
    const env = { HOME: home, XDG_DATA_HOME: join(home, 'data'), XDG_CONFIG_HOME: join(home, 'config'), COWORK_USER: 'manager', LANG: 'C' };
    const a = io();
    expect(await main(['__complete', '--', 'orders', 'list', '--service', ''], { io: a.io, env })).toBe(0);
    expect(await main(['__complete', '--', 'orders', 'list', '--assignee', ''], { io: a.io, env })).toBe(0);
    expect(await main(['__complete', '--', '--db', join(home, 'other.db'), '--as', ''], { io: a.io, env })).toBe(0);
    expect(await main(['__complete', '--', 'orders', 'li'], { io: a.io, env })).toBe(0);
    expect(a.out()).toMatch(/^none\nme\nlist\t[^\n]+\n$/);
    expect(a.err()).toBe('');
    expect(existsSync(db)).toBe(false);
    expect(existsSync(join(home, 'other.db'))).toBe(false);
  });
});

describe('cowork completion SHELL', () => {
  it.each([
    ['bash', 'complete -F __cowork_complete cowork'],
    ['zsh', 'compdef _cowork cowork'],
    ['fish', "complete -c cowork -f -a '(__cowork_complete)'"],
  ])('%s: prints a script that calls cowork back', async (shell, registers) => {
    const r = expectOk(await cli.run(['completion', shell]));
    expect(r.stdout).toContain(registers);
    expect(r.stdout).toContain('__complete --');
    expect(r.stderr).toBe('');
  });

  it('an unknown shell is a usage error naming the shells, in the operator’s language', async () => {
    expectFailure(await cli.run(['completion', 'tcsh']), 2, /"tcsh".*bash, zsh, fish/);
    expectFailure(await cli.run(['--lang', 'ru', 'completion', 'tcsh']), 2, /оболочки «tcsh».*bash, zsh, fish/);
    expectFailure(await cli.run(['completion']), 2);
  });

  it('is listed in help; __complete is not', async () => {
    const r = expectOk(await cli.run(['--help']));
    expect(r.stdout).toMatch(/^\s+completion\b/m);
    expect(r.stdout).not.toContain('__complete');
  });
});
