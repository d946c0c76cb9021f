/** The fixture schema (src/core/fixture.ts): defaults, the forms it accepts and refuses, and its words. */
import { fixtureIssue } from '../../src/ui/messages/en.js';
import { describe, expect, it } from 'vitest';
import { parseFixture, pathString, type Fixture } from '../../src/core/fixture.js';

const location = { key: 'perm', name: 'Пермь', timeZone: 'Asia/Yekaterinburg' };
const service = {
  slug: 'coworking-2',
  location: 'perm',
  name: 'Коворкинг',
  capacity: 2,
  tariffs: [{ name: 'Стандарт', unit: 'hour', price: 10000 }],
};
const order = {
  number: 7,
  service: 'coworking-2',
  applicant: 'g',
  createdAt: '2023-08-11T10:00:00+05:00',
  ticket: { number: 1, start: '2023-08-12T10:00:00+05:00', end: '2023-08-12T11:00:00+05:00' },
  lines: [{ tariff: 'Стандарт', quantity: 1 }],
};

function fixture(data: unknown): Fixture {
  const r = parseFixture(data);
  if (!('fixture' in r)) throw new Error(JSON.stringify(r.problems));
  return r.fixture;
}

function problems(data: unknown) {
  const r = parseFixture(data);
  if ('fixture' in r) throw new Error('expected problems');
  return r.problems.map((p) => [p.path, p.issue.kind === 'schema' ? fixtureIssue(p.issue) : p.issue.kind]);
}

describe('fixture defaults', () => {
  it('a location: RUB, a floor of 50 ₽', () => {
    expect(fixture({ locations: [location] }).locations).toEqual([{ ...location, currency: 'RUB', minRemaining: 5000 }]);
  });

  it('a service: open 08:00–22:00, no partial payment, 0 %, no managers', () => {
    expect(fixture({ services: [service] }).services[0]).toEqual({
      ...service,
      opensAt: '08:00',
      closesAt: '22:00',
      partialPayment: false,
      minPrepaymentPercent: 0,
      managers: [],
    });
  });

  it('a user: no phone, no email', () => {
    expect(fixture({ users: [{ login: 'g', name: 'Гость', role: 'guest' }] }).users[0]).toEqual({
      login: 'g',
      name: 'Гость',
      role: 'guest',
      phone: null,
      email: null,
    });
  });

  it('an order: no creator, no executor, no payments, no messages; a payment without a recorder', () => {
    const o = fixture({
      orders: [{ ...order, payments: [{ amount: 100, method: 'cash', source: 'gateway', at: '2023-08-11T10:00:00Z' }] }],
    }).orders[0]!;
    expect(o).toMatchObject({ createdBy: null, assignee: null, messages: [] });
    expect(o.payments).toEqual([
      { kind: 'payment', amount: 100, method: 'cash', source: 'gateway', at: '2023-08-11T10:00:00Z', recordedBy: null, reason: null },
    ]);
  });
});

describe('fixture forms', () => {
  it.each(['card', 'cash', 'transfer'])('a payment method %s', (method) => {
    expect(
      fixture({ orders: [{ ...order, payments: [{ amount: 1, method, source: 'manager', recordedBy: 'm', at: '2023-08-11T10:00:00Z' }] }] })
        .orders[0]!.payments[0]!.method,
    ).toBe(method);
  });

  it.each(['active', 'checked_in', 'cancelled'])('a ticket status %s', (status) => {
    expect(fixture({ orders: [{ ...order, ticket: { ...order.ticket, status } }] }).orders[0]!.ticket.status).toBe(status);
  });

  it('refuses an unknown ticket status, method, unit and currency', () => {
    expect(problems({ orders: [{ ...order, ticket: { ...order.ticket, status: 'lost' } }] }).map((p) => p[0])).toEqual([
      'orders[0].ticket.status',
    ]);
    expect(
      problems({ orders: [{ ...order, payments: [{ amount: 1, method: 'cheque', source: 'gateway', at: '2023-08-11T10:00:00Z' }] }] }).map(
        (p) => p[0],
      ),
    ).toEqual(['orders[0].payments[0].method']);
    expect(problems({ services: [{ ...service, tariffs: [{ name: 'x', unit: 'week', price: 1 }] }] }).map((p) => p[0])).toEqual([
      'services[0].tariffs[0].unit',
    ]);
    expect(problems({ locations: [{ ...location, currency: 'USD' }] }).map((p) => p[0])).toEqual(['locations[0].currency']);
    expect(fixture({ locations: [{ ...location, currency: 'RUB' }] }).locations[0]!.currency).toBe('RUB');
  });

  it.each(['admin', 'a.b', 'A_b-1', '9x'])('a login %j', (login) => {
    expect(fixture({ users: [{ login, name: 'x', role: 'guest' }] }).users[0]!.login).toBe(login);
  });

  it.each(['', '-a', 'a b', 'a!', ' a', 'a ', 'a\n', 'лог'])('refuses a login %j, saying what one is', (login) => {
    expect(problems({ users: [{ login, name: 'x', role: 'guest' }] })).toEqual([
      ['users[0].login', 'expected a login of letters, digits, ".", "_" or "-"'],
    ]);
  });

  it.each(['coworking-2', 'a', '1-2'])('a slug %j', (slug) => {
    expect(fixture({ services: [{ ...service, slug }] }).services[0]!.slug).toBe(slug);
  });

  it.each(['Coworking', '-a', 'a_b', 'a b', 'a\n'])('refuses a slug %j, saying what one is', (slug) => {
    expect(problems({ services: [{ ...service, slug }] })).toEqual([
      ['services[0].slug', 'expected a slug of lower-case letters, digits and "-"'],
    ]);
  });

  it('says what a time, a date, an instant and a zone are', () => {
    expect(problems({ services: [{ ...service, opensAt: '8:00' }] })).toEqual([['services[0].opensAt', 'expected a time HH:MM']]);
    expect(problems({ orders: [{ ...order, dueDate: '2023-02-30' }] })).toEqual([['orders[0].dueDate', 'expected a date YYYY-MM-DD']]);
    expect(problems({ orders: [{ ...order, createdAt: '2023-08-11 10:00' }] })).toEqual([
      ['orders[0].createdAt', 'expected an ISO-8601 time with an offset, such as 2023-08-11T13:32:00+05:00'],
    ]);
    expect(problems({ locations: [{ ...location, timeZone: 'Mars/Olympus' }] })).toEqual([
      ['locations[0].timeZone', 'expected an IANA time zone, such as Europe/Moscow'],
    ]);
  });

  it('a service needs a tariff; a payment a positive amount; a percentage at most 100', () => {
    expect(problems({ services: [{ ...service, tariffs: [] }] }).map((p) => p[0])).toEqual(['services[0].tariffs']);
    expect(problems({ services: [{ ...service, minPrepaymentPercent: 101 }] }).map((p) => p[0])).toEqual([
      'services[0].minPrepaymentPercent',
    ]);
    expect(fixture({ services: [{ ...service, minPrepaymentPercent: 100, partialPayment: true }] }).services[0]).toMatchObject({
      minPrepaymentPercent: 100,
      partialPayment: true,
    });
  });

  it('a problem of the whole file is at (root)', () => {
    expect(problems([]).map((p) => p[0])).toEqual(['(root)']);
  });
});

describe('pathString', () => {
  it('joins keys with dots and indexes with brackets', () => {
    expect(pathString(['orders', 0, 'payments', 2, 'amount'])).toBe('orders[0].payments[2].amount');
    expect(pathString([])).toBe('');
    expect(pathString(['x'])).toBe('x');
    expect(pathString([3])).toBe('[3]');
  });
});
