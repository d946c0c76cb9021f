/**
 * The program: builds the commander tree, the deps, and maps every error to an exit code, once.
 * Nothing else decides an exit code or calls process.exit.
 */
import { Command, CommanderError, Help, Option } from 'commander';
import { isatty } from 'node:tty';
import { CoworkError, EXIT_CODES, InterruptedError, UsageError, type Said } from './core/errors.js';
import { createDeps, type Deps, type DepsInit, type IO } from './deps.js';
import { commandNamed, registerCommands } from './commands/index.js';
import { VERSION } from './version.js';
import { catalog, langFrom, say, type Catalog } from './ui/i18n.js';
import { storeErrorOf } from './store/errors.js';
import { processStdout, quietOnClose } from './ui/streams.js';

/** The program; with `argv`, only the command it names is loaded in full (see commands/index.ts). */
export async function buildProgram(deps: Deps, argv?: string[]): Promise<Command> {
  const t = deps.t();
  const h = t.help;
  const program = new Command('cowork')
    .description(h.program)
    .version(VERSION, '-V, --version', h.version)
    .helpOption('-h, --help', h.helpOption)
    .option('--db <path|url>', h.globals.db)
    .option('--as <login>', h.globals.as)
    .option('--json', h.globals.json)
    .option('--no-color', h.globals.noColor)
    .addOption(new Option('--lang <lang>', h.globals.lang).choices(['en', 'ru']))
    .option('--no-input', h.globals.noInput)
    .option('-y, --yes', h.globals.yes)
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureHelp(helpIn(t))
    .configureOutput({
      writeOut: (s) => deps.io.stdout.write(s),
      writeErr: (s) => deps.io.stderr.write(s),
      // Errors are printed once, by main(), in the format and language the operator asked for.
      outputError: () => {},
    });
  program.hook('preAction', (_self, action) => {
    deps.setGlobals(action.optsWithGlobals());
    deps.setCommand(commandPath(action));
  });
  await registerCommands(program, deps, argv);
  return program;
}

/** A command's names below the program: `orders list`, `seed`; '' for the program itself. */
function commandPath(cmd: Command): string {
  const names: string[] = [];
  for (let c: Command | null = cmd; c?.parent; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}

/** Commander's own headings in the operator's language; every verb's help shows the global flags. */
function helpIn(t: Catalog): Partial<Help> {
  const plain = new Help();
  const titles: Record<string, string> = t.help.titles;
  const words = (usage: string) => usage.replace('[options]', t.help.optionsWord).replace('[command]', t.help.commandWord);
  const extra = (description: string, choices: readonly string[] | undefined) =>
    choices?.length ? `${description} (${t.help.choices}: ${choices.join(', ')})` : description;
  return {
    showGlobalOptions: true,
    styleTitle: (title: string) => titles[title] ?? title,
    commandUsage: (cmd: Command) => words(plain.commandUsage(cmd)),
    subcommandTerm: (cmd: Command) => words(plain.subcommandTerm(cmd)),
    optionDescription: (o: Option) => extra(o.description, o.argChoices),
    argumentDescription: (a) => extra(a.description, a.argChoices),
    formatHelp: (cmd: Command, helper: Help) => Help.prototype.formatHelp.call(helper, cmd, helper) + examplesOf(cmd, helper, t),
  };
}

/**
 * The help's last section: the catalog's examples of the command, or, for a noun, one example of
 * each of its verbs (the first that runs the verb itself); nothing for the program itself.
 */
function examplesOf(cmd: Command, helper: Help, t: Catalog): string {
  if (!cmd.parent) return '';
  const examples: Partial<Record<string, readonly (readonly [string, string])[]>> = t.help.examples;
  const own = (path: string) => examples[path]?.find(([command]) => `${command} `.includes(` ${path} `));
  const shown =
    examples[commandPath(cmd)] ??
    helper.visibleCommands(cmd).flatMap((verb) => {
      const example = own(commandPath(verb));
      return example ? [example] : [];
    });
  if (shown.length === 0) return '';
  const lines = shown.flatMap(([command, comment]) => [`  # ${comment}`, `  ${command}`]);
  return ['', helper.styleTitle('Examples:'), ...lines, ''].join('\n');
}

/**
 * Commander's refusals as cowork's usage errors: the catalog's words, with the flag or name that
 * commander quoted in its own message.
 */
function usageOf(e: CommanderError): UsageError {
  const quotedName = /'([^']*)'/.exec(e.message)?.[1] ?? '';
  // "(Did you mean orders?)" or "(Did you mean one of list, post?)": the names alone, so that the
  // catalog says it in the operator's language.
  const suggestions = /Did you mean (?:one of )?(.+?)\?/.exec(e.message)?.[1]?.split(', ') ?? [];
  const flag = quotedName.split(/[ ,<[]/)[0] ?? quotedName;
  switch (e.code) {
    case 'commander.unknownCommand':
      return new UsageError('unknownCommand', { name: quotedName, suggestions });
    case 'commander.unknownOption':
      return new UsageError('unknownOption', { flag: quotedName, suggestions });
    case 'commander.missingArgument':
      return new UsageError('missingArgument', { name: quotedName });
    case 'commander.optionMissingArgument':
      return new UsageError('missingOptionValue', { flag });
    case 'commander.missingMandatoryOptionValue':
      return new UsageError('flagRequired', { flags: [flag] });
    case 'commander.excessArguments': {
      const counts = /Expected (\d+) arguments? but got (\d+)/.exec(e.message);
      return new UsageError('excessArguments', { count: counts ? Number(counts[2]) - Number(counts[1]) : 1 });
    }
    case 'commander.invalidArgument': {
      const value = /argument '([^']*)' is invalid/.exec(e.message)?.[1] ?? '';
      const choices = /Allowed choices are (.+)\.$/m.exec(e.message)?.[1]?.split(', ') ?? [];
      return new UsageError('invalidChoice', { flag, value, choices });
    }
    default:
      return new UsageError('usage', { text: e.message.replace(/^error: /, '') });
  }
}

/** Whether argv names no command, asks for no help or version, and a person is at a terminal. */
function deskByDefault(argv: string[], deps: Deps): boolean {
  if (commandNamed(argv) !== null || argv.includes('help')) return false;
  if (argv.some((a) => ['-h', '--help', '-V', '--version', '--no-input', '--json'].includes(a))) return false;
  return deps.interactive();
}

/**
 * The process's streams as a run uses them, each made when first used: Node's process.stdin,
 * stdout and stderr each cost a run milliseconds to make, and most runs need few of them. `tee`
 * sees every text written to stdout. `pending()`: whether text written waits still for its reader.
 */
export function processIo(tee?: (text: string) => void): IO & { pending(): boolean } {
  const stdout = processStdout(tee);
  let stderr: NodeJS.WriteStream | undefined;
  return {
    stdout,
    get stderr() {
      return (stderr ??= quietOnClose(process.stderr));
    },
    // On a file or /dev/null, process.stdin loads the file-stream and promise modules.
    get stdin() {
      return process.stdin;
    },
    // Asked only when a command could prompt (node:tty loads on first use: scripts/lazy-builtins.mjs).
    get stdinIsTTY() {
      return isatty(0);
    },
    stdoutIsTTY: stdout.isTTY,
    get stderrIsTTY() {
      return process.stderr.isTTY === true;
    },
    columns: stdout.columns,
    pending: () => stdout.pending() || (stderr !== undefined && stderr.writableLength > 0),
  };
}

/** Runs cowork with `argv` (without node and the script) and returns the exit code. */
export async function main(argv: string[], init?: Partial<DepsInit>): Promise<number> {
  const io = init?.io ?? processIo();
  const env = init?.env ?? process.env;
  let deps: Deps | undefined;
  let program: Command | undefined;

  const fail = (code: string, said: Said, exit: number) => {
    // The options commander parsed before it stopped decide the language and JSON, never a
    // search of the raw argv (a message's text may well contain "--json").
    const parsed = program?.opts<{ lang?: string }>() ?? {};
    const message = say(catalog(langFrom(deps?.globals.lang ?? parsed.lang, env)), said);
    const json = deps?.json() === true || wantsJson(program && commandOf(program, argv));
    io.stderr.write(json ? JSON.stringify({ error: { code, message } }) + '\n' : `cowork: ${message}\n`);
    return exit;
  };

  // Ctrl-C outside a prompt needs no handler: Node's default ends the process by the signal, which
  // a shell reports as 130, and an open SQLite transaction rolls back by itself. Inside a prompt,
  // @inquirer reads the keypress and throws, mapped to 130 below.
  try {
    deps = createDeps({ ...init, io, env });
    // Help and every description are built in the operator's language: --lang is read first, by
    // commander, from wherever it stands in argv.
    deps.setGlobals({ lang: languageFlag(argv) });
    // `cowork` alone on a terminal opens the desk; off a terminal it prints help, as commander does.
    if (deskByDefault(argv, deps)) argv = [...argv, 'desk'];
    program = await buildProgram(deps, argv);
    await program.parseAsync(argv, { from: 'user' });
    return EXIT_CODES.OK;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.exitCode === 0) return EXIT_CODES.OK;
      // A noun without a verb: commander has shown its help on stderr, which says it all.
      if (e.code === 'commander.help') return EXIT_CODES.USAGE;
      const u = usageOf(e);
      return fail(u.code, u.said, u.exitCode);
    }
    const known: CoworkError | null = e instanceof CoworkError ? (e as CoworkError) : (interrupted(e) ?? storeErrorOf(e));
    if (known) return fail(known.code, known.said, known.exitCode);
    if (env.COWORK_DEBUG) io.stderr.write(String(e instanceof Error ? e.stack : e) + '\n');
    const message = e instanceof Error ? e.message : String(e);
    return fail('UNEXPECTED', { key: 'unexpected', args: [{ message }] }, EXIT_CODES.UNEXPECTED);
  } finally {
    await deps?.close().catch(() => {});
  }
}

function interrupted(e: unknown): InterruptedError | null {
  return e instanceof Error && (e.name === 'ExitPromptError' || e.name === 'AbortPromptError') ? new InterruptedError('interrupted') : null;
}

/** The value of --lang in argv, as commander reads it; undefined when there is none. */
function languageFlag(argv: string[]): string | undefined {
  const early = new Command().option('--lang <lang>').allowUnknownOption().allowExcessArguments().helpOption(false).exitOverride();
  try {
    early.parseOptions(argv);
  } catch {
    return undefined;
  }
  return early.opts<{ lang?: string }>().lang;
}

/** The command argv names (its noun and verb), whose options commander has parsed. */
function commandOf(program: Command, argv: string[]): Command {
  let cmd = program;
  for (const a of argv) {
    if (a === '--') break;
    const next = a.startsWith('-') ? undefined : cmd.commands.find((c) => c.name() === a);
    if (next) cmd = next;
  }
  return cmd;
}

/** `--json`, or `--format json` on the command being run, as commander has parsed them. */
function wantsJson(cmd: Command | undefined): boolean {
  if (!cmd) return false;
  const opts = cmd.optsWithGlobals<{ json?: boolean; format?: string }>();
  return opts.json === true || opts.format === 'json';
}
