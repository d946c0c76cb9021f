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
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { StoreError } from '../core/errors.js';

/** Whether this Node gets better-sqlite3 13 (the Node-API build). */
export const NODE_API_DRIVER = Number(process.versions.napi) >= 10;

/**
 * The driver's Database constructor for this Node; the other driver's code is never loaded. A
 * driver that is not there (better-sqlite3 12 is an optional dependency: its install builds it,
 * and fails where there is no compiler) is a clear error, not a stack trace.
 */
export async function loadSqlite(): Promise<typeof Compiled> {
  const driver = NODE_API_DRIVER ? 'better-sqlite3 13' : 'better-sqlite3 12';
  const missing = () => new StoreError('sqliteDriverMissing', { driver, node: process.versions.node });
  const addon = addonPath();
  if (addon === undefined ? !NODE_API_DRIVER : !existsSync(addon)) throw missing();
  try {
    return NODE_API_DRIVER ? (await import('better-sqlite3-napi')).default : (await import('better-sqlite3')).default;
  } catch (e) {
    if (/MODULE_NOT_FOUND/.test(String((e as { code?: unknown }).code))) throw missing();
    throw e;
  }
}

/**
 * The driver's compiled addon, named directly: otherwise the driver looks for it through a dozen
 * candidate paths on every run (and, bundled, from the wrong folder). COWORK_SQLITE_ADDON names
 * another build of it: the single executable writes out the addon it carries and names it so, and
 * scripts/node.mjs names a build of 12 for a Node 20 started from a newer Node.
 */
export function addonPath(): string | undefined {
  if (process.env.COWORK_SQLITE_ADDON) return process.env.COWORK_SQLITE_ADDON;
  try {
    const pkg = createRequire(import.meta.url).resolve(`${NODE_API_DRIVER ? 'better-sqlite3-napi' : 'better-sqlite3'}/package.json`);
    // A build from source, when there is one: 12's always, 13's only when compiled on purpose.
    const built = join(dirname(pkg), 'build', 'Release', 'better_sqlite3.node');
    if (existsSync(built)) return built;
    if (!NODE_API_DRIVER) return undefined;
    const prebuilt = join(dirname(pkg), 'prebuilds', `${muslLinux() ? 'linuxmusl' : process.platform}-${process.arch}.node`);
    return existsSync(prebuilt) ? prebuilt : undefined;
  } catch {
    return undefined;
  }
}

/** Linux with musl rather than glibc (Alpine): told by the C library loaded into this process. */
function muslLinux(): boolean {
  if (process.platform !== 'linux') return false;
  try {
    return /\/ld-musl-[^/\s]*\.so/.test(readFileSync('/proc/self/maps', 'latin1'));
  } catch {
    return false;
  }
}
