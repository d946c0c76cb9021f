/** What the use-case tests share: the demo's actors and services, and ways to catch a refusal. */
import { expect } from 'vitest';
import type { Actor } from '../../src/app/context.js';
import { CoworkError } from '../../src/core/errors.js';
import type { Service } from '../../src/core/types.js';
import type { Store } from '../../src/store/index.js';
import { snapshot } from '../helpers/builders.js';

export async function actor(store: Store, login: string): Promise<Actor> {
  const u = await store.user(login);
  if (!u) throw new Error(`the demo has no user ${login}`);
  return u;
}

export async function serviceOf(store: Pick<Store, 'service'>, slug: string): Promise<Service> {
  const s = await store.service(slug);
  if (!s) throw new Error(`the test store has no service ${slug}`);
  return s;
}

export async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected a rejection');
}

/** A refusal of cowork's: the error a promise rejects with, which must be one of cowork's. */
export async function refusal(p: Promise<unknown>): Promise<CoworkError> {
  const e = await rejection(p);
  expect(e).toBeInstanceOf(CoworkError);
  return e as CoworkError;
}

/** A refused action on an order: its refusal, and the order, its payments and its feed as they were (rule 8). */
export async function refused(store: Store, number: number, p: () => Promise<unknown>): Promise<CoworkError> {
  const before = await snapshot(store, number);
  const e = await refusal(p());
  expect(await snapshot(store, number)).toEqual(before);
  return e;
}
