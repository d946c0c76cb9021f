/** What the use-case tests share: the demo's actors and a way to catch a refusal. */
import type { Actor } from '../../src/app/context.js';
import type { Store } from '../../src/store/index.js';

export async function actor(store: Store, login: string): Promise<Actor> {
  const u = await store.user(login);
  if (!u) throw new Error(`the demo has no user ${login}`);
  return u;
}

export async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected a rejection');
}
