/** The desk's menu on an order (src/core/desk.ts): what the operator may do with it now. */
import { describe, expect, it } from 'vitest';
import { deskActions } from '../../src/core/desk.js';
import type { Order, User } from '../../src/core/types.js';

const manager: Pick<User, 'login' | 'role'> = { login: 'manager', role: 'rental_manager' };
const other: Pick<User, 'login' | 'role'> = { login: 'manager2', role: 'rental_manager' };
const admin: Pick<User, 'login' | 'role'> = { login: 'admin', role: 'admin' };
const guest: Pick<User, 'login' | 'role'> = { login: 'troshkov', role: 'guest' };
const stranger: Pick<User, 'login' | 'role'> = { login: 'ivanov', role: 'guest' };

function order(o: Partial<Order> & { ticketStatus?: 'active' | 'checked_in' | 'cancelled' | null } = {}): Order {
  const { ticketStatus = 'active', ...rest } = o;
  return {
    number: 1,
    status: 'partially_paid',
    total: 40000,
    paid: 12000,
    kept: 0,
    minRemaining: 5000,
    partialPayment: true,
    createdAt: '2023-08-11T08:00:00.000Z',
    createdBy: null,
    service: { managers: ['manager'] } as Order['service'],
    applicant: { login: 'troshkov', name: 'Алексей Трошков', phone: null, role: 'guest' },
    assignee: null,
    dueDate: '2023-08-11',
    lines: [],
    ticket:
      ticketStatus === null
        ? null
        : {
            number: 207,
            status: ticketStatus,
            visitor: { name: 'x', phone: null },
            start: '2023-08-11T11:00:00Z',
            end: '2023-08-11T15:00:00Z',
          },
    cancelledAt: null,
    cancelReason: null,
    ...rest,
  };
}

describe('deskActions', () => {
  it('a manager of the service: pay while a balance is left, executor, cancel, message, ticket', () => {
    expect(deskActions(manager, order())).toEqual(['pay', 'assign', 'cancel', 'message', 'ticket']);
    expect(deskActions(admin, order())).toEqual(['pay', 'assign', 'cancel', 'message', 'ticket']);
  });

  it('paid in full: no payment; the visitor may be checked in while the ticket is active', () => {
    const paid = order({ status: 'confirmed', paid: 40000 });
    expect(deskActions(manager, paid)).toEqual(['assign', 'cancel', 'message', 'ticket', 'checkIn']);
    expect(deskActions(manager, { ...paid, ticket: { ...paid.ticket!, status: 'checked_in' } })).not.toContain('checkIn');
  });

  it('overpaid: money is due back while the order is live', () => {
    expect(deskActions(manager, order({ status: 'confirmed', paid: 45000 }))).toContain('refund');
  });

  it('cancelled: only a refund of what is due, the feed and the ticket', () => {
    const cancelled = order({ status: 'cancelled', paid: 25000, kept: 10000, ticketStatus: 'cancelled' });
    expect(deskActions(manager, cancelled)).toEqual(['refund', 'message', 'ticket']);
    expect(deskActions(manager, { ...cancelled, paid: 10000 })).toEqual(['message', 'ticket']);
  });

  it('the guest who applied: the feed and the ticket; a manager of another service or another guest: nothing', () => {
    expect(deskActions(guest, order())).toEqual(['message', 'ticket']);
    expect(deskActions(guest, order({ ticketStatus: null }))).toEqual(['message']);
    expect(deskActions(other, order())).toEqual([]);
    expect(deskActions(stranger, order())).toEqual([]);
  });
});
