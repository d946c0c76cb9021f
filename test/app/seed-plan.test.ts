/**
 * `seed --orders N` (src/app/seed.ts) writes exactly the orders the generator plans from what the
 * database holds: each order, its ticket, line, payments and feed read back as planned.
 */
import { describe, expect, it } from 'vitest';
import { seedOrders } from '../../src/app/seed.js';
import { planOrders } from '../../src/core/generate.js';
import type { Store } from '../../src/store/index.js';
import { demoStore } from '../helpers/deps.js';

const NOW = new Date('2023-08-11T08:40:00Z');

async function planFor(store: Store, count: number, seed: number) {
  return store.write(async (tx) => {
    const [services, users, lastOrder, lastTicket, booked] = await Promise.all([
      tx.services(),
      tx.users(),
      tx.lastNumber('order'),
      tx.lastNumber('ticket'),
      tx.bookedDays(),
    ]);
    const plans = [
      ...planOrders({
        count,
        seed,
        now: NOW,
        services: [...services.values()],
        guests: users.filter((u) => u.role === 'guest'),
        staff: users.filter((u) => u.role !== 'guest'),
        firstNumber: (lastOrder ?? 1000000) + 1,
        firstTicket: (lastTicket ?? 0) + 1,
        busyDays: new Set(booked.map((b) => `${b.serviceId} ${b.dueDate}`)),
      }),
    ];
    return { plans, logins: new Map(users.map((u) => [u.id, u.login])) };
  });
}

describe('seedOrders writes the plan', () => {
  it('every order, ticket, line, payment and message as planned', async () => {
    const store = await demoStore();
    try {
      const { plans, logins } = await planFor(store, 60, 21);
      const report = await seedOrders(store, { count: 60, seed: 21, now: NOW, dryRun: false });
      expect(report).toEqual({
        orders: 60,
        payments: plans.reduce((a, o) => a + o.payments.length, 0),
        messages: plans.reduce((a, o) => a + o.messages.length, 0),
      });
      const login = (id: number | null) => (id === null ? null : logins.get(id));
      for (const p of plans) {
        const o = (await store.order(p.number))!;
        expect(o).toMatchObject({
          number: p.number,
          status: p.status,
          total: p.total,
          paid: p.paid,
          minRemaining: p.minRemaining,
          dueDate: p.dueDate,
          createdAt: p.createdAt,
          cancelledAt: p.cancelledAt,
          cancelReason: p.cancelReason,
          lines: [p.line],
        });
        expect(o.service.id).toBe(p.serviceId);
        expect(o.applicant.login).toBe(login(p.applicantId));
        expect(o.createdBy?.login).toBe(login(p.createdById));
        expect(o.assignee?.login ?? null).toBe(login(p.assigneeId));
        expect(o.ticket).toEqual({
          number: p.ticket,
          status: p.status === 'cancelled' ? 'cancelled' : 'active',
          visitor: { name: p.visitorName, phone: p.visitorPhone },
          start: p.start,
          end: p.end,
        });
        const payments = await store.payments(p.number);
        expect(
          payments.map((x) => ({
            amount: x.amount,
            method: x.method,
            source: x.source,
            by: x.recordedBy?.login ?? null,
            at: x.createdAt,
            id: x.externalId,
          })),
        ).toEqual(
          p.payments.map((x) => ({
            amount: x.amount,
            method: x.method,
            source: x.source,
            by: login(x.recordedById),
            at: x.at,
            id: x.externalId,
          })),
        );
        const messages = await store.messages(p.number);
        expect(
          messages.map((m) => ({ v: m.visibility, by: m.author?.login ?? null, text: m.text, event: m.event, at: m.createdAt })),
        ).toEqual(p.messages.map((m) => ({ v: m.visibility, by: login(m.authorId), text: m.text, event: m.event, at: m.at })));
      }
      expect(plans.some((p) => p.status === 'cancelled')).toBe(true);
    } finally {
      await store.close();
    }
  });

  it('more than a batch of orders; a second run follows the first, on other days', async () => {
    const store = await demoStore();
    try {
      const first = await seedOrders(store, { count: 510, seed: 1, now: NOW, dryRun: false });
      expect(first.orders).toBe(510);
      expect(await store.order(1006317 + 510)).not.toBeNull();
      const days = async (from: number, to: number) => {
        const out = new Set<string>();
        for (let n = from; n <= to; n += 7) {
          const o = await store.order(n);
          if (o && o.status !== 'cancelled') out.add(`${o.service.id} ${o.dueDate}`);
        }
        return out;
      };
      const { plans } = await planFor(store, 30, 2);
      expect(plans[0]!.number).toBe(1006318 + 510);
      expect(plans[0]!.ticket).toBe(212 + 510);
      await seedOrders(store, { count: 30, seed: 2, now: NOW, dryRun: false });
      const before = await days(1006318, 1006318 + 509);
      for (const p of plans) {
        const o = (await store.order(p.number))!;
        expect(o.ticket?.number).toBe(p.ticket);
        expect(before.has(`${o.service.id} ${o.dueDate}`)).toBe(false);
      }
    } finally {
      await store.close();
    }
  });

  it('nothing to seed: zero orders, and the counters stay', async () => {
    const store = await demoStore();
    try {
      expect(await seedOrders(store, { count: 0, seed: 1, now: NOW, dryRun: false })).toEqual({ orders: 0, payments: 0, messages: 0 });
      const next = await store.write(async (tx) => [await tx.nextNumber('order', 1), await tx.nextNumber('ticket', 1)]);
      expect(next).toEqual([1006318, 212]);
    } finally {
      await store.close();
    }
  });
});
