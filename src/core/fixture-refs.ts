/**
 * The references of a fixture (src/core/fixture.ts), checked before anything is written: every key
 * it names exists in the file or in the database, and no key is given twice. Pure, and free of the
 * schema library so that the store can use it without loading it.
 */
import type { Fixture, FixtureProblem } from './fixture.js';

/**
 * Every reference by key, checked against the file itself and the keys the database already has.
 * Also the rules a loaded order must keep: its payments within its total and the 50 ₽ floor.
 */
export function checkReferences(
  f: Fixture,
  existing: { locations: Set<string>; users: Set<string>; services: Map<string, { tariffs: string[] }> },
): FixtureProblem[] {
  const problems: FixtureProblem[] = [];
  const locations = new Set([...existing.locations, ...f.locations.map((l) => l.key)]);
  const users = new Set([...existing.users, ...f.users.map((u) => u.login)]);
  const services = new Map(existing.services);
  for (const s of f.services) services.set(s.slug, { tariffs: s.tariffs.map((t) => t.name) });

  const dup = <T>(items: T[], keyOf: (t: T) => string | number, where: string) => {
    const seen = new Set<string | number>();
    items.forEach((it, i) => {
      const k = keyOf(it);
      if (seen.has(k)) problems.push({ path: `${where}[${i}]`, message: `duplicate key ${JSON.stringify(k)}` });
      seen.add(k);
    });
  };
  dup(f.locations, (l) => l.key, 'locations');
  dup(f.users, (u) => u.login, 'users');
  dup(f.services, (s) => s.slug, 'services');
  dup(f.orders, (o) => o.number, 'orders');
  dup(f.orders, (o) => o.ticket.number, 'orders(ticket.number)');
  const externalIds = f.orders.flatMap((o, i) => o.payments.flatMap((p, j) => (p.externalId ? [{ k: p.externalId, i, j }] : [])));
  const seenIds = new Set<string>();
  for (const e of externalIds) {
    if (seenIds.has(e.k)) problems.push({ path: `orders[${e.i}].payments[${e.j}].externalId`, message: `duplicate external id "${e.k}"` });
    seenIds.add(e.k);
  }

  const need = (ok: boolean, path: string, what: string, value: string) => {
    if (!ok) problems.push({ path, message: `unknown ${what} "${value}"` });
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
      if (service && !service.tariffs.includes(l.tariff)) {
        problems.push({ path: `${at}.lines[${j}].tariff`, message: `unknown tariff "${l.tariff}" of service "${o.service}"` });
      }
    });
    o.payments.forEach((p, j) => {
      if (p.recordedBy !== null) need(users.has(p.recordedBy), `${at}.payments[${j}].recordedBy`, 'user', p.recordedBy);
      if (p.source === 'manager' && p.recordedBy === null) {
        problems.push({ path: `${at}.payments[${j}].recordedBy`, message: 'a desk payment (source manager) names who recorded it' });
      }
    });
    o.messages.forEach((m, j) => need(users.has(m.author), `${at}.messages[${j}].author`, 'user', m.author));
    if (Date.parse(o.ticket.end) <= Date.parse(o.ticket.start)) {
      problems.push({ path: `${at}.ticket.end`, message: 'the rental period ends before it starts' });
    }
  });
  return problems;
}
