/**
 * The program: builds the commander tree, the deps, and maps every error to an exit code, once.
 * Nothing else decides an exit code or calls process.exit.
 */
import { Command, CommanderError, Option } from 'commander';
import { CoworkError, UsageError } from './core/errors.js';
import { createDeps, type Deps, type DepsInit } from './deps.js';
import { registerCommands } from './commands/index.js';
import { VERSION } from './version.js';
import { langFrom } from './ui/i18n.js';
import { errorText } from './ui/error-text.js';

/** The program; with `argv`, only the command it names is loaded in full (see commands/index.ts). */
export async function buildProgram(deps: Deps, argv?: string[]): Promise<Command> {
  const program = new Command('cowork')
    .description("The terminal desk of a coworking operator's rental managers")
    .version(VERSION, '-V, --version')
    .option('--db <path|url>', 'the database: a file path or postgres://… (env COWORK_DB)')
    .option('--as <login>', 'the operator (env COWORK_USER, or the login saved by `cowork login`)')
    .option('--json', 'print JSON (on lists, the same as --format json)')
    .option('--no-color', 'never colour the output (also NO_COLOR, TERM=dumb)')
    .addOption(new Option('--lang <lang>', 'the language of the output (env COWORK_LANG, else LANG)').choices(['en', 'ru']))
    .option('--no-input', 'never prompt: a missing value is an error (env COWORK_NO_INPUT)')
    .option('-y, --yes', 'answer yes to confirmations')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => deps.io.stdout.write(s),
      writeErr: (s) => deps.io.stderr.write(s),
      // Errors are printed once, by main(), in the format the operator asked for.
      outputError: () => {},
    });
  program.hook('preAction', (_self, action) => deps.setGlobals(action.optsWithGlobals()));
  await registerCommands(program, deps, argv);
  return program;
}

function errorJson(code: string, message: string): string {
  return JSON.stringify({ error: { code, message } });
}

/** Runs cowork with `argv` (without node and the script) and returns the exit code. */
export async function main(argv: string[], init?: Partial<DepsInit>): Promise<number> {
  const io = init?.io ?? {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    stdinIsTTY: process.stdin.isTTY === true,
    stdoutIsTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
  };
  const wantsJson = argv.includes('--json') || argv.includes('--format=json') || argv.join(' ').includes('--format json');
  const fail = (code: string, message: string, exit: number) => {
    io.stderr.write(wantsJson ? errorJson(code, message) + '\n' : `cowork: ${message}\n`);
    return exit;
  };

  // Ctrl-C outside a prompt needs no handler: Node's default ends the process by the signal, which
  // a shell reports as 130, and an open SQLite transaction rolls back by itself. Inside a prompt,
  // @inquirer reads the keypress and throws, mapped to 130 below.
  let deps: Deps | undefined;
  try {
    deps = createDeps({ ...init, io, env: init?.env ?? process.env });
    await (await buildProgram(deps, argv)).parseAsync(argv, { from: 'user' });
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.exitCode === 0) return 0;
      // A noun without a verb: commander has shown its help on stderr, which says it all.
      if (e.code === 'commander.help') return 2;
      const message = e.message.replace(/^error: /, '');
      return fail('USAGE', message, 2);
    }
    if (e instanceof CoworkError) {
      return fail(e.code, errorText(e, deps?.lang() ?? langFrom(undefined, init?.env ?? process.env)), e.exitCode);
    }
    if (e instanceof Error && (e.name === 'ExitPromptError' || e.name === 'AbortPromptError')) return fail('INTERRUPTED', 'interrupted', 130);
    const message = e instanceof Error ? e.message : String(e);
    if (/SQLITE_BUSY|database is locked/.test(message)) {
      return fail('UNEXPECTED', 'the database stayed busy: another desk is holding it; try again', 1);
    }
    if (init?.env?.COWORK_DEBUG ?? process.env.COWORK_DEBUG) io.stderr.write(String((e as Error)?.stack ?? e) + '\n');
    return fail('UNEXPECTED', `unexpected failure: ${message}`, 1);
  } finally {
    await deps?.close().catch(() => {});
  }
}
