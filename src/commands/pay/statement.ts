/**
 * Reading a gateway statement file for `pay import` and `pay reconcile`: its bytes decoded (UTF-8,
 * with or without a BOM, or Windows-1251), its delimiter found, its format named (`--format`),
 * described (`--map`) or recognised by its header, then its rows read as the format says. Lines
 * that are not payments (a preamble, totals, other operations) are skipped and counted.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { isAscii } from 'node:buffer';
import { UsageError } from '../../core/errors.js';
import { isHeader, needsZone, readHeader, readRow, skipsRow, type Header, type StatementRow } from '../../core/statement.js';
import {
  BUILT_IN_FORMATS,
  builtInFormat,
  columnsOf,
  DELIMITERS,
  ENCODINGS,
  FORMAT_NAMES,
  type Delimiter,
  type Encoding,
  type EntryDirection,
  type StatementFormat,
} from '../../core/statements/formats.js';
import { isTimeZone } from '../../core/time.js';
import type { Deps } from '../../deps.js';

/** The flags both commands take. */
export interface StatementOptions {
  format?: string | undefined;
  map?: string | undefined;
  encoding?: string | undefined;
  timeZone?: string | undefined;
}

/** How a statement is read: what the file turned out to be. */
export interface StatementShape {
  format: string;
  delimiter: Delimiter;
  /** Of the text read so far: a file all ASCII reads the same in either encoding. */
  encoding: Encoding;
  /** The statement's zone: of its times without an offset, and of the days it covers. Null: not known. */
  zone: string | null;
  /** The entries the format lists: a payments registry has no refunds. */
  kinds: EntryDirection[];
}

/** A statement being read: its rows come as the file is read, never all of it in memory. */
export interface OpenStatement extends StatementShape {
  /** The rows, read once, in file order; a malformed one ends the reading with a usage error. */
  rows: AsyncIterable<StatementRow>;
  /** Lines that are not payments, counted so far (all of them once the rows are read). */
  skipped: () => number;
}

/** A statement read whole (reconciliation compares all of it). */
export interface Statement extends StatementShape {
  rows: StatementRow[];
  skipped: number;
}

/** What is read before deciding the format: enough for a preamble and a header. */
const HEAD_BYTES = 64 * 1024;
/** A record longer than this is a quote that never closes, not a value. */
const RECORD_MAX = 1024 * 1024;

/** Why a file could not be read: the system's code (ENOENT, EACCES…) or its message. */
export function readFailure(e: unknown): string {
  if (e instanceof Error && 'code' in e && typeof e.code === 'string') return e.code;
  return e instanceof Error ? e.message : String(e);
}

/** The bytes of a file (`-`: stdin), in chunks. */
async function* chunksOf(deps: Deps, file: string): AsyncGenerator<Buffer> {
  const source = file === '-' ? deps.io.stdin : createReadStream(file, { highWaterMark: HEAD_BYTES * 4 });
  try {
    for await (const c of source) yield Buffer.isBuffer(c) ? c : Buffer.from(String(c));
  } catch (e) {
    throw new UsageError('cannotRead', { file, reason: readFailure(e) });
  }
}

/** The file's first bytes (at least HEAD_BYTES unless it is shorter), and the rest still to read. */
async function headOf(chunks: AsyncGenerator<Buffer>): Promise<{ head: Buffer; ended: boolean }> {
  const parts: Buffer[] = [];
  let size = 0;
  while (size < HEAD_BYTES) {
    const next = await chunks.next();
    if (next.done) return { head: Buffer.concat(parts), ended: true };
    parts.push(next.value);
    size += next.value.length;
  }
  return { head: Buffer.concat(parts), ended: false };
}

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * A BOM or valid UTF-8 is UTF-8; anything else is what a Russian Windows saves: Windows-1251.
 * Null: ASCII only, which reads the same either way (the first other byte decides, later).
 */
export function detectEncoding(bytes: Buffer): Encoding | null {
  if (bytes.subarray(0, 3).equals(BOM)) return 'utf-8';
  if (isAscii(bytes)) return null;
  try {
    // A character cut at the end of these bytes is not an error: the stream mode waits for the rest.
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return 'utf-8';
  } catch {
    return 'windows-1251';
  }
}

/** Text from bytes, chunk by chunk; undecided until the first byte that is not ASCII. */
class Decoder {
  private utf8: TextDecoder | null = null;
  private cp1251: { write(b: Buffer): string; end(): string | undefined } | null = null;
  constructor(
    public encoding: Encoding | null,
    private readonly codecs: typeof import('iconv-lite') | null,
  ) {}

  /** The text of the chunk; throws `invalid` with the byte's offset when UTF-8 breaks. */
  write(chunk: Buffer): string {
    if (this.encoding === null) {
      if (isAscii(chunk)) return chunk.toString('latin1');
      this.encoding = detectEncoding(chunk.subarray(firstNonAscii(chunk))) ?? 'utf-8';
    }
    if (this.encoding === 'utf-8') {
      this.utf8 ??= new TextDecoder('utf-8', { fatal: true });
      try {
        return this.utf8.decode(chunk, { stream: true });
      } catch {
        throw new InvalidBytes(firstInvalidUtf8(chunk));
      }
    }
    if (!this.codecs) throw new InvalidBytes(0);
    this.cp1251 ??= this.codecs.getDecoder('win1251');
    return this.cp1251.write(chunk);
  }

  end(): string {
    if (this.utf8) {
      try {
        return this.utf8.decode();
      } catch {
        throw new InvalidBytes(-1);
      }
    }
    return this.cp1251?.end() ?? '';
  }
}

class InvalidBytes extends Error {
  constructor(readonly offset: number) {
    super('invalid UTF-8');
  }
}

function firstNonAscii(b: Buffer): number {
  for (let i = 0; i < b.length; i++) if ((b[i] ?? 0) >= 0x80) return i;
  return b.length;
}

/** Where the first byte that breaks UTF-8 is (a sequence cut by the chunk's end is not one). */
function firstInvalidUtf8(b: Buffer): number {
  for (let i = 0; i < b.length;) {
    const c = b[i] ?? 0;
    const n = c < 0x80 ? 1 : c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
    if (n === 0) return i;
    for (let k = 1; k < n; k++) {
      if (i + k >= b.length) return b.length;
      if (((b[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    }
    i += n;
  }
  return b.length;
}

const newlinesIn = (b: Buffer, end: number) => {
  let n = 0;
  for (let i = b.indexOf(10); i >= 0 && i < end; i = b.indexOf(10, i + 1)) n++;
  return n;
};

/** A file's lines as text, numbered from 1; a BOM is dropped. */
async function* linesOf(
  file: string,
  head: Buffer,
  rest: AsyncIterable<Buffer> | null,
  decoder: Decoder,
): AsyncGenerator<[string, number]> {
  let carry = '';
  let line = 1;
  let first = true;
  const split = function* (text: string): Generator<[string, number]> {
    let from = 0;
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', from)) {
      const l = (from === 0 ? carry + text.slice(0, nl) : text.slice(from, nl)).replace(/\r$/, '');
      if (from === 0) carry = '';
      yield [l, line++];
      from = nl + 1;
    }
    carry = from === 0 ? carry + text : text.slice(from);
  };
  const decode = (chunk: Buffer) => {
    try {
      return decoder.write(chunk);
    } catch (e) {
      if (!(e instanceof InvalidBytes)) throw e;
      // The line of the bad byte: the lines before this chunk, and those inside it before the byte.
      throw new UsageError('notUtf8', { file, line: line + newlinesIn(chunk, e.offset) });
    }
  };
  const read = async function* (): AsyncGenerator<Buffer> {
    yield head;
    if (rest) yield* rest;
  };
  for await (const chunk of read()) {
    let text = decode(chunk);
    if (first) {
      text = text.replace(/^\ufeff/, '');
      first = false;
    }
    yield* split(text);
  }
  let tail: string;
  try {
    tail = decoder.end();
  } catch {
    throw new UsageError('notUtf8', { file, line });
  }
  yield* split(tail);
  if (carry !== '') yield [carry.replace(/\r$/, ''), line];
}

/**
 * Whether a record goes on past this line: a quoted value opened (at a field's start) and not
 * closed. Quotes inside an unquoted value are plain characters.
 */
function continues(text: string, delimiter: Delimiter): boolean {
  let quoted = false;
  let start = true;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') i++;
        else quoted = false;
      }
    } else if (start && c === '"') {
      quoted = true;
    }
    start = !quoted && c === delimiter;
  }
  return quoted;
}

type CsvRecord = { record: string[]; line: number };
type ParseSync = typeof import('csv-parse/sync').parse;

/**
 * A file's records. A line without a quote character is split directly (a gateway's statements
 * usually are; splitting is several times faster than a full CSV parser); a record with quoted
 * values (delimiters, quotes or line breaks inside one) goes through csv-parse.
 */
async function* recordsOf(
  lines: Iterable<[string, number]> | AsyncIterable<[string, number]>,
  delimiter: Delimiter,
  file: string,
): AsyncGenerator<CsvRecord> {
  let parse: ParseSync | null = null;
  let open: { text: string; line: number } | null = null;
  for await (const [text, line] of lines) {
    if (open === null && !text.includes('"')) {
      if (text !== '') yield { record: text.split(delimiter), line };
      continue;
    }
    open = open === null ? { text, line } : { text: `${open.text}\n${text}`, line: open.line };
    if (open.text.length > RECORD_MAX) throw new UsageError('openQuote', { file, line: open.line });
    if (continues(open.text, delimiter)) continue;
    parse ??= (await import('csv-parse/sync')).parse;
    const at = open;
    open = null;
    try {
      const records: string[][] = parse(at.text, { delimiter, relax_column_count: true, relax_quotes: true });
      for (const record of records) yield { record, line: at.line };
    } catch (e) {
      throw new UsageError('notCsv', { file, line: at.line, reason: e instanceof Error ? e.message : String(e) });
    }
  }
  if (open !== null) throw new UsageError('openQuote', { file, line: open.line });
}

/** The records of a piece of text (the head of a file). */
async function recordsOfText(text: string, delimiter: Delimiter, file: string): Promise<CsvRecord[]> {
  const lines = text.split(/\r?\n/).map((l, i): [string, number] => [l, i + 1]);
  const out: CsvRecord[] = [];
  for await (const r of recordsOf(lines, delimiter, file)) out.push(r);
  return out;
}

/** The delimiter the first lines use most, or null when they hold none. */
export function detectDelimiter(text: string): Delimiter | null {
  const lines = text.split(/\r?\n/, 30);
  let best: Delimiter | null = null;
  let most = 0;
  for (const d of DELIMITERS) {
    const n = Math.max(0, ...lines.map((l) => l.split(d).length - 1));
    if (n > most) [best, most] = [d, n];
  }
  return best;
}

/** The format a `--map` file describes. */
async function mapFormat(deps: Deps, file: string): Promise<StatementFormat> {
  const parts: Buffer[] = [];
  for await (const c of chunksOf(deps, file)) parts.push(c);
  const text = Buffer.concat(parts)
    .toString('utf8')
    .replace(/^\ufeff/, '');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new UsageError('notJson', { file, reason: e instanceof Error ? e.message : String(e) });
  }
  const { parseFormat } = await import('../../core/statements/map.js');
  const r = parseFormat(json);
  if ('problems' in r) throw new UsageError('statementMap', { file, problems: r.problems });
  return r.format;
}

/** How many of the first lines a preamble and the header may take. */
const HEAD_LINES = 60;

/**
 * The format whose header the file's first lines hold, when exactly one does. When none does and
 * one format shares some of its columns with the first line, that format's header error says what
 * is missing; otherwise the error says what was tried and what the file looks like.
 */
async function recognise(top: string, detected: Delimiter | null, encoding: Encoding, file: string): Promise<StatementFormat> {
  const fits: StatementFormat[] = [];
  const near: { format: StatementFormat; cells: string[]; line: number; shared: number }[] = [];
  for (const f of BUILT_IN_FORMATS) {
    const d = f.delimiter ?? detected;
    if (d === null) continue;
    const records = await recordsOfText(top, d, file).catch(() => [] as CsvRecord[]);
    if (records.some((r) => isHeader(r.record, f))) fits.push(f);
    const first = records[0];
    if (first && d === detected) {
      const names = first.record.map((c) =>
        c
          .trim()
          .replace(/^\ufeff/, '')
          .toLowerCase(),
      );
      const shared = columnsOf(f).filter((c) => names.includes(c.toLowerCase())).length;
      if (shared > 0) near.push({ format: f, cells: first.record, line: first.line, shared });
    }
  }
  if (fits.length === 1 && fits[0]) return fits[0];
  if (fits.length === 0) {
    const most = Math.max(0, ...near.map((n) => n.shared));
    const closest = near.filter((n) => n.shared === most);
    if (closest.length === 1 && closest[0]) readHeader(closest[0].cells, file, closest[0].format, closest[0].line);
  }
  const firstLine = top.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  const cells = (detected === null ? [firstLine] : firstLine.split(detected)).slice(0, 6).filter((c) => c !== '');
  throw new UsageError('statementFormat', {
    file,
    tried: [...FORMAT_NAMES],
    fits: fits.map((f) => f.name),
    delimiter: detected,
    encoding,
    cells,
  });
}

function check(opts: StatementOptions): void {
  if (opts.format !== undefined && opts.map !== undefined) throw new UsageError('formatOrMap');
  if (opts.format !== undefined && !builtInFormat(opts.format)) {
    throw new UsageError('invalidChoice', { flag: '--format', value: opts.format, choices: [...FORMAT_NAMES] });
  }
  if (opts.encoding !== undefined && !(ENCODINGS as readonly string[]).includes(opts.encoding.toLowerCase())) {
    throw new UsageError('invalidChoice', { flag: '--encoding', value: opts.encoding, choices: [...ENCODINGS] });
  }
  if (opts.timeZone !== undefined && !isTimeZone(opts.timeZone)) {
    throw new UsageError('notTimeZone', { flag: '--time-zone', value: opts.timeZone });
  }
}

type LocationZone = () => Promise<{ zone: string | null; zones: string[] }>;

/**
 * Opens a statement: reads its first bytes, decides its encoding, delimiter and format (named,
 * described by `--map`, or recognised by its header) and finds the header; its rows are then read
 * as they are asked for, so a statement of any length is read in flat memory. A malformed file is
 * a usage error naming line and column. `locationZone`: the zone of the locations, when they share
 * one (asked only when needed).
 */
export async function openStatement(
  deps: Deps,
  file: string,
  opts: StatementOptions = {},
  locationZone: LocationZone = () => Promise.resolve({ zone: null, zones: [] }),
): Promise<OpenStatement> {
  check(opts);
  const mapped = opts.map === undefined ? undefined : await mapFormat(deps, opts.map);
  const chunks = chunksOf(deps, file);
  const { head, ended } = await headOf(chunks);
  const given = (opts.encoding?.toLowerCase() as Encoding | undefined) ?? mapped?.encoding;
  const detectedEncoding = given ?? detectEncoding(head);
  const codecs = async () => (await import('iconv-lite')).default;
  const preview = new Decoder(detectedEncoding, detectedEncoding === 'windows-1251' ? await codecs() : null);
  let top: string;
  try {
    top = preview.write(head).replace(/^\ufeff/, '');
  } catch {
    throw new UsageError('notUtf8', { file, line: 1 });
  }
  // The head without a line its last chunk cut, and no more lines than a preamble and a header take.
  if (!ended) top = top.slice(0, Math.max(0, top.lastIndexOf('\n')));
  top = top.split(/\r?\n/, HEAD_LINES).join('\n');
  if (ended && top.trim() === '') throw new UsageError('statementEmpty', { file });
  const detected = detectDelimiter(top);
  const format =
    mapped ?? (opts.format === undefined ? await recognise(top, detected, detectedEncoding ?? 'utf-8', file) : builtInFormat(opts.format));
  if (!format) throw new UsageError('statementEmpty', { file });
  const encoding = given ?? (format.encoding !== undefined && format.encoding !== detectedEncoding ? format.encoding : detectedEncoding);
  const delimiter = format.delimiter ?? detected ?? ',';

  let zone = opts.timeZone ?? format.time.zone ?? null;
  if (zone === null) {
    const located = await locationZone();
    zone = located.zone;
    if (zone === null && needsZone(format)) throw new UsageError('statementZone', { zones: located.zones });
  }

  // The header: the first record, within the head, that holds the format's columns.
  const headRecords = await recordsOfText(top, delimiter, file);
  const at = headRecords.find((r) => isHeader(r.record, format)) ?? headRecords[0];
  if (!at) throw new UsageError('statementEmpty', { file });
  const header: Header = readHeader(at.record, file, format, at.line);

  const decoder = new Decoder(encoding, encoding === 'windows-1251' || encoding === null ? await codecs() : null);
  const shape: StatementShape = {
    format: format.name,
    delimiter,
    get encoding() {
      return decoder.encoding ?? 'utf-8';
    },
    zone,
    kinds: !format.kind ? ['payment'] : 'fixed' in format.kind ? [format.kind.fixed] : ['payment', 'refund'],
  };
  let skipped = 0;
  const size =
    file === '-'
      ? 0
      : await stat(file).then(
          (s) => s.size,
          () => 0,
        );
  const progress = deps.io.stderrIsTTY && size > 4 * 1024 * 1024 ? new Progress(deps, size) : null;
  const counted = async function* (): AsyncGenerator<Buffer> {
    let done = head.length;
    progress?.show(done);
    for await (const c of chunks) {
      done += c.length;
      progress?.show(done);
      yield c;
    }
  };
  const rows = async function* (): AsyncGenerator<StatementRow> {
    const lines = linesOf(file, head, ended ? null : counted(), decoder);
    for await (const { record, line } of recordsOf(lines, delimiter, file)) {
      if (line <= at.line) {
        if (line < at.line) skipped++;
        continue;
      }
      if (skipsRow(record, header)) skipped++;
      else yield readRow(record, header, line, file, zone ?? 'UTC');
    }
    progress?.end();
  };
  return Object.assign(shape, { rows: rows(), skipped: () => skipped });
}

/** A statement read whole. */
export async function readStatement(
  deps: Deps,
  file: string,
  opts: StatementOptions = {},
  locationZone?: LocationZone,
): Promise<Statement> {
  const open = await openStatement(deps, file, opts, locationZone);
  const rows: StatementRow[] = [];
  for await (const r of open.rows) rows.push(r);
  return {
    format: open.format,
    delimiter: open.delimiter,
    encoding: open.encoding,
    zone: open.zone,
    kinds: open.kinds,
    rows,
    skipped: open.skipped(),
  };
}

/** A progress bar on stderr by bytes read, redrawn only when it moves. */
class Progress {
  private shown = -1;
  constructor(
    private readonly deps: Deps,
    private readonly total: number,
  ) {}
  show(done: number): void {
    const width = 30;
    const filled = Math.min(width, Math.round((done / this.total) * width));
    if (filled === this.shown) return;
    this.shown = filled;
    this.deps.io.stderr.write(
      `\r[${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${Math.round((Math.min(done, this.total) / this.total) * 100)}%`,
    );
  }
  end(): void {
    this.show(this.total);
    this.deps.io.stderr.write('\n');
  }
}

/** The zone of the locations, when they all share one. */
export async function zoneOfLocations(deps: Deps): Promise<{ zone: string | null; zones: string[] }> {
  const store = await deps.store();
  const zones = [...new Set((await store.locations()).map((l) => l.timeZone))];
  return { zone: zones.length === 1 ? (zones[0] ?? null) : null, zones };
}
