/**
 * The language catalogs (./messages) and what renders with them: an error's message, a system
 * event's text. A third language is one more catalog file and one more entry here.
 */
import type { CoworkError, MessageKey, Said } from '../core/errors.js';
import type { OrderEvent } from '../core/types.js';
import { en, type Catalog } from './messages/en.js';
import { ru } from './messages/ru.js';
import type { Lang } from './format.js';
import { safeLine } from './text.js';

export type { Catalog } from './messages/en.js';
export { formatter, langFrom, type Lang } from './format.js';

const CATALOGS: Record<Lang, Catalog> = { en, ru };

export function catalog(lang: Lang): Catalog {
  return CATALOGS[lang];
}

/** The longest piece of user or file text an error quotes: enough to recognise, never a whole line. */
const QUOTED_MAX = 120;

/** User and file text inside a message: control characters made visible, cut to a sensible length. */
export function quoted(text: string): string {
  const safe = safeLine(text);
  return safe.length > QUOTED_MAX ? `${safe.slice(0, QUOTED_MAX - 1)}…` : safe;
}

/** Every string inside a message's values made safe: a message can never move the cursor. */
function safeValues(v: unknown, safe: (s: string) => string = quoted): unknown {
  if (typeof v === 'string') return safe(v);
  if (Array.isArray(v)) return v.map((x) => safeValues(x, safe));
  if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, safeValues(x, safe)]));
  return v;
}

/** A message of the catalog with its values, made safe. */
export function say<K extends MessageKey>(c: Catalog, said: Said<K>): string {
  const fn = c.errors[said.key] as (...args: unknown[]) => string;
  return fn(...said.args.map((a) => safeValues(a)));
}

/** What an error says, in the operator's language. */
export function errorText(e: CoworkError, c: Catalog): string {
  return say(c, e.said);
}

/** A system message of the feed in the reader's language. Names inside are user text: made safe here. */
export function eventText(e: OrderEvent, c: Catalog): string {
  const { code, ...values } = e;
  const fn = c.events[code] as (p: unknown) => string;
  // A reason or a name in the feed is shown whole, on one line.
  return fn(safeValues(values, safeLine));
}
