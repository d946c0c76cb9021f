// `npm test`: builds dist/, runs the whole suite on SQLite, then the suites that touch a database
// (test/app, test/store, test/commands, test/e2e) again on PostgreSQL when COWORK_TEST_PG_URL names a server
// that answers (e.g. postgres://root@127.0.0.1:5432/postgres: a role that may create databases;
// each test makes databases of its own next to it, named cowork_test_*, and drops them). Without
// a server it says so in one line and the SQLite run decides. Exits non-zero if any run fails.
//
// The two runs go side by side (vitest gives each one worker on a two-core machine, and most of a
// test's time is a child process): the SQLite run prints as it goes, the PostgreSQL run's output
// follows when both are done. COWORK_TEST_SERIAL=1 runs them one after the other instead.
//
// Arguments go to vitest in both runs (`npm test -- test/e2e/read.test.ts`); with arguments the
// PostgreSQL run runs what they select rather than the database suites.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const vitest = fileURLToPath(new URL('../node_modules/vitest/vitest.mjs', import.meta.url));
const DB_SUITES = ['test/app', 'test/store', 'test/commands', 'test/e2e'];
const args = process.argv.slice(2);
// Each run also writes vitest's JSON report, so the closing line can count both runs' tests.
const reports = mkdtempSync(join(tmpdir(), 'cowork-test-reports-'));
const reporting = (name) => ['--reporter=default', '--reporter=json', `--outputFile.json=${join(reports, `${name}.json`)}`];

function counts(name) {
  try {
    const r = JSON.parse(readFileSync(join(reports, `${name}.json`), 'utf8'));
    return { passed: r.numPassedTests, failed: r.numFailedTests, skipped: r.numPendingTests + r.numTodoTests };
  } catch {
    return null;
  }
}

function run(label, argv, env) {
  const started = Date.now();
  const r = spawnSync(process.execPath, argv, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  return { label, ok: r.status === 0, seconds, status: r.status ?? r.signal };
}

/** Like run(), in the background; its output is held and returned with the result. */
function runHeld(label, argv, env) {
  const started = Date.now();
  const color = process.stdout.isTTY ? { FORCE_COLOR: '1' } : {};
  const child = spawn(process.execPath, argv, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...color, ...env } });
  const chunks = [];
  child.stdout.on('data', (d) => chunks.push(d));
  child.stderr.on('data', (d) => chunks.push(d));
  return new Promise((resolve) => {
    child.on('close', (code, signal) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      resolve({ label, ok: code === 0, seconds, status: code ?? signal, output: Buffer.concat(chunks) });
    });
  });
}

function safe(url) {
  return url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');
}

/** Why the PostgreSQL run cannot happen, or null when the server answers. */
async function postgresUnavailable() {
  const url = process.env.COWORK_TEST_PG_URL;
  if (!url) return 'COWORK_TEST_PG_URL is not set (e.g. postgres://root@127.0.0.1:5432/postgres)';
  const pg = createRequire(import.meta.url)('pg');
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await c.connect();
    await c.query('select 1');
    return null;
  } catch (e) {
    return `cannot connect to COWORK_TEST_PG_URL (${safe(url)}): ${e?.message ?? e}`;
  } finally {
    await c.end().catch(() => {});
  }
}

const build = run('build', ['scripts/build.mjs'], {});
if (!build.ok) {
  console.error(`build failed (${build.status})`);
  process.exit(1);
}

const why = await postgresUnavailable();
const pgArgv = [vitest, 'run', ...reporting('postgres'), ...(args.length ? args : DB_SUITES)];
const pgEnv = { COWORK_TEST_DB: 'postgres' };
const pgTitle = why ? '' : `\n=== Tests on PostgreSQL (${safe(process.env.COWORK_TEST_PG_URL)}) ===`;
const serial = process.env.COWORK_TEST_SERIAL === '1';

const results = [];
const pgHeld = why || serial ? null : runHeld('PostgreSQL', pgArgv, pgEnv);
console.log(`\n=== Tests on SQLite${pgHeld ? ' (the PostgreSQL run goes alongside; its output follows)' : ''} ===`);
results.push(run('SQLite', [vitest, 'run', ...reporting('sqlite'), ...args], { COWORK_TEST_DB: 'sqlite' }));

if (why) {
  console.log(`\nPostgreSQL run skipped: ${why}`);
} else if (pgHeld) {
  const r = await pgHeld;
  console.log(pgTitle);
  process.stdout.write(r.output);
  results.push(r);
} else {
  console.log(pgTitle);
  results.push(run('PostgreSQL', pgArgv, pgEnv));
}

console.log('');
for (const r of results) console.log(`${r.label} run: ${r.ok ? 'passed' : `FAILED (${r.status})`} in ${r.seconds} s`);
if (why) console.log(`PostgreSQL run: skipped (${why.split(' (')[0]})`);
const total = { passed: 0, failed: 0, skipped: 0 };
for (const name of ['sqlite', 'postgres']) {
  const c = counts(name);
  if (c) for (const k of Object.keys(total)) total[k] += c[k];
}
console.log(`tests: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
