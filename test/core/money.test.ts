import { english, saysEnglish } from '../helpers/words.js';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { add, formatRubles, multiply, parseAmountFlag, parseRubles, subtract, toRublesString } from '../../src/core/money.js';
import { UsageError } from '../../src/core/errors.js';

describe('parseRubles', () => {
  it.each([
    ['150', 15000],
    ['150.50', 15050],
    ['150,50', 15050],
    ['150.5', 15050],
    ['150,5', 15050],
    ['0.01', 1],
    ['0,5', 50],
    ['400.00', 40000],
    [' 150 ', 15000],
    ['007', 700],
  ])('accepts %j as %d kopecks', (text, kopecks) => {
    expect(parseRubles(text)).toBe(kopecks);
  });

  it.each([
    '0',
    '-1',
    '10.005',
    '1e3',
    'abc',
    '',
    ' ',
    '0.00',
    '0,0',
    '+5',
    '1.',
    '.5',
    '1 000',
    '1.2.3',
    '1,000.50',
    'NaN',
    'Infinity',
    '١٢',
  ])('rejects %j', (text) => {
    expect(parseRubles(text)).toBeNull();
  });
});

describe('parseAmountFlag', () => {
  it('returns kopecks for a good amount', () => {
    expect(parseAmountFlag('150,50')).toBe(15050);
  });

  it.each(['0', '-1', '10.005', '1e3', 'abc', ''])('throws a UsageError (exit 2) naming the flag for %j', (text) => {
    let caught: unknown;
    try {
      parseAmountFlag(text, '--amount');
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(UsageError);
    expect((caught as UsageError).exitCode).toBe(2);
    expect((caught as UsageError).code).toBe('USAGE');
    expect(english(caught)).toContain('--amount');
  });

  it('names another flag when told', () => {
    expect(saysEnglish(() => parseAmountFlag('x', '--price'))).toMatch(/--price/);
  });
});

describe('toRublesString', () => {
  it.each([
    [40000, '400.00'],
    [1, '0.01'],
    [15050, '150.50'],
    [0, '0.00'],
    [-250, '-2.50'],
  ])('%d → %s', (k, s) => {
    expect(toRublesString(k)).toBe(s);
  });
});

describe('formatRubles', () => {
  it('formats whole rubles without decimals', () => {
    expect(formatRubles(40000, 'en')).toBe('400 ₽');
    expect(formatRubles(40000, 'ru')).toBe('400 ₽');
  });
  it('uses a dot in English and a comma in Russian', () => {
    expect(formatRubles(65050, 'en')).toBe('650.50 ₽');
    expect(formatRubles(65050, 'ru')).toBe('650,50 ₽');
    expect(formatRubles(5, 'ru')).toBe('0,05 ₽');
  });
  it('groups thousands: a comma in English, a no-break space in Russian', () => {
    expect(formatRubles(123456789, 'en')).toBe('1,234,567.89 ₽');
    expect(formatRubles(123456789, 'ru')).toBe('1\u00a0234\u00a0567,89 ₽');
    expect(formatRubles(100000, 'en')).toBe('1,000 ₽');
  });
  it('defaults to English', () => {
    expect(formatRubles(100050)).toBe('1,000.50 ₽');
  });
  it('shows a minus sign for a negative amount', () => {
    expect(formatRubles(-5000, 'en')).toBe('−50 ₽');
  });
});

describe('arithmetic', () => {
  it('refuses results that are not safe integers', () => {
    expect(() => add(Number.MAX_SAFE_INTEGER, 1)).toThrow(RangeError);
    expect(() => add(0.5, 1)).toThrow(RangeError);
    expect(() => multiply(Number.MAX_SAFE_INTEGER, 2)).toThrow(RangeError);
    expect(multiply(10000, 4)).toBe(40000);
  });
});

describe('properties', () => {
  // The parser takes up to 12 digits of rubles: every amount a statement can carry below 10^12 ₽.
  const kopecks = fc.integer({ min: 1, max: 99_999_999_999_999 });

  it('parseRubles(toRublesString(k)) === k for any positive kopecks', () => {
    fc.assert(fc.property(kopecks, (k) => parseRubles(toRublesString(k)) === k));
  });

  it('the comma form parses to the same kopecks', () => {
    fc.assert(fc.property(kopecks, (k) => parseRubles(toRublesString(k).replace('.', ',')) === k));
  });

  it('add and subtract are inverse', () => {
    const small = fc.integer({ min: -(2 ** 50), max: 2 ** 50 });
    fc.assert(
      fc.property(small, small, (a, b) => {
        expect(subtract(add(a, b), b)).toBe(a);
        expect(add(subtract(a, b), b)).toBe(a);
      }),
    );
  });

  it('formatRubles keeps the digits of the amount', () => {
    fc.assert(
      fc.property(kopecks, (k) => {
        const digits = formatRubles(k, 'ru').replace(/[^\d]/g, '');
        const expected = k % 100 === 0 ? String(k / 100) : String(k).padStart(3, '0');
        expect(digits).toBe(expected);
      }),
    );
  });
});
