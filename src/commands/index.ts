/**
 * The command tree: `cowork <noun> <verb>`, one file per command. A run that names a command
 * loads and registers it in full, and the others by name and description only, enough for
 * commander's suggestions; help, or a name that is no command, loads them all; `--version` loads
 * none. Start-up is paid on every run: ./catalog.ts holds each command's code behind an import().
 */
import type { Command } from 'commander';
import type { Deps } from '../deps.js';
import { catalog, type Catalog } from './catalog.js';

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
  const nouns = deps.t().help.nouns;
  for (const e of ENTRIES) {
    if (!full(e)) {
      program.command(e.name).description(nouns[e.name]);
    } else if (e.noun) {
      const cmd = program.command(e.name).description(nouns[e.name]).helpCommand('help [command]', deps.t().help.helpOption);
      for (const r of await catalog[e.name]()) r.register(cmd, deps);
    } else {
      for (const r of await catalog[e.name]()) r.register(program, deps);
    }
  }
}
