/**
 * `pay refund`, `pay reverse`, `orders cancel --keep`, `pay list`'s filters and `pay report` as a
 * script calls them, in process over a demo store: every malformed value is a usage error naming
 * its flag, every refusal changes nothing, the words come in both languages, and the output rule
 * holds (the new entry's id on stdout, the sentence on stderr).
 */
import { describe, expect, it } from 'vitest';
import { expectFailure, expectOk, expectRefused, inProcess, parseJson, type J } from '../helpers/main.js';
import { argv } from '../helpers/argv.js';

describe('malformed values are usage errors naming the flag, and change nothing', () => {
  it.each([
    [['pay', 'refund', '1006316', '--amount', '0'], '--amount'],
    [['pay', 'refund', '1006316', '--amount', '10.005'], '--amount'],
    [['pay', 'refund', '1006316', '--amount', '50', '--idempotency-key', ''], '--idempotency-key'],
    [['pay', 'refund', '1006316', '--amount', '50', '--reference', ' '], '--reference'],
    [['pay', 'refund', '1006316', '--amount', '50', '--method', 'bitcoin'], '--method'],
    [['pay', 'refund', '1006316'], '--amount'],
    [['pay', 'record', '1006314', '--amount', '50', '--reference', ''], '--reference'],
    [['pay', 'reverse', 'x', '--yes'], 'payment'],
    [['pay', 'reverse', '6'], '--yes'],
    [['orders', 'cancel', '1006314', '--keep', '-5', '--yes'], '--keep'],
    [
      [
        'orders',
        'create',
        '--service',
        'coworking-2',
        '--applicant',
        'petrov',
        '--date',
        '2023-08-20',
        '--from',
        '10:00',
        '--to',
        '11:00',
        '--idempotency-key',
        '',
      ],
      '--idempotency-key',
    ],
    [
      argv('orders create --service coworking-2 --applicant petrov --date 2023-08-20 --from 10:00 --to 11:00 --payment-id x'),
      '--payment-id',
    ],
    [['pay', 'list', '--from', 'someday'], '--from'],
    [['pay', 'list', '--kind', 'gift'], '--kind'],
    [['pay', 'list', '--limit', '0'], '--limit'],
    [['pay', 'report', '--by', 'color'], '--by'],
    [['pay', 'report', '--date', 'today', '--from', 'yesterday'], '--date'],
    [['orders', 'list', '--to', '2023-13-01'], '--to'],
  ])('%j → 2, naming %s', async (argv, flag) => {
    const cli = await inProcess();
    const r = await expectRefused(cli, argv, 2);
    expect(r.stderr).toContain(flag);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('pay refund', () => {
  it('gives back part of what is due: the refund’s id on stdout, what is left due on stderr', async () => {
    const cli = await inProcess();
    const r = expectOk(
      await cli.run([
        'pay',
        'refund',
        '1006316',
        '--amount',
        '100',
        '--method',
        'transfer',
        '--reason',
        'остаток',
        '--reference',
        'п/п 17',
      ]),
    );
    const order: J = await cli.json(['orders', 'show', '1006316']);
    const refund = order.payments.at(-1);
    expect(r.stdout).toBe(`${refund.id}\n`);
    expect(refund).toMatchObject({
      kind: 'refund',
      amount: 10000,
      method: 'transfer',
      reason: 'остаток',
      reference: 'п/п 17',
      source: 'manager',
    });
    expect(r.stderr).toBe('Order 1006316: refund of 100 ₽ (bank transfer) recorded. 150 ₽ more is due for refund.\n');
    expect(order).toMatchObject({ status: 'cancelled', paid: 25000, kept: 10000, refundDue: 15000 });
  });

  it('more than is due is refused (6) with the amounts, in both languages; nothing changes', async () => {
    const cli = await inProcess();
    await expectRefused(cli, ['pay', 'refund', '1006316', '--amount', '250.01'], 6, {
      mentions: '250.01 ₽ is more than is due for refund (250 ₽)',
    });
    await expectRefused(cli, ['pay', 'refund', '1006316', '--amount', '250.01', '--lang', 'ru'], 6, {
      mentions: '250,01 ₽ больше суммы к возврату (250 ₽)',
    });
    const r = await expectRefused(cli, ['pay', 'refund', '1006314', '--amount', '1', '--json'], 6);
    expect(JSON.parse(r.stderr)).toMatchObject({ error: { code: 'NOTHING_TO_REFUND' } });
  });

  it('--json gives the refund, whether it was replayed, and the order', async () => {
    const cli = await inProcess();
    const argv = ['pay', 'refund', '1006312', '--amount', '150', '--idempotency-key', 'r-1', '--json'];
    const first = parseJson(expectOk(await cli.run(argv)));
    const again = parseJson(expectOk(await cli.run(argv)));
    expect(first).toMatchObject({ replayed: false, payment: { kind: 'refund', idempotencyKey: 'r-1' }, order: { refundDue: 0 } });
    expect(again).toMatchObject({ replayed: true, payment: { id: first.payment.id } });
  });
});

describe('pay reverse', () => {
  it('reverses a desk payment with --yes: the reversal’s id on stdout, the order back to awaiting payment', async () => {
    const cli = await inProcess();
    const paid = parseJson(expectOk(await cli.run(['pay', 'record', '1006315', '--amount', '2000', '--as', 'manager2', '--json'])));
    expect(paid.order.status).toBe('confirmed');
    const r = expectOk(await cli.run(['--yes', 'pay', 'reverse', paid.payment.id, '--reason', 'не та сумма', '--as', 'manager2']));
    const order: J = await cli.json(['orders', 'show', '1006315', '--as', 'manager2']);
    const reversal = order.payments.at(-1);
    expect(r.stdout).toBe(`${reversal.id}\n`);
    expect(reversal).toMatchObject({ kind: 'reversal', reverses: paid.payment.id, amount: 200000, reason: 'не та сумма' });
    expect(order.payments.find((p: J) => p.id === paid.payment.id).reversedBy).toBe(reversal.id);
    expect(order).toMatchObject({ status: 'awaiting_payment', paid: 0, remaining: 200000 });
    await expectRefused(cli, ['--yes', 'pay', 'reverse', paid.payment.id, '--as', 'manager2'], 6, { mentions: 'already reversed' });
  });

  it('a gateway payment is refused (6) and the words say to refund it; an unknown id is 5', async () => {
    const cli = await inProcess();
    const [gw] = (await cli.json(['pay', 'list', '--order', '1006313'])) as J[];
    await expectRefused(cli, ['--yes', 'pay', 'reverse', gw.id], 6, { mentions: 'cowork pay refund' });
    await expectRefused(cli, ['--yes', 'pay', 'reverse', gw.id, '--lang', 'ru'], 6, { mentions: 'возвращают' });
    await expectRefused(cli, ['--yes', 'pay', 'reverse', '999999'], 5, { mentions: 'payment 999999 not found' });
  });

  it('an entry of another service reads as unknown to a manager who may not see it (5, rule 8a)', async () => {
    const cli = await inProcess();
    const [gw] = (await cli.json(['pay', 'list', '--order', '1006313'])) as J[];
    await expectRefused(cli, ['--yes', 'pay', 'reverse', gw.id, '--as', 'manager2'], 5, { mentions: `payment ${gw.id} not found` });
  });
});

describe('orders cancel --keep', () => {
  it('keeps the fee and says what is due for refund', async () => {
    const cli = await inProcess();
    const r = expectOk(await cli.run(['--yes', 'orders', 'cancel', '1006314', '--keep', '100']));
    expect(r.stderr).toBe('Order 1006314 cancelled, and its ticket 208. 100 ₽ kept as a cancellation fee. 200 ₽ is due for refund.\n');
    expect(await cli.json(['orders', 'show', '1006314'])).toMatchObject({ kept: 10000, refundDue: 20000, paid: 30000 });
  });
  it('more than was paid is refused (6)', async () => {
    const cli = await inProcess();
    await expectRefused(cli, ['--yes', 'orders', 'cancel', '1006314', '--keep', '300.01'], 6, { mentions: 'more than was paid' });
  });
});

describe('orders list --refund-due', () => {
  it('lists the orders with money to give back, and the table shows how much', async () => {
    const cli = await inProcess();
    const due: J[] = await cli.json(['orders', 'list', '--refund-due', '--as', 'admin']);
    expect(due.map((o) => [o.number, o.refundDue])).toEqual([
      [1006316, 25000],
      [1006312, 15000],
    ]);
    const r = expectOk(await cli.run(['orders', 'list', '--refund-due', '--as', 'admin']));
    expect(r.stdout.split('\n')[0]!.split('\t').at(-1)).toBe('250 ₽');
  });
});

describe('pay list and pay report', () => {
  it('filters by day, method, kind and recorder; the table’s totals go to stderr', async () => {
    const cli = await inProcess();
    const all: J[] = await cli.json(['pay', 'list', '--as', 'admin']);
    // Oldest first, by the time of each entry.
    expect(all.map((p) => [p.order, p.kind])).toEqual([
      [1006312, 'payment'],
      [1006316, 'payment'],
      [1006317, 'payment'],
      [1006317, 'reversal'],
      [1006316, 'refund'],
      [1006313, 'payment'],
      [1006314, 'payment'],
    ]);
    expect((await cli.json(['pay', 'list', '--kind', 'refund', '--as', 'admin'])).map((p: J) => p.order)).toEqual([1006316]);
    expect((await cli.json(['pay', 'list', '--from', 'yesterday', '--to', 'yesterday', '--as', 'admin'])).map((p: J) => p.order)).toEqual([
      1006312,
    ]);
    expect((await cli.json(['pay', 'list', '--recorded-by', 'me', '--as', 'manager2'])).map((p: J) => p.kind)).toEqual([
      'payment',
      'reversal',
    ]);
    expect((await cli.json(['pay', 'list', '--method', 'cash', '--as', 'admin'])).map((p: J) => p.order)).toEqual([1006316, 1006316]);
    expect(await cli.json(['pay', 'list', '--limit', '2', '--as', 'admin'])).toHaveLength(2);
    const table = expectOk(await cli.run(['pay', 'list', '--from', 'today', '--as', 'admin']));
    expect(table.stderr).toBe('6 entries: in 2,200 ₽, refunded 150 ₽, reversed 1,000 ₽, net 1,050 ₽\n');
  });

  it('the report of a day: rows by method and source, the totals and the drawer', async () => {
    const cli = await inProcess();
    const report: J = await cli.json(['pay', 'report', '--as', 'admin']);
    expect(report).toMatchObject({ from: '2023-08-11', to: '2023-08-11', by: 'method', currency: 'RUB' });
    expect(report.totals).toEqual({ in: 220000, out: 15000, reversed: 100000, net: 105000, entries: 6 });
    expect(report.drawer).toBe(50000 - 15000);
    const ru = expectOk(await cli.run(['pay', 'report', '--as', 'admin', '--lang', 'ru']));
    // Russian groups thousands with a no-break space.
    expect(ru.stderr.replace(/\u00a0/g, ' ')).toBe(
      '11 августа 2023 г.: поступило 2 200 ₽, возвращено 150 ₽, сторнировано 1 000 ₽, итого 1 050 ₽ (записей: 6). Наличных в кассе: 350 ₽.\n',
    );
    const csv = expectOk(await cli.run(['pay', 'report', '--by', 'manager', '--format', 'csv', '--as', 'admin']));
    expect(csv.stdout.split('\r\n')[0]).toBe('method,source,manager,service,currency,in,out,reversed,net,entries');
  });

  it('a guest may not see the takings (4)', async () => {
    const cli = await inProcess();
    expectFailure(await cli.run(['pay', 'report', '--as', 'petrov']), 4);
  });
});
