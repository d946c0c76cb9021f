/** Checking a visitor in on a ticket. Pure. */
import { RuleError } from './errors.js';
import type { OrderStatus, Ticket } from './types.js';

/**
 * A ticket is checked in on its rental day (local `today`), when it is active and its order is
 * paid in full.
 */
export function checkCheckIn(order: { status: OrderStatus }, ticket: Ticket, today: string, ticketDate: string): void {
  if (ticket.status !== 'active') {
    throw new RuleError('TICKET_NOT_ACTIVE', { ticket: ticket.number, status: ticket.status });
  }
  if (order.status !== 'confirmed') {
    throw new RuleError('TICKET_NOT_CONFIRMED', { ticket: ticket.number, status: order.status });
  }
  if (ticketDate !== today) {
    throw new RuleError('TICKET_NOT_TODAY', { ticket: ticket.number, date: ticketDate, today });
  }
}
