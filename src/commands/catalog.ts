/**
 * Every command's registrars, by the name commands/index.ts registers them under. One module, so
 * that the build makes all the command code one chunk (see commands/index.ts).
 */
import type { Command } from 'commander';
import type { Deps } from '../deps.js';
import { verbs as orders } from './orders/index.js';
import { verbs as pay } from './pay/index.js';
import { verbs as msg } from './msg/index.js';
import { verbs as tickets } from './tickets/index.js';
import { verbs as services } from './services/index.js';
import { verbs as users } from './users/index.js';
import { verbs as db } from './db/index.js';
import * as seed from './seed/seed.js';
import * as whoami from './whoami.js';
import * as login from './login.js';
import * as completion from './completion.js';
import * as desk from './desk.js';
import * as help from './help.js';

export interface Registrar {
  register(parent: Command, deps: Deps): void;
}

export const catalog = {
  orders,
  pay,
  msg,
  tickets,
  services,
  users,
  db,
  seed: [seed],
  whoami: [whoami],
  login: [login],
  desk: [desk],
  completion: [completion],
  help: [help],
} satisfies Record<string, Registrar[]>;

export type Catalog = typeof catalog;
