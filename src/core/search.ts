/**
 * Finding people and orders by what a desk types (SPEC.md `orders list --search`, `users list
 * --search`): a name in any case, with ё or е, a phone in any of the ways people write one, an
 * order or ticket number.
 *
 * Names and phones are stored a second time as a search key, folded here: the databases cannot
 * fold alike (SQLite's lower() knows only ASCII), so the key is computed once, when the row is
 * written, and the query is folded the same way.
 */

/**
 * Text as search compares it: Unicode-composed, lower case in every alphabet, ё as е, runs of
 * white space as one space, no space at either end.
 */
export function foldText(text: string): string {
  return text.normalize('NFC').toLowerCase().replaceAll('ё', 'е').replace(/\s+/g, ' ').trim();
}

/** The digits of a phone as stored (`+73422545454` → `73422545454`); '' for none. */
export function phoneDigits(phone: string | null): string {
  return phone === null ? '' : phone.replace(/\D/g, '');
}

/**
 * The search key of a person (a user, a ticket's visitor): the folded name, then the phone's
 * digits.
 */
export function searchKey(name: string, phone: string | null): string {
  const digits = phoneDigits(phone);
  const folded = foldText(name);
  return digits ? `${folded} ${digits}` : folded;
}

/** What a search looks for, as parsed from the text typed. */
export interface SearchQuery {
  /**
   * Folded words that must all appear in one person's key (the applicant's or the visitor's); a
   * phone typed in any form is one word of its digits.
   */
  terms: string[];
  /** The text read as an order or ticket number, when it is a bare number. */
  number: number | null;
}

/** Text made only of what people write phones with: digits, spaces, `+`, `(`, `)`, `-`, `.`. */
const PHONE_LIKE = /^[\d\s()+\-.]+$/;

/**
 * The digits to look for when the text is a phone or part of one. The national trunk prefix is
 * read as the country code, as phones are stored: `8 912 000-00-04`, `8 (912)…` and `8-912…` look
 * for `7912…`, as `+7 912…` does. A bare run of digits is looked for as typed unless it is a whole
 * national number (`89120000004`): `8912` may be the middle of a phone.
 */
export function phoneQuery(text: string): string {
  const trimmed = text.trim();
  const digits = trimmed.replace(/\D/g, '');
  if (/^8\d{10}$/.test(digits) && !trimmed.startsWith('+')) return `7${digits.slice(1)}`;
  if (/^8[\s(\-.]/.test(trimmed)) return `7${digits.slice(1)}`;
  return digits;
}

/**
 * Parses what was typed into a search. Text that looks like a phone or a number (digits and phone
 * punctuation only) is looked for as phone digits, and as an order or ticket number when it is a
 * bare number; any other text is split into folded words. Null for text with nothing to look for.
 */
export function parseSearch(text: string): SearchQuery | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (PHONE_LIKE.test(trimmed) && /\d/.test(trimmed)) {
    // A number has no leading zero: `0000004` is the end of a phone.
    return { terms: [phoneQuery(trimmed)], number: /^[1-9]\d{0,14}$/.test(trimmed) ? Number(trimmed) : null };
  }
  const terms = [...new Set(foldText(trimmed).split(' '))].filter((w) => w !== '');
  return terms.length ? { terms, number: null } : null;
}

/** Whether a key holds every term of a query: how the store matches, as a pure rule for tests. */
export function keyMatches(key: string, terms: readonly string[]): boolean {
  return terms.every((t) => key.includes(t));
}
