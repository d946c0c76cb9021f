/**
 * Who may do what (SPEC.md rules 1, 6 and 9). Pure: users and services in, a boolean or a typed
 * error out.
 */
import { NotAllowedError, NotFoundError, RuleError } from './errors.js';
import type { Role, Service, User, UserRef, Visibility } from './types.js';

type Actor = Pick<User, 'login' | 'role'>;

/** An admin, or a rental manager responsible for the service: may list, view and process its orders. */
export function canProcess(actor: Actor, service: Pick<Service, 'managers'>): boolean {
  return actor.role === 'admin' || (actor.role === 'rental_manager' && service.managers.includes(actor.login));
}

/** May view the order: whoever may process it, and the guest who applied for it. */
export function canView(actor: Actor, order: { service: Pick<Service, 'managers'>; applicant: Pick<UserRef, 'login'> }): boolean {
  return canProcess(actor, order.service) || order.applicant.login === actor.login;
}

/** Internal messages are for those who process the order; everyone who may view it sees the rest. */
export function canSee(actor: Actor, service: Pick<Service, 'managers'>, visibility: Visibility): boolean {
  return visibility !== 'internal' || canProcess(actor, service);
}

export function assertCanProcess(actor: Actor, service: Pick<Service, 'managers' | 'slug'>): void {
  if (!canProcess(actor, service)) {
    throw new NotAllowedError('notResponsible', { login: actor.login, service: service.slug });
  }
}

/**
 * Rule 1 with rule 8a: an order the actor may not view reads exactly as one that does not exist,
 * so that "not allowed" never tells them it does.
 */
export function assertCanView(
  actor: Actor,
  order: { number: number; service: Pick<Service, 'managers'>; applicant: Pick<UserRef, 'login'> },
): void {
  if (!canView(actor, order)) throw new NotFoundError('orderNotFound', { number: order.number });
}

/**
 * The actor may process the order: one they may not view is not found (rule 8a); one they may
 * view but not process (a guest's own order) is not allowed.
 */
export function assertCanProcessOrder(
  actor: Actor,
  order: { number: number; service: Pick<Service, 'managers' | 'slug'>; applicant: Pick<UserRef, 'login'> },
): void {
  assertCanView(actor, order);
  if (!canProcess(actor, order.service)) {
    if (actor.role === 'guest') throw new NotAllowedError('guestMayNot');
    throw new NotAllowedError('notResponsible', { login: actor.login, service: order.service.slug });
  }
}

/**
 * The services an actor may know of (rule 8a): a rental manager, those they are responsible for;
 * an admin, all; a guest, all (they book them).
 */
export function canKnowService(actor: Actor, service: Pick<Service, 'managers'>): boolean {
  return actor.role !== 'rental_manager' || canProcess(actor, service);
}

/** Rule 6: an executor is a rental manager responsible for the service, or an admin. */
export function assertEligibleAssignee(candidate: Actor, service: Pick<Service, 'managers' | 'slug'>): void {
  if (!canProcess(candidate, service)) {
    throw new RuleError('ASSIGNEE_NOT_ELIGIBLE', { login: candidate.login, service: service.slug });
  }
}

/** Rule 9: a rental manager adds guests; only an admin adds rental managers and admins. */
export function assertCanAddUser(actor: Actor, role: Role): void {
  if (actor.role === 'admin') return;
  if (actor.role === 'rental_manager' && role === 'guest') return;
  if (actor.role === 'rental_manager') throw new NotAllowedError('managerAddsGuestsOnly', { role });
  throw new NotAllowedError('staffAddUsers');
}

export function assertAdmin(actor: Actor, what: 'createServices' | 'changeServices'): void {
  if (actor.role !== 'admin') throw new NotAllowedError('adminOnly', { what });
}

export function assertStaff(actor: Actor): void {
  if (actor.role === 'guest') throw new NotAllowedError('guestMayNot');
}
