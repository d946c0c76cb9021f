/**
 * SQLite's driver, better-sqlite3, in the major version that suits the running Node:
 *
 * - Node-API 10 (every Node 24, and 22 from 22.14): better-sqlite3 13 (the dependency
 *   `better-sqlite3-napi`), a Node-API addon that its package carries prebuilt for Linux, macOS and
 *   Windows: nothing is compiled for it.
 * - Node 20 (and 22 before 22.14): better-sqlite3 12, compiled for that Node at install. 13 needs
 *   Node-API 10, which Node 20 lacks. 12 cannot serve Node 24: built against Node 24.19's headers
 *   or later, its addon aborts the process (`Assertion failed: (env) != nullptr`) when the garbage
 *   collector frees a statement while no JavaScript runs, which happens at any moment of a long
 *   command.
 *
 * The two have the same interface.
 */
import type Compiled from 'better-sqlite3';
import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { StoreError } from '../core/errors.js';

/** Whether this Node gets better-sqlite3 13 (the Node-API build). */
export const NODE_API_DRIVER = Number(process.versions.napi) >= 10;

/** Opens a database file (or, from a Buffer, an image of one) with the driver this Node loads. */
export type OpenSqlite = (file: string | Buffer, options?: Omit<Compiled.Options, 'nativeBinding'>) => Compiled.Database;

/**
 * The driver for this Node, its addon named once; the other driver's code is never loaded. A
 * driver that is not there (better-sqlite3 12 is an optional dependency: its install builds it,
 * and fails where there is no compiler) is a clear error, not a stack trace.
 */
export async function loadSqlite(): Promise<OpenSqlite> {
  const driver = NODE_API_DRIVER ? 'better-sqlite3 13' : 'better-sqlite3 12';
  const missing = () => new StoreError('sqliteDriverMissing', { driver, node: process.versions.node });
  const addon = addonPath();
  if (addon === undefined ? !NODE_API_DRIVER : !existsSync(addon)) throw missing();
  let SQLite: typeof Compiled;
  try {
    SQLite = NODE_API_DRIVER ? (await import('better-sqlite3-napi')).default : (await import('better-sqlite3')).default;
  } catch (e) {
    if (/MODULE_NOT_FOUND/.test(String((e as { code?: unknown }).code))) throw missing();
    throw e;
  }
  return (file, options = {}) => new SQLite(file, { ...options, nativeBinding: addon });
}

/**
 * The driver's compiled addon, named directly: otherwise the driver looks for it through a dozen
 * candidate paths on every run (and, bundled, from the wrong folder). COWORK_SQLITE_ADDON names
 * another build of it: the single executable writes out the addon it carries and names it so, and
 * scripts/node.mjs names a build of 12 for a Node 20 started from a newer Node.
 */
function addonPath(): string | undefined {
  if (process.env.COWORK_SQLITE_ADDON) return process.env.COWORK_SQLITE_ADDON;
  const pkg = packageFolder(NODE_API_DRIVER ? 'better-sqlite3-napi' : 'better-sqlite3');
  if (pkg === undefined) return undefined;
  // A build from source, when there is one: 12's always, 13's only when compiled on purpose.
  const built = join(pkg, 'build', 'Release', 'better_sqlite3.node');
  if (existsSync(built)) return built;
  if (!NODE_API_DRIVER) return undefined;
  const prebuilt = join(pkg, 'prebuilds', `${muslLinux() ? 'linuxmusl' : process.platform}-${process.arch}.node`);
  return existsSync(prebuilt) ? prebuilt : undefined;
}

/**
 * A package's folder: first where npm puts it beside cowork (the bundle is dist/cli.cjs; its
 * package's node_modules is one folder up), which costs a run one look; else where Node's
 * resolution finds it (a hoisted install; the sources under test), whose first use costs a run
 * milliseconds.
 */
function packageFolder(name: string): string | undefined {
  try {
    const beside = join(import.meta.dirname, '..', 'node_modules', name);
    if (existsSync(join(beside, 'package.json'))) return beside;
    return dirname(createRequire(import.meta.filename).resolve(`${name}/package.json`));
  } catch {
    return undefined;
  }
}

/**
 * Linux with musl rather than glibc (Alpine): told by the program interpreter that Node's own
 * executable names, in its first bytes (`/lib/ld-musl-x86_64.so.1` rather than
 * `/lib64/ld-linux-x86-64.so.2`).
 */
function muslLinux(): boolean {
  if (process.platform !== 'linux') return false;
  try {
    const fd = openSync(process.execPath, 'r');
    try {
      const head = Buffer.alloc(4096);
      const read = readSync(fd, head, 0, head.length, 0);
      return head.subarray(0, read).includes('/ld-musl-');
    } finally {
      closeSync(fd);
    }
  } catch {
    return false;
  }
}
