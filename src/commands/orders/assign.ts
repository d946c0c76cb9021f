import type { Command } from 'commander';
import { assignOrder } from '../../app/orders.js';
import type { Deps } from '../../deps.js';
import { orderJson } from '../../ui/json.js';
import { safeLine } from '../../ui/text.js';
import { positiveInt, written } from '../shared.js';

export function register(parent: Command, deps: Deps): void {
  const h = deps.t().help;
  parent
    .command('assign')
    .description(h.orders.assign.description)
    .argument('<number>', h.orderNumber, positiveInt(h.orderNumber))
    .argument('<login>', h.orders.assign.login)
    .action((number: number, login: string) => assignRun({ number, login }, deps));
}

export async function assignRun(opts: { number: number; login: string }, deps: Deps): Promise<void> {
  const store = await deps.store();
  const me = await deps.operator();
  const login = opts.login === 'none' ? null : opts.login === 'me' ? me.login : opts.login;
  const r = await assignOrder(store, me, { number: opts.number, login }, deps.now());
  const n = deps.t().notices.orders;
  written(deps, {
    id: r.order.number,
    json: () => orderJson(r.order),
    said: r.changed
      ? n.assigned({ number: r.order.number, name: r.order.assignee ? safeLine(r.order.assignee.name) : null })
      : n.assignUnchanged({ number: r.order.number }),
  });
}
