/**
 * `orders list|show|create|assign|cancel` in process: argv through main() over a demo store, never
 * a terminal, the tests' clock (2023-08-11 13:40 in Perm, UTC+5). Exit codes, stdout and stderr as
 * a script sees them; every refusal leaves every table as it was (rule 8).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { expectFailure, expectOk, expectRefused, inProcess, parseJson, type InProcess, type J } from '../helpers/main.js';
import { argv } from '../helpers/argv.js';

const show = (cli: InProcess, n: number, as = 'admin'): Promise<J> => cli.json(['orders', 'show', String(n), '--as', as]);
const messages = (cli: InProcess, n: number, as = 'admin'): Promise<J[]> => cli.json(['msg', 'list', String(n), '--as', as]);
const numbers = async (cli: InProcess, ...args: string[]): Promise<number[]> =>
  (await cli.json(['orders', 'list', ...args])).map((o: J) => o.number);

const ORDER_KEYS = [
  'number',
  'status',
  'createdAt',
  'service',
  'assignee',
  'applicant',
  'ticket',
  'lines',
  'currency',
  'total',
  'paid',
  'remaining',
  'kept',
  'refundDue',
  'dueDate',
];

// ---------------------------------------------------------------------------------------------
describe('orders list', () => {
  let cli: InProcess;
  beforeAll(async () => {
    cli = await inProcess();
  });

  it('piped: 6 tab-separated lines, newest first, nothing on stderr', async () => {
    const r = expectOk(await cli.run(['orders', 'list']));
    expect(r.stderr).toBe('');
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(6);
    expect(lines.map((l) => l.split('\t')[0])).toEqual(['1006315', '1006314', '1006313', '1006317', '1006316', '1006312']);
    for (const l of lines) expect(l.split('\t')).toHaveLength(10);
    // The last column: the money due for refund, empty where there is none.
    expect(lines.map((l) => l.split('\t')[9])).toEqual(['', '', '', '', '250 ₽', '150 ₽']);
    const o13 = lines[2]!.split('\t');
    expect(o13).toContain('coworking-2');
    expect(o13).toContain('Confirmed');
    expect(o13).toContain('Алексей Трошков');
    expect(o13).toContain('11.08.2023 16:00–20:00');
    expect(o13).toContain('400 ₽');
  });

  it('--json: an array of the SPEC keys, without payments and messages', async () => {
    const list = await cli.json(['orders', 'list']);
    expect(Array.isArray(list)).toBe(true);
    expect(list.map((o: J) => o.number)).toEqual([1006315, 1006314, 1006313, 1006317, 1006316, 1006312]);
    for (const o of list) {
      for (const k of ORDER_KEYS) expect(o).toHaveProperty(k);
      expect(o).not.toHaveProperty('payments');
      expect(o).not.toHaveProperty('messages');
    }
    expect(list[1]).toMatchObject({
      status: 'partially_paid',
      total: 100000,
      paid: 30000,
      remaining: 70000,
      kept: 0,
      refundDue: 0,
      currency: 'RUB',
    });
    expect(list[3]).toMatchObject({ status: 'awaiting_payment', total: 100000, paid: 0, remaining: 100000, kept: 0, refundDue: 0 });
    expect(list[4]).toMatchObject({ status: 'cancelled', total: 50000, paid: 35000, remaining: 0, kept: 10000, refundDue: 25000 });
    expect(list[5]).toMatchObject({ status: 'cancelled', paid: 15000, remaining: 0, kept: 0, refundDue: 15000 });
  });

  it('--format ndjson and csv', async () => {
    const nd = expectOk(await cli.run(['orders', 'list', '--format', 'ndjson']));
    expect(
      nd.stdout
        .trimEnd()
        .split('\n')
        .map((l) => (JSON.parse(l) as { number: number }).number),
    ).toEqual([1006315, 1006314, 1006313, 1006317, 1006316, 1006312]);
    const csv = expectOk(await cli.run(['orders', 'list', '--format', 'csv']));
    const rows = csv.stdout.trimEnd().split('\r\n');
    expect(rows[0]!.split(',').slice(0, 4)).toEqual(['number', 'createdAt', 'service', 'status']);
    expect(rows).toHaveLength(7);
  });

  it('filters: --status, --service, --assignee, --from/--to', async () => {
    expect(await numbers(cli, '--status', 'confirmed')).toEqual([1006313]);
    expect(await numbers(cli, '--status', 'confirmed,cancelled')).toEqual([1006313, 1006316, 1006312]);
    expect(await numbers(cli, '--service', 'meeting-room')).toEqual([1006315, 1006317]);
    expect(await numbers(cli, '--assignee', 'none')).toEqual([1006314, 1006313, 1006317, 1006316, 1006312]);
    expect(await numbers(cli, '--from', '2023-08-12')).toEqual([1006315, 1006314, 1006317, 1006316]);
    expect(await numbers(cli, '--from', '2023-08-11', '--to', '2023-08-11')).toEqual([1006313]);
    expect(await numbers(cli, '--status', 'awaiting_payment', '--service', 'coworking-2')).toEqual([]);
  });

  it('an empty list is 0 and [] under --json', async () => {
    expect(await cli.json(['orders', 'list', '--from', '2030-01-01'])).toEqual([]);
  });

  it('--limit 2 says how many more on stderr', async () => {
    const r = expectOk(await cli.run(['orders', 'list', '--limit', '2']));
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(2);
    expect(r.stderr).toContain('4 more');
  });

  it('a guest lists only their own orders', async () => {
    expect(await numbers(cli, '--as', 'ivanova')).toEqual([1006314, 1006312]);
  });

  it('manager2 lists only meeting-room; coworking-2 reads to them as a service that does not exist (8a)', async () => {
    expect(await numbers(cli, '--as', 'manager2')).toEqual([1006315, 1006317]);
    const hidden = expectFailure(await cli.run(['orders', 'list', '--service', 'coworking-2', '--as', 'manager2']), 5);
    expect(hidden.stderr).toBe('cowork: service "coworking-2" not found\n');
  });

  it.each([
    ['malformed date', ['--from', '2023-02-30'], 2],
    ['unknown status', ['--status', 'paid'], 2],
    ['unknown format', ['--format', 'xml'], 2],
    ['--from after --to', ['--from', '2023-08-12', '--to', '2023-08-11'], 2],
    ['unknown flag', ['--bogus'], 2],
    ['unknown service filter', ['--service', 'sauna'], 5],
    ['unknown assignee filter', ['--assignee', 'nobody'], 5],
  ] as [string, string[], number][])('%s → %i, nothing on stdout, one line on stderr', async (_what, args, code) => {
    const r = expectFailure(await cli.run(['orders', 'list', ...args]), code);
    expect(r.stderr).toMatch(/^cowork: [^\n]*\n$/);
  });
});

// ---------------------------------------------------------------------------------------------
describe('orders show', () => {
  let cli: InProcess;
  beforeAll(async () => {
    cli = await inProcess();
  });

  it('--lang ru orders show 1006313 reads like the source document', async () => {
    const r = expectOk(await cli.run(['--lang', 'ru', 'orders', 'show', '1006313']));
    expect(r.stderr).toBe('');
    for (const s of [
      'Исполнитель: Не назначено',
      'Билет 207',
      'Период аренды: 11 августа 2023 г., с 16:00 до 20:00',
      'Итоговая стоимость 400 ₽',
      'Банковская карта',
      'Оплачено 400 ₽',
      'Гость локации',
      'Срок исполнения: Сегодня',
      'Система: Поступила оплата через платёжный шлюз.',
      '+7 (342) 254-54-54',
      'Подтвержден',
      'Алексей Трошков',
      '11.08.2023 13:32',
    ]) {
      expect(r.stdout).toContain(s);
    }
  });

  it('COWORK_LANG=ru speaks Russian too; the default under LANG=C is English', async () => {
    const ru = expectOk(await cli.run(['orders', 'show', '1006313'], { env: { COWORK_LANG: 'ru' } }));
    expect(ru.stdout).toContain('Подтвержден');
    const en = expectOk(await cli.run(['orders', 'show', '1006313']));
    expect(en.stdout).toContain('Confirmed');
    expect(en.stdout).toContain('Executor: Not assigned');
    expect(en.stdout).toContain('Rental period: 11 August 2023, from 16:00 to 20:00');
    expect(en.stdout).not.toContain('Подтвержден');
  });

  it('--json has the SPEC keys and values', async () => {
    const o = await cli.json(['orders', 'show', '1006313']);
    for (const k of [...ORDER_KEYS, 'payments', 'messages']) expect(o).toHaveProperty(k);
    expect(o).toMatchObject({
      number: 1006313,
      status: 'confirmed',
      createdAt: '2023-08-11T08:32:00.000Z',
      service: { slug: 'coworking-2', name: 'Коворкинг на 2 этаже', partialPayment: true },
      assignee: null,
      applicant: { login: 'troshkov', name: 'Алексей Трошков', phone: '+73422545454', role: 'guest' },
      ticket: {
        number: 207,
        status: 'active',
        visitor: { name: 'Алексей Трошков', phone: '+73422545454' },
        start: '2023-08-11T11:00:00.000Z',
        end: '2023-08-11T15:00:00.000Z',
      },
      lines: [{ description: 'Коворкинг на 2 этаже', tariff: 'Стандарт', quantity: 4, unitPrice: 10000, amount: 40000 }],
      currency: 'RUB',
      total: 40000,
      paid: 40000,
      remaining: 0,
      kept: 0,
      refundDue: 0,
      dueDate: '2023-08-11',
    });
    expect(o.payments).toHaveLength(1);
    expect(o.payments[0]).toMatchObject({
      kind: 'payment',
      amount: 40000,
      method: 'card',
      source: 'gateway',
      recordedBy: null,
      externalId: 'gw-5520417',
      idempotencyKey: null,
      reference: null,
      fee: null,
      reverses: null,
      reversedBy: null,
      warning: null,
      reason: null,
      createdAt: '2023-08-11T08:32:00.000Z',
    });
    expect(typeof o.payments[0].id).toBe('string');
    expect(o.messages).toHaveLength(1);
    expect(o.messages[0]).toMatchObject({
      visibility: 'system',
      author: null,
      event: 'payment_gateway',
      body: 'Payment received through the payment gateway.',
    });
    expect(o.messages[0]).toHaveProperty('id');
    expect(o.messages[0]).toHaveProperty('createdAt');
  });

  it('the JSON of a system message is rendered in the reader’s language', async () => {
    const o = await cli.json(['--lang', 'ru', 'orders', 'show', '1006313']);
    expect(o.messages[0].body).toBe('Поступила оплата через платёжный шлюз.');
    expect(o.messages[0].event).toBe('payment_gateway');
    expect(o.status).toBe('confirmed');
  });

  it('a guest sees their own order without internal messages; the manager responsible sees the note and the payment range', async () => {
    const o = await cli.json(['--as', 'ivanova', 'orders', 'show', '1006314']);
    expect(o.messages.map((m: J) => m.visibility)).toEqual(['system', 'public', 'public']);
    expect(JSON.stringify(o)).not.toContain('абонемент');
    const text = expectOk(await cli.run(['--as', 'ivanova', 'orders', 'show', '1006314']));
    expect(text.stdout).toContain('Остаток доплачу на ресепшене наличными.');
    expect(text.stdout).not.toContain('абонемент');
    const mgr = expectOk(await cli.run(['orders', 'show', '1006314']));
    expect(mgr.stdout).toContain('Постоянный гость: можно предложить абонемент.');
    expect(mgr.stdout).toContain('Due date: Tomorrow');
    expect(mgr.stdout).toContain('Left to pay: 700 ₽');
    expect(mgr.stdout).toContain('A payment may be 0.01 ₽ to 650 ₽, or exactly 700 ₽');
  });

  it('off a terminal the view is never coloured, nor with NO_COLOR or --no-color', async () => {
    for (const [args, env] of [
      [['orders', 'show', '1006313'], {}],
      [['orders', 'show', '1006313'], { NO_COLOR: '1' }],
      [['--no-color', 'orders', 'show', '1006312'], {}],
      [['orders', 'list'], { NO_COLOR: '1' }],
    ] as [string[], Record<string, string>][]) {
      const r = expectOk(await cli.run(args, { env }));
      expect(r.stdout.length).toBeGreaterThan(0);
      expect(r.stdout).not.toContain('\u001b');
      expect(r.stderr).not.toContain('\u001b');
    }
  });

  it('another guest’s order, and one of a service manager2 is not responsible for, read exactly as an unknown order (8a)', async () => {
    const unknown = expectFailure(await cli.run(['orders', 'show', '1999999']), 5);
    expect(unknown.stderr).toBe('cowork: order 1999999 not found\n');
    for (const [as, n] of [
      ['troshkov', 1006314],
      ['manager2', 1006313],
    ] as const) {
      const r = expectFailure(await cli.run(['--as', as, 'orders', 'show', String(n)]), 5);
      expect(r.stderr).toBe(`cowork: order ${n} not found\n`);
      const j = expectFailure(await cli.run(['--as', as, 'orders', 'show', String(n), '--json']), 5);
      expect(JSON.parse(j.stderr)).toEqual({ error: { code: 'NOT_FOUND', message: `order ${n} not found` } });
    }
  });

  it.each([
    ['malformed number', ['orders', 'show', 'abc'], 2],
    ['zero as a number', ['orders', 'show', '0'], 2],
    ['a missing number', ['orders', 'show'], 2],
  ] as [string, string[], number][])('%s → %i', async (_what, args, code) => {
    expect(expectFailure(await cli.run(args), code).stderr).toMatch(/^cowork: [^\n]*\n$/);
  });
});

// ---------------------------------------------------------------------------------------------
describe('orders create', () => {
  const base = ['orders', 'create', '--service', 'coworking-2', '--applicant', 'troshkov', '--date', '2023-08-12'];

  it('prints only the new number on stdout, the sentence on stderr', async () => {
    const cli = await inProcess();
    const r = expectOk(await cli.run([...base, '--from', '10:00', '--to', '12:30']));
    expect(r.stdout).toBe('1006318\n');
    expect(r.stderr).toBe('Order 1006318: Коворкинг на 2 этаже, 2023-08-12 10:00–12:30, 300 ₽; ticket 212.\n');
    expect(await show(cli, 1006318)).toMatchObject({ number: 1006318, status: 'awaiting_payment', total: 30000 });
  });

  describe('in one database', () => {
    let cli: InProcess;
    beforeAll(async () => {
      cli = await inProcess();
    });

    it('--json gives the order: 10:00–12:30 is 3 started hours × 100 ₽, awaiting payment, a new ticket, an order_created event', async () => {
      const o = await cli.json([...base, '--from', '10:00', '--to', '12:30']);
      expect(o).toMatchObject({
        number: 1006318,
        status: 'awaiting_payment',
        service: { slug: 'coworking-2' },
        applicant: { login: 'troshkov' },
        currency: 'RUB',
        total: 30000,
        paid: 0,
        remaining: 30000,
        kept: 0,
        refundDue: 0,
        dueDate: '2023-08-12',
      });
      expect(o.lines).toHaveLength(1);
      expect(o.lines[0]).toMatchObject({ tariff: 'Стандарт', quantity: 3, unitPrice: 10000, amount: 30000 });
      expect(o.ticket).toMatchObject({ status: 'active', start: '2023-08-12T05:00:00.000Z', end: '2023-08-12T07:30:00.000Z' });
      expect(o.ticket.number).toBeGreaterThan(211);
      expect(o.payments).toEqual([]);
      expect(o.messages.filter((m: J) => m.visibility === 'system' && m.event === 'order_created')).toHaveLength(1);
      // And it is stored so.
      const stored = await show(cli, 1006318);
      expect(stored.total).toBe(30000);
      expect(stored.ticket.number).toBe(o.ticket.number);
      expect((await cli.json(['tickets', 'show', String(o.ticket.number)])).status).toBe('active');
    });

    it('the next order gets the next number and another ticket', async () => {
      const o = await cli.json([...base, '--from', '10:00', '--to', '11:00']);
      expect(o.number).toBe(1006319);
      expect(o.total).toBe(10000);
      expect(o.ticket.number).not.toBe((await show(cli, 1006318)).ticket.number);
    });

    it('outside opening hours (07:00–09:00, 21:00–22:30) → 6', async () => {
      const r = await expectRefused(cli, [...base, '--from', '07:00', '--to', '09:00'], 6);
      expect(r.stderr).toBe('cowork: the period 07:00–09:00 is outside the opening hours 08:00–22:00\n');
      await expectRefused(cli, [...base, '--from', '21:00', '--to', '22:30'], 6);
    });

    it('over capacity on meeting-room: 13:00–15:00 overlaps 1006315 → 6; 14:00–15:00 → 0', async () => {
      const mr = ['orders', 'create', '--service', 'meeting-room', '--applicant', 'troshkov', '--date', '2023-08-14'];
      await expectRefused(cli, [...mr, '--from', '13:00', '--to', '15:00'], 6, {
        mentions: 'at the busiest moment of the period 1 is booked',
      });
      await expectRefused(cli, [...mr, '--from', '11:00', '--to', '12:30'], 6);
      expect(await cli.json([...mr, '--from', '14:00', '--to', '15:00'])).toMatchObject({ total: 100000, status: 'awaiting_payment' });
      // …and now 14:00–15:00 is taken.
      await expectRefused(cli, [...mr, '--from', '14:30', '--to', '15:30'], 6);
    });

    it('a period already ended → 6', async () => {
      const r = await expectRefused(
        cli,
        argv('orders create --service coworking-2 --applicant troshkov --date 2023-08-11 --from 08:00 --to 10:00'),
        6,
      );
      expect(r.stderr).toBe('cowork: the period 2023-08-11 08:00–10:00 has already ended\n');
      await expectRefused(
        cli,
        argv('orders create --service coworking-2 --applicant troshkov --date 2023-08-10 --from 10:00 --to 12:00'),
        6,
      );
    });

    it('missing flags off a TTY → 2 naming them all at once', async () => {
      const none = await expectRefused(cli, ['orders', 'create'], 2);
      for (const f of ['--service', '--date', '--from', '--to']) expect(none.stderr).toContain(f);
      const some = await expectRefused(
        cli,
        ['orders', 'create', '--service', 'coworking-2', '--applicant', 'troshkov', '--date', '2023-08-12'],
        2,
      );
      expect(some.stderr).toContain('--from');
      expect(some.stderr).toContain('--to');
      expect(some.stderr).not.toContain('--date');
      await expectRefused(
        cli,
        ['orders', 'create', '--service', 'coworking-2', '--date', '2023-08-12', '--from', '10:00', '--to', '11:00'],
        2,
        { mentions: '--applicant' },
      );
      const most = await expectRefused(cli, ['orders', 'create', '--service', 'coworking-2'], 2);
      expect(most.stderr).toMatch(/--applicant, --date, --from, and --to are required/);
    });

    it('malformed date or time → 2', async () => {
      await expectRefused(
        cli,
        argv('orders create --service coworking-2 --applicant troshkov --date 12.08.2023 --from 10:00 --to 11:00'),
        2,
        {
          mentions: '--date',
        },
      );
      await expectRefused(cli, [...base, '--from', '10', '--to', '11:00'], 2, { mentions: '--from' });
    });

    it('an unknown service → 5; an unknown applicant → 5; an unknown tariff → 5', async () => {
      await expectRefused(
        cli,
        ['orders', 'create', '--service', 'rooftop', '--applicant', 'troshkov', '--date', '2023-08-12', '--from', '10:00', '--to', '11:00'],
        5,
        {
          mentions: 'service "rooftop" not found',
        },
      );
      await expectRefused(
        cli,
        argv('orders create --service coworking-2 --applicant nobody --date 2023-08-12 --from 10:00 --to 11:00'),
        5,
        {
          mentions: 'user "nobody" not found',
        },
      );
      await expectRefused(cli, [...base, '--from', '13:00', '--to', '14:00', '--tariff', 'Nope'], 5, { mentions: 'has no tariff "Nope"' });
    });

    it('manager2 may not book coworking-2: to them it is a service that does not exist → 5 (8a)', async () => {
      const r = await expectRefused(cli, [...base, '--from', '10:00', '--to', '11:00', '--as', 'manager2'], 5);
      expect(r.stderr).toBe('cowork: service "coworking-2" not found\n');
    });

    it('is for a guest: a rental manager as the applicant is refused (6)', async () => {
      const r = await expectRefused(
        cli,
        argv('orders create --service coworking-2 --applicant manager2 --date 2023-08-20 --from 10:00 --to 11:00 --json'),
        6,
      );
      expect(JSON.parse(r.stderr).error.code).toBe('APPLICANT_NOT_GUEST');
    });

    it('none of the refused bookings was stored', async () => {
      expect((await numbers(cli, '--as', 'admin')).sort()).toEqual([
        1006312, 1006313, 1006314, 1006315, 1006316, 1006317, 1006318, 1006319, 1006320,
      ]);
    });
  });

  it('a service of 2 seats takes 10–12 beside 10–11 and 11–12, then refuses a third at 10:30: capacity is counted at the busiest moment', async () => {
    const cli = await inProcess();
    expectOk(await cli.run(argv('--as admin services create --slug duo --name Duo --capacity 2 --tariff Hour:hour:100 --manager manager')));
    const create = (from: string, to: string) =>
      cli.run(['orders', 'create', '--service', 'duo', '--applicant', 'troshkov', '--date', '2023-08-20', '--from', from, '--to', to]);
    expectOk(await create('10:00', '11:00'));
    expectOk(await create('11:00', '12:00'));
    // At no moment of 10–12 are both seats taken: one is always free.
    expectOk(await create('10:00', '12:00'));
    const r = expectFailure(await create('10:30', '11:30'), 6);
    expect(r.stderr).toBe('cowork: duo has 2 seats, and at the busiest moment of the period 2 are booked\n');
  });

  describe('a guest booking', () => {
    let cli: InProcess;
    beforeAll(async () => {
      cli = await inProcess();
    });
    const guest = argv('orders create --as troshkov --service coworking-2 --date 2023-08-12 --from 10:00 --to 12:00');

    it('coworking-2 without a prepayment → 6', async () => {
      await expectRefused(cli, guest, 6, { mentions: 'a guest pays at least 30 % online: --prepay 60.00 or more' });
    });

    it('less than 30 % (59.99 of 200) → 6', async () => {
      await expectRefused(cli, [...guest, '--prepay', '59.99'], 6);
    });

    it('30 % (60 of 200) → 0: a gateway payment recorded, partially paid', async () => {
      const o = await cli.json([...guest, '--prepay', '60']);
      expect(o).toMatchObject({ status: 'partially_paid', total: 20000, paid: 6000, remaining: 14000, applicant: { login: 'troshkov' } });
      expect(o.payments).toHaveLength(1);
      expect(o.payments[0]).toMatchObject({ amount: 6000, source: 'gateway' });
      const stored = await show(cli, o.number, 'troshkov');
      expect(stored.status).toBe('partially_paid');
      expect(stored.payments).toHaveLength(1);
      expect(stored.payments[0]).toMatchObject({ amount: 6000, source: 'gateway' });
    });

    it('for someone else → 4', async () => {
      await expectRefused(cli, [...guest, '--applicant', 'ivanova', '--prepay', '60'], 4, {
        mentions: 'a guest books for themselves only',
      });
    });

    it('a prepayment above the total → 6', async () => {
      await expectRefused(cli, [...guest, '--prepay', '200.01'], 6);
    });

    it('a prepayment that would leave less than 50 ₽ → 6', async () => {
      await expectRefused(cli, [...guest, '--prepay', '160'], 6);
    });

    it('a malformed --prepay → 2 naming --prepay', async () => {
      await expectRefused(cli, [...guest, '--prepay', '60.001'], 2, { mentions: '--prepay' });
    });

    it('meeting-room (no partial payment) takes the whole amount online: 100 → 6, 2000 → 0 confirmed', async () => {
      const mr = argv('orders create --as troshkov --service meeting-room --date 2023-08-15 --from 10:00 --to 12:00');
      await expectRefused(cli, [...mr, '--prepay', '100'], 6);
      expect(await cli.json([...mr, '--prepay', '2000'])).toMatchObject({ status: 'confirmed', total: 200000, paid: 200000, remaining: 0 });
    });

    it('only the two accepted bookings were added', async () => {
      expect(await numbers(cli, '--as', 'admin')).toHaveLength(8);
    });
  });

  it('a refused booking does not use up an order or ticket number', async () => {
    const cli = await inProcess();
    await expectRefused(
      cli,
      argv('orders create --service meeting-room --applicant troshkov --date 2023-08-14 --from 13:00 --to 15:00'),
      6,
    );
    await expectRefused(
      cli,
      argv('orders create --as troshkov --service coworking-2 --date 2023-08-12 --from 10:00 --to 12:00 --prepay 160'),
      6,
    );
    const o = await cli.json(argv('orders create --service coworking-2 --applicant troshkov --date 2023-08-12 --from 10:00 --to 11:00'));
    expect(o.number).toBe(1006318);
    expect(o.ticket.number).toBe(212);
  });
});

// ---------------------------------------------------------------------------------------------
describe('orders cancel', () => {
  let cli: InProcess;
  beforeAll(async () => {
    cli = await inProcess();
  });

  it('without --yes off a TTY → 2, naming --yes, and nothing changed', async () => {
    const r = await expectRefused(cli, ['orders', 'cancel', '1006314', '--reason', 'x'], 2, { input: 'y\n' });
    expect(r.stderr).toBe('cowork: --yes is required to cancel without a confirmation prompt\n');
  });

  it('--yes --reason → 0: order and ticket cancelled, the money paid due for refund, an event in the feed', async () => {
    const reason = 'Гость заболел, перенос на сентябрь';
    const r = expectOk(await cli.run(['orders', 'cancel', '1006314', '--yes', '--reason', reason]));
    expect(r.stdout).toBe('1006314\n');
    expect(r.stderr).toBe('Order 1006314 cancelled, and its ticket 208. 300 ₽ is due for refund.\n');
    const o = await show(cli, 1006314);
    expect(o.status).toBe('cancelled');
    expect(o.ticket.status).toBe('cancelled');
    expect(o.paid).toBe(30000);
    expect(o.refundDue).toBe(30000);
    expect(o.remaining).toBe(0);
    // The money stays recorded: payments are append-only.
    expect(o.payments).toHaveLength(1);
    expect(o.payments[0].amount).toBe(30000);
    expect((await cli.json(['tickets', 'show', '208'])).status).toBe('cancelled');

    const events = (await messages(cli, 1006314)).filter((m: J) => m.visibility === 'system' && m.event === 'order_cancelled');
    expect(events).toHaveLength(1);
    expect(Object.values(events[0].values)).toContain(reason);
    expect(Object.values(events[0].values)).toContain(30000);
    expect(events[0].author).toBeNull();
    expect(events[0].body).toBe(`Order cancelled by Ольга Смирнова: ${reason}. 300 ₽ due for refund.`);
  });

  it('the cancelled order is listed as cancelled, and takes no payment any more', async () => {
    expect((await numbers(cli, '--status', 'cancelled', '--as', 'admin')).sort()).toEqual([1006312, 1006314, 1006316]);
    await expectRefused(cli, ['pay', 'record', '1006314', '--amount', '700'], 6);
  });

  it('cancelling twice → 6, no second event', async () => {
    await expectRefused(cli, ['orders', 'cancel', '1006314', '--yes'], 6, { mentions: 'the order is already cancelled' });
    expect((await messages(cli, 1006314)).filter((m: J) => m.event === 'order_cancelled')).toHaveLength(1);
  });

  it('the global -y works too, without a reason', async () => {
    expectOk(await cli.run(['-y', 'orders', 'cancel', '1006315']));
    const o = await show(cli, 1006315);
    expect(o).toMatchObject({ status: 'cancelled', refundDue: 0, paid: 0 });
    expect(o.ticket.status).toBe('cancelled');
  });

  it('a cancelled booking frees its seat: meeting-room 2023-08-14 13:00–15:00 is now bookable', async () => {
    expectOk(await cli.run(argv('orders create --service meeting-room --applicant petrov --date 2023-08-14 --from 13:00 --to 15:00')));
  });

  it('--json prints the cancelled order', async () => {
    expect(await cli.json(['orders', 'cancel', '1006313', '--yes'])).toMatchObject({
      number: 1006313,
      status: 'cancelled',
      refundDue: 40000,
      paid: 40000,
    });
  });

  it('a guest may not cancel their own order (4); manager2 may not cancel a coworking-2 order, which to them does not exist (5)', async () => {
    const fresh = await inProcess();
    await expectRefused(fresh, ['orders', 'cancel', '1006314', '--yes', '--as', 'ivanova'], 4);
    await expectRefused(fresh, ['orders', 'cancel', '1006314', '--yes', '--as', 'manager2'], 5, { mentions: 'order 1006314 not found' });
    await expectRefused(fresh, ['orders', 'cancel', '1999999', '--yes'], 5, { mentions: 'order 1999999 not found' });
  });
});

// ---------------------------------------------------------------------------------------------
describe('orders assign', () => {
  let cli: InProcess;
  beforeAll(async () => {
    cli = await inProcess();
  });
  const assignEvents = async () => (await messages(cli, 1006314)).filter((m: J) => m.event === 'assignee_changed');

  it('1006314 to manager → 0: executor set, an assignee_changed event', async () => {
    expect(await assignEvents()).toHaveLength(0);
    const r = expectOk(await cli.run(['orders', 'assign', '1006314', 'manager']));
    expect(r.stdout).toBe('1006314\n');
    expect(r.stderr).toBe('Order 1006314: executor is now Ольга Смирнова.\n');
    expect((await show(cli, 1006314)).assignee).toMatchObject({ login: 'manager' });
    const ev = await assignEvents();
    expect(ev).toHaveLength(1);
    expect(ev[0].visibility).toBe('system');
  });

  it('the same executor again → 0, and no new message', async () => {
    const before = (await messages(cli, 1006314)).length;
    const r = expectOk(await cli.run(['orders', 'assign', '1006314', 'manager']));
    expect(r.stderr).toBe('Order 1006314: the executor is already so; nothing changed.\n');
    expect(await messages(cli, 1006314)).toHaveLength(before);
    expect((await show(cli, 1006314)).assignee.login).toBe('manager');
  });

  it('to manager2 (not responsible for coworking-2) → 6', async () => {
    const r = await expectRefused(cli, ['orders', 'assign', '1006314', 'manager2'], 6);
    expect(r.stderr).toBe('cowork: manager2 cannot be the executor: not a rental manager responsible for coworking-2, nor an admin\n');
    expect((await show(cli, 1006314)).assignee.login).toBe('manager');
  });

  it('to a guest → 6', async () => {
    await expectRefused(cli, ['orders', 'assign', '1006314', 'ivanova'], 6);
  });

  it('to an unknown login → 5', async () => {
    await expectRefused(cli, ['orders', 'assign', '1006314', 'nobody'], 5, { mentions: 'user "nobody" not found' });
  });

  it('by manager2, who may not see coworking-2 orders: to them 1006314 does not exist → 5 (8a)', async () => {
    const r = await expectRefused(cli, ['orders', 'assign', '1006314', 'manager2', '--as', 'manager2'], 5);
    expect(r.stderr).toBe('cowork: order 1006314 not found\n');
  });

  it('by the guest whose order it is → 4', async () => {
    await expectRefused(cli, ['orders', 'assign', '1006314', 'manager', '--as', 'ivanova'], 4);
  });

  it('to an admin → 0', async () => {
    expectOk(await cli.run(['orders', 'assign', '1006314', 'admin']));
    expect((await show(cli, 1006314)).assignee.login).toBe('admin');
  });

  it('none removes the executor, with an event', async () => {
    const before = (await assignEvents()).length;
    const r = expectOk(await cli.run(['orders', 'assign', '1006314', 'none']));
    expect(r.stderr).toBe('Order 1006314: no executor.\n');
    expect((await show(cli, 1006314)).assignee).toBeNull();
    expect(await assignEvents()).toHaveLength(before + 1);
  });

  it('none again → 0, no new message', async () => {
    const before = (await messages(cli, 1006314)).length;
    expectOk(await cli.run(['orders', 'assign', '1006314', 'none']));
    expect(await messages(cli, 1006314)).toHaveLength(before);
  });

  it('me is the operator', async () => {
    expectOk(await cli.run(['orders', 'assign', '1006315', 'me', '--as', 'manager']));
    expect((await show(cli, 1006315)).assignee.login).toBe('manager');
    expectOk(await cli.run(['orders', 'assign', '1006315', 'me', '--as', 'manager2']));
    expect((await show(cli, 1006315)).assignee.login).toBe('manager2');
  });

  it('--json prints the order', async () => {
    const r = expectOk(await cli.run(['orders', 'assign', '1006314', 'manager', '--json']));
    expect(parseJson(r)).toMatchObject({ number: 1006314, assignee: { login: 'manager' } });
  });
});
