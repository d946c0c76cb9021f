/**
 * The commands that change orders, as a script runs them: the built bin/cowork, piped stdio (never a
 * TTY, so never a prompt), a private database and config, the fixed clock of the demo
 * (2023-08-11 13:40 in Perm, UTC+5). Run `npm run build` first.
 *
 * Exit codes, stdout and stderr are checked, and every refused action is checked to change nothing
 * (SPEC.md rule 8) by comparing a full snapshot of what an admin can read before and after.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { sandbox, type Run, type Sandbox } from '../helpers/cli.js';

/* eslint-disable @typescript-eslint/no-explicit-any */
type J = any;

const DEMO_ORDERS = [1006312, 1006313, 1006314, 1006315] as const;
/** Anything that cannot be a legitimate write of these tests: a raw escape reaching the terminal. */
const ESC = '\u001b';

function json(r: Run): J {
  try {
    return JSON.parse(r.stdout);
  } catch {
    throw new Error(`stdout is not JSON (exit ${r.code}):\n${r.stdout}\nstderr:\n${r.stderr}`);
  }
}

/** A success: exit 0 (stderr shown when it is not). */
function expectOk(r: Run): void {
  expect(r.code, `exit code; stderr: ${r.stderr}`).toBe(0);
}

/** A failure: its exit code, nothing on stdout, a message on stderr. */
function expectFailure(r: Run, code: number, mentions?: string | RegExp): void {
  expect({ code: r.code, stdout: r.stdout }, `stderr: ${r.stderr}`).toEqual({ code, stdout: '' });
  expect(r.stderr.trim()).not.toBe('');
  if (mentions !== undefined) {
    if (typeof mentions === 'string') expect(r.stderr).toContain(mentions);
    else expect(r.stderr).toMatch(mentions);
  }
}

function show(sb: Sandbox, n: number, as = 'admin'): J {
  const r = sb.run(['orders', 'show', String(n), '--json', '--as', as]);
  expectOk(r);
  return json(r);
}

function payments(sb: Sandbox): J[] {
  const r = sb.run(['pay', 'list', '--json', '--as', 'admin']);
  expectOk(r);
  return json(r);
}

function messages(sb: Sandbox, n: number, as = 'admin'): J[] {
  const r = sb.run(['msg', 'list', String(n), '--json', '--as', as]);
  expectOk(r);
  return json(r);
}

/**
 * Everything an admin can read about orders, payments, users and services: what rule 8 must leave
 * untouched. Read in parallel (all readers) to keep the file fast.
 */
async function snapshot(sb: Sandbox): Promise<J> {
  const reads: Record<string, string[]> = {
    orders: ['orders', 'list', '--json', '--as', 'admin'],
    payments: ['pay', 'list', '--json', '--as', 'admin'],
    users: ['users', 'list', '--json', '--as', 'admin'],
    services: ['services', 'list', '--json', '--as', 'admin'],
  };
  for (const n of DEMO_ORDERS) reads[`order ${n}`] = ['orders', 'show', String(n), '--json', '--as', 'admin'];
  const keys = Object.keys(reads);
  const runs = await Promise.all(keys.map((k) => sb.runAsync(reads[k]!)));
  const snap: Record<string, J> = {};
  keys.forEach((k, i) => {
    const r = runs[i]!;
    expect(r.code, `${k}: ${r.stderr}`).toBe(0);
    snap[k] = json(r);
  });
  return snap;
}

/** Runs a refused action and checks its exit code and that the database reads exactly the same. */
async function expectRefusedChangesNothing(
  sb: Sandbox,
  args: string[],
  code: number,
  opts: { input?: string; before?: J; keep?: (after: J) => void } = {},
): Promise<Run> {
  const before = opts.before ?? (await snapshot(sb));
  const r = sb.run(args, { input: opts.input ?? '' });
  const after = await snapshot(sb);
  opts.keep?.(after);
  expectFailure(r, code);
  expect(after).toEqual(before);
  return r;
}

// ---------------------------------------------------------------------------------------------
describe('pay record: amounts as people type them', () => {
  it.each([
    ['150', 15000],
    ['150.50', 15050],
    ['150,50', 15050],
    ['150.5', 15050],
  ])('--amount %s is recorded as %i kopecks', (text, kopecks) => {
    const sb = sandbox({ seedDemo: true });
    const r = sb.run(['pay', 'record', '1006314', '--amount', text]);
    expectOk(r);
    expect(r.stdout).not.toBe('');
    const o = show(sb, 1006314);
    expect(o.paid).toBe(30000 + kopecks);
    expect(o.remaining).toBe(70000 - kopecks);
    expect(o.status).toBe('partially_paid');
    const last = o.payments.at(-1);
    expect(last).toMatchObject({ amount: kopecks, currency: 'RUB', method: 'cash', source: 'manager', externalId: null });
    expect(last.recordedBy.login).toBe('manager');
    expect(o.payments).toHaveLength(2);
    // The desk payment writes its system message.
    expect(o.messages.filter((m: J) => m.event === 'payment_recorded')).toHaveLength(1);
  });

  it('--method card is kept', () => {
    const sb = sandbox({ seedDemo: true });
    expectOk(sb.run(['pay', 'record', '1006314', '--amount', '100', '--method', 'card']));
    expect(show(sb, 1006314).payments.at(-1)).toMatchObject({ amount: 10000, method: 'card', source: 'manager' });
  });
});

describe('pay record: malformed amounts and refusals (nothing written)', () => {
  let sb: Sandbox;
  let paymentCount: number;
  beforeAll(() => {
    sb = sandbox({ seedDemo: true });
    paymentCount = payments(sb).length;
  });

  it.each(['0', '-1', '10.005', '1e3', 'abc', '0.00', '', '1 000'])('--amount "%s" is a usage error (2) naming --amount', (text) => {
    const r = sb.run(['pay', 'record', '1006314', '--amount', text]);
    expectFailure(r, 2, '--amount');
    expect(payments(sb)).toHaveLength(paymentCount);
  });

  it('--amount=-1 (attached form) is a usage error too', () => {
    expectFailure(sb.run(['pay', 'record', '1006314', '--amount=-1']), 2, '--amount');
  });

  it('missing --amount off a TTY is a usage error naming --amount, with no prompt', () => {
    const r = sb.run(['pay', 'record', '1006314'], { input: '650\n' });
    expectFailure(r, 2, '--amount');
    expect(payments(sb)).toHaveLength(paymentCount);
  });

  it('more than the remaining balance: 701 on 1006314 → 6', () => {
    expectFailure(sb.run(['pay', 'record', '1006314', '--amount', '701']), 6);
  });

  it('the 50 ₽ floor: 650.01 on 1006314 would leave 49.99 → 6', () => {
    expectFailure(sb.run(['pay', 'record', '1006314', '--amount', '650.01']), 6);
    expect(show(sb, 1006314).paid).toBe(30000);
  });

  it('699.99 would leave 0.01 → 6', () => {
    expectFailure(sb.run(['pay', 'record', '1006314', '--amount', '699.99']), 6);
  });

  it('under --json the refusal is {"error":{"code":"REMAINING_BELOW_MINIMUM",…}} on stderr', () => {
    const r = sb.run(['pay', 'record', '1006314', '--amount', '650.01', '--json']);
    expectFailure(r, 6);
    const e = JSON.parse(r.stderr.trim());
    expect(Object.keys(e)).toEqual(['error']);
    expect(e.error.code).toBe('REMAINING_BELOW_MINIMUM');
    expect(typeof e.error.message).toBe('string');
    expect(e.error.message.length).toBeGreaterThan(0);
  });

  it('under --json a malformed amount is {"error":{"code":"USAGE",…}} naming --amount', () => {
    const r = sb.run(['pay', 'record', '1006314', '--amount', 'abc', '--json']);
    expectFailure(r, 2);
    const e = JSON.parse(r.stderr.trim());
    expect(e.error.code).toBe('USAGE');
    expect(e.error.message).toContain('--amount');
  });

  it('partial payment on meeting-room 1006315 (no partial payment): 100 → 6', () => {
    expectFailure(sb.run(['pay', 'record', '1006315', '--amount', '100']), 6);
  });

  it('a payment on the cancelled order 1006312 → 6', () => {
    expectFailure(sb.run(['pay', 'record', '1006312', '--amount', '10']), 6);
  });

  it('a payment on the confirmed order 1006313 → 6', () => {
    expectFailure(sb.run(['pay', 'record', '1006313', '--amount', '1']), 6);
  });

  it('an unknown order → 5', () => {
    expectFailure(sb.run(['pay', 'record', '1999999', '--amount', '1']), 5);
  });

  it('manager2 (not responsible for coworking-2) → 4', () => {
    expectFailure(sb.run(['pay', 'record', '1006314', '--amount', '100', '--as', 'manager2']), 4);
  });

  it('a guest may not record a payment, even on their own order → 4', () => {
    expectFailure(sb.run(['pay', 'record', '1006314', '--amount', '100', '--as', 'ivanova']), 4);
  });

  it('--method bitcoin → 2', () => {
    expectFailure(sb.run(['pay', 'record', '1006314', '--amount', '100', '--method', 'bitcoin']), 2);
  });

  it('after all of the above, not a single payment was written', () => {
    expect(payments(sb)).toHaveLength(paymentCount);
    const o = show(sb, 1006314);
    expect({ paid: o.paid, status: o.status }).toEqual({ paid: 30000, status: 'partially_paid' });
  });
});

describe('pay record: the edges of the allowed range', () => {
  it('650 on 1006314 → 0, and the remaining balance is exactly 50 ₽', () => {
    const sb = sandbox({ seedDemo: true });
    expectOk(sb.run(['pay', 'record', '1006314', '--amount', '650']));
    const o = show(sb, 1006314);
    expect({ paid: o.paid, remaining: o.remaining, status: o.status }).toEqual({ paid: 95000, remaining: 5000, status: 'partially_paid' });
    // Now only the whole 50 ₽ may be paid.
    expectFailure(sb.run(['pay', 'record', '1006314', '--amount', '49.99']), 6);
    expectOk(sb.run(['pay', 'record', '1006314', '--amount', '50']));
    expect(show(sb, 1006314)).toMatchObject({ paid: 100000, remaining: 0, status: 'confirmed' });
  });

  it('0.01 on 1006314 → 0 (the smallest partial payment)', () => {
    const sb = sandbox({ seedDemo: true });
    expectOk(sb.run(['pay', 'record', '1006314', '--amount', '0.01']));
    expect(show(sb, 1006314)).toMatchObject({ paid: 30001, remaining: 69999 });
  });

  it('700 on 1006314 → 0, and the order is confirmed', () => {
    const sb = sandbox({ seedDemo: true });
    const r = sb.run(['pay', 'record', '1006314', '--amount', '700', '--json']);
    expectOk(r);
    const out = json(r);
    expect(out.replayed).toBe(false);
    expect(out.payment).toMatchObject({ amount: 70000, order: 1006314, source: 'manager' });
    expect(out.order).toMatchObject({ number: 1006314, status: 'confirmed', paid: 100000, remaining: 0 });
    expect(show(sb, 1006314)).toMatchObject({ status: 'confirmed', paid: 100000, remaining: 0 });
    // Nothing remains: one more kopeck is refused.
    expectFailure(sb.run(['pay', 'record', '1006314', '--amount', '0.01']), 6);
  });

  it('meeting-room 1006315: the whole 2000 → 0, confirmed', () => {
    const sb = sandbox({ seedDemo: true });
    expectFailure(sb.run(['pay', 'record', '1006315', '--amount', '100']), 6);
    expectOk(sb.run(['pay', 'record', '1006315', '--amount', '2000', '--method', 'transfer']));
    const o = show(sb, 1006315);
    expect(o).toMatchObject({ status: 'confirmed', paid: 200000, remaining: 0 });
    expect(o.payments).toHaveLength(1);
    expect(o.payments[0]).toMatchObject({ amount: 200000, method: 'transfer', source: 'manager' });
  });

  it('manager2 may record on meeting-room (responsible for it)', () => {
    const sb = sandbox({ seedDemo: true });
    expectOk(sb.run(['pay', 'record', '1006315', '--amount', '2000', '--as', 'manager2']));
    expect(show(sb, 1006315).payments[0].recordedBy.login).toBe('manager2');
  });
});

describe('pay record: idempotency keys (rule 4)', () => {
  let sb: Sandbox;
  let first: J;
  beforeAll(() => {
    sb = sandbox({ seedDemo: true });
    const r = sb.run(['pay', 'record', '1006314', '--amount', '150', '--idempotency-key', 'desk-42', '--json']);
    expectOk(r);
    first = json(r);
  });

  it('the first call records the payment with the key as its external id', () => {
    expect(Object.keys(first).sort()).toEqual(['order', 'payment', 'replayed']);
    expect(first.replayed).toBe(false);
    expect(first.payment).toMatchObject({ order: 1006314, amount: 15000, externalId: 'desk-42', source: 'manager' });
    expect(first.order).toMatchObject({ number: 1006314, paid: 45000 });
    expect(payments(sb)).toHaveLength(4);
  });

  it('the same key, order and amount: exit 0, the same payment, replayed, nothing written', () => {
    const r = sb.run(['pay', 'record', '1006314', '--amount', '150', '--idempotency-key', 'desk-42', '--json']);
    expectOk(r);
    const again = json(r);
    expect(again.replayed).toBe(true);
    expect(again.payment.id).toBe(first.payment.id);
    expect(again.payment).toEqual(first.payment);
    expect(again.order.paid).toBe(45000);
    expect(r.stderr).toMatch(/nothing written|ничего не записано/i);
    expect(payments(sb)).toHaveLength(4);
    expect(show(sb, 1006314).paid).toBe(45000);
  });

  it('the same key typed as 150,00 is the same amount: replayed', () => {
    const r = sb.run(['pay', 'record', '1006314', '--amount', '150,00', '--idempotency-key', 'desk-42', '--json']);
    expectOk(r);
    expect(json(r)).toMatchObject({ replayed: true, payment: { id: first.payment.id } });
  });

  it('the same key without --json: exit 0, stderr says nothing was written', () => {
    const r = sb.run(['pay', 'record', '1006314', '--amount', '150', '--idempotency-key', 'desk-42']);
    expectOk(r);
    expect(r.stderr).toMatch(/nothing written/i);
    expect(payments(sb)).toHaveLength(4);
  });

  it('the same key with another amount → 7, nothing written', async () => {
    await expectRefusedChangesNothing(sb, ['pay', 'record', '1006314', '--amount', '151', '--idempotency-key', 'desk-42'], 7);
  });

  it('the same key on another order → 7, nothing written', async () => {
    await expectRefusedChangesNothing(sb, ['pay', 'record', '1006315', '--amount', '2000', '--idempotency-key', 'desk-42'], 7);
  });

  it('a conflict under --json is {"error":{"code":"CONFLICT",…}}', () => {
    const r = sb.run(['pay', 'record', '1006314', '--amount', '151', '--idempotency-key', 'desk-42', '--json']);
    expectFailure(r, 7);
    expect(JSON.parse(r.stderr.trim()).error.code).toBe('CONFLICT');
  });

  it('keys do not expire: a retry after the order was paid in full still returns the first payment', () => {
    const sb2 = sandbox({ seedDemo: true });
    const a = sb2.run(['pay', 'record', '1006314', '--amount', '700', '--idempotency-key', 'full-1', '--json']);
    expectOk(a);
    const b = sb2.run(['pay', 'record', '1006314', '--amount', '700', '--idempotency-key', 'full-1', '--json']);
    expectOk(b);
    expect(json(b)).toMatchObject({ replayed: true, payment: { id: json(a).payment.id } });
    expect(payments(sb2)).toHaveLength(4);
  });
});

// ---------------------------------------------------------------------------------------------
describe('rule 8: a refused action changes nothing', () => {
  let sb: Sandbox;
  beforeAll(() => {
    sb = sandbox({ seedDemo: true });
  });

  const refused: Array<[string, string[], number]> = [
    ['the 50 ₽ floor', ['pay', 'record', '1006314', '--amount', '650.01'], 6],
    ['more than the remaining balance', ['pay', 'record', '1006314', '--amount', '701'], 6],
    ['a payment on a cancelled order', ['pay', 'record', '1006312', '--amount', '10'], 6],
    ['a payment on a confirmed order', ['pay', 'record', '1006313', '--amount', '10'], 6],
    ['partial payment not allowed', ['pay', 'record', '1006315', '--amount', '100'], 6],
    ['a payment by someone not responsible', ['pay', 'record', '1006314', '--amount', '100', '--as', 'manager2'], 4],
    ['cancelling a cancelled order', ['orders', 'cancel', '1006312', '--yes', '--reason', 'again'], 6],
    ['cancelling without --yes off a TTY', ['orders', 'cancel', '1006314'], 2],
    ['cancelling as a guest', ['orders', 'cancel', '1006314', '--yes', '--as', 'ivanova'], 4],
    ['assigning a manager not responsible for the service', ['orders', 'assign', '1006314', 'manager2'], 6],
    ['assigning a guest', ['orders', 'assign', '1006314', 'troshkov'], 6],
    ['assigning an unknown user', ['orders', 'assign', '1006314', 'nobody'], 5],
    ['an internal message by a guest', ['msg', 'post', '1006314', '--text', 'secret', '--internal', '--as', 'ivanova'], 4],
    ["a guest's message on someone else's order", ['msg', 'post', '1006313', '--text', 'hi', '--as', 'ivanova'], 4],
    ['a message by a manager not responsible', ['msg', 'post', '1006314', '--text', 'hi', '--as', 'manager2'], 4],
    ['an empty message', ['msg', 'post', '1006314', '--text', ''], 2],
    ['a booking outside opening hours', ['orders', 'create', '--service', 'coworking-2', '--applicant', 'troshkov', '--date', '2023-08-12', '--from', '07:00', '--to', '09:00'], 6],
    ['a booking over capacity', ['orders', 'create', '--service', 'meeting-room', '--applicant', 'troshkov', '--date', '2023-08-14', '--from', '13:00', '--to', '15:00'], 6],
    ['a booking of a period already ended', ['orders', 'create', '--service', 'coworking-2', '--applicant', 'troshkov', '--date', '2023-08-11', '--from', '08:00', '--to', '10:00'], 6],
    ['a guest booking with too small a prepayment', ['orders', 'create', '--as', 'troshkov', '--service', 'coworking-2', '--date', '2023-08-12', '--from', '10:00', '--to', '12:00', '--prepay', '59.99'], 6],
    ['a guest prepayment that would leave less than 50 ₽', ['orders', 'create', '--as', 'troshkov', '--service', 'coworking-2', '--date', '2023-08-12', '--from', '10:00', '--to', '12:00', '--prepay', '160'], 6],
    ['a guest booking for someone else', ['orders', 'create', '--as', 'troshkov', '--applicant', 'ivanova', '--service', 'coworking-2', '--date', '2023-08-12', '--from', '10:00', '--to', '12:00', '--prepay', '60'], 4],
    ['a check-in of an order not paid in full', ['tickets', 'check-in', '208'], 6],
    ['a check-in of a cancelled ticket', ['tickets', 'check-in', '206'], 6],
    ['a manager adding a rental manager', ['users', 'add', '--login', 'm9', '--name', 'M9', '--role', 'rental_manager'], 4],
    ['adding a user whose login exists', ['users', 'add', '--login', 'ivanova', '--name', 'Другая Иванова', '--as', 'admin'], 6],
    ['a manager creating a service', ['services', 'create', '--slug', 'hall', '--name', 'Hall', '--capacity', '3', '--tariff', 'Стандарт:hour:150'], 4],
    ['a manager changing a service', ['services', 'set', 'coworking-2', '--capacity', '5'], 4],
  ];

  // Each refusal changes nothing, so the snapshot after one is the snapshot before the next.
  let last: J | undefined;
  it.each(refused)('%s', async (_name, args, code) => {
    await expectRefusedChangesNothing(sb, args, code, { before: last, keep: (after) => (last = after) });
  });

  it('a check-in on another day than the rental day (a confirmed order)', async () => {
    const sb2 = sandbox({ seedDemo: true });
    expectOk(sb2.run(['pay', 'record', '1006315', '--amount', '2000']));
    await expectRefusedChangesNothing(sb2, ['tickets', 'check-in', '209'], 6);
  });

  it('an idempotency key reused with other parameters', async () => {
    const sb2 = sandbox({ seedDemo: true });
    expectOk(sb2.run(['pay', 'record', '1006314', '--amount', '100', '--idempotency-key', 'r8']));
    await expectRefusedChangesNothing(sb2, ['pay', 'record', '1006314', '--amount', '200', '--idempotency-key', 'r8'], 7);
  });

  it('a refused booking does not use up an order or ticket number', () => {
    const sb2 = sandbox({ seedDemo: true });
    expectFailure(sb2.run(['orders', 'create', '--service', 'meeting-room', '--applicant', 'troshkov', '--date', '2023-08-14', '--from', '13:00', '--to', '15:00']), 6);
    expectFailure(sb2.run(['orders', 'create', '--as', 'troshkov', '--service', 'coworking-2', '--date', '2023-08-12', '--from', '10:00', '--to', '12:00', '--prepay', '160']), 6);
    const r = sb2.run(['orders', 'create', '--service', 'coworking-2', '--applicant', 'troshkov', '--date', '2023-08-12', '--from', '10:00', '--to', '11:00', '--json']);
    expectOk(r);
    expect(json(r).number).toBe(1006316);
    expect(json(r).ticket.number).toBe(210);
  });
});

// ---------------------------------------------------------------------------------------------
describe('orders cancel', () => {
  let sb: Sandbox;
  beforeAll(() => {
    sb = sandbox({ seedDemo: true });
  });

  it('without --yes off a TTY → 2, naming --yes, and nothing changed', async () => {
    const r = await expectRefusedChangesNothing(sb, ['orders', 'cancel', '1006314', '--reason', 'x'], 2, { input: 'y\n' });
    expect(r.stderr).toContain('--yes');
  });

  it('--yes --reason → 0: order and ticket cancelled, the money paid due for refund, an event in the feed', () => {
    const reason = 'Гость заболел, перенос на сентябрь';
    const r = sb.run(['orders', 'cancel', '1006314', '--yes', '--reason', reason]);
    expectOk(r);
    const o = show(sb, 1006314);
    expect(o.status).toBe('cancelled');
    expect(o.ticket.status).toBe('cancelled');
    expect(o.paid).toBe(30000);
    expect(o.refundDue).toBe(30000);
    expect(o.refundDue).toBe(o.paid);
    expect(o.remaining).toBe(0);
    // The money stays recorded: payments are append-only.
    expect(o.payments).toHaveLength(1);
    expect(o.payments[0].amount).toBe(30000);

    const t = sb.run(['tickets', 'show', '208', '--json']);
    expectOk(t);
    expect(json(t).status).toBe('cancelled');

    const events = messages(sb, 1006314).filter((m: J) => m.visibility === 'system' && m.event === 'order_cancelled');
    expect(events).toHaveLength(1);
    expect(Object.values(events[0].values)).toContain(reason);
    expect(Object.values(events[0].values)).toContain(30000);
    expect(events[0].author).toBeNull();
    expect(typeof events[0].body).toBe('string');
  });

  it('the cancelled order is listed as cancelled, and takes no payment any more', () => {
    const r = sb.run(['orders', 'list', '--json', '--status', 'cancelled', '--as', 'admin']);
    expectOk(r);
    expect(json(r).map((o: J) => o.number).sort()).toEqual([1006312, 1006314]);
    expectFailure(sb.run(['pay', 'record', '1006314', '--amount', '700']), 6);
  });

  it('cancelling twice → 6, no second event', () => {
    expectFailure(sb.run(['orders', 'cancel', '1006314', '--yes']), 6);
    expect(messages(sb, 1006314).filter((m: J) => m.event === 'order_cancelled')).toHaveLength(1);
  });

  it('the global -y works too, without a reason', () => {
    const r = sb.run(['-y', 'orders', 'cancel', '1006315']);
    expectOk(r);
    const o = show(sb, 1006315);
    expect(o).toMatchObject({ status: 'cancelled', refundDue: 0, paid: 0 });
    expect(o.ticket.status).toBe('cancelled');
  });

  it('a cancelled booking frees its seat: meeting-room 2023-08-14 13:00–15:00 is now bookable', () => {
    const r = sb.run(['orders', 'create', '--service', 'meeting-room', '--applicant', 'petrov', '--date', '2023-08-14', '--from', '13:00', '--to', '15:00']);
    expectOk(r);
  });

  it('--json prints the cancelled order', () => {
    const r = sb.run(['orders', 'cancel', '1006313', '--yes', '--json']);
    expectOk(r);
    expect(json(r)).toMatchObject({ number: 1006313, status: 'cancelled', refundDue: 40000, paid: 40000 });
  });
});

// ---------------------------------------------------------------------------------------------
describe('orders assign', () => {
  let sb: Sandbox;
  beforeAll(() => {
    sb = sandbox({ seedDemo: true });
  });
  const assignEvents = () => messages(sb, 1006314).filter((m: J) => m.event === 'assignee_changed');

  it('1006314 to manager → 0: executor set, an assignee_changed event', () => {
    expect(assignEvents()).toHaveLength(0);
    const r = sb.run(['orders', 'assign', '1006314', 'manager']);
    expectOk(r);
    expect(show(sb, 1006314).assignee).toMatchObject({ login: 'manager' });
    const ev = assignEvents();
    expect(ev).toHaveLength(1);
    expect(ev[0].visibility).toBe('system');
  });

  it('the same executor again → 0, and no new message', () => {
    const before = messages(sb, 1006314).length;
    const r = sb.run(['orders', 'assign', '1006314', 'manager']);
    expectOk(r);
    expect(messages(sb, 1006314)).toHaveLength(before);
    expect(show(sb, 1006314).assignee.login).toBe('manager');
  });

  it('to manager2 (not responsible for coworking-2) → 6', () => {
    expectFailure(sb.run(['orders', 'assign', '1006314', 'manager2']), 6);
    expect(show(sb, 1006314).assignee.login).toBe('manager');
  });

  it('to a guest → 6', () => {
    expectFailure(sb.run(['orders', 'assign', '1006314', 'ivanova']), 6);
  });

  it('to an unknown login → 5', () => {
    expectFailure(sb.run(['orders', 'assign', '1006314', 'nobody']), 5);
  });

  it('by manager2, who may not process coworking-2 → 4', () => {
    expectFailure(sb.run(['orders', 'assign', '1006314', 'manager2', '--as', 'manager2']), 4);
  });

  it('to an admin → 0', () => {
    expectOk(sb.run(['orders', 'assign', '1006314', 'admin']));
    expect(show(sb, 1006314).assignee.login).toBe('admin');
  });

  it('none removes the executor, with an event', () => {
    const before = assignEvents().length;
    expectOk(sb.run(['orders', 'assign', '1006314', 'none']));
    expect(show(sb, 1006314).assignee).toBeNull();
    expect(assignEvents()).toHaveLength(before + 1);
  });

  it('none again → 0, no new message', () => {
    const before = messages(sb, 1006314).length;
    expectOk(sb.run(['orders', 'assign', '1006314', 'none']));
    expect(messages(sb, 1006314)).toHaveLength(before);
  });

  it('me is the operator', () => {
    expectOk(sb.run(['orders', 'assign', '1006315', 'me', '--as', 'manager']));
    expect(show(sb, 1006315).assignee.login).toBe('manager');
    expectOk(sb.run(['orders', 'assign', '1006315', 'me', '--as', 'manager2']));
    expect(show(sb, 1006315).assignee.login).toBe('manager2');
  });

  it('--json prints the order', () => {
    const r = sb.run(['orders', 'assign', '1006314', 'manager', '--json']);
    expectOk(r);
    expect(json(r)).toMatchObject({ number: 1006314, assignee: { login: 'manager' } });
  });
});

// ---------------------------------------------------------------------------------------------
describe('msg post', () => {
  let sb: Sandbox;
  beforeAll(() => {
    sb = sandbox({ seedDemo: true });
  });
  const bodies = (n: number, as = 'admin') => messages(sb, n, as).map((m: J) => m.body);

  it('a public post appears in msg list with its exact text and author', () => {
    const r = sb.run(['msg', 'post', '1006314', '--text', 'Ждём вас в 10:00']);
    expectOk(r);
    // The output rule: the new message's id on stdout, the sentence on stderr.
    expect(r.stdout).toMatch(/^\d+\n$/);
    expect(r.stderr).toBe('Public message posted on order 1006314.\n');
    const m = messages(sb, 1006314).at(-1);
    expect(m).toMatchObject({ id: r.stdout.trim(), visibility: 'public', body: 'Ждём вас в 10:00', author: { login: 'manager' } });
  });

  it('a message of 4000 characters is posted; one of 4001 → 2, nothing written', () => {
    expectOk(sb.run(['msg', 'post', '1006314', '--text', 'я'.repeat(4000)]));
    const before = bodies(1006314).length;
    expectFailure(sb.run(['msg', 'post', '1006314', '--text', 'я'.repeat(4001)]), 2, '4,001 characters');
    expectFailure(sb.run(['msg', 'post', '1006314', '--text', '-'], { input: 'я'.repeat(4001) }), 2);
    expect(bodies(1006314)).toHaveLength(before);
  });

  it('an internal post appears as internal', () => {
    expectOk(sb.run(['msg', 'post', '1006314', '--text', 'Только для своих', '--internal']));
    expect(messages(sb, 1006314).at(-1)).toMatchObject({ visibility: 'internal', body: 'Только для своих' });
  });

  it('a multi-line text is stored exactly', () => {
    const text = 'Первая строка\nвторая строка\n\n  с отступом\tи табуляцией';
    expectOk(sb.run(['msg', 'post', '1006314', '--text', text]));
    expect(messages(sb, 1006314).at(-1).body).toBe(text);
  });

  it('a text with ESC sequences is stored exactly, but never reaches the terminal raw', () => {
    const text = `clear ${ESC}[2J${ESC}]0;pwned\u0007 title ${ESC}[31mred${ESC}[0m`;
    expectOk(sb.run(['msg', 'post', '1006314', '--text', text]));
    const list = sb.run(['msg', 'list', '1006314', '--json']);
    expectOk(list);
    expect(json(list).at(-1).body).toBe(text);
    const table = sb.run(['msg', 'list', '1006314']);
    expectOk(table);
    expect(table.stdout).not.toContain(ESC);
    expect(table.stdout).not.toContain('\u0007');
    expect(table.stdout).toContain('pwned');
    const view = sb.run(['orders', 'show', '1006314']);
    expectOk(view);
    expect(view.stdout).not.toContain(ESC);
  });

  it('--text - reads stdin exactly', () => {
    const input = 'из stdin\n  вторая строка\nпоследняя\n';
    const r = sb.run(['msg', 'post', '1006314', '--text', '-'], { input });
    expectOk(r);
    expect(messages(sb, 1006314).at(-1).body).toBe(input);
  });

  it('--text - with an empty stdin → 2', () => {
    const before = bodies(1006314).length;
    expectFailure(sb.run(['msg', 'post', '1006314', '--text', '-'], { input: '' }), 2);
    expect(bodies(1006314)).toHaveLength(before);
  });

  it('an empty text → 2', () => {
    expectFailure(sb.run(['msg', 'post', '1006314', '--text', '']), 2);
    expectFailure(sb.run(['msg', 'post', '1006314', '--text', '   ']), 2);
  });

  it('no --text off a TTY → 2 naming --text', () => {
    expectFailure(sb.run(['msg', 'post', '1006314'], { input: 'hello\n' }), 2, '--text');
  });

  it('a guest may post a public message on their own order', () => {
    expectOk(sb.run(['msg', 'post', '1006314', '--text', 'Буду в 10:15', '--as', 'ivanova']));
    expect(messages(sb, 1006314).at(-1)).toMatchObject({ visibility: 'public', body: 'Буду в 10:15', author: { login: 'ivanova' } });
  });

  it('a guest may not post an internal message → 4', () => {
    const before = bodies(1006314).length;
    expectFailure(sb.run(['msg', 'post', '1006314', '--text', 'secret', '--internal', '--as', 'ivanova']), 4);
    expect(bodies(1006314)).toHaveLength(before);
  });

  it("a guest may not post on someone else's order → 4", () => {
    const before = bodies(1006313).length;
    expectFailure(sb.run(['msg', 'post', '1006313', '--text', 'hi', '--as', 'ivanova']), 4);
    expect(bodies(1006313)).toHaveLength(before);
  });

  it('manager2 (not responsible for coworking-2) may not post on 1006314 → 4', () => {
    expectFailure(sb.run(['msg', 'post', '1006314', '--text', 'hi', '--as', 'manager2']), 4);
    expectFailure(sb.run(['msg', 'post', '1006314', '--text', 'hi', '--internal', '--as', 'manager2']), 4);
  });

  it('an unknown order → 5', () => {
    expectFailure(sb.run(['msg', 'post', '1999999', '--text', 'hi']), 5);
  });

  it('guests do not see internal messages in msg list, nor in orders show', () => {
    expectOk(sb.run(['msg', 'post', '1006314', '--text', 'Внутренняя пометка', '--internal']));
    expectOk(sb.run(['msg', 'post', '1006314', '--text', 'Спасибо!', '--as', 'ivanova']));
    const staff = messages(sb, 1006314, 'manager');
    expect(staff.some((m: J) => m.visibility === 'internal' && m.body === 'Внутренняя пометка')).toBe(true);
    const guest = messages(sb, 1006314, 'ivanova');
    expect(guest.length).toBeGreaterThan(0);
    expect(guest.filter((m: J) => m.visibility === 'internal')).toEqual([]);
    expect(guest.map((m: J) => m.body)).not.toContain('Внутренняя пометка');
    expect(guest.map((m: J) => m.body)).toContain('Спасибо!');
    const text = sb.run(['msg', 'list', '1006314', '--as', 'ivanova']);
    expectOk(text);
    expect(text.stdout).not.toContain('Внутренняя пометка');
    expect(text.stdout).not.toContain('Постоянный гость'); // the demo's internal message
    expect(text.stdout).toContain('Спасибо!');
    const view = show(sb, 1006314, 'ivanova');
    expect(view.messages.filter((m: J) => m.visibility === 'internal')).toEqual([]);
    const viewText = sb.run(['orders', 'show', '1006314', '--as', 'ivanova']);
    expectOk(viewText);
    expect(viewText.stdout).not.toContain('Внутренняя пометка');
    expect(viewText.stdout).not.toContain('Постоянный гость');
  });

  it('--json prints the posted message', () => {
    const r = sb.run(['msg', 'post', '1006315', '--text', 'Проектор готов', '--internal', '--as', 'manager2', '--json']);
    expectOk(r);
    expect(json(r)).toMatchObject({ order: 1006315, visibility: 'internal', body: 'Проектор готов', author: { login: 'manager2' } });
  });
});

// ---------------------------------------------------------------------------------------------
describe('orders create', () => {
  const base = ['orders', 'create', '--service', 'coworking-2', '--applicant', 'troshkov', '--date', '2023-08-12'];

  it('prints only the new number on stdout', () => {
    const sb = sandbox({ seedDemo: true });
    const r = sb.run([...base, '--from', '10:00', '--to', '12:30']);
    expectOk(r);
    expect(r.stdout).toBe('1006316\n');
    const o = show(sb, 1006316);
    expect(o).toMatchObject({ number: 1006316, status: 'awaiting_payment', total: 30000 });
  });

  describe('in one database', () => {
    let sb: Sandbox;
    beforeAll(() => {
      sb = sandbox({ seedDemo: true });
    });

    it('--json gives the order: 10:00–12:30 is 3 started hours × 100 ₽, awaiting payment, a new ticket, an order_created event', () => {
      const r = sb.run([...base, '--from', '10:00', '--to', '12:30', '--json']);
      expectOk(r);
      const o = json(r);
      expect(o).toMatchObject({
        number: 1006316,
        status: 'awaiting_payment',
        service: { slug: 'coworking-2' },
        applicant: { login: 'troshkov' },
        currency: 'RUB',
        total: 30000,
        paid: 0,
        remaining: 30000,
        refundDue: 0,
        dueDate: '2023-08-12',
      });
      expect(o.lines).toHaveLength(1);
      expect(o.lines[0]).toMatchObject({ tariff: 'Стандарт', quantity: 3, unitPrice: 10000, amount: 30000 });
      expect(o.ticket).toMatchObject({ status: 'active', start: '2023-08-12T05:00:00.000Z', end: '2023-08-12T07:30:00.000Z' });
      expect(o.ticket.number).toBeGreaterThan(209);
      expect(o.payments).toEqual([]);
      const created = o.messages.filter((m: J) => m.visibility === 'system' && m.event === 'order_created');
      expect(created).toHaveLength(1);
      // And it is stored so.
      const stored = show(sb, 1006316);
      expect(stored.total).toBe(30000);
      expect(stored.ticket.number).toBe(o.ticket.number);
      const t = sb.run(['tickets', 'show', String(o.ticket.number), '--json']);
      expectOk(t);
      expect(json(t).status).toBe('active');
    });

    it('the next order gets the next number and another ticket', () => {
      const r = sb.run([...base, '--from', '10:00', '--to', '11:00', '--json']);
      expectOk(r);
      const o = json(r);
      expect(o.number).toBe(1006317);
      expect(o.total).toBe(10000);
      expect(o.ticket.number).not.toBe(show(sb, 1006316).ticket.number);
    });

    it('outside opening hours (07:00–09:00) → 6', () => {
      expectFailure(sb.run([...base, '--from', '07:00', '--to', '09:00']), 6);
      expectFailure(sb.run([...base, '--from', '21:00', '--to', '22:30']), 6);
    });

    it('over capacity on meeting-room: 13:00–15:00 overlaps 1006315 → 6; 14:00–15:00 → 0', () => {
      const mr = ['orders', 'create', '--service', 'meeting-room', '--applicant', 'troshkov', '--date', '2023-08-14'];
      expectFailure(sb.run([...mr, '--from', '13:00', '--to', '15:00']), 6);
      expectFailure(sb.run([...mr, '--from', '11:00', '--to', '12:30']), 6);
      const r = sb.run([...mr, '--from', '14:00', '--to', '15:00', '--json']);
      expectOk(r);
      expect(json(r)).toMatchObject({ total: 100000, status: 'awaiting_payment' });
      // …and now 14:00–15:00 is taken.
      expectFailure(sb.run([...mr, '--from', '14:30', '--to', '15:30']), 6);
    });

    it('a period already ended → 6', () => {
      expectFailure(sb.run(['orders', 'create', '--service', 'coworking-2', '--applicant', 'troshkov', '--date', '2023-08-11', '--from', '08:00', '--to', '10:00']), 6);
      expectFailure(sb.run(['orders', 'create', '--service', 'coworking-2', '--applicant', 'troshkov', '--date', '2023-08-10', '--from', '10:00', '--to', '12:00']), 6);
    });

    it('missing flags off a TTY → 2 naming them', () => {
      const none = sb.run(['orders', 'create']);
      expectFailure(none, 2);
      for (const f of ['--service', '--date', '--from', '--to']) expect(none.stderr).toContain(f);
      const some = sb.run(['orders', 'create', '--service', 'coworking-2', '--applicant', 'troshkov', '--date', '2023-08-12']);
      expectFailure(some, 2);
      expect(some.stderr).toContain('--from');
      expect(some.stderr).toContain('--to');
      expect(some.stderr).not.toContain('--date');
      const noApplicant = sb.run(['orders', 'create', '--service', 'coworking-2', '--date', '2023-08-12', '--from', '10:00', '--to', '11:00']);
      expectFailure(noApplicant, 2, '--applicant');
    });

    it('malformed date or time → 2', () => {
      expectFailure(sb.run(['orders', 'create', '--service', 'coworking-2', '--applicant', 'troshkov', '--date', '12.08.2023', '--from', '10:00', '--to', '11:00']), 2, '--date');
      expectFailure(sb.run([...base, '--from', '10', '--to', '11:00']), 2, '--from');
    });

    it('an unknown service → 5; an unknown applicant → 5', () => {
      expectFailure(sb.run(['orders', 'create', '--service', 'rooftop', '--applicant', 'troshkov', '--date', '2023-08-12', '--from', '10:00', '--to', '11:00']), 5);
      expectFailure(sb.run(['orders', 'create', '--service', 'coworking-2', '--applicant', 'nobody', '--date', '2023-08-12', '--from', '10:00', '--to', '11:00']), 5);
    });

    it('manager2 may not book coworking-2 → 4', () => {
      expectFailure(sb.run([...base, '--from', '10:00', '--to', '11:00', '--as', 'manager2']), 4);
    });

    it('none of the refused bookings was stored', () => {
      const r = sb.run(['orders', 'list', '--json', '--as', 'admin']);
      expectOk(r);
      expect(json(r).map((o: J) => o.number).sort()).toEqual([1006312, 1006313, 1006314, 1006315, 1006316, 1006317, 1006318]);
    });
  });

  describe('a guest booking', () => {
    let sb: Sandbox;
    beforeAll(() => {
      sb = sandbox({ seedDemo: true });
    });
    const guest = ['orders', 'create', '--as', 'troshkov', '--service', 'coworking-2', '--date', '2023-08-12', '--from', '10:00', '--to', '12:00'];

    it('coworking-2 without a prepayment → 6', () => {
      expectFailure(sb.run(guest), 6);
    });

    it('less than 30 % (59.99 of 200) → 6', () => {
      expectFailure(sb.run([...guest, '--prepay', '59.99']), 6);
    });

    it('30 % (60 of 200) → 0: a gateway payment recorded, partially paid', () => {
      const r = sb.run([...guest, '--prepay', '60', '--json']);
      expectOk(r);
      const o = json(r);
      expect(o).toMatchObject({ status: 'partially_paid', total: 20000, paid: 6000, remaining: 14000, applicant: { login: 'troshkov' } });
      expect(o.payments).toHaveLength(1);
      expect(o.payments[0]).toMatchObject({ amount: 6000, source: 'gateway' });
      const stored = show(sb, o.number, 'troshkov');
      expect(stored.status).toBe('partially_paid');
      expect(stored.payments).toHaveLength(1);
      expect(stored.payments[0]).toMatchObject({ amount: 6000, source: 'gateway' });
    });

    it('for someone else → 4', () => {
      expectFailure(sb.run([...guest, '--applicant', 'ivanova', '--prepay', '60']), 4);
    });

    it('a prepayment above the total → 6', () => {
      expectFailure(sb.run([...guest, '--prepay', '200.01']), 6);
    });

    it('a malformed --prepay → 2 naming --prepay', () => {
      expectFailure(sb.run([...guest, '--prepay', '60.001']), 2, '--prepay');
    });

    it('meeting-room (no partial payment) takes the whole amount online: 100 → 6, 2000 → 0 confirmed', () => {
      const mr = ['orders', 'create', '--as', 'troshkov', '--service', 'meeting-room', '--date', '2023-08-15', '--from', '10:00', '--to', '12:00'];
      expectFailure(sb.run([...mr, '--prepay', '100']), 6);
      const r = sb.run([...mr, '--prepay', '2000', '--json']);
      expectOk(r);
      expect(json(r)).toMatchObject({ status: 'confirmed', total: 200000, paid: 200000, remaining: 0 });
    });

    it('only the two accepted bookings were added', () => {
      const r = sb.run(['orders', 'list', '--json', '--as', 'admin']);
      expectOk(r);
      expect(json(r)).toHaveLength(6);
    });
  });
});

// ---------------------------------------------------------------------------------------------
describe('tickets check-in', () => {
  let sb: Sandbox;
  beforeAll(() => {
    sb = sandbox({ seedDemo: true });
  });
  const ticket = (n: number) => {
    const r = sb.run(['tickets', 'show', String(n), '--json']);
    expectOk(r);
    return json(r);
  };

  it('207 (confirmed, today) → 0, checked in', () => {
    expect(ticket(207).status).toBe('active');
    const r = sb.run(['tickets', 'check-in', '207']);
    expectOk(r);
    expect(r.stdout).toBe('207\n');
    expect(r.stderr).toBe('Ticket 207: checked in (Алексей Трошков).\n');
    expect(ticket(207).status).toBe('checked_in');
    expect(show(sb, 1006313).ticket.status).toBe('checked_in');
  });

  it('207 again → 6', () => {
    expectFailure(sb.run(['tickets', 'check-in', '207']), 6);
    expect(ticket(207).status).toBe('checked_in');
  });

  it('208 (order 1006314 not paid in full) → 6', () => {
    expectFailure(sb.run(['tickets', 'check-in', '208']), 6);
    expect(ticket(208).status).toBe('active');
  });

  it('an unknown ticket → 5', () => {
    expectFailure(sb.run(['tickets', 'check-in', '999']), 5);
  });

  it('209 (1006315 paid in full, but its day is 2023-08-14) → 6', () => {
    expectOk(sb.run(['pay', 'record', '1006315', '--amount', '2000']));
    expect(show(sb, 1006315).status).toBe('confirmed');
    expectFailure(sb.run(['tickets', 'check-in', '209']), 6);
    expect(ticket(209).status).toBe('active');
  });

  it("the rental day is the location's local day: 2023-08-14T20:00Z is already 2023-08-15 in Perm → 6", () => {
    expectFailure(sb.run(['tickets', 'check-in', '209'], { env: { COWORK_NOW: '2023-08-14T20:00:00Z' } }), 6);
    expect(ticket(209).status).toBe('active');
  });

  it('209 on its day, even before UTC midnight (2023-08-13T20:00Z is 2023-08-14 01:00 in Perm) → 0', () => {
    const r = sb.run(['tickets', 'check-in', '209'], { env: { COWORK_NOW: '2023-08-13T20:00:00Z' } });
    expectOk(r);
    expect(ticket(209).status).toBe('checked_in');
  });

  it('manager2 may not check in a coworking-2 ticket → 4', () => {
    const sb2 = sandbox({ seedDemo: true });
    expectFailure(sb2.run(['tickets', 'check-in', '207', '--as', 'manager2']), 4);
  });
});

// ---------------------------------------------------------------------------------------------
describe('users add', () => {
  let sb: Sandbox;
  beforeAll(() => {
    sb = sandbox({ seedDemo: true });
  });
  const users = (): J[] => {
    const r = sb.run(['users', 'list', '--json', '--as', 'admin']);
    expectOk(r);
    return json(r);
  };

  it('a manager adds a guest; the phone is stored normalised', () => {
    const r = sb.run(['users', 'add', '--login', 'walkin', '--name', 'Пётр Гостев', '--phone', '+7 (342) 254-54-55', '--role', 'guest']);
    expectOk(r);
    expect(r.stdout).toBe('walkin\n');
    const u = users().find((x) => x.login === 'walkin');
    expect(u).toMatchObject({ login: 'walkin', name: 'Пётр Гостев', role: 'guest', phone: '+73422545455' });
  });

  it('8 (342) 254-54-56 is stored +73422545456', () => {
    expectOk(sb.run(['users', 'add', '--login', 'walkin2', '--name', 'Второй Гость', '--phone', '8 (342) 254-54-56']));
    expect(users().find((x) => x.login === 'walkin2')).toMatchObject({ phone: '+73422545456', role: 'guest' });
  });

  it('the new guest can be booked for', () => {
    expectOk(sb.run(['orders', 'create', '--service', 'coworking-2', '--applicant', 'walkin', '--date', '2023-08-12', '--from', '10:00', '--to', '11:00']));
  });

  it('a manager adding a rental_manager → 4', () => {
    expectFailure(sb.run(['users', 'add', '--login', 'm3', '--name', 'M3', '--role', 'rental_manager']), 4);
    expectFailure(sb.run(['users', 'add', '--login', 'a3', '--name', 'A3', '--role', 'admin']), 4);
    expect(users().map((u) => u.login)).not.toContain('m3');
  });

  it('a guest adding anyone → 4', () => {
    expectFailure(sb.run(['users', 'add', '--login', 'g3', '--name', 'G3', '--as', 'ivanova']), 4);
  });

  it('an admin adds a rental_manager → 0', () => {
    const r = sb.run(['users', 'add', '--login', 'm3', '--name', 'Мария Третья', '--role', 'rental_manager', '--as', 'admin', '--json']);
    expectOk(r);
    expect(json(r)).toMatchObject({ login: 'm3', role: 'rental_manager' });
    expect(users().find((u) => u.login === 'm3')).toMatchObject({ role: 'rental_manager' });
  });

  it('a duplicate login → 6', () => {
    const count = users().length;
    expectFailure(sb.run(['users', 'add', '--login', 'walkin', '--name', 'Другой']), 6);
    expectFailure(sb.run(['users', 'add', '--login', 'm3', '--name', 'Другой', '--role', 'rental_manager', '--as', 'admin']), 6);
    expect(users()).toHaveLength(count);
    expect(users().find((u) => u.login === 'walkin')!.name).toBe('Пётр Гостев');
  });

  it('logins are unique whatever their case: WALKIN beside walkin → 6', () => {
    const count = users().length;
    expectFailure(sb.run(['users', 'add', '--login', 'WALKIN', '--name', 'Другой']), 6, '"walkin"');
    expectFailure(sb.run(['users', 'add', '--login', 'Manager', '--name', 'Другой', '--as', 'admin', '--json']), 6, '"code":"USER_EXISTS"');
    expect(users()).toHaveLength(count);
  });

  it('a bad phone → 2', () => {
    expectFailure(sb.run(['users', 'add', '--login', 'badphone', '--name', 'X', '--phone', 'abc']), 2, '--phone');
    expect(users().map((u) => u.login)).not.toContain('badphone');
  });

  it('a missing --login or --name, or an unknown role → 2', () => {
    expectFailure(sb.run(['users', 'add', '--name', 'X']), 2, '--login');
    expectFailure(sb.run(['users', 'add', '--login', 'x1']), 2, '--name');
    expectFailure(sb.run(['users', 'add', '--login', 'x1', '--name', 'X', '--role', 'owner']), 2);
  });
});

// ---------------------------------------------------------------------------------------------
describe('services create and set', () => {
  let sb: Sandbox;
  beforeAll(() => {
    sb = sandbox({ seedDemo: true });
  });
  const service = (slug: string): J => {
    const r = sb.run(['services', 'show', slug, '--json', '--as', 'admin']);
    expectOk(r);
    return json(r);
  };

  it('a manager may not create a service → 4', () => {
    expectFailure(sb.run(['services', 'create', '--slug', 'hall', '--name', 'Зал', '--capacity', '30', '--tariff', 'Стандарт:hour:150']), 4);
    expectFailure(sb.run(['services', 'show', 'hall', '--as', 'admin']), 5);
  });

  it('an admin creates one; the tariff price is in kopecks', () => {
    const r = sb.run(['services', 'create', '--slug', 'hall', '--name', 'Зал', '--capacity', '30', '--tariff', 'Стандарт:hour:150', '--as', 'admin']);
    expectOk(r);
    expect(r.stdout).toBe('hall\n');
    const s = service('hall');
    expect(s).toMatchObject({ slug: 'hall', name: 'Зал', capacity: 30, currency: 'RUB' });
    expect(s.tariffs).toEqual([{ name: 'Стандарт', unit: 'hour', price: 15000 }]);
  });

  it('creating it again → 6', () => {
    expectFailure(sb.run(['services', 'create', '--slug', 'hall', '--name', 'Зал 2', '--capacity', '3', '--tariff', 'Стандарт:hour:1', '--as', 'admin']), 6);
    expect(service('hall').name).toBe('Зал');
  });

  it('set --capacity 5 keeps every other setting', () => {
    const before = service('coworking-2');
    const r = sb.run(['services', 'set', 'coworking-2', '--capacity', '5', '--as', 'admin']);
    expectOk(r);
    const after = service('coworking-2');
    expect(after.capacity).toBe(5);
    expect(after).toEqual({ ...before, capacity: 5 });
  });

  it('set on meeting-room keeps both managers and no partial payment', () => {
    const before = service('meeting-room');
    expectOk(sb.run(['services', 'set', 'meeting-room', '--capacity', '2', '--as', 'admin']));
    expect(service('meeting-room')).toEqual({ ...before, capacity: 2 });
  });

  it('new tariffs price new bookings only: existing orders keep their lines and totals', async () => {
    const before = await snapshot(sb);
    expectOk(sb.run(['services', 'set', 'coworking-2', '--tariff', 'Почасовой:hour:150', 'День:day:1000', '--as', 'admin']));
    const after = await snapshot(sb);
    for (const n of DEMO_ORDERS) expect(after[`order ${n}`]).toEqual(before[`order ${n}`]);
    expect(after.orders).toEqual(before.orders);
    expect(service('coworking-2').tariffs).toEqual([
      { name: 'Почасовой', unit: 'hour', price: 15000 },
      { name: 'День', unit: 'day', price: 100000 },
    ]);
    const hourly = sb.run(['orders', 'create', '--service', 'coworking-2', '--applicant', 'troshkov', '--date', '2023-08-12', '--from', '10:00', '--to', '12:30', '--json']);
    expectOk(hourly);
    expect(json(hourly)).toMatchObject({ total: 45000, lines: [{ tariff: 'Почасовой', quantity: 3, unitPrice: 15000, amount: 45000 }] });
    const daily = sb.run(['orders', 'create', '--service', 'coworking-2', '--applicant', 'troshkov', '--date', '2023-08-12', '--from', '10:00', '--to', '12:30', '--tariff', 'День', '--json']);
    expectOk(daily);
    expect(json(daily)).toMatchObject({ total: 100000, lines: [{ tariff: 'День', quantity: 1, unitPrice: 100000 }] });
    // The demo order still takes its remainder at its own price.
    expectOk(sb.run(['pay', 'record', '1006314', '--amount', '700']));
    expect(show(sb, 1006314)).toMatchObject({ status: 'confirmed', total: 100000 });
  });

  it('a responsible manager who is not a rental manager → 6 (MANAGER_NOT_ELIGIBLE), nothing written', () => {
    const args = ['services', 'create', '--slug', 'lounge', '--name', 'Лаунж', '--capacity', '3', '--tariff', 'Стандарт:hour:100', '--as', 'admin', '--json'];
    expectFailure(sb.run([...args, '--manager', 'troshkov']), 6, '"code":"MANAGER_NOT_ELIGIBLE"');
    expectFailure(sb.run(['services', 'show', 'lounge', '--as', 'admin']), 5);
    expectFailure(sb.run(['services', 'set', 'coworking-2', '--add-manager', 'admin', '--as', 'admin']), 6);
    expect(service('coworking-2').managers).toEqual(['manager']);
  });

  it('a manager may not change a service → 4', () => {
    expectFailure(sb.run(['services', 'set', 'coworking-2', '--capacity', '7']), 4);
    expect(service('coworking-2').capacity).toBe(5);
  });

  it('an unknown service → 5', () => {
    expectFailure(sb.run(['services', 'set', 'rooftop', '--capacity', '7', '--as', 'admin']), 5);
  });

  it('a free service: a booking with a total of 0 is confirmed at once (rule 2), and takes no payment', () => {
    expectOk(sb.run(['services', 'create', '--slug', 'free', '--name', 'Бесплатно', '--capacity', '2', '--tariff', 'Free:hour:0', '--manager', 'manager', '--as', 'admin']));
    const r = sb.run(['orders', 'create', '--service', 'free', '--applicant', 'troshkov', '--date', '2023-08-12', '--from', '10:00', '--to', '11:00', '--json']);
    expectOk(r);
    const o = json(r);
    expect(o).toMatchObject({ status: 'confirmed', total: 0, paid: 0, remaining: 0 });
    expectFailure(sb.run(['pay', 'record', String(o.number), '--amount', '1']), 6);
  });
});

describe('refusals in the operator’s language', () => {
  const sb = sandbox({ seedDemo: true });

  it('--lang ru explains the floor in Russian, with the figures; the code stays the same', () => {
    const r = sb.run(['--lang', 'ru', 'pay', 'record', '1006314', '--amount', '650,01']);
    expect(r.code).toBe(6);
    expect(r.stderr).toBe('cowork: после оплаты 650,01 ₽ остаток к оплате составит 49,99 ₽, а он не должен быть менее 50 ₽: проведите от 0,01 ₽ до 650 ₽ или ровно 700 ₽\n');
    const j = sb.run(['--lang', 'ru', 'pay', 'record', '1006315', '--amount', '100', '--json']);
    expect(JSON.parse(j.stderr).error).toEqual({ code: 'PARTIAL_PAYMENT_NOT_ALLOWED', message: 'услуга не допускает частичной оплаты: можно провести только весь остаток, 2\u00a0000 ₽' });
  });

  it('in English by default', () => {
    const r = sb.run(['pay', 'record', '1006314', '--amount', '650,01']);
    expect(r.stderr).toBe('cowork: after 650.01 ₽ the remaining balance would be 49.99 ₽, less than the minimum of 50 ₽: pay 0.01 ₽ to 650 ₽, or exactly 700 ₽\n');
  });
});
