import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { foldText, keyMatches, parseSearch, phoneDigits, phoneQuery, searchKey } from '../../src/core/search.js';

describe('foldText', () => {
  it.each([
    ['ПЕТРОВ', 'петров'],
    ['Алёна', 'алена'],
    ['АЛЁНА', 'алена'],
    ['Алена', 'алена'],
    // ё typed as е and a combining diaeresis
    ['Але\u0308на', 'алена'],
    ['  Иван \t ПЕТРОВ\n', 'иван петров'],
    ['Smith-Jones', 'smith-jones'],
    ['', ''],
  ])('%j → %j', (text, folded) => {
    expect(foldText(text)).toBe(folded);
  });

  it('folds to a fixed point', () => {
    fc.assert(fc.property(fc.string(), (s) => foldText(foldText(s)) === foldText(s)));
  });
});

describe('searchKey', () => {
  it('is the folded name and the phone digits', () => {
    expect(searchKey('Алексей Трошков', '+73422545454')).toBe('алексей трошков 73422545454');
    expect(searchKey('Алёна  Ёлкина', null)).toBe('алена елкина');
    expect(phoneDigits(null)).toBe('');
  });
});

describe('phoneQuery', () => {
  it.each([
    ['8 912 000-00-04', '79120000004'],
    ['89120000004', '79120000004'],
    ['+7 (912) 000-00-04', '79120000004'],
    ['+7 912', '7912'],
    ['8 912', '7912'],
    ['8(912)', '7912'],
    ['8-912-000', '7912000'],
    // A bare run of digits may be the middle of a phone.
    ['8912', '8912'],
    ['254-54-54', '2545454'],
    ['+8 912', '8912'],
  ])('%j looks for %s', (text, digits) => {
    expect(phoneQuery(text)).toBe(digits);
  });
});

describe('parseSearch', () => {
  it('a bare number: phone digits, and an order or ticket number', () => {
    expect(parseSearch('1006313')).toEqual({ terms: ['1006313'], number: 1006313 });
    expect(parseSearch(' 207 ')).toEqual({ terms: ['207'], number: 207 });
    expect(parseSearch('000')).toEqual({ terms: ['000'], number: null });
    expect(parseSearch('0000004')).toEqual({ terms: ['0000004'], number: null });
  });

  it('a phone in any form: its digits, no number', () => {
    expect(parseSearch('8 912 000-00-04')).toEqual({ terms: ['79120000004'], number: null });
    expect(parseSearch('+7 (342) 254-54-54')).toEqual({ terms: ['73422545454'], number: null });
  });

  it('text: folded words, each once', () => {
    expect(parseSearch('ПЕТРОВ')).toEqual({ terms: ['петров'], number: null });
    expect(parseSearch('Алёна  Ёлкина алена')).toEqual({ terms: ['алена', 'елкина'], number: null });
    expect(parseSearch('Петров 912')).toEqual({ terms: ['петров', '912'], number: null });
  });

  it('nothing to look for: null', () => {
    expect(parseSearch('')).toBeNull();
    expect(parseSearch('  \t ')).toBeNull();
  });
});

describe('a query finds the key it was typed from', () => {
  const letters = fc.constantFrom(...'абвгдеёжзийклмнопрстуфхцчшщъыьэюяabcdefghijklmnopqrstuvwxyz'.split(''));
  const word = fc.array(letters, { minLength: 1, maxLength: 10 }).map((a) => a.join(''));
  const name = fc.array(word, { minLength: 1, maxLength: 3 }).map((w) => w.join(' '));
  const randomCase = (s: string, flips: boolean[]) => [...s].map((c, i) => (flips[i % flips.length] ? c.toUpperCase() : c)).join('');

  it('any part of a name, in any case, ё or е', () => {
    fc.assert(
      fc.property(name, fc.nat(), fc.nat(), fc.array(fc.boolean(), { minLength: 1 }), fc.boolean(), (n, a, b, flips, yo) => {
        const [from, to] = [a % n.length, b % n.length].sort((x, y) => x - y) as [number, number];
        const part = n.slice(from, to + 1).trim();
        fc.pre(part !== '');
        const typed = randomCase(yo ? part.replace(/е/g, 'ё') : part.replace(/ё/g, 'е'), flips);
        const q = parseSearch(typed);
        fc.pre(q !== null && q.number === null);
        return q !== null && keyMatches(searchKey(n, null), q.terms);
      }),
    );
  });

  it('a Russian phone as people write it, whole or its last digits', () => {
    const digits = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 10, maxLength: 10 }).map((d) => d.join(''));
    fc.assert(
      fc.property(digits, fc.integer({ min: 4, max: 10 }), (d, tail) => {
        const stored = `+7${d}`;
        const key = searchKey('Гость', stored);
        const forms = [
          `+7 (${d.slice(0, 3)}) ${d.slice(3, 6)}-${d.slice(6, 8)}-${d.slice(8)}`,
          `8 ${d.slice(0, 3)} ${d.slice(3, 6)} ${d.slice(6, 8)} ${d.slice(8)}`,
          `8${d}`,
          `7${d}`,
          d.slice(10 - tail),
        ];
        return forms.every((f) => keyMatches(key, parseSearch(f)!.terms));
      }),
    );
  });
});
