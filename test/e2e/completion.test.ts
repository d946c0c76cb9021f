/**
 * The completion scripts in real shells: each is loaded as the README says, from the built
 * bin/cowork on PATH, over a sandbox with the demo, and asked what Tab offers. bash always (no
 * bash-completion package: `--norc --noprofile`); zsh and fish when this machine has them. Run
 * `npm run build` first. What `__complete` offers where is tested in process:
 * test/commands/completion.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, sandbox, type Sandbox } from '../helpers/cli.js';

function installed(shell: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${shell}`]).status === 0;
}

const HAS_ZSH = installed('zsh');
const HAS_FISH = installed('fish');

let sb: Sandbox;
let env: Record<string, string>;
let dir: string;

beforeAll(() => {
  sb = sandbox({ seedDemo: true });
  dir = mkdtempSync(join(tmpdir(), 'cowork-completion-'));
  const bin = join(dir, 'bin');
  mkdirSync(bin);
  // `cowork` on PATH, as an installed one is: a wrapper around the built binary.
  writeFileSync(join(bin, 'cowork'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`, { mode: 0o755 });
  env = { ...sb.env, PATH: `${bin}:${sb.env.PATH}`, TERM: 'dumb' };
});

function shell(cmd: string, args: string[]): string {
  const r = spawnSync(cmd, args, { env, encoding: 'utf8', timeout: 60_000 });
  expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: '' });
  return r.stdout;
}

/**
 * bash: the words as bash splits the command line (COMP_WORDS; `--flag=value` is three words), the
 * last one being completed; the function the script registered for `cowork`, called as bash calls
 * it; COMPREPLY, one a line.
 */
const BASH = `
source <(cowork completion bash)
spec=$(complete -p cowork) || exit 1
fn=\${spec#*-F }; fn=\${fn%% *}
COMP_WORDS=("$@"); COMP_CWORD=$(( $# - 1 )); COMP_LINE="$*"; COMP_POINT=\${#COMP_LINE}
"$fn" cowork "\${COMP_WORDS[COMP_CWORD]}" "\${COMP_WORDS[COMP_CWORD-1]}"
printf '%s\\n' "\${COMPREPLY[@]}"
`;

function bash(...words: string[]): string[] {
  return shell('bash', ['--norc', '--noprofile', '-c', BASH, 'bash', 'cowork', ...words])
    .split('\n')
    .filter(Boolean);
}

describe('bash', () => {
  it('parses (bash -n)', () => {
    expect(spawnSync('bash', ['-n', saved('bash')]).status).toBe(0);
  });

  it.each([
    [['or'], ['orders']],
    [['orders', 'li'], ['list']],
    [['orders', 'list', '--st'], ['--status']],
    [
      ['orders', 'list', '--status', ''],
      ['awaiting_payment', 'partially_paid', 'confirmed', 'cancelled'],
    ],
    [
      ['orders', 'list', '--service', ''],
      ['coworking-2', 'meeting-room'],
    ],
    [['orders', 'list', '--format', '=', 'j'], ['json']],
    [
      ['orders', 'list', '--format', '='],
      ['table', 'json', 'ndjson', 'csv'],
    ],
    [['orders', 'show', ''], []],
  ])('cowork %j → %j', (words, expected) => {
    expect(bash(...words)).toEqual(expected);
  });

  it('offers file names where a file goes', () => {
    writeFileSync(join(sb.dir, 'statement.csv'), 'external_id,order_number,amount,paid_at,method\n');
    expect(bash('pay', 'import', join(sb.dir, 'stat'))).toEqual([join(sb.dir, 'statement.csv')]);
  });
});

/**
 * zsh: an interactive zsh in a pseudo-terminal (zpty) with compinit and the script sourced; each
 * command line typed, then Tab. compadd is wrapped to write what it is given to match, and the
 * completion function to write a line of its own when it is done, which the harness waits for
 * before the next line.
 */
const ZSH = `
zmodload zsh/zpty
zpty z zsh -f -i
zpty -w z 'PROMPT= ; autoload -U compinit && compinit -u -D; source <(cowork completion zsh)'
zpty -w z 'compadd() { local -a m; builtin compadd -O m "$@"; (( $#m )) && print -rl -- $m >> $OUT; builtin compadd "$@" }'
zpty -w z 'functions[_cowork_tested]=$functions[_cowork]; _cowork() { _cowork_tested "$@"; print -r -- __END__ >> $OUT }'
: > $OUT
n=0
for line in "$@"; do
  (( n++ ))
  zpty -w -n z $'\\C-u'"$line"$'\\t'
  for (( k = 0; k < 150; k++ )); do (( $(grep -c __END__ $OUT) >= n )) && break; sleep 0.1; done
done
zpty -d z
`;

/** What zsh offers for each line, in order. */
function zsh(...lines: string[]): string[][] {
  const out = join(mkdtempSync(join(dir, 'zsh-')), 'offered');
  const r = spawnSync('zsh', ['-f', '-c', ZSH, 'zsh', ...lines], { env: { ...env, OUT: out }, encoding: 'utf8', timeout: 120_000 });
  expect(r.status, r.stderr).toBe(0);
  const sections = readFileSync(out, 'utf8').split('__END__\n');
  expect(sections, 'the completion function ran for every line').toHaveLength(lines.length + 1);
  // compsys calls compadd more than once with the same matches (to match, then to list).
  return sections.slice(0, -1).map((s) => [...new Set(s.split('\n').filter(Boolean))]);
}

/** A script saved to a file, for a shell's syntax check. */
function saved(shellName: string): string {
  const file = join(dir, `cowork.${shellName}`);
  writeFileSync(file, shell('cowork', ['completion', shellName]));
  return file;
}

/** A test that needs a shell this machine may not have: skipped, saying so, when it is missing. */
function withShell(has: boolean, name: string, title: string): string {
  return has ? title : `${title} (skipped: ${name} is not installed)`;
}

describe('zsh', () => {
  it.skipIf(!HAS_ZSH)(withShell(HAS_ZSH, 'zsh', 'parses (zsh -n)'), () => {
    expect(spawnSync('zsh', ['-n', saved('zsh')]).status).toBe(0);
  });

  it.skipIf(!HAS_ZSH)(
    withShell(HAS_ZSH, 'zsh', 'completes after compinit'),
    () => {
      const [commands, verbs, flags, statuses, services, inline] = zsh(
        'cowork or',
        'cowork orders li',
        'cowork orders list --st',
        'cowork orders list --status ',
        'cowork orders list --service ',
        'cowork orders list --format=j',
      );
      expect(commands).toEqual(['orders']);
      expect(verbs).toEqual(['list']);
      expect(flags).toEqual(['--status']);
      expect(statuses?.sort()).toEqual(['awaiting_payment', 'cancelled', 'confirmed', 'partially_paid']);
      expect(services).toEqual(['coworking-2', 'meeting-room']);
      expect(inline).toEqual(['--format=json']);
    },
    150_000,
  );
});

/** fish: `complete -C LINE` lists what Tab offers for LINE, a value and its description a line. */
function fish(line: string): string[] {
  return shell('fish', ['--no-config', '-c', 'cowork completion fish | source; complete -C $argv[1]', line])
    .split('\n')
    .filter(Boolean)
    .map((l) => l.split('\t')[0]!);
}

describe('fish', () => {
  it.skipIf(!HAS_FISH)(withShell(HAS_FISH, 'fish', 'parses (fish -n)'), () => {
    expect(spawnSync('fish', ['--no-config', '-n', saved('fish')]).status).toBe(0);
  });

  it.skipIf(!HAS_FISH)(withShell(HAS_FISH, 'fish', 'completes'), () => {
    expect(fish('cowork or')).toEqual(['orders']);
    expect(fish('cowork orders li')).toEqual(['list']);
    expect(fish('cowork orders list --st')).toEqual(['--status']);
    expect(fish('cowork orders list --status ').sort()).toEqual(['awaiting_payment', 'cancelled', 'confirmed', 'partially_paid']);
    expect(fish('cowork orders list --service ')).toEqual(['coworking-2', 'meeting-room']);
    expect(fish('cowork orders list --format=j')).toEqual(['--format=json']);
  });
});
