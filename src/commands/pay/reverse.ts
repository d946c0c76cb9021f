import type { Command } from 'commander';
import { entryToProcess, reversePayment } from '../../app/payments.js';
import { CancelledError, UsageError } from '../../core/errors.js';
import { reverseDeskPayment } from '../../core/ledger.js';
import { remainingOf } from '../../core/orders.js';
import type { Deps } from '../../deps.js';
import { orderJson, paymentJson } from '../../ui/json.js';
import { positiveInt, written } from '../shared.js';

export interface ReverseOptions {
  id: number;
  reason?: string;
  yes?: boolean;
}

export function register(parent: Command, deps: Deps): void {
  const h = deps.t().help;
  parent
    .command('reverse')
    .description(h.pay.reverse.description)
    .argument('<payment>', h.pay.reverse.payment, positiveInt(h.pay.reverse.payment))
    .option('--reason <text>', h.pay.reverse.reason)
    .action((id: number, opts: { reason?: string }) => reverseRun({ ...opts, id, yes: deps.globals.yes }, deps));
}

/** `pay reverse`: undoes a desk payment recorded by mistake (SPEC.md rule 5b); asks first on a terminal. */
export async function reverseRun(opts: ReverseOptions, deps: Deps): Promise<void> {
  const t = deps.t();
  if (!opts.yes && !deps.interactive()) throw new UsageError('yesRequiredReverse');
  const store = await deps.store();
  const me = await deps.operator();
  let reason = opts.reason;
  if (!opts.yes) {
    const { payment, order } = await entryToProcess(store, me, opts.id);
    // Refuses what cannot be reversed before asking anything.
    const after = reverseDeskPayment(order, payment, { by: me.name, reason: null }).order;
    const prompter = await deps.prompter();
    const sure = await prompter.confirm({
      message: t.prompts.reverse.confirm({
        id: payment.id,
        number: order.number,
        amount: payment.amount,
        method: payment.method,
        paid: after.paid,
      }),
      default: false,
    });
    if (!sure) throw new CancelledError('notConfirmed');
    reason ??= (await prompter.input({ message: t.prompts.orders.reason })) || undefined;
  }
  const r = await reversePayment(store, me, { id: opts.id, reason: reason ?? null }, deps.now());
  written(deps, {
    id: r.reversal.id,
    json: () => ({ reversal: paymentJson(r.reversal), payment: paymentJson(r.payment), order: orderJson(r.order) }),
    said: t.notices.pay.reversed({
      id: r.payment.id,
      number: r.order.number,
      amount: r.payment.amount,
      paid: r.order.paid,
      remaining: remainingOf(r.order),
    }),
  });
}
