/**
 * Fitting a table to the terminal: which columns stay, how wide, where text is cut. Pure: the
 * tables here are the demo's orders as `orders list` prints them, in English and in Russian.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cut, displayWidth, fit, tableWidth, type FitColumn } from '../../src/ui/fit.js';
import { renderTable } from '../../src/ui/table.js';
import { plain, type Paint } from '../../src/ui/color.js';

/** The columns of `orders list` (src/commands/orders/shared.ts) as the fitting sees them. */
const orderColumns = (headers: string[]): FitColumn[] => {
  const shape: Omit<FitColumn, 'header'>[] = [
    {},
    { drop: 1 },
    { drop: 5, min: 12 },
    {},
    { drop: 7 },
    { drop: 6, min: 10 },
    { drop: 3, min: 8 },
    { drop: 4 },
    {},
    { drop: 2 },
  ];
  return headers.map((header, i) => ({ header, ...shape[i] }));
};

const EN = orderColumns(['Number', 'Created', 'Service', 'Status', 'Period', 'Applicant', 'Executor', 'Total', 'Left', 'Refund']);
const RU = orderColumns(['Номер', 'Создан', 'Услуга', 'Статус', 'Период', 'Заявитель', 'Исполнитель', 'Сумма', 'Остаток', 'К возврату']);

const EN_ROWS = [
  [
    '1006315',
    '11.08.2023 13:37',
    'meeting-room',
    'Awaiting payment',
    '14.08.2023 12:00–14:00',
    'Иван Петров',
    'manager2',
    '2,000 ₽',
    '2,000 ₽',
    '',
  ],
  ['1006314', '11.08.2023 13:35', 'coworking-2', 'Partially paid', '12.08.2023 10:00–20:00', 'Мария Иванова', '', '1,000 ₽', '700 ₽', ''],
  ['1006313', '11.08.2023 13:32', 'coworking-2', 'Confirmed', '11.08.2023 16:00–20:00', 'Алексей Трошков', '', '400 ₽', '0 ₽', ''],
  ['1006316', '11.08.2023 10:00', 'coworking-2', 'Cancelled', '15.08.2023 10:00–15:00', 'Иван Петров', '', '500 ₽', '0 ₽', '250 ₽'],
];
const RU_ROWS = [
  [
    '1006315',
    '11.08.2023 13:37',
    'meeting-room',
    'Ожидает оплаты',
    '14.08.2023 12:00–14:00',
    'Иван Петров',
    'manager2',
    '2 000 ₽',
    '2 000 ₽',
    '',
  ],
  ['1006314', '11.08.2023 13:35', 'coworking-2', 'Частично оплачен', '12.08.2023 10:00–20:00', 'Мария Иванова', '', '1 000 ₽', '700 ₽', ''],
  ['1006313', '11.08.2023 13:32', 'coworking-2', 'Подтвержден', '11.08.2023 16:00–20:00', 'Алексей Трошков', '', '400 ₽', '0 ₽', ''],
  ['1006316', '11.08.2023 10:00', 'coworking-2', 'Отменен', '15.08.2023 10:00–15:00', 'Иван Петров', '', '500 ₽', '0 ₽', '250 ₽'],
];

const ESC = '\u001b';
// eslint-disable-next-line no-control-regex
const stripAnsi = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, '');
const bold: Paint = { ...plain, bold: (s) => `${ESC}[1m${s}${ESC}[22m` };

const WIDTHS = Array.from({ length: 161 }, (_, i) => 40 + i);

describe('displayWidth', () => {
  it.each([
    ['abc', 3],
    ['Алексей', 7],
    ['Ёлка ё', 6],
    ['会議室', 6],
    ['😀', 2],
    ['👨‍👩‍👧', 2],
    ['e\u0301', 1],
    ['2 000 ₽', 7],
    [`${ESC}[1mЖирный${ESC}[22m`, 6],
    ['', 0],
  ])('%j takes %i columns', (text, width) => {
    expect(displayWidth(text)).toBe(width);
  });
});

describe('cut', () => {
  it('leaves text that fits as it is', () => {
    expect(cut('Алексей Трошков', 15)).toBe('Алексей Трошков');
    expect(cut('Алексей Трошков', 40)).toBe('Алексей Трошков');
    expect(cut('', 0)).toBe('');
  });

  it('cuts at the end, the ellipsis taking the last column', () => {
    expect(cut('Алексей Трошков', 12)).toBe('Алексей Тро…');
    expect(cut('Awaiting payment', 10)).toBe('Awaiting…');
    expect(cut('meeting-room', 9)).toBe('meeting-…');
    expect(displayWidth(cut('Алексей Трошков', 12))).toBe(12);
  });

  it('drops the spaces before the ellipsis', () => {
    expect(cut('Мария Иванова', 7)).toBe('Мария…');
    expect(cut('a    b', 5)).toBe('a…');
  });

  it('a column of one shows only the ellipsis; of none, nothing', () => {
    expect(cut('Иванова', 1)).toBe('…');
    expect(cut('Иванова', 0)).toBe('');
  });

  it('never splits a wide character: the cut may be a column short', () => {
    expect(cut('会議室会議室', 5)).toBe('会議…');
    expect(cut('会議室会議室', 6)).toBe('会議…');
    expect(cut('会議室会議室', 7)).toBe('会議室…');
    expect(cut('👨‍👩‍👧👨‍👩‍👧👨‍👩‍👧', 5)).toBe('👨‍👩‍👧👨‍👩‍👧…');
    expect(cut('e\u0301e\u0301e\u0301', 2)).toBe('e\u0301…');
  });

  it('colour codes take no room and are kept, so a colour switched on is switched off', () => {
    const text = `${ESC}[1mАлексей Трошков${ESC}[22m`;
    expect(cut(text, 15)).toBe(text);
    expect(cut(text, 8)).toBe(`${ESC}[1mАлексей…${ESC}[22m`);
    expect(displayWidth(cut(text, 8))).toBe(8);
  });

  it('whatever the text and the width: at most that wide, and what is kept is the text’s start', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), fc.integer({ min: 0, max: 40 }), (text, width) => {
        const out = cut(text, width);
        expect(displayWidth(out)).toBeLessThanOrEqual(width);
        if (displayWidth(text) <= width) expect(out).toBe(text);
        else if (width > 0) {
          expect(out.endsWith('…')).toBe(true);
          expect(text.startsWith(out.slice(0, -1))).toBe(true);
        }
      }),
    );
  });
});

describe('fit', () => {
  it('a table that fits is left as it is', () => {
    const f = fit(EN, EN_ROWS, 200);
    expect(f.columns).toEqual([...EN.keys()]);
    expect(f.rows).toEqual(EN_ROWS);
    expect(f.header).toEqual(EN.map((c) => c.header));
    expect(tableWidth(f.widths)).toBe(147);
  });

  it.each([
    ['en', EN, EN_ROWS],
    ['ru', RU, RU_ROWS],
  ])('%s: no line wider than the terminal, for every width from 40 to 200', (_lang, columns, rows) => {
    for (const width of WIDTHS) {
      const f = fit(columns, rows, width);
      expect(tableWidth(f.widths), `width ${width}`).toBeLessThanOrEqual(width);
      for (const r of [f.header, ...f.rows]) r.forEach((cell, k) => expect(displayWidth(cell)).toBeLessThanOrEqual(f.widths[k]!));
      const lines = stripAnsi(renderTable(columns, rows, width, { paint: bold, color: true })).split('\n');
      expect(lines).toHaveLength(rows.length + 4);
      for (const line of lines) expect(displayWidth(line), `width ${width}: ${line}`).toBe(tableWidth(f.widths));
    }
  });

  it.each([
    ['en', EN, EN_ROWS],
    ['ru', RU, RU_ROWS],
  ])('%s: the number, the status and what is left stay at every width, whole', (_lang, columns, rows) => {
    for (const width of WIDTHS) {
      const f = fit(columns, rows, width);
      for (const i of [0, 3, 8]) {
        const k = f.columns.indexOf(i);
        expect(k, `width ${width}`).toBeGreaterThanOrEqual(0);
        expect(f.rows.map((r) => r[k])).toEqual(rows.map((r) => r[i]));
      }
    }
  });

  it.each([
    ['en', EN, EN_ROWS],
    ['ru', RU, RU_ROWS],
  ])('%s: columns go in their order as the terminal narrows, and never come back', (_lang, columns, rows) => {
    // created, refund, executor, total, service, applicant, period
    const order = [1, 9, 6, 7, 2, 5, 4];
    let gone = 0;
    for (const width of [...WIDTHS].reverse()) {
      const f = fit(columns, rows, width);
      const dropped = order.filter((i) => !f.columns.includes(i));
      expect(dropped, `width ${width}`).toEqual(order.slice(0, dropped.length));
      expect(dropped.length).toBeGreaterThanOrEqual(gone);
      gone = dropped.length;
    }
    expect(gone).toBe(order.length);
  });

  it('at 80 columns: the number, status, period, applicant (cut) and what is left', () => {
    const f = fit(RU, RU_ROWS, 80);
    expect(f.header).toEqual(['Номер', 'Статус', 'Период', 'Заявитель', 'Остаток']);
    expect(f.rows.map((r) => r[3])).toEqual(['Иван Петров', 'Мария Ивано…', 'Алексей Тро…', 'Иван Петров']);
    expect(tableWidth(f.widths)).toBe(80);
  });

  it('at 120 columns more of them, text whole; a header wider than its cells is cut first', () => {
    expect(fit(EN, EN_ROWS, 120).header).toEqual(['Number', 'Service', 'Status', 'Period', 'Applicant', 'Executor', 'Total', 'Left']);
    const ru = fit(RU, RU_ROWS, 120);
    expect(ru.header).toEqual(['Номер', 'Услуга', 'Статус', 'Период', 'Заявитель', 'Исполнит…', 'Сумма', 'Остаток']);
    expect(ru.rows[0]).toEqual(RU_ROWS[0]!.filter((_, i) => ru.columns.includes(i)));
  });

  it('a column goes before a more useful one loses text', () => {
    const columns: FitColumn[] = [
      { header: 'name', min: 5 },
      { header: 'note', drop: 1, min: 4 },
    ];
    const rows = [['Алексей Трошков', 'до обеда']];
    // Both would fit only with the name cut: the note goes, the name stays whole.
    const f = fit(columns, rows, 24);
    expect(f.columns).toEqual([0]);
    expect(f.rows).toEqual([['Алексей Трошков']]);
  });

  it('the least useful column left cuts its own text rather than go, down to its minimum', () => {
    const columns: FitColumn[] = [{ header: 'number' }, { header: 'applicant', drop: 1, min: 6 }];
    const rows = [['1006315', 'Алексей Трошков']];
    expect(fit(columns, rows, 27).rows).toEqual([['1006315', 'Алексей Трош…']]);
    expect(fit(columns, rows, 23).rows).toEqual([['1006315', 'Алексей…']]);
    expect(fit(columns, rows, 20).rows).toEqual([['1006315', 'Алекс…']]);
    expect(fit(columns, rows, 19).columns).toEqual([0]);
  });

  it('an empty column goes first, whatever its rank', () => {
    const columns: FitColumn[] = [{ header: 'number' }, { header: 'created', drop: 1 }, { header: 'refund', drop: 9 }];
    const f = fit(columns, [['1006315', '11.08.2023 13:37', '']], 30);
    expect(f.header).toEqual(['number', 'created']);
  });

  it('of one rank, the rightmost goes first', () => {
    const columns: FitColumn[] = [{ header: 'n' }, { header: 'aaaa', drop: 1 }, { header: 'bbbb', drop: 1 }];
    expect(fit(columns, [['1', 'xxxx', 'yyyy']], 13).header).toEqual(['n', 'aaaa']);
  });

  it('the columns that stay are cut, widest first, once nothing else may go', () => {
    const columns: FitColumn[] = [
      { header: 'n', min: 3 },
      { header: 'a', min: 3 },
      { header: 'b', min: 3 },
    ];
    const rows = [['1234', 'Алексей Трошков', 'Мария']];
    expect(fit(columns, rows, 25).rows).toEqual([['1234', 'Алекс…', 'Мария']]);
    const f = fit(columns, rows, 20);
    expect(f.widths).toEqual([4, 3, 3]);
    expect(f.rows).toEqual([['1234', 'Ал…', 'Ма…']]);
  });

  it('on a terminal too narrow for anything, every column gives way, the first last', () => {
    for (const width of [5, 8, 12, 20, 30, 39]) {
      const f = fit(RU, RU_ROWS, width);
      expect(tableWidth(f.widths), `width ${width}`).toBeLessThanOrEqual(width);
      expect(f.columns[0]).toBe(0);
    }
    expect(fit(RU, RU_ROWS, 30).header).toEqual(['Номер', 'Статус', 'Остат…']);
    expect(fit(RU, RU_ROWS, 30).rows[1]).toEqual(['1006314', 'Частич…', '700 ₽']);
  });

  it('colour codes in the cells take no room', () => {
    const paint = (s: string) => `${ESC}[31m${s}${ESC}[39m`;
    const rows = EN_ROWS.map((r) => r.map(paint));
    for (const width of [40, 80, 120]) {
      expect(fit(EN, rows, width).widths).toEqual(fit(EN, EN_ROWS, width).widths);
    }
  });

  it('any table at any width: no wider than the terminal; the columns that stay, stay while they fit', () => {
    const cell = fc.string({ unit: 'grapheme', maxLength: 24 }).map((s) => s.replace(/\p{Cc}/gu, ''));
    const column = fc.record(
      {
        header: cell,
        drop: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
        min: fc.option(fc.integer({ min: 1, max: 12 }), { nil: undefined }),
      },
      { requiredKeys: ['header'] },
    );
    fc.assert(
      fc.property(
        fc
          .array(column, { minLength: 1, maxLength: 8 })
          .chain((columns) =>
            fc.tuple(
              fc.constant(columns),
              fc.array(fc.array(cell, { minLength: columns.length, maxLength: columns.length }), { maxLength: 5 }),
              fc.integer({ min: 5, max: 200 }),
            ),
          ),
        ([columns, rows, width]) => {
          const f = fit(columns, rows, width);
          expect(tableWidth(f.widths)).toBeLessThanOrEqual(width);
          expect(f.columns.length).toBeGreaterThan(0);
          if (columns[0]!.drop === undefined) expect(f.columns[0]).toBe(0);
          expect(f.header).toHaveLength(f.columns.length);
          for (const r of [f.header, ...f.rows]) r.forEach((c, k) => expect(displayWidth(c)).toBeLessThanOrEqual(f.widths[k]!));
          const natural = (i: number) => Math.max(displayWidth(columns[i]!.header), ...rows.map((r) => displayWidth(r[i]!)));
          const staying = columns.flatMap((c, i) => (c.drop === undefined ? [i] : []));
          const floors = staying.map((i) => Math.min(natural(i), Math.max(1, columns[i]!.min ?? natural(i))));
          if (tableWidth(floors) <= width) for (const i of staying) expect(f.columns).toContain(i);
        },
      ),
    );
  });
});
