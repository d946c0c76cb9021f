/**
 * The rules of the commands as src/core/fixture-refs.ts applies them to a fixture's orders and
 * services: who may have done what the file says, the period within one local day and the opening
 * hours, a ticket's status against its order, and amounts cowork may hold. Pure.
 */
import { describe, expect, it } from 'vitest';
import { parseFixture, type Fixture } from '../../src/core/fixture.js';
import {
  MAX_AMOUNT,
  bookingOf,
  checkOrder,
  checkServices,
  checkTicket,
  lineAmount,
  orderTotal,
  type FixtureProblem,
  type FixtureService,
} from '../../src/core/fixture-refs.js';
import { UsageError } from '../../src/core/errors.js';
import type { Role } from '../../src/core/types.js';
import { en } from '../../src/ui/messages/en.js';
import { ru } from '../../src/ui/messages/ru.js';
import { say } from '../../src/ui/i18n.js';

const roles: Record<string, Role> = { admin: 'admin', desk: 'rental_manager', other: 'rental_manager', g1: 'guest', g2: 'guest' };
const roleOf = (login: string): Role | undefined => roles[login];

const room: FixtureService = { slug: 'room', opensAt: '09:00', closesAt: '21:00', timeZone: 'Europe/Moscow', managers: ['desk'] };

const baseOrder = {
  number: 10,
  service: 'room',
  applicant: 'g1',
  createdAt: '2030-03-01T10:00:00+03:00',
  ticket: { number: 1, start: '2030-03-05T10:00:00+03:00', end: '2030-03-05T12:00:00+03:00' },
  lines: [{ tariff: 'Стандарт', quantity: 2 }],
};

function orderOf(more: Record<string, unknown> = {}): Fixture['orders'][number] {
  const r = parseFixture({ orders: [{ ...baseOrder, ...more }] });
  if (!('fixture' in r)) throw new Error(JSON.stringify(r.problems));
  return r.fixture.orders[0]!;
}

/** The problems as [path, message key]. */
const keys = (ps: FixtureProblem[]) => ps.map((p) => [p.path, p.issue.kind === 'rule' ? p.issue.said.key : p.issue.kind]);
const check = (more: Record<string, unknown>, service = room) => keys(checkOrder(orderOf(more), 3, service, roleOf));

describe('checkOrder: who did what', () => {
  it('an order as the commands would have made it has no problem', () => {
    expect(
      check({
        createdBy: 'desk',
        assignee: 'desk',
        cancelled: { by: 'admin', at: '2030-03-02T10:00:00+03:00', reason: null },
        payments: [{ amount: 100, method: 'cash', source: 'manager', recordedBy: 'desk', at: '2030-03-01T10:05:00+03:00' }],
        messages: [
          { visibility: 'public', author: 'g1', text: 'a', at: '2030-03-01T10:06:00+03:00' },
          { visibility: 'internal', author: 'admin', text: 'b', at: '2030-03-01T10:07:00+03:00' },
        ],
      }),
    ).toEqual([]);
    // A guest books for themselves.
    expect(check({ createdBy: 'g1' })).toEqual([]);
  });

  it('the applicant is a guest: a rental manager or an admin is refused as orders create refuses it', () => {
    expect(check({ applicant: 'desk' })).toEqual([['orders[3].applicant', 'APPLICANT_NOT_GUEST']]);
    const [p] = checkOrder(orderOf({ applicant: 'admin' }), 3, room, roleOf);
    expect(p).toEqual({
      path: 'orders[3].applicant',
      issue: { kind: 'rule', said: { key: 'APPLICANT_NOT_GUEST', args: [{ login: 'admin', role: 'admin' }] } },
    });
  });

  it('a guest creates only their own booking; staff only for a service they process', () => {
    expect(check({ createdBy: 'g2' })).toEqual([['orders[3].createdBy', 'guestBooksForSelf']]);
    expect(check({ createdBy: 'other' })).toEqual([['orders[3].createdBy', 'notResponsible']]);
    expect(check({ createdBy: 'admin' })).toEqual([]);
  });

  it('the executor: a guest, or a rental manager not responsible for the service, is not eligible', () => {
    expect(check({ assignee: 'g2' })).toEqual([['orders[3].assignee', 'ASSIGNEE_NOT_ELIGIBLE']]);
    expect(check({ assignee: 'other' })).toEqual([['orders[3].assignee', 'ASSIGNEE_NOT_ELIGIBLE']]);
    expect(check({ assignee: 'admin' })).toEqual([]);
  });

  it('whoever cancelled it, or recorded a desk payment, processes the service', () => {
    expect(check({ cancelled: { by: 'g1', at: '2030-03-02T10:00:00+03:00', reason: null } })).toEqual([
      ['orders[3].cancelled.by', 'notResponsible'],
    ]);
    expect(
      check({ payments: [{ amount: 100, method: 'cash', source: 'manager', recordedBy: 'g1', at: '2030-03-01T10:05:00+03:00' }] }),
    ).toEqual([['orders[3].payments[0].recordedBy', 'notResponsible']]);
  });

  it('an internal message is by staff of the service; a public one by its guest or staff', () => {
    expect(check({ messages: [{ visibility: 'internal', author: 'g1', text: 'x', at: '2030-03-01T10:06:00+03:00' }] })).toEqual([
      ['orders[3].messages[0].author', 'internalStaffOnly'],
    ]);
    expect(check({ messages: [{ visibility: 'public', author: 'g2', text: 'x', at: '2030-03-01T10:06:00+03:00' }] })).toEqual([
      ['orders[3].messages[0].author', 'notResponsible'],
    ]);
    expect(check({ messages: [{ visibility: 'public', author: 'other', text: 'x', at: '2030-03-01T10:06:00+03:00' }] })).toEqual([
      ['orders[3].messages[0].author', 'notResponsible'],
    ]);
  });

  it('a person the references do not know is left to them', () => {
    expect(check({ assignee: 'ghost', applicant: 'nobody' })).toEqual([]);
  });
});

describe('checkOrder: the rental period', () => {
  const ticket = (start: string, end: string) => ({ ticket: { number: 1, start, end } });

  it('inside the opening hours, at their very edges too', () => {
    expect(check(ticket('2030-03-05T09:00:00+03:00', '2030-03-05T21:00:00+03:00'))).toEqual([]);
  });

  it('starting before the service opens: at the start; ending after it closes: at the end', () => {
    expect(check(ticket('2030-03-05T08:30:00+03:00', '2030-03-05T10:00:00+03:00'))).toEqual([
      ['orders[3].ticket.start', 'OUTSIDE_OPENING_HOURS'],
    ]);
    expect(check(ticket('2030-03-05T20:00:00+03:00', '2030-03-05T21:30:00+03:00'))).toEqual([
      ['orders[3].ticket.end', 'OUTSIDE_OPENING_HOURS'],
    ]);
  });

  it('in the service’s own time zone, whatever the offset the file writes', () => {
    // 06:00Z is 09:00 in Moscow.
    expect(check(ticket('2030-03-05T06:00:00Z', '2030-03-05T08:00:00Z'))).toEqual([]);
    expect(check(ticket('2030-03-05T05:59:00Z', '2030-03-05T08:00:00Z'))).toEqual([['orders[3].ticket.start', 'OUTSIDE_OPENING_HOURS']]);
  });

  it('across local midnight it is not one day; ending at midnight is 24:00 of the day', () => {
    const allDay = { ...room, opensAt: '00:00', closesAt: '24:00' };
    expect(check(ticket('2030-03-05T22:00:00+03:00', '2030-03-06T02:00:00+03:00'), allDay)).toEqual([
      ['orders[3].ticket.end', 'periodNotOneDay'],
    ]);
    expect(check(ticket('2030-03-05T22:00:00+03:00', '2030-03-06T00:00:00+03:00'), allDay)).toEqual([]);
    expect(check(ticket('2030-03-05T00:00:00+03:00', '2030-03-06T00:00:00+03:00'), allDay)).toEqual([]);
    // A whole day and a minute more is two days.
    expect(check(ticket('2030-03-05T00:00:00+03:00', '2030-03-06T00:01:00+03:00'), allDay)).toEqual([
      ['orders[3].ticket.end', 'periodNotOneDay'],
    ]);
    // Ending at midnight, for a service that closes at 21:00, is after it closes.
    expect(check(ticket('2030-03-05T20:00:00+03:00', '2030-03-06T00:00:00+03:00'))).toEqual([
      ['orders[3].ticket.end', 'OUTSIDE_OPENING_HOURS'],
    ]);
  });

  it('a period that ends before it starts is left to the references', () => {
    expect(check(ticket('2030-03-05T12:00:00+03:00', '2030-03-05T10:00:00+03:00'))).toEqual([]);
  });

  it('bookingOf: the local date and times, as orders create takes them', () => {
    expect(bookingOf('2030-03-05T07:00:00Z', '2030-03-05T09:30:00Z', 'Europe/Moscow')).toEqual({
      date: '2030-03-05',
      from: '10:00',
      to: '12:30',
    });
    expect(bookingOf('2030-03-05T19:00:00Z', '2030-03-05T21:00:00Z', 'Europe/Moscow')).toEqual({
      date: '2030-03-05',
      from: '22:00',
      to: '24:00',
    });
    expect(bookingOf('2030-03-05T19:00:00Z', '2030-03-05T21:01:00Z', 'Europe/Moscow')).toBeNull();
    // Autumn in Berlin: 01:00–04:00 on the day the clocks go back is one day.
    expect(bookingOf('2024-10-26T23:00:00Z', '2024-10-27T03:00:00Z', 'Europe/Berlin')).toEqual({
      date: '2024-10-27',
      from: '01:00',
      to: '04:00',
    });
  });

  it('the words of a period that is not one day, in both languages', () => {
    const allDay = { ...room, opensAt: '00:00', closesAt: '24:00' };
    const [p] = checkOrder(orderOf(ticket('2030-03-05T22:00:00+03:00', '2030-03-06T02:00:00+03:00')), 0, allDay, roleOf);
    if (p?.issue.kind !== 'rule') throw new Error('expected a refusal');
    expect(say(en, p.issue.said)).toBe(
      'the rental period 2030-03-05 22:00–2030-03-06 02:00 (Europe/Moscow) is not within one day: a booking starts and ends on the same local day, by 24:00',
    );
    expect(say(ru, p.issue.said)).toContain('не укладывается в один день');
  });
});

describe('checkOrder and checkTicket: the ticket against its order', () => {
  const cancelled = { cancelled: { by: 'desk', at: '2030-03-02T10:00:00+03:00', reason: null } };
  const status = (s: string) => ({ ticket: { ...baseOrder.ticket, status: s } });

  it('a cancelled order’s ticket is cancelled; a live order’s is not', () => {
    expect(check({ ...cancelled, ...status('cancelled') })).toEqual([]);
    expect(check({ ...cancelled })).toEqual([]);
    expect(check({ ...cancelled, ...status('active') })).toEqual([['orders[3].ticket.status', 'ticketStatusOfOrder']]);
    expect(check({ ...cancelled, ...status('checked_in') })).toEqual([['orders[3].ticket.status', 'ticketStatusOfOrder']]);
    expect(check(status('cancelled'))).toEqual([['orders[3].ticket.status', 'ticketStatusOfOrder']]);
  });

  it('a checked-in ticket needs its order paid in full, as tickets check-in does', () => {
    const o = orderOf(status('checked_in'));
    expect(keys(checkTicket(o, 3, 'confirmed'))).toEqual([]);
    expect(keys(checkTicket(o, 3, 'partially_paid'))).toEqual([['orders[3].ticket.status', 'TICKET_NOT_CONFIRMED']]);
    expect(keys(checkTicket(o, 3, 'awaiting_payment'))).toEqual([['orders[3].ticket.status', 'TICKET_NOT_CONFIRMED']]);
    // Active tickets, and a cancelled order's (checkOrder's problem), are not checked in.
    expect(checkTicket(orderOf(), 3, 'awaiting_payment')).toEqual([]);
    expect(checkTicket(orderOf({ ...cancelled, ...status('checked_in') }), 3, 'cancelled')).toEqual([]);
  });
});

describe('checkServices', () => {
  const services = (...more: Record<string, unknown>[]) => {
    const r = parseFixture({
      services: more.map((m, i) => ({
        slug: `s${i}`,
        location: 'l',
        name: 'S',
        capacity: 1,
        tariffs: [{ name: 'T', unit: 'hour', price: 100 }],
        ...m,
      })),
    });
    if (!('fixture' in r)) throw new Error(JSON.stringify(r.problems));
    return keys(checkServices(r.fixture, roleOf));
  };

  it('hours that close after they open, as services create takes them: 24:00 closes the day', () => {
    expect(services({ opensAt: '00:00', closesAt: '24:00' }, { opensAt: '09:00', closesAt: '09:01' }, {})).toEqual([]);
  });

  it('opening at 24:00, closing before opening, or closing as it opens: refused at closesAt', () => {
    expect(
      services({ opensAt: '24:00', closesAt: '24:00' }, { opensAt: '10:00', closesAt: '09:00' }, { opensAt: '10:00', closesAt: '10:00' }),
    ).toEqual([
      ['services[0].closesAt', 'closesBeforeOpens'],
      ['services[1].closesAt', 'closesBeforeOpens'],
      ['services[2].closesAt', 'closesBeforeOpens'],
    ]);
  });

  it('a time that is not one is the schema’s problem', () => {
    const r = parseFixture({
      services: [{ slug: 's', location: 'l', name: 'S', capacity: 1, opensAt: '24:30', tariffs: [{ name: 'T', unit: 'hour', price: 1 }] }],
    });
    expect('problems' in r && r.problems.map((p) => p.path)).toEqual(['services[0].opensAt']);
  });

  it('a responsible manager is a rental manager: a guest or an admin is refused', () => {
    expect(services({ managers: ['desk', 'g1', 'admin', 'ghost'] })).toEqual([
      ['services[0].managers[1]', 'MANAGER_NOT_ELIGIBLE'],
      ['services[0].managers[2]', 'MANAGER_NOT_ELIGIBLE'],
    ]);
  });
});

describe('amounts', () => {
  it('quantity × unit price, up to 999 999 999 999,99 ₽', () => {
    expect(MAX_AMOUNT).toBe(99_999_999_999_999);
    expect(lineAmount(90000, 2)).toBe(180000);
    expect(lineAmount(0, Number.MAX_SAFE_INTEGER)).toBe(0);
    expect(lineAmount(MAX_AMOUNT, 1)).toBe(MAX_AMOUNT);
    expect(lineAmount(1, MAX_AMOUNT)).toBe(MAX_AMOUNT);
  });

  it('beyond it, or beyond what JavaScript holds exactly, a usage error that says so', () => {
    for (const [price, quantity] of [
      [MAX_AMOUNT, 2],
      [1, MAX_AMOUNT + 1],
      [90000, 100_000_000_000],
      [90000, Number.MAX_SAFE_INTEGER],
      [Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
    ] as const) {
      let e: unknown;
      try {
        lineAmount(price, quantity);
      } catch (x) {
        e = x;
      }
      expect(e, `${price} × ${quantity}`).toBeInstanceOf(UsageError);
      expect((e as UsageError).said).toEqual({ key: 'lineAmountTooLarge', args: [{ quantity, unitPrice: price, max: MAX_AMOUNT }] });
    }
    const e = new UsageError('lineAmountTooLarge', { quantity: 100_000_000_000, unitPrice: 90000, max: MAX_AMOUNT });
    expect(say(en, e.said)).toBe('100,000,000,000 × 900 ₽ is more than an amount may be (999,999,999,999.99 ₽ at most)');
    expect(say(ru, e.said)).toContain('больше, чем может быть сумма');
  });

  it('a total: the sum of the lines, within the same bound', () => {
    expect(orderTotal([1, 2, 3])).toBe(6);
    expect(orderTotal([])).toBe(0);
    expect(orderTotal([MAX_AMOUNT - 1, 1])).toBe(MAX_AMOUNT);
    expect(() => orderTotal([MAX_AMOUNT, 1])).toThrow(UsageError);
    expect(() => orderTotal(Array.from({ length: 200 }, () => MAX_AMOUNT))).toThrow(UsageError);
  });

  it('the schema refuses a price or a payment beyond the bound', () => {
    const r = parseFixture({
      services: [{ slug: 's', location: 'l', name: 'S', capacity: 1, tariffs: [{ name: 'T', unit: 'hour', price: MAX_AMOUNT + 1 }] }],
      orders: [{ ...baseOrder, payments: [{ amount: MAX_AMOUNT + 1, method: 'card', source: 'gateway', at: '2030-03-01T10:00:00Z' }] }],
    });
    expect('problems' in r && r.problems.map((p) => p.path)).toEqual(['services[0].tariffs[0].price', 'orders[0].payments[0].amount']);
  });
});
