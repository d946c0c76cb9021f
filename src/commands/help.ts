/** `cowork help [topic|command…]`: the exit codes, the environment, or a command's help. */
import type { Command } from 'commander';
import { UsageError } from '../core/errors.js';
import type { Deps } from '../deps.js';
import { printJson, printLines } from './shared.js';

export const EXIT_CODES: [number, string, string][] = [
  [0, 'OK', 'done (an empty list too)'],
  [1, 'UNEXPECTED', 'unexpected failure'],
  [2, 'USAGE', 'usage: unknown command or flag, a malformed value, a value missing where no prompt is allowed'],
  [3, 'CANCELLED', 'cancelled: a confirmation declined'],
  [4, 'NOT_ALLOWED', 'not allowed: unknown operator, wrong role, not responsible for the service'],
  [5, 'NOT_FOUND', 'not found: order, ticket, user or service'],
  [6, '(rule code)', 'refused by a rule: the 50 ₽ floor, a cancelled order, partial payment not allowed, capacity …'],
  [7, 'CONFLICT', 'conflict: an idempotency key or external id reused with other parameters'],
  [8, 'DIFFERENCES', 'differences: a reconciliation found mismatches, or an import rejected some rows'],
  [130, 'INTERRUPTED', 'interrupted (Ctrl-C)'],
];

export const ENVIRONMENT: [string, string][] = [
  ['COWORK_DB', 'the database: a file path or postgres://… (as --db); default $XDG_DATA_HOME/cowork/cowork.db'],
  ['COWORK_USER', 'the operator (as --as); else the login saved by `cowork login`'],
  ['COWORK_LANG', 'en or ru (as --lang); else taken from LANG / LC_ALL'],
  ['COWORK_NO_INPUT', 'any non-empty value but 0 or false: never prompt (as --no-input)'],
  ['COWORK_NOW', 'an ISO-8601 time that fixes the clock, for tests and demos'],
  ['COWORK_DEBUG', 'print the stack of an unexpected failure'],
  ['NO_COLOR', 'never colour (also --no-color, TERM=dumb, or output that is not a terminal)'],
  ['XDG_DATA_HOME', 'where the default database lives (default ~/.local/share)'],
  ['XDG_CONFIG_HOME', 'where the saved login lives: cowork/config.json (default ~/.config)'],
  ['COWORK_TEST_PG_URL', 'tests only: a PostgreSQL server for the PostgreSQL runs of the test suite'],
];

export function register(program: Command, deps: Deps): void {
  program.helpCommand(false);
  program
    .command('help')
    .description('help on a command, or on a topic: exit-codes, environment')
    .argument('[topic...]', 'exit-codes, environment, or a command such as `orders list`')
    .action((topic: string[]) => helpRun(program, topic, deps));
}

export function helpRun(program: Command, topic: string[], deps: Deps): void {
  const [first] = topic;
  if (first === 'exit-codes') {
    if (deps.json()) printJson(deps, EXIT_CODES.map(([code, name, meaning]) => ({ code, name, meaning })));
    else printLines(deps, EXIT_CODES.map(([c, n, m]) => `${String(c).padStart(3)}  ${n.padEnd(12)} ${m}`).join('\n'));
    return;
  }
  if (first === 'environment') {
    if (deps.json()) printJson(deps, ENVIRONMENT.map(([name, meaning]) => ({ name, meaning })));
    else printLines(deps, ENVIRONMENT.map(([n, m]) => `${n.padEnd(20)} ${m}`).join('\n'));
    return;
  }
  let cmd: Command = program;
  for (const name of topic) {
    const next = cmd.commands.find((c) => c.name() === name || c.aliases().includes(name));
    if (!next) throw new UsageError(`no help on "${topic.join(' ')}": try \`cowork help\``);
    cmd = next;
  }
  cmd.outputHelp();
}
