/**
 * Search in the database (src/core/search.ts says what a query is). Keys are folded when written
 * (src/store/rows.ts), so matching is a plain substring test on both databases.
 *
 * An order matches when its number or its ticket's number is the query's number, or when every
 * term is in its applicant's key, or every term in its visitor's key. Two ways to find them, the
 * same orders either way:
 * - few matches (a person, a phone, a number): the matching orders' numbers are collected through
 *   indexes (the users' keys, which are few; the visitors' trigram index; the primary keys), and
 *   the list reads those orders by number;
 * - many matches (a common name, a short term): the list walks its usual index, newest first, and
 *   tests each order's keys, finding a page of matches within a few pages of orders.
 * Collecting stops past WIDE orders: a search that matches more is walked.
 */
import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { SearchQuery } from '../core/search.js';
import type { DialectName } from './open.js';
import type { DB } from './schema.js';

/** Past this many matching orders, a list walks its index instead of reading them by number. */
export const WIDE = 5000;

/** How a list finds the orders of a search: by their numbers, or by testing each order's keys. */
export type OrderMatch = { numbers: number[] } | { query: SearchQuery };

/** `column` contains `term`, the term's `%`, `_` and `\` taken literally. */
export function contains(column: RawBuilder<unknown> | string, term: string): RawBuilder<SqlBool> {
  const pattern = `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const ref = typeof column === 'string' ? sql.ref(column) : column;
  return sql<SqlBool>`${ref} like ${pattern} escape '\\'`;
}

/** Every term in the key column. */
function hasAll(column: string, terms: readonly string[]): RawBuilder<SqlBool> {
  return sql<SqlBool>`(${sql.join(
    terms.map((t) => contains(column, t)),
    sql` and `,
  )})`;
}

/** A trigram index reads terms of three characters or more; a shorter one would read everything. */
function indexable(q: SearchQuery): boolean {
  return q.terms.length > 0 && q.terms.every((t) => [...t].length >= 3);
}

/** The terms as an FTS5 query: each a quoted string (a substring, for the trigram tokenizer), all of them required. */
function ftsQuery(terms: readonly string[]): string {
  return terms.map((t) => `"${t.replace(/"/g, '""')}"`).join(' ');
}

/**
 * Decides how a list finds the orders of a search: collects their numbers while they are at most
 * `wide` (any visibility: the list applies the viewer's and its other filters), else walks.
 */
export async function resolveOrderSearch(db: Kysely<DB>, dialect: DialectName, q: SearchQuery, wide: number = WIDE): Promise<OrderMatch> {
  if (!indexable(q)) return { query: q };
  const found = new Set<number>();
  const add = (rows: { n: number | string }[]) => {
    for (const r of rows) found.add(Number(r.n));
    return found.size > wide;
  };
  if (q.number !== null) {
    const n = q.number;
    add(await db.selectFrom('orders').select('number as n').where('number', '=', n).execute());
    add(await db.selectFrom('tickets').select('order_number as n').where('number', '=', n).execute());
  }
  const applicants = await db
    .selectFrom('orders')
    .select('number as n')
    .where('applicant_id', 'in', (eb) => eb.selectFrom('users').select('id').where(hasAll('users.search_key', q.terms)))
    .limit(wide + 1)
    .execute();
  if (add(applicants)) return { query: q };
  const visitors =
    dialect === 'sqlite'
      ? (
          await sql<{ n: number }>`select order_number as n from tickets where number in
              (select rowid from tickets_search where tickets_search match ${ftsQuery(q.terms)} limit ${wide + 1})`.execute(db)
        ).rows
      : await db
          .selectFrom('tickets')
          .select('order_number as n')
          .where(hasAll('tickets.search_key', q.terms))
          .limit(wide + 1)
          .execute();
  if (add(visitors)) return { query: q };
  return { numbers: [...found].sort((a, b) => a - b) };
}

/** The condition on a row of the orders list (orders joined to `app`, its applicant, and `tickets`). */
export function orderMatches(m: OrderMatch): RawBuilder<SqlBool> {
  if ('numbers' in m) return m.numbers.length ? sql<SqlBool>`orders.number in (${sql.join(m.numbers)})` : sql<SqlBool>`1 = 0`;
  const q = m.query;
  const any: RawBuilder<SqlBool>[] = [hasAll('app.search_key', q.terms), hasAll('tickets.search_key', q.terms)];
  if (q.number !== null) any.push(sql<SqlBool>`orders.number = ${q.number}`, sql<SqlBool>`tickets.number = ${q.number}`);
  return sql<SqlBool>`(${sql.join(any, sql` or `)})`;
}

/** The condition on a user of `users list --search`: the key, or the login or email for a single term. */
export function userMatches(q: SearchQuery): RawBuilder<SqlBool> {
  const [only] = q.terms;
  if (q.terms.length !== 1 || only === undefined) return hasAll('users.search_key', q.terms);
  return sql<SqlBool>`(${contains('users.search_key', only)} or ${contains(sql`lower(users.login)`, only)} or ${contains(
    sql`lower(coalesce(users.email, ''))`,
    only,
  )})`;
}
