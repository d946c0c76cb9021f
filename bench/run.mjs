#!/usr/bin/env node
// cowork's benchmark: a report, not a test. Run by `npm run bench` (which builds first).
//
//   node bench/run.mjs [SECTION…] [--json]
//
// SECTION is one of the names in SECTIONS below (none: all of them). Each section is a function
// that returns rows { name, value, unit, ratio?, limit?, note? }; at the end the rows are printed
// as an aligned table on stdout, or as JSON with --json. Progress goes to stderr.
// A limit applies to the ratio when the row has one, else to the value; the verdict is PASS when
// it is within the limit, OVER when it is not.
//
// Exit code: 0 whatever the verdicts; 1 when a command that is measured or needed failed (its
// stderr is printed); 2 for an unknown section or a malformed BENCH_* variable.
//
// Environment: BENCH_NODES (the Node majors the startup section runs under, default 20,24),
// BENCH_RUNS (startup runs per command, default 20, at least 15), BENCH_WARMUP
// (default 3), BENCH_ORDERS (orders written by the bulk section, default 100000),
// BENCH_SEED_RUNS (rounds of the seed --orders measurement, default 3), BENCH_LIST_RUNS (rounds
// of the orders list measurement, default 3), BENCH_IMPORT_RUNS (rounds of the pay import
// measurement, default 5), BENCH_SEARCH_RUNS (rounds of the orders list --search measurement,
// default 3), BENCH_KEEP=1
// (keep the temporary folder and say where it is).
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const CLI = join(ROOT, 'bin', 'cowork');
const SEA = join(ROOT, 'dist-sea', 'cowork');
const TIME = '/usr/bin/time';

// ---------------------------------------------------------------------------------------------
// Sections. Add one by writing a function (ctx) => rows and listing it here.

const SECTIONS = [
  { name: 'startup', describe: 'start-up time of cowork against `node -e 0`', run: startupSection },
  {
    name: 'bulk',
    describe: 'seed --orders, pay import, orders list --format ndjson and orders list --search against raw better-sqlite3',
    run: bulkSection,
  },
  { name: 'desk', describe: "cowork desk's first screen against orders list, in a terminal", run: deskSection },
  { name: 'statement', describe: 'pay import of a 900 000-row statement: time against a raw floor, peak memory', run: statementSection },
];

// ---------------------------------------------------------------------------------------------
// Helpers

class CommandFailed extends Error {
  constructor(label, result) {
    const how = result.signal ? `killed by ${result.signal}` : `exit code ${result.status}`;
    super(`${label}: ${how}`);
    this.label = label;
    this.stderr = result.stderr ?? '';
  }
}

class UsageError extends Error {}

function intEnv(name, fallback, min = 1) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min) throw new UsageError(`${name}=${raw}: expected an integer ≥ ${min}`);
  return Number(raw);
}

function log(message) {
  process.stderr.write(`bench: ${message}\n`);
}

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

const nsToMs = (ns) => Number(ns) / 1e6;

/**
 * A clean environment of its own, as a user's shell would give: PATH and a locale, a private HOME,
 * XDG folders and database, operator `manager`. Nothing else of this machine's environment is
 * passed on: NODE_EXTRA_CA_CERTS alone makes every node start load a CA bundle (about +40 ms),
 * and NODE_OPTIONS or the like would change what is measured. The baseline `node -e 0` runs in
 * the same environment.
 */
function benchEnv(tmp, db) {
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    LANG: 'C',
    HOME: join(tmp, 'home'),
    XDG_DATA_HOME: join(tmp, 'data'),
    XDG_CONFIG_HOME: join(tmp, 'config'),
    COWORK_DB: db,
    COWORK_USER: 'manager',
    NO_COLOR: '1',
  };
}

/** Runs a command to completion; its output is piped and kept (for small outputs only). */
function run(label, argv, env, opts = {}) {
  const result = spawnSync(argv[0], argv.slice(1), {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    ...opts,
  });
  if (result.error) throw new CommandFailed(label, { status: null, signal: null, stderr: String(result.error) });
  if (result.status !== 0 && !opts.allowFailure) throw new CommandFailed(label, result);
  return result;
}

/** Times one run of a command whose output is discarded (piped, then dropped). */
function timeOnce(label, argv, env) {
  const start = process.hrtime.bigint();
  const result = spawnSync(argv[0], argv.slice(1), { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
  const elapsed = process.hrtime.bigint() - start;
  if (result.error) throw new CommandFailed(label, { status: null, signal: null, stderr: String(result.error) });
  if (result.status !== 0) throw new CommandFailed(label, { ...result, stderr: result.stderr?.toString('utf8') });
  return elapsed;
}

/**
 * Runs a command with stdout piped into a counting sink (bytes and lines are counted, nothing is
 * kept). Wrapped in /usr/bin/time when it exists, for the peak RSS. Resolves to the wall time.
 */
function timeStreaming(label, argv, env, tmp) {
  const rssFile = join(tmp, `rss-${process.hrtime.bigint()}.txt`);
  const haveTime = existsSync(TIME);
  const full = haveTime ? [TIME, '-f', '%M', '-o', rssFile, ...argv] : argv;
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(full[0], full.slice(1), { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let bytes = 0;
    let lines = 0;
    const stderr = [];
    child.stdout.on('data', (chunk) => {
      bytes += chunk.length;
      for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
    });
    child.stderr.on('data', (chunk) => stderr.push(chunk));
    child.on('error', (err) => reject(new CommandFailed(label, { status: null, signal: null, stderr: String(err) })));
    child.on('close', (status, signal) => {
      const ns = process.hrtime.bigint() - start;
      const err = Buffer.concat(stderr).toString('utf8');
      if (status !== 0) return reject(new CommandFailed(label, { status, signal, stderr: err }));
      let rssKb = null;
      if (haveTime) {
        const last = readFileSync(rssFile, 'utf8').trim().split('\n').pop();
        rssKb = Number(last);
        if (!Number.isFinite(rssKb)) rssKb = null;
      }
      resolve({ ns, bytes, lines, rssKb });
    });
  });
}

function loadSqlite() {
  // The project's own driver, from its node_modules.
  return createRequire(join(ROOT, 'package.json'))('better-sqlite3');
}

function countRows(dbPath, tables) {
  const SQLite = loadSqlite();
  const db = new SQLite(dbPath);
  try {
    const counts = {};
    for (const t of tables) counts[t] = db.prepare(`select count(*) as n from "${t}"`).get().n;
    return counts;
  } finally {
    db.close();
  }
}

// ---------------------------------------------------------------------------------------------
// startup

async function startupSection(ctx) {
  const runs = intEnv('BENCH_RUNS', 20, 15);
  const warmup = intEnv('BENCH_WARMUP', 3, 0);
  const env = benchEnv(ctx.tmp, join(ctx.tmp, 'bench.db'));
  ctx.ensureDemo();

  const db = join(ctx.tmp, 'bench.db');
  const showFloor = join(ctx.tmp, 'raw-show.cjs');
  const listFloor = join(ctx.tmp, 'raw-list50.cjs');
  writeFileSync(showFloor, RAW_SHOW_SCRIPT);
  writeFileSync(listFloor, RAW_LIST50_SCRIPT);
  // The same floors writing their output with fs.writeSync, as cowork writes to a pipe or a file,
  // without making Node's stdout stream: reported beside, for what cowork itself costs.
  const strictShowFloor = join(ctx.tmp, 'raw-show-strict.cjs');
  const strictListFloor = join(ctx.tmp, 'raw-list50-strict.cjs');
  writeFileSync(strictShowFloor, writingDirectly(RAW_SHOW_SCRIPT));
  writeFileSync(strictListFloor, writingDirectly(RAW_LIST50_SCRIPT));

  // Each Node that BENCH_NODES names (default: 20 and 24, each fetched once by scripts/node.mjs
  // when it is not the one running), then the single executable when dist-sea/cowork exists (it
  // carries Node 24: its baseline and floors are Node 24's). Each command against its baseline
  // (`vs`): start-up against `node -e 0`, a read against a raw better-sqlite3 script doing the same
  // reads with the driver that Node gets (src/store/sqlite-driver.ts). All in the same rounds.
  const commands = [];
  const nodes = await benchNodes();
  for (const n of nodes) {
    const driver = Number(n.napi) >= 10 ? 'better-sqlite3-napi' : 'better-sqlite3';
    const at = (name) => `${name} (Node ${n.version})`;
    const e = { ...env, ...n.env };
    const base = commands.length;
    commands.push({ name: at('node -e 0 (baseline)'), argv: [n.node, '-e', '0'], env: e });
    commands.push({ name: at('cowork --version'), argv: [n.node, CLI, '--version'], env: e, vs: base, limit: 1.15 });
    commands.push({ name: at('cowork --help'), argv: [n.node, CLI, '--help'], env: e, vs: base, limit: 1.15 });
    commands.push({
      name: at('raw better-sqlite3: the reads of orders show (floor)'),
      argv: [n.node, showFloor, ROOT, db, '1006313', driver],
      env: e,
      vs: base,
    });
    commands.push({
      name: at('cowork orders show 1006313 --json'),
      argv: [n.node, CLI, 'orders', 'show', '1006313', '--json'],
      env: e,
      vs: base + 3,
      limit: 1.25,
      strict: base + 7,
    });
    commands.push({
      name: at('raw better-sqlite3: 50 newest orders (floor)'),
      argv: [n.node, listFloor, ROOT, db, driver],
      env: e,
      vs: base,
    });
    commands.push({
      name: at('cowork orders list (50 rows)'),
      argv: [n.node, CLI, 'orders', 'list'],
      env: e,
      vs: base + 5,
      limit: 1.35,
      strict: base + 8,
    });
    commands.push({
      name: at('raw better-sqlite3: the reads of orders show, written by fs.writeSync (strict floor)'),
      argv: [n.node, strictShowFloor, ROOT, db, '1006313', driver],
      env: e,
      vs: base,
    });
    commands.push({
      name: at('raw better-sqlite3: 50 newest orders, written by fs.writeSync (strict floor)'),
      argv: [n.node, strictListFloor, ROOT, db, driver],
      env: e,
      vs: base,
    });
    if (n.major === '24' && existsSync(SEA)) {
      const sea = (name) => `${name} (the single executable)`;
      commands.push({ name: sea('cowork --version'), argv: [SEA, '--version'], env, vs: base, limit: 1.15 });
      commands.push({ name: sea('cowork --help'), argv: [SEA, '--help'], env, vs: base, limit: 1.15 });
      commands.push({
        name: sea('cowork orders show 1006313 --json'),
        argv: [SEA, 'orders', 'show', '1006313', '--json'],
        env,
        vs: base + 3,
        limit: 1.25,
        strict: base + 7,
      });
      commands.push({
        name: sea('cowork orders list (50 rows)'),
        argv: [SEA, 'orders', 'list'],
        env,
        vs: base + 5,
        limit: 1.35,
        strict: base + 8,
      });
    }
  }
  const samples = commands.map(() => []);
  log(`startup: ${warmup} warm-up and ${runs} measured rounds of ${commands.length} commands, interleaved`);
  for (let round = 0; round < warmup + runs; round++) {
    commands.forEach((c, i) => {
      const ns = timeOnce(c.name, c.argv, c.env);
      if (round >= warmup) samples[i].push(nsToMs(ns));
    });
  }
  const medians = samples.map(median);
  return commands.flatMap((c, i) => {
    const row = { name: `${c.name}, median of ${runs}`, value: round2(medians[i]), unit: 'ms' };
    if (c.vs !== undefined) Object.assign(row, { ratio: round2(medians[i] / medians[c.vs]) }, c.limit ? { limit: c.limit } : {});
    if (c.strict === undefined) return [row];
    const strict = {
      name: `${c.name}, against the strict floor`,
      value: round2(medians[i]),
      unit: 'ms',
      ratio: round2(medians[i] / medians[c.strict]),
    };
    return [row, strict];
  });
}

/** A floor script that writes its output with fs.writeSync instead of process.stdout. */
function writingDirectly(script) {
  const direct = script.replace('process.stdout.write(', "require('node:fs').writeSync(1, ");
  if (direct === script) throw new Error('a floor script no longer writes through process.stdout.write');
  return direct;
}

/**
 * The Nodes to measure under: BENCH_NODES (majors, e.g. `20,24`; default `20,24`), each the running
 * Node when it is of that major, else one that scripts/node.mjs provides (fetched once from the npm
 * registry). { node, env, version, major, napi }.
 */
async function benchNodes() {
  const raw = process.env.BENCH_NODES ?? '20,24';
  const majors = raw.split(/[\s,]+/).filter(Boolean);
  if (!majors.length || majors.some((m) => !/^\d+$/.test(m))) throw new UsageError(`BENCH_NODES=${raw}: expected majors such as 20,24`);
  const { provideNode } = await import('../scripts/node.mjs');
  return majors.map((major) => {
    const n = provideNode(major);
    // Only what the store needs of it: the addon of better-sqlite3 12 built for that Node, if any.
    const env = n.env.COWORK_SQLITE_ADDON ? { COWORK_SQLITE_ADDON: n.env.COWORK_SQLITE_ADDON } : {};
    const napi = spawnSync(n.node, ['-p', 'process.versions.napi'], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '' },
    }).stdout.trim();
    return { node: n.node, env, version: n.version, major, napi };
  });
}

// The raw floor of `orders show N --json`: the order with its service, applicant, executor,
// ticket and lines, its payments and its messages, read by better-sqlite3 and printed as JSON.
const RAW_SHOW_SCRIPT = `
const [root, dbPath, number, driver] = process.argv.slice(2);
const SQLite = require(require.resolve(driver, { paths: [root] }));
const db = new SQLite(dbPath, { timeout: 30000 });
const n = Number(number);
const order = db.prepare(\`select o.*, s.slug, s.name as service_name, s.partial_payment, a.login, a.name as applicant_name,
  a.phone, a.role, e.login as assignee_login, t.number as ticket, t.status as ticket_status, t.visitor_name, t.visitor_phone,
  t.start_at, t.end_at from orders o join services s on s.id = o.service_id join users a on a.id = o.applicant_id
  left join users e on e.id = o.assignee_id left join tickets t on t.order_number = o.number where o.number = ?\`).get(n);
const lines = db.prepare('select * from order_lines where order_number = ?').all(n);
const payments = db.prepare('select * from payments where order_number = ? order by id').all(n);
const messages = db.prepare('select m.*, u.name from messages m left join users u on u.id = m.author_id where m.order_number = ? order by m.id').all(n);
process.stdout.write(JSON.stringify({ ...order, lines, payments, messages }, null, 2) + '\\n');
db.close();
`;

// The raw floor of \`orders list\`: the 50 newest orders with their service, applicant, executor and
// ticket, printed as tab-separated lines.
const RAW_LIST50_SCRIPT = `
const [root, dbPath, driver] = process.argv.slice(2);
const SQLite = require(require.resolve(driver, { paths: [root] }));
const db = new SQLite(dbPath, { timeout: 30000 });
const rows = db.prepare(\`select o.number, o.created_at, o.status, o.total, o.paid, s.slug, a.name, e.login, t.start_at, t.end_at
  from orders o join services s on s.id = o.service_id join users a on a.id = o.applicant_id
  left join users e on e.id = o.assignee_id left join tickets t on t.order_number = o.number
  order by o.created_at desc, o.number desc limit 50\`).all();
process.stdout.write(rows.map((r) => Object.values(r).join('\\t')).join('\\n') + '\\n');
db.close();
`;

// ---------------------------------------------------------------------------------------------
// desk

// Runs a command in a pseudo-terminal (100×40) and prints the milliseconds from its start until
// the terminal shows WANT (then it gets Ctrl-C, as an operator leaves it), or until it exits when
// WANT is empty.
const PTY_TIMER = `
import os, pty, select, signal, struct, sys, time, fcntl, termios
want = sys.argv[1].encode()
cmd = sys.argv[2:]
start = time.perf_counter()
pid, fd = pty.fork()
if pid == 0:
    fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack('HHHH', 40, 100, 0, 0))
    os.execvp(cmd[0], cmd)
seen = b''
while True:
    r, _, _ = select.select([fd], [], [], 10)
    if not r:
        print('timeout'); sys.exit(1)
    try:
        data = os.read(fd, 65536)
    except OSError:
        data = b''
    if not data:
        break
    seen += data
    if want and want in seen:
        break
elapsed = (time.perf_counter() - start) * 1000
if want and want not in seen:
    print('never saw ' + want.decode()); sys.exit(1)
if want:
    # Left as an operator leaves it, with Ctrl-C: a command ends its run as it does then (it keeps
    # its code cache, which a killed process never writes). Killed only if it has not gone in 10 s.
    os.write(fd, b'\\x03')
    end = time.time() + 10
    while time.time() < end:
        r, _, _ = select.select([fd], [], [], 0.2)
        try:
            if r and not os.read(fd, 65536):
                break
        except OSError:
            break
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
os.waitpid(pid, 0)
print(f'{elapsed:.3f}')
`;

/**
 * The desk's first screen (the list of orders, its first order drawn) against `orders list` (the
 * table, to its exit), both in a pseudo-terminal, interleaved rounds; ratio of the medians.
 */
async function deskSection(ctx) {
  const runs = intEnv('BENCH_RUNS', 20, 15);
  const warmup = intEnv('BENCH_WARMUP', 3, 0);
  const env = { ...benchEnv(ctx.tmp, join(ctx.tmp, 'bench.db')), TERM: 'xterm-256color' };
  ctx.ensureDemo();
  const timer = join(ctx.tmp, 'pty-timer.py');
  writeFileSync(timer, PTY_TIMER);
  const measure = (label, want, argv) => {
    const r = spawnSync('python3', [timer, want, ...argv], { env, encoding: 'utf8' });
    if (r.status !== 0) throw new CommandFailed(label, { status: r.status, signal: r.signal, stderr: `${r.stdout}${r.stderr}` });
    return Number(r.stdout.trim());
  };
  const list = [];
  const desk = [];
  log(`desk: ${warmup} warm-up and ${runs} measured rounds in a pseudo-terminal, interleaved`);
  for (let round = 0; round < warmup + runs; round++) {
    const l = measure('cowork orders list', '', [process.execPath, CLI, 'orders', 'list']);
    const d = measure('cowork desk', '1006315', [process.execPath, CLI, 'desk']);
    if (round >= warmup) {
      list.push(l);
      desk.push(d);
    }
  }
  const base = median(list);
  const first = median(desk);
  return [
    { name: `cowork orders list in a terminal, median of ${runs}`, value: round2(base), unit: 'ms' },
    { name: `cowork desk, first screen, median of ${runs}`, value: round2(first), unit: 'ms', ratio: round2(first / base), limit: 1.5 },
  ];
}

// ---------------------------------------------------------------------------------------------
// bulk

const BULK_TABLES = ['orders', 'tickets', 'order_lines', 'payments', 'messages'];
// How to find the rows written after the demo: each table's key, and how a row names its order.
const TABLE_KEYS = {
  orders: { key: 'number', order: 'number' },
  tickets: { key: 'number', order: 'order_number' },
  order_lines: { key: 'id', order: 'order_number' },
  payments: { key: 'id', order: 'order_number' },
  messages: { key: 'id', order: 'order_number' },
};

async function bulkSection(ctx) {
  const n = intEnv('BENCH_ORDERS', 100_000);
  const rows = [];

  const help = run('cowork seed --help', [process.execPath, CLI, 'seed', '--help'], benchEnv(ctx.tmp, join(ctx.tmp, 'bench.db')));
  if (!help.stdout.includes('--orders')) {
    return [{ name: 'seed --orders', value: null, unit: '', note: 'skipped: `cowork seed --help` does not mention --orders' }];
  }

  // (b) cowork seed --orders N, against a fresh demo database, and (a) the floor: the same rows,
  // into the same schema (a fresh demo database), by prepared statements in one transaction, with
  // cowork's pragmas. Interleaved rounds, each on fresh copies of one demo database; the medians
  // are reported. The first round's database is kept for the measurements that follow.
  const demoDb = join(ctx.tmp, 'bulk-demo.db');
  run('cowork seed --demo (bulk-demo.db)', [process.execPath, CLI, 'seed', '--demo'], benchEnv(ctx.tmp, demoDb));
  const before = maxKeys(demoDb);
  const countsBefore = countRows(demoDb, BULK_TABLES);
  const seedDb = join(ctx.tmp, 'bulk-seed.db');
  const seedEnv = benchEnv(ctx.tmp, seedDb);
  const floorDb = join(ctx.tmp, 'bulk-floor.db');
  const seedRuns = intEnv('BENCH_SEED_RUNS', 3);
  /** One timed seed --orders into a fresh copy of the demo database; the rows per table after it. */
  const seedInto = (target) => {
    copyDb(demoDb, target);
    const ns = timeOnce(`cowork seed --orders ${n}`, [process.execPath, CLI, 'seed', '--orders', String(n)], benchEnv(ctx.tmp, target));
    return { ns, counts: countRows(target, BULK_TABLES) };
  };
  log(`bulk: cowork seed --orders ${n} against the raw better-sqlite3 floor, ${seedRuns} rounds`);
  const first = seedInto(seedDb);
  const countsAfter = first.counts;
  const written = Object.fromEntries(BULK_TABLES.map((t) => [t, countsAfter[t] - countsBefore[t]]));
  const totalRows = Object.values(written).reduce((a, b) => a + b, 0);
  if (written.orders !== n) {
    throw new CommandFailed(`cowork seed --orders ${n}`, {
      status: 0,
      signal: null,
      stderr: `wrote ${written.orders} orders, expected ${n}\n`,
    });
  }
  log(`bulk: seed --orders wrote ${totalRows} rows (${BULK_TABLES.map((t) => `${t} ${written[t]}`).join(', ')})`);
  const seedNs = [first.ns];
  const floorNs = [];
  for (let round = 0; round < seedRuns; round++) {
    if (round > 0) {
      const again = seedInto(join(ctx.tmp, 'bulk-seed-again.db'));
      if (BULK_TABLES.some((t) => again.counts[t] !== countsAfter[t])) {
        throw new CommandFailed(`cowork seed --orders ${n}`, {
          status: 0,
          signal: null,
          stderr: `round ${round + 1} wrote other rows than round 1\n`,
        });
      }
      seedNs.push(again.ns);
    }
    copyDb(demoDb, floorDb);
    floorNs.push(rawInsertFloor(seedDb, floorDb, before, written).ns);
  }

  const seedSec = nsToMs(median(seedNs.map(Number))) / 1000;
  const floorSec = nsToMs(median(floorNs.map(Number))) / 1000;
  rows.push(
    {
      name: `raw better-sqlite3 insert floor (${totalRows} rows, median ${round2(floorSec)} s of ${seedRuns})`,
      value: Math.round(totalRows / floorSec),
      unit: 'rows/s',
    },
    {
      name: `cowork seed --orders ${n} (median ${round2(seedSec)} s of ${seedRuns})`,
      value: Math.round(totalRows / seedSec),
      unit: 'rows/s',
      ratio: round2(seedSec / floorSec),
      limit: 3.0,
    },
  );

  // pay import: measured when the command exists.
  const payHelp = run('cowork pay import --help', [process.execPath, CLI, 'pay', 'import', '--help'], seedEnv, { allowFailure: true });
  if (!/Usage: cowork pay import/.test(payHelp.stdout)) {
    rows.push({ name: 'cowork pay import (10 000 rows)', value: null, unit: '', note: 'skipped: no `pay import` command in this build' });
  } else {
    rows.push(...payImportRows(ctx, seedDb));
  }

  // (c) orders list --format ndjson over the N-order database, against a raw select: interleaved
  // rounds, the median time of each side and its highest peak RSS.
  const listArgv = [process.execPath, CLI, 'orders', 'list', '--format', 'ndjson'];
  const rawScript = join(ctx.tmp, 'raw-list.mjs');
  writeFileSync(rawScript, RAW_LIST_SCRIPT);
  const listRuns = intEnv('BENCH_LIST_RUNS', 3);
  const lists = [];
  const raws = [];
  log(
    `bulk: cowork orders list --format ndjson over ${countsAfter.orders} orders against a raw select + JSON.stringify, ${listRuns} rounds`,
  );
  for (let round = 0; round < listRuns; round++) {
    lists.push(await timeStreaming('cowork orders list --format ndjson', listArgv, seedEnv, ctx.tmp));
    raws.push(await timeStreaming('raw select + JSON.stringify', [process.execPath, rawScript, ROOT, seedDb], seedEnv, ctx.tmp));
  }
  const summarize = (runs) => ({
    ...runs[0],
    ns: median(runs.map((r) => Number(r.ns))),
    rssKb: runs.some((r) => r.rssKb === null) ? null : Math.max(...runs.map((r) => r.rssKb)),
  });
  const list = summarize(lists);
  const raw = summarize(raws);
  const listMs = nsToMs(list.ns);
  const rawMs = nsToMs(raw.ns);
  rows.push(
    {
      name: `raw select + JSON.stringify (${raw.lines} lines, ${mb(raw.bytes)} MB, median of ${listRuns})`,
      value: Math.round(rawMs),
      unit: 'ms',
    },
    {
      name: `cowork orders list --format ndjson (${list.lines} lines, ${mb(list.bytes)} MB, median of ${listRuns})`,
      value: Math.round(listMs),
      unit: 'ms',
      ratio: round2(listMs / rawMs),
      limit: 2.0,
    },
  );
  const offCount = lists.find((r) => r.lines !== countsAfter.orders);
  if (offCount) {
    rows.push({
      name: 'orders list --format ndjson line count',
      value: offCount.lines,
      unit: 'lines',
      note: `expected ${countsAfter.orders}, one per order`,
    });
  }
  if (list.rssKb === null) {
    rows.push({ name: 'cowork orders list --format ndjson, peak RSS', value: null, unit: 'MB', note: `skipped: ${TIME} not found` });
  } else {
    rows.push(
      { name: 'raw select + JSON.stringify, peak RSS', value: raw.rssKb === null ? null : round1(raw.rssKb / 1024), unit: 'MB' },
      { name: 'cowork orders list --format ndjson, peak RSS', value: round1(list.rssKb / 1024), unit: 'MB', limit: 150 },
    );
  }
  rows.push(...searchRows(ctx, seedDb, seedEnv));
  return rows;
}

// ---------------------------------------------------------------------------------------------
// bulk: orders list --search

/**
 * What a desk types into `orders list --search` over the N-order database: a guest's name and a
 * guest's phone digits (each a third of the generated orders belongs to one of the demo's three
 * guests), a visitor's name and phone digits that only one demo order has.
 */
const SEARCHES = [
  { label: "a guest's name", text: 'Трошков', mode: 'name' },
  { label: "a guest's phone digits", text: '2545454', mode: 'phone' },
  { label: "one visitor's name", text: 'Сергей Петров', mode: 'name' },
  { label: "one visitor's phone digits", text: '0000004', mode: 'phone' },
];

/**
 * `cowork orders list --search TEXT` (the table, piped: 50 rows, and on stderr how many more),
 * against the same answer by a raw script without cowork's search keys and indexes: LIKE '%TEXT%'
 * on the applicant's and the visitor's names (as typed: SQLite folds no Cyrillic case) or phones,
 * newest first, 50 rows, then the count of the rest. Interleaved rounds, medians compared.
 */
function searchRows(ctx, seedDb, env) {
  const help = run('cowork orders list --help', [process.execPath, CLI, 'orders', 'list', '--help'], env);
  if (!help.stdout.includes('--search')) {
    return [{ name: 'cowork orders list --search', value: null, unit: '', note: 'skipped: no --search in this build' }];
  }
  const rawScript = join(ctx.tmp, 'raw-search.mjs');
  writeFileSync(rawScript, RAW_SEARCH_SCRIPT);
  const runs = intEnv('BENCH_SEARCH_RUNS', 3);
  const sides = SEARCHES.flatMap((s) => [
    {
      s,
      name: `cowork orders list --search ${JSON.stringify(s.text)}`,
      argv: [process.execPath, CLI, 'orders', 'list', '--search', s.text],
    },
    { s, name: `raw LIKE '%${s.text}%'`, argv: [process.execPath, rawScript, ROOT, seedDb, s.mode, s.text] },
  ]);
  // The two sides print the same rows: the same number of lines.
  for (let i = 0; i < sides.length; i += 2) {
    const [mine, raw] = [run(sides[i].name, sides[i].argv, env), run(sides[i + 1].name, sides[i + 1].argv, env)];
    const lines = (r) => r.stdout.split('\n').filter(Boolean).length;
    if (lines(mine) !== lines(raw)) {
      throw new CommandFailed(sides[i].name, {
        status: 0,
        signal: null,
        stderr: `${lines(mine)} rows; the raw search found ${lines(raw)}\n`,
      });
    }
  }
  log(`bulk: cowork orders list --search against a raw LIKE scan, ${SEARCHES.length} searches, ${runs} rounds`);
  const samples = sides.map(() => []);
  for (let round = 0; round < runs; round++) sides.forEach((side, i) => samples[i].push(nsToMs(timeOnce(side.name, side.argv, env))));
  const out = [];
  for (let i = 0; i < sides.length; i += 2) {
    const mine = median(samples[i]);
    const raw = median(samples[i + 1]);
    const what = sides[i].s.label;
    out.push(
      { name: `${sides[i + 1].name}, 50 rows and the count (${what}, median of ${runs})`, value: Math.round(raw), unit: 'ms' },
      { name: `${sides[i].name} (${what}, median of ${runs})`, value: Math.round(mine), unit: 'ms', ratio: round2(mine / raw), limit: 2.0 },
    );
  }
  return out;
}

// The raw baseline of `orders list --search`: what a script without search keys would run.
const RAW_SEARCH_SCRIPT = `
import { createRequire } from 'node:module';
import { join } from 'node:path';
const [root, dbPath, mode, text] = process.argv.slice(2);
const SQLite = createRequire(join(root, 'package.json'))('better-sqlite3');
const db = new SQLite(dbPath, { timeout: 30000, readonly: true });
const where = mode === 'phone'
  ? "(replace(a.phone, '+', '') like @p or replace(t.visitor_phone, '+', '') like @p)"
  : '(a.name like @p or t.visitor_name like @p)';
const from = \`from orders o join users a on a.id = o.applicant_id left join tickets t on t.order_number = o.number where \${where}\`;
const p = '%' + text + '%';
let out = '';
for (const row of db.prepare(\`select o.*, t.number as ticket_number, t.visitor_name, t.start_at, t.end_at, a.name as applicant_name
    \${from} order by o.created_at desc, o.number desc limit 50\`).iterate({ p })) out += JSON.stringify(row) + '\\n';
process.stdout.write(out);
const { n } = db.prepare(\`select count(*) as n \${from}\`).get({ p });
if (n > 50) process.stderr.write(\`… \${n - 50} more\\n\`);
db.close();
`;

/** The highest key of each bulk table: rows above it were written by seed --orders. */
function maxKeys(dbPath) {
  const SQLite = loadSqlite();
  const db = new SQLite(dbPath);
  try {
    return Object.fromEntries(
      BULK_TABLES.map((t) => [t, db.prepare(`select coalesce(max("${TABLE_KEYS[t].key}"), 0) as m from "${t}"`).get().m]),
    );
  } finally {
    db.close();
  }
}

/**
 * Copies the rows seed --orders wrote in `fromPath` into `toPath` (a fresh demo database, so the
 * same schema, constraints, indexes and demo rows), order by order as a generator would write them,
 * with prepared statements in one transaction. Only the transaction is timed; reading the rows is
 * not. Checks that the floor wrote the same number of rows per table.
 */
function rawInsertFloor(fromPath, toPath, before, written) {
  const SQLite = loadSqlite();
  const src = new SQLite(fromPath, { readonly: true });
  // Read every generated row into memory, grouped by order (outside the timing).
  const byOrder = new Map();
  const columns = {};
  for (const t of BULK_TABLES) {
    const { key, order } = TABLE_KEYS[t];
    const stmt = src.prepare(`select * from "${t}" where "${key}" > ? order by "${key}"`).raw(true);
    columns[t] = stmt.columns().map((c) => c.name);
    const orderIdx = columns[t].indexOf(order);
    for (const values of stmt.iterate(before[t])) {
      const num = values[orderIdx];
      let group = byOrder.get(num);
      if (!group) byOrder.set(num, (group = []));
      group.push(t, values);
    }
  }
  const counters = src.prepare('select name, value from counters').all();
  src.close();
  const flat = [];
  for (const number of [...byOrder.keys()].sort((a, b) => a - b)) {
    const g = byOrder.get(number);
    // orders before tickets/lines/payments/messages (foreign keys), within an order by table.
    for (const t of BULK_TABLES) for (let i = 0; i < g.length; i += 2) if (g[i] === t) flat.push(t, g[i + 1]);
  }
  byOrder.clear();

  const db = new SQLite(toPath, { timeout: 30_000 });
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('cache_size = -32768');
  const inserts = Object.fromEntries(
    BULK_TABLES.map((t) => [
      t,
      db.prepare(`insert into "${t}" (${columns[t].map((c) => `"${c}"`).join(', ')}) values (${columns[t].map(() => '?').join(', ')})`),
    ]),
  );
  // The sequences (order and ticket numbers) end where seed --orders left them.
  const setCounter = db.prepare('update counters set value = ? where name = ?');
  const write = db.transaction(() => {
    for (let i = 0; i < flat.length; i += 2) inserts[flat[i]].run(flat[i + 1]);
    for (const c of counters) setCounter.run(c.value, c.name);
  });
  const start = process.hrtime.bigint();
  write();
  const ns = process.hrtime.bigint() - start;
  db.close();

  const after = countRows(toPath, BULK_TABLES);
  const base = countRows(fromPath, BULK_TABLES);
  for (const t of BULK_TABLES) {
    if (after[t] !== base[t]) {
      throw new CommandFailed('raw insert floor', {
        status: 1,
        signal: null,
        stderr: `${t}: ${after[t]} rows, expected ${base[t]} (${written[t]} written)\n`,
      });
    }
  }
  return { ns };
}

// ---------------------------------------------------------------------------------------------
// bulk: pay import

const IMPORT_ROWS = 10_000;
const STATEMENT_HEADER = 'external_id,order_number,amount,paid_at,method';

/** A consistent copy of a WAL database: checkpointed into the main file, then the file copied. */
function copyDb(fromPath, toPath) {
  const SQLite = loadSqlite();
  const db = new SQLite(fromPath);
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
  for (const suffix of ['', '-wal', '-shm']) rmSync(toPath + suffix, { force: true });
  copyFileSync(fromPath, toPath);
}

/**
 * `cowork pay import` of a statement paying the exact remaining balance of up to 10 000 orders of
 * the N-order database (each row is recorded), against the same writes by raw better-sqlite3
 * prepared statements in one transaction. Each side starts from its own copy of the database.
 */
function payImportRows(ctx, seedDb) {
  const SQLite = loadSqlite();
  const src = new SQLite(seedDb, { readonly: true });
  const open = src
    .prepare(
      `select number, total, paid, status from orders
        where status in ('awaiting_payment', 'partially_paid') and total > paid
        order by number limit ?`,
    )
    .all(IMPORT_ROWS);
  src.close();
  if (open.length === 0) return [{ name: 'cowork pay import', value: null, unit: '', note: 'skipped: no order with a remaining balance' }];
  const count = open.length;
  const paidAt = (i) => new Date(Date.parse('2023-08-11T06:00:00Z') + i * 1000).toISOString();
  const rows = open.map((o, i) => ({
    externalId: `bench-${o.number}`,
    number: o.number,
    amount: o.total - o.paid,
    paidAt: paidAt(i),
    method: 'card',
    before: { paid: o.paid, status: o.status },
  }));
  const rub = (k) => `${Math.floor(k / 100)}.${String(k % 100).padStart(2, '0')}`;
  const file = join(ctx.tmp, 'statement.csv');
  writeFileSync(
    file,
    [STATEMENT_HEADER, ...rows.map((r) => `${r.externalId},${r.number},${rub(r.amount)},${r.paidAt},${r.method}`)].join('\n') + '\n',
  );

  // Interleaved rounds, each side on a fresh copy of the seeded database; the medians are reported.
  const runs = intEnv('BENCH_IMPORT_RUNS', 5);
  const coworkDb = join(ctx.tmp, 'import-cowork.db');
  const floorDb = join(ctx.tmp, 'import-floor.db');
  const env = benchEnv(ctx.tmp, coworkDb);
  const prepared = rows.map((r) => [r, JSON.stringify({ amount: r.amount, method: r.method })]);
  const coworkNs = [];
  const floorNs = [];
  log(`bulk: cowork pay import against the raw better-sqlite3 floor, ${count} rows, ${runs} rounds`);
  for (let round = 0; round < runs; round++) {
    // cowork: spawn to exit, stdout and stderr piped and discarded; exit 0 required.
    copyDb(seedDb, coworkDb);
    const before = countRows(coworkDb, ['payments', 'messages']);
    coworkNs.push(timeOnce(`cowork pay import (${count} rows)`, [process.execPath, CLI, 'pay', 'import', file], env));
    const after = countRows(coworkDb, ['payments', 'messages']);
    const check = new SQLite(coworkDb, { readonly: true });
    const recorded = check.prepare(`select count(*) as n from payments where external_id like 'bench-%' and source = 'gateway'`).get().n;
    const confirmed = check
      .prepare(
        `select count(*) as n from orders where status = 'confirmed' and paid = total and number in (select order_number from payments where external_id like 'bench-%')`,
      )
      .get().n;
    check.close();
    if (
      recorded !== count ||
      confirmed !== count ||
      after.payments - before.payments !== count ||
      after.messages - before.messages !== count
    ) {
      throw new CommandFailed(`cowork pay import (${count} rows)`, {
        status: 0,
        signal: null,
        stderr: `recorded ${recorded} payments (${after.payments - before.payments} new rows), ${after.messages - before.messages} messages, ${confirmed} orders confirmed; expected ${count} of each\n`,
      });
    }

    // The floor: the same three writes per row, with the statements cowork's store uses, in one
    // transaction on a copy of the same database, cowork's pragmas. Only the transaction is timed.
    copyDb(seedDb, floorDb);
    const db = new SQLite(floorDb, { timeout: 30_000 });
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('cache_size = -32768');
    const insPayment = db.prepare(
      `insert into payments (order_number, amount, method, source, recorded_by, created_at, external_id) values (?, ?, ?, 'gateway', null, ?, ?)`,
    );
    const insMessage = db.prepare(
      `insert into messages (order_number, visibility, author_id, body, event, data, created_at) values (?, 'system', null, null, 'payment_gateway', ?, ?)`,
    );
    const update = db.prepare(`update orders set paid = ?, status = ? where number = ? and paid = ? and status = ?`);
    const write = db.transaction(() => {
      for (const [r, data] of prepared) {
        insPayment.run(r.number, r.amount, r.method, r.paidAt, r.externalId);
        insMessage.run(r.number, data, r.paidAt);
        if (update.run(r.before.paid + r.amount, 'confirmed', r.number, r.before.paid, r.before.status).changes !== 1)
          throw new Error(`order ${r.number} changed`);
      }
    });
    const start = process.hrtime.bigint();
    write();
    floorNs.push(process.hrtime.bigint() - start);
    db.close();
    const floorAfter = countRows(floorDb, ['payments', 'messages']);
    if (floorAfter.payments !== after.payments || floorAfter.messages !== after.messages) {
      throw new CommandFailed('raw pay import floor', {
        status: 1,
        signal: null,
        stderr: `wrote ${floorAfter.payments} payments and ${floorAfter.messages} messages; cowork ${after.payments} and ${after.messages}\n`,
      });
    }
  }
  const importNs = median(coworkNs.map(Number));
  const importSec = nsToMs(importNs) / 1000;
  const floorSec = nsToMs(median(floorNs.map(Number))) / 1000;
  return [
    {
      name: `raw better-sqlite3 pay import floor (${count} rows, median ${round2(floorSec)} s of ${runs})`,
      value: Math.round(count / floorSec),
      unit: 'rows/s',
    },
    {
      name: `cowork pay import (${count} rows, median ${round2(importSec)} s of ${runs})`,
      value: Math.round(count / importSec),
      unit: 'rows/s',
      ratio: round2(importSec / floorSec),
      limit: 3.0,
    },
  ];
}

// The raw baseline of `orders list --format ndjson`: better-sqlite3, one select over the order,
// its ticket, line, service and applicant, newest first, JSON.stringify of each row, written to
// stdout in 64 KiB chunks, waiting for the pipe to drain when it is full.
const RAW_LIST_SCRIPT = `
import { createRequire } from 'node:module';
import { join } from 'node:path';
const [root, dbPath] = process.argv.slice(2);
const SQLite = createRequire(join(root, 'package.json'))('better-sqlite3');
const db = new SQLite(dbPath, { timeout: 30000 });
const stmt = db.prepare(\`
  select o.*, t.number as ticket_number, t.visitor_name, t.visitor_phone, t.start_at, t.end_at,
         t.status as ticket_status, l.description, l.tariff, l.quantity, l.unit_price, l.amount,
         s.slug as service_slug, s.name as service_name, s.partial_payment,
         a.login as applicant_login, a.name as applicant_name, a.phone as applicant_phone, a.role as applicant_role
  from orders o
  join tickets t on t.order_number = o.number
  join services s on s.id = o.service_id
  join users a on a.id = o.applicant_id
  left join order_lines l on l.order_number = o.number
  order by o.created_at desc\`);
let buf = '';
for (const row of stmt.iterate()) {
  buf += JSON.stringify(row) + '\\n';
  if (buf.length >= 65536) {
    // Back-pressure: wait for the pipe instead of queueing the whole output in memory.
    if (!process.stdout.write(buf)) await new Promise((resolve) => process.stdout.once('drain', resolve));
    buf = '';
  }
}
if (buf) process.stdout.write(buf);
db.close();
`;

// ---------------------------------------------------------------------------------------------
// statement: a long statement imported in one transaction

/**
 * `cowork pay import` of a statement of BENCH_STATEMENT_ROWS rows (default 900 000) over a
 * database of BENCH_STATEMENT_ORDERS generated orders (default 100 000): payments of 1,00 ₽ spread
 * over the orders that allow partial payment and keep their 50 ₽ floor after all of them, so every
 * row is recorded cleanly (exit 0). Against the raw floor: a script that reads the same file line
 * by line and makes the same writes per row (the payment, its system message, the order's
 * balance) with better-sqlite3 prepared statements in one transaction. Both are spawned in a clean
 * environment and timed from spawn to exit; peak RSS through /usr/bin/time.
 */
async function statementSection(ctx) {
  const rowsWanted = intEnv('BENCH_STATEMENT_ROWS', 900_000);
  const orders = intEnv('BENCH_STATEMENT_ORDERS', 100_000);
  const runs = intEnv('BENCH_STATEMENT_RUNS', 1);
  const seedDb = join(ctx.tmp, 'statement-seed.db');
  const env = benchEnv(ctx.tmp, seedDb);
  log(`statement: seeding ${orders} orders`);
  run('cowork seed --demo (statement)', [process.execPath, CLI, 'seed', '--demo'], env);
  run(`cowork seed --orders ${orders}`, [process.execPath, CLI, 'seed', '--orders', String(orders)], env);

  const SQLite = loadSqlite();
  const src = new SQLite(seedDb, { readonly: true });
  const open = src
    .prepare(
      `select o.number, o.total, o.paid, o.min_remaining from orders o join services s on s.id = o.service_id
        where s.partial_payment = 1 and o.status in ('awaiting_payment', 'partially_paid') order by o.number`,
    )
    .all();
  src.close();
  // Each order takes `per` rows of 1 ₽ and keeps at least its floor: the orders with room for them.
  let per = 1;
  let fit = open;
  while (per * fit.length < rowsWanted && fit.length > 0) {
    per = Math.ceil(rowsWanted / fit.length);
    fit = open.filter((o) => o.total - o.paid - per * 100 >= o.min_remaining);
  }
  if (fit.length === 0) return [{ name: 'cowork pay import (statement)', value: null, unit: '', note: 'skipped: no order has room' }];
  const file = join(ctx.tmp, 'statement-big.csv');
  const t0 = Date.parse('2023-08-11T06:00:00Z');
  let text = `${STATEMENT_HEADER}\n`;
  const parts = [];
  let count = 0;
  for (let r = 0; r < per && count < rowsWanted; r++) {
    for (const o of fit) {
      if (count >= rowsWanted) break;
      text += `big-${count},${o.number},1.00,${new Date(t0 + count * 1000).toISOString()},card\n`;
      count++;
      if (text.length > 1 << 20) {
        parts.push(text);
        text = '';
      }
    }
  }
  parts.push(text);
  writeFileSync(file, parts.join(''));
  const size = parts.reduce((n, p) => n + p.length, 0);
  const floorScript = join(ctx.tmp, 'raw-statement.mjs');
  writeFileSync(floorScript, RAW_STATEMENT_SCRIPT);

  const coworkDb = join(ctx.tmp, 'statement-cowork.db');
  const floorDb = join(ctx.tmp, 'statement-floor.db');
  const cowork = [];
  const floor = [];
  log(`statement: cowork pay import of ${count} rows (${mb(size)} MB) against the raw floor, ${runs} round(s)`);
  for (let round = 0; round < runs; round++) {
    copyDb(seedDb, coworkDb);
    const before = countRows(coworkDb, ['payments', 'messages']);
    cowork.push(
      await timeStreaming(
        `cowork pay import (${count} rows)`,
        [process.execPath, CLI, 'pay', 'import', file],
        benchEnv(ctx.tmp, coworkDb),
        ctx.tmp,
      ),
    );
    const after = countRows(coworkDb, ['payments', 'messages']);
    if (after.payments - before.payments !== count || after.messages - before.messages !== count) {
      throw new CommandFailed(`cowork pay import (${count} rows)`, {
        status: 0,
        signal: null,
        stderr: `recorded ${after.payments - before.payments} payments and ${after.messages - before.messages} messages; expected ${count} of each\n`,
      });
    }
    copyDb(seedDb, floorDb);
    floor.push(
      await timeStreaming('raw statement floor', [process.execPath, floorScript, ROOT, floorDb, file], benchEnv(ctx.tmp, floorDb), ctx.tmp),
    );
    const floorAfter = countRows(floorDb, ['payments', 'messages']);
    if (floorAfter.payments !== after.payments || floorAfter.messages !== after.messages) {
      throw new CommandFailed('raw statement floor', {
        status: 1,
        signal: null,
        stderr: `wrote ${floorAfter.payments} payments and ${floorAfter.messages} messages; cowork ${after.payments} and ${after.messages}\n`,
      });
    }
  }
  const coworkSec = nsToMs(median(cowork.map((r) => Number(r.ns)))) / 1000;
  const floorSec = nsToMs(median(floor.map((r) => Number(r.ns)))) / 1000;
  const rss = (xs) => (xs.some((r) => r.rssKb === null) ? null : round1(Math.max(...xs.map((r) => r.rssKb)) / 1024));
  return [
    {
      name: `raw floor: read + write ${count} rows (median ${round2(floorSec)} s of ${runs})`,
      value: Math.round(count / floorSec),
      unit: 'rows/s',
    },
    {
      name: `cowork pay import, ${count} rows, ${mb(size)} MB (median ${round2(coworkSec)} s of ${runs})`,
      value: Math.round(count / coworkSec),
      unit: 'rows/s',
      ratio: round2(coworkSec / floorSec),
      limit: 3.0,
    },
    { name: 'raw floor, peak RSS', value: rss(floor), unit: 'MB' },
    { name: `cowork pay import (${count} rows), peak RSS`, value: rss(cowork), unit: 'MB', limit: 250 },
  ];
}

// The raw floor of a statement import: the file read line by line, each row's payment and system
// message written and each order's balance updated by prepared statements, one transaction,
// cowork's pragmas; no checks, no decisions.
const RAW_STATEMENT_SCRIPT = `
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createRequire } from 'node:module';
import { join } from 'node:path';
const [root, dbPath, file] = process.argv.slice(2);
const SQLite = createRequire(join(root, 'package.json'))('better-sqlite3');
const db = new SQLite(dbPath, { timeout: 30000 });
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.pragma('foreign_keys = ON');
db.pragma('cache_size = -32768');
const insPayment = db.prepare(
  "insert into payments (order_number, amount, method, source, recorded_by, created_at, external_id) values (?, ?, ?, 'gateway', null, ?, ?)",
);
const insMessage = db.prepare(
  "insert into messages (order_number, visibility, author_id, body, event, data, created_at) values (?, 'system', null, null, 'payment_gateway', ?, ?)",
);
const update = db.prepare("update orders set paid = paid + ?, status = 'partially_paid' where number = ?");
db.exec('begin');
// In batches of 2000 rows, as cowork decides them: the payments, then their messages, then each
// order's balance once.
let batch = [];
const flush = () => {
  for (const r of batch) insPayment.run(r.order, r.amount, r.method, r.paidAt, r.id);
  for (const r of batch) insMessage.run(r.order, JSON.stringify({ amount: r.amount, method: r.method }), r.paidAt);
  const sums = new Map();
  for (const r of batch) sums.set(r.order, (sums.get(r.order) ?? 0) + r.amount);
  for (const [order, amount] of sums) update.run(amount, order);
  batch = [];
};
let header = true;
for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
  if (header) { header = false; continue; }
  if (line === '') continue;
  const [id, number, rubles, paidAt, method] = line.split(',');
  batch.push({ id, order: Number(number), amount: Math.round(Number(rubles) * 100), paidAt, method });
  if (batch.length === 2000) flush();
}
flush();
db.exec('commit');
db.close();
`;

// ---------------------------------------------------------------------------------------------
// Output

const round1 = (x) => (x === null ? null : Math.round(x * 10) / 10);
const round2 = (x) => (x === null ? null : Math.round(x * 100) / 100);
const mb = (bytes) => round1(bytes / 1024 / 1024);

function verdict(row) {
  if (row.limit === undefined || row.value === null) return undefined;
  const measured = row.ratio ?? row.value;
  return measured <= row.limit ? 'PASS' : 'OVER';
}

function printTable(rows) {
  const header = ['section', 'measure', 'value', 'unit', 'ratio', 'limit', 'verdict'];
  const body = rows.map((r) => [
    r.section,
    r.name,
    r.value === null ? '-' : String(r.value),
    r.unit ?? '',
    r.ratio === undefined ? '' : r.ratio.toFixed(2),
    r.limit === undefined ? '' : String(r.limit),
    (r.verdict ?? '') + (r.note ? `${r.verdict ? ' ' : ''}(${r.note})` : ''),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const right = new Set([2, 4, 5]);
  const fmt = (cells) =>
    cells
      .map((c, i) => (right.has(i) ? c.padStart(widths[i]) : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  const out = [fmt(header), fmt(widths.map((w) => '-'.repeat(w))), ...body.map(fmt)];
  process.stdout.write(out.join('\n') + '\n');
}

// ---------------------------------------------------------------------------------------------
// Main

async function main(argv) {
  const json = argv.includes('--json');
  const unknownFlags = argv.filter((a) => a.startsWith('-') && a !== '--json');
  if (argv.includes('-h') || argv.includes('--help')) {
    process.stdout.write(
      `usage: node bench/run.mjs [SECTION…] [--json]\n\nsections:\n${SECTIONS.map((s) => `  ${s.name.padEnd(10)} ${s.describe}`).join('\n')}\n`,
    );
    return 0;
  }
  if (unknownFlags.length) throw new UsageError(`unknown option ${unknownFlags[0]} (try --help)`);
  const names = argv.filter((a) => !a.startsWith('-'));
  for (const name of names) {
    if (!SECTIONS.some((s) => s.name === name)) {
      throw new UsageError(`unknown section "${name}"; the sections are: ${SECTIONS.map((s) => s.name).join(', ')}`);
    }
  }
  const chosen = names.length ? SECTIONS.filter((s) => names.includes(s.name)) : SECTIONS;
  if (!existsSync(join(ROOT, 'dist', 'cli.cjs'))) {
    throw new UsageError('dist/cli.cjs is missing: build first (npm run build), or run `npm run bench`');
  }

  const tmp = mkdtempSync(join(tmpdir(), 'cowork-bench-'));
  for (const d of ['home', 'data', 'config']) mkdirSync(join(tmp, d), { recursive: true });
  let demoSeeded = false;
  const ctx = {
    tmp,
    /** The shared database, <tmp>/bench.db, seeded with the demo once. */
    ensureDemo() {
      if (demoSeeded) return;
      run('cowork seed --demo', [process.execPath, CLI, 'seed', '--demo'], benchEnv(tmp, join(tmp, 'bench.db')));
      demoSeeded = true;
    },
  };
  try {
    ctx.ensureDemo();
    const rows = [];
    for (const section of chosen) {
      const t0 = process.hrtime.bigint();
      const sectionRows = await section.run(ctx);
      log(`${section.name}: done in ${(nsToMs(process.hrtime.bigint() - t0) / 1000).toFixed(1)} s`);
      for (const r of sectionRows) rows.push({ section: section.name, ...r });
    }
    for (const r of rows) {
      const v = verdict(r);
      if (v) r.verdict = v;
    }
    if (json) process.stdout.write(JSON.stringify(rows, null, 2) + '\n');
    else printTable(rows);
    return 0;
  } finally {
    if (process.env.BENCH_KEEP === '1') log(`kept ${tmp}`);
    else rmSync(tmp, { recursive: true, force: true });
  }
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (err) {
  if (err instanceof CommandFailed) {
    process.stderr.write(`bench: a command failed: ${err.message}\n`);
    if (err.stderr) process.stderr.write(err.stderr.endsWith('\n') ? err.stderr : `${err.stderr}\n`);
    process.exitCode = 1;
  } else if (err instanceof UsageError) {
    process.stderr.write(`bench: ${err.message}\n`);
    process.exitCode = 2;
  } else {
    process.stderr.write(`bench: ${err?.stack ?? err}\n`);
    process.exitCode = 1;
  }
}
