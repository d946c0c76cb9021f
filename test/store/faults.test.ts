/**
 * The database's faults, in process: a driver's failure that an operator can act on becomes one
 * line of the catalog (src/store/errors.ts), never the driver's text; and what the opener
 * (src/store/open.ts) does with a database that does not exist, a file it may not write, a full
 * disk, a server that never answers, a connection the server ends in the middle of a transaction.
 * test/e2e/faults.test.ts checks the same through the built command.
 */
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { loadSqlite } from '../../src/store/sqlite-driver.js';

const openSqlite = await loadSqlite();
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { seedOrders } from '../../src/app/seed.js';
import { recordDeskPayment } from '../../src/app/payments.js';
import { loadFixture } from '../../src/app/fixture.js';
import { parseFixture } from '../../src/core/fixture.js';
import { NotFoundError, StoreError, UsageError, type CoworkError } from '../../src/core/errors.js';
import { demoFixture } from '../../src/commands/seed/demo.js';
import { storeErrorOf } from '../../src/store/errors.js';
import { openDatabase, pgWaits, type OpenIntent } from '../../src/store/open.js';
import { openStore, Store } from '../../src/store/index.js';
import { catalog, errorText } from '../../src/ui/i18n.js';
import { NOW, userOf } from '../helpers/builders.js';
import { inProcess, tables } from '../helpers/main.js';
import { adminUrl, closeBeforeDrop, newPostgresDatabase, onPostgres } from '../helpers/targets.js';

const en = catalog('en');
const ru = catalog('ru');
const CYRILLIC = /[а-яё]/i;
/** chmod binds every user but root: as root, the read-only tests here have nothing to test. */
const isRoot = process.getuid?.() === 0;

function folder(): string {
  return mkdtempSync(join(tmpdir(), 'cowork-faults-'));
}

/** The rejection of `p` (the test fails if it resolves). */
async function rejection(p: Promise<unknown>): Promise<unknown> {
  return p.then(
    () => expect.fail('expected a failure'),
    (e: unknown) => e,
  );
}

function expectStoreError(e: unknown, key: StoreError['said']['key']): StoreError {
  const mapped = e instanceof StoreError ? e : storeErrorOf(e);
  expect(mapped, `not explained: ${String(e)}`).toBeInstanceOf(StoreError);
  expect(mapped!.said.key).toBe(key);
  expect({ exit: mapped!.exitCode, code: mapped!.code }).toEqual({ exit: 1, code: 'UNEXPECTED' });
  return mapped!;
}

async function demoOn(path: string): Promise<Store> {
  const store = await openStore(path);
  const r = parseFixture(demoFixture);
  if (!('fixture' in r)) throw new Error('demo fixture invalid');
  await loadFixture(store, { fixture: r.fixture, source: 'demo', at: '2023-08-01T00:00:00.000Z', dryRun: false });
  return store;
}

describe('the driver errors an operator can act on', () => {
  it("SQLITE_READONLY, the driver's own (a read-only handle that writes) → databaseReadOnly, in en and ru", () => {
    const path = join(folder(), 'ro.db');
    const rw = openSqlite(path);
    rw.exec('create table t (x integer)');
    rw.close();
    const ro = openSqlite(path, { readonly: true });
    let thrown: unknown;
    try {
      ro.prepare('insert into t values (1)').run();
    } catch (e) {
      thrown = e;
    } finally {
      ro.close();
    }
    expect((thrown as { code?: string }).code).toBe('SQLITE_READONLY');
    const e = expectStoreError(thrown, 'databaseReadOnly');
    expect(errorText(e, en)).toMatch(/read-only/);
    expect(errorText(e, ru)).toMatch(CYRILLIC);
    expect(errorText(e, en) + errorText(e, ru)).not.toMatch(/attempt to write/);
  });

  it.each([
    ['ECONNRESET', 'read ECONNRESET', 'databaseUnreachable'],
    ['ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432', 'databaseUnreachable'],
    ['57P01', 'terminating connection due to administrator command', 'databaseUnreachable'],
    ['57014', 'canceling statement due to statement timeout', 'databaseTimeout'],
    ['55P03', 'canceling statement due to lock timeout', 'databaseBusy'],
    ['SQLITE_FULL', 'database or disk is full', 'databaseFull'],
    ['SQLITE_READONLY_DIRECTORY', 'attempt to write a readonly database', 'databaseReadOnly'],
  ] as const)('code %s → %s', (code, message, key) => {
    expectStoreError(Object.assign(new Error(message), { code }), key);
  });

  it.each([
    ['Connection terminated unexpectedly', 'databaseUnreachable'],
    ['Client has encountered a connection error and is not queryable', 'databaseUnreachable'],
    ['Postgres connection has been discarded', 'databaseUnreachable'],
    ['timeout exceeded when trying to connect', 'databaseTimeout'],
    ['Connection terminated due to connection timeout', 'databaseTimeout'],
    ['timeout expired', 'databaseTimeout'],
    ['Query read timeout', 'databaseTimeout'],
  ] as const)('node-postgres without a code: %s → %s', (message, key) => {
    expectStoreError(new Error(message), key);
  });

  it('anything else stays unexplained (an unexpected failure with its own text)', () => {
    expect(storeErrorOf(new Error('something else'))).toBeNull();
    expect(storeErrorOf(Object.assign(new Error('cannot rollback - no transaction is active'), { code: 'SQLITE_ERROR' }))).toBeNull();
  });

  it('every new line has its words in both languages', () => {
    for (const e of [new StoreError('databaseTimeout'), new NotFoundError('databaseMissing', { location: '/x/y.db' })]) {
      expect(errorText(e, en)).not.toBe('');
      expect(errorText(e, ru)).toMatch(CYRILLIC);
    }
  });
});

describe.skipIf(onPostgres)('a database that does not exist (SQLite; checked once, on the SQLite run)', () => {
  it.each<OpenIntent>(['read', 'write'])('%s: not found (exit 5), naming the path; no file, no folder', async (intent) => {
    const path = join(folder(), 'missing', 'dir', 'x.db');
    const e = await rejection(openDatabase(path, { intent }));
    expect(e).toBeInstanceOf(NotFoundError);
    expect((e as CoworkError).exitCode).toBe(5);
    expect((e as CoworkError).said).toEqual({ key: 'databaseMissing', args: [{ location: path }] });
    expect(errorText(e as CoworkError, en)).toContain('cowork seed --demo');
    expect(errorText(e as CoworkError, en)).toContain('cowork db migrate');
    expect(existsSync(dirname(dirname(path)))).toBe(false);
  });

  it('db status (the schema left alone) of a missing file: not found either, nothing created', async () => {
    const dir = folder();
    const e = await rejection(openDatabase(join(dir, 'x.db'), { intent: 'read', migrate: false }));
    expect((e as CoworkError).said.key).toBe('databaseMissing');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('create (seed, db migrate): makes the folder 0700 and the file 0600, migrated; then reads work', async () => {
    const path = join(folder(), 'new', 'x.db');
    const made = await openDatabase(path, { intent: 'create' });
    await made.db.destroy();
    expect(statSync(dirname(path)).mode & 0o777).toBe(0o700);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const read = await openDatabase(path, { intent: 'read' });
    await read.db.destroy();
  });

  it('an empty file, or a SQLite file without cowork in it, is no database for a read: not found, left as it was', async () => {
    const empty = join(folder(), 'empty.db');
    writeFileSync(empty, '');
    expect(((await rejection(openDatabase(empty, { intent: 'read' }))) as CoworkError).said.key).toBe('databaseMissing');
    expect(((await rejection(openDatabase(empty, { intent: 'read', migrate: false }))) as CoworkError).said.key).toBe('databaseMissing');
    expect(statSync(empty).size).toBe(0);
    const other = join(folder(), 'other.db');
    const o = openSqlite(other);
    o.exec('create table notes (text text)');
    o.close();
    const bytes = readFileSync(other);
    expect(((await rejection(openDatabase(other, { intent: 'read' }))) as CoworkError).said.key).toBe('databaseMissing');
    expect(readFileSync(other).equals(bytes)).toBe(true);
    // db status shows it as it is: no cowork schema.
    const status = await openDatabase(other, { intent: 'read', migrate: false });
    await status.db.destroy();
  });

  it(':memory: is empty: nothing to read', async () => {
    const e = await rejection(openDatabase(':memory:', { intent: 'read' }));
    expect((e as CoworkError).said.key).toBe('databaseMissing');
  });
});

describe.skipIf(onPostgres)('a read-only folder and file (SQLite)', () => {
  let dir: string;
  let path: string;

  beforeAll(async () => {
    dir = folder();
    path = join(dir, 'db', 'c.db');
    await (await demoOn(path)).close();
  });

  afterEach(() => {
    chmodSync(join(dir, 'db'), 0o700);
    chmodSync(path, 0o600);
  });

  // As root, chmod binds nothing: test/e2e/faults.test.ts runs the command as another user there.
  it.skipIf(isRoot)('(not as root) a read opens it read-only and reads; a write gives databaseReadOnly', async () => {
    chmodSync(path, 0o400);
    chmodSync(join(dir, 'db'), 0o500);
    const store = new Store(await openDatabase(path, { intent: 'read' }));
    try {
      expect((await store.order(1006313))?.number).toBe(1006313);
    } finally {
      await store.close();
    }
    const e = await rejection(
      (async () => {
        const w = new Store(await openDatabase(path, { intent: 'write' }));
        try {
          await recordDeskPayment(w, await userOf(w, 'manager'), { number: 1006314, amount: 10000, method: 'cash' }, NOW);
        } finally {
          await w.close();
        }
      })(),
    );
    expectStoreError(e, 'databaseReadOnly');
  });
});

describe.skipIf(onPostgres)('a full disk (SQLite: max_page_count stands for the disk)', () => {
  let store: Store;

  beforeAll(async () => {
    store = await demoOn(join(folder(), 'full.db'));
    // Not a page more than it has: the next write that needs a page finds the "disk" full.
    const { rows } = await sql<{ page_count: number }>`pragma page_count`.execute(store.db);
    await sql.raw(`pragma max_page_count = ${rows[0]!.page_count}`).execute(store.db);
  });

  afterAll(async () => {
    await store.close();
  });

  it('a use case (seed --orders) fails with databaseFull, not "cannot rollback"; nothing was written', async () => {
    const before = await tables(store);
    const e = await rejection(seedOrders(store, { count: 500, seed: 1, now: NOW, dryRun: false }));
    expect(String(e)).not.toMatch(/cannot rollback/);
    expect((e as { code?: string }).code).toBe('SQLITE_FULL');
    expectStoreError(e, 'databaseFull');
    expect(await tables(store)).toEqual(before);
    // The store still reads, and writes what fits.
    expect((await store.order(1006313))?.status).toBe('confirmed');
  });

  it('the command: exit 1 and one line, in en and ru', async () => {
    const cli = await inProcess({ store });
    const before = await tables(store);
    const r = await cli.run(['seed', '--orders', '500']);
    expect(r).toEqual({ code: 1, stdout: '', stderr: `cowork: ${en.errors.databaseFull()}\n` });
    const json = await cli.run(['seed', '--orders', '500', '--json']);
    expect(JSON.parse(json.stderr)).toEqual({ error: { code: 'UNEXPECTED', message: en.errors.databaseFull() } });
    const russian = await cli.run(['--lang', 'ru', 'seed', '--orders', '500']);
    expect(russian).toEqual({ code: 1, stdout: '', stderr: `cowork: ${ru.errors.databaseFull()}\n` });
    expect(await tables(store)).toEqual(before);
  });
});

describe('the waits of a PostgreSQL URL', () => {
  it('defaults: connect 10 s, statement 60 s, lock 30 s; the URL goes to the driver as given', () => {
    const url = 'postgres://u:p%40ss@h:5432/db?sslmode=disable';
    expect(pgWaits(url)).toEqual({ url, waits: { connect_timeout: 10_000, statement_timeout: 60_000, lock_timeout: 30_000 } });
  });

  it('connect_timeout in seconds, the others in milliseconds, any with a unit; taken off the URL', () => {
    const r = pgWaits('postgres://u@h/db?connect_timeout=3&statement_timeout=5s&lock_timeout=1500&application_name=x');
    expect(r.waits).toEqual({ connect_timeout: 3000, statement_timeout: 5000, lock_timeout: 1500 });
    expect(new URL(r.url).searchParams.toString()).toBe('application_name=x');
    expect(pgWaits('postgres://h/db?connect_timeout=250ms&lock_timeout=2min&statement_timeout=0').waits).toEqual({
      connect_timeout: 250,
      statement_timeout: 0,
      lock_timeout: 120_000,
    });
  });

  it.each(['abc', '-1', '1.5', '10 hours', ''])('%j is a usage error (exit 2) naming the parameter', (value) => {
    let e: unknown;
    try {
      pgWaits(`postgres://h/db?statement_timeout=${encodeURIComponent(value)}`);
    } catch (x) {
      e = x;
    }
    expect(e).toBeInstanceOf(UsageError);
    expect((e as UsageError).exitCode).toBe(2);
    expect(errorText(e as UsageError, en)).toMatch(/^statement_timeout of the database URL/);
    expect(errorText(e as UsageError, ru)).toMatch(CYRILLIC);
  });
});

describe('a server that accepts the connection and never answers', () => {
  let server: Server;
  let port: number;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    server = createServer((s) => {
      sockets.push(s);
      s.on('error', () => {});
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as { port: number }).port;
  });

  afterAll(async () => {
    for (const s of sockets) s.destroy();
    await new Promise((r) => server.close(r));
  });

  it.each(['connect_timeout=1', 'connect_timeout=300ms'])('%s: the open ends with databaseTimeout, quickly', async (wait) => {
    const started = Date.now();
    const e = await rejection(openDatabase(`postgres://u:s3cret@127.0.0.1:${port}/x?${wait}`, { intent: 'read' }));
    expect(Date.now() - started).toBeLessThan(5000);
    const mapped = expectStoreError(e, 'databaseTimeout');
    expect(errorText(mapped, en)).not.toMatch(/s3cret/);
  });
});

describe.runIf(onPostgres)('a connection the server ends inside a transaction (PostgreSQL run only)', () => {
  const pg = () => createRequire(import.meta.url)('pg') as typeof import('pg');

  it('between two queries: no crash (the client error is heard), one line, and the store goes on', async () => {
    const store = await demoOn(await newPostgresDatabase());
    closeBeforeDrop(() => store.close());
    const admin = new (pg().Client)({ connectionString: adminUrl });
    await admin.connect();
    try {
      const before = await tables(store);
      const e = await rejection(
        store.write(async (tx) => {
          const author = await userOf(tx, 'manager');
          await tx.writeMessage({ orderNumber: 1006313, visibility: 'public', authorId: author.id, text: 'lost', at: NOW.toISOString() });
          const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(tx.db);
          await admin.query('select pg_terminate_backend($1)', [rows[0]!.pid]);
          // The connection's end arrives while no query of it runs: its client emits 'error'.
          await new Promise((r) => setTimeout(r, 300));
          await tx.user('admin');
        }),
      );
      expectStoreError(e, 'databaseUnreachable');
      expect(await tables(store)).toEqual(before);
    } finally {
      await admin.end();
    }
  });
});
