/**
 * Opens the database named by `--db` / `COWORK_DB` (a file path, `:memory:` or a postgres:// URL)
 * and brings its schema to the latest migration.
 */
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from 'kysely';
import { accessSync, chmodSync, closeSync, constants, mkdirSync, openSync, readFileSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { createRequire } from 'node:module';
import { NotFoundError, StoreError, UsageError } from '../core/errors.js';
import { LATEST_MIGRATION, migrationProvider } from './migrations.js';
import { loadSqlite, type OpenSqlite } from './sqlite-driver.js';
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

/**
 * What a command means to do with the database, decided per command (src/deps.ts):
 * - `create`: it may make the database where there is none (`seed`, `db migrate`);
 * - `write`: it changes a database that must exist;
 * - `read`: it only reads a database that must exist; a SQLite file that cowork may not write is
 *   opened read-only.
 * A `write` or `read` of a database that does not exist (no file, or no cowork schema in it)
 * creates nothing: it is not found (exit 5), and the error says how to make one.
 */
export type OpenIntent = 'create' | 'write' | 'read';

export interface OpenOptions {
  /** false (`db status`, `db migrate`): leave the schema as it is. */
  migrate?: boolean;
  /** `create` unless said otherwise: tests and tools open new databases. */
  intent?: OpenIntent;
}

export async function openDatabase(target: string, opts: OpenOptions = {}): Promise<Database> {
  const intent = opts.intent ?? 'create';
  const database = isPostgresUrl(target) ? openPostgres(target) : openSqlite(await loadSqlite(), target, intent);
  if (opts.migrate === false) return database;
  try {
    const current = await installedMigration(database);
    if (current === undefined && intent !== 'create') throw new NotFoundError('databaseMissing', { location: database.location });
    await migrateFrom(database, current ?? null);
  } catch (e) {
    await database.db.destroy().catch(() => {});
    throw e;
  }
  return database;
}

/** Whether this process may write the file and create files beside it (SQLite's -wal and -shm). */
function writable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    accessSync(dirname(path), constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** The database file, or null when there is none; a path that cannot even be looked at is an error. */
function fileAt(path: string): { size: number } | null {
  try {
    return statSync(path);
  } catch (e) {
    if (codeOf(e) === 'ENOENT' || codeOf(e) === 'ENOTDIR') return null;
    throw new StoreError('databaseCannotOpen');
  }
}

function codeOf(e: unknown): string | undefined {
  return e instanceof Error && 'code' in e && typeof e.code === 'string' ? e.code : undefined;
}

/** A new database: its folder only for its owner, its files too (WAL and SHM files take the database file's mode). */
function createFile(path: string): void {
  try {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    closeSync(openSync(path, 'a', 0o600));
    chmodSync(path, 0o600);
  } catch (e) {
    if (codeOf(e) === 'ENOSPC' || codeOf(e) === 'EDQUOT') throw new StoreError('databaseFull');
    throw new StoreError('databaseCannotOpen');
  }
}

function openSqlite(open: OpenSqlite, path: string, intent: OpenIntent): Database {
  if (path !== ':memory:') {
    const file = fileAt(path);
    // An empty file is no database either (SQLite would take it for a new one).
    if (intent !== 'create' && (file === null || file.size === 0)) throw new NotFoundError('databaseMissing', { location: path });
    if (file === null) createFile(path);
  }
  const readOnly = intent === 'read' && path !== ':memory:' && !writable(path);
  const native = readOnly ? openReadOnly(open, path) : open(path, { timeout: 30_000 });
  try {
    // WAL is the database's own setting, kept in its file: set by the commands that make or
    // change it; a read writes nothing, whatever the file is. How commits reach the disk and
    // whether foreign keys are checked matter only to writes: a read sets them only when it must
    // migrate the database first (migrate() does).
    if (intent !== 'read') {
      native.pragma('journal_mode = WAL');
      native.pragma('synchronous = FULL');
      native.pragma('foreign_keys = ON');
    }
    // A long transaction (an import, a seed) touches pages all over the orders and their indexes:
    // with SQLite's default 2 MB of cache it spills dirty pages and reads them back, several times
    // slower. The cache grows only as pages are used, so a short command pays nothing for it.
    if (intent !== 'read') native.pragma('cache_size = -32768');
  } catch (e) {
    native.close();
    throw e;
  }
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: native }) });
  return { db, dialect: 'sqlite', location: path, native };
}

/**
 * A file this process may not write, for a command that only reads. SQLite reads a database in
 * WAL mode (as cowork makes them) through its -shm file, which it must create beside the database
 * when it is not there: in a folder this process may not write, it cannot, and refuses to read.
 * Then, when the database has no changes waiting in its -wal file (the file holds everything), a
 * copy of it is read in memory instead, marked as a rollback-journal database (header bytes 18
 * and 19), which needs no -shm file.
 */
function openReadOnly(open: OpenSqlite, path: string): import('better-sqlite3').Database {
  const native = open(path, { readonly: true, fileMustExist: true, timeout: 30_000 });
  try {
    native.prepare('select count(*) from sqlite_master').get();
    return native;
  } catch (e) {
    native.close();
    const code = codeOf(e) ?? '';
    if (code !== 'SQLITE_READONLY_DIRECTORY' && !code.startsWith('SQLITE_CANTOPEN')) throw e;
  }
  if ((fileAt(`${path}-wal`)?.size ?? 0) > 0) throw new StoreError('databaseCannotOpen');
  let image: Buffer;
  try {
    image = readFileSync(path);
  } catch {
    throw new StoreError('databaseCannotOpen');
  }
  if (image.length >= 100 && image[18] === 2 && image[19] === 2) {
    image[18] = 1;
    image[19] = 1;
  }
  return open(image, { readonly: true });
}

/**
 * The waits a PostgreSQL URL bounds, each a query parameter of the URL: `connect_timeout` in
 * seconds (as libpq reads it), `statement_timeout` and `lock_timeout` in milliseconds (as
 * PostgreSQL reads them); any of them also with a unit, `ms`, `s` or `min`. 0 waits without a
 * limit. A server that accepts the connection and never answers, a statement that runs away, a
 * lock another desk never lets go: each ends with a one-line error instead of a hang.
 */
const PG_WAITS = {
  connect_timeout: { unit: 1000, fallback: 10_000 },
  statement_timeout: { unit: 1, fallback: 60_000 },
  lock_timeout: { unit: 1, fallback: 30_000 },
} as const;

type PgWait = keyof typeof PG_WAITS;

const UNITS: Record<string, number> = { ms: 1, s: 1000, min: 60_000 };

/** The URL without its wait parameters, and the waits in milliseconds (the defaults where it names none). */
export function pgWaits(url: string): { url: string; waits: Record<PgWait, number> } {
  let u: URL | null = null;
  try {
    u = new URL(url);
  } catch {
    // Left to the driver, which says what is wrong with it.
  }
  const waits = {} as Record<PgWait, number>;
  let named = false;
  for (const [name, { unit, fallback }] of Object.entries(PG_WAITS) as [PgWait, { unit: number; fallback: number }][]) {
    const value = u?.searchParams.get(name) ?? null;
    if (value === null) {
      waits[name] = fallback;
      continue;
    }
    const m = /^\s*(\d{1,9})\s*(ms|s|min)?\s*$/i.exec(value);
    if (!m) throw new UsageError('notTimeout', { name, value, unit: unit === 1 ? 'ms' : 's' });
    u?.searchParams.delete(name);
    named = true;
    waits[name] = Number(m[1]) * (m[2] ? (UNITS[m[2].toLowerCase()] ?? unit) : unit);
  }
  // A URL that names none goes to the driver exactly as given.
  return { url: named && u ? u.toString() : url, waits };
}

/** How much longer than statement_timeout the client waits for an answer before it gives up. */
const QUERY_GRACE = 10_000;

function openPostgres(url: string): Database {
  const pg = createRequire(import.meta.filename)('pg') as typeof import('pg');
  // Integers come back as numbers: every integer column of cowork fits a double exactly.
  pg.types.setTypeParser(20, (v: string) => Number(v));
  const { url: connectionString, waits } = pgWaits(url);
  const pool = new pg.Pool({
    connectionString,
    max: 4,
    // Connecting, and waiting for a free connection of the pool; the statement and lock limits are
    // the server's own settings for the session, sent as it starts.
    connectionTimeoutMillis: waits.connect_timeout,
    statement_timeout: waits.statement_timeout,
    lock_timeout: waits.lock_timeout,
    // A server (or a network) that goes silent after connecting cannot enforce its own limit: the
    // client gives up on a query QUERY_GRACE after the server should have answered.
    query_timeout: waits.statement_timeout > 0 ? waits.statement_timeout + QUERY_GRACE : 0,
    // A server host that went away (a dropped network) is noticed on an idle connection too.
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
  });
  // An idle connection that the server ends (a restart, pg_terminate_backend, a forced drop; or
  // one still closing after the pool's end() has resolved, which it does before the sockets close)
  // makes the pool emit 'error'. Unheard, that event would kill the process with a stack trace;
  // the pool has already dropped the connection, and the next query opens another.
  pool.on('error', () => {});
  // A connection in use (inside a transaction, between two of its queries) that the server ends
  // emits 'error' on its client, which the pool does not listen to while the client is out: heard
  // here, so that it never kills the process. The query in flight, or the next one, fails with the
  // connection's error, which reaches the operator as one line (src/store/errors.ts).
  pool.on('connect', (client) => {
    client.on('error', () => {});
  });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', location: withoutSecrets(url) };
}

/**
 * Migrates only when behind: one cheap query on every run, the migrator only on a new or older
 * database. A database that a newer cowork has migrated further is left alone, with a clear error.
 */
export async function ensureMigrated(database: Database): Promise<void> {
  await migrateFrom(database, await currentMigration(database));
}

async function migrateFrom(database: Database, current: string | null): Promise<void> {
  if (current === LATEST_MIGRATION) return;
  if (current !== null && current > LATEST_MIGRATION) throw new StoreError('databaseNewer', { current, latest: LATEST_MIGRATION });
  await migrate(database);
}

/**
 * The latest migration applied (null: none yet), or undefined when the database has no migration
 * table at all: nothing of cowork is in it. Any other failure (a connection, a damaged file) is
 * thrown as it is.
 */
async function installedMigration(database: Database): Promise<string | null | undefined> {
  try {
    const row = await sql<{ name: string | null }>`select max(name) as name from kysely_migration`.execute(database.db);
    return row.rows[0]?.name ?? null;
  } catch (e) {
    // PostgreSQL: undefined_table; SQLite: a plain SQLITE_ERROR that names the table.
    if (codeOf(e) === '42P01' || (codeOf(e) === 'SQLITE_ERROR' && /no such table/.test((e as Error).message))) return undefined;
    throw e;
  }
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
    // A command that only reads opened the database without these (openSqlite).
    await sql`pragma synchronous = full`.execute(conn);
    // A migration that builds a table anew (SQLite's way to change its constraints) drops the old
    // one, which foreign keys would forbid; they are off for the migration (SQLite ignores the
    // pragma inside a transaction), and checked before it commits.
    await sql`pragma foreign_keys = off`.execute(conn);
    try {
      await sql`begin immediate`.execute(conn);
      try {
        const applied = await run(conn);
        const broken = await sql`pragma foreign_key_check`.execute(conn);
        if (broken.rows.length) throw new Error(`the migration would break ${broken.rows.length} foreign keys`);
        await sql`commit`.execute(conn);
        return applied;
      } catch (e) {
        await sql`rollback`.execute(conn).catch(() => {});
        throw e;
      }
    } finally {
      await sql`pragma foreign_keys = on`.execute(conn);
    }
  });
}
