/** What the verbs of `pay` share: recording a desk payment, and rendering payments. */
import { assertCanProcess } from '../../core/access.js';
import { NotFoundError } from '../../core/errors.js';
import { applyPayment, replayPayment } from '../../core/orders.js';
import type { Order, Payment, PaymentMethod, User } from '../../core/types.js';
import type { ListedPayment, Store } from '../../store/index.js';
import { dateTime, methodLabel, money, words, type Lang } from '../../ui/i18n.js';
import type { Column } from '../../ui/output.js';

export interface DeskPayment {
  orderNumber: number;
  amount: number;
  method: PaymentMethod;
  idempotencyKey?: string | undefined;
}

export interface Recorded {
  payment: Payment;
  order: Order;
  /** True when the idempotency key had already recorded this payment: nothing was written. */
  replayed: boolean;
}

/**
 * Records a payment at the desk (SPEC.md rules 3, 4, 8): one transaction that locks the order,
 * asks the core, and writes the payment, the order's new balance and the system message together.
 */
export async function recordDeskPayment(store: Store, me: User, input: DeskPayment, at: Date): Promise<Recorded> {
  const result = await store.write(async (tx) => {
    const order = await tx.lockOrder(input.orderNumber);
    if (!order) throw new NotFoundError(`order ${input.orderNumber} not found`);
    assertCanProcess(me, order.service);
    const key = input.idempotencyKey;
    if (key !== undefined) {
      const existing = await tx.paymentByExternalId(key);
      if (existing) {
        const payment = replayPayment(existing, { orderNumber: order.number, amount: input.amount, source: 'manager' }, key);
        return { payment, replayed: true };
      }
    }
    const next = applyPayment(order, input.amount);
    const createdAt = at.toISOString();
    const id = await tx.writePayment(
      { ...order, number: order.number },
      next,
      { orderNumber: order.number, amount: input.amount, method: input.method, source: 'manager', recordedBy: me.id, createdAt, externalId: key ?? null },
      { code: 'payment_recorded', amount: input.amount, method: input.method, by: me.name },
    );
    return { payment: await tx.payment(id), replayed: false };
  });
  const order = await store.order(input.orderNumber);
  return { ...result, order: order! };
}

export function paymentColumns(lang: Lang): Column<ListedPayment>[] {
  const w = words[lang];
  return [
    { header: 'id', key: 'id', value: (p) => p.id },
    { header: w.order, key: 'order', value: (p) => p.orderNumber },
    { header: w.when, key: 'createdAt', value: (p) => dateTime(p.createdAt, p.timeZone) },
    { header: w.amount, key: 'amount', value: (p) => money(p.amount, lang), align: 'right' },
    { header: w.method, key: 'method', value: (p) => methodLabel(p.method, lang) },
    { header: w.source, key: 'source', value: (p) => (p.source === 'gateway' ? w.gateway : w.desk) },
    { header: w.recordedBy, key: 'recordedBy', value: (p) => p.recordedBy?.login ?? '', text: true },
    { header: 'external id', key: 'externalId', value: (p) => p.externalId ?? '', text: true },
  ];
}

export const paymentCsvColumns: Column<Payment>[] = [
  { header: 'id', key: 'id', value: (p) => p.id },
  { header: 'order', key: 'order', value: (p) => p.orderNumber },
  { header: 'createdAt', key: 'createdAt', value: (p) => p.createdAt },
  { header: 'amount', key: 'amount', value: (p) => p.amount },
  { header: 'currency', key: 'currency', value: () => 'RUB' },
  { header: 'method', key: 'method', value: (p) => p.method },
  { header: 'source', key: 'source', value: (p) => p.source },
  { header: 'recordedBy', key: 'recordedBy', value: (p) => p.recordedBy?.login ?? '', text: true },
  { header: 'externalId', key: 'externalId', value: (p) => p.externalId ?? '', text: true },
];
