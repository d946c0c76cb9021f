import { english, saysEnglish } from '../helpers/words.js';
import { describe, expect, it } from 'vitest';
import {
  assertCanAddUser,
  assertCanProcess,
  assertCanView,
  assertEligibleAssignee,
  canProcess,
  canSee,
  canView,
  assertCanProcessOrder,
  canKnowService,
} from '../../src/core/access.js';
import { NotAllowedError, NotFoundError, RuleError } from '../../src/core/errors.js';
import type { Role } from '../../src/core/types.js';

const admin = { login: 'admin', role: 'admin' as const };
const manager = { login: 'manager', role: 'rental_manager' as const };
const manager2 = { login: 'manager2', role: 'rental_manager' as const };
const troshkov = { login: 'troshkov', role: 'guest' as const };
const ivanova = { login: 'ivanova', role: 'guest' as const };

const coworking = { slug: 'coworking-2', managers: ['manager'] };
const meeting = { slug: 'meeting-room', managers: ['manager', 'manager2'] };

describe('canProcess', () => {
  it('an admin processes every service, even one with no managers', () => {
    expect(canProcess(admin, coworking)).toBe(true);
    expect(canProcess(admin, { managers: [] })).toBe(true);
  });
  it('a rental manager processes only the services they are responsible for', () => {
    expect(canProcess(manager, coworking)).toBe(true);
    expect(canProcess(manager, meeting)).toBe(true);
    expect(canProcess(manager2, meeting)).toBe(true);
    expect(canProcess(manager2, coworking)).toBe(false);
  });
  it('a guest processes nothing, even when listed as a manager by mistake', () => {
    expect(canProcess(troshkov, coworking)).toBe(false);
    expect(canProcess(troshkov, { managers: ['troshkov'] })).toBe(false);
  });
});

describe('canView', () => {
  const order = { number: 1006313, service: coworking, applicant: { login: 'troshkov' } };
  it('whoever processes the order, and its applicant', () => {
    expect(canView(admin, order)).toBe(true);
    expect(canView(manager, order)).toBe(true);
    expect(canView(troshkov, order)).toBe(true);
  });
  it('not another guest, nor a manager of another service', () => {
    expect(canView(ivanova, order)).toBe(false);
    expect(canView(manager2, order)).toBe(false);
  });
  it('an order the actor may not view reads as one that does not exist (rule 8a): exit 5, "not found"', () => {
    expect(() => assertCanView(troshkov, order)).not.toThrow();
    expect(() => assertCanView(ivanova, order)).toThrow(NotFoundError);
    let caught: unknown;
    try {
      assertCanView(manager2, order);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(NotFoundError);
    expect((caught as NotFoundError).exitCode).toBe(5);
    expect(english(caught)).toBe('order 1006313 not found');
  });

  it("assertCanProcessOrder: not viewable → not found; the guest's own order → not allowed; staff of the service → fine", () => {
    expect(() => assertCanProcessOrder(manager2, order)).toThrow(NotFoundError);
    expect(() => assertCanProcessOrder(ivanova, order)).toThrow(NotFoundError);
    expect(() => assertCanProcessOrder(troshkov, order)).toThrow(NotAllowedError);
    expect(() => assertCanProcessOrder({ login: 'admin', role: 'admin' }, order)).not.toThrow();
  });

  it('canKnowService: a rental manager knows the services they are responsible for; admins and guests all', () => {
    expect(canKnowService(manager2, order.service)).toBe(false);
    expect(canKnowService(ivanova, order.service)).toBe(true);
    expect(canKnowService({ login: 'admin', role: 'admin' }, order.service)).toBe(true);
  });
});

describe('canSee', () => {
  it('internal messages only for those who process the service', () => {
    expect(canSee(manager, coworking, 'internal')).toBe(true);
    expect(canSee(admin, coworking, 'internal')).toBe(true);
    expect(canSee(troshkov, coworking, 'internal')).toBe(false);
    expect(canSee(manager2, coworking, 'internal')).toBe(false);
  });
  it('public and system messages for every viewer', () => {
    for (const v of ['public', 'system'] as const) {
      expect(canSee(troshkov, coworking, v)).toBe(true);
      expect(canSee(manager2, coworking, v)).toBe(true);
    }
  });
});

describe('assertCanProcess', () => {
  it('throws NotAllowedError naming the service', () => {
    expect(() => assertCanProcess(manager2, coworking)).toThrow(NotAllowedError);
    expect(saysEnglish(() => assertCanProcess(manager2, coworking))).toMatch(/coworking-2/);
    expect(() => assertCanProcess(manager, coworking)).not.toThrow();
  });
});

describe('assertEligibleAssignee', () => {
  it('a responsible rental manager or an admin may be the executor', () => {
    expect(() => assertEligibleAssignee(manager, coworking)).not.toThrow();
    expect(() => assertEligibleAssignee(manager2, meeting)).not.toThrow();
    expect(() => assertEligibleAssignee(admin, coworking)).not.toThrow();
  });
  it('a guest or a manager of another service is refused by rule (exit 6, ASSIGNEE_NOT_ELIGIBLE)', () => {
    for (const who of [manager2, troshkov]) {
      let caught: unknown;
      try {
        assertEligibleAssignee(who, coworking);
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(RuleError);
      expect((caught as RuleError).code).toBe('ASSIGNEE_NOT_ELIGIBLE');
      expect((caught as RuleError).exitCode).toBe(6);
    }
  });
});

describe('assertCanAddUser', () => {
  const cases: [typeof admin | typeof manager | typeof troshkov, Role, boolean][] = [
    [admin, 'guest', true],
    [admin, 'rental_manager', true],
    [admin, 'admin', true],
    [manager, 'guest', true],
    [manager, 'rental_manager', false],
    [manager, 'admin', false],
    [troshkov, 'guest', false],
    [troshkov, 'rental_manager', false],
    [troshkov, 'admin', false],
  ];
  it.each(cases)('%o adds a %s: %s', (actor, role, ok) => {
    if (ok) expect(() => assertCanAddUser(actor, role)).not.toThrow();
    else expect(() => assertCanAddUser(actor, role)).toThrow(NotAllowedError);
  });
});
