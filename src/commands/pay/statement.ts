/** Reading a gateway statement file for `pay import` and `pay reconcile`. */
import { readFile } from 'node:fs/promises';
import { UsageError } from '../../core/errors.js';
import { readHeader, readRow, type StatementRow } from '../../core/statement.js';
import type { Deps } from '../../deps.js';

async function readText(deps: Deps, file: string): Promise<string> {
  if (file === '-') {
    const chunks: Buffer[] = [];
    for await (const c of deps.io.stdin) chunks.push(Buffer.isBuffer(c) ? c : Buffer.from(String(c)));
    return Buffer.concat(chunks).toString('utf8');
  }
  try {
    return await readFile(file, 'utf8');
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

/**
 * A file without a quote character is plain RFC 4180: its lines are its records and its commas its
 * separators, so it is split directly (a gateway's statements usually are; splitting them is
 * several times faster than a full CSV parser).
 */
function splitPlain(text: string): CsvRecord[] {
  const out: CsvRecord[] = [];
  const lines = text.replace(/^\ufeff/, '').split(/\r?\n/);
  lines.forEach((line, i) => {
    if (line !== '' && line !== '\r') out.push({ record: line.split(','), info: { lines: i + 1 } });
  });
  return out;
}

/** Quoted fields (commas, quotes or line breaks inside a value) go through csv-parse. */
async function parseQuoted(text: string, file: string): Promise<CsvRecord[]> {
  const { parse } = await import('csv-parse/sync');
  try {
    return parse(text, { info: true, relax_column_count: true, skip_empty_lines: true, bom: true }) as never;
  } catch (e) {
    const lines = e instanceof Error && 'lines' in e && typeof e.lines === 'number' ? e.lines : null;
    throw new UsageError('notCsv', { file, line: lines, reason: e instanceof Error ? e.message : String(e) });
  }
}

/** Every row of the statement, checked; a malformed file is a usage error naming line and column. */
export async function readStatement(deps: Deps, file: string): Promise<StatementRow[]> {
  const text = await readText(deps, file);
  const records = text.includes('"') ? await parseQuoted(text, file) : splitPlain(text);
  const [header] = records;
  if (!header) throw new UsageError('statementEmpty', { file });
  const index = readHeader(header.record, file);
  const progress = deps.io.stderrIsTTY && records.length > 2000;
  const rows: StatementRow[] = [];
  for (let i = 1; i < records.length; i++) {
    const { record, info } = records[i] ?? { record: [], info: { lines: i + 1 } };
    rows.push(readRow(record, index, info.lines, file));
    if (progress && i % 1000 === 0) bar(deps, i, records.length - 1);
  }
  if (progress) bar(deps, records.length - 1, records.length - 1, true);
  return rows;
}

function bar(deps: Deps, done: number, total: number, end = false): void {
  const width = 30;
  const filled = Math.round((done / total) * width);
  deps.io.stderr.write(`\r[${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${done}/${total}${end ? '\n' : ''}`);
}
