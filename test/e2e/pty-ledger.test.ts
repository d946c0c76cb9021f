/**
 * Giving money back and undoing a mistake at a terminal: `pay refund` shows what is due and refuses
 * more as it is typed; `pay reverse` asks first, and a "no" changes nothing.
 */
import { describe, expect, it } from 'vitest';
import { sandbox } from '../helpers/cli.js';
import { CLEAR, ENTER, hasPty, inPty } from '../helpers/pty.js';

describe.skipIf(!hasPty)('the money cycle at a terminal', () => {
  it('pay refund shows what is due, refuses more as it is typed, then asks the method', () => {
    const sb = sandbox({ seedDemo: true });
    const r = inPty(
      sb,
      ['pay', 'refund', '1006316'],
      [
        { expect: '250 ₽ is due for refund' },
        { expect: 'Amount' },
        { send: CLEAR },
        { send: '250.01' + ENTER },
        { expect: 'Allowed: up to 250 ₽' },
        { send: CLEAR },
        { send: '100' + ENTER },
        { expect: 'Payment method' },
        { send: ENTER },
        { expect: '150 ₽ more is due for refund' },
      ],
    );
    expect(r.failed, r.screen).toBeNull();
    expect(r.code).toBe(0);
    const order = JSON.parse(sb.run(['orders', 'show', '1006316', '--json']).stdout);
    expect(order).toMatchObject({ refundDue: 15000, paid: 25000 });
    expect(order.payments.at(-1)).toMatchObject({ kind: 'refund', amount: 10000, method: 'cash' });
  });

  it('pay reverse asks first: "no" is exit 3 and changes nothing; "yes" reverses, in Russian too', () => {
    const sb = sandbox({ seedDemo: true });
    const paid = JSON.parse(sb.run(['--as', 'manager2', 'pay', 'record', '1006315', '--amount', '2000', '--json']).stdout);
    const id = String(paid.payment.id);
    const no = inPty(
      sb,
      ['--as', 'manager2', 'pay', 'reverse', id],
      [{ expect: `Reverse payment ${id} of 2,000 ₽` }, { send: 'n' + ENTER }],
    );
    expect(no.failed, no.screen).toBeNull();
    expect(no.code).toBe(3);
    expect(JSON.parse(sb.run(['orders', 'show', '1006315', '--json']).stdout).status).toBe('confirmed');
    const yes = inPty(
      sb,
      ['--lang', 'ru', '--as', 'manager2', 'pay', 'reverse', id],
      [
        { expect: `Сторнировать оплату ${id}` },
        { send: 'y' + ENTER },
        { expect: 'Причина' },
        { send: 'ошибка' + ENTER },
        { expect: 'сторнирована' },
      ],
    );
    expect(yes.failed, yes.screen).toBeNull();
    expect(yes.code).toBe(0);
    const order = JSON.parse(sb.run(['orders', 'show', '1006315', '--json']).stdout);
    expect(order).toMatchObject({ status: 'awaiting_payment', paid: 0 });
    expect(order.payments.at(-1)).toMatchObject({ kind: 'reversal', reverses: id, reason: 'ошибка' });
  });
});
