/**
 * Every write of every table: the one insert of each table, from a typed row (NewRow of
 * ./schema.ts), and its few updates. Nothing else in cowork writes a row; test/store/one-writer
 * checks that no second insert appears elsewhere.
 *
 * A bulk write (generated orders, a statement's payments) goes through the same functions with a
 * Writer whose `fast` is set: on SQLite the function runs its kysely query, compiled once, as a
 * better-sqlite3 prepared statement inside the open write transaction (the connection kysely
 * uses), a row at a time, which is several times faster than building the query for every row.
 * The statement's SQL is kysely's own compilation of the same builder with the table's column
 * list (COLUMNS), so the two paths cannot differ. On PostgreSQL, and for single-row writes, the
 * same builder runs through kysely, several hundred rows per statement for a bulk write.
 */
import type { Database as Native } from 'better-sqlite3';
import { SqliteAdapter, type Compilable, type Kysely } from 'kysely';
import { searchKey } from '../core/search.js';
import type { OrderStatus, TicketStatus } from '../core/types.js';
import type { CounterName, DB, NewRow, StoredRow, TableName } from './schema.js';

// ---------------------------------------------------------------------------------------------
// Column lists

type ColumnOf<T extends TableName> = keyof StoredRow<T> & string;

/**
 * A table's column list, checked complete: a column of StoredRow<T> missing from the list is a type
 * error (`missing` names it), and so is a name that is not a column.
 */
function columns<T extends TableName>() {
  return <const L extends readonly ColumnOf<T>[]>(
    list: L & ([Exclude<ColumnOf<T>, L[number]>] extends [never] ? unknown : { missing: Exclude<ColumnOf<T>, L[number]> }),
  ): L => list;
}

/** The columns each insert writes, in the order of the fast path's parameters. */
export const COLUMNS: { readonly [T in TableName]: readonly ColumnOf<T>[] } = {
  locations: columns<'locations'>()(['key', 'name', 'time_zone', 'currency', 'min_remaining']),
  services: columns<'services'>()([
    'location_id',
    'slug',
    'name',
    'capacity',
    'opens_at',
    'closes_at',
    'partial_payment',
    'min_prepayment_percent',
  ]),
  tariffs: columns<'tariffs'>()(['service_id', 'position', 'name', 'unit', 'price']),
  service_managers: columns<'service_managers'>()(['service_id', 'user_id']),
  users: columns<'users'>()(['login', 'name', 'phone', 'email', 'role', 'created_at', 'search_key']),
  orders: columns<'orders'>()([
    'number',
    'created_at',
    'created_by',
    'service_id',
    'applicant_id',
    'assignee_id',
    'status',
    'due_date',
    'total',
    'paid',
    'min_remaining',
    'cancelled_at',
    'cancelled_by',
    'cancel_reason',
    'kept',
    'idempotency_key',
  ]),
  order_lines: columns<'order_lines'>()(['order_number', 'position', 'description', 'tariff', 'quantity', 'unit_price', 'amount']),
  tickets: columns<'tickets'>()([
    'number',
    'order_number',
    'service_id',
    'visitor_name',
    'visitor_phone',
    'start_at',
    'end_at',
    'status',
    'search_key',
  ]),
  payments: columns<'payments'>()([
    'order_number',
    'kind',
    'amount',
    'method',
    'source',
    'recorded_by',
    'created_at',
    'external_id',
    'desk_key',
    'reference',
    'fee',
    'reverses',
    'warning',
    'reason',
  ]),
  tickets_search: columns<'tickets_search'>()(['rowid', 'search_key']),
  messages: columns<'messages'>()(['order_number', 'visibility', 'author_id', 'body', 'event', 'data', 'created_at']),
  counters: columns<'counters'>()(['name', 'value']),
};

// ---------------------------------------------------------------------------------------------
// The fast path

/** Where a value goes in a query compiled once: kysely passes it through as a parameter. */
class Slot {
  constructor(readonly key: string) {}
}

/**
 * SQLite's bulk path: kysely queries compiled once with a Slot in place of each value, prepared
 * with better-sqlite3 and kept for the life of the connection.
 */
export class FastPath {
  private readonly prepared = new Map<string, (values: never) => number>();

  constructor(
    private readonly native: Native,
    private readonly db: Kysely<DB>,
  ) {}

  /**
   * The statement named `name`: `build` with a Slot for each of `keys`, compiled by kysely. Runs
   * it with the values of an object of those keys, in the order the compiled SQL takes them.
   */
  statement<V extends object>(
    name: string,
    keys: readonly (keyof V & string)[],
    build: (db: Kysely<DB>, values: V) => Compilable,
  ): (values: V) => number {
    const made = this.prepared.get(name);
    // A statement's name is always used with the same values' type.
    if (made) return made as (values: V) => number;
    const slots = Object.fromEntries(keys.map((k) => [k, new Slot(k)]));
    // The slots stand for values of V: kysely only carries them into the compiled parameters.
    const compiled = build(this.db, slots as V).compile();
    const order = compiled.parameters.map((x) => {
      if (!(x instanceof Slot)) throw new Error(`${name}: a compiled parameter is not one of the values`);
      return keys.find((k) => k === x.key) ?? fail(name, x.key);
    });
    const statement = this.native.prepare(compiled.sql);
    const run = (values: V) => statement.run(order.map((k) => values[k])).changes;
    this.prepared.set(name, run);
    return run;
  }
}

function fail(name: string, key: string): never {
  throw new Error(`${name}: no value named ${key}`);
}

/** Where a write goes: kysely (a transaction), and on SQLite's bulk path its prepared statements. */
export interface Writer {
  readonly db: Kysely<DB>;
  readonly fast: FastPath | null;
}

/** How many rows one multi-row insert takes: well within both databases' parameter limits. */
const CHUNK = 500;

/**
 * Inserts `rows` with the table's one insert builder: on the fast path a row at a time through
 * its prepared statement, else in multi-row chunks through kysely.
 */
async function insertAll<T extends TableName>(
  w: Writer,
  table: T,
  rows: readonly StoredRow<T>[],
  build: (db: Kysely<DB>, rows: StoredRow<T>[]) => Compilable & { execute(): Promise<unknown> },
): Promise<void> {
  if (rows.length === 0) return;
  if (w.fast) {
    const run = w.fast.statement<StoredRow<T>>(`insert ${table}`, COLUMNS[table], (db, row) => build(db, [row]));
    for (const row of rows) run(row);
    return;
  }
  for (let i = 0; i < rows.length; i += CHUNK) await build(w.db, rows.slice(i, i + CHUNK)).execute();
}

// ---------------------------------------------------------------------------------------------
// Derived columns: computed here, from the row itself, on every insert and update

function userRow(row: NewRow<'users'>): StoredRow<'users'> {
  return { ...row, search_key: searchKey(row.name, row.phone) };
}

function ticketRow(row: NewRow<'tickets'>): StoredRow<'tickets'> {
  return { ...row, search_key: searchKey(row.visitor_name, row.visitor_phone) };
}

// ---------------------------------------------------------------------------------------------
// The inserts: one builder per table

const locationsInsert = (db: Kysely<DB>, rows: NewRow<'locations'>[]) => db.insertInto('locations').values(rows);
const servicesInsert = (db: Kysely<DB>, rows: NewRow<'services'>[]) => db.insertInto('services').values(rows);
const tariffsInsert = (db: Kysely<DB>, rows: NewRow<'tariffs'>[]) => db.insertInto('tariffs').values(rows);
const serviceManagersInsert = (db: Kysely<DB>, rows: NewRow<'service_managers'>[]) => db.insertInto('service_managers').values(rows);
const usersInsert = (db: Kysely<DB>, rows: StoredRow<'users'>[]) => db.insertInto('users').values(rows);
const ordersInsert = (db: Kysely<DB>, rows: NewRow<'orders'>[]) => db.insertInto('orders').values(rows);
const orderLinesInsert = (db: Kysely<DB>, rows: NewRow<'order_lines'>[]) => db.insertInto('order_lines').values(rows);
const ticketsInsert = (db: Kysely<DB>, rows: StoredRow<'tickets'>[]) => db.insertInto('tickets').values(rows);
const ticketsSearchInsert = (db: Kysely<DB>, rows: StoredRow<'tickets_search'>[]) => db.insertInto('tickets_search').values(rows);
const paymentsInsert = (db: Kysely<DB>, rows: NewRow<'payments'>[]) => db.insertInto('payments').values(rows);
const messagesInsert = (db: Kysely<DB>, rows: NewRow<'messages'>[]) => db.insertInto('messages').values(rows);
const countersInsert = (db: Kysely<DB>, rows: NewRow<'counters'>[]) => db.insertInto('counters').values(rows);

export async function insertLocation(db: Kysely<DB>, row: NewRow<'locations'>): Promise<number> {
  return (await locationsInsert(db, [row]).returning('id').executeTakeFirstOrThrow()).id;
}

export async function insertService(db: Kysely<DB>, row: NewRow<'services'>): Promise<number> {
  return (await servicesInsert(db, [row]).returning('id').executeTakeFirstOrThrow()).id;
}

export function insertTariffs(w: Writer, rows: readonly NewRow<'tariffs'>[]): Promise<void> {
  return insertAll(w, 'tariffs', rows, tariffsInsert);
}

export function insertServiceManagers(w: Writer, rows: readonly NewRow<'service_managers'>[]): Promise<void> {
  return insertAll(w, 'service_managers', rows, serviceManagersInsert);
}

export async function insertUser(db: Kysely<DB>, row: NewRow<'users'>): Promise<number> {
  return (
    await usersInsert(db, [userRow(row)])
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

export function insertOrders(w: Writer, rows: readonly NewRow<'orders'>[]): Promise<void> {
  return insertAll(w, 'orders', rows, ordersInsert);
}

export function insertOrderLines(w: Writer, rows: readonly NewRow<'order_lines'>[]): Promise<void> {
  return insertAll(w, 'order_lines', rows, orderLinesInsert);
}

/**
 * Tickets, and on SQLite their visitors' keys in the full-text index (0005_search). The index's rows
 * go in chunks on both paths: FTS5 writes its index at the end of every statement that changes it,
 * so a row per statement would cost several times more.
 */
export async function insertTickets(w: Writer, rows: readonly NewRow<'tickets'>[]): Promise<void> {
  const stored = rows.map(ticketRow);
  await insertAll(w, 'tickets', stored, ticketsInsert);
  if (!(w.db.getExecutor().adapter instanceof SqliteAdapter)) return;
  const keys = stored.map((t) => ({ rowid: t.number, search_key: t.search_key }));
  for (let i = 0; i < keys.length; i += CHUNK) await ticketsSearchInsert(w.db, keys.slice(i, i + CHUNK)).execute();
}

export function insertPayments(w: Writer, rows: readonly NewRow<'payments'>[]): Promise<void> {
  return insertAll(w, 'payments', rows, paymentsInsert);
}

/** One payment, and its id. */
export async function insertPayment(db: Kysely<DB>, row: NewRow<'payments'>): Promise<number> {
  return (await paymentsInsert(db, [row]).returning('id').executeTakeFirstOrThrow()).id;
}

export function insertMessages(w: Writer, rows: readonly NewRow<'messages'>[]): Promise<void> {
  return insertAll(w, 'messages', rows, messagesInsert);
}

/** One message, and its id. */
export async function insertMessage(db: Kysely<DB>, row: NewRow<'messages'>): Promise<number> {
  return (await messagesInsert(db, [row]).returning('id').executeTakeFirstOrThrow()).id;
}

export async function insertCounter(db: Kysely<DB>, row: NewRow<'counters'>): Promise<void> {
  await countersInsert(db, [row]).execute();
}

// ---------------------------------------------------------------------------------------------
// The updates

export async function updateLocation(db: Kysely<DB>, id: number, row: NewRow<'locations'>): Promise<void> {
  await db.updateTable('locations').set(row).where('id', '=', id).execute();
}

export async function updateUser(db: Kysely<DB>, id: number, values: Omit<NewRow<'users'>, 'login' | 'created_at'>): Promise<void> {
  await db
    .updateTable('users')
    .set({ ...values, search_key: searchKey(values.name, values.phone) })
    .where('id', '=', id)
    .execute();
}

export async function updateService(db: Kysely<DB>, id: number, row: NewRow<'services'>): Promise<void> {
  await db.updateTable('services').set(row).where('id', '=', id).execute();
}

export async function updateTariff(
  db: Kysely<DB>,
  id: number,
  values: Pick<NewRow<'tariffs'>, 'position' | 'unit' | 'price'>,
): Promise<void> {
  await db.updateTable('tariffs').set(values).where('id', '=', id).execute();
}

export async function deleteTariffs(db: Kysely<DB>, ids: number[]): Promise<void> {
  if (ids.length) await db.deleteFrom('tariffs').where('id', 'in', ids).execute();
}

export async function deleteServiceManagers(db: Kysely<DB>, serviceId: number, userIds: number[]): Promise<void> {
  if (userIds.length) await db.deleteFrom('service_managers').where('service_id', '=', serviceId).where('user_id', 'in', userIds).execute();
}

/** Takes the next number of a sequence: its new value, or null when the sequence has no row yet. */
export async function incrementCounter(db: Kysely<DB>, name: CounterName): Promise<number | null> {
  const r = await db
    .updateTable('counters')
    .set((eb) => ({ value: eb('value', '+', 1) }))
    .where('name', '=', name)
    .returning('value')
    .executeTakeFirst();
  return r?.value ?? null;
}

/** Raises a sequence to `value` when it is below it. */
export async function raiseCounter(db: Kysely<DB>, name: CounterName, value: number): Promise<void> {
  await db.updateTable('counters').set({ value }).where('name', '=', name).where('value', '<', value).execute();
}

/** A write decided on a state that another transaction changed first: nothing of it is kept. */
export class StaleStateError extends Error {
  constructor(what: string) {
    super(`${what} changed while it was being written; nothing was written`);
  }
}

/** An order's money moving from one state to the next. */
export interface BalanceMove {
  number: number;
  paid: number;
  status: OrderStatus;
  paidBefore: number;
  statusBefore: OrderStatus;
}

const BALANCE_KEYS = ['number', 'paid', 'status', 'paidBefore', 'statusBefore'] as const satisfies readonly (keyof BalanceMove)[];

/** The one update of an order's balance: guarded by the state it was decided on. */
const balanceUpdate = (db: Kysely<DB>, m: BalanceMove) =>
  db
    .updateTable('orders')
    .set({ paid: m.paid, status: m.status })
    .where('number', '=', m.number)
    .where('paid', '=', m.paidBefore)
    .where('status', '=', m.statusBefore);

/**
 * Moves orders' money, each only if it is still in the state it was decided on; otherwise a
 * StaleStateError undoes the whole transaction.
 */
export async function moveBalances(w: Writer, moves: readonly BalanceMove[]): Promise<void> {
  const run = w.fast ? w.fast.statement<BalanceMove>('update orders balance', BALANCE_KEYS, balanceUpdate) : null;
  for (const m of moves) {
    const changed = run ? run(m) : Number((await balanceUpdate(w.db, m).executeTakeFirst()).numUpdatedRows);
    if (changed !== 1) throw new StaleStateError(`order ${m.number}`);
  }
}

/** Cancels a live order (its status is still `from`), keeping `kept` as a cancellation fee. */
export async function cancelOrderRow(
  db: Kysely<DB>,
  c: { number: number; from: OrderStatus; at: string; by: number; reason: string | null; kept: number },
): Promise<void> {
  const r = await db
    .updateTable('orders')
    .set({ status: 'cancelled', cancelled_at: c.at, cancelled_by: c.by, cancel_reason: c.reason, kept: c.kept })
    .where('number', '=', c.number)
    .where('status', '=', c.from)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) throw new StaleStateError(`order ${c.number}`);
}

/**
 * Gives a gateway payment recorded without its gateway id (a guest's online payment at booking)
 * the id a statement row shows for it; only while it has none.
 */
export async function setExternalId(db: Kysely<DB>, paymentId: number, externalId: string): Promise<void> {
  const r = await db
    .updateTable('payments')
    .set({ external_id: externalId })
    .where('id', '=', paymentId)
    .where('external_id', 'is', null)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) throw new StaleStateError(`payment ${paymentId}`);
}

export async function setAssignee(db: Kysely<DB>, number: number, assigneeId: number | null): Promise<void> {
  await db.updateTable('orders').set({ assignee_id: assigneeId }).where('number', '=', number).execute();
}

/** Moves a ticket from one status to another; a ticket no longer in `from` is a stale write. */
export async function setTicketStatus(db: Kysely<DB>, number: number, from: TicketStatus, to: TicketStatus): Promise<void> {
  const r = await db.updateTable('tickets').set({ status: to }).where('number', '=', number).where('status', '=', from).executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) throw new StaleStateError(`ticket ${number}`);
}

export async function cancelTicketsOf(db: Kysely<DB>, orderNumber: number): Promise<void> {
  await db.updateTable('tickets').set({ status: 'cancelled' }).where('order_number', '=', orderNumber).execute();
}
