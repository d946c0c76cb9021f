/** What the verbs of `pay` share: the columns of payments. */
import type { Payment } from '../../core/types.js';
import type { ListedPayment } from '../../store/index.js';
import { dateTime, formatter } from '../../ui/format.js';
import type { Catalog } from '../../ui/i18n.js';
import type { Column } from '../../ui/output.js';

export function paymentColumns(t: Catalog): Column<ListedPayment>[] {
  const w = t.words;
  const money = formatter(t.lang).money;
  return [
    { header: 'id', key: 'id', value: (p) => p.id },
    { header: w.order, key: 'order', value: (p) => p.orderNumber },
    { header: w.when, key: 'createdAt', value: (p) => dateTime(p.createdAt, p.timeZone) },
    { header: w.amount, key: 'amount', value: (p) => money(p.amount), align: 'right' },
    { header: w.method, key: 'method', value: (p) => t.method[p.method] },
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
