/**
 * A value of the wrong shape in a file cowork reads (a fixture, a statement's mapping), as what it
 * should have been, in no language: the catalogs word it (src/ui/messages). The schema library's
 * own English never reaches the operator.
 */
import type { z } from 'zod';

/** The named formats a check may refuse (a refine's `params.format`). */
export const SCHEMA_FORMATS = ['instant', 'time', 'date', 'timeZone', 'login', 'slug', 'pattern', 'timePattern', 'orderOrParent'] as const;
export type SchemaFormat = (typeof SCHEMA_FORMATS)[number];

/** What a value of the wrong shape should have been, in no language yet. */
export type SchemaProblem =
  | { what: 'type'; expected: 'text' | 'number' | 'wholeNumber' | 'boolean' | 'list' | 'object' | 'other' }
  | { what: 'choice'; choices: string[] }
  | { what: 'unknownKeys'; keys: string[] }
  | { what: 'tooSmall'; of: 'text' | 'list' | 'number'; minimum: number }
  | { what: 'tooBig'; of: 'text' | 'list' | 'number'; maximum: number }
  | { what: 'format'; format: SchemaFormat }
  | { what: 'invalid' };

const TYPES: Record<string, Extract<SchemaProblem, { what: 'type' }>['expected']> = {
  string: 'text',
  number: 'number',
  int: 'wholeNumber',
  boolean: 'boolean',
  array: 'list',
  object: 'object',
};
const ORIGINS: Record<string, 'text' | 'list' | 'number'> = { string: 'text', array: 'list', number: 'number' };

/** A schema library's issue as what the value should have been, in no language. */
export function schemaProblem(i: z.core.$ZodIssue): SchemaProblem {
  switch (i.code) {
    case 'invalid_type':
      return { what: 'type', expected: TYPES[i.expected] ?? 'other' };
    case 'invalid_value':
      return { what: 'choice', choices: i.values.map(String) };
    case 'unrecognized_keys':
      return { what: 'unknownKeys', keys: i.keys };
    case 'too_small':
      return { what: 'tooSmall', of: ORIGINS[i.origin] ?? 'number', minimum: Number(i.minimum) };
    case 'too_big':
      return { what: 'tooBig', of: ORIGINS[i.origin] ?? 'number', maximum: Number(i.maximum) };
    case 'custom': {
      const f = SCHEMA_FORMATS.find((x) => x === i.params?.format);
      return f ? { what: 'format', format: f } : { what: 'invalid' };
    }
    default:
      return { what: 'invalid' };
  }
}
