/** `cowork help [topic|command…]`: the exit codes, the environment, or a command's help. */
import { Help, type Command } from 'commander';
import { EXIT_CODES, UsageError, type ExitName } from '../core/errors.js';
import type { Deps } from '../deps.js';
import { similarTo } from '../ui/similar.js';
import { printJson, printLines } from './shared.js';

/** The name a JSON error's `code` has for each exit; a refusal by a rule carries the rule's own code. */
function codeName(name: ExitName): string | null {
  return name === 'RULE' ? null : name;
}

export function register(program: Command, deps: Deps): void {
  const h = deps.t().help;
  program.helpCommand(false);
  program
    .command('help')
    .description(h.nouns.help)
    .argument('[topic...]', h.helpTopic.topic)
    .action((topic: string[]) => helpRun(program, topic, deps));
}

export function helpRun(program: Command, topic: string[], deps: Deps): void {
  const [first] = topic;
  const h = deps.t().help;
  if (first === 'exit-codes') {
    const rows = (Object.entries(EXIT_CODES) as [ExitName, number][]).map(([name, code]) => ({
      code,
      name: codeName(name),
      meaning: h.exitCodes.meaning[name],
    }));
    // JSON keeps the names stable whatever the language; the table says "(rule code)" in it.
    if (deps.json()) {
      printJson(
        deps,
        rows.map((r) => ({ ...r, name: r.name ?? '(rule code)' })),
      );
      return;
    }
    printLines(
      deps,
      rows.map((r) => `${String(r.code).padStart(3)}  ${(r.name ?? h.exitCodes.ruleCode).padEnd(13)} ${r.meaning}`).join('\n'),
    );
    return;
  }
  if (first === 'environment') {
    const rows = Object.entries(h.environment).map(([name, meaning]) => ({ name, meaning }));
    if (deps.json()) printJson(deps, rows);
    else printLines(deps, rows.map((r) => `${r.name.padEnd(20)} ${r.meaning}`).join('\n'));
    return;
  }
  let cmd: Command = program;
  for (const [i, name] of topic.entries()) {
    const next = named(cmd, name);
    if (!next) {
      const suggestions = meant(cmd, topic.slice(0, i), name, topic.slice(i + 1));
      throw new UsageError('noHelpOn', { topic: topic.join(' '), suggestions });
    }
    cmd = next;
  }
  cmd.outputHelp();
}

/** The topics that are not commands. */
const TOPICS = ['exit-codes', 'environment'];

function named(cmd: Command, name: string): Command | undefined {
  return cmd.commands.find((c) => c.name() === name || c.aliases().includes(name));
}

/**
 * What a mistyped topic may have meant, whole (`orders list` for `orders lst`): the names closest
 * to the mistyped word among the commands at its level (and the topics, at the top), as commander
 * suggests for an unknown command; the words after it are kept when they name commands there.
 */
function meant(cmd: Command, before: string[], word: string, after: string[]): string[] {
  const visible = new Help().visibleCommands(cmd).filter((c) => cmd.commands.includes(c));
  const names = visible.flatMap((c) => [c.name(), ...c.aliases()]);
  const paths = similarTo(word, before.length === 0 ? [...names, ...TOPICS] : names).map((name) => {
    let path = [...before, name];
    let at = named(cmd, name);
    for (const next of after) {
      at = at && named(at, next);
      if (!at) break;
      path = [...path, next];
    }
    return path.join(' ');
  });
  return [...new Set(paths)];
}
