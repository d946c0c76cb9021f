/**
 * Money is an integer number of kopecks everywhere inside cowork. This module parses what people
 * type, formats for people, and does the arithmetic with checks.
 */
import { UsageError } from './errors.js';

export type Kopecks = number;

const AMOUNT = /^(\d{1,12})(?:[.,](\d{1,2}))?$/;

/**
 * Parses an amount of rubles as people type it: `150`, `150.50`, `150,50`, `150.5`.
 * Returns kopecks, or `null` when the text is not a positive number of rubles with at most two
 * decimals (`0`, `-1`, `10.005`, `1e3`, `abc`, an empty string).
 */
export function parseRubles(text: string): Kopecks | null {
  const m = AMOUNT.exec(text.trim());
  if (!m) return null;
  const rubles = Number(m[1]);
  const fraction = (m[2] ?? '').padEnd(2, '0');
  const kopecks = rubles * 100 + Number(fraction);
  if (!Number.isSafeInteger(kopecks) || kopecks <= 0) return null;
  return kopecks;
}

/** Like {@link parseRubles}, but a malformed amount is a usage error naming the flag. */
export function parseAmountFlag(text: string, flag = '--amount'): Kopecks {
  const k = parseRubles(text);
  if (k === null) {
    throw new UsageError('notAmount', { flag, value: text });
  }
  return k;
}

/** A plain machine form in rubles, as statements carry it: 40000 → "400.00". */
export function toRublesString(k: Kopecks): string {
  const sign = k < 0 ? '-' : '';
  const a = Math.abs(k);
  return `${sign}${Math.floor(a / 100)}.${String(a % 100).padStart(2, '0')}`;
}

/**
 * Formats for people: 40000 → "400 ₽", 65050 → "650,50 ₽" (ru) or "650.50 ₽" (en), with a thin
 * group separator for thousands.
 */
export function formatRubles(k: Kopecks, lang: 'en' | 'ru' = 'en'): string {
  const sign = k < 0 ? '−' : '';
  const a = Math.abs(k);
  const whole = String(Math.floor(a / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'ru' ? '\u00a0' : ',');
  const frac = a % 100;
  const dec = lang === 'ru' ? ',' : '.';
  return `${sign}${whole}${frac ? dec + String(frac).padStart(2, '0') : ''} ₽`;
}

/** Adds kopeck amounts, refusing anything that is not a safe integer. */
export function add(a: Kopecks, b: Kopecks): Kopecks {
  const r = a + b;
  if (!Number.isSafeInteger(a) || !Number.isSafeInteger(b) || !Number.isSafeInteger(r)) {
    throw new RangeError(`money overflow: ${a} + ${b}`);
  }
  return r;
}

export function subtract(a: Kopecks, b: Kopecks): Kopecks {
  return add(a, -b);
}

export function multiply(unitPrice: Kopecks, quantity: number): Kopecks {
  const r = unitPrice * quantity;
  if (!Number.isSafeInteger(r)) throw new RangeError(`money overflow: ${unitPrice} × ${quantity}`);
  return r;
}
