/**
 * What every command shares: parsing of common values, and the one rule of output.
 *
 * Output: stdout carries data only. A read prints what was asked for. A write prints on stdout the
 * identifier of what it created or changed, one per line (an order or ticket number, a payment or
 * message id, a login, a slug), or with --json the whole object; the sentence that tells the
 * operator what happened goes to stderr. A script reads ids from stdout, or JSON; a person reads
 * the sentence.
 */
import { UsageError } from '../core/errors.js';
import { isDate, isDaySpec } from '../core/time.js';
import type { Deps } from '../deps.js';

/** A commander argument parser for a positive integer (order, ticket numbers; limits). */
export function positiveInt(what: string) {
  return (v: string): number => {
    if (!/^\d{1,15}$/.test(v) || Number(v) <= 0) throw new UsageError('notPositiveInt', { what, value: v });
    return Number(v);
  };
}

/** A commander argument parser for text that may not be blank (a script's unset variable is no value). */
export function nonBlank(flag: string) {
  return (v: string): string => {
    if (v.trim() === '') throw new UsageError('emptyValue', { flag });
    return v;
  };
}

export function nonNegativeInt(what: string) {
  return (v: string): number => {
    if (!/^\d{1,15}$/.test(v)) throw new UsageError('notWholeNumber', { what, value: v });
    return Number(v);
  };
}

export function dateArg(flag: string) {
  return (v: string): string => {
    if (!isDate(v)) throw new UsageError('notDate', { flag, value: v });
    return v;
  };
}

/** A local day in a flag: a date YYYY-MM-DD, or today, yesterday, tomorrow (each location's own). */
export function dayArg(flag: string) {
  return (v: string): string => {
    if (!isDaySpec(v)) throw new UsageError('notDay', { flag, value: v });
    return v;
  };
}

/** Prints data: a JSON value. */
export function printJson(deps: Deps, value: unknown): void {
  deps.io.stdout.write(JSON.stringify(value, null, 2) + '\n');
}

/** Prints data: text lines. */
export function printLines(deps: Deps, text: string): void {
  deps.io.stdout.write(text.endsWith('\n') ? text : text + '\n');
}

/** A notice for the operator: stderr, never mixed with data. */
export function notice(deps: Deps, text: string): void {
  deps.io.stderr.write(text + '\n');
}

/**
 * What every write command prints (see the top of this file): the id on stdout, or the object with
 * --json; the sentence on stderr.
 */
export function written(deps: Deps, r: { id: string | number; json: () => unknown; said: string }): void {
  if (deps.json()) printJson(deps, r.json());
  else printLines(deps, String(r.id));
  notice(deps, r.said);
}

/** A value that must be given: prompt for it when allowed, else a usage error naming the flag. */
export async function required<T>(deps: Deps, value: T | undefined, flag: string, ask: () => Promise<T>): Promise<T> {
  if (value !== undefined) return value;
  if (!deps.interactive()) throw new UsageError('flagRequired', { flags: [flag] });
  return ask();
}
