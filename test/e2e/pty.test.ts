/**
 * The interactive prompts in a real pseudo-terminal: the operator sees the allowed range, a wrong
 * amount is refused as it is typed, the method is chosen from a list; a cancel asks first.
 */
import { describe, expect, it } from 'vitest';
import { sandbox } from '../helpers/cli.js';
import { CLEAR, DOWN, ENTER, hasPty, inPty, UP } from '../helpers/pty.js';

describe.skipIf(!hasPty)('prompts in a terminal', () => {
  it('pay record asks the amount within the allowed range, then the method', () => {
    const sb = sandbox({ seedDemo: true });
    const r = inPty(
      sb,
      ['pay', 'record', '1006314'],
      [
        { expect: 'Pay 0.01 ₽ to 650 ₽, or exactly 700 ₽' },
        { expect: 'Amount' },
        // Clear the suggested default, then type an amount that would leave 49.99 ₽.
        { send: CLEAR },
        { send: '650.01' + ENTER },
        { expect: 'Allowed: pay 0.01 ₽ to 650 ₽, or exactly 700 ₽' },
        { send: CLEAR },
        { send: '650' + ENTER },
        { expect: 'Payment method' },
        { send: UP + ENTER }, // from the default, cash, up to card
        { expect: 'recorded' },
      ],
    );
    expect(r.failed, r.screen).toBeNull();
    expect(r.code).toBe(0);
    const order = JSON.parse(sb.run(['orders', 'show', '1006314', '--json']).stdout);
    expect(order.paid).toBe(30000 + 65000);
    expect(order.remaining).toBe(5000);
    expect(order.payments.at(-1)).toMatchObject({ amount: 65000, method: 'card', source: 'manager' });
  });

  it('msg post without --text asks staff public or internal, then the message', () => {
    const sb = sandbox({ seedDemo: true });
    const r = inPty(
      sb,
      ['msg', 'post', '1006314'],
      [
        { expect: 'Who sees the message?' },
        { send: DOWN + ENTER }, // from the default, public, down to internal
        { expect: 'Write a message...' },
        { send: 'Только для своих' + ENTER },
        { expect: 'Internal message posted on order 1006314.' },
      ],
    );
    expect(r.failed, r.screen).toBeNull();
    expect(r.code).toBe(0);
    const feed = JSON.parse(sb.run(['msg', 'list', '1006314', '--json']).stdout);
    expect(feed.at(-1)).toMatchObject({ visibility: 'internal', body: 'Только для своих', author: { login: 'manager' } });
  });

  it('orders cancel asks for confirmation; declined exits 3 and changes nothing', () => {
    const sb = sandbox({ seedDemo: true });
    const before = sb.run(['orders', 'show', '1006314', '--json']).stdout;
    const r = inPty(sb, ['orders', 'cancel', '1006314'], [{ expect: 'Cancel order 1006314' }, { send: 'n' }, { send: ENTER }]);
    expect(r.failed, r.screen).toBeNull();
    expect(r.code).toBe(3);
    expect(sb.run(['orders', 'show', '1006314', '--json']).stdout).toBe(before);
  });

  it('orders cancel confirmed asks for a reason and cancels', () => {
    const sb = sandbox({ seedDemo: true });
    const r = inPty(
      sb,
      ['orders', 'cancel', '1006314'],
      [
        { expect: 'Cancel order 1006314' },
        { send: 'y' },
        { send: ENTER },
        { expect: 'Reason' },
        { send: 'Гость уехал' + ENTER },
        { expect: 'cancelled' },
      ],
    );
    expect(r.failed, r.screen).toBeNull();
    expect(r.code).toBe(0);
    const order = JSON.parse(sb.run(['orders', 'show', '1006314', '--json']).stdout);
    expect(order.status).toBe('cancelled');
    expect(order.cancelReason).toBe('Гость уехал');
  });

  it("in Russian: the range in Russian money, the method, and @inquirer's own words", () => {
    const sb = sandbox({ seedDemo: true });
    const r = inPty(
      sb,
      ['--lang', 'ru', 'pay', 'record', '1006314'],
      [
        { expect: 'Проведите от 0,01 ₽ до 650 ₽ или ровно 700 ₽' },
        { expect: 'Сумма, ₽' },
        { send: CLEAR },
        { send: '650,01' + ENTER },
        { expect: 'Допустимо: проведите от 0,01 ₽ до 650 ₽ или ровно 700 ₽' },
        { send: CLEAR },
        { send: '650' + ENTER },
        { expect: 'Способ оплаты' },
        { expect: 'выбор' },
        { send: ENTER },
        { expect: 'проведена оплата 650 ₽ (Наличные)' },
      ],
    );
    expect(r.failed, r.screen).toBeNull();
    expect(r.code).toBe(0);
  });

  it('in Russian the confirmation answers Да or Нет', () => {
    const sb = sandbox({ seedDemo: true });
    const r = inPty(
      sb,
      ['--lang', 'ru', 'orders', 'cancel', '1006314'],
      [
        { expect: 'Отменить заказ 1006314' },
        { expect: 'д/Н' },
        { send: 'x' + ENTER },
        { expect: 'Ответьте «Да» или «Нет»' },
        { send: CLEAR + 'н' + ENTER },
      ],
    );
    expect(r.failed, r.screen).toBeNull();
    expect(r.code).toBe(3);
    expect(r.screen).toContain('не подтверждено: ничего не изменено');
  });

  it('--no-input turns the prompt into a usage error naming the flag', () => {
    const sb = sandbox({ seedDemo: true });
    const r = inPty(sb, ['--no-input', 'pay', 'record', '1006314'], []);
    expect(r.code).toBe(2);
    expect(r.screen).toContain('--amount');
  });

  it('orders create asks for what is missing', () => {
    const sb = sandbox({ seedDemo: true });
    const r = inPty(
      sb,
      ['orders', 'create', '--applicant', 'troshkov'],
      [
        { expect: 'Service' },
        { send: ENTER },
        { expect: 'Date' },
        { send: CLEAR + '2023-08-12' + ENTER },
        { expect: 'From' },
        { send: CLEAR + '10:00' + ENTER },
        { expect: 'To' },
        { send: '12:00' + ENTER },
        { expect: 'Order 1006318' },
      ],
    );
    expect(r.failed, r.screen).toBeNull();
    expect(r.code).toBe(0);
    const order = JSON.parse(sb.run(['orders', 'show', '1006318', '--json']).stdout);
    expect(order).toMatchObject({ total: 20000, status: 'awaiting_payment', service: { slug: 'coworking-2' } });
  });

  it('Ctrl-C at a prompt exits 130 and writes nothing', () => {
    const sb = sandbox({ seedDemo: true });
    const before = sb.run(['orders', 'show', '1006314', '--json']).stdout;
    const r = inPty(sb, ['pay', 'record', '1006314'], [{ expect: 'Amount' }, { send: '\u0003' }]);
    expect(r.failed, r.screen).toBeNull();
    expect(r.code).toBe(130);
    expect(sb.run(['orders', 'show', '1006314', '--json']).stdout).toBe(before);
  });
});

describe.skipIf(!hasPty)('colour', () => {
  const sb = sandbox({ seedDemo: true });
  const ESC = '\u001b[';
  const show = (args: string[], env: Record<string, string | undefined>) =>
    inPty(sb, [...args, 'orders', 'show', '1006313'], [{ expect: 'Due date' }], env);

  it('on a terminal the view is coloured, and ends with the commands for the screen’s buttons', () => {
    const r = show([], { NO_COLOR: undefined });
    expect(r.code).toBe(0);
    expect(r.screen).toContain(ESC);
    expect(r.screen).toContain('cowork orders assign 1006313 LOGIN');
  });

  it.each([
    ['NO_COLOR', [], { NO_COLOR: '1' }],
    ['TERM=dumb', [], { NO_COLOR: undefined, TERM: 'dumb' }],
    ['--no-color', ['--no-color'], { NO_COLOR: undefined }],
  ] as const)('never with %s', (_what, args, env) => {
    const r = show([...args], env);
    expect(r.code).toBe(0);
    expect(r.screen).toContain('Due date');
    expect(r.screen).not.toContain(ESC);
  });

  it('a guest is not offered the commands of staff', () => {
    const r = show(['--as', 'troshkov'], { NO_COLOR: '1' });
    expect(r.screen).toContain('cowork msg post 1006313');
    expect(r.screen).not.toContain('orders assign');
  });
});
