/**
 * The databases a test can run against: a SQLite file always; PostgreSQL when COWORK_TEST_PG_URL
 * names a server (e.g. postgres://root@127.0.0.1:5432/postgres). Each PostgreSQL target gets a
 * database of its own, created here and dropped when the process ends.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';

export interface Target {
  name: 'sqlite' | 'postgres';
  /** A new, empty database: a file path or a postgres:// URL. */
  make(): Promise<string>;
}

const adminUrl = process.env.COWORK_TEST_PG_URL;

export const sqliteTarget: Target = {
  name: 'sqlite',
  make: async () => join(mkdtempSync(join(tmpdir(), 'cowork-db-')), 'cowork.db'),
};

let pgChecked: Promise<boolean> | null = null;

async function pgAvailable(): Promise<boolean> {
  if (!adminUrl) return false;
  pgChecked ??= (async () => {
    const pg = createRequire(import.meta.url)('pg') as typeof import('pg');
    const c = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 2000 });
    try {
      await c.connect();
      await c.end();
      return true;
    } catch {
      return false;
    }
  })();
  return pgChecked;
}

const created: string[] = [];

export const postgresTarget: Target = {
  name: 'postgres',
  async make() {
    const pg = createRequire(import.meta.url)('pg') as typeof import('pg');
    const name = `cowork_test_${process.pid}_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6)}`;
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    await c.query(`create database ${name}`);
    await c.end();
    created.push(name);
    const u = new URL(adminUrl!);
    u.pathname = `/${name}`;
    return u.toString();
  },
};

/** The targets available here; says once on stderr why PostgreSQL is skipped, when it is. */
export async function targets(): Promise<Target[]> {
  if (await pgAvailable()) return [sqliteTarget, postgresTarget];
  if (!warned) {
    warned = true;
    process.stderr.write(
      adminUrl
        ? `PostgreSQL tests skipped: cannot connect to COWORK_TEST_PG_URL (${adminUrl})\n`
        : 'PostgreSQL tests skipped: COWORK_TEST_PG_URL is not set (e.g. postgres://root@127.0.0.1:5432/postgres)\n',
    );
  }
  return [sqliteTarget];
}
let warned = false;

export async function dropCreated(): Promise<void> {
  if (!created.length || !adminUrl) return;
  const pg = createRequire(import.meta.url)('pg') as typeof import('pg');
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  for (const name of created.splice(0)) await c.query(`drop database if exists ${name} with (force)`).catch(() => {});
  await c.end();
}
