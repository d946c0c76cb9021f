/**
 * Fitting a table to the terminal's width. Pure: headers, cells and a width in, the columns to show,
 * their widths and the cut text out. Widths are display widths, as a terminal draws them: a
 * Cyrillic letter takes one column, a CJK character or an emoji two, colour codes none.
 *
 * The table is drawn with a border on each side of every column and a space of padding inside
 * it: `│ a │ b │`. A column of width w takes w + 3 columns, and the line one more.
 *
 * When the table is too wide, a column goes before a more useful one loses text: the columns that
 * may go are dropped, least useful first, until the rest fits with only the least useful of them
 * cut (and headers wider than their cells cut, which loses nothing). Long text is cut with `…`.
 * The columns that stay are cut, widest first and down to their minimum, only once every column
 * that may go has gone. A column that may not go and text that may not be cut (numbers, money,
 * dates) give way only when nothing else is left: no line is wider than the terminal as long as
 * it has room for one column of one character.
 */
import stringWidth from 'string-width';

export interface FitColumn {
  header: string;
  /**
   * When the column goes if the table is too wide: 1 first, then 2, and so on (a column with
   * nothing in it before the others). A column without it stays.
   */
  drop?: number;
  /** The narrowest its text may be cut to, with `…`; a column without it keeps its text whole. */
  min?: number;
}

export interface Fitted {
  /** The columns shown: their indexes in the columns given, in the same order. */
  columns: number[];
  /** The width of each column shown, padding and borders aside. */
  widths: number[];
  header: string[];
  rows: string[][];
}

export const ELLIPSIS = '…';

/** Colour and other terminal control sequences: CSI (`ESC [ … m`) and OSC (`ESC ] … BEL`). */
// eslint-disable-next-line no-control-regex
const CONTROL = /\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\))/g;

/** The columns a text takes on a terminal; colour codes take none. */
export function displayWidth(text: string): number {
  return stringWidth(text);
}

/** The width of a drawn table whose columns are `widths` wide: borders and padding included. */
export function tableWidth(widths: readonly number[]): number {
  return widths.length === 0 ? 0 : 1 + widths.reduce((sum, w) => sum + w + 3, 0);
}

let graphemes: Intl.Segmenter | undefined;

/** Text and control sequences in order; the text split into what a reader sees as one character. */
function* pieces(text: string): Generator<{ text: string; control: boolean }> {
  graphemes ??= new Intl.Segmenter('und', { granularity: 'grapheme' });
  let at = 0;
  for (const m of text.matchAll(CONTROL)) {
    for (const g of graphemes.segment(text.slice(at, m.index))) yield { text: g.segment, control: false };
    yield { text: m[0], control: true };
    at = m.index + m[0].length;
  }
  for (const g of graphemes.segment(text.slice(at))) yield { text: g.segment, control: false };
}

/**
 * `text` cut to at most `width` columns, ending in `…` when cut. A wide character is never split
 * (the cut text may be a column short of the width); spaces before the `…` go; colour codes are
 * kept, so that a colour that was switched on is switched off again.
 */
export function cut(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  if (width <= 0) return '';
  const room = width - displayWidth(ELLIPSIS);
  const kept: { text: string; control: boolean }[] = [];
  let tail = '';
  let used = 0;
  let full = false;
  for (const p of pieces(text)) {
    if (full) {
      if (p.control) tail += p.text;
      continue;
    }
    const w = p.control ? 0 : displayWidth(p.text);
    if (used + w > room) {
      full = true;
      continue;
    }
    kept.push(p);
    used += w;
  }
  // "Анна …" reads worse than "Анна…".
  for (let i = kept.length - 1; i >= 0; i--) {
    const p = kept[i];
    if (p === undefined || p.control) continue;
    if (!/^\s+$/u.test(p.text)) break;
    kept.splice(i, 1);
  }
  return kept.map((p) => p.text).join('') + ELLIPSIS + tail;
}

/**
 * Which columns to show and how wide, for a table of `rows` (cells as they are printed, colour
 * codes and all) on a terminal `width` columns wide. See the module's comment for the order in
 * which columns give way.
 */
export function fit(columns: readonly FitColumn[], rows: readonly (readonly string[])[], width: number): Fitted {
  const all: Col[] = columns.map((spec, i) => {
    const content = rows.reduce((m, r) => Math.max(m, displayWidth(r[i] ?? '')), 0);
    const natural = Math.max(displayWidth(spec.header), content);
    const floor = Math.min(natural, Math.max(1, spec.min ?? natural));
    return { index: i, spec, content, natural, floor, whole: Math.max(floor, content), w: natural };
  });

  let kept = all;
  const sum = (ws: (c: Col) => number) => tableWidth(kept.map(ws));

  // The columns that may go, in the order they go: empty ones first, then by rank, the rightmost of a rank first.
  const droppable = all
    .filter((c) => c.spec.drop !== undefined)
    .sort((a, b) => Number(a.content > 0) - Number(b.content > 0) || (a.spec.drop ?? 0) - (b.spec.drop ?? 0) || b.index - a.index);
  // A column goes before a more useful one is cut: the least useful left may only cut its own text.
  let least: Col | undefined;
  for (const c of droppable) {
    if (kept.length === 1 || sum((k) => (k === c ? k.floor : k.whole)) <= width) {
      least = c;
      break;
    }
    kept = kept.filter((k) => k !== c);
  }

  const shrink = (limit: (c: Col) => number, pick: (c: Col) => number) => {
    let excess = sum((c) => c.w) - width;
    while (excess > 0) {
      let best: Col | undefined;
      for (const c of kept) if (c.w > limit(c) && (best === undefined || pick(c) >= pick(best))) best = c;
      if (best === undefined) return;
      best.w--;
      excess--;
    }
  };
  // Headers wider than their cells are cut first, the most overhanging first: that loses no data.
  shrink(
    (c) => c.whole,
    (c) => c.w - c.whole,
  );
  // Then the text of the least useful column left…
  shrink(
    (c) => (c === least ? c.floor : c.w),
    () => 0,
  );
  // …or, when only the columns that stay are left, the widest text down to each column's narrowest.
  shrink(
    (c) => c.floor,
    (c) => c.w,
  );
  // Nothing else left: every column gives way, widest first, down to one character…
  shrink(
    (c) => Math.min(1, c.natural),
    (c) => c.w,
  );
  // …and then whole columns from the right, keeping the first.
  while (kept.length > 1 && sum((c) => c.w) > width) kept = kept.slice(0, -1);
  for (const c of kept) if (sum((k) => k.w) > width) c.w = Math.max(1, width - 4);

  return {
    columns: kept.map((c) => c.index),
    widths: kept.map((c) => c.w),
    header: kept.map((c) => cut(c.spec.header, c.w)),
    rows: rows.map((r) => kept.map((c) => cut(r[c.index] ?? '', c.w))),
  };
}

/** A column while it is fitted: its widths, in display columns. */
interface Col {
  index: number;
  spec: FitColumn;
  /** Its widest cell. */
  content: number;
  /** As wide as its widest cell or its header. */
  natural: number;
  /** The narrowest it may be cut to. */
  floor: number;
  /** The narrowest it may be without cutting a cell: only its header cut, down to its floor. */
  whole: number;
  /** Its width so far. */
  w: number;
}
