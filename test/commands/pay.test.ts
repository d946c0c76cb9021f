/**
 * `pay record` as a script calls it, in process: argv through main() over a demo store (SQLite in
 * memory, or PostgreSQL on a PostgreSQL run), never a terminal, the tests' clock (2023-08-11 13:40
 * in Perm). The exit code, stdout and stderr are checked, and every refusal is checked to leave
 * every row of every table as it was (rule 8).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { expectFailure, expectOk, expectRefused, inProcess, parseJson, type InProcess, type J } from '../helpers/main.js';

const show = (cli: InProcess, n: number, as = 'admin'): Promise<J> => cli.json(['orders', 'show', String(n), '--as', as]);
const payments = (cli: InProcess): Promise<J[]> => cli.json(['pay', 'list', '--as', 'admin']);

describe('pay record: amounts as people type them', () => {
  it.each([
    ['150', 15000],
    ['150.50', 15050],
    ['150,50', 15050],
    ['150.5', 15050],
  ])('--amount %s is recorded as %i kopecks', async (text, kopecks) => {
    const cli = await inProcess();
    const r = expectOk(await cli.run(['pay', 'record', '1006314', '--amount', text]));
    const o = await show(cli, 1006314);
    expect(o.paid).toBe(30000 + kopecks);
    expect(o.remaining).toBe(70000 - kopecks);
    expect(o.status).toBe('partially_paid');
    const last = o.payments.at(-1);
    expect(last).toMatchObject({ amount: kopecks, currency: 'RUB', method: 'cash', source: 'manager', externalId: null });
    expect(last.recordedBy.login).toBe('manager');
    expect(o.payments).toHaveLength(2);
    // The output rule: the new payment's id on stdout, the sentence on stderr.
    expect(r.stdout).toBe(`${last.id}\n`);
    expect(r.stderr).toMatch(/^Order 1006314: payment of .* \(cash\) recorded\. Paid .* of 1,000 ₽, .* left to pay\.\n$/);
    // The desk payment writes its system message.
    expect(o.messages.filter((m: J) => m.event === 'payment_recorded')).toHaveLength(1);
  });

  it('--method card is kept', async () => {
    const cli = await inProcess();
    expectOk(await cli.run(['pay', 'record', '1006314', '--amount', '100', '--method', 'card']));
    expect((await show(cli, 1006314)).payments.at(-1)).toMatchObject({ amount: 10000, method: 'card', source: 'manager' });
  });
});

describe('pay record: malformed amounts and refusals (nothing written)', () => {
  let cli: InProcess;
  beforeAll(async () => {
    cli = await inProcess();
  });

  it.each(['0', '-1', '10.005', '1e3', 'abc', '0.00', '', '1 000'])('--amount "%s" is a usage error (2) naming --amount', async (text) => {
    await expectRefused(cli, ['pay', 'record', '1006314', '--amount', text], 2, { mentions: '--amount' });
  });

  it('--amount=-1 (attached form) is a usage error too', async () => {
    await expectRefused(cli, ['pay', 'record', '1006314', '--amount=-1'], 2, { mentions: '--amount' });
  });

  it('missing --amount off a TTY is a usage error naming --amount, with no prompt', async () => {
    const r = await expectRefused(cli, ['pay', 'record', '1006314'], 2, { input: '650\n', mentions: '--amount' });
    expect(r.stderr).toBe('cowork: --amount is required (no prompt: input is not a terminal or is disabled)\n');
  });

  it.each([
    [
      'more than the remaining balance: 701 on 1006314',
      ['1006314', '--amount', '701'],
      'cowork: 701 ₽ is more than the remaining balance of 700 ₽\n',
    ],
    ['the 50 ₽ floor: 650.01 on 1006314 would leave 49.99', ['1006314', '--amount', '650.01'], /49\.99 ₽, less than the minimum of 50 ₽/],
    ['699.99 would leave 0.01', ['1006314', '--amount', '699.99'], /0\.01 ₽, less than the minimum of 50 ₽/],
    ['partial payment on meeting-room 1006315 (no partial payment): 100', ['1006315', '--amount', '100'], /does not allow partial payment/],
    [
      'a payment on the cancelled order 1006312',
      ['1006312', '--amount', '10'],
      'cowork: the order is cancelled: it can take no payment and no change\n',
    ],
    [
      'a payment on the confirmed order 1006313',
      ['1006313', '--amount', '1'],
      'cowork: the order is paid in full: nothing remains to pay\n',
    ],
  ] as [string, string[], string | RegExp][])('%s → 6', async (_what, args, says) => {
    const r = await expectRefused(cli, ['pay', 'record', ...args], 6);
    if (typeof says === 'string') expect(r.stderr).toBe(says);
    else expect(r.stderr).toMatch(says);
  });

  it('under --json the refusal is {"error":{"code":"REMAINING_BELOW_MINIMUM",…}} on stderr', async () => {
    const r = await expectRefused(cli, ['pay', 'record', '1006314', '--amount', '650.01', '--json'], 6);
    const e = JSON.parse(r.stderr.trim());
    expect(Object.keys(e)).toEqual(['error']);
    expect(e.error.code).toBe('REMAINING_BELOW_MINIMUM');
    expect(typeof e.error.message).toBe('string');
    expect(e.error.message.length).toBeGreaterThan(0);
  });

  it('under --json a malformed amount is {"error":{"code":"USAGE",…}} naming --amount', async () => {
    const r = await expectRefused(cli, ['pay', 'record', '1006314', '--amount', 'abc', '--json'], 2);
    const e = JSON.parse(r.stderr.trim());
    expect(e.error.code).toBe('USAGE');
    expect(e.error.message).toContain('--amount');
  });

  it('an unknown order → 5', async () => {
    const r = await expectRefused(cli, ['pay', 'record', '1999999', '--amount', '1'], 5);
    expect(r.stderr).toBe('cowork: order 1999999 not found\n');
  });

  it('manager2 (not responsible for coworking-2): to them 1006314 does not exist → 5, the same words as an unknown order (8a)', async () => {
    const r = await expectRefused(cli, ['pay', 'record', '1006314', '--amount', '100', '--as', 'manager2'], 5);
    expect(r.stderr).toBe('cowork: order 1006314 not found\n');
  });

  it('a guest may not record a payment, even on their own order → 4', async () => {
    const r = await expectRefused(cli, ['pay', 'record', '1006314', '--amount', '100', '--as', 'ivanova'], 4);
    expect(r.stderr).toBe('cowork: a guest may not do this\n');
  });

  it('--method bitcoin → 2', async () => {
    await expectRefused(cli, ['pay', 'record', '1006314', '--amount', '100', '--method', 'bitcoin'], 2, { mentions: 'bitcoin' });
  });

  it('after all of the above, not a single payment was written', async () => {
    expect(await payments(cli)).toHaveLength(7);
    const o = await show(cli, 1006314);
    expect({ paid: o.paid, status: o.status }).toEqual({ paid: 30000, status: 'partially_paid' });
  });
});

describe('pay record: the edges of the allowed range', () => {
  it('650 on 1006314 → 0, and the remaining balance is exactly 50 ₽', async () => {
    const cli = await inProcess();
    expectOk(await cli.run(['pay', 'record', '1006314', '--amount', '650']));
    const o = await show(cli, 1006314);
    expect({ paid: o.paid, remaining: o.remaining, status: o.status }).toEqual({ paid: 95000, remaining: 5000, status: 'partially_paid' });
    // Now only the whole 50 ₽ may be paid.
    await expectRefused(cli, ['pay', 'record', '1006314', '--amount', '49.99'], 6);
    expectOk(await cli.run(['pay', 'record', '1006314', '--amount', '50']));
    expect(await show(cli, 1006314)).toMatchObject({ paid: 100000, remaining: 0, status: 'confirmed' });
  });

  it('0.01 on 1006314 → 0 (the smallest partial payment)', async () => {
    const cli = await inProcess();
    expectOk(await cli.run(['pay', 'record', '1006314', '--amount', '0.01']));
    expect(await show(cli, 1006314)).toMatchObject({ paid: 30001, remaining: 69999 });
  });

  it('700 on 1006314 → 0, and the order is confirmed', async () => {
    const cli = await inProcess();
    const r = expectOk(await cli.run(['pay', 'record', '1006314', '--amount', '700', '--json']));
    const out = parseJson(r);
    expect(out.replayed).toBe(false);
    expect(out.payment).toMatchObject({ amount: 70000, order: 1006314, source: 'manager' });
    expect(out.order).toMatchObject({ number: 1006314, status: 'confirmed', paid: 100000, remaining: 0 });
    // With --json the sentence still goes to stderr, never into the JSON.
    expect(r.stderr).toBe('Order 1006314: payment of 700 ₽ (cash) recorded. Paid 1,000 ₽ of 1,000 ₽, the order is confirmed.\n');
    expect(await show(cli, 1006314)).toMatchObject({ status: 'confirmed', paid: 100000, remaining: 0 });
    // Nothing remains: one more kopeck is refused.
    await expectRefused(cli, ['pay', 'record', '1006314', '--amount', '0.01'], 6);
  });

  it('meeting-room 1006315: the whole 2000 → 0, confirmed', async () => {
    const cli = await inProcess();
    await expectRefused(cli, ['pay', 'record', '1006315', '--amount', '100'], 6);
    expectOk(await cli.run(['pay', 'record', '1006315', '--amount', '2000', '--method', 'transfer']));
    const o = await show(cli, 1006315);
    expect(o).toMatchObject({ status: 'confirmed', paid: 200000, remaining: 0 });
    expect(o.payments).toHaveLength(1);
    expect(o.payments[0]).toMatchObject({ amount: 200000, method: 'transfer', source: 'manager' });
  });

  it('manager2 may record on meeting-room (responsible for it)', async () => {
    const cli = await inProcess();
    expectOk(await cli.run(['pay', 'record', '1006315', '--amount', '2000', '--as', 'manager2']));
    expect((await show(cli, 1006315)).payments[0].recordedBy.login).toBe('manager2');
  });
});

describe('pay record: idempotency keys (rule 4)', () => {
  let cli: InProcess;
  let first: J;
  beforeAll(async () => {
    cli = await inProcess();
    first = await cli.json(['pay', 'record', '1006314', '--amount', '150', '--idempotency-key', 'desk-42']);
  });

  it('the first call records the payment with the key as its idempotency key, apart from gateway ids', async () => {
    expect(Object.keys(first).sort()).toEqual(['order', 'payment', 'replayed']);
    expect(first.replayed).toBe(false);
    expect(first.payment).toMatchObject({ order: 1006314, amount: 15000, externalId: null, idempotencyKey: 'desk-42', source: 'manager' });
    expect(first.order).toMatchObject({ number: 1006314, paid: 45000 });
    expect(await payments(cli)).toHaveLength(8);
  });

  it('the same key, order and amount: exit 0, the same payment, replayed, nothing written', async () => {
    const r = expectOk(await cli.run(['pay', 'record', '1006314', '--amount', '150', '--idempotency-key', 'desk-42', '--json']));
    const again = parseJson(r);
    expect(again.replayed).toBe(true);
    expect(again.payment.id).toBe(first.payment.id);
    expect(again.payment).toEqual(first.payment);
    expect(again.order.paid).toBe(45000);
    expect(r.stderr).toBe('Already recorded with key desk-42 on order 1006314: nothing written.\n');
    expect(await payments(cli)).toHaveLength(8);
    expect((await show(cli, 1006314)).paid).toBe(45000);
  });

  it('the same key typed as 150,00 is the same amount: replayed', async () => {
    expect(await cli.json(['pay', 'record', '1006314', '--amount', '150,00', '--idempotency-key', 'desk-42'])).toMatchObject({
      replayed: true,
      payment: { id: first.payment.id },
    });
  });

  it('the same key without --json: exit 0, the first payment id on stdout, stderr says nothing was written', async () => {
    const r = expectOk(await cli.run(['pay', 'record', '1006314', '--amount', '150', '--idempotency-key', 'desk-42']));
    expect(r.stdout).toBe(`${first.payment.id}\n`);
    expect(r.stderr).toMatch(/nothing written/i);
    expect(await payments(cli)).toHaveLength(8);
  });

  it('the same key with another amount → 7, nothing written', async () => {
    const r = await expectRefused(cli, ['pay', 'record', '1006314', '--amount', '151', '--idempotency-key', 'desk-42'], 7);
    expect(r.stderr).toBe('cowork: the key "desk-42" was already used with other values (another order, kind, amount or method)\n');
  });

  it('the same key on another order → 7, nothing written', async () => {
    await expectRefused(cli, ['pay', 'record', '1006315', '--amount', '2000', '--idempotency-key', 'desk-42'], 7);
  });

  it('a conflict under --json is {"error":{"code":"CONFLICT",…}}', async () => {
    const r = await expectRefused(cli, ['pay', 'record', '1006314', '--amount', '151', '--idempotency-key', 'desk-42', '--json'], 7);
    expect(JSON.parse(r.stderr.trim()).error.code).toBe('CONFLICT');
  });

  it('a blank key → 2', async () => {
    await expectRefused(cli, ['pay', 'record', '1006314', '--amount', '150', '--idempotency-key', '  '], 2, {
      mentions: '--idempotency-key',
    });
  });

  it('keys do not expire: a retry after the order was paid in full still returns the first payment', async () => {
    const cli2 = await inProcess();
    const a = await cli2.json(['pay', 'record', '1006314', '--amount', '700', '--idempotency-key', 'full-1']);
    const b = await cli2.json(['pay', 'record', '1006314', '--amount', '700', '--idempotency-key', 'full-1']);
    expect(b).toMatchObject({ replayed: true, payment: { id: a.payment.id } });
    expect(await payments(cli2)).toHaveLength(8);
  });
});

describe('pay record: refusals in the operator’s language', () => {
  let cli: InProcess;
  beforeAll(async () => {
    cli = await inProcess();
  });

  it('--lang ru explains the floor in Russian, with the figures; the code stays the same', async () => {
    const r = await expectRefused(cli, ['--lang', 'ru', 'pay', 'record', '1006314', '--amount', '650,01'], 6);
    expect(r.stderr).toBe(
      'cowork: после оплаты 650,01 ₽ остаток к оплате составит 49,99 ₽, а он не должен быть менее 50 ₽: проведите от 0,01 ₽ до 650 ₽ или ровно 700 ₽\n',
    );
    const j = await expectRefused(cli, ['--lang', 'ru', 'pay', 'record', '1006315', '--amount', '100', '--json'], 6);
    expect(JSON.parse(j.stderr).error).toEqual({
      code: 'PARTIAL_PAYMENT_NOT_ALLOWED',
      message: 'услуга не допускает частичной оплаты: можно провести только весь остаток, 2\u00a0000 ₽',
    });
  });

  it('in English by default', async () => {
    const r = await expectRefused(cli, ['pay', 'record', '1006314', '--amount', '650,01'], 6);
    expect(r.stderr).toBe(
      'cowork: after 650.01 ₽ the remaining balance would be 49.99 ₽, less than the minimum of 50 ₽: pay 0.01 ₽ to 650 ₽, or exactly 700 ₽\n',
    );
  });
});

describe('pay list', () => {
  let cli: InProcess;
  beforeAll(async () => {
    cli = await inProcess();
  });

  it('an admin lists every entry, oldest first (by its time, whatever the order it was recorded in), refunds and reversals too; --order and --source narrow it', async () => {
    const all = await payments(cli);
    expect(all.map((p: J) => [p.order, p.kind, p.amount])).toEqual([
      [1006312, 'payment', 15000],
      [1006316, 'payment', 50000],
      [1006317, 'payment', 100000],
      [1006317, 'reversal', 100000],
      [1006316, 'refund', 15000],
      [1006313, 'payment', 40000],
      [1006314, 'payment', 30000],
    ]);
    const times = all.map((p: J) => String(p.createdAt));
    expect(times).toEqual([...times].sort());
    expect((await cli.json(['pay', 'list', '--order', '1006313'])).map((p: J) => p.amount)).toEqual([40000]);
    const gateway = await cli.json(['pay', 'list', '--source', 'gateway', '--as', 'admin']);
    expect(gateway.length).toBeGreaterThan(0);
    expect(gateway.every((p: J) => p.source === 'gateway')).toBe(true);
  });

  it('a guest lists the payments of their own orders only; manager2 those of meeting-room (1006317’s payment and its reversal)', async () => {
    const mine = await cli.json(['pay', 'list', '--as', 'ivanova']);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((p: J) => [1006314, 1006312].includes(p.order))).toBe(true);
    const room = await cli.json(['pay', 'list', '--as', 'manager2']);
    expect(room.map((p: J) => [p.order, p.kind, p.amount, p.source, p.recordedBy.login])).toEqual([
      [1006317, 'payment', 100000, 'manager', 'manager2'],
      [1006317, 'reversal', 100000, 'manager', 'manager2'],
    ]);
    expect(room[1].reverses).toBe(room[0].id);
    expect(room[0].reversedBy).toBe(room[1].id);
  });

  it('--order of an order the operator may not see reads as one that does not exist (8a)', async () => {
    const hidden = await cli.run(['pay', 'list', '--order', '1006313', '--as', 'manager2']);
    const missing = await cli.run(['pay', 'list', '--order', '1999999', '--as', 'manager2']);
    expectFailure(hidden, 5);
    expect(hidden.stderr).toBe('cowork: order 1006313 not found\n');
    expect(missing.stderr).toBe('cowork: order 1999999 not found\n');
  });
});
