/**
 * "Did you mean …?": the edit distance and the closest names, pure. They must suggest what
 * commander suggests for an unknown command, so that `cowork help ordrs` and `cowork ordrs` agree:
 * checked against commander's own function, read from its package file.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editDistance, similarTo } from '../../src/ui/similar.js';

describe('editDistance', () => {
  it.each([
    ['', '', 0],
    ['orders', 'orders', 0],
    ['', 'db', 2],
    ['ordrs', 'orders', 1],
    ['lst', 'list', 1],
    ['lsit', 'list', 1],
    ['recrod', 'record', 1],
    ['lost', 'post', 1],
    ['ca', 'abc', 3],
    ['kitten', 'sitting', 3],
  ])('%j → %j: %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });

  it('words whose lengths differ by more than 3 are as far apart as the longer one is long', () => {
    expect(editDistance('db', 'reconcile')).toBe(9);
  });
});

describe('similarTo', () => {
  const nouns = ['orders', 'pay', 'msg', 'tickets', 'services', 'users', 'db', 'seed', 'whoami', 'login', 'desk', 'completion', 'help'];

  it.each([
    ['ordrs', nouns, ['orders']],
    ['lst', ['list', 'show', 'create', 'assign', 'cancel'], ['list']],
    ['lost', ['list', 'post'], ['list', 'post']],
    ['exit-code', [...nouns, 'exit-codes', 'environment'], ['exit-codes']],
    ['frobnicate', nouns, []],
    ['x', ['x', 'y'], []],
    ['', nouns, []],
  ])('%j among %j → %j', (word, candidates, expected) => {
    expect(similarTo(word, candidates)).toEqual(expected);
  });

  it('a closer name wins over farther ones; equally close ones come sorted, once each', () => {
    expect(similarTo('serices', ['services', 'seed', 'services'])).toEqual(['services']);
    expect(similarTo('pst', ['psts', 'post', 'past', 'pasta'])).toEqual(['past', 'post', 'psts']);
  });

  it('suggests exactly what commander suggests for an unknown command (its own function)', () => {
    const require = createRequire(import.meta.url);
    const commander = require(join(import.meta.dirname, '../../node_modules/commander/lib/suggestSimilar.js')) as {
      suggestSimilar: (word: string, candidates: string[]) => string;
    };
    const fromCommander = (word: string, candidates: string[]) => {
      const said = /Did you mean (?:one of )?(.+)\?\)$/.exec(commander.suggestSimilar(word, candidates))?.[1];
      return said ? said.split(', ') : [];
    };
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd', '-'), maxLength: 8 });
    fc.assert(
      fc.property(word, fc.array(word, { maxLength: 6 }), (w, candidates) => {
        // A word starting with -- is a flag to commander, compared without its dashes.
        fc.pre(!w.startsWith('--'));
        expect(similarTo(w, candidates)).toEqual(fromCommander(w, candidates));
      }),
      { numRuns: 2000 },
    );
  });
});
