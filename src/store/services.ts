import { sql, type Kysely, type Selectable } from 'kysely';
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
import type { DialectName } from './open.js';
import type { DB, NewRow, ServiceTable } from './schema.js';

type LocationRow = { id: number; key: string; name: string; time_zone: string; min_remaining: number };

function toLocation(l: LocationRow): Location {
  return { id: l.id, key: l.key, name: l.name, timeZone: l.time_zone, currency: 'RUB', minRemaining: l.min_remaining };
}

/** A service's row with its location's and its lists, as loadServices() selects them. */
type ServiceRow = Selectable<ServiceTable> & {
  /** null: the location is missing (the foreign key guarantees it; a database that breaks it is damaged). */
  location_key: string | null;
  location_name: string;
  time_zone: string;
  min_remaining: number;
  /** [name, unit, price] by position: a JSON text (SQLite) or the value (PostgreSQL's json). */
  tariffs: string | [string, TariffUnit, number][];
  /** The managers' logins, by login: the same. */
  managers: string | string[];
};

/**
 * Every service with its location, tariffs and responsible managers: a handful of rows, read once
 * per run, in one query (each query costs a short command a fair part of its time). The tariffs
 * and managers of a service come as one JSON array each, which each dialect builds its own way.
 */
export async function loadServices(db: Kysely<DB>, dialect: DialectName): Promise<Map<number, Service>> {
  const lists =
    dialect === 'postgres'
      ? sql`coalesce((select json_agg(json_build_array(t.name, t.unit, t.price) order by t.position)
            from tariffs t where t.service_id = s.id), '[]') as tariffs,
          coalesce((select json_agg(u.login order by u.login)
            from service_managers m join users u on u.id = m.user_id where m.service_id = s.id), '[]') as managers`
      : sql`(select json_group_array(json_array(t.name, t.unit, t.price))
            from (select name, unit, price from tariffs where service_id = s.id order by position) t) as tariffs,
          (select json_group_array(u.login)
            from (select users.login from service_managers join users on users.id = service_managers.user_id
              where service_managers.service_id = s.id order by users.login) u) as managers`;
  const { rows } = await sql<ServiceRow>`select s.id, s.slug, s.name, s.capacity, s.opens_at, s.closes_at, s.partial_payment,
      s.min_prepayment_percent, s.location_id, l.key as location_key, l.name as location_name, l.time_zone,
      l.min_remaining, ${lists}
    from services s left join locations l on l.id = s.location_id
    order by s.slug`.execute(db);
  const parsed = <T>(v: string | T): T => (typeof v === 'string' ? (JSON.parse(v) as T) : v);
  const out = new Map<number, Service>();
  for (const s of rows) {
    if (s.location_key === null) throw new Error(`service ${s.slug}: its location ${s.location_id} is missing`);
    out.set(s.id, {
      id: s.id,
      slug: s.slug,
      name: s.name,
      location: toLocation({
        id: s.location_id,
        key: s.location_key,
        name: s.location_name,
        time_zone: s.time_zone,
        min_remaining: s.min_remaining,
      }),
      capacity: s.capacity,
      opensAt: s.opens_at,
      closesAt: s.closes_at,
      partialPayment: s.partial_payment === 1,
      minPrepaymentPercent: s.min_prepayment_percent,
      tariffs: parsed(s.tariffs).map(([name, unit, price]) => ({ name, unit, price })),
      managers: parsed(s.managers),
    });
  }
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
