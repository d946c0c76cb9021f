/**
 * The desk's menu on an order (SPEC.md `desk`): the actions the operator may take on it now, in the
 * order of the source screen's form. Pure: an action offered here is one the use case would
 * accept, up to what the operator then types (an amount, a reason).
 */
import { canProcess, canView } from './access.js';
import { refundDueOf, remainingOf } from './orders.js';
import type { Order, User } from './types.js';

export const DESK_ACTIONS = ['pay', 'refund', 'assign', 'cancel', 'message', 'ticket', 'checkIn'] as const;
export type DeskAction = (typeof DESK_ACTIONS)[number];

type Actor = Pick<User, 'login' | 'role'>;

/**
 * What the operator may do with the order: the staff who process it take payments while there is
 * a balance, give back what is due, change the executor and cancel while it is live, and check the
 * visitor in on an active ticket of a paid order; whoever may view it writes on its feed and opens
 * its ticket.
 */
export function deskActions(actor: Actor, order: Order): DeskAction[] {
  if (!canView(actor, order)) return [];
  const staff = canProcess(actor, order.service);
  const live = order.status !== 'cancelled';
  const out: DeskAction[] = [];
  if (staff && live && remainingOf(order) > 0) out.push('pay');
  if (staff && refundDueOf(order) > 0) out.push('refund');
  if (staff && live) out.push('assign', 'cancel');
  out.push('message');
  if (order.ticket) out.push('ticket');
  if (staff && live && order.status === 'confirmed' && order.ticket?.status === 'active') out.push('checkIn');
  return out;
}
