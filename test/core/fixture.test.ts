import { describe, expect, it } from 'vitest';
import { parseFixture, pathString, type Fixture, type FixtureInput } from '../../src/core/fixture.js';
import { checkReferences, type FixtureProblem } from '../../src/core/fixture-refs.js';
import { demoFixture } from '../../src/commands/seed/demo.js';
import { fixtureIssue } from '../../src/ui/messages/en.js';

/** A problem as the English catalog words it. */
const text = (p: FixtureProblem) => fixtureIssue(p.issue);

const demo = (): FixtureInput => structuredClone(demoFixture);

function problemsOf(data: unknown) {
  const r = parseFixture(data);
  if ('fixture' in r) throw new Error('expected problems, the fixture parsed');
  return r.problems;
}

function parsed(data: unknown): Fixture {
  const r = parseFixture(data);
  if (!('fixture' in r)) throw new Error(`expected a fixture: ${JSON.stringify(r.problems)}`);
  return r.fixture;
}

const none = { locations: new Set<string>(), users: new Set<string>(), services: new Map<string, { tariffs: string[] }>() };

describe('parseFixture', () => {
  it('the demo parses, with defaults filled in', () => {
    const f = parsed(demo());
    expect(f.locations[0]).toMatchObject({ key: 'perm', currency: 'RUB', minRemaining: 5000 });
    expect(f.orders).toHaveLength(6);
    expect(f.orders[1]!.assignee).toBeNull();
    expect(f.orders[1]!.messages).toEqual([]);
    expect(f.users.find((u) => u.login === 'troshkov')!.email).toBeNull();
    expect(f.services[1]!.minPrepaymentPercent).toBe(0);
  });

  it('an empty object is an empty fixture', () => {
    expect(parsed({})).toEqual({ locations: [], users: [], services: [], orders: [] });
  });

  it('names the path of a bad payment amount', () => {
    const d = demo();
    (d.orders![0]!.payments![0] as { amount: unknown }).amount = 0;
    expect(problemsOf(d).map((p) => p.path)).toEqual(['orders[0].payments[0].amount']);
  });

  it('names the path of a fractional or string amount', () => {
    const d = demo();
    (d.orders![1]!.payments![0] as { amount: unknown }).amount = 400.5;
    (d.orders![2]!.payments![0] as { amount: unknown }).amount = '300';
    const paths = problemsOf(d).map((p) => p.path);
    expect(paths).toContain('orders[1].payments[0].amount');
    expect(paths).toContain('orders[2].payments[0].amount');
  });

  it('names an unknown key (strict objects), and an unknown top-level key', () => {
    const d = demo() as Record<string, unknown>;
    (d.users as Record<string, unknown>[])[0]!.password = 'x';
    d.extra = 1;
    const problems = problemsOf(d);
    expect(problems.some((p) => p.path === 'users[0]' && /password/.test(text(p)))).toBe(true);
    expect(problems.some((p) => p.path === '(root)' && /extra/.test(text(p)))).toBe(true);
  });

  it('a bad time zone, time, date, instant, role, slug and login', () => {
    const d = demo();
    d.locations![0]!.timeZone = 'Europe/Atlantis';
    d.services![0]!.opensAt = '8:00';
    d.services![1]!.slug = 'Meeting Room';
    d.users![0]!.role = 'boss' as never;
    d.users![1]!.login = 'Ольга';
    d.orders![0]!.dueDate = '2023-02-30';
    d.orders![0]!.createdAt = '2023-08-10 09:15';
    d.orders![1]!.ticket.start = '2023-08-11T16:00:00'; // no offset
    const paths = problemsOf(d).map((p) => p.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'locations[0].timeZone',
        'services[0].opensAt',
        'services[1].slug',
        'users[0].role',
        'users[1].login',
        'orders[0].dueDate',
        'orders[0].createdAt',
        'orders[1].ticket.start',
      ]),
    );
  });

  it('an order needs at least one line, a service at least one tariff', () => {
    const d = demo();
    d.orders![3]!.lines = [];
    d.services![0]!.tariffs = [];
    const paths = problemsOf(d).map((p) => p.path);
    expect(paths).toContain('orders[3].lines');
    expect(paths).toContain('services[0].tariffs');
  });

  it('a message of visibility system cannot be written by hand', () => {
    const d = demo();
    d.orders![2]!.messages![0]!.visibility = 'system' as never;
    expect(problemsOf(d).map((p) => p.path)).toEqual(['orders[2].messages[0].visibility']);
  });

  it('not an object at all', () => {
    expect(problemsOf([])[0]!.path).toBe('(root)');
    expect(problemsOf(null)[0]!.path).toBe('(root)');
  });

  it('pathString', () => {
    expect(pathString(['orders', 0, 'payments', 2, 'amount'])).toBe('orders[0].payments[2].amount');
    expect(pathString([])).toBe('');
  });
});

describe('checkReferences', () => {
  it('the demo has no dangling reference', () => {
    expect(checkReferences(parsed(demo()), none)).toEqual([]);
  });

  it('finds unknown users, services, tariffs and locations, with their paths', () => {
    const d = demo();
    d.orders![1]!.applicant = 'nobody';
    d.orders![0]!.service = 'sauna';
    d.orders![2]!.lines[0]!.tariff = 'VIP';
    d.orders![3]!.assignee = 'ghost';
    d.orders![3]!.createdBy = 'ghost2';
    d.orders![0]!.cancelled!.by = 'ghost3';
    d.orders![2]!.messages![1]!.author = 'ghost4';
    d.services![0]!.managers = ['manager', 'ghost5'];
    d.services![1]!.location = 'moscow';
    const problems = checkReferences(parsed(d), none);
    const byPath = Object.fromEntries(problems.map((p) => [p.path, text(p)]));
    expect(byPath).toEqual({
      'orders[1].applicant': 'unknown user "nobody"',
      'orders[0].service': 'unknown service "sauna"',
      'orders[2].lines[0].tariff': 'unknown tariff "VIP" of service "coworking-2"',
      'orders[3].assignee': 'unknown user "ghost"',
      'orders[3].createdBy': 'unknown user "ghost2"',
      'orders[0].cancelled.by': 'unknown user "ghost3"',
      'orders[2].messages[1].author': 'unknown user "ghost4"',
      'services[0].managers[1]': 'unknown user "ghost5"',
      'services[1].location': 'unknown location "moscow"',
    });
  });

  it('a payment recorded by an unknown user, and a desk payment naming nobody', () => {
    const d = demo();
    d.orders![1]!.payments![0]!.recordedBy = 'ghost';
    d.orders![2]!.payments![0]!.source = 'manager';
    const paths = checkReferences(parsed(d), none).map((p) => p.path);
    expect(paths).toEqual(['orders[1].payments[0].recordedBy', 'orders[2].payments[0].recordedBy']);
  });

  it('finds duplicates: logins, slugs, location keys, order numbers, ticket numbers, external ids', () => {
    const d = demo();
    d.users!.push({ ...d.users![0]!, name: 'Другой админ' });
    d.services!.push({ ...d.services![1]! });
    d.locations!.push({ ...d.locations![0]! });
    d.orders!.push({ ...structuredClone(d.orders![1]!), ticket: { ...d.orders![1]!.ticket, number: 900 }, payments: [] });
    d.orders![3]!.ticket.number = 207;
    d.orders![2]!.payments![0]!.externalId = 'gw-5520417';
    const problems = checkReferences(parsed(d), none);
    const paths = problems.map((p) => p.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'users[6]',
        'services[2]',
        'locations[1]',
        'orders[6]',
        'orders(ticket.number)[3]',
        'orders[2].payments[0].externalId',
      ]),
    );
    expect(problems.find((p) => p.path === 'orders[6]')!.issue).toEqual({ kind: 'duplicateKey', key: 1006313 });
    expect(text(problems.find((p) => p.path === 'orders[6]')!)).toBe('duplicate key 1006313');
    expect(text(problems.find((p) => p.path === 'users[6]')!)).toBe('duplicate key "admin"');
  });

  it('a rental period that ends before it starts', () => {
    const d = demo();
    d.orders![1]!.ticket.end = '2023-08-11T15:00:00+05:00';
    const problems = checkReferences(parsed(d), none);
    expect(problems).toEqual([{ path: 'orders[1].ticket.end', issue: { kind: 'periodEnds' } }]);
    expect(text(problems[0]!)).toBe('the rental period ends before it starts');
  });

  it('keys the database already has count as known', () => {
    const f = parsed({
      orders: [
        {
          number: 2000001,
          service: 'coworking-2',
          applicant: 'troshkov',
          createdAt: '2023-08-11T10:00:00+05:00',
          ticket: { number: 900, start: '2023-08-12T10:00:00+05:00', end: '2023-08-12T11:00:00+05:00' },
          lines: [{ tariff: 'Стандарт', quantity: 1 }],
        },
      ],
    });
    expect(checkReferences(f, none).map((p) => p.path)).toEqual(['orders[0].service', 'orders[0].applicant']);
    const existing = {
      locations: new Set(['perm']),
      users: new Set(['troshkov']),
      services: new Map([['coworking-2', { tariffs: ['Стандарт'] }]]),
    };
    expect(checkReferences(f, existing)).toEqual([]);
    const other = { ...existing, services: new Map([['coworking-2', { tariffs: ['День'] }]]) };
    expect(checkReferences(f, other).map((p) => p.path)).toEqual(['orders[0].lines[0].tariff']);
  });

  it("a service in the file replaces the database's tariffs of the same slug", () => {
    const d = demo();
    const existing = {
      locations: new Set<string>(),
      users: new Set<string>(),
      services: new Map([['coworking-2', { tariffs: ['Старый'] }]]),
    };
    expect(checkReferences(parsed(d), existing)).toEqual([]);
  });
});
