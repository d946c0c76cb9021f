/**
 * Help that teaches, in process through main(): every command's help ends with examples in the
 * operator's language, every example runs on the demo, and a mistyped help topic, command or verb
 * gets a "did you mean" in that language.
 */
import { join } from 'node:path';
import { Help, type Command } from 'commander';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli.js';
import { catalog } from '../../src/ui/i18n.js';
import { expectFailure, inProcess, type InProcess } from '../helpers/main.js';
import { testDeps } from '../helpers/deps.js';

const en = catalog('en').help.examples as Record<string, [string, string][]>;
const ru = catalog('ru').help.examples as Record<string, [string, string][]>;

const ROOT = join(import.meta.dirname, '../..');

/** The files the examples name, as the repository holds them. */
const FILES: Record<string, string> = {
  'statement.csv': 'test/fixtures/statements/cowork.csv',
  'registry.csv': 'test/fixtures/statements/yookassa.csv',
  'fixture.json': 'examples/fixture.json',
};

/**
 * Examples meant to show a refusal, with the exit code they show. Every other example exits 0, or
 * may exit 8 when it is one of a command that reports differences (the demo's statement has a row
 * of an unknown order).
 */
const REFUSALS: Record<string, number> = {
  // The desk is the interactive screen: without a terminal it says so.
  'cowork desk': 2,
};
const REPORTS_DIFFERENCES = ['pay import', 'pay reconcile'];

/** The visible commands of the whole tree, by path: the nouns, and the commands that run. */
async function tree(): Promise<{ runnable: string[]; nouns: string[] }> {
  const t = await testDeps();
  const program = await buildProgram(t.deps);
  const runnable: string[] = [];
  const nouns: string[] = [];
  const walk = (cmd: Command, path: string[]) => {
    for (const c of new Help().visibleCommands(cmd).filter((c) => cmd.commands.includes(c))) {
      const p = [...path, c.name()];
      if (c.commands.length) {
        nouns.push(p.join(' '));
        walk(c, p);
      } else {
        runnable.push(p.join(' '));
      }
    }
  };
  walk(program, []);
  return { runnable, nouns };
}

/** A command line's words, as a shell splits it: quotes group, and are dropped. */
function words(line: string): string[] {
  return [...line.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3] ?? '');
}

/** An example's argv for main(): without `cowork`, its files from the repository, never a prompt. */
function argvOf(line: string): string[] {
  const [program, ...args] = words(line);
  expect(program).toBe('cowork');
  return [
    ...args.map((a) => {
      if (!/\.(csv|json)$/.test(a)) return a;
      expect(FILES[a], `a file for ${a} in FILES`).toBeDefined();
      return join(ROOT, FILES[a]!);
    }),
    '--no-input',
  ];
}

describe('examples on every command', () => {
  let runnable: string[];
  let nouns: string[];
  beforeAll(async () => {
    ({ runnable, nouns } = await tree());
  });

  it('every command that runs has 1 to 3 examples, in English and in Russian', () => {
    expect(runnable.length).toBeGreaterThan(30);
    for (const path of runnable) {
      for (const examples of [en, ru]) {
        expect(examples[path]?.length ?? 0, `examples of ${path}`).toBeGreaterThanOrEqual(1);
        expect(examples[path]!.length, `examples of ${path}`).toBeLessThanOrEqual(3);
      }
    }
  });

  it('every example names a command that exists: a stale one fails', () => {
    expect(Object.keys(en).filter((k) => !runnable.includes(k))).toEqual([]);
  });

  it('the command lines are the same in both languages; only the comments differ, one line each', () => {
    for (const [path, examples] of Object.entries(en)) {
      expect(
        ru[path]!.map(([c]) => c),
        path,
      ).toEqual(examples.map(([c]) => c));
      for (const [, comment] of [...examples, ...ru[path]!]) expect(comment, path).toMatch(/^\S[^\n]*$/);
      expect(ru[path]!.map(([, c]) => c)).not.toEqual(examples.map(([, c]) => c));
    }
  });

  it('every command has an example of itself (the one its noun shows)', () => {
    for (const [path, examples] of Object.entries(en)) {
      expect(
        examples.some(([c]) => `${c} `.includes(` ${path} `)),
        path,
      ).toBe(true);
    }
  });

  describe('the help shows them', () => {
    let cli: InProcess;
    beforeAll(async () => {
      cli = await inProcess();
    });

    it('--help of every command ends with its examples, in English and in Russian', async () => {
      for (const path of runnable) {
        for (const [lang, title, examples] of [
          ['en', 'Examples:', en],
          ['ru', 'Примеры:', ru],
        ] as const) {
          const r = await cli.run(['--lang', lang, ...path.split(' '), '--help']);
          expect(r.code, `${path} --help`).toBe(0);
          const block = [`\n${title}`, ...examples[path]!.flatMap(([command, comment]) => [`  # ${comment}`, `  ${command}`])].join('\n');
          expect(r.stdout.endsWith(`${block}\n`), `${lang} ${path} --help:\n${r.stdout}`).toBe(true);
        }
      }
    });

    it('--lang ru orders list --help shows «Примеры:» in Russian; cowork help orders list shows the same', async () => {
      const r = await cli.run(['--lang', 'ru', 'orders', 'list', '--help']);
      expect(r.stdout).toContain(
        '\nПримеры:\n  # Заказы, которые ещё ждут оплаты\n  cowork orders list --status awaiting_payment partially_paid\n',
      );
      expect(r.stdout).not.toContain('Examples:');
      const h = await cli.run(['--lang', 'ru', 'help', 'orders', 'list']);
      expect(h.code).toBe(0);
      expect(h.stdout).toBe(r.stdout);
    });

    it("a noun's help shows an example of each of its verbs", async () => {
      for (const noun of nouns) {
        const r = await cli.run([noun, '--help']);
        expect(r.stdout).toContain('\nExamples:\n');
        for (const path of runnable.filter((p) => p.startsWith(`${noun} `))) {
          const [command, comment] = en[path]!.find(([c]) => `${c} `.includes(` ${path} `))!;
          expect(r.stdout, noun).toContain(`  # ${comment}\n  ${command}\n`);
        }
      }
    });

    it("the program's own help lists the commands, without examples", async () => {
      const r = await cli.run(['--help']);
      expect(r.code).toBe(0);
      expect(r.stdout).not.toContain('Examples:');
    });
  });

  describe('every example runs on the demo (each command on a fresh one, its examples in order)', () => {
    it.each(Object.keys(en))('%s', async (path) => {
      const cli = await inProcess();
      for (const [line] of en[path]!) {
        const r = await cli.run(argvOf(line));
        const refusal = REFUSALS[line];
        const codes = REPORTS_DIFFERENCES.includes(path) ? [0, 8] : [0];
        if (refusal === undefined) expect(codes, `${line}\nstderr: ${r.stderr}`).toContain(r.code);
        else expectFailure(r, refusal);
      }
    });

    it('the reversal example reverses the payment the example before it records', async () => {
      const cli = await inProcess();
      const [record, reverse] = en['pay reverse']!.map(([line]) => argvOf(line));
      const id = (await cli.run(record!)).stdout.trim();
      expect(reverse).toContain(id);
      expect((await cli.run(reverse!)).code).toBe(0);
    });
  });
});

describe('did you mean', () => {
  let cli: InProcess;
  beforeAll(async () => {
    cli = await inProcess();
  });

  it.each([
    ['en', ['help', 'ordrs'], 'cowork: no help on "ordrs": did you mean "orders"?\n'],
    ['ru', ['help', 'ordrs'], 'cowork: справки по «ordrs» нет: может быть, «orders»?\n'],
    ['en', ['help', 'orders', 'lst'], 'cowork: no help on "orders lst": did you mean "orders list"?\n'],
    ['ru', ['help', 'orders', 'lst'], 'cowork: справки по «orders lst» нет: может быть, «orders list»?\n'],
    ['en', ['help', 'ordrs', 'list'], 'cowork: no help on "ordrs list": did you mean "orders list"?\n'],
    ['en', ['help', 'exit-code'], 'cowork: no help on "exit-code": did you mean "exit-codes"?\n'],
    ['ru', ['help', 'enviroment'], 'cowork: справки по «enviroment» нет: может быть, «environment»?\n'],
    ['en', ['help', 'msg', 'lost'], 'cowork: no help on "msg lost": did you mean "msg list" or "msg post"?\n'],
    ['ru', ['help', 'msg', 'lost'], 'cowork: справки по «msg lost» нет: может быть, «msg list» или «msg post»?\n'],
    ['en', ['help', 'frobnicate'], 'cowork: no help on "frobnicate": try `cowork help`\n'],
    ['ru', ['help', 'frobnicate'], 'cowork: справки по «frobnicate» нет: попробуйте cowork help\n'],
  ])('%s: cowork %j → exit 2, one line', async (lang, argv, line) => {
    const r = expectFailure(await cli.run(['--lang', lang, ...argv]), 2);
    expect(r.stderr).toBe(line);
  });

  it('under --json, the same as a JSON error', async () => {
    const r = expectFailure(await cli.run(['help', 'ordrs', '--json']), 2);
    expect(JSON.parse(r.stderr)).toEqual({ error: { code: 'USAGE', message: 'no help on "ordrs": did you mean "orders"?' } });
  });

  it.each([
    ['en', ['ordrs'], 'cowork: unknown command "ordrs" (did you mean orders?)\n'],
    ['ru', ['ordrs'], 'cowork: неизвестная команда «ordrs» (может быть, orders?)\n'],
    ['en', ['orders', 'lst'], 'cowork: unknown command "lst" (did you mean list?)\n'],
    ['ru', ['orders', 'lst'], 'cowork: неизвестная команда «lst» (может быть, list?)\n'],
    ['en', ['msg', 'lost'], 'cowork: unknown command "lost" (did you mean list or post?)\n'],
    ['ru', ['msg', 'lost'], 'cowork: неизвестная команда «lost» (может быть, list или post?)\n'],
    ['ru', ['orders', 'list', '--statu', 'x'], 'cowork: неизвестный флаг «--statu» (может быть, --status?)\n'],
  ])('%s: an unknown command, verb or flag: cowork %j suggests in the language', async (lang, argv, line) => {
    const r = expectFailure(await cli.run(['--lang', lang, ...argv]), 2);
    expect(r.stderr).toBe(line);
    if (lang === 'ru') expect(r.stderr).not.toMatch(/Did you mean|one of/i);
  });
});
