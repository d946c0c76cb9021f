/**
 * The store: the only place that knows SQL. Commands get one from `deps.store()`, loaded lazily so
 * that `--help` and `--version` never load kysely or the database driver.
 */
import { sql, type Kysely } from 'kysely';
import type { Location, Order, Payment, Message, Role, Service, User } from '../core/types.js';
import type { KnownPayment, UnmatchedPayment } from '../core/statement.js';
import { migrate, migrationStatus, openDatabase, type Database, type DialectName } from './open.js';
import { listLocations, loadServices, writeService, type ServiceInput } from './services.js';
import { countUsers, findUser, insertUser, listUsers, type UserFilter } from './users.js';
import { countOrders, findOrder, iterateOrders, lockOrder, orderByKey, type OrderFilter, type Viewer } from './orders.js';
import {
  unidentifiedPayments,
  findEntryByKey,
  findPaymentByExternalId,
  iteratePayments,
  paymentById,
  paymentsByExternalIds,
  paymentsOf,
  type ListedPayment,
  type PaymentFilter,
} from './payments.js';
import { messagesOf } from './messages.js';
import type { CounterName, DB } from './schema.js';
import * as writes from './writes.js';
import { bumpCounter, lastNumber, nextNumber } from './counters.js';
import { writeOrders, writePayments, type NewOrderRecord } from './bulk.js';
import { FastPath, type Writer } from './rows.js';
import { existingNumbers, upsertLocation, upsertUser } from './fixture.js';
import { importOrders, knownPayments, unmatchedPayments, type ImportOrder } from './statement.js';
import { resolveOrderSearch } from './search.js';

export type { OrderFilter, OrderSort, Viewer } from './orders.js';
export type { UserFilter } from './users.js';
export type { ServiceInput } from './services.js';
export type { ListedPayment, PaymentFilter } from './payments.js';
export type { NewMessageRow, NewOrderRecord, NewPaymentRow, PaymentWithEvent } from './bulk.js';
export type { ImportOrder } from './statement.js';
export type { CounterName } from './schema.js';

/** Thrown inside a write to undo it: a dry run. */
class Rollback extends Error {
  constructor() {
    super('rollback');
  }
}

/** What a write transaction offers: reads that see (and on PostgreSQL lock) the current rows. */
export interface Tx {
  /** For the store's own modules and its tests: use cases never write SQL (test/store/one-writer.test.ts). */
  db: Kysely<DB>;
  dialect: DialectName;
  services(): Promise<Map<number, Service>>;
  lockOrder(number: number): Promise<Order | null>;
  user(login: string): Promise<User | null>;
  paymentByExternalId(id: string): Promise<Payment | null>;
  /** The desk entry recorded under an idempotency key. */
  entryByKey(key: string): Promise<Payment | null>;
  /** The order a booking with this idempotency key made. */
  orderByKey(key: string): Promise<number | null>;
  /** An entry by its id, or null. */
  findPayment(id: number): Promise<Payment | null>;
  payment(id: number): Promise<Payment>;
  writePayment: OmitFirst<typeof writes.writePayment>;
  writeCancel: OmitFirst<typeof writes.writeCancel>;
  writeExternalId: OmitFirst<typeof writes.writeExternalId>;
  writeAssignee: OmitFirst<typeof writes.writeAssignee>;
  writeTicketStatus: OmitFirst<typeof writes.writeTicketStatus>;
  writeMessage: OmitFirst<typeof writes.writeMessage>;
  writeOrder: OmitFirst<typeof writes.writeOrder>;
  overlappingBookings: OmitFirst<typeof writes.overlappingBookings>;
  insertUser(u: Omit<User, 'id'>, createdAt: string): Promise<User>;
  writeService(s: ServiceInput): Promise<number>;
  nextNumber(name: CounterName, start: number): Promise<number>;
  /**
   * Makes writes that share `key` (a slug, a login) wait for each other until commit: PostgreSQL
   * takes a transaction-scoped advisory lock; SQLite's write lock already serialises every write.
   */
  serialize(key: string): Promise<void>;

  // Bulk reads and writes: fixtures, generated orders, statements (src/app/fixture.ts, seed.ts,
  // statement.ts). The writes take SQLite's prepared-statement path (src/store/rows.ts).
  users(): Promise<User[]>;
  locations(): Promise<Location[]>;
  /** Of these order or ticket numbers, those that exist. */
  existingNumbers(table: 'orders' | 'tickets', numbers: readonly number[]): Promise<Set<number>>;
  /** The orders of these numbers, as an import decides on them; locked on PostgreSQL. */
  importOrders(numbers: readonly number[]): Promise<Map<number, ImportOrder>>;
  /** The payments stored under these external ids. */
  knownPayments(ids: readonly string[]): Promise<Map<string, KnownPayment>>;
  /** The gateway payments of these orders recorded without a gateway id. */
  unmatchedPayments(numbers: readonly number[]): Promise<UnmatchedPayment[]>;
  /** The service and local day of every live booking. */
  bookedDays(): Promise<{ serviceId: number; dueDate: string }[]>;
  lastNumber(name: CounterName): Promise<number | null>;
  /** Makes sure the sequence's next number comes after `atLeast`. */
  bumpCounter(name: CounterName, atLeast: number): Promise<void>;
  upsertLocation(l: Omit<Location, 'id'>): Promise<{ id: number; created: boolean }>;
  upsertUser(u: Omit<User, 'id'>, createdAt: string): Promise<{ id: number; created: boolean }>;
  /** Whole new orders: their lines, tickets, payments and messages. */
  writeOrders(records: readonly NewOrderRecord[]): Promise<void>;
  /** Payments on existing orders, their system messages, and the orders' balances (guarded). */
  writePayments: OmitFirst<typeof writePayments>;
}

type OmitFirst<F> = F extends (first: never, ...rest: infer A) => infer R ? (...args: A) => R : never;

export class Store {
  private servicesCache: Promise<Map<number, Service>> | null = null;
  /** Whether this run wrote: only then is the planner's upkeep on close worth its queries. */
  private wrote = false;
  /** SQLite's prepared statements for bulk writes, made on first use. */
  private fast: FastPath | null = null;

  constructor(private readonly database: Database) {}

  get dialect(): DialectName {
    return this.database.dialect;
  }

  get location(): string {
    return this.database.location;
  }

  /** For the store's own modules and tests: the kysely instance. */
  get db(): Kysely<DB> {
    return this.database.db;
  }

  services(): Promise<Map<number, Service>> {
    this.servicesCache ??= loadServices(this.db, this.dialect);
    return this.servicesCache;
  }

  async service(slug: string): Promise<Service | null> {
    for (const s of (await this.services()).values()) if (s.slug === slug) return s;
    return null;
  }

  locations(): Promise<Location[]> {
    return listLocations(this.db);
  }

  user(login: string): Promise<User | null> {
    return findUser(this.db, login);
  }

  /** The users by login: of a role, matching a search, at most `limit` of them. */
  users(role?: Role, filter: UserFilter = {}): Promise<User[]> {
    return listUsers(this.db, role, filter);
  }

  /** How many users a search finds, whatever the limit. */
  countUsers(role: Role | undefined, filter: UserFilter): Promise<number> {
    return countUsers(this.db, role, filter);
  }

  async order(number: number): Promise<Order | null> {
    return findOrder(this.db, number, await this.services());
  }

  async *orders(viewer: Viewer, filter: OrderFilter, limit?: number): AsyncGenerator<Order> {
    yield* iterateOrders(this.db, viewer, await this.searched(filter), await this.services(), { limit });
  }

  async countOrders(viewer: Viewer, filter: OrderFilter): Promise<number> {
    return countOrders(this.db, viewer, await this.searched(filter), await this.services());
  }

  /** The filter with how its search finds orders decided (src/store/search.ts). */
  private async searched(filter: OrderFilter): Promise<OrderFilter> {
    if (!filter.search || filter.match) return filter;
    return { ...filter, match: await resolveOrderSearch(this.db, this.dialect, filter.search) };
  }

  /**
   * The live bookings of a service that overlap [start, end) (ISO instants): what its free seats
   * are counted from, as a booking's capacity check counts them.
   */
  bookings(serviceId: number, start: string, end: string): Promise<{ start: string; end: string }[]> {
    return writes.overlappingBookings(this.db, serviceId, start, end);
  }

  async ticketOrder(ticketNumber: number): Promise<number | null> {
    const r = await this.db.selectFrom('tickets').select('order_number').where('number', '=', ticketNumber).executeTakeFirst();
    return r?.order_number ?? null;
  }

  payments(orderNumber: number): Promise<Payment[]> {
    return paymentsOf(this.db, orderNumber);
  }

  iteratePayments(filter: PaymentFilter): AsyncGenerator<ListedPayment> {
    return iteratePayments(this.db, filter);
  }

  /** The payments stored under these external ids, a few queries whatever their number. */
  async paymentsByExternalIds(ids: string[]): Promise<Map<string, ListedPayment>> {
    const out = new Map<string, ListedPayment>();
    const unique = [...new Set(ids)];
    for (let i = 0; i < unique.length; i += 500) {
      for (const p of await paymentsByExternalIds(this.db, unique.slice(i, i + 500))) if (p.externalId !== null) out.set(p.externalId, p);
    }
    return out;
  }

  paymentByExternalId(id: string): Promise<Payment | null> {
    return findPaymentByExternalId(this.db, id);
  }

  /** The gateway payments of these orders recorded without a gateway id, a few queries whatever their number. */
  async unidentifiedPayments(numbers: number[]): Promise<ListedPayment[]> {
    const out: ListedPayment[] = [];
    for (let i = 0; i < numbers.length; i += 500) out.push(...(await unidentifiedPayments(this.db, numbers.slice(i, i + 500))));
    return out;
  }

  findPayment(id: number): Promise<Payment | null> {
    return paymentById(this.db, id);
  }

  messages(orderNumber: number): Promise<Message[]> {
    return messagesOf(this.db, orderNumber);
  }

  /**
   * Runs `fn` as one transaction that holds the write lock before it reads. SQLite: `BEGIN
   * IMMEDIATE` (kysely's own transaction opens a plain `BEGIN`, which would let two desks read the
   * same balance); the busy timeout makes a second desk wait rather than fail. PostgreSQL: a
   * transaction whose reads of an order take its row lock (`SELECT … FOR UPDATE`).
   */
  async write<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    // The run's services, once the transaction that wrote them has ended: before that, another
    // operation of the run (on another connection) could load them without the new ones and keep
    // them for the run.
    let wroteServices = false;
    try {
      return await this.transact(fn, () => (wroteServices = true));
    } finally {
      if (wroteServices) this.servicesCache = null;
    }
  }

  /** write()'s transaction; `wroteServices` is told of a write to services or locations. */
  private async transact<T>(fn: (tx: Tx) => Promise<T>, wroteServices: () => void): Promise<T> {
    const dialect = this.dialect;
    const native = this.database.native;
    const fast = native ? (this.fast ??= new FastPath(native, this.db)) : null;
    const run = async (db: Kysely<DB>) => {
      let services: Map<number, Service> | null = null;
      const bulk: Writer = { db, fast };
      const tx: Tx = {
        db,
        dialect,
        services: async () => (services ??= await loadServices(db, dialect)),
        lockOrder: async (n) => lockOrder(db, n, await tx.services(), dialect),
        user: (login) => findUser(db, login),
        serialize: async (key) => {
          if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(hashtext(${key}))`.execute(db);
        },
        paymentByExternalId: (id) => findPaymentByExternalId(db, id),
        entryByKey: (key) => findEntryByKey(db, key),
        orderByKey: (key) => orderByKey(db, key),
        findPayment: (id) => paymentById(db, id),
        payment: async (id) => {
          const p = await paymentById(db, id);
          if (!p) throw new Error(`payment ${id} vanished inside its transaction`);
          return p;
        },
        writePayment: (...a) => writes.writePayment(db, ...a),
        writeCancel: (...a) => writes.writeCancel(db, ...a),
        writeExternalId: (...a) => writes.writeExternalId(db, ...a),
        writeAssignee: (...a) => writes.writeAssignee(db, ...a),
        writeTicketStatus: (...a) => writes.writeTicketStatus(db, ...a),
        writeMessage: (...a) => writes.writeMessage(db, ...a),
        writeOrder: (...a) => writes.writeOrder(db, ...a),
        overlappingBookings: async (...a) => {
          // PostgreSQL: the service's row lock serialises bookings of one service, so two desks
          // cannot both take its last seat. (SQLite's write lock already does.)
          if (dialect === 'postgres') await db.selectFrom('services').select('id').where('id', '=', a[0]).forUpdate().execute();
          return writes.overlappingBookings(db, ...a);
        },
        insertUser: (u, at) => insertUser(db, u, at),
        writeService: (s) => {
          // Only a write of services makes the cached services stale: this transaction's now, the
          // run's when it ends (write()).
          wroteServices();
          services = null;
          return writeService(db, s);
        },
        nextNumber: (name, start) => nextNumber(db, name, start),

        users: () => listUsers(db),
        locations: () => listLocations(db),
        existingNumbers: (table, numbers) => existingNumbers(db, dialect, table, numbers),
        importOrders: (numbers) => importOrders(db, dialect, numbers),
        knownPayments: (ids) => knownPayments(db, dialect, ids),
        unmatchedPayments: (numbers) => unmatchedPayments(db, dialect, numbers),
        bookedDays: async () =>
          (
            await db
              .selectFrom('tickets')
              .innerJoin('orders', 'orders.number', 'tickets.order_number')
              .select(['tickets.service_id', 'orders.due_date'])
              .distinct()
              .where('tickets.status', '<>', 'cancelled')
              .execute()
          ).map((r) => ({ serviceId: r.service_id, dueDate: r.due_date })),
        lastNumber: (name) => lastNumber(db, name),
        bumpCounter: (name, atLeast) => bumpCounter(db, name, atLeast),
        upsertLocation: (l) => {
          wroteServices();
          services = null;
          return upsertLocation(db, l);
        },
        upsertUser: (u, at) => upsertUser(db, u, at),
        writeOrders: (records) => writeOrders(bulk, records),
        writePayments: (...a) => writePayments(bulk, ...a),
      };
      return fn(tx);
    };
    this.wrote = true;
    if (dialect === 'postgres') {
      // Bounded retries of what only a concurrent desk can cause: a deadlock, a serialization
      // failure, or a unique key another transaction took first (the retry then sees its row, and
      // an idempotent write replays it). Nothing of a failed attempt was committed.
      for (let attempt = 1; ; attempt++) {
        try {
          return await this.db.transaction().execute(run);
        } catch (e) {
          const code = e instanceof Error && 'code' in e ? e.code : undefined;
          if (attempt >= 4 || typeof code !== 'string' || !['40001', '40P01', '23505'].includes(code)) throw e;
          await new Promise((r) => setTimeout(r, 5 * attempt + Math.random() * 20));
        }
      }
    }
    return this.db.connection().execute(async (conn) => {
      await sql`begin immediate`.execute(conn);
      try {
        const result = await run(conn);
        await sql`commit`.execute(conn);
        return result;
      } catch (e) {
        // SQLite has already rolled back by itself after some failures (a full disk, an I/O
        // error); a `rollback` then would fail with "no transaction is active" and hide the cause.
        if (native?.inTransaction !== false) await sql`rollback`.execute(conn);
        throw e;
      }
    });
  }

  /** A write that, on a dry run, is rolled back after computing its result. */
  async dryRunnable<T>(dryRun: boolean, fn: (tx: Tx) => Promise<T>): Promise<T> {
    const rollback = new Rollback();
    let result: { value: T } | undefined;
    try {
      return await this.write(async (tx) => {
        const value = await fn(tx);
        if (!dryRun) return value;
        result = { value };
        throw rollback;
      });
    } catch (e) {
      if (e === rollback && result) return result.value;
      throw e;
    }
  }

  /**
   * Refreshes the planner's statistics after a bulk load: without them SQLite may sort every page
   * of a long list instead of walking the (created_at, number) index.
   */
  async analyze(): Promise<void> {
    await sql`analyze`.execute(this.db);
  }

  /** Where the schema stands: the migrations applied, and those this cowork would apply. */
  async migrationStatus(): Promise<{
    current: string | null;
    latest: string;
    pending: string[];
    applied: { name: string; executedAt: string }[];
    /** A newer cowork migrated the database further than this one knows. */
    newer: boolean;
    upToDate: boolean;
  }> {
    return migrationStatus(this.database);
  }

  /** Applies the pending migrations; several desks may run it at once (the migrator takes a lock). */
  async migrate(): Promise<string[]> {
    this.servicesCache = null;
    return migrate(this.database);
  }

  async close(): Promise<void> {
    // SQLite's advice for every connection that closes: keeps the planner's statistics current.
    // Never waited for: if another desk holds the write lock, it is skipped this time.
    if (this.dialect === 'sqlite' && this.wrote) {
      await sql`pragma busy_timeout = 0`.execute(this.db).catch(() => {});
      await sql`pragma optimize`.execute(this.db).catch(() => {});
    }
    await this.db.destroy();
  }
}

export async function openStore(target: string, opts: { migrate?: boolean } = {}): Promise<Store> {
  return new Store(await openDatabase(target, opts));
}
