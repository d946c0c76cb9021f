/**
 * The references of a fixture (src/core/fixture.ts), checked before anything is written: every key
 * it names exists in the file or in the database, and no key is given twice. Pure, and free of the
 * schema library so that the use case (src/app/fixture.ts) can use it without loading it.
 */
import { UsageError, type Said } from './errors.js';
import type { Fixture } from './fixture.js';

/** What is wrong at one place of a fixture, in no language yet (the catalogs word it). */
export type FixtureIssue =
  /** The file's shape: the schema library's own words. */
  | { kind: 'schema'; message: string }
  | { kind: 'duplicateKey'; key: string | number }
  | { kind: 'duplicateExternalId'; id: string }
  | { kind: 'unknown'; what: 'location' | 'user' | 'service'; value: string }
  | { kind: 'unknownTariff'; tariff: string; service: string }
  | { kind: 'recordedByMissing' }
  | { kind: 'periodEnds' }
  | { kind: 'ticketTaken'; ticket: number }
  | { kind: 'externalIdTaken'; id: string }
  /** A rule of the core refused it (the 50 ₽ floor, capacity…): the rule's own message. */
  | { kind: 'rule'; said: Said };

/** Where a problem is in the file, as `orders[2].payments[0].amount`, and what it is. */
export interface FixtureProblem {
  path: string;
  issue: FixtureIssue;
}

/** A fixture that cannot be loaded: every problem found, each with its path (exit 2). */
export class FixtureError extends UsageError<'fixtureProblems'> {
  constructor(file: string, problems: FixtureProblem[]) {
    super('fixtureProblems', { file, problems });
  }

  get problems(): FixtureProblem[] {
    return this.said.args[0].problems;
  }
}

/** A payment's key: its own external id, or one made from its order and place in it. */
export function fixtureExternalId(order: number, p: { externalId?: string | undefined }, index: number): string {
  return p.externalId ?? `fixture-${order}-${index + 1}`;
}

/**
 * Every reference by key, checked against the file itself and the keys the database already has;
 * every key given twice; a desk payment without who recorded it; a period that ends before it
 * starts.
 */
export function checkReferences(
  f: Fixture,
  existing: { locations: Set<string>; users: Set<string>; services: Map<string, { tariffs: string[] }> },
): FixtureProblem[] {
  const problems: FixtureProblem[] = [];
  const add = (path: string, issue: FixtureIssue) => problems.push({ path, issue });
  const locations = new Set([...existing.locations, ...f.locations.map((l) => l.key)]);
  const users = new Set([...existing.users, ...f.users.map((u) => u.login)]);
  const services = new Map(existing.services);
  for (const s of f.services) services.set(s.slug, { tariffs: s.tariffs.map((t) => t.name) });

  const dup = <T>(items: T[], keyOf: (t: T) => string | number, where: string) => {
    const seen = new Set<string | number>();
    items.forEach((it, i) => {
      const key = keyOf(it);
      if (seen.has(key)) add(`${where}[${i}]`, { kind: 'duplicateKey', key });
      seen.add(key);
    });
  };
  dup(f.locations, (l) => l.key, 'locations');
  dup(f.users, (u) => u.login, 'users');
  dup(f.services, (s) => s.slug, 'services');
  dup(f.orders, (o) => o.number, 'orders');
  dup(f.orders, (o) => o.ticket.number, 'orders(ticket.number)');
  const seenIds = new Set<string>();
  f.orders.forEach((o, i) =>
    o.payments.forEach((p, j) => {
      if (!p.externalId) return;
      if (seenIds.has(p.externalId)) add(`orders[${i}].payments[${j}].externalId`, { kind: 'duplicateExternalId', id: p.externalId });
      seenIds.add(p.externalId);
    }),
  );

  const need = (ok: boolean, path: string, what: 'location' | 'user' | 'service', value: string) => {
    if (!ok) add(path, { kind: 'unknown', what, value });
  };
  f.services.forEach((s, i) => {
    need(locations.has(s.location), `services[${i}].location`, 'location', s.location);
    s.managers.forEach((m, j) => need(users.has(m), `services[${i}].managers[${j}]`, 'user', m));
  });
  f.orders.forEach((o, i) => {
    const at = `orders[${i}]`;
    const service = services.get(o.service);
    need(!!service, `${at}.service`, 'service', o.service);
    need(users.has(o.applicant), `${at}.applicant`, 'user', o.applicant);
    if (o.createdBy !== null) need(users.has(o.createdBy), `${at}.createdBy`, 'user', o.createdBy);
    if (o.assignee !== null) need(users.has(o.assignee), `${at}.assignee`, 'user', o.assignee);
    if (o.cancelled) need(users.has(o.cancelled.by), `${at}.cancelled.by`, 'user', o.cancelled.by);
    o.lines.forEach((l, j) => {
      if (service && !service.tariffs.includes(l.tariff))
        add(`${at}.lines[${j}].tariff`, { kind: 'unknownTariff', tariff: l.tariff, service: o.service });
    });
    o.payments.forEach((p, j) => {
      if (p.recordedBy !== null) need(users.has(p.recordedBy), `${at}.payments[${j}].recordedBy`, 'user', p.recordedBy);
      if (p.source === 'manager' && p.recordedBy === null) add(`${at}.payments[${j}].recordedBy`, { kind: 'recordedByMissing' });
    });
    o.messages.forEach((m, j) => need(users.has(m.author), `${at}.messages[${j}].author`, 'user', m.author));
    if (Date.parse(o.ticket.end) <= Date.parse(o.ticket.start)) add(`${at}.ticket.end`, { kind: 'periodEnds' });
  });
  return problems;
}
