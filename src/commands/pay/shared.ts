/** What the verbs of `pay` share: the flags of a desk entry, the method prompt, the columns of payments. */
import { Option, type Command } from 'commander';
import { PAYMENT_METHODS, type Payment, type PaymentMethod } from '../../core/types.js';
import type { Deps } from '../../deps.js';
import { nonBlank } from '../shared.js';
import type { ListedPayment } from '../../store/index.js';
import { dateTime, formatter } from '../../ui/format.js';
import type { Catalog } from '../../ui/i18n.js';
import { excelMoney, excelTime, type Column } from '../../ui/output.js';

/** The flags of a desk entry that `pay record` and `pay refund` share. */
export interface EntryFlags {
  amount?: string;
  method?: PaymentMethod;
  reference?: string;
  idempotencyKey?: string;
}

/** Adds the shared flags of a desk entry; `words` describe its amount and method. */
export function entryOptions(cmd: Command, deps: Deps, words: { amount: string; method: string }): Command {
  const h = deps.t().help.pay.record;
  return cmd
    .option('--amount <rubles>', words.amount)
    .addOption(new Option('--method <method>', words.method).choices(PAYMENT_METHODS))
    .option('--reference <text>', h.reference, nonBlank('--reference'))
    .option('--idempotency-key <key>', h.idempotencyKey, nonBlank('--idempotency-key'));
}

/** Asks how the money moved, cash first. */
export async function askMethod(deps: Deps): Promise<PaymentMethod> {
  const t = deps.t();
  const prompter = await deps.prompter();
  return prompter.select<PaymentMethod>({
    message: t.prompts.pay.method,
    choices: PAYMENT_METHODS.map((m) => ({ name: t.method[m], value: m })),
    default: 'cash',
  });
}

/** The columns of `pay list`; on a narrow terminal the id, the order, the kind and the amount stay. */
export function paymentColumns(t: Catalog): Column<ListedPayment>[] {
  const w = t.words;
  const money = formatter(t.lang).money;
  return [
    { header: 'id', key: 'id', value: (p) => p.id },
    { header: w.order, key: 'order', value: (p) => p.orderNumber },
    { header: w.when, key: 'createdAt', value: (p) => dateTime(p.createdAt, p.timeZone), drop: 5 },
    { header: w.kind, key: 'kind', value: (p) => entryLabel(t, p), min: 10 },
    { header: w.amount, key: 'amount', value: (p) => money(signed(p)), align: 'right' },
    { header: w.method, key: 'method', value: (p) => t.method[p.method], drop: 4, min: 8 },
    { header: w.source, key: 'source', value: (p) => (p.source === 'gateway' ? w.gateway : w.desk), drop: 2 },
    { header: w.recordedBy, key: 'recordedBy', value: (p) => p.recordedBy?.login ?? '', text: true, drop: 1, min: 8 },
    { header: w.reference, key: 'reference', value: (p) => p.reference ?? p.externalId ?? '', text: true, drop: 3, min: 8 },
  ];
}

/** An entry's amount as it moves the order's money: a refund or a reversal takes it back. */
export function signed(p: Pick<Payment, 'kind' | 'amount'>): number {
  return p.kind === 'payment' ? p.amount : -p.amount;
}

/** The kind of an entry as the operator reads it, with what happened to it. */
export function entryLabel(t: Catalog, p: Payment): string {
  if (p.kind === 'reversal') return t.words.reversalOf(p.reverses ?? '');
  const base = t.entryKind[p.kind];
  if (p.reversedBy !== null) return `${base} (${t.words.reversed.toLowerCase()})`;
  if (p.warning !== null) return `${base} ⚠`;
  return base;
}

/**
 * CSV columns: machine values (kopecks, ISO times, codes). With `--excel`, money in rubles and
 * times local to each entry's own location; `pay import` reads that file back (its format
 * `cowork-list-excel`, src/core/statements/formats.ts, names these columns).
 */
export const paymentCsvColumns: Column<ListedPayment>[] = [
  { header: 'id', key: 'id', value: (p) => p.id },
  { header: 'order', key: 'order', value: (p) => p.orderNumber },
  { header: 'createdAt', key: 'createdAt', value: (p) => p.createdAt, excel: (p) => excelTime(p.createdAt, p.timeZone) },
  { header: 'kind', key: 'kind', value: (p) => p.kind },
  { header: 'amount', key: 'amount', value: (p) => p.amount, excel: (p) => excelMoney(p.amount) },
  { header: 'currency', key: 'currency', value: () => 'RUB' },
  { header: 'method', key: 'method', value: (p) => p.method },
  { header: 'source', key: 'source', value: (p) => p.source },
  { header: 'recordedBy', key: 'recordedBy', value: (p) => p.recordedBy?.login ?? '', text: true },
  { header: 'externalId', key: 'externalId', value: (p) => p.externalId ?? '', text: true },
  { header: 'idempotencyKey', key: 'idempotencyKey', value: (p) => p.idempotencyKey ?? '', text: true },
  { header: 'reference', key: 'reference', value: (p) => p.reference ?? '', text: true },
  { header: 'fee', key: 'fee', value: (p) => p.fee ?? '', excel: (p) => excelMoney(p.fee) },
  { header: 'reverses', key: 'reverses', value: (p) => p.reverses ?? '' },
  { header: 'reversedBy', key: 'reversedBy', value: (p) => p.reversedBy ?? '' },
  { header: 'warning', key: 'warning', value: (p) => p.warning ?? '' },
  { header: 'reason', key: 'reason', value: (p) => p.reason ?? '', text: true },
];
