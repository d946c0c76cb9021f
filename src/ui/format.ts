/**
 * Numbers, money, plurals and dates for a language, through Intl: the catalogs
 * (src/ui/messages) format their values with the formatter of their own language.
 */
import type { Kopecks } from '../core/money.js';
import { wallClock } from './clock.js';

export type Lang = 'en' | 'ru';
export const LANGS: readonly Lang[] = ['en', 'ru'];

const LOCALE: Record<Lang, string> = { en: 'en-US', ru: 'ru-RU' };
/** Dates as the source screen writes them, day first: `11 August 2023`, `11 августа 2023 г.`. */
const DATE_LOCALE: Record<Lang, string> = { en: 'en-GB', ru: 'ru-RU' };
/** What LOCALE's numbers group thousands and separate the fraction with (as Intl.NumberFormat does). */
const GROUP: Record<Lang, string> = { en: ',', ru: '\u00a0' };
const DECIMAL: Record<Lang, string> = { en: '.', ru: ',' };

/** The forms of a word by count, as Intl.PluralRules names them; `other` is always required. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

export interface Formatter {
  lang: Lang;
  /** 40000 → "400 ₽"; 65050 → "650,50 ₽" (ru) or "650.50 ₽" (en); grouped thousands. */
  money: (k: Kopecks) => string;
  /** An amount as typed back into a prompt: 65050 → "650,50" (ru) or "650.50" (en), no grouping. */
  amount: (k: Kopecks) => string;
  /** A count with its word: plural(3, {one: 'seat', other: 'seats'}) → "3 seats". */
  plural: (n: number, forms: PluralForms) => string;
  /** Only the word for the count. */
  word: (n: number, forms: PluralForms) => string;
  /** A whole number, grouped for the language. */
  number: (n: number) => string;
  /** `11 августа 2023 г.` / `11 August 2023` of a `YYYY-MM-DD`. */
  longDate: (date: string) => string;
  /** A list: "a, b and c" / "a, b и c". */
  list: (items: string[]) => string;
}

const cache = new Map<Lang, Formatter>();

export function formatter(lang: Lang): Formatter {
  let f = cache.get(lang);
  if (!f) cache.set(lang, (f = makeFormatter(lang)));
  return f;
}

function makeFormatter(lang: Lang): Formatter {
  const locale = LOCALE[lang];
  let whole: Intl.NumberFormat | undefined;
  let rules: Intl.PluralRules | undefined;
  let lists: Intl.ListFormat | undefined;
  let dates: Intl.DateTimeFormat | undefined;
  const sign = (k: Kopecks) => (k < 0 ? '−' : '');
  const word = (n: number, forms: PluralForms) => forms[(rules ??= new Intl.PluralRules(locale)).select(n)] ?? forms.other;
  // Whole numbers are grouped here rather than by Intl.NumberFormat: the first Intl object a run
  // makes costs it about 12 ms (ICU's locale data), more than the rest of `orders list`. The result
  // is Intl's own (test/ui/format.test.ts compares them); other numbers go to Intl.
  const number = (n: number) =>
    Number.isSafeInteger(n) && !Object.is(n, -0)
      ? `${n < 0 ? '-' : ''}${String(Math.abs(n)).replace(/\B(?=(\d{3})+$)/g, GROUP[lang])}`
      : (whole ??= new Intl.NumberFormat(locale, { maximumFractionDigits: 0 })).format(n);
  return {
    lang,
    money: (k) => {
      const a = Math.abs(k);
      const kopecks = a % 100;
      const rubles = number(Math.floor(a / 100));
      return `${sign(k)}${kopecks === 0 ? rubles : `${rubles}${DECIMAL[lang]}${p2(kopecks)}`} ₽`;
    },
    amount: (k) => {
      const a = Math.abs(k);
      return `${sign(k)}${Math.floor(a / 100)}${DECIMAL[lang]}${p2(a % 100)}`;
    },
    plural: (n, forms) => `${number(n)} ${word(n, forms)}`,
    word,
    number,
    longDate: (date) => {
      const [y, m, d] = date.split('-').map(Number) as [number, number, number];
      dates ??= new Intl.DateTimeFormat(DATE_LOCALE[lang], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
      return dates.format(new Date(Date.UTC(y, m - 1, d)));
    },
    list: (items) => (lists ??= new Intl.ListFormat(locale, { type: 'conjunction' })).format(items),
  };
}

const p2 = (n: number) => String(n).padStart(2, '0');

/** `11.08.2023 13:32` in the zone (both languages: the source document's form). */
export function dateTime(iso: string, tz: string): string {
  const p = wallClock(new Date(iso), tz);
  return `${p2(p.day)}.${p2(p.month)}.${p.year} ${p2(p.hour)}:${p2(p.minute)}`;
}

/** `13:32` in the zone. */
export function timeOnly(iso: string, tz: string): string {
  const p = wallClock(new Date(iso), tz);
  return `${p2(p.hour)}:${p2(p.minute)}`;
}

/** `11.08.2023` of a `YYYY-MM-DD`. */
export function shortDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${d}.${m}.${y}`;
}

/** `+73422545454` → `+7 (342) 254-54-54`; anything else as it is. */
export function formatPhone(phone: string | null): string {
  if (!phone) return '';
  const m = /^\+7(\d{3})(\d{3})(\d{2})(\d{2})$/.exec(phone);
  return m ? `+7 (${m[1]}) ${m[2]}-${m[3]}-${m[4]}` : phone;
}

/** The operator's language: the flag, else COWORK_LANG, else the locale variables. */
export function langFrom(flag: string | undefined, env: Record<string, string | undefined>): Lang {
  const v = (flag ?? env.COWORK_LANG ?? env.LC_ALL ?? env.LC_MESSAGES ?? env.LANG ?? '').toLowerCase();
  return v.startsWith('ru') ? 'ru' : 'en';
}
