import type { Kysely } from 'kysely';
import type { Location, Service, TariffUnit } from '../core/types.js';
import {
  deleteServiceManagers,
  deleteTariffs,
  insertService,
  insertServiceManagers,
  insertTariffs,
  updateService,
  updateTariff,
} from './rows.js';
import type { DB, NewRow } from './schema.js';

type LocationRow = { id: number; key: string; name: string; time_zone: string; min_remaining: number };

function toLocation(l: LocationRow): Location {
  return { id: l.id, key: l.key, name: l.name, timeZone: l.time_zone, currency: 'RUB', minRemaining: l.min_remaining };
}

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
  const locs = new Map(locations.map((l) => [l.id, toLocation(l)]));
  const out = new Map<number, Service>();
  for (const s of services) {
    // The foreign key guarantees the location; a database that breaks it is damaged.
    const location = locs.get(s.location_id);
    if (!location) throw new Error(`service ${s.slug}: its location ${s.location_id} is missing`);
    out.set(s.id, {
      id: s.id,
      slug: s.slug,
      name: s.name,
      location,
      capacity: s.capacity,
      opensAt: s.opens_at,
      closesAt: s.closes_at,
      partialPayment: s.partial_payment === 1,
      minPrepaymentPercent: s.min_prepayment_percent,
      tariffs: [],
      managers: [],
    });
  }
  for (const t of tariffs) out.get(t.service_id)?.tariffs.push({ name: t.name, unit: t.unit, price: t.price });
  for (const m of managers) out.get(m.service_id)?.managers.push(m.login);
  return out;
}

export interface ServiceInput {
  slug: string;
  locationId: number;
  name: string;
  capacity: number;
  opensAt: string;
  closesAt: string;
  partialPayment: boolean;
  minPrepaymentPercent: number;
  tariffs: { name: string; unit: TariffUnit; price: number }[];
  managerIds: number[];
}

/** Creates a service, or replaces every field of the one with the same slug. Returns its id. */
export async function writeService(trx: Kysely<DB>, s: ServiceInput): Promise<number> {
  const row: NewRow<'services'> = {
    location_id: s.locationId,
    slug: s.slug,
    name: s.name,
    capacity: s.capacity,
    opens_at: s.opensAt,
    closes_at: s.closesAt,
    partial_payment: s.partialPayment ? 1 : 0,
    min_prepayment_percent: s.minPrepaymentPercent,
  };
  const existing = await trx.selectFrom('services').select('id').where('slug', '=', s.slug).executeTakeFirst();
  let id: number;
  if (existing) {
    id = existing.id;
    await updateService(trx, id, row);
  } else {
    id = await insertService(trx, row);
  }
  // Tariffs are kept by name and managers by user, so writing the same settings twice leaves the
  // same rows, ids included.
  const w = { db: trx, fast: null };
  const tariffs = await trx
    .selectFrom('tariffs')
    .select(['id', 'name', 'position', 'unit', 'price'])
    .where('service_id', '=', id)
    .execute();
  const byName = new Map(tariffs.map((t) => [t.name, t]));
  const wanted = new Set(s.tariffs.map((t) => t.name));
  await deleteTariffs(
    trx,
    tariffs.filter((t) => !wanted.has(t.name)).map((t) => t.id),
  );
  for (const [position, t] of s.tariffs.entries()) {
    const had = byName.get(t.name);
    if (!had) await insertTariffs(w, [{ service_id: id, position, name: t.name, unit: t.unit, price: t.price }]);
    else if (had.position !== position || had.unit !== t.unit || had.price !== t.price) {
      await updateTariff(trx, had.id, { position, unit: t.unit, price: t.price });
    }
  }
  const managers = new Set(s.managerIds);
  const current = new Set(
    (await trx.selectFrom('service_managers').select('user_id').where('service_id', '=', id).execute()).map((m) => m.user_id),
  );
  await deleteServiceManagers(
    trx,
    id,
    [...current].filter((u) => !managers.has(u)),
  );
  await insertServiceManagers(
    w,
    [...managers].filter((u) => !current.has(u)).map((user_id) => ({ service_id: id, user_id })),
  );
  return id;
}

export async function listLocations(db: Kysely<DB>): Promise<Location[]> {
  const rows = await db.selectFrom('locations').selectAll().orderBy('key').execute();
  return rows.map(toLocation);
}
