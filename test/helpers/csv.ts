/** What the tests read CSV with: nothing lenient, so that a malformed CSV fails the test. */

/**
 * A strict RFC 4180 reader: records end with CRLF (the last one too), a field is either plain
 * (no `"`, separator, CR or LF in it) or quoted with inner quotes doubled. Throws on anything else.
 * `separator`: `;` for an `--excel` CSV.
 */
export function parseCsv(text: string, separator: ',' | ';' = ','): string[][] {
  const records: string[][] = [];
  let i = 0;
  while (i < text.length) {
    const record: string[] = [];
    for (;;) {
      let field = '';
      if (text[i] === '"') {
        i++;
        for (;;) {
          if (i >= text.length) throw new Error('unterminated quoted field');
          if (text[i] === '"') {
            if (text[i + 1] === '"') {
              field += '"';
              i += 2;
            } else {
              i++;
              break;
            }
          } else field += text[i++];
        }
      } else {
        while (i < text.length && text[i] !== separator && text[i] !== '\r' && text[i] !== '\n') {
          if (text[i] === '"') throw new Error(`a quote in a plain field at ${i}: ${JSON.stringify(text.slice(i - 20, i + 20))}`);
          field += text[i++];
        }
      }
      record.push(field);
      if (text[i] === separator) {
        i++;
        continue;
      }
      if (text.startsWith('\r\n', i)) {
        i += 2;
        break;
      }
      throw new Error(`expected "${separator}" or CRLF at ${i}, found ${JSON.stringify(text.slice(i, i + 10))}`);
    }
    records.push(record);
  }
  return records;
}
