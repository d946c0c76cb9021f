/**
 * `cowork seed FILE` and `cowork seed --orders N`, as a CI pipeline runs them: the built
 * bin/cowork, piped stdio, a private database, a fixed clock.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { sandbox, type Run, type Sandbox } from '../helpers/cli.js';

/* eslint-disable @typescript-eslint/no-explicit-any */
type J = any;

const EXAMPLE = resolve(import.meta.dirname, '../../examples/fixture.json');
const example = (): J => JSON.parse(readFileSync(EXAMPLE, 'utf8'));

function json(r: Run): J {
  try {
    return JSON.parse(r.stdout);
  } catch {
    throw new Error(`stdout is not JSON (exit ${r.code}):\n${r.stdout.slice(0, 2000)}\nstderr:\n${r.stderr}`);
  }
}

function ok(r: Run): Run {
  expect(r.code, `exit code; stderr: ${r.stderr}`).toBe(0);
  return r;
}

/** Everything an admin can read: the lists, and the feed of every order. */
async function snapshot(sb: Sandbox, as = 'admin'): Promise<Record<string, J>> {
  const lists = [
    ['orders', ['orders', 'list', '--json']],
    ['payments', ['pay', 'list', '--json']],
    ['users', ['users', 'list', '--json']],
    ['services', ['services', 'list', '--json']],
  ] as const;
  const out: Record<string, J> = {};
  const results = await Promise.all(lists.map(([, args]) => sb.runAsync([...args, '--as', as])));
  lists.forEach(([name], i) => (out[name] = json(ok(results[i]!))));
  const feeds = await Promise.all(out.orders.map((o: J) => sb.runAsync(['msg', 'list', String(o.number), '--json', '--as', as])));
  out.messages = feeds.map((r) => json(ok(r)));
  return out;
}

function writeJson(sb: Sandbox, name: string, data: unknown): string {
  const file = join(sb.dir, name);
  writeFileSync(file, typeof data === 'string' ? data : JSON.stringify(data, null, 2));
  return file;
}

describe('seed FILE: examples/fixture.json', () => {
  let sb: Sandbox;
  let first: J;

  beforeAll(() => {
    sb = sandbox();
  });

  it('--dry-run on an empty database reports what it would write and writes nothing', () => {
    const r = sb.run(['seed', EXAMPLE, '--dry-run', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(json(r)).toMatchObject({
      dryRun: true,
      orders: { created: 3, unchanged: 0 },
      users: { created: 4 },
      services: { created: 2 },
      locations: { created: 1 },
    });
    // No user exists yet, so there is no admin to ask with.
    expect(sb.run(['users', 'list', '--json', '--as', 'admin']).code).toBe(4);
  });

  it('loads: exit 0, the report counts what it created', () => {
    const r = sb.run(['seed', EXAMPLE, '--json']);
    expect(r.code, r.stderr).toBe(0);
    first = json(r);
    expect(first).toEqual({
      dryRun: false,
      locations: { created: 1, updated: 0 },
      users: { created: 4, updated: 0 },
      services: { created: 2, updated: 0 },
      orders: { created: 3, unchanged: 0 },
      payments: 2,
      messages: expect.any(Number),
    });
  });

  it('the orders are there as the file says', () => {
    const o1 = json(ok(sb.run(['orders', 'show', '2000001', '--json', '--as', 'admin'])));
    expect(o1).toMatchObject({
      number: 2000001,
      status: 'partially_paid',
      total: 120000,
      paid: 36000,
      remaining: 84000,
      ticket: { number: 1001 },
    });
    const o2 = json(ok(sb.run(['orders', 'show', '2000002', '--json', '--as', 'admin'])));
    expect(o2).toMatchObject({ status: 'confirmed', total: 180000, paid: 180000, assignee: { login: 'desk' } });
    const o3 = json(ok(sb.run(['orders', 'show', '2000003', '--json', '--as', 'admin'])));
    expect(o3).toMatchObject({ status: 'cancelled', ticket: { status: 'cancelled' }, cancelReason: 'Гостья перенесла визит' });
  });

  it('loading it again leaves the same database; the report says the orders are unchanged', async () => {
    const before = await snapshot(sb);
    const r = sb.run(['seed', EXAMPLE, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const again = json(r);
    expect(again.orders).toEqual({ created: 0, unchanged: 3 });
    expect([again.payments, again.messages]).toEqual([0, 0]);
    expect(again.users.created + again.services.created + again.locations.created).toBe(0);
    expect(await snapshot(sb)).toEqual(before);
  });

  it('--dry-run over a loaded database writes nothing either', async () => {
    const before = await snapshot(sb);
    const r = sb.run(['seed', EXAMPLE, '--dry-run', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(json(r)).toMatchObject({ dryRun: true, orders: { created: 0, unchanged: 3 } });
    expect(await snapshot(sb)).toEqual(before);
  });

  it('reads stdin with -', async () => {
    const before = await snapshot(sb);
    const r = sb.run(['seed', '-', '--json'], { input: readFileSync(EXAMPLE, 'utf8') });
    expect(r.code, r.stderr).toBe(0);
    expect(json(r).orders).toEqual({ created: 0, unchanged: 3 });
    expect(await snapshot(sb)).toEqual(before);
  });
});

describe('seed FILE --dry-run over the demo', () => {
  it('reports the changes it would make (the demo\u2019s admin is in the file too) and makes none', async () => {
    const sb = sandbox({ seedDemo: true });
    const before = await snapshot(sb);
    const r = sb.run(['seed', EXAMPLE, '--dry-run', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(json(r)).toMatchObject({ dryRun: true, users: { created: 3, updated: 1 }, orders: { created: 3 } });
    expect(await snapshot(sb)).toEqual(before);
  }, 90_000);
});

describe('seed FILE: a broken fixture is a usage error naming the path, and writes nothing', () => {
  let sb: Sandbox;
  let before: Record<string, J>;

  beforeAll(async () => {
    sb = sandbox({ seedDemo: true });
    before = await snapshot(sb);
  });

  const cases: [string, (f: J) => void, string, RegExp?][] = [
    ['an unknown service', (f) => (f.orders[0].service = 'nosuch'), 'orders[0].service', /nosuch/],
    ['an amount that is a string', (f) => (f.orders[0].payments[0].amount = '360'), 'orders[0].payments[0].amount'],
    ['an amount with kopeck fractions', (f) => (f.orders[0].payments[0].amount = 360.5), 'orders[0].payments[0].amount'],
    ['a payment over the total', (f) => (f.orders[1].payments[0].amount = 180100), 'orders[1].payments[0].amount'],
    [
      'payments over the total together',
      (f) =>
        f.orders[0].payments.push({
          amount: 84001,
          method: 'cash',
          source: 'manager',
          recordedBy: 'desk',
          at: '2030-03-03T09:00:00+03:00',
        }),
      'orders[0].payments[1].amount',
    ],
    [
      'a payment that leaves less than 50 ₽',
      (f) =>
        f.orders[0].payments.push({
          amount: 80000,
          method: 'cash',
          source: 'manager',
          recordedBy: 'desk',
          at: '2030-03-03T09:00:00+03:00',
        }),
      'orders[0].payments[1].amount',
    ],
    ['an unknown assignee', (f) => (f.orders[1].assignee = 'nobody'), 'orders[1].assignee', /nobody/],
    ['an unknown tariff', (f) => (f.orders[2].lines[0].tariff = 'VIP'), 'orders[2].lines[0].tariff', /VIP/],
    ['an unknown location of a service', (f) => (f.services[0].location = 'moon'), 'services[0].location', /moon/],
    ['a time without offset', (f) => (f.orders[0].createdAt = '2030-03-02T10:15:00'), 'orders[0].createdAt'],
    ['a duplicate order number', (f) => (f.orders[1].number = f.orders[0].number), 'orders[1]'],
    ['an unknown key', (f) => (f.orders[0].colour = 'red'), 'orders[0]'],
    ['a bad role', (f) => (f.users[1].role = 'boss'), 'users[1].role'],
  ];

  it.each(cases)('%s', (_what, mutate, path, mentions) => {
    const f = example();
    mutate(f);
    const file = writeJson(sb, 'broken.json', f);
    const r = sb.run(['seed', file]);
    expect({ code: r.code, stdout: r.stdout }, r.stderr).toEqual({ code: 2, stdout: '' });
    expect(r.stderr).toContain('broken.json');
    expect(r.stderr).toContain(path);
    if (mentions) expect(r.stderr).toMatch(mentions);
  });

  it('a day that does not exist (30 February) → 2, not another day', () => {
    // In a sandbox of its own: when it is accepted, what it writes does not spill into the others.
    const own = sandbox();
    const f = example();
    f.orders[0].createdAt = '2030-02-30T10:15:00+03:00';
    const r = own.run(['seed', writeJson(own, 'feb30.json', f)]);
    expect({ code: r.code, stdout: r.stdout }, r.stderr).toEqual({ code: 2, stdout: '' });
    expect(r.stderr).toContain('orders[0].createdAt');
  });

  it('not JSON → 2', () => {
    const r = sb.run(['seed', writeJson(sb, 'text.json', '{"orders": [')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('text.json');
  });

  it('--json prints the error as JSON on stderr', () => {
    const f = example();
    f.orders[0].service = 'nosuch';
    const r = sb.run(['seed', writeJson(sb, 'broken.json', f), '--json']);
    expect(r.code).toBe(2);
    const err = JSON.parse(r.stderr.trim());
    expect(err.error.code).toBe('USAGE');
    expect(err.error.message).toContain('orders[0].service');
  });

  it('none of them wrote anything', async () => {
    expect(await snapshot(sb)).toEqual(before);
  });
});

// ---------------------------------------------------------------------------------------------

/** The largest number of half-open periods [start, end) that overlap at one instant. */
function maxOverlap(periods: [string, string][]): number {
  const events = periods.flatMap(([s, e]) => [[Date.parse(s), 1] as const, [Date.parse(e), -1] as const]);
  events.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  let cur = 0;
  let max = 0;
  for (const [, d] of events) max = Math.max(max, (cur += d));
  return max;
}

function overbooked(orders: J[], services: J[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const s of services) {
    const live = orders.filter((o) => o.service.slug === s.slug && o.status !== 'cancelled' && o.ticket.status !== 'cancelled');
    const max = maxOverlap(live.map((o) => [o.ticket.start, o.ticket.end]));
    if (max > s.capacity) out[s.slug] = max;
  }
  return out;
}

describe('seed --orders N --random-seed S', () => {
  let a: Sandbox;
  let b: Sandbox;
  let listA: Run;
  let orders: J[];
  let services: J[];

  beforeAll(async () => {
    [a, b] = [sandbox({ seedDemo: true }), sandbox({ seedDemo: true })];
    const [ra, rb] = await Promise.all([a, b].map((sb) => sb.runAsync(['seed', '--orders', '500', '--random-seed', '3', '--json'])));
    expect(ra!.code, ra!.stderr).toBe(0);
    expect(rb!.code, rb!.stderr).toBe(0);
    expect(json(ra!)).toMatchObject({ dryRun: false, orders: 500 });
    listA = ok(await a.runAsync(['orders', 'list', '--format', 'ndjson', '--as', 'admin']));
    orders = listA.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    services = json(ok(a.run(['services', 'list', '--json', '--as', 'admin'])));
  });

  it('twice in two fresh demo sandboxes: identical orders and payments', async () => {
    const [listB, payA, payB] = await Promise.all([
      b.runAsync(['orders', 'list', '--format', 'ndjson', '--as', 'admin']),
      a.runAsync(['pay', 'list', '--format', 'ndjson', '--as', 'admin']),
      b.runAsync(['pay', 'list', '--format', 'ndjson', '--as', 'admin']),
    ]);
    expect(ok(listB).stdout).toBe(listA.stdout);
    expect(ok(payB).stdout).toBe(ok(payA).stdout);
    expect(orders).toHaveLength(506);
  });

  it('another seed gives other orders', async () => {
    const c = sandbox({ seedDemo: true });
    ok(await c.runAsync(['seed', '--orders', '500', '--random-seed', '4']));
    const listC = ok(await c.runAsync(['orders', 'list', '--format', 'ndjson', '--as', 'admin']));
    expect(listC.stdout).not.toBe(listA.stdout);
  });

  it('every status appears', () => {
    const statuses = new Set(orders.filter((o) => o.number > 1006317).map((o) => o.status));
    expect(statuses).toEqual(new Set(['awaiting_payment', 'partially_paid', 'confirmed', 'cancelled']));
  });

  it('no service is booked over its capacity at any instant', () => {
    expect(services.map((s) => s.slug).sort()).toEqual(['coworking-2', 'meeting-room']);
    // The check itself: one more overlapping booking than the meeting room holds is found.
    const room = orders.find((o) => o.service.slug === 'meeting-room' && o.status !== 'cancelled');
    expect(overbooked([...orders, room], services)).toEqual({ 'meeting-room': 2 });
    expect(overbooked(orders, services)).toEqual({});
  });

  it('the money rules: paid within total, remaining 0 or at least 50 ₽ once something is paid, status from the money', () => {
    for (const o of orders) {
      expect(o.paid, `order ${o.number}`).toBeLessThanOrEqual(o.total);
      if (o.status === 'cancelled') {
        expect(o.remaining).toBe(0);
        expect(o.kept, `order ${o.number}`).toBeLessThanOrEqual(o.paid);
        expect(o.refundDue).toBe(o.paid - o.kept);
        continue;
      }
      expect(o.remaining).toBe(o.total - o.paid);
      if (o.paid > 0) expect(o.remaining === 0 || o.remaining >= 5000, `order ${o.number}: remaining ${o.remaining}`).toBe(true);
      expect(o.status).toBe(o.remaining === 0 ? 'confirmed' : o.paid === 0 ? 'awaiting_payment' : 'partially_paid');
      if (!o.service.partialPayment) expect(o.paid === 0 || o.paid === o.total, `order ${o.number}`).toBe(true);
    }
  });

  it('every order\u2019s paid is its payments less its refunds and reversals', async () => {
    const pays = ok(await a.runAsync(['pay', 'list', '--format', 'ndjson', '--as', 'admin']))
      .stdout.trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    const sums = new Map<number, number>();
    const sign: Record<string, number> = { payment: 1, refund: -1, reversal: -1 };
    for (const p of pays) sums.set(p.order, (sums.get(p.order) ?? 0) + sign[p.kind]! * p.amount);
    expect(pays.filter((p) => p.kind !== 'payment').map((p) => [p.order, p.kind, p.amount])).toEqual([
      [1006317, 'reversal', 100000],
      [1006316, 'refund', 15000],
    ]);
    expect(orders.filter((o) => o.paid !== (sums.get(o.number) ?? 0)).map((o) => o.number)).toEqual([]);
  });

  it('nothing is dated after the clock: orders are created, and paid, before COWORK_NOW', async () => {
    // Bookings may lie ahead; their creation, payments and messages happened already.
    const now = Date.parse('2023-08-11T13:40:00+05:00');
    const pays = ok(await a.runAsync(['pay', 'list', '--format', 'ndjson', '--as', 'admin']))
      .stdout.trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    const late = {
      orders: orders.filter((o) => Date.parse(o.createdAt) > now).length,
      payments: pays.filter((p) => Date.parse(p.createdAt) > now).length,
    };
    expect(late).toEqual({ orders: 0, payments: 0 });
  });

  it('--dry-run writes nothing', async () => {
    const r = a.run(['seed', '--orders', '50', '--random-seed', '9', '--dry-run', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(json(r)).toMatchObject({ dryRun: true, orders: 50 });
    const after = ok(await a.runAsync(['orders', 'list', '--format', 'ndjson', '--as', 'admin']));
    expect(after.stdout).toBe(listA.stdout);
  });

  it('--random-seed without --orders, or --orders with a FILE → 2', () => {
    expect(a.run(['seed', '--random-seed', '3']).code).toBe(2);
    expect(a.run(['seed', EXAMPLE, '--orders', '3']).code).toBe(2);
    expect(a.run(['seed', '--orders', '0']).code).toBe(2);
  });

  it('on top of bookings already there, capacity still holds (a second run, another seed)', async () => {
    // The generator lays its bookings out from a week ahead backwards; a second run, or the demo's
    // own bookings, occupy the same hours.
    const c = sandbox({ seedDemo: true });
    ok(await c.runAsync(['seed', '--orders', '500', '--random-seed', '3']));
    ok(await c.runAsync(['seed', '--orders', '500', '--random-seed', '4']));
    const all = ok(await c.runAsync(['orders', 'list', '--format', 'ndjson', '--as', 'admin']))
      .stdout.trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(overbooked(all, services)).toEqual({});
  });
});
