/**
 * Importing a gateway statement through its use case (src/app/statement.ts) against a real
 * database: the recorded rows' payments, system messages and balances; duplicates and rejections
 * write nothing; a dry run writes nothing; access (SPEC.md rules 1 and 8a).
 */
import { sql } from 'kysely';
import { beforeEach, describe, expect, it } from 'vitest';
import { importStatement } from '../../src/app/statement.js';
import { NotAllowedError } from '../../src/core/errors.js';
import type { StatementRow } from '../../src/core/statement.js';
import type { Store } from '../../src/store/index.js';
import { demoStore } from '../helpers/deps.js';
import { actor, rejection } from './helpers.js';

let store: Store;
beforeEach(async () => {
  store = await demoStore();
});

let line = 2;
function row(
  externalId: string,
  orderNumber: number,
  amount: number,
  paidAt = '2023-08-11T08:39:00.000Z',
  method: StatementRow['method'] = 'card',
): StatementRow {
  return { line: line++, externalId, orderNumber, amount, paidAt, method };
}

/** The money of the demo's orders, their payments and messages. */
async function money() {
  const orders = await store.db.selectFrom('orders').select(['number', 'status', 'paid']).orderBy('number').execute();
  const payments = await store.db.selectFrom('payments').selectAll().orderBy('id').execute();
  const messages = (await sql<{ n: number | string }>`select count(*) as n from messages`.execute(store.db)).rows[0]?.n;
  return { orders, payments, messages: Number(messages) };
}

describe('importStatement', () => {
  it('records the rows the rules allow: a gateway payment, its system message and the order’s new balance each', async () => {
    const admin = await actor(store, 'admin');
    const before = await money();
    const rows = [
      row('gw-5520417', 1006313, 40000, '2023-08-11T08:32:00.000Z'), // the demo's own payment: duplicate
      row('st-1', 1006314, 10000),
      row('st-2', 1009999, 1000), // no such order
      row('st-3', 1006314, 58000), // leaves 20 ₽: the gateway took it, so it is recorded, with a warning
      row('st-4', 1006315, 200000, '2023-08-11T08:39:30.000Z', 'transfer'),
    ];
    const { outcomes, summary } = await importStatement(store, admin, { rows, dryRun: false });
    expect(summary).toEqual({ rows: 5, recorded: 3, matched: 0, duplicate: 1, rejected: 1, warnings: 1, skipped: 0 });
    expect(outcomes.map((o) => [o.result, o.code])).toEqual([
      ['duplicate', null],
      ['recorded', null],
      ['rejected', 'NOT_FOUND'],
      ['recorded', 'REMAINING_BELOW_MINIMUM'],
      ['recorded', null],
    ]);

    const after = await money();
    expect(after.payments.slice(before.payments.length)).toMatchObject([
      {
        order_number: 1006314,
        amount: 10000,
        method: 'card',
        source: 'gateway',
        recorded_by: null,
        external_id: 'st-1',
        created_at: '2023-08-11T08:39:00.000Z',
        warning: null,
      },
      {
        order_number: 1006314,
        amount: 58000,
        external_id: 'st-3',
        warning: 'REMAINING_BELOW_MINIMUM',
      },
      {
        order_number: 1006315,
        amount: 200000,
        method: 'transfer',
        source: 'gateway',
        recorded_by: null,
        external_id: 'st-4',
        created_at: '2023-08-11T08:39:30.000Z',
      },
    ]);
    expect(after.messages).toBe(before.messages + 3);
    expect(await store.order(1006314)).toMatchObject({ paid: 98000, status: 'partially_paid' });
    expect(await store.order(1006315)).toMatchObject({ paid: 200000, status: 'confirmed' });
    expect((await store.messages(1006315)).at(-1)).toMatchObject({
      visibility: 'system',
      author: null,
      event: { code: 'payment_gateway', amount: 200000, method: 'transfer', warning: null },
      createdAt: '2023-08-11T08:39:30.000Z',
    });

    // Again: what was recorded is a duplicate now, and nothing more is written.
    const again = await importStatement(store, admin, { rows, dryRun: false });
    expect(again.summary).toEqual({ rows: 5, recorded: 0, matched: 0, duplicate: 4, rejected: 1, warnings: 0, skipped: 0 });
    expect(await money()).toEqual(after);
  });

  it('several rows of one order apply in file order, and its balance moves once to the end state', async () => {
    const admin = await actor(store, 'admin');
    const rows = [row('a', 1006314, 20000), row('b', 1006314, 20000), row('c', 1006314, 30000)];
    const { summary } = await importStatement(store, admin, { rows, dryRun: false });
    expect(summary.recorded).toBe(3);
    expect(await store.order(1006314)).toMatchObject({ paid: 100000, status: 'confirmed' });
    expect((await store.payments(1006314)).map((p) => p.externalId)).toEqual(['gw-5520432', 'a', 'b', 'c']);
  });

  it('a dry run decides the same and writes nothing', async () => {
    const admin = await actor(store, 'admin');
    const before = await money();
    const rows = [row('st-1', 1006314, 10000), row('st-4', 1006315, 200000)];
    const dry = await importStatement(store, admin, { rows, dryRun: true });
    expect(dry.summary).toEqual({ rows: 2, recorded: 2, matched: 0, duplicate: 0, rejected: 0, warnings: 0, skipped: 0 });
    expect(await money()).toEqual(before);
  });

  it('an order of a service the operator is not responsible for reads as unknown (rule 8a), and is not touched', async () => {
    const manager2 = await actor(store, 'manager2');
    const before = await money();
    const { outcomes } = await importStatement(store, manager2, {
      rows: [row('x', 1006314, 70000), row('y', 1006315, 200000)],
      dryRun: false,
    });
    expect(outcomes.map((o) => [o.code ?? o.result, o.said])).toEqual([
      ['NOT_FOUND', { key: 'orderNotFound', args: [{ number: 1006314 }] }],
      ['recorded', null],
    ]);
    expect((await store.order(1006314))!.paid).toBe(before.orders.find((o) => o.number === 1006314)!.paid);
  });

  it('a guest may not import: nothing is read or written', async () => {
    const guest = await actor(store, 'petrov');
    const before = await money();
    expect(await rejection(importStatement(store, guest, { rows: [row('x', 1006315, 200000)], dryRun: false }))).toBeInstanceOf(
      NotAllowedError,
    );
    expect(await money()).toEqual(before);
  });

  it('an empty statement: nothing to do', async () => {
    const admin = await actor(store, 'admin');
    expect((await importStatement(store, admin, { rows: [], dryRun: false })).summary).toEqual({
      rows: 0,
      recorded: 0,
      matched: 0,
      warnings: 0,
      skipped: 0,
      duplicate: 0,
      rejected: 0,
    });
  });
});
