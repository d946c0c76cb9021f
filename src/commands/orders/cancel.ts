import type { Command } from 'commander';
import { assertCanProcess } from '../../core/access.js';
import { CancelledError, NotFoundError, UsageError } from '../../core/errors.js';
import { applyCancel } from '../../core/orders.js';
import type { Deps } from '../../deps.js';
import { money } from '../../ui/i18n.js';
import { orderJson } from '../../ui/json.js';
import { positiveInt, printJson, printLines, requireOrder } from '../shared.js';

export interface CancelOptions {
  number: number;
  reason?: string;
  yes?: boolean;
}

export function register(parent: Command, deps: Deps): void {
  parent
    .command('cancel')
    .description('cancel an order and its ticket; money already paid stays recorded, due for refund')
    .argument('<number>', 'the order number', positiveInt('the order number'))
    .option('--reason <text>', 'why: goes into the order feed')
    .action((number: number, opts: { reason?: string }) => cancelRun({ ...opts, number, yes: deps.globals.yes }, deps));
}

export async function cancelRun(opts: CancelOptions, deps: Deps): Promise<void> {
  const ru = deps.lang() === 'ru';
  if (!opts.yes && !deps.interactive()) {
    throw new UsageError('--yes is required to cancel without a confirmation prompt');
  }
  const store = await deps.store();
  const me = await deps.operator();
  const order = await requireOrder(store, opts.number);
  assertCanProcess(me, order.service);
  applyCancel(order); // refuses a cancelled order before asking anything
  let reason = opts.reason;
  if (!opts.yes) {
    const prompter = await deps.prompter();
    const sure = await prompter.confirm({
      message: ru
        ? `Отменить заказ ${order.number} (${order.service.name})${order.paid ? `? Оплаченные ${money(order.paid, 'ru')} будут к возврату` : ''}?`
        : `Cancel order ${order.number} (${order.service.name})${order.paid ? `? ${money(order.paid, 'en')} paid will be due for refund` : ''}?`,
      default: false,
    });
    if (!sure) throw new CancelledError(ru ? 'отмена не подтверждена: ничего не изменено' : 'not confirmed: nothing changed');
    if (reason === undefined) {
      reason = (await prompter.input({ message: ru ? 'Причина (можно оставить пустой)' : 'Reason (may be empty)' })) || undefined;
    }
  }
  const at = deps.now().toISOString();
  await store.write(async (tx) => {
    const current = await tx.lockOrder(opts.number);
    if (!current) throw new NotFoundError(`order ${opts.number} not found`);
    const next = applyCancel(current);
    await tx.writeCancel(current, me.id, at, reason ?? null, { code: 'order_cancelled', by: me.name, reason: reason ?? null, refundDue: next.refundDue });
  });
  const after = (await store.order(opts.number))!;
  if (deps.json()) {
    printJson(deps, orderJson(after));
    return;
  }
  const lang = deps.lang();
  const refund = after.paid;
  printLines(
    deps,
    ru
      ? `Заказ ${after.number} отменен, билет ${after.ticket?.number ?? ''} тоже.${refund ? ` К возврату ${money(refund, lang)}.` : ''}`
      : `Order ${after.number} cancelled, and its ticket ${after.ticket?.number ?? ''}.${refund ? ` ${money(refund, lang)} is due for refund.` : ''}`,
  );
}
