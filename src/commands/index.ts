/** The command tree: `cowork <noun> <verb>`, one file per command. */
import type { Command } from 'commander';
import type { Deps } from '../deps.js';
import * as ordersList from './orders/list.js';
import * as ordersShow from './orders/show.js';
import * as ordersCreate from './orders/create.js';
import * as ordersAssign from './orders/assign.js';
import * as ordersCancel from './orders/cancel.js';
import * as payRecord from './pay/record.js';
import * as payList from './pay/list.js';
import * as payImport from './pay/import.js';
import * as payReconcile from './pay/reconcile.js';
import * as msgPost from './msg/post.js';
import * as msgList from './msg/list.js';
import * as ticketsShow from './tickets/show.js';
import * as ticketsCheckIn from './tickets/check-in.js';
import * as servicesList from './services/list.js';
import * as servicesShow from './services/show.js';
import * as servicesCreate from './services/create.js';
import * as servicesSet from './services/set.js';
import * as usersList from './users/list.js';
import * as usersAdd from './users/add.js';
import * as seed from './seed/seed.js';
import * as whoami from './whoami.js';
import * as login from './login.js';
import * as help from './help.js';
import * as dbStatus from './db/status.js';
import * as dbMigrate from './db/migrate.js';

interface Registrar {
  register(parent: Command, deps: Deps): void;
}

function noun(program: Command, name: string, description: string, verbs: Registrar[], deps: Deps): void {
  const cmd = program.command(name).description(description);
  for (const v of verbs) v.register(cmd, deps);
}

export function registerCommands(program: Command, deps: Deps): void {
  noun(program, 'orders', 'booking orders: list, show, create, assign, cancel', [ordersList, ordersShow, ordersCreate, ordersAssign, ordersCancel], deps);
  noun(program, 'pay', 'payments: record at the desk, list, import and reconcile a gateway statement', [payRecord, payList, payImport, payReconcile], deps);
  noun(program, 'msg', "an order's feed: post, list", [msgPost, msgList], deps);
  noun(program, 'tickets', "bookings' tickets: show, check-in", [ticketsShow, ticketsCheckIn], deps);
  noun(program, 'services', 'coworking services: list, show, create, set', [servicesList, servicesShow, servicesCreate, servicesSet], deps);
  noun(program, 'users', 'users: list, add', [usersList, usersAdd], deps);
  noun(program, 'db', 'the database: status, migrate', [dbStatus, dbMigrate], deps);
  for (const c of [seed, whoami, login, help]) c.register(program, deps);
}
