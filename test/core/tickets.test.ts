import { describe, expect, it } from 'vitest';
import { checkCheckIn } from '../../src/core/tickets.js';
import { RuleError } from '../../src/core/errors.js';
import type { OrderStatus, Ticket, TicketStatus } from '../../src/core/types.js';

const ticket = (status: TicketStatus = 'active'): Ticket => ({
  number: 207,
  status,
  visitor: { name: 'Алексей Трошков', phone: '+73422545454' },
  start: '2023-08-11T11:00:00.000Z',
  end: '2023-08-11T15:00:00.000Z',
});

function refusal(status: OrderStatus, t: Ticket, today: string, date: string): RuleError {
  try {
    checkCheckIn({ status }, t, today, date);
  } catch (e) {
    expect(e).toBeInstanceOf(RuleError);
    return e as RuleError;
  }
  throw new Error('expected a refusal');
}

describe('checkCheckIn', () => {
  it('lets an active ticket of a paid order in on its day', () => {
    expect(() => checkCheckIn({ status: 'confirmed' }, ticket(), '2023-08-11', '2023-08-11')).not.toThrow();
  });

  it.each(['checked_in', 'cancelled'] as const)('refuses a %s ticket, saying its status', (status) => {
    const e = refusal('confirmed', ticket(status), '2023-08-11', '2023-08-11');
    expect(e.code).toBe('TICKET_NOT_ACTIVE');
    expect(e.said.args).toEqual([{ ticket: 207, status }]);
  });

  it.each(['awaiting_payment', 'partially_paid', 'cancelled'] as const)('refuses a ticket of a %s order', (status) => {
    const e = refusal(status, ticket(), '2023-08-11', '2023-08-11');
    expect(e.code).toBe('TICKET_NOT_CONFIRMED');
    expect(e.said.args).toEqual([{ ticket: 207, status }]);
  });

  it.each(['2023-08-10', '2023-08-12'])('refuses on another day (%s) than the rental day', (today) => {
    const e = refusal('confirmed', ticket(), today, '2023-08-11');
    expect(e.code).toBe('TICKET_NOT_TODAY');
    expect(e.said.args).toEqual([{ ticket: 207, date: '2023-08-11', today }]);
  });

  it('checks the ticket first, then the money, then the day', () => {
    expect(refusal('awaiting_payment', ticket('cancelled'), '2023-08-12', '2023-08-11').code).toBe('TICKET_NOT_ACTIVE');
    expect(refusal('awaiting_payment', ticket(), '2023-08-12', '2023-08-11').code).toBe('TICKET_NOT_CONFIRMED');
  });
});
