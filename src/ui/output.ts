/**
 * Lists in the formats of SPEC.md. `table` is a drawn table on a TTY and plain tab-separated lines
 * when piped; `json` an array, `ndjson` one object a line, `csv` RFC 4180. The machine formats
 * stream row by row, so a list of any length runs in flat memory.
 */
import { UsageError } from '../core/errors.js';
import type { Deps } from '../deps.js';
import { safeLine, safeText } from './text.js';
import { painter } from './color.js';

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
}

function isFormat(f: string): f is Format {
  return (FORMATS as readonly string[]).includes(f);
}

export function resolveFormat(deps: Deps, format: string | undefined): Format {
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

/** One CSV field: quoted when it must be; a text cell that a spreadsheet would run as a formula gets a leading `'`. */
export function csvField(v: string | number, text: boolean): string {
  let s = String(v);
  if (text) {
    if (FORMULA.test(s)) s = `'${s}`;
    // CSV lands on terminals too: control characters of user text become visible, newlines stay.
    s = safeText(s);
  }
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export interface ListOptions<T> {
  format: Format;
  columns: Column<T>[];
  json: (row: T) => unknown;
  /** For the table: how many rows matched in all, to say how many more there are. */
  total?: () => Promise<number>;
  shown?: number;
  empty?: string;
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
      let buf = o.columns.map((c) => csvField(c.key, false)).join(',') + '\r\n';
      for await (const r of rows) {
        if (deps.io.stdout.closed) return n;
        n++;
        buf += o.columns.map((c) => csvField(c.value(r), c.text === true)).join(',') + '\r\n';
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
  const [{ default: Table }, c] = await Promise.all([import('cli-table3'), painter(deps.color())]);
  const table = new Table({
    head: o.columns.map((col) => c.bold(col.header)),
    style: { head: [], border: deps.color() ? ['grey'] : [], compact: true },
    colAligns: o.columns.map((col) => col.align ?? 'left'),
  });
  let n = 0;
  for await (const r of rows) {
    if (deps.io.stdout.closed) return n;
    n++;
    table.push(o.columns.map((col) => safeLine(String(col.value(r)))));
  }
  if (n === 0) deps.io.stderr.write((o.empty ?? deps.t().words.noRows) + '\n');
  else await write(deps, table.toString() + '\n');
  await moreNotice(deps, o, n);
  return n;
}

async function moreNotice<T>(deps: Deps, o: ListOptions<T>, n: number): Promise<void> {
  if (o.total && o.shown !== undefined && n >= o.shown) {
    const total = await o.total();
    if (total > n) {
      deps.io.stderr.write(deps.t().words.more(total - n) + '\n');
    }
  }
}
