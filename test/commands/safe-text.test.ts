/**
 * Text that users wrote (names, phones, messages, lines of a fixture) is printed with its control
 * characters made visible, in views, lists and CSV alike; JSON keeps it exact. And `seed FILE`'s
 * refusals name the path of what is wrong and write nothing. In process through main().
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectFailure, expectOk, inProcess, tables, type InProcess } from '../helpers/main.js';

/** The characters of `text` that must never reach a terminal raw: C0 controls but the newline (and
 * those `allowed`), DEL, C1, and the bidi overrides and isolates. */
function rawControls(text: string, allowed = ''): string[] {
  const raw = (c: number) => c <= 0x1f || (c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
  return [...text].filter((ch) => ch !== '\n' && !allowed.includes(ch) && raw(ch.codePointAt(0)!));
}
/** Lists (TSV and CSV) may hold the tab and carriage return they use as separators. */
const SEPARATORS = '\t\r';

describe('user text with control characters', () => {
  const evilName = 'Evil\u001b]0;pwned\u0007';
  const evilText = 'hi\u001b[2J\u001b[H\u009b31m\rspoof\u202eevil\nsecond line';
  let cli: InProcess;
  beforeAll(async () => {
    cli = await inProcess();
    const file = join(cli.dir, 'evil.json');
    writeFileSync(
      file,
      JSON.stringify({
        users: [{ login: 'evil', name: evilName, role: 'guest', phone: '+7999\u001b[2J' }],
        orders: [
          {
            number: 2000001,
            service: 'coworking-2',
            applicant: 'evil',
            createdBy: 'evil',
            createdAt: '2023-08-11T13:00:00+05:00',
            ticket: {
              number: 900,
              visitor: { name: 'Vis\u001b[31mitor', phone: null },
              start: '2023-08-12T10:00:00+05:00',
              end: '2023-08-12T11:00:00+05:00',
            },
            lines: [{ tariff: 'Стандарт', quantity: 1, description: 'Desc\u0007ription' }],
            messages: [{ visibility: 'public', author: 'evil', text: evilText, at: '2023-08-11T13:01:00+05:00' }],
          },
        ],
      }),
    );
    expectOk(await cli.run(['seed', file]));
  });

  it('orders show prints them made visible', async () => {
    const r = expectOk(await cli.run(['orders', 'show', '2000001']));
    expect(rawControls(r.stdout)).toEqual([]);
    expect(r.stdout).not.toContain('\u001b');
    expect(r.stdout).not.toContain('\u0007');
    expect(r.stdout).toContain('Evil\\e]0;pwned\\x07');
    expect(r.stdout).toContain('Vis\\e[31mitor');
    expect(r.stdout).toContain('second line');
  });

  it('the lists, the feed, the ticket and whoami print them made visible', async () => {
    for (const args of [
      ['tickets', 'show', '900'],
      ['--as', 'evil', 'whoami'],
      ['msg', 'list', '2000001'],
    ]) {
      expect(rawControls(expectOk(await cli.run(args)).stdout)).toEqual([]);
    }
    for (const args of [
      ['orders', 'list'],
      ['users', 'list'],
    ]) {
      const r = expectOk(await cli.run(args));
      expect(r.stdout).toContain('Evil\\e]0;pwned\\x07');
      expect(rawControls(r.stdout, SEPARATORS)).toEqual([]);
    }
  });

  it('CSV prints them made visible too (SPEC: user text never reaches the terminal raw)', async () => {
    for (const args of [
      ['orders', 'list', '--format', 'csv'],
      ['users', 'list', '--format', 'csv'],
      ['msg', 'list', '2000001', '--format', 'csv'],
    ]) {
      const r = expectOk(await cli.run(args));
      expect(r.stdout).toContain('evil');
      expect(rawControls(r.stdout, SEPARATORS)).toEqual([]);
    }
  });

  it('--json keeps the exact text, and JSON escaping leaves no raw control byte on stdout', async () => {
    const r = expectOk(await cli.run(['orders', 'show', '2000001', '--json']));
    const o = JSON.parse(r.stdout) as {
      applicant: { name: string; phone: string };
      ticket: { visitor: { name: string } };
      messages: { body: string; visibility: string }[];
    };
    expect(o.applicant.name).toBe(evilName);
    expect(o.applicant.phone).toBe('+7999\u001b[2J');
    expect(o.ticket.visitor.name).toBe('Vis\u001b[31mitor');
    expect(o.messages.find((m) => m.visibility === 'public')!.body).toBe(evilText);
    expect(r.stdout).not.toContain('\u001b');
    expect(r.stdout).not.toContain('\u0007');
  });
});

describe('seed FILE refusals', () => {
  it('a fixture that reuses a ticket number of the database is a usage error naming the path, and writes nothing', async () => {
    const cli = await inProcess();
    const file = join(cli.dir, 'clash.json');
    writeFileSync(
      file,
      JSON.stringify({
        orders: [
          {
            number: 2000001,
            service: 'coworking-2',
            applicant: 'petrov',
            createdAt: '2023-08-11T13:00:00+05:00',
            ticket: { number: 207, start: '2023-08-12T10:00:00+05:00', end: '2023-08-12T11:00:00+05:00' },
            lines: [{ tariff: 'Стандарт', quantity: 1 }],
          },
        ],
      }),
    );
    const before = await tables(cli.store);
    const r = expectFailure(await cli.run(['seed', file]), 2);
    expect(r.stderr).toContain('orders[0].ticket.number');
    expect(r.stderr).toContain('ticket 207 exists already, on another order');
    expect(await tables(cli.store)).toEqual(before);
    expect(await cli.json(['orders', 'list'])).toHaveLength(6);
  });

  it('a malformed fixture is a usage error naming every path; a missing file is a usage error too', async () => {
    const cli = await inProcess();
    const file = join(cli.dir, 'bad.json');
    writeFileSync(
      file,
      JSON.stringify({
        orders: [
          {
            number: 1,
            service: 'x',
            applicant: 'y',
            createdAt: 'yesterday',
            ticket: { number: 1, start: 'a', end: 'b' },
            lines: [{ tariff: 'T', quantity: 1 }],
            payments: [{ amount: -5, method: 'card', source: 'gateway', at: '2023-08-11T13:00:00+05:00' }],
          },
        ],
      }),
    );
    const before = await tables(cli.store);
    const r = expectFailure(await cli.run(['seed', file]), 2);
    expect(r.stderr).toContain('orders[0].payments[0].amount');
    expect(r.stderr).toContain('orders[0].createdAt');
    const missing = expectFailure(await cli.run(['seed', join(cli.dir, 'missing.json')]), 2);
    expect(missing.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(missing.stderr).toContain('missing.json: cannot read');
    expect(await tables(cli.store)).toEqual(before);
  });
});
