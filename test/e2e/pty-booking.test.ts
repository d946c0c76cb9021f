/**
 * The booking prompt in a real pseudo-terminal: each answer is checked as it is typed. A start time
 * already past is refused right after the "from" answer, and the same prompt waits for another;
 * the operator never starts over.
 */
import { describe, expect, it } from 'vitest';
import { sandbox } from '../helpers/cli.js';
import { CLEAR, ENTER, hasPty, inPty } from '../helpers/pty.js';

describe.skipIf(!hasPty)('the booking prompt at a terminal', () => {
  it('refuses a past start as it is typed, and asks it again', () => {
    const sb = sandbox({ seedDemo: true });
    const r = inPty(
      sb,
      ['orders', 'create', '--service', 'coworking-2', '--applicant', 'troshkov'],
      [
        { expect: 'open 08:00–22:00, 20 seats' },
        { expect: 'Date' },
        { send: ENTER }, // today, as suggested
        { expect: 'Free seats on 11 August 2023: 13:40–16:00 20 of 20 · 16:00–20:00 19 of 20' },
        { expect: 'From (HH:MM)' },
        { send: '13:00' + ENTER },
        { expect: '13:00 has already passed (it is 13:40 now)', fresh: true },
        { send: CLEAR + '15:00' + ENTER },
        { expect: 'To (HH:MM)' },
        { send: CLEAR + '17:00' + ENTER },
        { expect: 'Order 1006318' },
      ],
    );
    expect(r.failed, r.screen).toBeNull();
    expect(r.code).toBe(0);
    // The refusal came at the "from" answer, before the end was ever asked.
    expect(r.screen.indexOf('has already passed')).toBeLessThan(r.screen.indexOf('To (HH:MM)'));
    const order = JSON.parse(sb.run(['orders', 'show', '1006318', '--json']).stdout);
    expect(order.ticket).toMatchObject({ start: '2023-08-11T10:00:00.000Z', end: '2023-08-11T12:00:00.000Z' });
    expect(order.total).toBe(20000);
  });

  it('in Russian: the free seats, and the refusal of a past start in Russian words', () => {
    const sb = sandbox({ seedDemo: true });
    const r = inPty(
      sb,
      ['--lang', 'ru', 'orders', 'create', '--service', 'meeting-room', '--applicant', 'petrov'],
      [
        { expect: 'открыто 08:00–22:00, 1 место' },
        { expect: 'Дата' },
        { send: ENTER },
        { expect: 'Свободно на 11 августа 2023 г.: 13:40–22:00 1 из 1' },
        { expect: 'С (ЧЧ:ММ)' },
        { send: '12:00' + ENTER },
        { expect: 'Время 12:00 уже прошло (сейчас 13:40)', fresh: true },
        { send: CLEAR + '14:00' + ENTER },
        { expect: 'До (ЧЧ:ММ)' },
        { send: CLEAR + '15:00' + ENTER },
        { expect: 'Заказ 1006318' },
      ],
    );
    expect(r.failed, r.screen).toBeNull();
    expect(r.code).toBe(0);
    expect(r.screen.indexOf('уже прошло')).toBeLessThan(r.screen.indexOf('До (ЧЧ:ММ)'));
    const order = JSON.parse(sb.run(['orders', 'show', '1006318', '--json']).stdout);
    expect(order.ticket).toMatchObject({ start: '2023-08-11T09:00:00.000Z', end: '2023-08-11T10:00:00.000Z' });
  });
});
