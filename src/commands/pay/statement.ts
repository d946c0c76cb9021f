/**
 * Reading a gateway statement file for `pay import` and `pay reconcile`: its bytes decoded (UTF-8,
 * with or without a BOM, or Windows-1251), its delimiter found, its format named (`--format`),
 * described (`--map`) or recognised by its header, then its rows read as the format says. Lines
 * that are not payments (a preamble, totals, other operations) are skipped and counted.
 */
import { readFile } from 'node:fs/promises';
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

export interface Statement {
  rows: StatementRow[];
  /** Lines that are not payments. */
  skipped: number;
  format: string;
  delimiter: Delimiter;
  encoding: Encoding;
  /** The statement's zone: of its times without an offset, and of the days it covers. Null: not known. */
  zone: string | null;
  /** The entries the format lists: a payments registry has no refunds. */
  kinds: EntryDirection[];
}

async function readBytes(deps: Deps, file: string): Promise<Buffer> {
  if (file === '-') {
    const chunks: Buffer[] = [];
    for await (const c of deps.io.stdin) chunks.push(Buffer.isBuffer(c) ? c : Buffer.from(String(c)));
    return Buffer.concat(chunks);
  }
  try {
    return await readFile(file);
  } catch (e) {
    throw new UsageError('cannotRead', { file, reason: readFailure(e) });
  }
}

type CsvRecord = { record: string[]; info: { lines: number } };

/** Why a file could not be read: the system's code (ENOENT, EACCES…) or its message. */
export function readFailure(e: unknown): string {
  if (e instanceof Error && 'code' in e && typeof e.code === 'string') return e.code;
  return e instanceof Error ? e.message : String(e);
}

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** A BOM or valid UTF-8 is UTF-8; anything else is what a Russian Windows saves: Windows-1251. */
export function detectEncoding(bytes: Buffer): Encoding {
  if (bytes.subarray(0, 3).equals(BOM)) return 'utf-8';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return 'utf-8';
  } catch {
    return 'windows-1251';
  }
}

async function decode(bytes: Buffer, encoding: Encoding): Promise<string> {
  if (encoding === 'utf-8') return bytes.toString('utf8').replace(/^\ufeff/, '');
  const iconv = await import('iconv-lite');
  return iconv.default.decode(bytes, 'win1251');
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

/**
 * A file without a quote character is plain: its lines are its records and its delimiters its
 * separators, so it is split directly (a gateway's statements usually are; splitting them is
 * several times faster than a full CSV parser).
 */
function splitPlain(text: string, delimiter: Delimiter): CsvRecord[] {
  const out: CsvRecord[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((line, i) => {
    if (line !== '' && line !== '\r') out.push({ record: line.split(delimiter), info: { lines: i + 1 } });
  });
  return out;
}

/** Quoted fields (delimiters, quotes or line breaks inside a value) go through csv-parse. */
async function parseQuoted(text: string, delimiter: Delimiter, file: string): Promise<CsvRecord[]> {
  const { parse } = await import('csv-parse/sync');
  try {
    return parse(text, { delimiter, info: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, bom: true }) as never;
  } catch (e) {
    const lines = e instanceof Error && 'lines' in e && typeof e.lines === 'number' ? e.lines : null;
    throw new UsageError('notCsv', { file, line: lines, reason: e instanceof Error ? e.message : String(e) });
  }
}

async function recordsOf(text: string, delimiter: Delimiter, file: string): Promise<CsvRecord[]> {
  return text.includes('"') ? parseQuoted(text, delimiter, file) : splitPlain(text, delimiter);
}

/** The format a `--map` file describes. */
async function mapFormat(deps: Deps, file: string): Promise<StatementFormat> {
  const text = (await readBytes(deps, file)).toString('utf8').replace(/^\ufeff/, '');
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

/** The first lines of the text, enough to find a header after a preamble. */
const head = (text: string) => text.split(/\r?\n/, 60).join('\n');

/**
 * The format whose header the file's first lines hold, when exactly one does. When none does and
 * one format shares some of its columns with the first line, that format's header error says what
 * is missing; otherwise the error says what was tried and what the file looks like.
 */
async function recognise(text: string, detected: Delimiter | null, encoding: Encoding, file: string): Promise<StatementFormat> {
  const top = head(text);
  const fits: StatementFormat[] = [];
  const near: { format: StatementFormat; cells: string[]; line: number; shared: number }[] = [];
  for (const f of BUILT_IN_FORMATS) {
    const d = f.delimiter ?? detected;
    if (d === null) continue;
    const records = await recordsOf(top, d, file).catch(() => [] as CsvRecord[]);
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
      if (shared > 0) near.push({ format: f, cells: first.record, line: first.info.lines, shared });
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

/**
 * Every row of the statement, checked; a malformed file is a usage error naming line and column.
 * `locationZone`: the zone of the locations, when they share one (asked only when needed).
 */
export async function readStatement(
  deps: Deps,
  file: string,
  opts: StatementOptions = {},
  locationZone: () => Promise<{ zone: string | null; zones: string[] }> = () => Promise.resolve({ zone: null, zones: [] }),
): Promise<Statement> {
  check(opts);
  const mapped = opts.map === undefined ? undefined : await mapFormat(deps, opts.map);
  const bytes = await readBytes(deps, file);
  const given = (opts.encoding?.toLowerCase() as Encoding | undefined) ?? mapped?.encoding;
  let encoding = given ?? detectEncoding(bytes);
  let text = await decode(bytes, encoding);
  if (text.trim() === '') throw new UsageError('statementEmpty', { file });
  const detected = detectDelimiter(text);
  const format = mapped ?? (opts.format === undefined ? await recognise(text, detected, encoding, file) : builtInFormat(opts.format));
  if (!format) throw new UsageError('statementEmpty', { file });
  if (given === undefined && format.encoding !== undefined && format.encoding !== encoding) {
    encoding = format.encoding;
    text = await decode(bytes, encoding);
  }
  const delimiter = format.delimiter ?? detected ?? ',';
  const records = await recordsOf(text, delimiter, file);
  const at = records.findIndex((r) => isHeader(r.record, format));
  const first = records[Math.max(at, 0)];
  if (!first) throw new UsageError('statementEmpty', { file });
  const header: Header = readHeader(first.record, file, format, first.info.lines);

  let zone = opts.timeZone ?? format.time.zone ?? null;
  if (zone === null) {
    const located = await locationZone();
    zone = located.zone;
    if (zone === null && needsZone(format)) throw new UsageError('statementZone', { zones: located.zones });
  }

  const total = records.length - at - 1;
  const progress = deps.io.stderrIsTTY && total > 2000;
  const rows: StatementRow[] = [];
  let skipped = Math.max(at, 0);
  for (let i = at + 1; i < records.length; i++) {
    const { record, info } = records[i] ?? { record: [], info: { lines: i + 1 } };
    if (skipsRow(record, header)) skipped++;
    else rows.push(readRow(record, header, info.lines, file, zone ?? 'UTC'));
    if (progress && (i - at) % 1000 === 0) bar(deps, i - at, total);
  }
  if (progress) bar(deps, total, total, true);
  const kinds: EntryDirection[] = !format.kind ? ['payment'] : 'fixed' in format.kind ? [format.kind.fixed] : ['payment', 'refund'];
  return { rows, skipped, format: format.name, delimiter, encoding, zone, kinds };
}

function bar(deps: Deps, done: number, total: number, end = false): void {
  const width = 30;
  const filled = Math.round((done / total) * width);
  deps.io.stderr.write(`\r[${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${done}/${total}${end ? '\n' : ''}`);
}

/** The zone of the locations, when they all share one. */
export async function zoneOfLocations(deps: Deps): Promise<{ zone: string | null; zones: string[] }> {
  const store = await deps.store();
  const zones = [...new Set((await store.locations()).map((l) => l.timeZone))];
  return { zone: zones.length === 1 ? (zones[0] ?? null) : null, zones };
}
