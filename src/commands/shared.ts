/** What every command shares: parsing of common values, and writing data or notices. */
import { InvalidArgumentError } from 'commander';
import { NotFoundError, UsageError } from '../core/errors.js';
import { isDate } from '../core/time.js';
import type { Deps } from '../deps.js';
import type { Order } from '../core/types.js';
import type { Store } from '../store/index.js';

/** A commander argument parser for a positive integer (order, ticket numbers; limits). */
export function positiveInt(what: string) {
  return (v: string): number => {
    if (!/^\d{1,15}$/.test(v) || Number(v) <= 0) throw new InvalidArgumentError(`${what} must be a positive whole number, not "${v}"`);
    return Number(v);
  };
}

export function nonNegativeInt(what: string) {
  return (v: string): number => {
    if (!/^\d{1,15}$/.test(v)) throw new InvalidArgumentError(`${what} must be a whole number, not "${v}"`);
    return Number(v);
  };
}

export function dateArg(flag: string) {
  return (v: string): string => {
    if (!isDate(v)) throw new InvalidArgumentError(`${flag} must be a date YYYY-MM-DD, not "${v}"`);
    return v;
  };
}

/** Prints data: a JSON value (with --json) or text lines. */
export function printJson(deps: Deps, value: unknown): void {
  deps.io.stdout.write(JSON.stringify(value, null, 2) + '\n');
}

export function printLines(deps: Deps, text: string): void {
  deps.io.stdout.write(text.endsWith('\n') ? text : text + '\n');
}

/** A notice for the operator: stderr, never mixed with data. */
export function notice(deps: Deps, text: string): void {
  deps.io.stderr.write(text + '\n');
}

export async function requireOrder(store: Store, number: number): Promise<Order> {
  const o = await store.order(number);
  if (!o) throw new NotFoundError(`order ${number} not found`);
  return o;
}

/** A value that must be given: prompt for it when allowed, else a usage error naming the flag. */
export async function required<T>(deps: Deps, value: T | undefined, flag: string, ask: () => Promise<T>): Promise<T> {
  if (value !== undefined) return value;
  if (!deps.interactive()) throw new UsageError(`${flag} is required (no prompt: input is not a terminal or is disabled)`);
  return ask();
}
