import type { Command } from 'commander';
import { assignOrder } from '../../app/orders.js';
import { orderToProcess } from '../../app/payments.js';
import { canProcess } from '../../core/access.js';
import { RuleError, UsageError } from '../../core/errors.js';
import type { Order, User } from '../../core/types.js';
import type { Deps } from '../../deps.js';
import { orderJson } from '../../ui/json.js';
import type { Choice } from '../../ui/prompt.js';
import { safeLine } from '../../ui/text.js';
import { positiveInt, written } from '../shared.js';

export interface AssignOptions {
  number: number;
  /** A login, `me` or `none`; on a terminal, asked when missing. */
  login?: string | undefined;
}

export function register(parent: Command, deps: Deps): void {
  const h = deps.t().help;
  parent
    .command('assign')
    .description(h.orders.assign.description)
    .argument('<number>', h.orderNumber, positiveInt(h.orderNumber))
    .argument('[login]', h.orders.assign.login)
    .action((number: number, login: string | undefined) => assignRun({ number, login }, deps));
}

/** The select's value for leaving the order without an executor: no login can be empty. */
const NONE = '';

export async function assignRun(opts: AssignOptions, deps: Deps): Promise<void> {
  if (opts.login === undefined && !deps.interactive()) throw new UsageError('missingArgument', { name: 'login' });
  const store = await deps.store();
  const me = await deps.operator();
  let login: string | null;
  if (opts.login === undefined) {
    // The order is read first, so that nobody is asked for what would be refused.
    const order = await orderToProcess((n) => store.order(n), me, opts.number);
    if (order.status === 'cancelled') throw new RuleError('ORDER_CANCELLED');
    const picked = await askAssignee(order, deps);
    login = picked === NONE ? null : picked;
  } else login = opts.login === 'none' ? null : opts.login === 'me' ? me.login : opts.login;
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

/**
 * The executors the order may have (rule 6: the rental managers responsible for its service, and
 * admins), the operator first, the current executor marked and chosen; then «no executor».
 */
async function askAssignee(order: Order, deps: Deps): Promise<string> {
  const t = deps.t();
  const store = await deps.store();
  const me = await deps.operator();
  const staff = [...(await store.users('rental_manager')), ...(await store.users('admin'))];
  const eligible = staff
    .filter((u) => canProcess(u, order.service))
    .sort((a, b) => Number(b.login === me.login) - Number(a.login === me.login) || a.name.localeCompare(b.name, deps.lang()));
  const current = order.assignee?.login ?? NONE;
  const label = (u: User) => `${safeLine(u.name)} (${u.login})${u.login === current ? ` ${t.prompts.assign.current}` : ''}`;
  const choices: Choice<string>[] = [
    ...eligible.map((u) => ({ name: label(u), value: u.login, description: t.role[u.role] })),
    { name: `${t.prompts.assign.none}${current === NONE ? ` ${t.prompts.assign.current}` : ''}`, value: NONE },
  ];
  const prompter = await deps.prompter();
  return prompter.select<string>({ message: t.prompts.assign.executor, choices, default: current });
}
