/**
 * Lists in the formats of SPEC.md. `table` is a drawn table on a TTY, fitted to its width, and
 * plain tab-separated lines of every column when piped; `json` an array, `ndjson` one object a
 * line, `csv` RFC 4180. The machine formats stream row by row, so a list of any length runs in
 * flat memory. `--excel` writes the CSV as a Russian Excel opens it right: a UTF-8 BOM, `;`
 * between fields, money as rubles with a decimal comma, times as local `dd.MM.yyyy HH:mm`.
 */
import { UsageError } from '../core/errors.js';
import type { Deps } from '../deps.js';
import { safeLine, safeText } from './text.js';
import { painter } from './color.js';
import { dateTime, shortDate } from './format.js';
import { toRublesString, type Kopecks } from '../core/money.js';

export const FORMATS = ['table', 'json', 'ndjson', 'csv'] as const;
export type Format = (typeof FORMATS)[number];

export interface Column<T> {
  header: string;
  /** The key of the column in CSV, and the TSV header. */
  key: string;
  value: (row: T) => string | number;
  /** Text written by users or holding names: made safe on a terminal, guarded in CSV. */
  text?: boolean;
  align?: 'left' | 'right';
  /**
   * On a terminal too narrow for the table: when the column goes, 1 first, then 2… (src/ui/fit.ts).
   * A column without it always stays.
   */
  drop?: number;
  /** The narrowest its text may be cut to on a narrow terminal, with `…`; without it the text stays whole. */
  min?: number;
  /** The cell of an `--excel` CSV, when it differs from `value` (money, times, dates). */
  excel?: (row: T) => string | number;
}

function isFormat(f: string): f is Format {
  return (FORMATS as readonly string[]).includes(f);
}

/**
 * The format a list is written in. `--excel` is a way of writing CSV: alone it means `--format csv`
 * (what a script author typing `--excel` wants), and with `--json` or another format it is a usage
 * error rather than a silent choice of one of them.
 */
export function resolveFormat(deps: Deps, format: string | undefined, excel = false): Format {
  if (excel) {
    if (deps.json()) throw new UsageError('excelIsCsv', { flag: '--json' });
    if (format !== undefined && format !== 'csv') throw new UsageError('excelIsCsv', { flag: `--format ${format}` });
    return 'csv';
  }
  if (deps.json()) {
    if (format !== undefined && format !== 'json') throw new UsageError('formatsContradict', { format });
    return 'json';
  }
  const f = format ?? 'table';
  if (!isFormat(f)) throw new UsageError('invalidChoice', { flag: '--format', value: f, choices: [...FORMATS] });
  return f;
}

/** Writes to stdout, waiting when the pipe is full. */
export async function write(deps: Deps, chunk: string): Promise<void> {
  const out = deps.io.stdout;
  const once = out.once?.bind(out);
  if (out.write(chunk) === false && once) await new Promise<void>((r) => once('drain', r));
}

const FORMULA = /^[=+\-@\t\r]/;

/**
 * One CSV field: quoted when it must be (it holds the separator, a quote or a line break); a text
 * cell that a spreadsheet would run as a formula gets a leading `'`.
 */
export function csvField(v: string | number, text: boolean, separator: ',' | ';' = ','): string {
  let s = String(v);
  if (text) {
    if (FORMULA.test(s)) s = `'${s}`;
    // CSV lands on terminals too: control characters of user text become visible, newlines stay.
    s = safeText(s);
  }
  return s.includes(separator) || /["\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * Kopecks as a Russian Excel reads a number: rubles with a decimal comma and no thousands
 * separator (`150,50`, `-20,00`); null is an empty cell.
 */
export function excelMoney(k: Kopecks | null): string {
  return k === null ? '' : toRublesString(k).replace('.', ',');
}

/**
 * An ISO instant as a local `dd.MM.yyyy HH:mm` in the zone, which a Russian Excel reads as a date
 * and time; null or '' is an empty cell. The seconds are dropped, never rounded, so a time stays on
 * its local day.
 */
export function excelTime(iso: string | null, zone: string): string {
  return iso ? dateTime(iso, zone) : '';
}

/** A `YYYY-MM-DD` as `dd.MM.yyyy`; null or '' is an empty cell. */
export function excelDate(date: string | null): string {
  return date ? shortDate(date) : '';
}

export interface ListOptions<T> {
  format: Format;
  /** A CSV for a Russian Excel (see the top of this file); only with the `csv` format. */
  excel?: boolean | undefined;
  columns: Column<T>[];
  json: (row: T) => unknown;
  /** For the table: how many rows matched in all, to say how many more there are. */
  total?: () => Promise<number>;
  shown?: number;
  empty?: string;
  /** How the table says that more rows matched (default: rows, unnamed). */
  more?: (n: number) => string;
}

export async function writeList<T>(deps: Deps, rows: AsyncIterable<T> | Iterable<T>, o: ListOptions<T>): Promise<number> {
  let n = 0;
  switch (o.format) {
    case 'json': {
      let buf = '[';
      for await (const r of rows) {
        if (deps.io.stdout.closed) return n;
        buf += (n++ ? ',\n' : '\n') + JSON.stringify(o.json(r));
        if (buf.length > 65536) {
          await write(deps, buf);
          buf = '';
        }
      }
      await write(deps, buf + (n ? '\n]\n' : ']\n'));
      return n;
    }
    case 'ndjson': {
      let buf = '';
      for await (const r of rows) {
        if (deps.io.stdout.closed) return n;
        n++;
        buf += JSON.stringify(o.json(r)) + '\n';
        if (buf.length > 65536) {
          await write(deps, buf);
          buf = '';
        }
      }
      if (buf) await write(deps, buf);
      return n;
    }
    case 'csv': {
      const excel = o.excel === true;
      const sep = excel ? ';' : ',';
      const cell = (c: Column<T>, r: T) => csvField(excel && c.excel ? c.excel(r) : c.value(r), c.text === true, sep);
      // The BOM tells Excel the file is UTF-8; without it, it reads the bytes as Windows-1251.
      let buf = (excel ? '\ufeff' : '') + o.columns.map((c) => csvField(c.key, false, sep)).join(sep) + '\r\n';
      for await (const r of rows) {
        if (deps.io.stdout.closed) return n;
        n++;
        buf += o.columns.map((c) => cell(c, r)).join(sep) + '\r\n';
        if (buf.length > 65536) {
          await write(deps, buf);
          buf = '';
        }
      }
      if (buf) await write(deps, buf);
      return n;
    }
    case 'table':
      return deps.io.stdoutIsTTY ? drawTable(deps, rows, o) : writeTsv(deps, rows, o);
  }
}

async function writeTsv<T>(deps: Deps, rows: AsyncIterable<T> | Iterable<T>, o: ListOptions<T>): Promise<number> {
  let n = 0;
  let buf = '';
  for await (const r of rows) {
    if (deps.io.stdout.closed) return n;
    n++;
    buf += o.columns.map((c) => safeLine(String(c.value(r)))).join('\t') + '\n';
    if (buf.length > 65536) {
      await write(deps, buf);
      buf = '';
    }
  }
  if (buf) await write(deps, buf);
  await moreNotice(deps, o, n);
  return n;
}

async function drawTable<T>(deps: Deps, rows: AsyncIterable<T> | Iterable<T>, o: ListOptions<T>): Promise<number> {
  const [{ renderTable }, paint] = await Promise.all([import('./table.js'), painter(deps.color())]);
  const cells: string[][] = [];
  for await (const r of rows) {
    if (deps.io.stdout.closed) return cells.length;
    cells.push(o.columns.map((col) => safeLine(String(col.value(r)))));
  }
  const n = cells.length;
  if (n === 0) deps.io.stderr.write((o.empty ?? deps.t().words.noRows) + '\n');
  else await write(deps, renderTable(o.columns, cells, deps.width(), { paint, color: deps.color() }) + '\n');
  await moreNotice(deps, o, n);
  return n;
}

async function moreNotice<T>(deps: Deps, o: ListOptions<T>, n: number): Promise<void> {
  if (o.total && o.shown !== undefined && n >= o.shown) {
    const total = await o.total();
    if (total > n) {
      deps.io.stderr.write((o.more ?? deps.t().words.moreRows)(total - n) + '\n');
    }
  }
}
