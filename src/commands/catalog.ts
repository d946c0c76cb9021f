/**
 * Every command's registrars, by the name commands/index.ts registers them under, each behind its
 * own import(): a run loads the code of the command it names and no other (the bundle turns each
 * import() into a module whose top level runs on first call; see scripts/build.mjs).
 */
import type { Command } from 'commander';
import type { Deps } from '../deps.js';

export interface Registrar {
  register(parent: Command, deps: Deps): void;
}

type Load = () => Promise<readonly Registrar[]>;

export const catalog = {
  orders: async () => (await import('./orders/index.js')).verbs,
  pay: async () => (await import('./pay/index.js')).verbs,
  msg: async () => (await import('./msg/index.js')).verbs,
  tickets: async () => (await import('./tickets/index.js')).verbs,
  services: async () => (await import('./services/index.js')).verbs,
  users: async () => (await import('./users/index.js')).verbs,
  db: async () => (await import('./db/index.js')).verbs,
  seed: async () => [await import('./seed/seed.js')],
  whoami: async () => [await import('./whoami.js')],
  login: async () => [await import('./login.js')],
  desk: async () => [await import('./desk.js')],
  completion: async () => [await import('./completion.js')],
  help: async () => [await import('./help.js')],
} satisfies Record<string, Load>;

export type Catalog = typeof catalog;
