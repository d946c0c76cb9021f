/**
 * The commands that write, as a script runs them: the built bin/cowork, piped stdio (never a TTY,
 * so never a prompt), a private database and config, the fixed clock of the demo (2023-08-11
 * 13:40 in Perm, UTC+5) from COWORK_NOW. Run `npm run build` first.
 *
 * Only what a process shows: one run of each write command, the exit code as the shell sees it,
 * the id on stdout and the sentence on stderr, a real stdin pipe, the environment. What the
 * commands decide (the rules, refusals that change nothing, their words and JSON) is tested in
 * process: test/commands/{pay,orders,msg,tickets,users,services,refusals}.test.ts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { sandbox, type Run, type Sandbox } from '../helpers/cli.js';
import { argv } from '../helpers/argv.js';

/* eslint-disable @typescript-eslint/no-explicit-any */
type J = any;

function json(r: Run): J {
  try {
    return JSON.parse(r.stdout);
  } catch {
    throw new Error(`stdout is not JSON (exit ${r.code}):\n${r.stdout}\nstderr:\n${r.stderr}`);
  }
}

/** A success: exit 0, and the stdout and stderr the output rule wants. */
function expectWritten(r: Run, stdout: string | RegExp, stderr: string): void {
  expect(r.code, `exit code; stderr: ${r.stderr}`).toBe(0);
  if (typeof stdout === 'string') expect(r.stdout).toBe(stdout);
  else expect(r.stdout).toMatch(stdout);
  expect(r.stderr).toBe(stderr);
}

/** A failure: its exit code, nothing on stdout, one line on stderr. */
function expectFailure(r: Run, code: number, stderr: string): void {
  expect({ code: r.code, stdout: r.stdout, stderr: r.stderr }).toEqual({ code, stdout: '', stderr });
}

describe('each write command through the binary: the id on stdout, the sentence on stderr', () => {
  let sb: Sandbox;
  beforeAll(() => {
    sb = sandbox({ seedDemo: true });
  });
  const show = (n: number): J => json(sb.run(['orders', 'show', String(n), '--json', '--as', 'admin']));

  it('pay record', () => {
    const r = sb.run(['pay', 'record', '1006314', '--amount', '150,50']);
    expectWritten(r, /^\d+\n$/, 'Order 1006314: payment of 150.50 ₽ (cash) recorded. Paid 450.50 ₽ of 1,000 ₽, 549.50 ₽ left to pay.\n');
    expect(show(1006314).payments.at(-1)).toMatchObject({ id: r.stdout.trim(), amount: 15050, method: 'cash', source: 'manager' });
  });

  it('pay record --json: the JSON on stdout, the sentence still on stderr', () => {
    const r = sb.run(['pay', 'record', '1006314', '--amount', '49.50', '--json', '--idempotency-key', 'e2e-1']);
    expect(r.code, r.stderr).toBe(0);
    expect(json(r)).toMatchObject({
      replayed: false,
      payment: { kind: 'payment', amount: 4950, externalId: null, idempotencyKey: 'e2e-1' },
      order: { number: 1006314, paid: 50000 },
    });
    expect(r.stderr).toBe('Order 1006314: payment of 49.50 ₽ (cash) recorded. Paid 500 ₽ of 1,000 ₽, 500 ₽ left to pay.\n');
  });

  it('orders create', () => {
    const r = sb.run(argv('orders create --service coworking-2 --applicant troshkov --date 2023-08-12 --from 10:00 --to 12:30'));
    expectWritten(r, '1006318\n', 'Order 1006318: Коворкинг на 2 этаже, 2023-08-12 10:00–12:30, 300 ₽; ticket 212.\n');
    expect(show(1006318)).toMatchObject({ status: 'awaiting_payment', total: 30000, ticket: { number: 212 } });
  });

  it('orders assign', () => {
    expectWritten(sb.run(['orders', 'assign', '1006318', 'manager']), '1006318\n', 'Order 1006318: executor is now Ольга Смирнова.\n');
    expect(show(1006318).assignee.login).toBe('manager');
  });

  it('orders cancel: off a TTY only with --yes, whatever stdin says', () => {
    expectFailure(
      sb.run(['orders', 'cancel', '1006318'], { input: 'y\n' }),
      2,
      'cowork: --yes is required to cancel without a confirmation prompt\n',
    );
    expect(show(1006318).status).toBe('awaiting_payment');
    expectWritten(
      sb.run(['orders', 'cancel', '1006318', '--yes', '--reason', 'e2e']),
      '1006318\n',
      'Order 1006318 cancelled, and its ticket 212.\n',
    );
    expect(show(1006318)).toMatchObject({ status: 'cancelled', cancelReason: 'e2e' });
  });

  it('msg post --text - reads a real stdin pipe exactly', () => {
    const input = 'из stdin\n  вторая строка\nпоследняя\n';
    const r = sb.run(['msg', 'post', '1006314', '--text', '-'], { input });
    expectWritten(r, /^\d+\n$/, 'Public message posted on order 1006314.\n');
    expect(show(1006314).messages.at(-1)).toMatchObject({ id: r.stdout.trim(), body: input, author: { login: 'manager' } });
  });

  it('tickets check-in', () => {
    expectWritten(sb.run(['tickets', 'check-in', '207']), '207\n', 'Ticket 207: checked in (Алексей Трошков).\n');
    expect(show(1006313).ticket.status).toBe('checked_in');
  });

  it('tickets check-in on the day COWORK_NOW says: 209 is for 2023-08-14, 01:00 in Perm is 2023-08-13T20:00Z', () => {
    expect(sb.run(['pay', 'record', '1006315', '--amount', '2000']).code).toBe(0);
    expectFailure(sb.run(['tickets', 'check-in', '209']), 6, 'cowork: ticket 209 is for 2023-08-14, not today (2023-08-11)\n');
    expectWritten(
      sb.run(['tickets', 'check-in', '209'], { env: { COWORK_NOW: '2023-08-13T20:00:00Z' } }),
      '209\n',
      'Ticket 209: checked in (Сергей Петров).\n',
    );
  });

  it('users add', () => {
    expectWritten(
      sb.run(['users', 'add', '--login', 'walkin', '--name', 'Пётр Гостев', '--phone', '+7 (342) 254-54-55']),
      'walkin\n',
      'User added: Пётр Гостев (walkin), location guest.\n',
    );
  });

  it('services create and set', () => {
    const create = argv('services create --slug hall --name Зал --capacity 30 --tariff Стандарт:hour:150 --as admin');
    expectWritten(sb.run(create), 'hall\n', 'Service created: Зал (hall).\n');
    expectWritten(sb.run(['services', 'set', 'hall', '--capacity', '5', '--as', 'admin']), 'hall\n', 'Service changed: Зал (hall).\n');
  });
});

describe('refusals as the shell sees them: the exit code, nothing on stdout', () => {
  let sb: Sandbox;
  beforeAll(() => {
    sb = sandbox({ seedDemo: true });
  });

  it('a rule (6), in words and under --json', () => {
    expectFailure(
      sb.run(['pay', 'record', '1006314', '--amount', '650.01']),
      6,
      'cowork: after 650.01 ₽ the remaining balance would be 49.99 ₽, less than the minimum of 50 ₽: pay 0.01 ₽ to 650 ₽, or exactly 700 ₽\n',
    );
    const r = sb.run(['pay', 'record', '1006314', '--amount', '650.01', '--json']);
    expect({ code: r.code, stdout: r.stdout }).toEqual({ code: 6, stdout: '' });
    expect(JSON.parse(r.stderr).error.code).toBe('REMAINING_BELOW_MINIMUM');
  });

  it('a missing --amount with stdin a pipe is a usage error (2): no prompt waits for it', () => {
    expectFailure(
      sb.run(['pay', 'record', '1006314'], { input: '650\n' }),
      2,
      'cowork: --amount is required (no prompt: input is not a terminal or is disabled)\n',
    );
  });

  it('an order the operator may not see is not found (5); a guest on their own order is not allowed (4); a reused key is a conflict (7)', () => {
    expectFailure(sb.run(['pay', 'record', '1006314', '--amount', '100', '--as', 'manager2']), 5, 'cowork: order 1006314 not found\n');
    expectFailure(sb.run(['pay', 'record', '1006314', '--amount', '100', '--as', 'ivanova']), 4, 'cowork: a guest may not do this\n');
    expect(sb.run(['pay', 'record', '1006314', '--amount', '100', '--idempotency-key', 'k']).code).toBe(0);
    expectFailure(
      sb.run(['pay', 'record', '1006314', '--amount', '200', '--idempotency-key', 'k']),
      7,
      'cowork: the key "k" was already used with other values (another order, kind, amount or method)\n',
    );
  });

  it('after the refusals only the one payment was written', () => {
    const payments = json(sb.run(['pay', 'list', '--order', '1006314', '--json', '--as', 'admin']));
    expect(payments.map((p: J) => p.amount)).toEqual([30000, 10000]);
  });
});
