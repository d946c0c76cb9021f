/**
 * Text that users wrote is data: printed so that it can never move the cursor, clear the screen or
 * change the terminal's title. Control characters (C0, DEL, C1) and the bidirectional overrides
 * become visible escapes; a newline may stay a newline where a view allows several lines.
 */

// C0 except \n, DEL, C1, and the bidi controls that can reorder what the operator reads.
const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const UNSAFE_OR_NEWLINE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

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
      const code = ch.codePointAt(0)!;
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
