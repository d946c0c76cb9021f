import type { Command } from 'commander';
import { orderToProcess, recordRefund } from '../../app/payments.js';
import { RuleError, UsageError } from '../../core/errors.js';
import { parseAmountFlag, parseRubles } from '../../core/money.js';
import { refundDueOf } from '../../core/orders.js';
import type { Deps } from '../../deps.js';
import { formatter } from '../../ui/format.js';
import { orderJson, paymentJson } from '../../ui/json.js';
import { pickOrder } from '../pickers.js';
import { notice, positiveInt, written } from '../shared.js';
import { askMethod, entryOptions, type EntryFlags } from './shared.js';

export interface RefundOptions extends EntryFlags {
  /** On a terminal, picked when missing. */
  number?: number | undefined;
  reason?: string;
}

export function register(parent: Command, deps: Deps): void {
  const h = deps.t().help;
  const cmd = parent.command('refund').description(h.pay.refund.description).argument('[order]', h.orderNumber, positiveInt(h.orderNumber));
  entryOptions(cmd, deps, h.pay.refund)
    .option('--reason <text>', h.pay.refund.reason)
    .action((number: number | undefined, opts: Omit<RefundOptions, 'number'>) => refundRun({ ...opts, number }, deps));
}

/** `pay refund`: money given back at the desk, at most what is due (SPEC.md rule 5a). */
export async function refundRun(opts: RefundOptions, deps: Deps): Promise<void> {
  const t = deps.t();
  let amount = opts.amount === undefined ? undefined : parseAmountFlag(opts.amount);
  if (opts.number === undefined && !deps.interactive()) throw new UsageError('missingArgument', { name: 'order' });
  if (amount === undefined && !deps.interactive()) throw new UsageError('flagRequired', { flags: ['--amount'] });
  // Only orders with money due for refund can give some back.
  const number = opts.number ?? (await pickOrder(deps, { argument: 'order', filter: { refundDue: true } }));
  let method = opts.method;
  const store = await deps.store();
  const me = await deps.operator();
  if (amount === undefined) {
    const order = await orderToProcess((n) => store.order(n), me, number);
    const due = refundDueOf(order);
    if (due <= 0) throw new RuleError('NOTHING_TO_REFUND');
    const prompter = await deps.prompter();
    notice(deps, t.prompts.refund.intro({ number: order.number, due }));
    const text = await prompter.input({
      message: t.prompts.pay.amount,
      default: formatter(deps.lang()).amount(due),
      validate: (v) => {
        const k = parseRubles(v);
        if (k === null) return t.prompts.pay.notAmount;
        return k <= due ? true : t.prompts.refund.allowed({ due });
      },
    });
    amount = parseAmountFlag(text);
    method ??= await askMethod(deps);
  }
  const r = await recordRefund(
    store,
    me,
    {
      number,
      amount,
      method: method ?? 'cash',
      reason: opts.reason ?? null,
      reference: opts.reference ?? null,
      idempotencyKey: opts.idempotencyKey,
    },
    deps.now(),
  );
  const { payment, order } = r;
  written(deps, {
    id: payment.id,
    json: () => ({ payment: paymentJson(payment), replayed: r.replayed, order: orderJson(order) }),
    said: r.replayed
      ? t.notices.pay.replayed({ key: opts.idempotencyKey ?? '', number: order.number })
      : t.notices.pay.refunded({ number: order.number, amount: payment.amount, method: payment.method, due: refundDueOf(order) }),
  });
}
