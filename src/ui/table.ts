/**
 * The table a list is drawn as on a terminal, fitted to its width (./fit.ts). Loaded only when a
 * table is drawn: cli-table3 stays off the path of every other run.
 */
import Table from 'cli-table3';
import type { Paint } from './color.js';
import { fit, type FitColumn } from './fit.js';

export interface TableColumn extends FitColumn {
  align?: 'left' | 'right';
}

export interface TableStyle {
  paint: Paint;
  /** Grey borders: on when colour is. */
  color: boolean;
}

/** The lines of the table, without a final newline; each at most `width` columns wide. */
export function renderTable(
  columns: readonly TableColumn[],
  rows: readonly (readonly string[])[],
  width: number,
  style: TableStyle,
): string {
  const fitted = fit(columns, rows, width);
  const table = new Table({
    head: fitted.header.map((h) => style.paint.bold(h)),
    style: { head: [], border: style.color ? ['grey'] : [], compact: true },
    colAligns: fitted.columns.map((i) => columns[i]?.align ?? 'left'),
    // Padding of one space on each side, as the fitting counts it.
    colWidths: fitted.widths.map((w) => w + 2),
  });
  for (const r of fitted.rows) table.push(r);
  return table.toString();
}
