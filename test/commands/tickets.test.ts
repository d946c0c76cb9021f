/**
 * `tickets show` and `tickets check-in` in process: argv through main() over a demo store, the
 * tests' clock (2023-08-11 13:40 in Perm) unless a run sets COWORK_NOW. Every refusal leaves every
 * table as it was (rule 8).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { expectFailure, expectOk, expectRefused, inProcess, type InProcess, type J } from '../helpers/main.js';

const ticket = (cli: InProcess, n: number): Promise<J> => cli.json(['tickets', 'show', String(n)]);

describe('tickets show', () => {
  let cli: InProcess;
  beforeAll(async () => {
    cli = await inProcess();
  });

  it('207: the visitor, the period, its order; --json the same', async () => {
    const r = expectOk(await cli.run(['tickets', 'show', '207']));
    for (const s of [
      'Ticket 207',
      'Алексей Трошков',
      '+7 (342) 254-54-54',
      '11 August 2023, from 16:00 to 20:00',
      '1006313',
      'Коворкинг на 2 этаже',
    ]) {
      expect(r.stdout).toContain(s);
    }
    expect(await ticket(cli, 207)).toMatchObject({
      number: 207,
      status: 'active',
      start: '2023-08-11T11:00:00.000Z',
      end: '2023-08-11T15:00:00.000Z',
      order: { number: 1006313, status: 'confirmed', total: 40000, paid: 40000, remaining: 0 },
    });
  });

  it('on a terminal coloured, but never under TERM=dumb', async () => {
    expect(expectOk(await cli.run(['tickets', 'show', '207'], { tty: true })).stdout).toContain('\u001b');
    expect(expectOk(await cli.run(['tickets', 'show', '207'], { env: { TERM: 'dumb' }, tty: true })).stdout).not.toContain('\u001b');
  });

  it('another guest’s ticket, and one of a service manager2 is not responsible for, read as a ticket that does not exist, naming no order (8a)', async () => {
    for (const as of ['ivanova', 'manager2']) {
      const r = expectFailure(await cli.run(['--as', as, 'tickets', 'show', '207']), 5);
      expect(r.stderr).toBe('cowork: ticket 207 not found\n');
    }
    expect(expectFailure(await cli.run(['tickets', 'show', '999']), 5).stderr).toBe('cowork: ticket 999 not found\n');
  });
});

describe('tickets check-in', () => {
  let cli: InProcess;
  beforeAll(async () => {
    cli = await inProcess();
  });

  it('207 (confirmed, today) → 0, checked in', async () => {
    expect((await ticket(cli, 207)).status).toBe('active');
    const r = expectOk(await cli.run(['tickets', 'check-in', '207']));
    expect(r.stdout).toBe('207\n');
    expect(r.stderr).toBe('Ticket 207: checked in (Алексей Трошков).\n');
    expect((await ticket(cli, 207)).status).toBe('checked_in');
    expect((await cli.json(['orders', 'show', '1006313'])).ticket.status).toBe('checked_in');
  });

  it('207 again → 6', async () => {
    await expectRefused(cli, ['tickets', 'check-in', '207'], 6, { mentions: 'ticket 207 is checked in, not active' });
    expect((await ticket(cli, 207)).status).toBe('checked_in');
  });

  it('208 (order 1006314 not paid in full) → 6', async () => {
    await expectRefused(cli, ['tickets', 'check-in', '208'], 6, { mentions: 'ticket 208: its order is not paid in full (partially paid)' });
    expect((await ticket(cli, 208)).status).toBe('active');
  });

  it('206 (a cancelled ticket) → 6', async () => {
    await expectRefused(cli, ['tickets', 'check-in', '206'], 6, { mentions: 'ticket 206 is cancelled, not active' });
  });

  it('an unknown ticket → 5', async () => {
    await expectRefused(cli, ['tickets', 'check-in', '999'], 5, { mentions: 'ticket 999 not found' });
  });

  it('209 (1006315 paid in full, but its day is 2023-08-14) → 6', async () => {
    expectOk(await cli.run(['pay', 'record', '1006315', '--amount', '2000']));
    expect((await cli.json(['orders', 'show', '1006315'])).status).toBe('confirmed');
    await expectRefused(cli, ['tickets', 'check-in', '209'], 6, { mentions: 'ticket 209 is for 2023-08-14, not today (2023-08-11)' });
    expect((await ticket(cli, 209)).status).toBe('active');
  });

  it("the rental day is the location's local day: 2023-08-14T20:00Z is already 2023-08-15 in Perm → 6", async () => {
    const before = await cli.json(['orders', 'show', '1006315']);
    const r = expectFailure(await cli.run(['tickets', 'check-in', '209'], { env: { COWORK_NOW: '2023-08-14T20:00:00Z' } }), 6);
    expect(r.stderr).toContain('not today (2023-08-15)');
    expect(await cli.json(['orders', 'show', '1006315'])).toEqual(before);
  });

  it('209 on its day, even before UTC midnight (2023-08-13T20:00Z is 2023-08-14 01:00 in Perm) → 0', async () => {
    expectOk(await cli.run(['tickets', 'check-in', '209'], { env: { COWORK_NOW: '2023-08-13T20:00:00Z' } }));
    expect((await ticket(cli, 209)).status).toBe('checked_in');
  });

  it('manager2 may not check in a coworking-2 ticket: to them it does not exist → 5; its guest may not → 4', async () => {
    const fresh = await inProcess();
    const r = await expectRefused(fresh, ['tickets', 'check-in', '207', '--as', 'manager2'], 5);
    expect(r.stderr).toBe('cowork: ticket 207 not found\n');
    await expectRefused(fresh, ['tickets', 'check-in', '207', '--as', 'troshkov'], 4);
  });
});
