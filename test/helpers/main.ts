/**
 * cowork's whole command line in process: `main(argv)` of src/cli.ts over a demo store, with fake
 * streams, a private HOME and config folder and the tests' clock, returning what a script would see
 * (the exit code, stdout, stderr) without spawning a process:
 *
 *   const cli = await inProcess();
 *   const r = await cli.run(['pay', 'record', '1006314', '--amount', '650.01']);
 *   expect(r.code).toBe(6);
 *
 * The operator is `manager` (as `seed --demo` leaves it) unless argv says `--as` or the run's env
 * says otherwise. Every run shares the one store; main() closes the store it is given, so it gets
 * a view of it whose close() does nothing.
 *
 * And `tables(store)`: every row of every table, for "a refused action changes nothing" (rule 8).
 */
import { PassThrough } from 'node:stream';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { expect } from 'vitest';
import { main } from '../../src/cli.js';
import type { IO } from '../../src/deps.js';
import type { Store } from '../../src/store/index.js';
import type { Run } from './cli.js';
import { demoStore } from './deps.js';

export type { Run } from './cli.js';

/** What a command printed as JSON: the tests read it as scripts do. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type J = any;

export interface InProcess {
  store: Store;
  /** A private folder: HOME, and the XDG data and config folders under it. */
  dir: string;
  env: Record<string, string>;
  run(args: string[], opts?: { input?: string; env?: Record<string, string | undefined>; tty?: boolean }): Promise<Run>;
  /** Runs a read that must succeed (exit 0) and returns its JSON (argv gets `--json`). */
  json(args: string[], opts?: { env?: Record<string, string | undefined> }): Promise<J>;
}

export async function inProcess(opts: { store?: Store } = {}): Promise<InProcess> {
  const store = opts.store ?? (await demoStore());
  const kept = Object.create(store, { close: { value: async () => {} } }) as Store;
  const dir = mkdtempSync(join(tmpdir(), 'cowork-main-'));
  const env: Record<string, string> = {
    HOME: dir,
    XDG_DATA_HOME: join(dir, 'data'),
    XDG_CONFIG_HOME: join(dir, 'config'),
    // Never used while the store is given; a run that opened a database of its own would fail here.
    COWORK_DB: join(dir, 'missing', 'never.db'),
    COWORK_NOW: '2023-08-11T13:40:00+05:00',
    COWORK_USER: 'manager',
    LANG: 'C',
  };
  const run: InProcess['run'] = async (args, o = {}) => {
    let stdout = '';
    let stderr = '';
    const stdin = new PassThrough();
    stdin.end(o.input ?? '');
    const tty = o.tty ?? false;
    const io: IO = {
      stdout: { write: (s: string) => ((stdout += s), true) },
      stderr: { write: (s: string) => ((stderr += s), true) },
      stdin,
      stdinIsTTY: tty,
      stdoutIsTTY: tty,
      stderrIsTTY: tty,
    };
    const e: Record<string, string> = { ...env };
    for (const [k, v] of Object.entries(o.env ?? {})) {
      if (v === undefined) delete e[k];
      else e[k] = v;
    }
    const code = await main(args, { io, env: e, store: kept });
    return { code, stdout, stderr };
  };
  return {
    store,
    dir,
    env,
    run,
    async json(args, o = {}) {
      return parseJson(expectOk(await run([...args, '--json'], o)));
    },
  };
}

/** stdout as JSON, or a failure that shows what the command printed. */
export function parseJson(r: Run): J {
  try {
    return JSON.parse(r.stdout);
  } catch {
    throw new Error(`stdout is not JSON (exit ${r.code}):\n${r.stdout}\nstderr:\n${r.stderr}`);
  }
}

/** A success: exit 0 (stderr shown when it is not). */
export function expectOk(r: Run): Run {
  expect(r.code, `exit code; stderr: ${r.stderr}`).toBe(0);
  return r;
}

/** A failure: its exit code, nothing on stdout, a message on stderr that mentions what it should. */
export function expectFailure(r: Run, code: number, mentions?: string | RegExp): Run {
  expect({ code: r.code, stdout: r.stdout }, `stderr: ${r.stderr}`).toEqual({ code, stdout: '' });
  expect(r.stderr.trim()).not.toBe('');
  if (typeof mentions === 'string') expect(r.stderr).toContain(mentions);
  else if (mentions) expect(r.stderr).toMatch(mentions);
  return r;
}

/**
 * Runs a refused action: its exit code, nothing on stdout, and every row of every table as it was
 * (rule 8). Returns the run.
 */
export async function expectRefused(
  cli: InProcess,
  args: string[],
  code: number,
  opts: { input?: string; mentions?: string | RegExp } = {},
): Promise<Run> {
  const before = await tables(cli.store);
  const r = await cli.run(args, { input: opts.input ?? '' });
  expectFailure(r, code, opts.mentions);
  expect(await tables(cli.store)).toEqual(before);
  return r;
}

/** Every row of every table of the store, each table's rows in a stable order. */
export async function tables(store: Store): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  const names = (await store.db.introspection.getTables()).map((t) => t.name).sort();
  for (const name of names) {
    const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(store.db);
    out[name] = rows.map((r) => JSON.stringify(r, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v))).sort();
  }
  return out;
}
