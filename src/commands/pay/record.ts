import { Option, type Command } from 'commander';
import { assertCanProcess } from '../../core/access.js';
import { parseAmountFlag, parseRubles, toRublesString } from '../../core/money.js';
import { assertPayable, checkPaymentAmount, paymentRange, remainingOf } from '../../core/orders.js';
import { UsageError } from '../../core/errors.js';
import { PAYMENT_METHODS, type Order, type PaymentMethod } from '../../core/types.js';
import type { Deps } from '../../deps.js';
import { methodLabel, money } from '../../ui/i18n.js';
import { orderJson, paymentJson } from '../../ui/json.js';
import { notice, positiveInt, printJson, printLines, requireOrder } from '../shared.js';
import { recordDeskPayment } from './shared.js';

export interface RecordOptions {
  number: number;
  amount?: string;
  method?: PaymentMethod;
  idempotencyKey?: string;
}

export function register(parent: Command, deps: Deps): void {
  parent
    .command('record')
    .description("record the guest's payment at the desk («Провести оплату»): all of the remainder or a part of it")
    .argument('<order>', 'the order number', positiveInt('the order number'))
    .option('--amount <rubles>', 'the amount in rubles: 150, 150.50 or 150,50 (prompted on a terminal)')
    .addOption(new Option('--method <method>', 'how the guest paid (default cash; prompted on a terminal)').choices(PAYMENT_METHODS))
    .option('--idempotency-key <key>', 'a key that makes a retry safe: the same key records the payment once')
    .action((number: number, opts: Omit<RecordOptions, 'number'>) => recordRun({ ...opts, number }, deps));
}

/** "from 0.01 to 650.00, or exactly 700.00 to pay it all" — what the prompt and errors say. */
export function rangeText(o: Order, ru: boolean): string {
  const r = paymentRange(o);
  const full = toRublesString(r.full);
  if (!r.partial) return ru ? `ровно ${full}: вся сумма остатка` : `exactly ${full}, the whole remainder`;
  return ru
    ? `от ${toRublesString(r.partial.min)} до ${toRublesString(r.partial.max)} или ровно ${full}, чтобы оплатить всё`
    : `from ${toRublesString(r.partial.min)} to ${toRublesString(r.partial.max)}, or exactly ${full} to pay it all`;
}

export async function recordRun(opts: RecordOptions, deps: Deps): Promise<void> {
  const ru = deps.lang() === 'ru';
  // A malformed amount is a usage error before anything is read.
  let amount = opts.amount === undefined ? undefined : parseAmountFlag(opts.amount);
  if (amount === undefined && !deps.interactive()) {
    throw new UsageError('--amount is required (no prompt: input is not a terminal or is disabled)');
  }
  let method = opts.method;
  const store = await deps.store();
  const me = await deps.operator();
  if (amount === undefined) {
    const order = await requireOrder(store, opts.number);
    assertCanProcess(me, order.service);
    amount = await askAmount(order, deps, ru);
    method ??= await askMethod(deps, ru);
  }
  const recorded = await recordDeskPayment(store, me, { orderNumber: opts.number, amount, method: method ?? 'cash', idempotencyKey: opts.idempotencyKey }, deps.now());
  const { payment, order, replayed } = recorded;
  if (replayed) {
    notice(deps, ru ? `Эта оплата уже проведена (ключ ${opts.idempotencyKey}): ничего не записано.` : `Already recorded with key ${opts.idempotencyKey}: nothing written.`);
  }
  if (deps.json()) {
    printJson(deps, { payment: paymentJson(payment), replayed, order: orderJson(order) });
    return;
  }
  const lang = deps.lang();
  const left = remainingOf(order);
  printLines(
    deps,
    ru
      ? `Заказ ${order.number}: проведена оплата ${money(payment.amount, lang)} (${methodLabel(payment.method, lang)}). Оплачено ${money(order.paid, lang)} из ${money(order.total, lang)}, ${left ? `остаток ${money(left, lang)}` : 'заказ подтвержден'}.`
      : `Order ${order.number}: payment of ${money(payment.amount, lang)} (${methodLabel(payment.method, lang).toLowerCase()}) recorded. Paid ${money(order.paid, lang)} of ${money(order.total, lang)}, ${left ? `${money(left, lang)} left to pay` : 'the order is confirmed'}.`,
  );
}

async function askAmount(order: Order, deps: Deps, ru: boolean): Promise<number> {
  const lang = deps.lang();
  const left = remainingOf(order);
  assertPayable(order);
  const prompter = await deps.prompter();
  notice(
    deps,
    ru
      ? `Заказ ${order.number}: к оплате ${money(left, lang)}. Можно ${rangeText(order, true)}; остаток не менее ${money(order.minRemaining, lang)}.`
      : `Order ${order.number}: ${money(left, lang)} left to pay. You may record ${rangeText(order, false)}; at least ${money(order.minRemaining, lang)} must remain.`,
  );
  const text = await prompter.input({
    message: ru ? 'Сумма, ₽' : 'Amount, ₽',
    default: toRublesString(left),
    validate: (v) => {
      const k = parseRubles(v);
      if (k === null) return ru ? 'Введите сумму в рублях: 150, 150.50 или 150,50' : 'Type an amount of rubles: 150, 150.50 or 150,50';
      try {
        checkPaymentAmount(order, k);
        return true;
      } catch {
        return ru ? `Допустимо ${rangeText(order, true)}` : `Allowed: ${rangeText(order, false)}`;
      }
    },
  });
  return parseRubles(text)!;
}

async function askMethod(deps: Deps, ru: boolean): Promise<PaymentMethod> {
  const prompter = await deps.prompter();
  const lang = deps.lang();
  return prompter.select<PaymentMethod>({
    message: ru ? 'Способ оплаты' : 'Payment method',
    choices: PAYMENT_METHODS.map((m) => ({ name: methodLabel(m, lang), value: m })),
    default: 'cash',
  });
}
