/**
 * src/ui/format.ts groups whole numbers itself (Intl.NumberFormat's first use costs a run ~12 ms):
 * what it prints must be what Intl prints, in both languages, for any amount and any count.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatter } from '../../src/ui/format.js';

const LOCALE = { en: 'en-US', ru: 'ru-RU' } as const;

describe.each(['en', 'ru'] as const)('formatter(%s)', (lang) => {
  const f = formatter(lang);
  const locale = LOCALE[lang];
  const whole = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const fraction = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });

  it('numbers as Intl.NumberFormat writes them', () => {
    for (const n of [0, 7, 999, 1000, 9999, 10_000, 123_456, 1_234_567, -1, -1000, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER])
      expect(f.number(n)).toBe(whole.format(n));
    fc.assert(fc.property(fc.integer({ min: -(2 ** 53) + 1, max: 2 ** 53 - 1 }), (n) => f.number(n) === whole.format(n)));
    // What is no safe whole number goes to Intl itself.
    for (const n of [-0, 2.5, 1e21]) expect(f.number(n)).toBe(whole.format(n));
  });

  it('money as Intl.NumberFormat writes rubles and kopecks', () => {
    fc.assert(
      fc.property(fc.integer({ min: -99_999_999_999_999, max: 99_999_999_999_999 }), (k) => {
        const a = Math.abs(k);
        const text = a % 100 === 0 ? whole.format(a / 100) : fraction.format(a / 100);
        return f.money(k) === `${k < 0 ? '−' : ''}${text} ₽`;
      }),
    );
    expect(f.money(200000)).toBe(lang === 'en' ? '2,000 ₽' : '2\u00a0000 ₽');
    expect(f.money(123456)).toBe(lang === 'en' ? '1,234.56 ₽' : '1\u00a0234,56 ₽');
  });
});
