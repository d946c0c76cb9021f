/** What each refusal of src/core/access.ts says: the message key and its values, not only the class. */
import { describe, expect, it } from 'vitest';
import {
  assertAdmin,
  assertCanAddUser,
  assertCanProcess,
  assertCanProcessOrder,
  assertCanView,
  assertEligibleAssignee,
  assertStaff,
} from '../../src/core/access.js';
import { NotAllowedError, NotFoundError, RuleError } from '../../src/core/errors.js';
import type { Role } from '../../src/core/types.js';
import { thrown } from '../helpers/refusals.js';

const admin = { login: 'admin', role: 'admin' as const };
const manager = { login: 'manager', role: 'rental_manager' as const };
const manager2 = { login: 'manager2', role: 'rental_manager' as const };
const guest = { login: 'troshkov', role: 'guest' as const };
const coworking = { slug: 'coworking-2', managers: ['manager'] };

describe('assertCanAddUser says why', () => {
  it.each(['rental_manager', 'admin'] as const)('a rental manager adding a %s: guests only, naming the role', (role) => {
    const e = thrown(() => assertCanAddUser(manager, role));
    expect(e).toBeInstanceOf(NotAllowedError);
    expect(e.said).toEqual({ key: 'managerAddsGuestsOnly', args: [{ role }] });
  });

  it.each(['guest', 'rental_manager', 'admin'] as const)('a guest adding a %s: staff only', (role: Role) => {
    const e = thrown(() => assertCanAddUser(guest, role));
    expect(e).toBeInstanceOf(NotAllowedError);
    expect(e.said).toEqual({ key: 'staffAddUsers', args: [] });
  });

  it('an admin adds anyone; a rental manager adds a guest', () => {
    for (const role of ['guest', 'rental_manager', 'admin'] as const) expect(() => assertCanAddUser(admin, role)).not.toThrow();
    expect(() => assertCanAddUser(manager, 'guest')).not.toThrow();
  });
});

describe('assertAdmin', () => {
  it('lets an admin through', () => {
    expect(() => assertAdmin(admin, 'createServices')).not.toThrow();
    expect(() => assertAdmin(admin, 'changeServices')).not.toThrow();
  });

  it.each([manager, guest])('refuses %o, naming what only an admin does', (actor) => {
    for (const what of ['createServices', 'changeServices'] as const) {
      const e = thrown(() => assertAdmin(actor, what));
      expect(e).toBeInstanceOf(NotAllowedError);
      expect(e.said).toEqual({ key: 'adminOnly', args: [{ what }] });
    }
  });
});

describe('assertStaff', () => {
  it('lets rental managers and admins through', () => {
    expect(() => assertStaff(manager)).not.toThrow();
    expect(() => assertStaff(admin)).not.toThrow();
  });

  it('refuses a guest', () => {
    const e = thrown(() => assertStaff(guest));
    expect(e).toBeInstanceOf(NotAllowedError);
    expect(e.said).toEqual({ key: 'guestMayNot', args: [] });
  });
});

describe('the values of the other refusals', () => {
  it('an ineligible assignee names the login and the service', () => {
    const e = thrown(() => assertEligibleAssignee(manager2, coworking));
    expect(e).toBeInstanceOf(RuleError);
    expect(e.code).toBe('ASSIGNEE_NOT_ELIGIBLE');
    expect(e.said).toEqual({ key: 'ASSIGNEE_NOT_ELIGIBLE', args: [{ login: 'manager2', service: 'coworking-2' }] });
    expect(thrown(() => assertEligibleAssignee(guest, coworking)).said.args).toEqual([{ login: 'troshkov', service: 'coworking-2' }]);
  });

  it('not responsible names the login and the service', () => {
    expect(thrown(() => assertCanProcess(manager2, coworking)).said).toEqual({
      key: 'notResponsible',
      args: [{ login: 'manager2', service: 'coworking-2' }],
    });
  });

  it('an order one may not view is not found by its number', () => {
    const order = { number: 1006313, service: coworking, applicant: { login: 'ivanova' } };
    for (const who of [manager2, guest]) {
      const e = thrown(() => assertCanView(who, order));
      expect(e).toBeInstanceOf(NotFoundError);
      expect(e.said).toEqual({ key: 'orderNotFound', args: [{ number: 1006313 }] });
      expect(thrown(() => assertCanProcessOrder(who, order)).said).toEqual(e.said);
    }
  });

  it("a guest's own order: viewable, not processable", () => {
    const order = { number: 1006313, service: coworking, applicant: { login: 'troshkov' } };
    expect(() => assertCanView(guest, order)).not.toThrow();
    const e = thrown(() => assertCanProcessOrder(guest, order));
    expect(e).toBeInstanceOf(NotAllowedError);
    expect(e.said).toEqual({ key: 'guestMayNot', args: [] });
  });

  it('a manager who applied for an order of a service they do not process: viewable, not responsible', () => {
    const order = { number: 7, service: coworking, applicant: { login: 'manager2' } };
    expect(() => assertCanView(manager2, order)).not.toThrow();
    expect(thrown(() => assertCanProcessOrder(manager2, order)).said).toEqual({
      key: 'notResponsible',
      args: [{ login: 'manager2', service: 'coworking-2' }],
    });
    expect(() => assertCanProcessOrder(manager, order)).not.toThrow();
    expect(() => assertCanProcessOrder(admin, order)).not.toThrow();
  });
});
