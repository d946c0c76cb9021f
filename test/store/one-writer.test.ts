/**
 * One writer per table: every row of cowork is inserted by the one insert of its table in
 * src/store/rows.ts, and an order's balance moves by one guarded update. A second insert site (a
 * kysely `insertInto` elsewhere, or SQL written by hand) fails here. The checks run on the source
 * text; each is also run on a sample that breaks it, so that a check that finds nothing because it
 * is broken fails too.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COLUMNS } from '../../src/store/rows.js';

const ROOT = resolve(import.meta.dirname, '../..');
const WRITER = 'src/store/rows.ts';
const TABLES = Object.keys(COLUMNS);

function sources(dir: string): { path: string; text: string }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = join(dir, e.name);
    if (e.isDirectory()) return sources(full);
    return e.name.endsWith('.ts') ? [{ path: relative(ROOT, full), text: readFileSync(full, 'utf8') }] : [];
  });
}

/** The text without comments: a comment may speak of an insert without being one. */
function code(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

type Source = { path: string; text: string };

/** Every kysely write call: the method, its table, and where it is. */
function kyselyWrites(files: Source[]): { method: string; table: string; path: string; rest: string }[] {
  const out: { method: string; table: string; path: string; rest: string }[] = [];
  for (const f of files) {
    const text = code(f.text);
    for (const m of text.matchAll(/\.(insertInto|updateTable|deleteFrom)\(\s*(['"`])(\w+)\2\s*\)/g)) {
      out.push({
        method: m[1]!,
        table: m[3]!,
        path: f.path,
        rest: text.slice((m.index ?? 0) + m[0].length, (m.index ?? 0) + m[0].length + 400),
      });
    }
    // A write call whose table is not a literal cannot be checked: it is a finding of its own.
    for (const m of text.matchAll(/\.(insertInto|updateTable|deleteFrom)\(\s*(?!['"`])/g)) {
      out.push({ method: m[1]!, table: '(not a literal)', path: f.path, rest: '' });
    }
  }
  return out;
}

/** SQL written by hand that inserts, or that updates an order's balance. */
function handWritten(files: Source[]): { path: string; sql: string }[] {
  const out: { path: string; sql: string }[] = [];
  for (const f of files) {
    const text = code(f.text);
    for (const m of text.matchAll(/\b(insert\s+(?:or\s+\w+\s+)?into\s+["`]?\w+|update\s+["`]?orders["`]?\s+set\b)/gi))
      out.push({ path: f.path, sql: m[0] });
  }
  return out;
}

/**
 * A migration that builds a table anew (SQLite's way to change its constraints) copies its rows
 * into the new table: the schema's history, not a writer of the running program.
 */
const rebuild = (h: { path: string; sql: string }) => h.path === 'src/store/migrations.ts' && /^insert\s+into\s+\w+_next$/i.test(h.sql);

/**
 * 0005_search fills SQLite's full-text index of ticket visitors from the tickets there are with
 * FTS5's `rebuild` command, which reads as an insert; src/store/rows.ts writes it after.
 */
const indexUpkeep = (h: { path: string; sql: string }) =>
  h.path === 'src/store/migrations.ts' && /^insert\s+into\s+tickets_search$/i.test(h.sql);

/** The problems of a set of sources; none for cowork's. */
function problems(files: Source[]): string[] {
  const found: string[] = [];
  const writes = kyselyWrites(files);
  for (const w of writes) if (w.path !== WRITER) found.push(`${w.path}: ${w.method}('${w.table}') outside ${WRITER}`);
  for (const table of TABLES) {
    const inserts = writes.filter((w) => w.method === 'insertInto' && w.table === table);
    if (inserts.length !== 1)
      found.push(`${table}: ${inserts.length} insertInto('${table}') calls, not 1 (${inserts.map((w) => w.path).join(', ')})`);
  }
  const balance = writes.filter((w) => w.method === 'updateTable' && w.table === 'orders' && /^\s*\.set\(\{[^}]*\bpaid\b/.test(w.rest));
  if (balance.length !== 1) found.push(`${balance.length} updates of orders.paid, not 1`);
  for (const h of handWritten(files)) if (!rebuild(h) && !indexUpkeep(h)) found.push(`${h.path}: SQL written by hand: ${h.sql}`);
  return found;
}

describe('one writer per table', () => {
  const src = sources(join(ROOT, 'src'));

  it('finds the sources, and every table', () => {
    expect(src.some((f) => f.path === WRITER)).toBe(true);
    expect(TABLES).toEqual(
      expect.arrayContaining([
        'locations',
        'services',
        'tariffs',
        'service_managers',
        'users',
        'orders',
        'order_lines',
        'tickets',
        'payments',
        'messages',
        'counters',
        'tickets_search',
      ]),
    );
  });

  it('each table has exactly one insert, in src/store/rows.ts; every write is there; no SQL by hand; one balance update', () => {
    expect(problems(src)).toEqual([]);
  });

  describe('the checks find what they look for', () => {
    const withExtra = (path: string, text: string) => [...src, { path, text }];

    it('a second kysely insert of a table, anywhere', () => {
      expect(problems(withExtra('src/app/elsewhere.ts', "await tx.db.insertInto('payments').values(row).execute();"))).toEqual([
        "src/app/elsewhere.ts: insertInto('payments') outside src/store/rows.ts",
        "payments: 2 insertInto('payments') calls, not 1 (src/store/rows.ts, src/app/elsewhere.ts)",
      ]);
    });

    it('a second insert inside src/store/rows.ts itself', () => {
      const rows = src.find((f) => f.path === WRITER)!;
      const doubled = src.map((f) =>
        f === rows ? { ...f, text: f.text + "\nconst again = (db) => db.insertInto('messages').values([]);\n" } : f,
      );
      expect(problems(doubled)).toEqual(["messages: 2 insertInto('messages') calls, not 1 (src/store/rows.ts, src/store/rows.ts)"]);
    });

    it('an insert whose table is not a literal', () => {
      expect(problems(withExtra('src/store/x.ts', 'db.insertInto(table).values(rows)'))).toEqual([
        "src/store/x.ts: insertInto('(not a literal)') outside src/store/rows.ts",
      ]);
    });

    it('hand-written insert and balance SQL, in a string or a template', () => {
      expect(
        problems(
          withExtra(
            'src/store/x.ts',
            "native.prepare(`insert into payments (order_number) values (?)`);\nconst u = 'update orders set paid = ? where number = ?';",
          ),
        ),
      ).toEqual(['src/store/x.ts: SQL written by hand: insert into payments', 'src/store/x.ts: SQL written by hand: update orders set']);
    });

    it("the search index's upkeep excuses no other table, nor the index anywhere else", () => {
      expect(
        problems([
          ...src,
          { path: 'src/store/migrations.ts', text: 'sql`insert into tickets (number) select 1`;' },
          { path: 'src/store/x.ts', text: 'sql`insert into tickets_search (rowid, search_key) values (1, 2)`;' },
        ]),
      ).toEqual([
        'src/store/migrations.ts: SQL written by hand: insert into tickets',
        'src/store/x.ts: SQL written by hand: insert into tickets_search',
      ]);
    });

    it('a second update of the balance', () => {
      expect(problems(withExtra('src/store/rows.ts', "db.updateTable('orders').set({ paid: 0 }).where('number', '=', 1)"))).toEqual([
        '2 updates of orders.paid, not 1',
      ]);
    });

    it('a comment that speaks of an insert is not one', () => {
      expect(
        problems(withExtra('src/store/x.ts', "// an insert into payments, then db.insertInto('payments')\n/* update orders set paid */")),
      ).toEqual([]);
    });
  });
});

describe('only the store knows SQL', () => {
  it('no use case or command imports kysely or the drivers, or reaches into a transaction for its database', () => {
    const files = [...sources(join(ROOT, 'src/app')), ...sources(join(ROOT, 'src/commands')), ...sources(join(ROOT, 'src/core'))];
    expect(files.length).toBeGreaterThan(20);
    const offenders = files.filter((f) => {
      const text = code(f.text);
      return /from '(kysely|better-sqlite3|pg)'/.test(text.replace(/import type [^;]+;/g, '')) || /\btx\.db\b|\.execute\(tx\./.test(text);
    });
    expect(offenders.map((f) => f.path)).toEqual([]);
    // The check itself finds what it looks for.
    expect(/\btx\.db\b/.test("await tx.db.selectFrom('users')")).toBe(true);
  });
});
