/**
 * cowork as it is installed, the two ways that do not start from the repository:
 *
 * - the single executable, dist-sea/cowork (`npm run package`): copied out of the repository and
 *   run with a fresh HOME, from a folder with no node_modules, with PATH naming an empty folder
 *   (no node, npm or compiler to be found), on the run's database: a SQLite file by default, or a
 *   new PostgreSQL database by `--db` on a PostgreSQL run;
 * - `npm pack`, then `npm install -g` of the tarball into a temporary prefix (better-sqlite3
 *   compiles there: minutes; npm's own cache is used), and the installed `cowork` run with a fresh
 *   HOME, under the Node of this run. On a SQLite run only.
 *
 * The executable's tests run when it exists, and the install's when COWORK_TEST_PACKAGE=1;
 * COWORK_TEST_PACKAGE=1 also makes a missing executable a failure rather than a skip. `.ci/run`
 * builds the executable and sets it.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalog } from '../../src/ui/i18n.js';
import { newPostgresDatabase, onPostgres } from '../helpers/targets.js';

const ROOT = resolve(import.meta.dirname, '../..');
const SEA = join(ROOT, 'dist-sea', 'cowork');
const REQUIRED = process.env.COWORK_TEST_PACKAGE === '1';
const { version: VERSION } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runIn(dir: string, command: string, args: string[], env: Record<string, string>, timeout = 60_000): Ran {
  const r = spawnSync(command, args, { cwd: dir, env, encoding: 'utf8', timeout, maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A fresh folder: the working directory, HOME (and nothing else) of the installed cowork. */
function fresh(): { dir: string; home: string } {
  const dir = mkdtempSync(join(tmpdir(), 'cowork-package-'));
  const home = join(dir, 'home');
  mkdirSync(home);
  return { dir, home };
}

describe.skipIf(!REQUIRED && !existsSync(SEA))('the single executable (dist-sea/cowork, `npm run package`)', () => {
  it(`runs with no Node, npm or node_modules to be found, on ${onPostgres ? 'PostgreSQL' : 'SQLite'}`, async () => {
    expect(existsSync(SEA), 'dist-sea/cowork is missing: `npm run package` builds it').toBe(true);
    const { dir, home } = fresh();
    // Out of the repository, where no node_modules is above it.
    const exe = join(dir, 'cowork');
    try {
      linkSync(SEA, exe);
    } catch {
      copyFileSync(SEA, exe);
    }
    const emptyBin = join(dir, 'bin');
    mkdirSync(emptyBin);
    const env = { PATH: emptyBin, HOME: home, LANG: 'C' };
    const db = onPostgres ? ['--db', await newPostgresDatabase()] : [];
    const cowork = (...args: string[]) => runIn(dir, exe, [...db, ...args], env);

    expect(cowork('--version').stdout.trim()).toBe(VERSION);
    const seeded = cowork('seed', '--demo');
    expect(seeded.stderr).not.toMatch(/unexpected/i);
    expect(seeded.code).toBe(0);

    const shown = cowork('orders', 'show', '1006313', '--json');
    expect(shown.code, shown.stderr).toBe(0);
    expect(JSON.parse(shown.stdout)).toMatchObject({ number: 1006313, status: 'confirmed' });

    const paid = cowork('pay', 'record', '1006314', '--amount', '300', '--json');
    expect(paid.code, paid.stderr).toBe(0);
    expect(JSON.parse(paid.stdout)).toMatchObject({ payment: { order: 1006314, amount: 30000 }, order: { paid: 60000, remaining: 40000 } });

    // The SQLite addon it carries was written out once, to the user's cache folder.
    const written = readdirSync(join(home, '.cache', 'cowork', VERSION));
    expect(written.filter((f) => /^better_sqlite3-\w+\.node$/.test(f))).toHaveLength(1);
    // The database is where cowork keeps it, in the fresh HOME (SQLite), and nothing went beside the executable.
    if (!onPostgres) expect(existsSync(join(home, '.local', 'share', 'cowork', 'cowork.db'))).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['bin', 'cowork', 'home']);
  });
});

/**
 * `npm pack` of the repository (dist/ is built: `npm test` builds it first, and the tarball takes it
 * as it is), then `npm install -g` of the tarball into a temporary prefix, with npm as set up here
 * (its cache, its registry, its nodedir) under this run's Node, which PATH names first; `npmEnv`
 * adds to that environment. The installed cowork runs with a fresh HOME.
 */
function packAndInstall(npmEnv: Record<string, string>, timeout: number) {
  const { dir, home } = fresh();
  const env = { ...process.env, PATH: `${dirname(process.execPath)}${delimiter}${process.env.PATH ?? ''}`, ...npmEnv } as Record<
    string,
    string
  >;
  const packed = runIn(ROOT, 'npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', dir], env);
  expect(packed.code, packed.stderr).toBe(0);
  const tarball = join(dir, packed.stdout.trim().split('\n').at(-1)!);
  expect(existsSync(tarball)).toBe(true);
  const prefix = join(dir, 'prefix');
  const installed = runIn(
    dir,
    'npm',
    ['install', '-g', '--prefix', prefix, '--prefer-offline', '--no-audit', '--no-fund', tarball],
    env,
    timeout,
  );
  expect(installed.code, installed.stderr).toBe(0);
  const runEnv = { PATH: `${dirname(process.execPath)}${delimiter}/usr/bin${delimiter}/bin`, HOME: home, LANG: 'C' };
  return {
    tarball: (...args: string[]) => runIn(dir, 'tar', [...args, tarball], runEnv),
    cowork: (...args: string[]) => runIn(dir, join(prefix, 'bin', 'cowork'), args, runEnv),
  };
}

describe.skipIf(!REQUIRED || onPostgres)('npm pack, then npm install -g of the tarball (COWORK_TEST_PACKAGE=1)', () => {
  it(`installs, and the installed cowork runs under Node ${process.versions.node}`, { timeout: 15 * 60_000 }, () => {
    const { cowork, tarball } = packAndInstall({}, 14 * 60_000);
    expect(cowork('--version').stdout.trim()).toBe(VERSION);
    const seeded = cowork('seed', '--demo');
    expect(seeded.code, seeded.stderr).toBe(0);
    const listed = cowork('orders', 'list');
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout).toMatch(/^1006313\t/m);
    // What the tarball holds: the built CLI and its bin, no sources or tests.
    const files = tarball('-tzf').stdout.split('\n');
    expect(files).toContain('package/bin/cowork');
    expect(files).toContain('package/dist/cli.cjs');
    expect(files).toContain('package/dist/vendor.cjs');
    expect(files).toContain('package/dist/prompts.cjs');
    // The build's metafile is for the tests only.
    expect(files).not.toContain('package/dist/meta.json');
    expect(files.filter((f) => /^package\/(src|test|scripts)\//.test(f))).toEqual([]);
  });

  it(
    'installs where nothing can be compiled: cowork runs on Node 24; on Node 20 it says the driver is missing',
    { timeout: 10 * 60_000 },
    () => {
      // No compiler and no Python: better-sqlite3 12 (an optional dependency) cannot be built.
      const { cowork } = packAndInstall({ CC: '/bin/false', CXX: '/bin/false', npm_config_python: '/nonexistent/python3' }, 9 * 60_000);
      const seeded = cowork('seed', '--demo');
      if (Number(process.versions.napi) >= 10) {
        expect(seeded.code, seeded.stderr).toBe(0);
        expect(cowork('orders', 'list').stdout).toMatch(/^1006313\t/m);
      } else {
        expect(seeded).toMatchObject({ code: 1, stdout: '' });
        expect(seeded.stderr).toBe(
          `cowork: ${catalog('en').errors.sqliteDriverMissing({ driver: 'better-sqlite3 12', node: process.versions.node })}\n`,
        );
      }
    },
  );
});
