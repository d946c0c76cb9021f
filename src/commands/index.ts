/**
 * The command tree: `cowork <noun> <verb>`, one file per command. A run that names a command
 * registers it in full and the others by name and description only, enough for `cowork --help`
 * and for commander's suggestions; `--version` loads no command at all. Start-up is paid on every
 * run.
 *
 * The command code comes from one module, ./catalog.ts, which the build makes one chunk: loading
 * one file costs less than loading the two dozen small shared chunks that a dynamic import per noun
 * splits the code into (each ES module costs its resolve, read, compile and link). The database
 * layer (kysely, the driver) stays out of it, loaded by the first command that opens the store.
 */
import type { Command } from 'commander';
import type { Deps } from '../deps.js';
import type { Catalog } from './catalog.js';

interface Entry {
  name: keyof Catalog;
  /** A noun's verbs are registered under it; a top-level command on the program. */
  noun: boolean;
}

/** The commands, in the order `cowork --help` lists them; their descriptions are the catalog's `help.nouns`. */
const ENTRIES: Entry[] = [
  { name: 'desk', noun: false },
  { name: 'orders', noun: true },
  { name: 'pay', noun: true },
  { name: 'msg', noun: true },
  { name: 'tickets', noun: true },
  { name: 'services', noun: true },
  { name: 'users', noun: true },
  { name: 'db', noun: true },
  { name: 'seed', noun: false },
  { name: 'whoami', noun: false },
  { name: 'login', noun: false },
  { name: 'completion', noun: false },
  { name: 'help', noun: false },
];

/** Global options that take a value: their value is not the command's name. */
const VALUED = new Set(['--db', '--as', '--lang']);

/** The command argv names, or null when every command must be loaded (help, or none named). */
export function commandNamed(argv: string[]): string | null {
  let value = false;
  for (const a of argv) {
    if (value) {
      value = false;
      continue;
    }
    if (a === '--') return null;
    if (VALUED.has(a)) {
      value = true;
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
  const onlyVersion =
    argv !== undefined &&
    named === null &&
    argv.some((a) => a === '-V' || a === '--version') &&
    !argv.some((a) => a === '-h' || a === '--help' || a === 'help');
  const known = ENTRIES.some((e) => e.name === named);
  const full = (e: Entry) => !onlyVersion && (named === null || !known || e.name === named);
  const catalog = ENTRIES.some(full) ? (await import('./catalog.js')).catalog : null;
  const nouns = deps.t().help.nouns;
  for (const e of ENTRIES) {
    if (!catalog || !full(e)) {
      program.command(e.name).description(nouns[e.name]);
    } else if (e.noun) {
      const cmd = program.command(e.name).description(nouns[e.name]).helpCommand('help [command]', deps.t().help.helpOption);
      for (const r of catalog[e.name]) r.register(cmd, deps);
    } else {
      for (const r of catalog[e.name]) r.register(program, deps);
    }
  }
}
