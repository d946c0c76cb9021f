/**
 * A mapping file (`pay import --map FILE`): a registry that no built-in format reads, described as
 * a StatementFormat (./formats.ts) in JSON and checked here. It loads the schema library, so it is
 * loaded only when a mapping is given.
 */
import { z } from 'zod';
import { schemaProblem, type SchemaProblem } from '../schema-problems.js';
import { PAYMENT_METHODS } from '../types.js';
import { DELIMITERS, ENCODINGS, type StatementFormat } from './formats.js';

/** A refusal of a format carries its name; the catalogs word it. */
const format = (f: Extract<SchemaProblem, { what: 'format' }>['format']) => ({ params: { format: f } });

const isPattern = (p: string) => {
  try {
    new RegExp(p, 'u');
    return true;
  } catch {
    return false;
  }
};
const pattern = z.string().min(1).refine(isPattern, format('pattern'));
const name = z.string().trim().min(1);
const column = z.strictObject({ column: name, pattern: pattern.optional() });
const method = z.enum(PAYMENT_METHODS);
const timeFormat = z
  .string()
  .refine((s) => s === 'ISO' || (/yyyy/.test(s) && /MM/.test(s) && /dd/.test(s) && /HH/.test(s) && /mm/.test(s)), format('timePattern'));
const zone = z.string().refine((s) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: s });
    return true;
  } catch {
    return false;
  }
}, format('timeZone'));

export const formatSchema = z
  .strictObject({
    name: name.default('map'),
    delimiter: z.enum(DELIMITERS).optional(),
    encoding: z.enum(ENCODINGS).optional(),
    decimal: z.enum(['.', ',']).default('.'),
    exact: z.boolean().optional(),
    id: column,
    order: column.optional(),
    amount: column.extend({ signed: z.boolean().optional() }),
    time: column.extend({ formats: z.array(timeFormat).min(1), zone: zone.optional() }),
    method: z.union([
      z.strictObject({ fixed: method }),
      column.extend({ values: z.record(z.string(), method).optional(), default: method.optional() }),
    ]),
    kind: z
      .union([
        z.strictObject({ fixed: z.enum(['payment', 'refund']) }),
        column.extend({ payment: z.array(z.string()).min(1), refund: z.array(z.string()) }),
      ])
      .optional(),
    parent: column.optional(),
    fee: z.union([column, z.strictObject({ net: column })]).optional(),
    currency: column.optional(),
    skip: z.array(z.strictObject({ column: name.optional(), pattern })).optional(),
    only: z.array(z.strictObject({ column: name, values: z.array(z.string()).min(1) })).optional(),
  })
  .refine((f) => f.order !== undefined || f.parent !== undefined, { ...format('orderOrParent'), path: ['order'] });

/** A mapping's problems: the path of each bad key and what it should have been. */
export type MapProblem = { path: string; problem: SchemaProblem };

export function parseFormat(json: unknown): { format: StatementFormat } | { problems: MapProblem[] } {
  const r = formatSchema.safeParse(json);
  if (r.success) return { format: r.data };
  return {
    problems: r.error.issues.map((i) => ({
      path: i.path.length
        ? i.path.map((p, n) => (typeof p === 'number' ? `[${p}]` : `${n ? '.' : ''}${String(p)}`)).join('')
        : '(the mapping)',
      problem: schemaProblem(i),
    })),
  };
}
