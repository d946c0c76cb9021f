import type { Command } from 'commander';
import { assertCanProcess, assertEligibleAssignee } from '../../core/access.js';
import { NotFoundError, RuleError } from '../../core/errors.js';
import type { Deps } from '../../deps.js';
import { orderJson } from '../../ui/json.js';
import { safeLine } from '../../ui/text.js';
import { notice, positiveInt, printJson, printLines, requireOrder } from '../shared.js';

export function register(parent: Command, deps: Deps): void {
  parent
    .command('assign')
    .description('hand an order to a colleague (change the executor); none removes the executor')
    .argument('<number>', 'the order number', positiveInt('the order number'))
    .argument('<login>', 'a rental manager responsible for the service, an admin, none, or me')
    .action((number: number, login: string) => assignRun({ number, login }, deps));
}

export async function assignRun(opts: { number: number; login: string }, deps: Deps): Promise<void> {
  const store = await deps.store();
  const me = await deps.operator();
  const order = await requireOrder(store, opts.number);
  assertCanProcess(me, order.service);
  const target = opts.login === 'none' ? null : opts.login === 'me' ? me : await store.user(opts.login);
  if (opts.login !== 'none' && !target) throw new NotFoundError(`user "${opts.login}" not found`);
  if (target) assertEligibleAssignee(target, order.service);
  if (order.status === 'cancelled') {
    throw new RuleError('ORDER_CANCELLED', `order ${order.number} is cancelled: its executor cannot change`);
  }
  const unchanged = (order.assignee?.login ?? null) === (target?.login ?? null);
  // Assigning the executor an order already has is done already: nothing to write, nothing to refuse.
  if (unchanged) notice(deps, deps.lang() === 'ru' ? 'Исполнитель тот же: ничего не изменено.' : 'The executor is already so: nothing changed.');
  else await store.write(async (tx) => {
    const current = await tx.lockOrder(opts.number);
    if (!current) throw new NotFoundError(`order ${opts.number} not found`);
    await tx.writeAssignee(current.number, target?.id ?? null, deps.now().toISOString(), { code: 'assignee_changed', to: target?.name ?? null, by: me.name });
  });
  const after = (await store.order(opts.number))!;
  if (deps.json()) printJson(deps, orderJson(after));
  else {
    const ru = deps.lang() === 'ru';
    printLines(
      deps,
      target
        ? ru ? `Заказ ${after.number}: исполнитель ${safeLine(target.name)}.` : `Order ${after.number}: executor is now ${safeLine(target.name)}.`
        : ru ? `Заказ ${after.number}: исполнитель не назначен.` : `Order ${after.number}: no executor.`,
    );
  }
}
