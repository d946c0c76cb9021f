/**
 * Once per vitest run. On a PostgreSQL run (COWORK_TEST_DB=postgres): checks that the server of
 * COWORK_TEST_PG_URL answers, and fails the run with one clear line when it does not (asking for
 * PostgreSQL and silently testing SQLite would pass for what it is not); tags the run so that the
 * teardown can drop every database the run made, even one a crashed worker left behind; loads the
 * demo once into a template database for demoStore() (test/helpers/deps.ts). On a SQLite run it
 * does nothing.
 */
import { createRequire } from 'node:module';

const pg = () => createRequire(import.meta.url)('pg') as typeof import('pg');

/** Left-over test databases older than this, from runs that never reached their teardown, go too. */
const STALE_MS = 6 * 60 * 60 * 1000;

function onPostgres(): boolean {
  return ['postgres', 'postgresql', 'pg'].includes((process.env.COWORK_TEST_DB ?? '').trim().toLowerCase());
}

function safe(url: string): string {
  return url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');
}

async function connect(url: string) {
  const c = new (pg().Client)({ connectionString: url, connectionTimeoutMillis: 5000 });
  await c.connect();
  return c;
}

export async function setup(): Promise<void> {
  if (!onPostgres()) return;
  const url = process.env.COWORK_TEST_PG_URL;
  if (!url) throw new Error('COWORK_TEST_DB=postgres needs COWORK_TEST_PG_URL, e.g. postgres://root@127.0.0.1:5432/postgres');
  try {
    const c = await connect(url);
    await c.end();
  } catch (e) {
    throw new Error(`COWORK_TEST_DB=postgres: cannot connect to COWORK_TEST_PG_URL (${safe(url)}): ${(e as Error).message}`);
  }
  // Read by test/helpers/targets.ts in the workers (they inherit this environment).
  process.env.COWORK_TEST_RUN ??= `${Date.now().toString(36)}${Math.floor(Math.random() * 36 ** 3).toString(36)}`;

  const [{ openStore }, { loadFixture }, { parseFixture }, { demoFixture }, { DEMO_LOADED_AT }] = await Promise.all([
    import('../../src/store/index.js'),
    import('../../src/app/fixture.js'),
    import('../../src/core/fixture.js'),
    import('../../src/commands/seed/demo.js'),
    import('./deps.js'),
  ]);
  const template = `cowork_test_${process.env.COWORK_TEST_RUN}_demo`;
  const c = await connect(url);
  try {
    await c.query(`create database ${template}`);
  } finally {
    await c.end();
  }
  const u = new URL(url);
  u.pathname = `/${template}`;
  const store = await openStore(u.toString());
  try {
    const r = parseFixture(demoFixture);
    if (!('fixture' in r)) throw new Error('demo fixture invalid');
    await loadFixture(store, { fixture: r.fixture, source: 'demo', at: DEMO_LOADED_AT, dryRun: false });
  } finally {
    await store.close();
  }
  process.env.COWORK_TEST_PG_DEMO_TEMPLATE = template;
  process.stderr.write(`cowork tests: PostgreSQL at ${safe(url)}, a database of its own for every sandbox and store\n`);
}

export async function teardown(): Promise<void> {
  if (!onPostgres() || !process.env.COWORK_TEST_PG_URL) return;
  const run = process.env.COWORK_TEST_RUN;
  const c = await connect(process.env.COWORK_TEST_PG_URL);
  let names: string[];
  try {
    const { rows } = await c.query<{ datname: string }>(`select datname from pg_database where datname like 'cowork\\_test\\_%'`);
    names = rows.map((r) => r.datname);
  } finally {
    await c.end();
  }
  const now = Date.now();
  const doomed = names.filter((name) => {
    const tag = /^cowork_test_([0-9a-z]+)_/.exec(name)?.[1] ?? '';
    // The run's tag starts with its start time in base 36 (8 digits for years to come).
    const started = parseInt(tag.slice(0, 8), 36);
    const ours = run !== undefined && tag === run;
    const stale = tag.length > 8 && Number.isFinite(started) && now - started > STALE_MS;
    return ours || stale;
  });
  const { dropDatabases } = await import('./targets.js');
  await dropDatabases(process.env.COWORK_TEST_PG_URL, doomed);
}
