/**
 * `seed --orders N`: realistic generated orders (src/core/generate.ts decides every one of them,
 * with the core's money and booking rules) written in one transaction across the services and
 * guests already there. The same seed on the same database writes the same orders; with `dryRun`
 * nothing is written. A database without a service to book or a guest to book for is refused
 * (not found), saying which it lacks.
 */
import { RuleError } from '../core/errors.js';
import { missingToPlan, planOrders, type PlannedOrder } from '../core/generate.js';
import type { NewOrderRecord, Store } from '../store/index.js';

export interface SeedOrdersInput {
  count: number;
  seed: number;
  now: Date;
  dryRun: boolean;
}

export interface SeedOrdersReport {
  orders: number;
  payments: number;
  messages: number;
}

/** How many orders are written at a time: the generator's orders are never all held at once. */
const BATCH = 500;

/** A generated order as the store writes it. */
function record(o: PlannedOrder): NewOrderRecord {
  return {
    number: o.number,
    createdAt: o.createdAt,
    createdBy: o.createdById,
    serviceId: o.serviceId,
    applicantId: o.applicantId,
    assigneeId: o.assigneeId,
    status: o.status,
    dueDate: o.dueDate,
    total: o.total,
    paid: o.paid,
    minRemaining: o.minRemaining,
    cancelled:
      o.cancelledAt !== null && o.cancelledById !== null ? { at: o.cancelledAt, by: o.cancelledById, reason: o.cancelReason } : null,
    lines: [o.line],
    ticket: {
      number: o.ticket,
      visitorName: o.visitorName,
      visitorPhone: o.visitorPhone,
      start: o.start,
      end: o.end,
      status: o.status === 'cancelled' ? 'cancelled' : 'active',
    },
    payments: o.payments.map((p) => ({
      amount: p.amount,
      method: p.method,
      source: p.source,
      recordedBy: p.recordedById,
      createdAt: p.at,
      externalId: p.externalId,
    })),
    messages: o.messages.map((m) => ({ visibility: m.visibility, authorId: m.authorId, text: m.text, event: m.event, createdAt: m.at })),
  };
}

export async function seedOrders(store: Pick<Store, 'dryRunnable' | 'analyze'>, input: SeedOrdersInput): Promise<SeedOrdersReport> {
  const report = await store.dryRunnable(input.dryRun, async (tx) => {
    // One query at a time: a transaction is one connection, which runs its queries in turn.
    const services = await tx.services();
    const users = await tx.users();
    const lastOrder = await tx.lastNumber('order');
    const lastTicket = await tx.lastNumber('ticket');
    const booked = await tx.bookedDays();
    const report: SeedOrdersReport = { orders: 0, payments: 0, messages: 0 };
    const available = { services: [...services.values()], guests: users.filter((u) => u.role === 'guest') };
    // Asked for orders and able to make none: say why, rather than succeed having made nothing.
    const missing = input.count > 0 ? missingToPlan(available) : null;
    if (missing) throw new RuleError('NOTHING_TO_SEED', { missing });
    let batch: NewOrderRecord[] = [];
    let last: PlannedOrder | null = null;
    for (const o of planOrders({
      count: input.count,
      seed: input.seed,
      now: input.now,
      ...available,
      staff: users.filter((u) => u.role !== 'guest'),
      firstNumber: (lastOrder ?? 1000000) + 1,
      firstTicket: (lastTicket ?? 0) + 1,
      busyDays: new Set(booked.map((b) => `${b.serviceId} ${b.dueDate}`)),
    })) {
      batch.push(record(o));
      report.orders++;
      report.payments += o.payments.length;
      report.messages += o.messages.length;
      last = o;
      if (batch.length >= BATCH) {
        await tx.writeOrders(batch);
        batch = [];
      }
    }
    await tx.writeOrders(batch);
    if (last) {
      await tx.bumpCounter('order', last.number);
      await tx.bumpCounter('ticket', last.ticket);
    }
    return report;
  });
  // Without fresh statistics SQLite may sort every page of a long list instead of walking the
  // (created_at, number) index.
  if (!input.dryRun && report.orders > 0) await store.analyze();
  return report;
}
