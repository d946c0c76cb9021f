/**
 * SQLite migrations are atomic: a first run or an upgrade killed at a random moment leaves a
 * database that the next run migrates and uses; a database that an older cowork left
 * half-migrated is completed by `db migrate`; concurrent first runs wait for each other.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSqlite } from '../../src/store/sqlite-driver.js';
import { BIN, sandbox } from '../helpers/cli.js';
import { onPostgres } from '../helpers/targets.js';

const openSqlite = await loadSqlite();

const KILLS = 12;

/** Starts cowork on `db` and kills it with SIGKILL after `ms`; resolves when it has gone. */
function killAfter(env: Record<string, string>, db: string, args: string[], ms: number): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, '--db', db, ...args], { env, stdio: 'ignore' });
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    child.on('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** A seeded database brought back to how cowork's first release left it: migrated to 0001 only. */
function olderDatabase(path: string): void {
  const db = openSqlite(path);
  db.exec(`drop index orders_created_number; drop index orders_service_created_number;
           create index orders_service_created on orders (service_id, created_at);
           create index orders_created on orders (created_at);
           delete from kysely_migration where name > '0001_initial';`);
  db.close();
}

describe.skipIf(onPostgres)('atomic migrations (SQLite)', () => {
  const sb = sandbox();
  const dir = mkdtempSync(join(tmpdir(), 'cowork-mig-'));

  it(`a new database: ${KILLS} kills at random moments of its first run, each usable afterwards`, async () => {
    for (let i = 0; i < KILLS; i++) {
      const db = join(dir, `new-${i}.db`);
      await killAfter(sb.env, db, ['db', 'migrate'], 40 + Math.floor(Math.random() * 260));
      const after = sb.run(['--db', db, 'seed', '--demo']);
      expect(after.code, after.stderr).toBe(0);
      expect(sb.run(['--db', db, '--as', 'manager', 'orders', 'show', '1006313', '--json']).code).toBe(0);
    }
  }, 180_000);

  it(`an upgrade with data: ${KILLS} kills at random moments, each usable afterwards`, async () => {
    const seeded = join(dir, 'seeded.db');
    expect(sb.run(['--db', seeded, 'seed', '--demo']).code).toBe(0);
    olderDatabase(seeded);
    for (let i = 0; i < KILLS; i++) {
      const db = join(dir, `old-${i}.db`);
      copyFileSync(seeded, db);
      await killAfter(sb.env, db, ['--as', 'manager', 'orders', 'list'], 40 + Math.floor(Math.random() * 260));
      const after = sb.run(['--db', db, '--as', 'manager', 'orders', 'show', '1006313', '--json']);
      expect(after.code, after.stderr).toBe(0);
      expect(JSON.parse(after.stdout).number).toBe(1006313);
    }
  }, 180_000);

  it('db migrate completes a database an older cowork left half-migrated', () => {
    // Half of the first migration: some tables, no record of it.
    const half = join(dir, 'half.db');
    const db = openSqlite(half);
    db.exec(`create table locations (id integer primary key autoincrement, key text not null unique, name text not null,
               time_zone text not null, currency text not null default 'RUB', min_remaining integer not null default 5000);
             create table users (id integer primary key autoincrement, login text not null unique, name text not null,
               phone text, email text, role text not null, created_at text not null);`);
    db.close();
    const r = sb.run(['--db', half, 'db', 'migrate']);
    expect(r.code, r.stderr).toBe(0);
    expect(sb.run(['--db', half, 'seed', '--demo']).code).toBe(0);
    // Half of an upgrade: one old index dropped, the upgrade not recorded.
    const upgrade = join(dir, 'half-upgrade.db');
    expect(sb.run(['--db', upgrade, 'seed', '--demo']).code).toBe(0);
    olderDatabase(upgrade);
    const u = openSqlite(upgrade);
    u.exec('drop index orders_created');
    u.close();
    const m = sb.run(['--db', upgrade, 'db', 'migrate']);
    expect(m.code, m.stderr).toBe(0);
    expect(sb.run(['--db', upgrade, '--as', 'manager', 'orders', 'list']).code).toBe(0);
  });

  it('concurrent first runs on one new file wait for each other instead of failing', async () => {
    const db = join(dir, 'together.db');
    const runs = await Promise.all(Array.from({ length: 4 }, () => sb.runAsync(['--db', db, 'db', 'migrate'])));
    expect(runs.map((r) => r.code)).toEqual([0, 0, 0, 0]);
    expect(sb.run(['--db', db, 'seed', '--demo']).code).toBe(0);
  });
});
