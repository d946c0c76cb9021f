import type { Kysely } from 'kysely';
import type { Location, Service, TariffUnit } from '../core/types.js';
import type { DB } from './schema.js';

/** Every service with its location, tariffs and responsible managers: a handful of rows, read once. */
export async function loadServices(db: Kysely<DB>): Promise<Map<number, Service>> {
  const [locations, services, tariffs, managers] = await Promise.all([
    db.selectFrom('locations').selectAll().execute(),
    db.selectFrom('services').selectAll().orderBy('slug').execute(),
    db.selectFrom('tariffs').selectAll().orderBy('service_id').orderBy('position').execute(),
    db
      .selectFrom('service_managers')
      .innerJoin('users', 'users.id', 'service_managers.user_id')
      .select(['service_managers.service_id', 'users.login'])
      .orderBy('users.login')
      .execute(),
  ]);
  const locs = new Map<number, Location>(
    locations.map((l) => [
      l.id,
      { id: l.id, key: l.key, name: l.name, timeZone: l.time_zone, currency: 'RUB', minRemaining: l.min_remaining },
    ]),
  );
  const out = new Map<number, Service>();
  for (const s of services) {
    out.set(s.id, {
      id: s.id,
      slug: s.slug,
      name: s.name,
      location: locs.get(s.location_id)!,
      capacity: s.capacity,
      opensAt: s.opens_at,
      closesAt: s.closes_at,
      partialPayment: s.partial_payment === 1,
      minPrepaymentPercent: s.min_prepayment_percent,
      tariffs: [],
      managers: [],
    });
  }
  for (const t of tariffs) {
    out.get(t.service_id)?.tariffs.push({ name: t.name, unit: t.unit as TariffUnit, price: t.price });
  }
  for (const m of managers) out.get(m.service_id)?.managers.push(m.login);
  return out;
}
