/**
 * Opens the database named by `--db` / `COWORK_DB` (a file path, `:memory:` or a postgres:// URL)
 * and brings its schema to the latest migration.
 */
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from 'kysely';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { LATEST_MIGRATION, migrationProvider } from './migrations.js';
import type { DB } from './schema.js';

export type DialectName = 'sqlite' | 'postgres';

export interface Database {
  db: Kysely<DB>;
  dialect: DialectName;
  /** Where it is, for messages: a path, or a URL without its password. */
  location: string;
  /** The better-sqlite3 handle, for bulk writes by prepared statements (SQLite only). */
  native?: import('better-sqlite3').Database;
}

/** Query parameters of a PostgreSQL URL that carry a secret. */
const SECRET_PARAMS = new Set(['password', 'sslpassword', 'passfile', 'sslkey']);

/**
 * A PostgreSQL URL as cowork prints it: the password, in any form (`user:pass@`, a password
 * holding `@`, `?password=…`), never shown. What cannot be parsed is not shown at all.
 */
export function withoutSecrets(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    for (const k of [...u.searchParams.keys()]) if (SECRET_PARAMS.has(k.toLowerCase())) u.searchParams.set(k, '***');
    return u.toString();
  } catch {
    return 'postgres://***';
  }
}

export function isPostgresUrl(target: string): boolean {
  return /^postgres(ql)?:\/\//i.test(target);
}

export async function openDatabase(target: string, opts: { migrate?: boolean } = {}): Promise<Database> {
  const database = isPostgresUrl(target) ? openPostgres(target) : openSqlite(target);
  if (opts.migrate !== false) await ensureMigrated(database);
  return database;
}

/**
 * The driver's compiled addon, named directly: otherwise the driver looks for it through a dozen
 * candidate paths on every run. COWORK_SQLITE_ADDON names another build of it, e.g. one for a
 * newer Node (`npm run mutation` runs its tests on Node 22; see scripts/node22.mjs).
 */
function addonPath(): string | undefined {
  if (process.env.COWORK_SQLITE_ADDON) return process.env.COWORK_SQLITE_ADDON;
  try {
    const pkg = createRequire(import.meta.url).resolve('better-sqlite3/package.json');
    const addon = join(dirname(pkg), 'build', 'Release', 'better_sqlite3.node');
    return existsSync(addon) ? addon : undefined;
  } catch {
    return undefined;
  }
}

function openSqlite(path: string): Database {
  if (path !== ':memory:' && !existsSync(path)) {
    // A new database: its folder only for its owner, its files too (WAL and SHM files take the
    // database file's mode).
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    closeSync(openSync(path, 'a', 0o600));
    chmodSync(path, 0o600);
  }
  const native = new SQLite(path, { timeout: 30_000, nativeBinding: addonPath() });
  native.pragma('journal_mode = WAL');
  native.pragma('synchronous = FULL');
  native.pragma('foreign_keys = ON');
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: native }) });
  return { db, dialect: 'sqlite', location: path, native };
}

function openPostgres(url: string): Database {
  const pg = createRequire(import.meta.url)('pg') as typeof import('pg');
  // Integers come back as numbers: every integer column of cowork fits a double exactly.
  pg.types.setTypeParser(20, (v: string) => Number(v));
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  // An idle connection that the server ends (a restart, pg_terminate_backend, a forced drop; or
  // one still closing after the pool's end() has resolved, which it does before the sockets close)
  // makes the pool emit 'error'. Unheard, that event would kill the process with a stack trace;
  // the pool has already dropped the connection, and the next query opens another.
  pool.on('error', () => {});
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', location: withoutSecrets(url) };
}

/**
 * Migrates only when behind: one cheap query on every run, the migrator only on a new or older
 * database. A database that a newer cowork has migrated further is left alone, with a clear error.
 */
export async function ensureMigrated(database: Database): Promise<void> {
  const current = await currentMigration(database);
  if (current === LATEST_MIGRATION) return;
  if (current !== null && current > LATEST_MIGRATION) {
    throw new Error(`the database's schema (${current}) is newer than this cowork knows (${LATEST_MIGRATION}): upgrade cowork`);
  }
  await migrate(database);
}

export async function migrationStatus(database: Database) {
  const migrator = new Migrator({ db: database.db, provider: migrationProvider(database.dialect) });
  const all = await migrator.getMigrations();
  const applied = all.flatMap((m) => (m.executedAt ? [{ name: m.name, executedAt: m.executedAt.toISOString() }] : []));
  // A newer cowork may have applied migrations this one does not know: the table says so.
  const current = (await currentMigration(database)) ?? applied.at(-1)?.name ?? null;
  const newer = current !== null && current > LATEST_MIGRATION;
  const pending = all.filter((m) => !m.executedAt).map((m) => m.name);
  return { current, latest: LATEST_MIGRATION, pending, applied, newer, upToDate: pending.length === 0 && !newer };
}

export async function currentMigration(database: Database): Promise<string | null> {
  try {
    const row = await sql<{ name: string | null }>`select max(name) as name from kysely_migration`.execute(database.db);
    return row.rows[0]?.name ?? null;
  } catch {
    return null;
  }
}

/**
 * Applies the pending migrations. PostgreSQL: the migrator runs them in a transaction under its
 * own lock. SQLite: kysely runs SQLite's DDL outside any transaction, so a run killed half-way
 * would leave half a schema; here every pending migration runs inside one `BEGIN IMMEDIATE`
 * transaction, which other desks wait for (the busy timeout) and which a kill rolls back whole.
 * The migrations' DDL is idempotent (`if not exists`), so a database that an older cowork left
 * half-migrated is completed, not refused.
 */
export async function migrate(database: Database): Promise<string[]> {
  const run = async (db: Kysely<DB>) => {
    const migrator = new Migrator({ db, provider: migrationProvider(database.dialect) });
    const { error, results } = await migrator.migrateToLatest();
    if (error) throw error instanceof Error ? error : new Error('the migration failed', { cause: error });
    return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
  };
  if (database.dialect !== 'sqlite') return run(database.db);
  return database.db.connection().execute(async (conn) => {
    await sql`begin immediate`.execute(conn);
    try {
      const applied = await run(conn);
      await sql`commit`.execute(conn);
      return applied;
    } catch (e) {
      await sql`rollback`.execute(conn).catch(() => {});
      throw e;
    }
  });
}
