/**
 * `cowork completion bash|zsh|fish`: a script that a shell loads to complete cowork's command line.
 *
 * The script knows nothing of cowork's commands: on every Tab it asks cowork itself, through the
 * hidden `cowork __complete -- WORD… CURRENT`, which walks the command tree (the one `cowork --help`
 * shows) and prints the candidates for CURRENT, one a line, each optionally followed by a tab and a
 * description (zsh and fish show it, bash does not). A line `:files` asks the shell to offer file
 * names as well. The words come after `--`, so that commander reads none of them as cowork's own
 * flags. A new command, flag or choice completes without a new script.
 *
 * What it offers: the subcommands of a noun; the long flags of the command and the global ones
 * when the word starts with `-`; an option's values: its choices, the statuses, the dates' words,
 * and from the database, when there is one already, service slugs and user logins, as much of them
 * as the operator may see (`services list`, `users list`). A Tab never creates a database, never
 * prompts and never prints an error: whatever fails, it offers nothing more and exits 0.
 */
import { Help, type Argument, type Command, type Option } from 'commander';
import { servicesToList } from '../app/services.js';
import { listUsers } from '../app/users.js';
import { UsageError } from '../core/errors.js';
import { FORMAT_NAMES } from '../core/statements/formats.js';
import { ORDER_STATUSES, TICKET_STATUSES, type Role } from '../core/types.js';
import type { Deps } from '../deps.js';
import { safeLine } from '../ui/text.js';

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

/** The hidden command the scripts call back. */
export const COMPLETE = '__complete';

/** What a Tab may insert, and what the shell shows beside it. */
export interface Candidate {
  value: string;
  description?: string;
}

export interface Answer {
  candidates: Candidate[];
  /** The shell offers file names too. */
  files?: boolean;
}

export function register(program: Command, deps: Deps): void {
  const h = deps.t().help;
  program
    .command('completion')
    .description(h.nouns.completion)
    .argument('<shell>', h.completion.shell, shellArg)
    .action((shell: Shell) => completionRun(shell, deps));
  program
    .command(COMPLETE, { hidden: true })
    .argument('[words...]')
    .helpOption(false)
    .allowUnknownOption()
    .allowExcessArguments()
    .action((words: string[]) => completeRun(program, words, deps));
}

function shellArg(v: string): Shell {
  if (!(SHELLS as readonly string[]).includes(v)) throw new UsageError('unknownShell', { shell: v, shells: [...SHELLS] });
  return v as Shell;
}

/** Prints the script for `shell` on stdout. */
export function completionRun(shell: Shell, deps: Deps): void {
  deps.io.stdout.write(SCRIPTS[shell]);
}

/** Prints the candidates for the last of `words`; never fails. */
export async function completeRun(program: Command, words: string[], deps: Deps): Promise<void> {
  let answer: Answer = { candidates: [] };
  try {
    answer = await complete(program, words, deps);
  } catch {
    // A Tab shows no error: it offers nothing.
  }
  const lines = answer.candidates.map((c) => (c.description ? `${c.value}\t${oneLine(c.description)}` : c.value));
  if (answer.files) lines.push(':files');
  if (lines.length) deps.io.stdout.write(lines.join('\n') + '\n');
}

/** A description on the one line a candidate has: user text made safe, the help's spacing kept short. */
function oneLine(text: string): string {
  return safeLine(text.replace(/\s+/g, ' ').trim());
}

/** Where the words before the current one leave the command line. */
interface Place {
  cmd: Command;
  /** The operands of `cmd` so far. */
  operands: string[];
  /** An option whose value is the next word. */
  pending?: Option;
  /** A variadic option that takes the next words until a flag. */
  variadic?: Option;
  /** The values given to each option so far. */
  given: Map<Option, string[]>;
  /** After `--`: every word is an operand. */
  dashes: boolean;
  /** Inside `help`: the words name commands below this one. */
  topics?: Command;
}

/** The candidates for the last word of `words`, given the ones before it. */
export async function complete(program: Command, words: string[], deps: Deps): Promise<Answer> {
  const current = words.at(-1) ?? '';
  const place = walk(program, words.slice(0, -1));
  useGlobals(place, deps);
  const answer = await candidatesAt(place, current, deps);
  return { ...answer, candidates: answer.candidates.filter((c) => c.value.startsWith(current)) };
}

function walk(program: Command, words: string[]): Place {
  const p: Place = { cmd: program, operands: [], given: new Map(), dashes: false };
  const give = (o: Option, value: string) => {
    p.given.set(o, [...(p.given.get(o) ?? []), value]);
    p.variadic = o.variadic ? o : undefined;
  };
  for (const w of words) {
    if (p.pending) {
      give(p.pending, w);
      p.pending = undefined;
      continue;
    }
    if (!p.dashes && w === '--') {
      p.dashes = true;
      p.variadic = undefined;
      continue;
    }
    if (!p.dashes && w.length > 1 && w.startsWith('-')) {
      p.variadic = undefined;
      const [flag, inline] = splitInline(w);
      const o = optionAt(p.cmd, flag);
      if (o && takesValue(o)) {
        if (inline === undefined) p.pending = o;
        else give(o, inline);
      }
      continue;
    }
    if (p.variadic) {
      give(p.variadic, w);
      continue;
    }
    if (p.topics) {
      p.topics = subcommandsOf(p.topics).find((c) => named(c, w)) ?? p.topics;
      p.operands.push(w);
      continue;
    }
    const sub = p.operands.length === 0 ? subcommandsOf(p.cmd).find((c) => named(c, w)) : undefined;
    if (sub?.name() === 'help') p.topics = p.cmd;
    if (sub) p.cmd = sub;
    else p.operands.push(w);
  }
  return p;
}

/** `--flag=value` as the flag and its value; any other word as itself. */
function splitInline(w: string): [string, string | undefined] {
  const i = w.indexOf('=');
  return w.startsWith('--') && i > 2 ? [w.slice(0, i), w.slice(i + 1)] : [w, undefined];
}

function takesValue(o: Option): boolean {
  return o.required || o.optional;
}

function named(c: Command, w: string): boolean {
  return c.name() === w || c.aliases().includes(w);
}

/** The subcommands a person may type (not hidden; a noun's `help` too). */
function subcommandsOf(cmd: Command): Command[] {
  return new Help().visibleCommands(cmd);
}

/** The flags of a command and those of its ancestors, which commander reads after it too. */
function flagsOf(cmd: Command): Option[] {
  const help = new Help();
  help.showGlobalOptions = true;
  return [...help.visibleOptions(cmd), ...help.visibleGlobalOptions(cmd)];
}

function optionAt(cmd: Command, flag: string): Option | undefined {
  for (let c: Command | null = cmd; c; c = c.parent) {
    const o = c.options.find((x) => x.long === flag || x.short === flag);
    if (o) return o;
  }
  return undefined;
}

/** `--db` and `--as` among the words decide the database and the operator whose view is offered. */
function useGlobals(p: Place, deps: Deps): void {
  const value = (long: string) => [...p.given].find(([o]) => o.long === long)?.[1].at(-1);
  const db = value('--db') ?? deps.globals.db ?? deps.env.COWORK_DB;
  deps.setGlobals({ ...deps.globals, db: db === undefined ? undefined : briefly(db), as: value('--as') ?? deps.globals.as });
}

/**
 * A PostgreSQL URL that gives up fast: a Tab waits for no server that is down. Its own limits,
 * where it names them, stay.
 */
function briefly(target: string): string {
  if (!/^postgres(ql)?:\/\//i.test(target)) return target;
  try {
    const u = new URL(target);
    if (!u.searchParams.has('connect_timeout')) u.searchParams.set('connect_timeout', '2');
    if (!u.searchParams.has('statement_timeout')) u.searchParams.set('statement_timeout', '2000');
    return u.toString();
  } catch {
    return target;
  }
}

async function candidatesAt(p: Place, current: string, deps: Deps): Promise<Answer> {
  if (p.pending) return valuesOf(p.pending, p, deps);
  if (!p.dashes && current.startsWith('--') && current.includes('=')) {
    const [flag] = splitInline(current);
    const o = optionAt(p.cmd, flag);
    if (!o || !takesValue(o)) return { candidates: [] };
    const values = await valuesOf(o, p, deps);
    return { candidates: values.candidates.map((c) => ({ ...c, value: `${flag}=${c.value}` })) };
  }
  if (!p.dashes && current.startsWith('-')) {
    return { candidates: flagsOf(p.cmd).flatMap((o) => (o.long ? [{ value: o.long, description: o.description }] : [])) };
  }
  if (p.variadic) return valuesOf(p.variadic, p, deps);
  if (p.topics) return { candidates: topicsAt(p.topics) };
  if (p.operands.length === 0 && p.cmd.commands.length > 0) {
    return { candidates: subcommandsOf(p.cmd).map((c) => ({ value: c.name(), description: c.description() })) };
  }
  const args = p.cmd.registeredArguments;
  const last = args.at(-1);
  const arg = args[p.operands.length] ?? (last?.variadic ? last : undefined);
  return arg ? argumentValues(arg, p, deps) : { candidates: [] };
}

/** After `help`: the commands below `at`; at the top, the topics of `cowork help` too. */
function topicsAt(at: Command): Candidate[] {
  const commands = subcommandsOf(at).filter((c) => c.name() !== 'help');
  const topics = at.parent ? [] : ['exit-codes', 'environment'];
  return [...commands.map((c) => ({ value: c.name(), description: c.description() })), ...topics.map((value) => ({ value }))];
}

const plain = (values: readonly string[], describe?: (v: string) => string): Answer => ({
  candidates: values.map((value) => ({ value, ...(describe ? { description: describe(value) } : {}) })),
});

/** The values of an option: its choices, or what its name says it takes. */
async function valuesOf(o: Option, p: Place, deps: Deps): Promise<Answer> {
  const given = new Set(o.variadic ? (p.given.get(o) ?? []) : []);
  const answer = await optionValues(o, p, deps);
  return { ...answer, candidates: answer.candidates.filter((c) => !given.has(c.value)) };
}

async function optionValues(o: Option, p: Place, deps: Deps): Promise<Answer> {
  const t = deps.t();
  if (o.argChoices) return plain(o.argChoices);
  switch (o.long) {
    case '--status':
      return pathOf(p.cmd) === 'tickets list'
        ? plain(TICKET_STATUSES, (s) => t.ticketStatus[s as (typeof TICKET_STATUSES)[number]])
        : plain(ORDER_STATUSES, (s) => t.status[s as (typeof ORDER_STATUSES)[number]]);
    case '--service':
      return slugs(deps);
    case '--as':
      return logins(deps);
    case '--applicant':
      return logins(deps, ['guest']);
    case '--assignee':
      return logins(deps, ['rental_manager', 'admin'], ['none', 'me']);
    case '--recorded-by':
      return logins(deps, ['rental_manager', 'admin'], ['me']);
    case '--manager':
    case '--add-manager':
    case '--remove-manager':
      return logins(deps, ['rental_manager']);
    case '--db':
    case '--map':
      return { candidates: [], files: true };
    case '--format':
      return plain(FORMAT_NAMES);
    case '--encoding':
      return plain(['utf-8', 'windows-1251']);
    case '--time-zone':
      return plain(Intl.supportedValuesOf('timeZone'));
  }
  // A day flag also takes these words (dayArg); a date flag of another kind takes only dates.
  return /<date>/.test(o.flags) ? plain(['today', 'yesterday', 'tomorrow']) : { candidates: [] };
}

async function argumentValues(a: Argument, p: Place, deps: Deps): Promise<Answer> {
  if (a.argChoices) return plain(a.argChoices);
  switch (a.name()) {
    case 'shell':
      return plain(SHELLS);
    case 'slug':
      return slugs(deps);
    case 'login':
      return pathOf(p.cmd) === 'orders assign' ? logins(deps, ['rental_manager', 'admin'], ['none', 'me']) : logins(deps);
    case 'file':
      return { candidates: [], files: true };
  }
  return { candidates: [] };
}

function pathOf(cmd: Command): string {
  const names: string[] = [];
  for (let c: Command | null = cmd; c?.parent; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}

/** The slugs of the services the operator may know of (`services list`). */
async function slugs(deps: Deps): Promise<Answer> {
  const store = await deps.store({ migrate: false });
  const services = await servicesToList(store, await deps.operator());
  return { candidates: services.map((s) => ({ value: s.slug, description: s.name })) };
}

/** The logins the operator may list (`users list`: rental managers and admins), of these roles; `words` first. */
async function logins(deps: Deps, roles?: Role[], words: string[] = []): Promise<Answer> {
  let users: Candidate[] = [];
  try {
    const store = await deps.store({ migrate: false });
    const all = await listUsers(store, await deps.operator());
    users = all.filter((u) => !roles || roles.includes(u.role)).map((u) => ({ value: u.login, description: u.name }));
  } catch {
    // No database, no operator, or one who may not list users: the words alone.
  }
  return { candidates: [...words.map((value) => ({ value })), ...users] };
}

/**
 * The scripts. Each passes the words before the cursor and the current one to `cowork __complete`,
 * and turns its lines into the shell's candidates.
 *
 * bash splits `--flag=value` at `=` (COMP_WORDBREAKS): the `=` words are dropped, so cowork reads
 * `--flag value`, and the shell replaces only the text after `=`. It needs no bash-completion
 * package.
 */
const BASH = `__cowork_complete() {
  local cmd=\${COMP_WORDS[0]} cur=\${COMP_WORDS[COMP_CWORD]} i line files=
  local -a words=()
  [[ $cmd == "~/"* ]] && cmd=$HOME/\${cmd#"~/"}
  for (( i = 1; i < COMP_CWORD; i++ )); do
    [[ \${COMP_WORDS[i]} == "=" ]] || words+=("\${COMP_WORDS[i]}")
  done
  [[ $cur == "=" ]] && cur=
  COMPREPLY=()
  while IFS= read -r line; do
    case $line in
      :files) files=1 ;;
      "") ;;
      *) COMPREPLY+=("\${line%%$'\\t'*}") ;;
    esac
  done < <("$cmd" ${COMPLETE} -- \${words[@]+"\${words[@]}"} "$cur" </dev/null 2>/dev/null)
  if [[ -n $files ]]; then
    compopt -o filenames 2>/dev/null
    while IFS= read -r line; do COMPREPLY+=("$line"); done < <(compgen -f -- "$cur")
  fi
  return 0
}
complete -F __cowork_complete cowork
`;

/** zsh: loaded by `source` after compinit, or as the file `_cowork` in $fpath. */
const ZSH = `#compdef cowork
_cowork() {
  local -a lines candidates
  local line files=0
  lines=("\${(@f)$(\${words[1]} ${COMPLETE} -- "\${(@Q)words[2,CURRENT-1]}" "\${(Q)PREFIX}" </dev/null 2>/dev/null)}")
  for line in "\${lines[@]}"; do
    case $line in
      :files) files=1 ;;
      *$'\\t'*) candidates+=("\${\${line%%$'\\t'*}//:/\\\\:}:\${line#*$'\\t'}") ;;
      ?*) candidates+=("\${line//:/\\\\:}") ;;
    esac
  done
  (( \${#candidates} )) && _describe -t values cowork candidates
  (( files )) && _files
  return 0
}
if [[ \${funcstack[1]} == _cowork ]]; then
  _cowork "$@"
else
  compdef _cowork cowork
fi
`;

const FISH = `function __cowork_complete
    set -l tokens (commandline -opc)
    set -l current (commandline -ct)
    for line in ($tokens[1] ${COMPLETE} -- $tokens[2..-1] "$current" </dev/null 2>/dev/null)
        if test "$line" = :files
            __fish_complete_path "$current"
        else if test -n "$line"
            printf '%s\\n' $line
        end
    end
end
complete -c cowork -f -a '(__cowork_complete)'
`;

const SCRIPTS: Record<Shell, string> = { bash: BASH, zsh: ZSH, fish: FISH };
