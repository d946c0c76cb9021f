/**
 * Tickets: viewing one, and checking its visitor in (SPEC.md rules 1 and 8). A check-in is one
 * transaction that locks the ticket's order, asks the core, and writes the ticket's new status and
 * the system message together, or nothing.
 */
import { assertCanProcessOrder, canView } from '../core/access.js';
import { NotFoundError } from '../core/errors.js';
import { checkCheckIn } from '../core/tickets.js';
import { localDate } from '../core/time.js';
import type { Order, OrderEvent, Ticket } from '../core/types.js';
import type { Store } from '../store/index.js';
import type { Actor, UnitOfWork } from './context.js';

/** The store as the ticket use cases see it: a ticket is found through its order. */
export type TicketUnitOfWork = UnitOfWork & Pick<Store, 'ticketOrder'>;

/** An order that has a ticket. */
export type TicketedOrder = Order & { ticket: Ticket };

export interface CheckInResult {
  /** The order after the check-in. */
  order: TicketedOrder;
  ticket: Ticket;
  events: OrderEvent[];
}

function hasTicket(order: Order | null, ticket: number): order is TicketedOrder {
  return order?.ticket?.number === ticket;
}

/**
 * The ticket's order if the actor may view it. One they may not view reads exactly as a ticket that
 * does not exist (rule 8a): the refusal names the ticket, never its order.
 */
function visible(actor: Actor, order: Order | null, ticket: number): TicketedOrder {
  if (!hasTicket(order, ticket) || !canView(actor, order)) throw new NotFoundError('ticketNotFound', { number: ticket });
  return order;
}

/** The ticket's order, for an actor who may view it: otherwise not found (exit 5). */
export async function ticketToView(uow: Pick<Store, 'ticketOrder' | 'order'>, actor: Actor, ticket: number): Promise<TicketedOrder> {
  const number = await uow.ticketOrder(ticket);
  return visible(actor, number === null ? null : await uow.order(number), ticket);
}

/** Marks that the visitor came: a paid order's active ticket, on its rental day in the location's zone. */
export async function checkIn(uow: TicketUnitOfWork, actor: Actor, ticket: number, at: Date): Promise<CheckInResult> {
  // A ticket never moves to another order: which order it belongs to may be read before the write.
  const number = await uow.ticketOrder(ticket);
  if (number === null) throw new NotFoundError('ticketNotFound', { number: ticket });
  return uow.write(async (tx) => {
    const order = visible(actor, await tx.lockOrder(number), ticket);
    // Its guest may view it, not check it in (exit 4).
    assertCanProcessOrder(actor, order);
    const tz = order.service.location.timeZone;
    checkCheckIn(order, order.ticket, localDate(at, tz), localDate(new Date(order.ticket.start), tz));
    const event: OrderEvent = { code: 'ticket_checked_in', ticket, by: actor.name };
    await tx.writeTicketStatus(ticket, 'active', 'checked_in', order.number, at.toISOString(), event);
    const after = await tx.lockOrder(number);
    if (!hasTicket(after, ticket)) throw new Error(`ticket ${ticket} vanished inside its transaction`);
    return { order: after, ticket: after.ticket, events: [event] };
  });
}
