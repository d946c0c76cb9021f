import type { Command } from 'commander';
import { assertCanView, canProcess, canSee } from '../../core/access.js';
import type { Deps } from '../../deps.js';
import { painter } from '../../ui/color.js';
import { orderDetailJson } from '../../ui/json.js';
import { positiveInt, printJson, printLines, requireOrder } from '../shared.js';
import { renderOrder } from './shared.js';

export interface ShowOptions {
  number: number;
}

export function register(parent: Command, deps: Deps): void {
  parent
    .command('show')
    .description('show an order: status, executor, ticket, lines, payments, applicant, due date and its feed')
    .argument('<number>', 'the order number', positiveInt('the order number'))
    .action((number: number) => showRun({ number }, deps));
}

export async function showRun(opts: ShowOptions, deps: Deps): Promise<void> {
  const store = await deps.store();
  const me = await deps.operator();
  const order = await requireOrder(store, opts.number);
  assertCanView(me, order);
  const [payments, all] = await Promise.all([store.payments(order.number), store.messages(order.number)]);
  const messages = all.filter((m) => canSee(me, order.service, m.visibility));
  if (deps.json()) printJson(deps, orderDetailJson(order, payments, messages, deps.lang()));
  else printLines(deps, renderOrder(order, payments, messages, deps, await painter(deps.color()), canProcess(me, order.service)));
}
