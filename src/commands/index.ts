/** The command tree: `cowork <noun> <verb>`, one file per command. */
import type { Command } from 'commander';
import type { Deps } from '../deps.js';
import * as ordersList from './orders/list.js';
import * as ordersShow from './orders/show.js';
import * as ticketsShow from './tickets/show.js';
import * as servicesList from './services/list.js';
import * as servicesShow from './services/show.js';
import * as usersList from './users/list.js';
import * as seed from './seed/seed.js';
import * as whoami from './whoami.js';
import * as login from './login.js';

interface Registrar {
  register(parent: Command, deps: Deps): void;
}

function noun(program: Command, name: string, description: string, verbs: Registrar[], deps: Deps): void {
  const cmd = program.command(name).description(description);
  for (const v of verbs) v.register(cmd, deps);
}

export function registerCommands(program: Command, deps: Deps): void {
  noun(program, 'orders', 'booking orders: list, show, create, assign, cancel', [ordersList, ordersShow], deps);
  noun(program, 'tickets', "bookings' tickets: show, check-in", [ticketsShow], deps);
  noun(program, 'services', 'coworking services: list, show, create, set', [servicesList, servicesShow], deps);
  noun(program, 'users', 'users: list, add', [usersList], deps);
  for (const c of [seed, whoami, login]) c.register(program, deps);
}
