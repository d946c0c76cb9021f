/**
 * Rule 8, across every command that writes: a refused action changes nothing. Each refusal runs
 * through main() in process over one demo store; every row of every table reads the same after it
 * as before (a refusal changes nothing, so the tables after one are the tables before the next).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { expectFailure, expectOk, expectRefused, inProcess, tables, type InProcess } from '../helpers/main.js';
import { argv } from '../helpers/argv.js';

describe('rule 8: a refused action changes nothing', () => {
  let cli: InProcess;
  let before: Record<string, string[]>;
  beforeAll(async () => {
    cli = await inProcess();
    before = await tables(cli.store);
  });

  const refused: Array<[string, string[], number]> = [
    ['the 50 ₽ floor', ['pay', 'record', '1006314', '--amount', '650.01'], 6],
    ['more than the remaining balance', ['pay', 'record', '1006314', '--amount', '701'], 6],
    ['a payment on a cancelled order', ['pay', 'record', '1006312', '--amount', '10'], 6],
    ['a payment on a confirmed order', ['pay', 'record', '1006313', '--amount', '10'], 6],
    ['partial payment not allowed', ['pay', 'record', '1006315', '--amount', '100'], 6],
    // Rule 8a: an order the operator may not view reads as one that does not exist.
    ['a payment by a manager not responsible', ['pay', 'record', '1006314', '--amount', '100', '--as', 'manager2'], 5],
    ['a payment by a guest on their own order', ['pay', 'record', '1006314', '--amount', '100', '--as', 'ivanova'], 4],
    ['cancelling a cancelled order', ['orders', 'cancel', '1006312', '--yes', '--reason', 'again'], 6],
    ['cancelling without --yes off a TTY', ['orders', 'cancel', '1006314'], 2],
    ['cancelling as a guest', ['orders', 'cancel', '1006314', '--yes', '--as', 'ivanova'], 4],
    ['cancelling as a manager not responsible', ['orders', 'cancel', '1006314', '--yes', '--as', 'manager2'], 5],
    ['assigning a manager not responsible for the service', ['orders', 'assign', '1006314', 'manager2'], 6],
    ['assigning a guest', ['orders', 'assign', '1006314', 'troshkov'], 6],
    ['assigning an unknown user', ['orders', 'assign', '1006314', 'nobody'], 5],
    ['an internal message by a guest', ['msg', 'post', '1006314', '--text', 'secret', '--internal', '--as', 'ivanova'], 4],
    ["a guest's message on someone else's order", ['msg', 'post', '1006313', '--text', 'hi', '--as', 'ivanova'], 5],
    ['a message by a manager not responsible', ['msg', 'post', '1006314', '--text', 'hi', '--as', 'manager2'], 5],
    ['an empty message', ['msg', 'post', '1006314', '--text', ''], 2],
    [
      'a booking outside opening hours',
      argv('orders create --service coworking-2 --applicant troshkov --date 2023-08-12 --from 07:00 --to 09:00'),
      6,
    ],
    [
      'a booking over capacity',
      argv('orders create --service meeting-room --applicant troshkov --date 2023-08-14 --from 13:00 --to 15:00'),
      6,
    ],
    [
      'a booking of a period already ended',
      argv('orders create --service coworking-2 --applicant troshkov --date 2023-08-11 --from 08:00 --to 10:00'),
      6,
    ],
    [
      'a booking of a service the manager may not know',
      argv('orders create --as manager2 --service coworking-2 --applicant troshkov --date 2023-08-12 --from 10:00 --to 11:00'),
      5,
    ],
    [
      'a guest booking with too small a prepayment',
      argv('orders create --as troshkov --service coworking-2 --date 2023-08-12 --from 10:00 --to 12:00 --prepay 59.99'),
      6,
    ],
    [
      'a guest prepayment that would leave less than 50 ₽',
      argv('orders create --as troshkov --service coworking-2 --date 2023-08-12 --from 10:00 --to 12:00 --prepay 160'),
      6,
    ],
    [
      'a guest booking for someone else',
      argv('orders create --as troshkov --applicant ivanova --service coworking-2 --date 2023-08-12 --from 10:00 --to 12:00 --prepay 60'),
      4,
    ],
    ['a check-in of an order not paid in full', ['tickets', 'check-in', '208'], 6],
    ['a check-in of a cancelled ticket', ['tickets', 'check-in', '206'], 6],
    ['a check-in by a manager not responsible', ['tickets', 'check-in', '207', '--as', 'manager2'], 5],
    ['a manager adding a rental manager', ['users', 'add', '--login', 'm9', '--name', 'M9', '--role', 'rental_manager'], 4],
    ['adding a user whose login exists', ['users', 'add', '--login', 'ivanova', '--name', 'Другая Иванова', '--as', 'admin'], 6],
    [
      'a manager creating a service',
      ['services', 'create', '--slug', 'hall', '--name', 'Hall', '--capacity', '3', '--tariff', 'Стандарт:hour:150'],
      4,
    ],
    ['a manager changing a service', ['services', 'set', 'coworking-2', '--capacity', '5'], 4],
  ];

  it.each(refused)('%s', async (_name, args, code) => {
    await expectRefused(cli, args, code);
  });

  it('after all of them, every table reads as the demo left it', async () => {
    expect(await tables(cli.store)).toEqual(before);
  });

  it('a check-in on another day than the rental day (a confirmed order)', async () => {
    const other = await inProcess();
    expectOk(await other.run(['pay', 'record', '1006315', '--amount', '2000']));
    await expectRefused(other, ['tickets', 'check-in', '209'], 6);
  });

  it('an idempotency key reused with other parameters', async () => {
    const other = await inProcess();
    expectOk(await other.run(['pay', 'record', '1006314', '--amount', '100', '--idempotency-key', 'r8']));
    await expectRefused(other, ['pay', 'record', '1006314', '--amount', '200', '--idempotency-key', 'r8'], 7);
  });

  it('a refusal is never half-written: a conflict leaves the payment it conflicts with alone', async () => {
    const other = await inProcess();
    const first = await other.json(['pay', 'record', '1006314', '--amount', '100', '--idempotency-key', 'k']);
    expectFailure(await other.run(['pay', 'record', '1006314', '--amount', '200', '--idempotency-key', 'k']), 7);
    expect(await other.json(['pay', 'list', '--order', '1006314'])).toContainEqual(first.payment);
  });
});
