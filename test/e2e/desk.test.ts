/**
 * The desk at a terminal (`cowork desk`, and `cowork` alone): search an order by a guest's name,
 * open it, take a partial payment inside the allowed range, post an internal message, go back,
 * leave — in English and in Russian. Off a terminal the desk is a usage error.
 */
import { describe, expect, it } from 'vitest';
import { sandbox } from '../helpers/cli.js';
import { CLEAR, DOWN, ENTER, hasPty, inPty } from '../helpers/pty.js';

const ESC = '\u001b';

describe('cowork desk off a terminal', () => {
  it('is a usage error (2) that says why; `cowork` alone prints help', () => {
    const sb = sandbox({ seedDemo: true });
    const r = sb.run(['desk']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('the desk needs a terminal');
    const ru = sb.run(['--lang', 'ru', 'desk']);
    expect(ru.code).toBe(2);
    expect(ru.stderr).toContain('рабочему месту нужен терминал');
    const alone = sb.run([]);
    expect(alone.stdout + alone.stderr).toContain('Usage: cowork');
  });
});

describe.skipIf(!hasPty)('cowork desk at a terminal', () => {
  const orderOf = (sb: ReturnType<typeof sandbox>, n: number) => JSON.parse(sb.run(['orders', 'show', String(n), '--json']).stdout);

  it('search by name, open, a partial payment inside the range, an internal message, back, leave', () => {
    const sb = sandbox({ seedDemo: true });
    const r = inPty(
      sb,
      ['desk'],
      [
        { expect: 'Order (type a number' },
        { send: 'мария' },
        { expect: '1006314' },
        { send: ENTER },
        { expect: 'Order №1006314' },
        { expect: 'Take a payment' },
        { send: ENTER },
        { expect: 'Amount' },
        { send: CLEAR },
        { send: '680' + ENTER },
        { expect: 'Allowed' },
        { send: CLEAR },
        { send: '300' + ENTER },
        { expect: 'Payment method' },
        { send: ENTER },
        { expect: 'Order №1006314', fresh: true },
        // pay, change executor, cancel, write a message…
        { send: DOWN + DOWN + DOWN },
        { send: ENTER },
        { expect: 'Public' },
        { send: DOWN + ENTER },
        { expect: 'Write a message...', fresh: true },
        { send: 'Гость придёт позже' + ENTER },
        { expect: 'Order №1006314', fresh: true },
        { send: ESC, delay: 0.7 },
        { expect: 'Order (type a number', fresh: true },
        { send: ESC, delay: 0.7 },
        { expect: 'Desk closed.' },
      ],
      { NO_COLOR: '1' },
      { columns: 100, rows: 40 },
    );
    expect(r.failed, r.screen).toBeNull();
    expect(r.code).toBe(0);
    const order = orderOf(sb, 1006314);
    expect(order).toMatchObject({ paid: 60000, remaining: 40000 });
    expect(order.payments.at(-1)).toMatchObject({ kind: 'payment', amount: 30000, source: 'manager' });
    expect(order.messages.at(-1)).toMatchObject({ visibility: 'internal', body: 'Гость придёт позже' });
  });

  it('in Russian, `cowork` alone opens the desk; the menu speaks the screen’s words; Ctrl-C leaves with 130', () => {
    const sb = sandbox({ seedDemo: true });
    const r = inPty(
      sb,
      ['--lang', 'ru'],
      [
        { expect: 'Заказ (номер, имя' },
        { send: 'МАРИЯ' },
        { expect: '1006314' },
        { send: ENTER },
        { expect: 'Провести оплату' },
        { expect: 'Изменить исполнителя' },
        { expect: 'Отменить заказ' },
        { expect: 'Написать сообщение' },
        { send: ENTER },
        { expect: 'Сумма' },
        { send: CLEAR },
        { send: '300' + ENTER },
        { expect: 'Способ оплаты' },
        { send: ENTER },
        { expect: 'Заказ №1006314', fresh: true },
        { send: DOWN + DOWN + DOWN + ENTER },
        { expect: 'Публичное' },
        { send: DOWN + ENTER },
        { expect: 'Написать сообщение...', fresh: true },
        { send: 'Внутренняя заметка' + ENTER },
        { expect: 'Заказ №1006314', fresh: true },
        { send: ESC, delay: 0.7 },
        { expect: 'Заказ (номер, имя', fresh: true },
        { send: '\u0003' },
      ],
      { NO_COLOR: '1' },
      { columns: 100, rows: 40 },
    );
    expect(r.failed, r.screen).toBeNull();
    expect(r.code).toBe(130);
    const order = orderOf(sb, 1006314);
    expect(order.paid).toBe(60000);
    expect(order.messages.at(-1)).toMatchObject({ visibility: 'internal', body: 'Внутренняя заметка' });
  });
});
