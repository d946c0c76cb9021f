/**
 * The database a test run uses. One vitest run tests one kind of database, chosen by
 * COWORK_TEST_DB:
 *
 *   (unset) or sqlite   every store is a SQLite file (or `:memory:`);
 *   postgres            every store is a new PostgreSQL database, created on the server that
 *                       COWORK_TEST_PG_URL names (e.g. postgres://root@127.0.0.1:5432/postgres; a
 *                       role that may create databases) and dropped when the test file ends.
 *
 * `npm test` (scripts/test-all.mjs) runs the suites once on SQLite and, when COWORK_TEST_PG_URL
 * names a server that answers, once more on PostgreSQL. Databases made here are named
 * cowork_test_<run>_<pid>_<n>; test/helpers/global-setup.ts drops what a run leaves behind.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';

export type DbKind = 'sqlite' | 'postgres';

function kindFromEnv(): DbKind {
  const v = (process.env.COWORK_TEST_DB ?? '').trim().toLowerCase();
  if (v === '' || v === 'sqlite') return 'sqlite';
  if (v === 'postgres' || v === 'postgresql' || v === 'pg') return 'postgres';
  throw new Error(`COWORK_TEST_DB must be sqlite or postgres, not ${JSON.stringify(process.env.COWORK_TEST_DB)}`);
}

/** The kind of database this run tests. */
export const DB_KIND: DbKind = kindFromEnv();
export const onPostgres = DB_KIND === 'postgres';

/** The server's URL (any database on it); the test databases are made next to it. */
export const adminUrl = process.env.COWORK_TEST_PG_URL;

export interface Target {
  name: DbKind;
  /** A new, empty database: a file path or a postgres:// URL. */
  make(): Promise<string>;
}

const req = createRequire(import.meta.url);
const pg = () => req('pg') as typeof import('pg');

/** A URL without its password, for messages. */
export function safeUrl(url: string): string {
  return url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');
}

function needAdminUrl(): string {
  if (!adminUrl) {
    throw new Error('COWORK_TEST_DB=postgres needs COWORK_TEST_PG_URL, e.g. postgres://root@127.0.0.1:5432/postgres');
  }
  return adminUrl;
}

/** This run's tag (set by the global setup, so that its teardown finds what the run made). */
const run = process.env.COWORK_TEST_RUN ?? `${Date.now().toString(36)}${Math.floor(Math.random() * 36 ** 3).toString(36)}`;
let counter = 0;
const created: string[] = [];

function nextName(): string {
  return `cowork_test_${run}_${process.pid}_${++counter}`;
}

function urlOf(name: string): string {
  const u = new URL(needAdminUrl());
  u.pathname = `/${name}`;
  return u.toString();
}

/**
 * Creates a new PostgreSQL database and returns its URL: an empty one, or a copy of `template` (a
 * database nobody is connected to).
 */
export async function newPostgresDatabase(template?: string): Promise<string> {
  const name = nextName();
  const c = new (pg().Client)({ connectionString: needAdminUrl() });
  await c.connect();
  try {
    await c.query(`create database ${name}${template ? ` template ${template}` : ''}`);
  } finally {
    await c.end();
  }
  created.push(name);
  return urlOf(name);
}

/**
 * On a PostgreSQL run, the global setup loads the demo once into a database of its own
 * (migrated, the demo loaded as demoStore() loads it); demoStore() then starts from a copy of it,
 * a fraction of the cost of migrating and loading again.
 */
export const demoTemplate: string | undefined = process.env.COWORK_TEST_PG_DEMO_TEMPLATE;

/**
 * The same, synchronously, for `sandbox()`. The pg client is asynchronous only: a worker thread
 * holds a connection and creates the database while this thread waits on a shared flag (a fresh
 * node process per database would cost more than the database).
 */
export function newPostgresDatabaseSync(): string {
  const name = nextName();
  creator ??= startCreator();
  const flag = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  creator.postMessage({ sql: `create database ${name}`, flag, port: port2 }, [port2]);
  const waited = Atomics.wait(flag, 0, 0, 60_000);
  const reply = receiveMessageOnPort(port1)?.message as { error: string | null } | undefined;
  port1.close();
  if (waited === 'timed-out' || !reply || reply.error !== null) {
    throw new Error(`cannot create PostgreSQL database ${name} on ${safeUrl(needAdminUrl())}: ${reply?.error ?? 'no answer in 60 s'}`);
  }
  created.push(name);
  return urlOf(name);
}

let creator: Worker | null = null;

function startCreator(): Worker {
  const code = `
    const { parentPort, workerData } = require('node:worker_threads');
    const pg = require(workerData.pg);
    let client = null;
    parentPort.on('message', async ({ sql, flag, port }) => {
      let error = null;
      try {
        if (!client) {
          client = new pg.Client({ connectionString: workerData.url });
          client.on('error', () => { client = null; });
          await client.connect();
        }
        await client.query(sql);
      } catch (e) {
        error = String((e && e.message) || e);
        if (client) client.end().catch(() => {});
        client = null;
      }
      port.postMessage({ error });
      port.close();
      Atomics.store(flag, 0, 1);
      Atomics.notify(flag, 0);
    });`;
  const w = new Worker(code, { eval: true, workerData: { pg: req.resolve('pg'), url: needAdminUrl() } });
  w.unref();
  return w;
}

/** A new database of this run's kind, for a store opened in process: `:memory:` on SQLite. */
export async function newDatabase(): Promise<string> {
  return onPostgres ? newPostgresDatabase() : ':memory:';
}

export const sqliteTarget: Target = {
  name: 'sqlite',
  make: async () => join(mkdtempSync(join(tmpdir(), 'cowork-db-')), 'cowork.db'),
};

export const postgresTarget: Target = {
  name: 'postgres',
  make: newPostgresDatabase,
};

/** The target of this run: each database is tested by its own run, never twice. */
export async function targets(): Promise<Target[]> {
  return [onPostgres ? postgresTarget : sqliteTarget];
}

/** Things to close before the databases go (an open pool would see its connections killed). */
const closers: (() => Promise<unknown>)[] = [];
export function closeBeforeDrop(fn: () => Promise<unknown>): void {
  closers.push(fn);
}

/**
 * Drops the databases this process made (test/helpers/setup.ts calls it after every file), a few
 * at a time: each drop waits for a checkpoint, and concurrent drops share one.
 */
export async function dropCreated(): Promise<void> {
  for (const close of closers.splice(0)) await close().catch(() => {});
  if (!created.length || !adminUrl) return;
  await dropDatabases(adminUrl, created.splice(0));
}

/** Drops these databases (`with (force)`), over a few connections at once; errors are ignored. */
export async function dropDatabases(url: string, names: string[], connections = 6): Promise<void> {
  const queue = [...names];
  await Promise.all(
    Array.from({ length: Math.min(connections, queue.length) }, async () => {
      const c = new (pg().Client)({ connectionString: url });
      try {
        await c.connect();
        for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
          await c.query(`drop database if exists "${name}" with (force)`).catch(() => {});
        }
      } catch {
        // The run's teardown drops whatever is left.
      } finally {
        await c.end().catch(() => {});
      }
    }),
  );
}
