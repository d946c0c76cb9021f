/**
 * What a run of a command evaluates. In dist/cli.cjs (scripts/build.mjs) a module's top level runs
 * when a module that imports it statically runs, or when an import() reaches it: a run of `cowork
 * orders …` evaluates the static closure of the entry, of the orders command code (the catalog's
 * import()) and of the store (deps' import()). Start-up is paid on every run, so the libraries a
 * few commands need stay out of those closures, and a command's closure holds no other command's
 * code. The check reads the build's metafile (dist/meta.json): an import that drags something in
 * fails here, long before a benchmark would notice.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sandbox } from '../helpers/cli.js';
import { onPostgres } from '../helpers/targets.js';

const DIST = resolve(import.meta.dirname, '../../dist');

interface Meta {
  inputs: Record<string, { imports: { path: string; kind: string; external?: boolean }[] }>;
  outputs: Record<string, { entryPoint?: string; inputs: Record<string, unknown> }>;
}
const meta = JSON.parse(readFileSync(join(DIST, 'meta.json'), 'utf8')) as Meta;
const bundled = Object.keys(Object.values(meta.outputs).find((o) => o.entryPoint === 'src/cli.ts')!.inputs);

/** The modules that run when `starts` run: their static imports, and those modules', and so on. */
function closure(starts: string[]): Set<string> {
  const seen = new Set<string>();
  const todo = [...starts];
  while (todo.length) {
    const file = todo.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const i of meta.inputs[file]?.imports ?? []) if (!i.external && i.kind !== 'dynamic-import') todo.push(i.path);
  }
  return seen;
}

const dynamicImports = (file: string) => (meta.inputs[file]?.imports ?? []).filter((i) => i.kind === 'dynamic-import').map((i) => i.path);
const commands = dynamicImports('src/commands/catalog.ts');

/** Libraries a few commands need, by where their code comes from. */
const LIBRARIES: [string, RegExp][] = [
  ['zod (the fixture and mapping schemas)', /^vendored:zod$/],
  ['iconv-lite (a statement\u2019s encoding)', /^vendored:iconv-lite$/],
  ['csv-parse (quoted statements)', /^vendored:csv-parse/],
  ['@inquirer/prompts', /^vendored:@inquirer\/prompts$/],
  ['cli-table3 (tables on a terminal)', /node_modules\/cli-table3\//],
  ['chalk (colour)', /node_modules\/chalk\//],
];

describe('what a command run evaluates', () => {
  it('finds every command behind its own import(), and the store behind deps’ import()', () => {
    expect(commands).toEqual(expect.arrayContaining(['src/commands/orders/index.ts', 'src/commands/pay/index.ts', 'src/commands/desk.ts']));
    expect(commands.length).toBeGreaterThanOrEqual(13);
    expect(dynamicImports('src/deps.ts')).toContain('src/store/index.ts');
  });

  it('keeps the libraries of a few commands out of the bundle every run compiles (dist/vendor.cjs, dist/prompts.cjs hold them)', () => {
    for (const name of ['zod', 'iconv-lite', 'csv-parse', '@inquirer', 'chardet'])
      expect(bundled.filter((f) => f.includes(`node_modules/${name}/`))).toEqual([]);
    expect(bundled).toEqual(
      expect.arrayContaining(['vendored:zod', 'vendored:iconv-lite', 'vendored:csv-parse/sync', 'vendored:@inquirer/prompts']),
    );
  });

  it.each(LIBRARIES)('no command’s closure, with the entry and the store, brings in %s', (_name, where) => {
    // The library is in the build (so that finding it in no closure means something).
    expect(bundled.some((f) => where.test(f))).toBe(true);
    for (const command of commands) {
      const loaded = [...closure(['src/cli.ts', command, 'src/store/index.ts'])];
      expect(
        loaded.filter((f) => where.test(f)),
        command,
      ).toEqual([]);
    }
  });

  it('a command’s closure holds no other command’s code (the desk, which runs the others, aside)', () => {
    for (const command of commands.filter((c) => c !== 'src/commands/desk.ts')) {
      // A command in a folder of its own (a noun, seed) owns the folder; one beside them, only itself.
      const own = /^src\/commands\/[\w-]+\//.test(command) ? command.slice(0, command.lastIndexOf('/') + 1) : command;
      const verbs = [...closure(['src/cli.ts', command])].filter(
        (f) => /^src\/commands\/[\w-]+\/[\w-]+\.ts$/.test(f) && !f.endsWith('/shared.ts'),
      );
      expect(
        verbs.filter((f) => !f.startsWith(own)),
        command,
      ).toEqual([]);
    }
  });
});

/**
 * What a run loads of Node itself: Node's built-in modules that a read whose output goes to a pipe
 * does not need stay unloaded (src/ui/streams.ts writes the pipe directly; scripts/lazy-builtins.mjs
 * loads os, tty, module and child_process on first use). Only a process shows this.
 */
// On PostgreSQL a read needs the network modules, and pg from node_modules.
describe.skipIf(onPostgres)('what a command run loads of Node (SQLite)', () => {
  it('a read into a pipe loads neither process.stdout’s stream and network modules, nor tty, os, module, child_process or readline', () => {
    const sb = sandbox({ seedDemo: true });
    const preload = join(sb.dir, 'modules.cjs');
    const list = join(sb.dir, 'modules.txt');
    writeFileSync(
      preload,
      `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(list)}, process.moduleLoadList.join('\\n')));`,
    );
    const r = sb.run(['orders', 'show', '1006313', '--json'], { env: { NODE_OPTIONS: `--require=${preload}` } });
    expect(r.code, r.stderr).toBe(0);
    const loaded = readFileSync(list, 'utf8').split('\n');
    // The list is what it seems: the run loaded the file system and the SQLite addon's loader.
    expect(loaded).toContain('NativeModule fs');
    const unneeded = ['net', 'stream', 'tty', 'os', 'module', 'child_process', 'readline'].map((m) => `NativeModule ${m}`);
    expect(loaded.filter((m) => unneeded.includes(m))).toEqual([]);
  });
});
