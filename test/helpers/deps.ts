/**
 * Deps for in-process command tests: fake streams, a fixed clock, a new store with the demo: an
 * in-memory SQLite database, or on a PostgreSQL run a new PostgreSQL database (./targets.ts).
 */
import { PassThrough } from 'node:stream';
import { onTestFinished } from 'vitest';
import { createDeps, type Deps } from '../../src/deps.js';
import { openStore, type Store } from '../../src/store/index.js';
import { parseFixture } from '../../src/core/fixture.js';
import { loadFixture } from '../../src/app/fixture.js';
import { demoFixture } from '../../src/commands/seed/demo.js';
import type { Prompter } from '../../src/ui/prompt.js';
import { closeBeforeDrop, demoTemplate, newDatabase, newPostgresDatabase, onPostgres } from './targets.js';

export interface TestDeps {
  deps: Deps;
  store: Store;
  out(): string;
  err(): string;
}

export async function demoStore(): Promise<Store> {
  if (onPostgres && demoTemplate) return track(await openStore(await newPostgresDatabase(demoTemplate)));
  const store = track(await openStore(await newDatabase()));
  const r = parseFixture(demoFixture);
  if (!('fixture' in r)) throw new Error('demo fixture invalid');
  await loadFixture(store, { fixture: r.fixture, source: 'demo', at: DEMO_LOADED_AT, dryRun: false });
  return store;
}

/** When demoStore() loads the demo (and the global setup its PostgreSQL template). */
export const DEMO_LOADED_AT = '2023-08-01T00:00:00.000Z';

/**
 * A test may leave its store open. On PostgreSQL its pool is closed when the test that made it ends
 * (a file of many tests would otherwise hold a connection per test, and the server has a hundred),
 * or, for a store made outside a test (beforeAll), before its database is dropped.
 */
function track(store: Store): Store {
  if (!onPostgres) return store;
  let closed: Promise<void> | undefined;
  const close = () => (closed ??= store.db.destroy());
  try {
    onTestFinished(close);
  } catch {
    // Not inside a test: closed before the drop, below.
  }
  closeBeforeDrop(close);
  return store;
}

export async function testDeps(
  opts: {
    store?: Store;
    as?: string;
    now?: string;
    lang?: 'en' | 'ru';
    json?: boolean;
    tty?: boolean;
    prompter?: Prompter;
    env?: Record<string, string>;
  } = {},
): Promise<TestDeps> {
  const store = opts.store ?? (await demoStore());
  let out = '';
  let err = '';
  const deps = createDeps({
    io: {
      stdout: { write: (s: string) => ((out += s), true) },
      stderr: { write: (s: string) => ((err += s), true) },
      stdin: new PassThrough(),
      stdinIsTTY: opts.tty ?? false,
      stdoutIsTTY: opts.tty ?? false,
      stderrIsTTY: opts.tty ?? false,
    },
    env: { ...(opts.env ?? {}) },
    now: () => new Date(opts.now ?? '2023-08-11T13:40:00+05:00'),
    store,
    ...(opts.prompter ? { prompter: opts.prompter } : {}),
  });
  deps.setGlobals({ as: opts.as ?? 'manager', lang: opts.lang ?? 'en', json: opts.json ?? false, color: false });
  return { deps, store, out: () => out, err: () => err };
}

/** Loads a fixture into a store through its use case (`seed FILE` without the command). */
export function loadInto(store: Store, fixture: Parameters<typeof loadFixture>[1]['fixture'], at: string, opts: { dryRun?: boolean } = {}) {
  return loadFixture(store, { fixture, source: 'fixture', at, dryRun: opts.dryRun === true });
}
