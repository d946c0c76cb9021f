import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { assigneeChanged, MalformedEventError, parseEvent, storedEvent } from '../../src/core/events.js';
import { WARNING_CODES, type OrderEvent } from '../../src/core/types.js';

const EVENTS: OrderEvent[] = [
  { code: 'order_created', by: 'manager', total: 40000 },
  { code: 'order_created', by: null, total: 0 },
  { code: 'payment_gateway', amount: 40000, method: 'card', warning: null },
  { code: 'payment_gateway', amount: 40000, method: 'card', warning: 'OVERPAID' },
  { code: 'payment_refunded', amount: 15000, method: 'cash', by: 'manager', reason: 'Гость передумал' },
  { code: 'payment_refunded', amount: 1, method: 'card', by: null, reason: null },
  { code: 'payment_reversed', amount: 65000, method: 'cash', by: 'manager', reason: null },
  { code: 'payment_recorded', amount: 30000, method: 'cash', by: 'manager' },
  { code: 'payment_recorded', amount: 1, method: 'transfer', by: 'admin' },
  { code: 'order_confirmed' },
  { code: 'assignee_changed', to: 'manager2', by: 'manager' },
  { code: 'assignee_changed', to: null, by: null },
  { code: 'order_cancelled', by: 'manager', reason: 'Гость передумал', refundDue: 12000, kept: 3000 },
  { code: 'order_cancelled', by: 'admin', reason: null, refundDue: 0, kept: 0 },
  { code: 'ticket_checked_in', ticket: 207, by: 'manager' },
];

/** The problem a MalformedEventError names, or a failure when nothing is thrown. */
function problem(code: string, data: string | null): string {
  try {
    parseEvent(code, data);
  } catch (e) {
    expect(e).toBeInstanceOf(MalformedEventError);
    const m = e as MalformedEventError;
    expect(m.code).toBe(code);
    expect(m.message).toBe(`a stored event "${code}" is malformed: ${m.problem}`);
    return m.problem;
  }
  throw new Error(`expected ${code} ${data} to be refused`);
}

const withValues = (e: OrderEvent, patch: Record<string, unknown>): string => {
  const { code: _code, ...values } = e;
  return JSON.stringify({ ...values, ...patch });
};

describe('storedEvent', () => {
  it('stores the code apart and the other values as a JSON object', () => {
    expect(storedEvent({ code: 'payment_gateway', amount: 40000, method: 'card', warning: null })).toEqual({
      event: 'payment_gateway',
      data: '{"amount":40000,"method":"card","warning":null}',
    });
    expect(storedEvent({ code: 'order_confirmed' })).toEqual({ event: 'order_confirmed', data: '{}' });
  });

  it.each(EVENTS.map((e) => [e.code, e] as const))('%s reads back as it was stored', (_code, e) => {
    const s = storedEvent(e);
    expect(JSON.parse(s.data)).not.toHaveProperty('code');
    expect(parseEvent(s.event, s.data)).toEqual(e);
  });

  it('round-trips any well-formed payment and cancellation', () => {
    const method = fc.constantFrom('card' as const, 'cash' as const, 'transfer' as const);
    const kopecks = fc.nat({ max: Number.MAX_SAFE_INTEGER });
    const text = fc.string();
    const event = fc.oneof(
      fc.record({
        code: fc.constant('payment_gateway' as const),
        amount: kopecks,
        method,
        warning: fc.option(fc.constantFrom(...WARNING_CODES)),
      }),
      fc.record({ code: fc.constant('payment_recorded' as const), amount: kopecks, method, by: text }),
      fc.record({ code: fc.constant('order_cancelled' as const), by: text, reason: fc.option(text), refundDue: kopecks, kept: kopecks }),
      fc.record({
        code: fc.constant('payment_refunded' as const),
        amount: kopecks,
        method,
        by: fc.option(text),
        reason: fc.option(text),
      }),
      fc.record({ code: fc.constant('payment_reversed' as const), amount: kopecks, method, by: text, reason: fc.option(text) }),
      fc.record({ code: fc.constant('order_created' as const), by: fc.option(text), total: kopecks }),
      fc.record({ code: fc.constant('assignee_changed' as const), to: fc.option(text), by: fc.option(text) }),
      fc.record({
        code: fc.constant('ticket_checked_in' as const),
        ticket: fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
        by: text,
      }),
    );
    fc.assert(
      fc.property(event, (e) => {
        const s = storedEvent(e);
        expect(parseEvent(s.event, s.data)).toEqual(e);
      }),
    );
  });
});

describe('parseEvent', () => {
  it('reads the events older rows stored: a gateway payment without a warning, a cancel without a fee kept', () => {
    expect(parseEvent('payment_gateway', '{"amount":100,"method":"card"}')).toEqual({
      code: 'payment_gateway',
      amount: 100,
      method: 'card',
      warning: null,
    });
    expect(parseEvent('order_cancelled', '{"by":"m","reason":null,"refundDue":5}')).toEqual({
      code: 'order_cancelled',
      by: 'm',
      reason: null,
      refundDue: 5,
      kept: 0,
    });
    expect(problem('payment_gateway', '{"amount":100,"method":"card","warning":"LATE"}')).toMatch(
      /^warning: expected REMAINING_BELOW_MINIMUM/,
    );
    expect(problem('order_cancelled', '{"by":"m","reason":null,"refundDue":5,"kept":-1}')).toMatch(/^kept: /);
  });

  it('reads an event without values (null data) when it needs none', () => {
    expect(parseEvent('order_confirmed', null)).toEqual({ code: 'order_confirmed' });
  });

  it('ignores values a code does not read', () => {
    expect(parseEvent('order_confirmed', '{"extra":1}')).toEqual({ code: 'order_confirmed' });
    expect(parseEvent('payment_gateway', '{"amount":5,"method":"cash","fee":3}')).toEqual({
      code: 'payment_gateway',
      amount: 5,
      method: 'cash',
      warning: null,
    });
  });

  it('refuses an unknown code, and names of Object.prototype', () => {
    expect(problem('payment_lost', '{}')).toBe('unknown code');
    expect(problem('toString', '{}')).toBe('unknown code');
    expect(problem('constructor', null)).toBe('unknown code');
    expect(problem('', null)).toBe('unknown code');
  });

  it('refuses values that are not JSON', () => {
    expect(problem('order_confirmed', '{')).toBe('its values are not JSON');
    expect(problem('order_confirmed', '')).toBe('its values are not JSON');
  });

  it.each(['null', '[]', '[1]', '1', '"x"', 'true'])('refuses values %s that are not an object', (data) => {
    expect(problem('order_confirmed', data)).toBe('its values are not an object');
  });

  it('a code that needs values refuses null data, naming the first missing one', () => {
    expect(problem('payment_gateway', null)).toBe('amount: expected a whole number of kopecks, found nothing');
    expect(problem('payment_recorded', '{}')).toBe('amount: expected a whole number of kopecks, found nothing');
  });

  it('names the key, what was expected and what was found', () => {
    const gw: OrderEvent = { code: 'payment_gateway', amount: 100, method: 'card', warning: null };
    expect(problem('payment_gateway', withValues(gw, { amount: '100' }))).toBe('amount: expected a whole number of kopecks, found "100"');
    expect(problem('payment_gateway', withValues(gw, { method: 'bitcoin' }))).toBe(
      'method: expected card | cash | transfer, found "bitcoin"',
    );
    expect(problem('payment_gateway', withValues(gw, { method: null }))).toBe('method: expected card | cash | transfer, found null');
    expect(problem('payment_gateway', JSON.stringify({ amount: 100 }))).toBe('method: expected card | cash | transfer, found nothing');
  });

  it.each([-1, 1.5, 2 ** 53, '5', null, true])('a sum of kopecks refuses %j', (bad) => {
    const e: OrderEvent = { code: 'order_cancelled', by: 'm', reason: null, refundDue: 0, kept: 0 };
    expect(problem('order_cancelled', withValues(e, { refundDue: bad }))).toBe(
      `refundDue: expected a whole number of kopecks, found ${JSON.stringify(bad)}`,
    );
    expect(problem('order_created', JSON.stringify({ by: null, total: bad }))).toMatch(/^total: expected a whole number of kopecks/);
    expect(problem('payment_recorded', JSON.stringify({ amount: bad, method: 'cash', by: 'm' }))).toMatch(/^amount: /);
  });

  it('a sum of kopecks accepts 0 and the largest safe integer', () => {
    expect(parseEvent('order_created', JSON.stringify({ by: null, total: 0 }))).toEqual({ code: 'order_created', by: null, total: 0 });
    expect(parseEvent('order_created', JSON.stringify({ by: 'a', total: Number.MAX_SAFE_INTEGER }))).toMatchObject({
      total: Number.MAX_SAFE_INTEGER,
    });
  });

  it.each([0, -207, 2.5, 2 ** 53, '207', null])('a ticket number refuses %j', (bad) => {
    expect(problem('ticket_checked_in', JSON.stringify({ ticket: bad, by: 'manager' }))).toBe(
      `ticket: expected a positive whole number, found ${JSON.stringify(bad)}`,
    );
  });

  it('a ticket number accepts 1', () => {
    expect(parseEvent('ticket_checked_in', '{"ticket":1,"by":"m"}')).toEqual({ code: 'ticket_checked_in', ticket: 1, by: 'm' });
  });

  it('text must be text; text or null may be null but not a number', () => {
    expect(problem('ticket_checked_in', '{"ticket":1,"by":null}')).toBe('by: expected text, found null');
    expect(problem('ticket_checked_in', '{"ticket":1}')).toBe('by: expected text, found nothing');
    expect(problem('payment_recorded', '{"amount":1,"method":"cash","by":5}')).toBe('by: expected text, found 5');
    expect(problem('order_cancelled', '{"by":null,"reason":null,"refundDue":0}')).toBe('by: expected text, found null');
    expect(problem('order_cancelled', '{"by":"m","reason":3,"refundDue":0}')).toBe('reason: expected text or null, found 3');
    expect(problem('order_cancelled', '{"by":"m","refundDue":0}')).toBe('reason: expected text or null, found nothing');
    expect(problem('order_created', '{"by":1,"total":0}')).toBe('by: expected text or null, found 1');
    expect(problem('assignee_changed', '{"to":false,"by":null}')).toBe('to: expected text or null, found false');
    expect(problem('assignee_changed', '{"to":null,"by":{}}')).toBe('by: expected text or null, found {}');
  });
});

describe('assigneeChanged', () => {
  it('is the event of an executor change, to whom and by whom', () => {
    expect(assigneeChanged('manager2', 'manager')).toEqual({ code: 'assignee_changed', to: 'manager2', by: 'manager' });
    expect(assigneeChanged(null, null)).toEqual({ code: 'assignee_changed', to: null, by: null });
  });
});
