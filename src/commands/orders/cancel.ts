import type { Command } from 'commander';
import { cancelOrder } from '../../app/orders.js';
import { orderToProcess } from '../../app/payments.js';
import { CancelledError, UsageError } from '../../core/errors.js';
import { parseAmountFlag } from '../../core/money.js';
import { applyCancel } from '../../core/orders.js';
import type { Deps } from '../../deps.js';
import { orderJson } from '../../ui/json.js';
import { safeLine } from '../../ui/text.js';
import { pickOrder } from '../pickers.js';
import { positiveInt, written } from '../shared.js';

/** The orders a cancel may pick from: those not cancelled yet. */
const LIVE = ['awaiting_payment', 'partially_paid', 'confirmed'] as const;

export interface CancelOptions {
  /** On a terminal, picked when missing. */
  number?: number | undefined;
  reason?: string;
  keep?: string;
  yes?: boolean;
}

export function register(parent: Command, deps: Deps): void {
  const h = deps.t().help;
  parent
    .command('cancel')
    .description(h.orders.cancel.description)
    .argument('[number]', h.orderNumber, positiveInt(h.orderNumber))
    .option('--reason <text>', h.orders.cancel.reason)
    .option('--keep <rubles>', h.orders.cancel.keep)
    .action((number: number | undefined, opts: { reason?: string; keep?: string }) =>
      cancelRun({ ...opts, number, yes: deps.globals.yes }, deps),
    );
}

export async function cancelRun(opts: CancelOptions, deps: Deps): Promise<void> {
  const t = deps.t();
  const keep = opts.keep === undefined ? 0 : parseAmountFlag(opts.keep, '--keep');
  if (opts.number === undefined && !deps.interactive()) throw new UsageError('missingArgument', { name: 'number' });
  if (!opts.yes && !deps.interactive()) throw new UsageError('yesRequired');
  const number = opts.number ?? (await pickOrder(deps, { filter: { statuses: [...LIVE] } }));
  const store = await deps.store();
  const me = await deps.operator();
  let reason = opts.reason;
  if (!opts.yes) {
    const order = await orderToProcess((n) => store.order(n), me, number);
    const after = applyCancel(order, keep); // refuses before asking anything
    const prompter = await deps.prompter();
    const sure = await prompter.confirm({
      message: t.prompts.orders.cancel({
        number: order.number,
        service: safeLine(order.service.name),
        paid: order.paid,
        kept: keep,
        refundDue: after.refundDue,
      }),
      default: false,
    });
    if (!sure) throw new CancelledError('notConfirmed');
    reason ??= (await prompter.input({ message: t.prompts.orders.reason })) || undefined;
  }
  const r = await cancelOrder(store, me, { number, reason: reason ?? null, keep }, deps.now());
  written(deps, {
    id: r.order.number,
    json: () => orderJson(r.order),
    said: t.notices.orders.cancelled({
      number: r.order.number,
      ticket: r.order.ticket?.number ?? null,
      refundDue: r.refundDue,
      kept: r.order.kept,
    }),
  });
}
