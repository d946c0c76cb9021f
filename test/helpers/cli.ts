/**
 * Runs the built CLI (bin/cowork) as a script would: piped stdio, a private database and config
 * folder, a fixed clock. `npm test` builds dist/ first. The database is a SQLite file, or on a
 * PostgreSQL run (COWORK_TEST_DB=postgres, see ./targets.ts) a new PostgreSQL database.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { newPostgresDatabaseSync, onPostgres } from './targets.js';

export const BIN = resolve(import.meta.dirname, '../../bin/cowork');

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export interface Sandbox {
  dir: string;
  env: Record<string, string>;
  run(args: string[], opts?: { input?: string; env?: Record<string, string | undefined> }): Run;
  runAsync(args: string[], opts?: { input?: string; env?: Record<string, string | undefined> }): Promise<Run>;
}

/**
 * A fresh folder with its own database and config; `seedDemo` loads the demo into it. `db` names
 * another database; without it, a new one of this run's kind.
 */
export function sandbox(opts: { seedDemo?: boolean; db?: string; now?: string } = {}): Sandbox {
  const dir = mkdtempSync(join(tmpdir(), 'cowork-test-'));
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: dir,
    XDG_DATA_HOME: join(dir, 'data'),
    XDG_CONFIG_HOME: join(dir, 'config'),
    COWORK_DB: opts.db ?? (onPostgres ? newPostgresDatabaseSync() : join(dir, 'cowork.db')),
    COWORK_NOW: opts.now ?? '2023-08-11T13:40:00+05:00',
    LANG: 'C',
  };
  const merge = (extra?: Record<string, string | undefined>) => {
    const e: Record<string, string> = { ...env };
    for (const [k, v] of Object.entries(extra ?? {})) {
      if (v === undefined) delete e[k];
      else e[k] = v;
    }
    return e;
  };
  const sb: Sandbox = {
    dir,
    env,
    run(args, o = {}) {
      const r = spawnSync(process.execPath, [BIN, ...args], { env: merge(o.env), input: o.input ?? '', encoding: 'utf8' });
      return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
    },
    runAsync(args, o = {}) {
      return new Promise((res, rej) => {
        const child = spawn(process.execPath, [BIN, ...args], { env: merge(o.env) });
        let stdout = '';
        let stderr = '';
        child.stdout.setEncoding('utf8').on('data', (d) => (stdout += d));
        child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
        child.on('error', rej);
        child.on('close', (code) => res({ code: code ?? -1, stdout, stderr }));
        child.stdin.end(o.input ?? '');
      });
    },
  };
  if (opts.seedDemo) {
    const r = sb.run(['seed', '--demo']);
    if (r.code !== 0) throw new Error(`seed --demo failed: ${r.stderr}`);
  }
  return sb;
}
