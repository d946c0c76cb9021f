import type { Command } from 'commander';
import { viewOrder } from '../../app/orders.js';
import type { Deps } from '../../deps.js';
import { painter } from '../../ui/color.js';
import { orderDetailJson } from '../../ui/json.js';
import { pickOrder } from '../pickers.js';
import { positiveInt, printJson, printLines } from '../shared.js';
import { renderOrder } from './shared.js';

export interface ShowOptions {
  /** On a terminal, picked when missing. */
  number?: number | undefined;
}

export function register(parent: Command, deps: Deps): void {
  const h = deps.t().help;
  parent
    .command('show')
    .description(h.orders.show.description)
    .argument('[number]', h.orderNumber, positiveInt(h.orderNumber))
    .action((number: number | undefined) => showRun({ number }, deps));
}

export async function showRun(opts: ShowOptions, deps: Deps): Promise<void> {
  const number = opts.number ?? (await pickOrder(deps));
  const store = await deps.store();
  const v = await viewOrder(store, await deps.operator(), number);
  if (deps.json()) printJson(deps, orderDetailJson(v.order, v.payments, v.messages, deps.t()));
  else printLines(deps, renderOrder(v.order, v.payments, v.messages, deps, await painter(deps.color()), v.staff));
}
