/**
 * The entry of the single executable (`npm run package`, scripts/package.mjs): Node, cowork and
 * SQLite's addon in one file. A Node addon loads only from a file, so the addon the executable
 * carries is written out once, on the first run of each build, to
 * `$XDG_CACHE_HOME/cowork/VERSION/better_sqlite3-HASH.node` (`~/.cache/…`; a private folder in
 * the temporary folder when that cannot be written), and the store loads it from there
 * (COWORK_SQLITE_ADDON, src/store/sqlite-driver.ts). HASH is the addon's own: a new build never
 * loads an older one.
 *
 * The executable starts from a start-up snapshot: this module, and every module it imports
 * statically, ran when it was built, and run() is what each run of the executable does.
 */
import { closeSync, existsSync, lstatSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { getAsset } from 'node:sea';
import { startupSnapshot } from 'node:v8';
import { main } from './cli.js';
import { VERSION } from './version.js';

declare const __COWORK_ADDON_HASH__: string;

const ADDON = `better_sqlite3-${__COWORK_ADDON_HASH__}.node`;

/** Where the addon goes: the user's cache folder, else a private folder in the temporary one. */
function folders(): string[] {
  const xdg = process.env.XDG_CACHE_HOME;
  const cache = xdg && xdg.startsWith('/') ? xdg : join(homedir(), '.cache');
  const uid = typeof process.getuid === 'function' ? process.getuid() : 'user';
  return [join(cache, 'cowork', VERSION), join(tmpdir(), `cowork-${uid}`, VERSION)];
}

/**
 * A folder made for this user only, or that is theirs already and no one else may write, and so is
 * the folder above it (in the temporary folder another user could have made that one first).
 */
function ownFolder(dir: string): boolean {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const uid = typeof process.getuid === 'function' ? process.getuid() : undefined;
    return [dir, dirname(dir)].every((d) => {
      const st = lstatSync(d);
      return st.isDirectory() && (uid === undefined || st.uid === uid) && (st.mode & 0o022) === 0;
    });
  } catch {
    return false;
  }
}

/** The addon's file, written out when it is not there yet; undefined when no folder would take it. */
function addonFile(): string | undefined {
  for (const dir of folders()) {
    // A folder someone else could write is never read from: the addon is code that this process runs.
    if (!ownFolder(dir)) continue;
    const file = join(dir, ADDON);
    if (existsSync(file)) return file;
    // Written beside, then renamed into place: a run stopped half-way, or another run writing it
    // at the same moment, never leaves a half-written addon under its name.
    const part = join(dir, `.${ADDON}.${process.pid}`);
    try {
      const fd = openSync(part, 'w', 0o600);
      try {
        writeSync(fd, new Uint8Array(getAsset('better_sqlite3.node')));
      } finally {
        closeSync(fd);
      }
      renameSync(part, file);
      return file;
    } catch {
      // Not this folder: the next one.
      rmSync(part, { force: true });
    }
  }
  return undefined;
}

/** One run of cowork: what the executable does each time it starts. */
function run(): void {
  const addon = addonFile();
  if (addon) process.env.COWORK_SQLITE_ADDON = addon;
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}

if (startupSnapshot.isBuildingSnapshot()) startupSnapshot.setDeserializeMainFunction(run);
else run();
