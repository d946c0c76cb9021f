/**
 * `msg post` and `msg list` in process: argv through main() over a demo store, never a terminal
 * (so `--text -` reads the given stdin), the tests' clock. Every refusal leaves every table as it
 * was (rule 8); user text never reaches the terminal raw.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { expectOk, expectRefused, inProcess, parseJson, type InProcess, type J } from '../helpers/main.js';

const ESC = '\u001b';
const messages = (cli: InProcess, n: number, as = 'admin'): Promise<J[]> => cli.json(['msg', 'list', String(n), '--as', as]);

describe('msg post', () => {
  let cli: InProcess;
  beforeAll(async () => {
    cli = await inProcess();
  });

  it('a public post appears in msg list with its exact text and author', async () => {
    const r = expectOk(await cli.run(['msg', 'post', '1006314', '--text', 'Ждём вас в 10:00']));
    // The output rule: the new message's id on stdout, the sentence on stderr.
    expect(r.stdout).toMatch(/^\d+\n$/);
    expect(r.stderr).toBe('Public message posted on order 1006314.\n');
    expect((await messages(cli, 1006314)).at(-1)).toMatchObject({
      id: r.stdout.trim(),
      visibility: 'public',
      body: 'Ждём вас в 10:00',
      author: { login: 'manager' },
    });
  });

  it('a message of 4000 characters is posted; one of 4001 → 2, nothing written', async () => {
    expectOk(await cli.run(['msg', 'post', '1006314', '--text', 'я'.repeat(4000)]));
    const r = await expectRefused(cli, ['msg', 'post', '1006314', '--text', 'я'.repeat(4001)], 2);
    expect(r.stderr).toBe('cowork: --text: the message has 4,001 characters; at most 4,000 are allowed\n');
    await expectRefused(cli, ['msg', 'post', '1006314', '--text', '-'], 2, { input: 'я'.repeat(4001), mentions: '4,001 characters' });
  });

  it('an internal post appears as internal', async () => {
    const r = expectOk(await cli.run(['msg', 'post', '1006314', '--text', 'Только для своих', '--internal']));
    expect(r.stderr).toBe('Internal message posted on order 1006314.\n');
    expect((await messages(cli, 1006314)).at(-1)).toMatchObject({ visibility: 'internal', body: 'Только для своих' });
  });

  it('a multi-line text is stored exactly', async () => {
    const text = 'Первая строка\nвторая строка\n\n  с отступом\tи табуляцией';
    expectOk(await cli.run(['msg', 'post', '1006314', '--text', text]));
    expect((await messages(cli, 1006314)).at(-1).body).toBe(text);
  });

  it('a text with ESC sequences is stored exactly, but never reaches the terminal raw', async () => {
    const text = `clear ${ESC}[2J${ESC}]0;pwned\u0007 title ${ESC}[31mred${ESC}[0m`;
    expectOk(await cli.run(['msg', 'post', '1006314', '--text', text]));
    expect((await messages(cli, 1006314)).at(-1).body).toBe(text);
    const table = expectOk(await cli.run(['msg', 'list', '1006314']));
    expect(table.stdout).not.toContain(ESC);
    expect(table.stdout).not.toContain('\u0007');
    expect(table.stdout).toContain('pwned');
    const view = expectOk(await cli.run(['orders', 'show', '1006314']));
    expect(view.stdout).not.toContain(ESC);
  });

  it('--text - reads stdin exactly', async () => {
    const input = 'из stdin\n  вторая строка\nпоследняя\n';
    expectOk(await cli.run(['msg', 'post', '1006314', '--text', '-'], { input }));
    expect((await messages(cli, 1006314)).at(-1).body).toBe(input);
  });

  it('--text - with an empty stdin → 2', async () => {
    await expectRefused(cli, ['msg', 'post', '1006314', '--text', '-'], 2, { input: '', mentions: 'the message is empty' });
  });

  it('an empty text → 2', async () => {
    await expectRefused(cli, ['msg', 'post', '1006314', '--text', ''], 2, { mentions: '--text: the message is empty' });
    await expectRefused(cli, ['msg', 'post', '1006314', '--text', '   '], 2, { mentions: '--text: the message is empty' });
  });

  it('no --text off a TTY → 2 naming --text', async () => {
    await expectRefused(cli, ['msg', 'post', '1006314'], 2, { input: 'hello\n', mentions: '--text' });
  });

  it('a guest may post a public message on their own order', async () => {
    expectOk(await cli.run(['msg', 'post', '1006314', '--text', 'Буду в 10:15', '--as', 'ivanova']));
    expect((await messages(cli, 1006314)).at(-1)).toMatchObject({
      visibility: 'public',
      body: 'Буду в 10:15',
      author: { login: 'ivanova' },
    });
  });

  it('a guest may not post an internal message → 4', async () => {
    const r = await expectRefused(cli, ['msg', 'post', '1006314', '--text', 'secret', '--internal', '--as', 'ivanova'], 4);
    expect(r.stderr).toBe('cowork: only the rental managers responsible for the service, and admins, write internal messages\n');
  });

  it("a guest may not post on someone else's order: to them it does not exist → 5", async () => {
    const r = await expectRefused(cli, ['msg', 'post', '1006313', '--text', 'hi', '--as', 'ivanova'], 5);
    expect(r.stderr).toBe('cowork: order 1006313 not found\n');
  });

  it('manager2 (not responsible for coworking-2) may not post on 1006314: to them it does not exist → 5', async () => {
    await expectRefused(cli, ['msg', 'post', '1006314', '--text', 'hi', '--as', 'manager2'], 5, { mentions: 'order 1006314 not found' });
    await expectRefused(cli, ['msg', 'post', '1006314', '--text', 'hi', '--internal', '--as', 'manager2'], 5, {
      mentions: 'order 1006314 not found',
    });
  });

  it('an unknown order → 5', async () => {
    await expectRefused(cli, ['msg', 'post', '1999999', '--text', 'hi'], 5, { mentions: 'order 1999999 not found' });
  });

  it('guests do not see internal messages in msg list, nor in orders show', async () => {
    expectOk(await cli.run(['msg', 'post', '1006314', '--text', 'Внутренняя пометка', '--internal']));
    expectOk(await cli.run(['msg', 'post', '1006314', '--text', 'Спасибо!', '--as', 'ivanova']));
    const staff = await messages(cli, 1006314, 'manager');
    expect(staff.some((m: J) => m.visibility === 'internal' && m.body === 'Внутренняя пометка')).toBe(true);
    const guest = await messages(cli, 1006314, 'ivanova');
    expect(guest.length).toBeGreaterThan(0);
    expect(guest.filter((m: J) => m.visibility === 'internal')).toEqual([]);
    expect(guest.map((m: J) => m.body)).not.toContain('Внутренняя пометка');
    expect(guest.map((m: J) => m.body)).toContain('Спасибо!');
    const text = expectOk(await cli.run(['msg', 'list', '1006314', '--as', 'ivanova']));
    expect(text.stdout).not.toContain('Внутренняя пометка');
    expect(text.stdout).not.toContain('Постоянный гость'); // the demo's internal message
    expect(text.stdout).toContain('Спасибо!');
    const view = await cli.json(['orders', 'show', '1006314', '--as', 'ivanova']);
    expect(view.messages.filter((m: J) => m.visibility === 'internal')).toEqual([]);
    const viewText = expectOk(await cli.run(['orders', 'show', '1006314', '--as', 'ivanova']));
    expect(viewText.stdout).not.toContain('Внутренняя пометка');
    expect(viewText.stdout).not.toContain('Постоянный гость');
  });

  it('--json prints the posted message', async () => {
    const r = expectOk(await cli.run(['msg', 'post', '1006315', '--text', 'Проектор готов', '--internal', '--as', 'manager2', '--json']));
    expect(parseJson(r)).toMatchObject({ order: 1006315, visibility: 'internal', body: 'Проектор готов', author: { login: 'manager2' } });
    expect(r.stderr).toBe('Internal message posted on order 1006315.\n');
  });
});

describe('msg list', () => {
  let cli: InProcess;
  beforeAll(async () => {
    cli = await inProcess();
  });

  it('the feed of 1006313 in the reader’s language: one system event', async () => {
    const en = expectOk(await cli.run(['msg', 'list', '1006313']));
    expect(en.stdout).toContain('Payment received through the payment gateway.');
    const ru = expectOk(await cli.run(['--lang', 'ru', 'msg', 'list', '1006313']));
    expect(ru.stdout).toContain('Поступила оплата через платёжный шлюз.');
    expect(await messages(cli, 1006313)).toMatchObject([{ visibility: 'system', event: 'payment_gateway', author: null }]);
  });

  it('an order the operator may not see reads as one that does not exist (8a)', async () => {
    await expectRefused(cli, ['msg', 'list', '1006313', '--as', 'ivanova'], 5, { mentions: 'order 1006313 not found' });
    await expectRefused(cli, ['msg', 'list', '1006313', '--as', 'manager2'], 5, { mentions: 'order 1006313 not found' });
    await expectRefused(cli, ['msg', 'list', '1999999'], 5, { mentions: 'order 1999999 not found' });
  });
});
