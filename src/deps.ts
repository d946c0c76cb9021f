/**
 * What every command gets, passed rather than reached for: the streams, the environment, the
 * clock, the language, the store (opened lazily, so `--help` never touches the database), the
 * operator and the prompter. Tests build one with fake streams and a fixed clock.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { NotAllowedError, UsageError } from './core/errors.js';
import type { User } from './core/types.js';
import { catalog, langFrom, type Catalog, type Lang } from './ui/i18n.js';
import type { Store } from './store/index.js';
import type { OpenIntent, OpenOptions } from './store/open.js';
import { inquirerPrompter, type Prompter } from './ui/prompt.js';

export interface Writer {
  write(chunk: string): unknown;
}

export interface IO {
  stdout: Writer & { once?(event: 'drain', cb: () => void): unknown; readonly closed?: boolean };
  stderr: Writer;
  stdin: NodeJS.ReadableStream;
  stdinIsTTY: boolean;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  /** The terminal's width as stdout reports it; unset when stdout is not a terminal. */
  columns?: number;
}

/** The global flags of SPEC.md, after commander has read them. */
export interface GlobalOptions {
  db?: string;
  as?: string;
  json?: boolean;
  color?: boolean;
  lang?: string;
  input?: boolean;
  yes?: boolean;
}

export interface Deps {
  io: IO;
  env: Record<string, string | undefined>;
  now(): Date;
  readonly globals: GlobalOptions;
  setGlobals(g: GlobalOptions): void;
  /** The command being run, by its names (`orders list`, `db migrate`): decides how the store opens (intentOf). */
  setCommand(path: string): void;
  lang(): Lang;
  /** The words of the operator's language. */
  t(): Catalog;
  json(): boolean;
  /** Colour on stdout: a TTY, no NO_COLOR, no TERM=dumb, no --no-color. */
  color(): boolean;
  /** Whether prompting is allowed: stdin and stdout are TTYs and input is not disabled. */
  interactive(): boolean;
  /** The width tables fit on stdout: `COLUMNS` when it is a positive number, else the terminal's, else 80. */
  width(): number;
  /**
   * The store, opened on first use; `migrate: false` (for `db status`/`db migrate`) leaves the
   * schema as it is. Only the commands that make databases create a missing one (intentOf).
   */
  store(opts?: { migrate?: boolean }): Promise<Store>;
  /** The operator (--as, COWORK_USER or the saved login); exit 4 when unknown or unset. */
  operator(): Promise<User>;
  /** The operator's login if one is set at all, without checking it. */
  operatorLogin(): string | undefined;
  /** The prompts; `back`: Esc ends a prompt with BackError (the desk's steps back). */
  prompter(opts?: { back?: boolean }): Promise<Prompter>;
  config: ConfigFile;
  close(): Promise<void>;
}

/** The user's settings file: `$XDG_CONFIG_HOME/cowork/config.json`; holds the saved login. */
export class ConfigFile {
  constructor(private readonly env: Record<string, string | undefined>) {}

  get path(): string {
    const base = this.env.XDG_CONFIG_HOME || join(this.env.HOME || homedir(), '.config');
    return join(base, 'cowork', 'config.json');
  }

  read(): { login?: string } {
    try {
      return JSON.parse(readFileSync(this.path, 'utf8')) as { login?: string };
    } catch {
      return {};
    }
  }

  write(values: { login?: string }): void {
    const dir = join(this.path, '..');
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    writeFileSync(this.path, JSON.stringify({ ...this.read(), ...values }, null, 2) + '\n', { mode: 0o600 });
  }
}

export function defaultDbPath(env: Record<string, string | undefined>): string {
  const base = env.XDG_DATA_HOME || join(env.HOME || homedir(), '.local', 'share');
  return join(base, 'cowork', 'cowork.db');
}

/** The commands that make the database where there is none: how a database gets its schema and first users. */
const CREATING = new Set(['seed', 'db migrate']);

/** The commands that only read: a SQLite file they may not write is opened read-only. */
const READING = new Set([
  'orders list',
  'orders show',
  'pay list',
  'pay report',
  'pay reconcile',
  'msg list',
  'tickets list',
  'tickets show',
  'services list',
  'services show',
  'users list',
  'whoami',
  'login',
  'db status',
  // A Tab's candidates: slugs and logins.
  '__complete',
]);

/**
 * What a command means to do with the database. Every other command writes, and writes need a
 * known operator, a user of the database: on a database that does not exist they could never
 * succeed, so they create none either and say how to make one.
 */
function intentOf(command: string | undefined): OpenIntent {
  if (command !== undefined && CREATING.has(command)) return 'create';
  if (command !== undefined && READING.has(command)) return 'read';
  return 'write';
}

function truthy(v: string | undefined): boolean {
  return v !== undefined && v !== '' && v !== '0' && v.toLowerCase() !== 'false';
}

/** `COLUMNS` wins, as in most tools; a terminal that reports no size (0 columns) gets 80. */
function widthOf(columns: string | undefined, reported: number | undefined): number {
  if (columns !== undefined && /^\s*\d+\s*$/.test(columns) && Number(columns) > 0) return Number(columns);
  return reported !== undefined && Number.isInteger(reported) && reported > 0 ? reported : 80;
}

export interface DepsInit {
  io: IO;
  env: Record<string, string | undefined>;
  /** A fixed clock; otherwise COWORK_NOW, otherwise the system clock. */
  now?: () => Date;
  /** An already open store (tests). */
  store?: Store;
  prompter?: Prompter;
}

export function createDeps(init: DepsInit): Deps {
  const { io, env } = init;
  let globals: GlobalOptions = {};
  let command: string | undefined;
  let store: Promise<Store> | null = init.store ? Promise.resolve(init.store) : null;
  let operator: Promise<User> | null = null;
  const config = new ConfigFile(env);

  const fixedNow = (() => {
    if (init.now) return init.now;
    const v = env.COWORK_NOW;
    if (!v) return null;
    const t = Date.parse(v);
    if (Number.isNaN(t)) throw new UsageError('notIsoTime', { name: 'COWORK_NOW', value: v });
    return () => new Date(t);
  })();

  const deps: Deps = {
    io,
    env,
    now: fixedNow ?? (() => new Date()),
    get globals() {
      return globals;
    },
    setGlobals(g) {
      globals = g;
    },
    setCommand(path) {
      command = path;
    },
    lang: () => langFrom(globals.lang, env),
    t: () => catalog(langFrom(globals.lang, env)),
    json: () => globals.json === true,
    color: () => io.stdoutIsTTY && globals.color !== false && !env.NO_COLOR && env.TERM !== 'dumb',
    interactive: () => io.stdoutIsTTY && io.stdinIsTTY && globals.input !== false && !truthy(env.COWORK_NO_INPUT),
    width: () => widthOf(env.COLUMNS, io.columns),
    store(opts) {
      if (globals.db === '' || (globals.db === undefined && env.COWORK_DB === '')) {
        throw new UsageError('emptyValue', { flag: globals.db === '' ? '--db' : 'COWORK_DB' });
      }
      const options: OpenOptions = { ...opts, intent: intentOf(command) };
      store ??= import('./store/index.js').then((m) => m.openStore(globals.db ?? env.COWORK_DB ?? defaultDbPath(env), options));
      return store;
    },
    operatorLogin: () => globals.as ?? (env.COWORK_USER || undefined) ?? config.read().login,
    operator() {
      operator ??= (async () => {
        const login = deps.operatorLogin();
        if (!login) {
          throw new NotAllowedError('noOperator');
        }
        const user = await (await deps.store()).user(login);
        if (!user) throw new NotAllowedError('unknownOperator', { login });
        return user;
      })();
      return operator;
    },
    async prompter(opts) {
      if (init.prompter) return init.prompter;
      return inquirerPrompter(io, deps.t(), opts);
    },
    config,
    async close() {
      if (store) await (await store.catch(() => null))?.close();
    },
  };
  return deps;
}
