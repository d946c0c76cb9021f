/**
 * What every run loads: the command code and the store, and the modules they import statically.
 * Start-up is paid on every run, so the libraries a few commands need (the fixture and mapping
 * schemas, the encodings of a statement, the CSV parser, prompts, tables, colour) stay out of that
 * closure and load when a command needs them. The check reads the built chunks: a static import
 * that drags one in fails here, long before a benchmark would notice.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const DIST = resolve(import.meta.dirname, '../../dist');

/** The chunks a module imports statically, and those they import, and so on. */
function closure(start: string): Set<string> {
  const seen = new Set<string>();
  const todo = [start];
  while (todo.length) {
    const file = todo.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = readFileSync(join(DIST, file), 'utf8');
    const dir = file.includes('/') ? file.slice(0, file.lastIndexOf('/') + 1) : '';
    for (const m of text.matchAll(/(?:from|import)\s*"\.\/([\w.-]+\.js)"/g)) todo.push(dir + m[1]);
  }
  return seen;
}

/** What a chunk holds, by a word only that library's code has. */
const LIBRARIES: [string, RegExp][] = [
  ['zod (the fixture and mapping schemas)', /\bZodError\b/],
  ['iconv-lite (a statement\u2019s encoding)', /\biconv\b/i],
  ['csv-parse (quoted statements)', /CsvError/],
  ['@inquirer/prompts', /to launch your/],
  ['cli-table3', /"top-left"/],
];

describe('what every command run loads', () => {
  const cli = readFileSync(join(DIST, 'cli.js'), 'utf8');
  const dynamic = [...cli.matchAll(/import\("\.\/(chunks\/[\w.-]+\.js)"\)/g)].map((m) => m[1]!);

  it('finds the command code and the store among the entry’s dynamic imports', () => {
    expect(dynamic.some((f) => f.includes('catalog-'))).toBe(true);
    expect(dynamic.some((f) => f.includes('store-'))).toBe(true);
  });

  it.each(LIBRARIES)('no static import of the command code or the store brings in %s', (_name, word) => {
    // The word finds the library somewhere in the build, so that finding it nowhere on the path means something.
    const chunks = readdirSync(join(DIST, 'chunks')).filter((f) => f.endsWith('.js'));
    expect(chunks.some((f) => word.test(readFileSync(join(DIST, 'chunks', f), 'utf8')))).toBe(true);
    const loaded = new Set([...closure('cli.js'), ...dynamic.filter((f) => /catalog-|store-/.test(f)).flatMap((f) => [...closure(f)])]);
    const holding = [...loaded].filter((f) => word.test(readFileSync(join(DIST, f), 'utf8')));
    expect(holding).toEqual([]);
  });
});
