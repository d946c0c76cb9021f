/**
 * Text that users wrote is data: printed so that it can never move the cursor, clear the screen or
 * change the terminal's title. Control characters (C0, DEL, C1) and the bidirectional overrides
 * become visible escapes; a newline may stay a newline where a view allows several lines.
 */

/** A character class of the code points in these ranges, as `\uXXXX` escapes. */
function classOf(ranges: [number, number][]): RegExp {
  const u = (c: number) => `\\u${c.toString(16).padStart(4, '0')}`;
  return new RegExp(`[${ranges.map(([a, b]) => (a === b ? u(a) : `${u(a)}-${u(b)}`)).join('')}]`, 'g');
}

/** The bidirectional controls that can reorder what the operator reads. */
const BIDI: [number, number][] = [
  [0x061c, 0x061c],
  [0x200e, 0x200f],
  [0x202a, 0x202e],
  [0x2066, 0x2069],
];
// C0 except \n, DEL, C1, and the bidi controls.
const UNSAFE = classOf([[0x00, 0x09], [0x0b, 0x1f], [0x7f, 0x9f], ...BIDI]);
const UNSAFE_OR_NEWLINE = classOf([[0x00, 0x1f], [0x7f, 0x9f], ...BIDI]);

function escape(ch: string): string {
  switch (ch) {
    case '\n':
      return '\\n';
    case '\r':
      return '\\r';
    case '\t':
      return '\\t';
    case '\u001b':
      return '\\e';
    default: {
      const code = ch.codePointAt(0) ?? 0;
      return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
    }
  }
}

/** One line of user text: every control character, newlines included, made visible. */
export function safeLine(text: string): string {
  return text.replace(UNSAFE_OR_NEWLINE, escape);
}

/** User text that may span lines: newlines kept, every other control character made visible. */
export function safeText(text: string): string {
  return text.replace(UNSAFE, escape);
}
