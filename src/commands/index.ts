/**
 * The command tree: `cowork <noun> <verb>`, one file per command. A run loads only the command
 * files of the noun it names (the others are registered by name and description, enough for
 * `cowork --help` and for commander's suggestions): start-up is paid on every run.
 */
import type { Command } from 'commander';
import type { Deps } from '../deps.js';

interface Registrar {
  register(parent: Command, deps: Deps): void;
}

interface Entry {
  name: string;
  description: string;
  /** A noun's verbs, registered under it; or a top-level command, registered on the program. */
  load(): Promise<Registrar[]>;
  noun: boolean;
}

const ENTRIES: Entry[] = [
  {
    name: 'orders',
    description: 'booking orders: list, show, create, assign, cancel',
    noun: true,
    load: () => import('./orders/index.js').then((m) => m.verbs),
  },
  {
    name: 'pay',
    description: 'payments: record at the desk, list, import and reconcile a gateway statement',
    noun: true,
    load: () => import('./pay/index.js').then((m) => m.verbs),
  },
  { name: 'msg', description: "an order's feed: post, list", noun: true, load: () => import('./msg/index.js').then((m) => m.verbs) },
  { name: 'tickets', description: "bookings' tickets: show, check-in", noun: true, load: () => import('./tickets/index.js').then((m) => m.verbs) },
  {
    name: 'services',
    description: 'coworking services: list, show, create, set',
    noun: true,
    load: () => import('./services/index.js').then((m) => m.verbs),
  },
  { name: 'users', description: 'users: list, add', noun: true, load: () => import('./users/index.js').then((m) => m.verbs) },
  { name: 'db', description: 'the database: status, migrate', noun: true, load: () => import('./db/index.js').then((m) => m.verbs) },
  { name: 'seed', description: 'load data: the demo, a fixture file (one transaction, idempotent), or generated orders', noun: false, load: () => Promise.all([import('./seed/seed.js')]) },
  { name: 'whoami', description: 'show the operator: who cowork acts as, and where its database is', noun: false, load: () => Promise.all([import('./whoami.js')]) },
  { name: 'login', description: 'save LOGIN as the operator for later runs (--as and COWORK_USER still win)', noun: false, load: () => Promise.all([import('./login.js')]) },
  { name: 'help', description: 'help on a command, or on a topic: exit-codes, environment', noun: false, load: () => Promise.all([import('./help.js')]) },
];

/** Global options that take a value: their value is not the command's name. */
const VALUED = new Set(['--db', '--as', '--lang']);

/** The command argv names, or null when every command must be loaded (help, or none named). */
export function commandNamed(argv: string[]): string | null {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') return null;
    if (VALUED.has(a)) {
      i++;
      continue;
    }
    if (a.startsWith('-')) continue;
    return a === 'help' ? null : a;
  }
  return null;
}

/**
 * Registers the commands. With `argv`, only the named command is loaded in full; without it (or
 * when help is asked for, or the name is unknown), all of them.
 */
export async function registerCommands(program: Command, deps: Deps, argv?: string[]): Promise<void> {
  const named = argv === undefined ? null : commandNamed(argv);
  const onlyVersion = argv !== undefined && named === null && argv.some((a) => a === '-V' || a === '--version') && !argv.some((a) => a === '-h' || a === '--help' || a === 'help');
  const known = ENTRIES.some((e) => e.name === named);
  const full = (e: Entry) => !onlyVersion && (named === null || !known || e.name === named);
  const loaded = await Promise.all(ENTRIES.map((e) => (full(e) ? e.load() : null)));
  ENTRIES.forEach((e, i) => {
    const registrars = loaded[i];
    if (!registrars) {
      program.command(e.name).description(e.description);
    } else if (e.noun) {
      const cmd = program.command(e.name).description(e.description);
      for (const r of registrars) r.register(cmd, deps);
    } else {
      for (const r of registrars) r.register(program, deps);
    }
  });
}
