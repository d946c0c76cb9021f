import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { DialectName } from './open.js';

/**
 * `column` is one of `values`, passed as one parameter whatever their number: a JSON array on
 * SQLite, an array on PostgreSQL. One query instead of one per few hundred keys.
 */
export function among(dialect: DialectName, column: string, values: readonly (number | string)[]): RawBuilder<SqlBool> {
  return dialect === 'sqlite'
    ? sql<SqlBool>`${sql.ref(column)} in (select value from json_each(${JSON.stringify(values)}))`
    : sql<SqlBool>`${sql.ref(column)} = any(${values})`;
}
