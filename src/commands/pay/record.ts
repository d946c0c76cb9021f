import type { Command } from 'commander';
import { recordDeskPayment, orderToProcess } from '../../app/payments.js';
import { UsageError } from '../../core/errors.js';
import { parseAmountFlag, parseRubles } from '../../core/money.js';
import { assertPayable, checkPaymentAmount, paymentRange, remainingOf } from '../../core/orders.js';
import type { Order } from '../../core/types.js';
import type { Deps } from '../../deps.js';
import { formatter } from '../../ui/format.js';
import { orderJson, paymentJson } from '../../ui/json.js';
import { pickOrder } from '../pickers.js';
import { notice, positiveInt, written } from '../shared.js';
import { askMethod, entryOptions, type EntryFlags } from './shared.js';

export interface RecordOptions extends EntryFlags {
  /** On a terminal, picked when missing. */
  number?: number | undefined;
}

export function register(parent: Command, deps: Deps): void {
  const h = deps.t().help;
  const cmd = parent.command('record').description(h.pay.record.description).argument('[order]', h.orderNumber, positiveInt(h.orderNumber));
  entryOptions(cmd, deps, h.pay.record).action((number: number | undefined, opts: Omit<RecordOptions, 'number'>) =>
    recordRun({ ...opts, number }, deps),
  );
}

export async function recordRun(opts: RecordOptions, deps: Deps): Promise<void> {
  const t = deps.t();
  // A malformed value is a usage error before anything is read.
  let amount = opts.amount === undefined ? undefined : parseAmountFlag(opts.amount);
  if (opts.number === undefined && !deps.interactive()) throw new UsageError('missingArgument', { name: 'order' });
  if (amount === undefined && !deps.interactive()) throw new UsageError('flagRequired', { flags: ['--amount'] });
  // Only orders with something left to pay can take a payment.
  const number =
    opts.number ?? (await pickOrder(deps, { argument: 'order', filter: { statuses: ['awaiting_payment', 'partially_paid'] } }));
  let method = opts.method;
  const store = await deps.store();
  const me = await deps.operator();
  if (amount === undefined) {
    const order = await orderToProcess((n) => store.order(n), me, number);
    amount = await askAmount(order, deps);
    method ??= await askMethod(deps);
  }
  const r = await recordDeskPayment(
    store,
    me,
    { number, amount, method: method ?? 'cash', reference: opts.reference ?? null, idempotencyKey: opts.idempotencyKey },
    deps.now(),
  );
  const { payment, order } = r;
  written(deps, {
    id: payment.id,
    json: () => ({ payment: paymentJson(payment), replayed: r.replayed, order: orderJson(order) }),
    said: r.replayed
      ? t.notices.pay.replayed({ key: opts.idempotencyKey ?? '', number: order.number })
      : t.notices.pay.recorded({
          number: order.number,
          amount: payment.amount,
          method: payment.method,
          paid: order.paid,
          total: order.total,
          remaining: remainingOf(order),
        }),
  });
}

async function askAmount(order: Order, deps: Deps): Promise<number> {
  const t = deps.t();
  const left = remainingOf(order);
  assertPayable(order);
  const range = paymentRange(order);
  const prompter = await deps.prompter();
  notice(deps, t.prompts.pay.intro({ number: order.number, remaining: left, minRemaining: order.minRemaining, range }));
  const text = await prompter.input({
    message: t.prompts.pay.amount,
    default: formatter(deps.lang()).amount(left),
    validate: (v) => {
      const k = parseRubles(v);
      if (k === null) return t.prompts.pay.notAmount;
      try {
        checkPaymentAmount(order, k);
        return true;
      } catch {
        return t.prompts.pay.allowed(range);
      }
    },
  });
  const k = parseRubles(text);
  if (k === null) throw new UsageError('notAmount', { flag: '--amount', value: text });
  return k;
}
