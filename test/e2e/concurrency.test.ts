/**
 * Six processes record twenty payments each against one order at the same time, as six desks and
 * scripts would. Whatever interleaving happens, the money rules hold and no lock error reaches
 * anyone.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sandbox, type Run } from '../helpers/cli.js';
import { dropCreated, targets } from '../helpers/targets.js';
import { argv } from '../helpers/argv.js';

const PROCESSES = 6;
const PAYMENTS = 20;
const TOTAL = 10_000_000; // 100 000 ₽

const fixture = {
  locations: [{ key: 'hq', name: 'HQ', timeZone: 'Europe/Moscow' }],
  users: [
    { login: 'boss', name: 'Boss', role: 'admin' },
    { login: 'desk', name: 'Desk', role: 'rental_manager' },
    { login: 'guest', name: 'Guest', role: 'guest' },
  ],
  services: [
    {
      slug: 'hall',
      location: 'hq',
      name: 'Hall',
      capacity: 1,
      partialPayment: true,
      minPrepaymentPercent: 0,
      tariffs: [{ name: 'Day', unit: 'day', price: TOTAL }],
      managers: ['desk'],
    },
  ],
  orders: [
    {
      number: 5000001,
      service: 'hall',
      applicant: 'guest',
      createdAt: '2030-01-01T09:00:00+03:00',
      ticket: { number: 1, start: '2030-01-02T09:00:00+03:00', end: '2030-01-02T18:00:00+03:00' },
      lines: [{ tariff: 'Day', quantity: 1 }],
    },
  ],
};

/** Varied amounts in rubles, some with kopecks, some typed with a comma. */
function amountFor(p: number, i: number): string {
  const k = 10_000 + ((p * 7919 + i * 104729) % 190_000); // 100 ₽ … 2 000 ₽
  const rub = Math.floor(k / 100);
  const kop = k % 100;
  return kop ? `${rub}${i % 2 ? ',' : '.'}${String(kop).padStart(2, '0')}` : String(rub);
}

const list = await targets();

describe.each(list.map((t) => [t.name, t] as const))('concurrent desk payments (%s)', (_name, target) => {
  afterAll(dropCreated);

  it(`${PROCESSES} processes × ${PAYMENTS} payments keep paid ≤ total and the 50 ₽ floor`, async () => {
    const sb = sandbox({ db: await target.make(), now: '2030-01-01T10:00:00+03:00' });
    const file = join(sb.dir, 'fixture.json');
    writeFileSync(file, JSON.stringify(fixture));
    expect(sb.run(['seed', file]).code).toBe(0);

    const runs: Run[] = [];
    await Promise.all(
      Array.from({ length: PROCESSES }, async (_, p) => {
        for (let i = 0; i < PAYMENTS; i++) {
          runs.push(await sb.runAsync(['--as', 'desk', 'pay', 'record', '5000001', '--amount', amountFor(p, i), '--method', 'cash']));
        }
      }),
    );

    const accepted = runs.filter((r) => r.code === 0).length;
    const refused = runs.filter((r) => r.code === 6).length;
    for (const r of runs) {
      expect([0, 6], r.stderr).toContain(r.code);
      expect(r.stderr).not.toMatch(/locked|busy|serializ|deadlock/i);
    }
    const order = JSON.parse(sb.run(['--as', 'desk', 'orders', 'show', '5000001', '--json']).stdout);
    const payments = JSON.parse(sb.run(['--as', 'desk', 'pay', 'list', '--order', '5000001', '--json']).stdout) as { amount: number }[];
    const sum = payments.reduce((a, p) => a + p.amount, 0);
    const remaining = order.total - order.paid;

    expect(accepted + refused).toBe(PROCESSES * PAYMENTS);
    expect(payments.length).toBe(accepted);
    expect(order.paid).toBe(sum);
    expect(order.paid).toBeLessThanOrEqual(order.total);
    expect(remaining === 0 || remaining >= 5000).toBe(true);
    expect(order.remaining).toBe(remaining);
    expect(order.status).toBe(remaining === 0 ? 'confirmed' : 'partially_paid');
    // One system message per accepted payment: the feed is the audit trail.
    expect(order.messages.filter((m: { event?: string }) => m.event === 'payment_recorded').length).toBe(accepted);
    // The figures, for the record.
    process.stderr.write(
      `concurrency (${target.name}): ${runs.length} attempts, ${accepted} accepted, ${refused} refused, paid ${order.paid} of ${order.total}, remaining ${remaining}\n`,
    );
  }, 180_000);

  it(`${PROCESSES} processes mixing desk payments, refunds, a cancel with a fee kept and reversals keep the ledger whole`, async () => {
    const sb = sandbox({ db: await target.make(), now: '2030-01-01T10:00:00+03:00' });
    const file = join(sb.dir, 'fixture.json');
    const mixed = structuredClone(fixture) as typeof fixture & { orders: Record<string, unknown>[] };
    // A desk payment to begin with: the reversals take it back, once.
    mixed.orders[0]!.payments = [
      { amount: 5_000_000, method: 'cash', source: 'manager', recordedBy: 'desk', at: '2030-01-01T09:30:00+03:00' },
    ];
    writeFileSync(file, JSON.stringify(mixed));
    expect(sb.run(['seed', file]).code).toBe(0);
    const [first] = JSON.parse(sb.run(['--as', 'desk', 'pay', 'list', '--order', '5000001', '--json']).stdout) as { id: string }[];

    const as = ['--as', 'desk'];
    const scripts: string[][][] = [
      ...[0, 1, 2].map((p) =>
        Array.from({ length: 12 }, (_, i) => [...as, 'pay', 'record', '5000001', '--amount', amountFor(p, i), '--method', 'cash']),
      ),
      Array.from({ length: 12 }, (_, i) => [
        ...as,
        'pay',
        'refund',
        '5000001',
        '--amount',
        amountFor(3, i),
        '--method',
        i % 2 ? 'card' : 'cash',
      ]),
      Array.from({ length: 12 }, (_, i) => [...as, 'pay', 'refund', '5000001', '--amount', amountFor(4, i)]),
      [
        ...Array.from({ length: 4 }, (_, i) => [...as, 'pay', 'record', '5000001', '--amount', amountFor(5, i)]),
        [...as, '--yes', 'orders', 'cancel', '5000001', '--keep', '100'],
        ...Array.from({ length: 4 }, () => [...as, '--yes', 'pay', 'reverse', first!.id]),
      ],
    ];
    const runs: Run[] = [];
    await Promise.all(
      scripts.map(async (script) => {
        for (const argv of script) runs.push(await sb.runAsync(argv));
      }),
    );
    for (const r of runs) {
      expect([0, 6], r.stderr).toContain(r.code);
      expect(r.stderr).not.toMatch(/locked|busy|serializ|deadlock|unexpected/i);
    }
    const order = JSON.parse(sb.run(['--as', 'desk', 'orders', 'show', '5000001', '--json']).stdout);
    const entries = JSON.parse(sb.run(['--as', 'desk', 'pay', 'list', '--order', '5000001', '--json']).stdout) as {
      id: string;
      kind: string;
      amount: number;
      reverses: string | null;
    }[];
    const sum = entries.reduce((a, e) => a + (e.kind === 'payment' ? e.amount : -e.amount), 0);
    expect(order.paid).toBe(sum);
    expect(order.paid).toBeGreaterThanOrEqual(order.kept);
    const reversals = entries.filter((e) => e.kind === 'reversal');
    expect(reversals.length).toBeLessThanOrEqual(1);
    for (const e of reversals) expect(e.reverses).toBe(first!.id);
    if (order.status === 'cancelled') {
      expect(order.refundDue).toBe(order.paid - order.kept);
      expect(order.kept).toBe(10000);
    } else {
      // The cancel lost no race it could win: then no refund was possible (nothing overpaid).
      expect(entries.some((e) => e.kind === 'refund')).toBe(false);
      const left = order.total - order.paid;
      expect(order.status).toBe(order.paid === 0 ? 'awaiting_payment' : left <= 0 ? 'confirmed' : 'partially_paid');
    }
    const accepted = runs.filter((r) => r.code === 0).length;
    const events = (order.messages as { event?: string }[]).filter((m) =>
      ['payment_recorded', 'payment_refunded', 'payment_reversed', 'order_cancelled'].includes(m.event ?? ''),
    );
    // Every accepted step wrote its entry and its system message; a refused one wrote nothing.
    expect(events.length).toBe(accepted + 1);
    process.stderr.write(
      `mixed concurrency (${target.name}): ${runs.length} attempts, ${accepted} accepted (${entries.filter((e) => e.kind === 'refund').length} refunds, ${reversals.length} reversal), ${runs.length - accepted} refused; paid ${order.paid}, kept ${order.kept}, status ${order.status}\n`,
    );
  }, 240_000);

  it(`${PROCESSES} imports of statements naming the same orders in opposite orders: no deadlock reaches anyone`, async () => {
    const sb = sandbox({ db: await target.make(), now: '2030-01-01T10:00:00+03:00' });
    const file = join(sb.dir, 'fixture.json');
    const many = structuredClone(fixture) as typeof fixture & { orders: Record<string, unknown>[] };
    many.services[0]!.capacity = 40;
    const [base] = fixture.orders;
    many.orders = Array.from({ length: 30 }, (_, i) => ({ ...base!, number: 5000001 + i, ticket: { ...base!.ticket, number: 1 + i } }));
    writeFileSync(file, JSON.stringify(many));
    expect(sb.run(['seed', file]).code).toBe(0);
    const numbers = many.orders.map((o) => o.number);
    const statement = (p: number) => {
      const order = p % 2 ? [...numbers].reverse() : numbers;
      const rows = order.map((n, i) => `st-${p}-${i},${n},100.00,2030-01-01T09:${String(i % 60).padStart(2, '0')}:00+03:00,card`);
      const path = join(sb.dir, `statement-${p}.csv`);
      writeFileSync(path, ['external_id,order_number,amount,paid_at,method', ...rows].join('\n') + '\n');
      return path;
    };
    const runs = await Promise.all(
      Array.from({ length: PROCESSES }, (_, p) => sb.runAsync(['--as', 'desk', 'pay', 'import', statement(p)])),
    );
    for (const r of runs) {
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).not.toMatch(/locked|busy|serializ|deadlock|unexpected/i);
    }
    const orders = JSON.parse(sb.run(['--as', 'desk', 'orders', 'list', '--json']).stdout) as { paid: number }[];
    expect(orders.map((o) => o.paid)).toEqual(numbers.map(() => PROCESSES * 10000));
  }, 180_000);

  it(`the same idempotency key from ${PROCESSES} processes at once records one payment`, async () => {
    const sb = sandbox({ db: await target.make(), seedDemo: true });
    const runs = await Promise.all(
      Array.from({ length: PROCESSES }, () =>
        sb.runAsync(['pay', 'record', '1006314', '--amount', '100', '--idempotency-key', 'desk-retry-1', '--json']),
      ),
    );
    for (const r of runs) expect(r.code, r.stderr).toBe(0);
    const results = runs.map((r) => JSON.parse(r.stdout) as { payment: { id: string }; replayed: boolean });
    expect(new Set(results.map((x) => x.payment.id)).size).toBe(1);
    expect(results.filter((x) => !x.replayed)).toHaveLength(1);
    const payments = JSON.parse(sb.run(['pay', 'list', '--order', '1006314', '--json']).stdout) as { idempotencyKey: string | null }[];
    expect(payments.filter((p) => p.idempotencyKey === 'desk-retry-1')).toHaveLength(1);
    expect(JSON.parse(sb.run(['orders', 'show', '1006314', '--json']).stdout).paid).toBe(30000 + 10000);
  }, 120_000);

  it(`${PROCESSES} desks booking the last seat at once: one booking, the others refused`, async () => {
    const sb = sandbox({ db: await target.make(), seedDemo: true });
    const runs = await Promise.all(
      Array.from({ length: PROCESSES }, () =>
        sb.runAsync(argv('orders create --service meeting-room --applicant petrov --date 2023-08-20 --from 10:00 --to 11:00')),
      ),
    );
    expect(runs.map((r) => r.code).sort()).toEqual([0, 6, 6, 6, 6, 6]);
    for (const r of runs.filter((x) => x.code === 6)) expect(r.stderr).toMatch(/1 seat/);
    for (const r of runs) expect(r.stderr).not.toMatch(/locked|busy|serializ|deadlock|unexpected/i);
    const booked = JSON.parse(
      sb.run(['orders', 'list', '--service', 'meeting-room', '--from', '2023-08-20', '--to', '2023-08-20', '--json']).stdout,
    );
    expect(booked).toHaveLength(1);
  }, 120_000);
});
