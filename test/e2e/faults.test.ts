/**
 * The database's faults as a script sees them, through the built bin/cowork (`npm run build`
 * first): a database that does not exist, a read-only folder, a PostgreSQL server that never
 * answers, one that ends the connection in the middle of a command. Each ends with one line on
 * stderr in the operator's language and a documented exit code, never a stack trace, and creates
 * or writes nothing. The mapping itself is tested in process: test/store/faults.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalog } from '../../src/ui/i18n.js';
import { BIN, sandbox, type Run, type Sandbox } from '../helpers/cli.js';
import { adminUrl, onPostgres } from '../helpers/targets.js';

const en = catalog('en').errors;
const ru = catalog('ru').errors;

/** A failure: its exit code, nothing on stdout, exactly this one line on stderr. */
function expectLine(r: Run, code: number, line: string): void {
  expect(r).toEqual({ code, stdout: '', stderr: `cowork: ${line}\n` });
}

describe.skipIf(onPostgres)('a database that does not exist: a read or a write creates nothing (SQLite run)', () => {
  let sb: Sandbox;
  let missing: string;
  beforeAll(() => {
    sb = sandbox();
    missing = join(sb.dir, 'missing', 'dir', 'x.db');
  });

  it.each([
    [['orders', 'list']],
    [['orders', 'show', '1006313']],
    [['pay', 'list']],
    [['msg', 'list', '1006313']],
    [['tickets', 'show', '207']],
    [['services', 'list']],
    [['users', 'list']],
    [['whoami']],
    [['db', 'status']],
    [['login', 'admin']],
    [['pay', 'record', '1006314', '--amount', '100']],
    [['orders', 'assign', '1006313', 'none']],
  ])('%j: exit 5, one line naming the path; no file, no folder', (argv) => {
    const r = sb.run(['--db', missing, '--as', 'admin', ...argv]);
    expectLine(r, 5, en.databaseMissing({ location: missing }));
    expect(existsSync(join(sb.dir, 'missing'))).toBe(false);
  });

  it('the default database (XDG data folder) on a fresh machine: says so, suggests seed --demo and db migrate', () => {
    const fresh = sandbox();
    const path = join(fresh.dir, 'data', 'cowork', 'cowork.db');
    const r = fresh.run(['orders', 'list', '--as', 'admin'], { env: { COWORK_DB: undefined } });
    expectLine(r, 5, en.databaseMissing({ location: path }));
    expect(r.stderr).toContain('`cowork seed --demo`');
    expect(r.stderr).toContain('`cowork db migrate`');
    expectLine(fresh.run(['--lang', 'ru', 'whoami'], { env: { COWORK_DB: undefined } }), 5, ru.databaseMissing({ location: path }));
    const json = fresh.run(['orders', 'list', '--json', '--as', 'admin'], { env: { COWORK_DB: undefined } });
    expect(JSON.parse(json.stderr)).toEqual({ error: { code: 'NOT_FOUND', message: en.databaseMissing({ location: path }) } });
    expect(existsSync(join(fresh.dir, 'data'))).toBe(false);
  });

  it('db migrate and seed make it; then the reads read', () => {
    const fresh = sandbox();
    const env = { COWORK_DB: undefined };
    expect(fresh.run(['db', 'migrate'], { env }).code).toBe(0);
    expect(existsSync(join(fresh.dir, 'data', 'cowork', 'cowork.db'))).toBe(true);
    // A database with no users yet: the operator is unknown (4), no longer a missing database.
    expect(fresh.run(['orders', 'list', '--as', 'admin'], { env }).code).toBe(4);
    expect(fresh.run(['seed', '--demo'], { env }).code).toBe(0);
    expect(fresh.run(['orders', 'list', '--as', 'admin'], { env }).code).toBe(0);
    const other = join(fresh.dir, 'second', 'y.db');
    expect(fresh.run(['--db', other, 'seed', '--demo']).code).toBe(0);
    expect(fresh.run(['--db', other, 'orders', 'show', '1006313', '--as', 'admin']).code).toBe(0);
  });

  it('a path with control characters is named with them made visible', () => {
    const evil = join(sb.dir, 'a\u001b[2Jb', 'x.db');
    const r = sb.run(['--db', evil, 'orders', 'list', '--as', 'admin']);
    expect({ code: r.code, stdout: r.stdout }).toEqual({ code: 5, stdout: '' });
    expect(r.stderr).not.toContain('\u001b');
    expect(r.stderr).toContain('a\\e[2Jb');
  });
});

describe.skipIf(onPostgres)('SQLite’s driver not installed (its install could not build it)', () => {
  it('a command that opens the database says so in one line (exit 1), in en and ru, and writes nothing', () => {
    const sb = sandbox({ seedDemo: true });
    const before = readFileSync(sb.env.COWORK_DB!);
    const env = { COWORK_SQLITE_ADDON: join(sb.dir, 'no-such-addon.node') };
    const said = { driver: `better-sqlite3 ${Number(process.versions.napi) >= 10 ? 13 : 12}`, node: process.versions.node };
    expectLine(sb.run(['pay', 'record', '1006314', '--amount', '100'], { env }), 1, en.sqliteDriverMissing(said));
    expectLine(sb.run(['orders', 'list', '--lang', 'ru'], { env }), 1, ru.sqliteDriverMissing(said));
    expect(readFileSync(sb.env.COWORK_DB!).equals(before)).toBe(true);
  });
});

describe.runIf(onPostgres)('a PostgreSQL database without cowork in it (PostgreSQL run)', () => {
  it('a read says there is no cowork database there (5) and migrates nothing; db status shows it empty; seed makes it', () => {
    const sb = sandbox();
    const r = sb.run(['orders', 'list', '--as', 'admin']);
    expect({ code: r.code, stdout: r.stdout }).toEqual({ code: 5, stdout: '' });
    expect(r.stderr).toMatch(/^cowork: there is no cowork database at "postgres:\/\/.*" yet: .*\n$/);
    const status = sb.run(['db', 'status', '--json']);
    expect(status.code).toBe(0);
    expect(JSON.parse(status.stdout)).toMatchObject({ current: null, applied: [] });
    expect(sb.run(['seed', '--demo']).code).toBe(0);
    expect(sb.run(['orders', 'list', '--as', 'admin']).code).toBe(0);
  });
});

/**
 * How to run the command as a user that chmod binds: this one when it is not root; as root, an
 * unprivileged uid through setpriv (util-linux) when it is there. Null when neither can be had.
 */
const unprivileged: { prefix: string[]; uid: number } | null = (() => {
  if (process.getuid?.() !== 0) return { prefix: [], uid: process.getuid?.() ?? -1 };
  const setpriv = spawnSync('setpriv', ['--version']);
  return setpriv.status === 0 ? { prefix: ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'], uid: 65534 } : null;
})();

function chownTree(path: string, uid: number): void {
  chownSync(path, uid, -1);
  for (const e of readdirSync(path, { withFileTypes: true })) {
    if (e.isDirectory()) chownTree(join(path, e.name), uid);
    else chownSync(join(path, e.name), uid, -1);
  }
}

describe.skipIf(onPostgres || unprivileged === null)(
  `a read-only folder and file (SQLite run${unprivileged === null ? '; skipped: running as root without setpriv, and chmod binds nothing for root' : ''})`,
  () => {
    let sb: Sandbox;
    let folder: string;
    let path: string;
    const run = (args: string[]): Run => {
      const [cmd = process.execPath, ...pre] = [...unprivileged!.prefix, process.execPath];
      const r = spawnSync(cmd, [...pre, BIN, '--db', path, ...args], { env: sb.env, encoding: 'utf8' });
      return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
    };

    beforeAll(() => {
      sb = sandbox();
      folder = join(sb.dir, 'db');
      mkdirSync(folder);
      path = join(folder, 'c.db');
      expect(sb.run(['--db', path, 'seed', '--demo']).code).toBe(0);
      if (unprivileged!.prefix.length) chownTree(sb.dir, unprivileged!.uid);
      chmodSync(path, 0o400);
      chmodSync(folder, 0o500);
    });

    afterAll(() => {
      chmodSync(folder, 0o700);
      chmodSync(path, 0o600);
    });

    it('the reads read', () => {
      const list = run(['orders', 'list', '--as', 'admin']);
      expect({ code: list.code, stderr: list.stderr }).toEqual({ code: 0, stderr: '' });
      expect(list.stdout).toContain('1006313');
      const show = run(['orders', 'show', '1006313', '--json', '--as', 'admin']);
      expect(show.code, show.stderr).toBe(0);
      expect(JSON.parse(show.stdout)).toMatchObject({ number: 1006313, status: 'confirmed' });
      for (const args of [
        ['db', 'status'],
        ['whoami', '--as', 'admin'],
        ['pay', 'list', '--as', 'admin'],
      ]) {
        const r = run(args);
        expect({ args, code: r.code }, r.stderr).toEqual({ args, code: 0 });
        expect(r.stderr).not.toMatch(/^cowork:/m);
      }
    });

    it("a write: one line in the operator's language, exit 1, never the driver's text", () => {
      expectLine(run(['pay', 'record', '1006314', '--amount', '100', '--as', 'admin']), 1, en.databaseReadOnly());
      expectLine(run(['--lang', 'ru', 'pay', 'record', '1006314', '--amount', '100', '--as', 'admin']), 1, ru.databaseReadOnly());
      expectLine(run(['seed', '--demo']), 1, en.databaseReadOnly());
    });

    it('and nothing was made in the folder', () => {
      expect(readdirSync(folder)).toEqual(['c.db']);
    });
  },
);

describe('a PostgreSQL server that accepts the connection and never answers', () => {
  let server: Server;
  let url: string;
  const sockets: Socket[] = [];
  let sb: Sandbox;

  beforeAll(async () => {
    sb = sandbox();
    server = createServer((s) => {
      sockets.push(s);
      s.on('error', () => {});
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `postgres://u:s3cret@127.0.0.1:${(server.address() as { port: number }).port}/cowork`;
  });

  afterAll(async () => {
    for (const s of sockets) s.destroy();
    await new Promise((r) => server.close(r));
  });

  it('connect_timeout=1: a read and a write end within seconds, one line each, in en and ru', async () => {
    const started = Date.now();
    const [read, write] = await Promise.all([
      sb.runAsync(['--db', `${url}?connect_timeout=1`, 'orders', 'list', '--as', 'admin']),
      sb.runAsync(['--lang', 'ru', '--db', `${url}?connect_timeout=1`, 'seed', '--demo']),
    ]);
    expect(Date.now() - started).toBeLessThan(8000);
    expectLine(read, 1, en.databaseTimeout());
    expectLine(write, 1, ru.databaseTimeout());
  });

  it('a wait that is not a duration is a usage error (2) naming it; the password is never printed', () => {
    const r = sb.run(['--db', `${url}?statement_timeout=soon`, 'orders', 'list', '--as', 'admin']);
    expectLine(r, 2, en.notTimeout({ name: 'statement_timeout', value: 'soon', unit: 'ms' }));
    expect(r.stderr).not.toContain('s3cret');
  });
});

describe.runIf(onPostgres)('a connection the server ends in the middle of a command (PostgreSQL run)', () => {
  const pg = () => createRequire(import.meta.url)('pg') as typeof import('pg');
  let sb: Sandbox;
  let admin: import('pg').Client;

  beforeAll(async () => {
    sb = sandbox({ seedDemo: true });
    admin = new (pg().Client)({ connectionString: adminUrl });
    await admin.connect();
  });

  afterAll(async () => {
    await admin.end();
  });

  const orders = async () => {
    const c = new (pg().Client)({ connectionString: sb.env.COWORK_DB });
    await c.connect();
    try {
      return (await c.query<{ n: string }>('select count(*) as n from orders')).rows[0]!.n;
    } finally {
      await c.end();
    }
  };

  it('pg_terminate_backend while seed --orders writes: one line, exit 1, nothing written', async () => {
    const before = await orders();
    const name = `cowork-cut-${process.pid}`;
    const db = new URL(sb.env.COWORK_DB!);
    db.searchParams.set('application_name', name);
    const running = sb.runAsync(['seed', '--orders', '20000'], { env: { COWORK_DB: db.toString() } });
    // Its transaction, once it has started writing orders (between two inserts, or in one).
    let killed = false;
    for (let i = 0; i < 1500 && !killed; i++) {
      const r = await admin.query<{ pid: number }>(
        `select pid from pg_stat_activity where application_name = $1 and xact_start is not null and query ilike 'insert%'`,
        [name],
      );
      if (r.rows[0]) killed = (await admin.query('select pg_terminate_backend($1)', [r.rows[0].pid])).rowCount === 1;
      else await new Promise((res) => setTimeout(res, 10));
    }
    const r = await running;
    expect(killed, 'the command ended before its transaction could be cut').toBe(true);
    expectLine(r, 1, en.databaseUnreachable());
    expect(await orders()).toBe(before);
  });

  it('a connection reset (ECONNRESET) mid-transaction: one line, in en and ru, nothing written', async () => {
    const server = new URL(adminUrl!);
    const proxy = createServer((client) => {
      const upstream = connect(Number(server.port || 5432), server.hostname);
      let sent = 0;
      client.on('data', (d: Buffer) => {
        upstream.write(d);
        sent += d.length;
        // Well into the orders' inserts: the command's TCP connection is reset.
        if (sent > 200_000 && !client.destroyed) {
          client.resetAndDestroy();
          upstream.destroy();
        }
      });
      upstream.on('data', (d: Buffer) => client.destroyed || client.write(d));
      client.on('error', () => upstream.destroy());
      upstream.on('error', () => client.destroy());
      client.on('close', () => upstream.destroy());
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
    try {
      const db = new URL(sb.env.COWORK_DB!);
      db.hostname = '127.0.0.1';
      db.port = String((proxy.address() as { port: number }).port);
      const before = await orders();
      const [r, rr] = [
        await sb.runAsync(['seed', '--orders', '20000'], { env: { COWORK_DB: db.toString() } }),
        await sb.runAsync(['--lang', 'ru', 'seed', '--orders', '20000'], { env: { COWORK_DB: db.toString() } }),
      ];
      expectLine(r, 1, en.databaseUnreachable());
      expectLine(rr, 1, ru.databaseUnreachable());
      expect(await orders()).toBe(before);
    } finally {
      await new Promise((r) => proxy.close(r));
    }
  });
});
