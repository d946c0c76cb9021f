/**
 * Migrations as code, registered explicitly so that the bundled build finds them. The SQL is
 * portable: the same migrations create the same schema on SQLite and PostgreSQL.
 */
import { sql, type ColumnDefinitionBuilder, type Kysely, type Migration, type MigrationProvider, type RawBuilder } from 'kysely';
import { searchKey } from '../core/search.js';

type Dialect = 'sqlite' | 'postgres';

function migrations(dialect: Dialect): Record<string, Migration> {
  const serial = dialect === 'postgres' ? 'serial' : 'integer';
  const idCol = (c: ColumnDefinitionBuilder) => (dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement());
  return {
    '0001_initial': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('locations')
          .ifNotExists()
          .addColumn('id', serial, idCol)
          .addColumn('key', 'text', (c) => c.notNull().unique())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('time_zone', 'text', (c) => c.notNull())
          .addColumn('currency', 'text', (c) => c.notNull().defaultTo('RUB'))
          .addColumn('min_remaining', 'integer', (c) => c.notNull().defaultTo(5000))
          .addCheckConstraint('locations_min_remaining', sql`min_remaining >= 0`)
          .execute();

        await db.schema
          .createTable('users')
          .ifNotExists()
          .addColumn('id', serial, idCol)
          .addColumn('login', 'text', (c) => c.notNull().unique())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('phone', 'text')
          .addColumn('email', 'text')
          .addColumn('role', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addCheckConstraint('users_role', sql`role in ('guest', 'rental_manager', 'admin')`)
          .execute();

        await db.schema
          .createTable('services')
          .ifNotExists()
          .addColumn('id', serial, idCol)
          .addColumn('location_id', 'integer', (c) => c.notNull().references('locations.id'))
          .addColumn('slug', 'text', (c) => c.notNull().unique())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('capacity', 'integer', (c) => c.notNull())
          .addColumn('opens_at', 'text', (c) => c.notNull())
          .addColumn('closes_at', 'text', (c) => c.notNull())
          .addColumn('partial_payment', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('min_prepayment_percent', 'integer', (c) => c.notNull().defaultTo(0))
          .addCheckConstraint('services_capacity', sql`capacity > 0`)
          .addCheckConstraint('services_prepayment', sql`min_prepayment_percent between 0 and 100`)
          .execute();

        await db.schema
          .createTable('tariffs')
          .ifNotExists()
          .addColumn('id', serial, idCol)
          .addColumn('service_id', 'integer', (c) => c.notNull().references('services.id').onDelete('cascade'))
          .addColumn('position', 'integer', (c) => c.notNull())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('unit', 'text', (c) => c.notNull())
          .addColumn('price', 'integer', (c) => c.notNull())
          .addUniqueConstraint('tariffs_service_name', ['service_id', 'name'])
          .addCheckConstraint('tariffs_unit', sql`unit in ('hour', 'day')`)
          .addCheckConstraint('tariffs_price', sql`price >= 0`)
          .execute();

        await db.schema
          .createTable('service_managers')
          .ifNotExists()
          .addColumn('service_id', 'integer', (c) => c.notNull().references('services.id').onDelete('cascade'))
          .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
          .addPrimaryKeyConstraint('service_managers_pk', ['service_id', 'user_id'])
          .execute();

        await db.schema
          .createTable('orders')
          .ifNotExists()
          .addColumn('number', 'integer', (c) => c.primaryKey())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('created_by', 'integer', (c) => c.references('users.id'))
          .addColumn('service_id', 'integer', (c) => c.notNull().references('services.id'))
          .addColumn('applicant_id', 'integer', (c) => c.notNull().references('users.id'))
          .addColumn('assignee_id', 'integer', (c) => c.references('users.id'))
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('due_date', 'text', (c) => c.notNull())
          .addColumn('total', 'integer', (c) => c.notNull())
          .addColumn('paid', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('min_remaining', 'integer', (c) => c.notNull())
          .addColumn('cancelled_at', 'text')
          .addColumn('cancelled_by', 'integer', (c) => c.references('users.id'))
          .addColumn('cancel_reason', 'text')
          // The money rules, held by the database itself so that even a bug cannot store a
          // state that breaks them.
          .addCheckConstraint('orders_total', sql`total >= 0`)
          .addCheckConstraint('orders_paid', sql`paid >= 0 and paid <= total`)
          .addCheckConstraint('orders_floor', sql`paid = 0 or paid = total or total - paid >= min_remaining`)
          .addCheckConstraint(
            'orders_status',
            sql`status = 'cancelled'
              or (status = 'confirmed' and paid = total)
              or (status = 'partially_paid' and paid > 0 and paid < total)
              or (status = 'awaiting_payment' and paid = 0 and total > 0)`,
          )
          .execute();
        await db.schema.createIndex('orders_service_created').ifNotExists().on('orders').columns(['service_id', 'created_at']).execute();
        await db.schema.createIndex('orders_applicant').ifNotExists().on('orders').column('applicant_id').execute();
        await db.schema.createIndex('orders_created').ifNotExists().on('orders').column('created_at').execute();

        await db.schema
          .createTable('order_lines')
          .ifNotExists()
          .addColumn('id', serial, idCol)
          .addColumn('order_number', 'integer', (c) => c.notNull().references('orders.number'))
          .addColumn('position', 'integer', (c) => c.notNull())
          .addColumn('description', 'text', (c) => c.notNull())
          .addColumn('tariff', 'text', (c) => c.notNull())
          .addColumn('quantity', 'integer', (c) => c.notNull())
          .addColumn('unit_price', 'integer', (c) => c.notNull())
          .addColumn('amount', 'integer', (c) => c.notNull())
          .addCheckConstraint('order_lines_amount', sql`amount = quantity * unit_price and amount >= 0`)
          .execute();
        await db.schema.createIndex('order_lines_order').ifNotExists().on('order_lines').column('order_number').execute();

        await db.schema
          .createTable('tickets')
          .ifNotExists()
          .addColumn('number', 'integer', (c) => c.primaryKey())
          .addColumn('order_number', 'integer', (c) => c.notNull().unique().references('orders.number'))
          .addColumn('service_id', 'integer', (c) => c.notNull().references('services.id'))
          .addColumn('visitor_name', 'text', (c) => c.notNull())
          .addColumn('visitor_phone', 'text')
          .addColumn('start_at', 'text', (c) => c.notNull())
          .addColumn('end_at', 'text', (c) => c.notNull())
          .addColumn('status', 'text', (c) => c.notNull())
          .addCheckConstraint('tickets_status', sql`status in ('active', 'checked_in', 'cancelled')`)
          .addCheckConstraint('tickets_period', sql`end_at > start_at`)
          .execute();
        await db.schema.createIndex('tickets_service_period').ifNotExists().on('tickets').columns(['service_id', 'start_at']).execute();

        await db.schema
          .createTable('payments')
          .ifNotExists()
          .addColumn('id', serial, idCol)
          .addColumn('order_number', 'integer', (c) => c.notNull().references('orders.number'))
          .addColumn('amount', 'integer', (c) => c.notNull())
          .addColumn('method', 'text', (c) => c.notNull())
          .addColumn('source', 'text', (c) => c.notNull())
          .addColumn('recorded_by', 'integer', (c) => c.references('users.id'))
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('external_id', 'text', (c) => c.unique())
          .addCheckConstraint('payments_amount', sql`amount > 0`)
          .addCheckConstraint('payments_method', sql`method in ('card', 'cash', 'transfer')`)
          .addCheckConstraint('payments_source', sql`source in ('gateway', 'manager')`)
          .execute();
        await db.schema.createIndex('payments_order').ifNotExists().on('payments').column('order_number').execute();
        await db.schema.createIndex('payments_created').ifNotExists().on('payments').column('created_at').execute();

        await db.schema
          .createTable('messages')
          .ifNotExists()
          .addColumn('id', serial, idCol)
          .addColumn('order_number', 'integer', (c) => c.notNull().references('orders.number'))
          .addColumn('visibility', 'text', (c) => c.notNull())
          .addColumn('author_id', 'integer', (c) => c.references('users.id'))
          .addColumn('body', 'text')
          .addColumn('event', 'text')
          .addColumn('data', 'text')
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addCheckConstraint('messages_visibility', sql`visibility in ('public', 'internal', 'system')`)
          .addCheckConstraint(
            'messages_kind',
            sql`(visibility = 'system' and event is not null) or (visibility <> 'system' and body is not null)`,
          )
          .execute();
        await db.schema.createIndex('messages_order').ifNotExists().on('messages').column('order_number').execute();

        await db.schema
          .createTable('counters')
          .ifNotExists()
          .addColumn('name', 'text', (c) => c.primaryKey())
          .addColumn('value', 'integer', (c) => c.notNull())
          .execute();
      },
    },
    '0002_orders_keyset': {
      // Lists walk orders newest first a page at a time: (created_at, number) is their key. The
      // older (service_id, created_at) index led SQLite to sort every page of a list filtered by
      // several services; these two let it walk an index instead.
      async up(db: Kysely<unknown>) {
        await db.schema.dropIndex('orders_service_created').ifExists().execute();
        await db.schema.dropIndex('orders_created').ifExists().execute();
        await db.schema.createIndex('orders_created_number').ifNotExists().on('orders').columns(['created_at', 'number']).execute();
        await db.schema
          .createIndex('orders_service_created_number')
          .ifNotExists()
          .on('orders')
          .columns(['service_id', 'created_at', 'number'])
          .execute();
      },
    },
    '0003_bigint': {
      // Order and ticket numbers and amounts as 64-bit integers on PostgreSQL, as SQLite's integers
      // already are: a number or an amount past 2 147 483 647 is a value like any other.
      async up(db: Kysely<unknown>) {
        if (dialect !== 'postgres') return;
        const columns: [string, string[]][] = [
          ['locations', ['min_remaining']],
          ['tariffs', ['price']],
          ['orders', ['number', 'total', 'paid', 'min_remaining']],
          ['order_lines', ['order_number', 'quantity', 'unit_price', 'amount']],
          ['tickets', ['number', 'order_number']],
          ['payments', ['order_number', 'amount']],
          ['messages', ['order_number']],
          ['counters', ['value']],
        ];
        for (const [table, names] of columns) {
          await sql.raw(`alter table ${table} ${names.map((c) => `alter column ${c} type bigint`).join(', ')}`).execute(db);
        }
      },
    },
    '0004_ledger': {
      // The ledger of SPEC.md: refunds and reversals beside payments, desk keys apart from gateway
      // ids, a receipt reference, a gateway fee, a warning on a gateway fact; a cancellation fee
      // kept, and a booking's idempotency key. The orders' constraints now keep what is always
      // true and no longer forbid what a gateway fact can make (an overpayment, money on a
      // cancelled order, less than the floor left to pay).
      async up(db: Kysely<unknown>) {
        const bigint = dialect === 'postgres' ? 'bigint' : 'integer';
        const paymentColumns: [string, string, (c: ColumnDefinitionBuilder) => ColumnDefinitionBuilder][] = [
          [
            'kind',
            'text',
            (c) =>
              c
                .notNull()
                .defaultTo('payment')
                .check(sql`kind in ('payment', 'refund', 'reversal')`),
          ],
          ['desk_key', 'text', (c) => c],
          ['reference', 'text', (c) => c],
          ['fee', bigint, (c) => c.check(sql`fee >= 0`)],
          ['reverses', bigint, (c) => c.references('payments.id')],
          [
            'warning',
            'text',
            (c) => c.check(sql`warning in ('REMAINING_BELOW_MINIMUM', 'OVERPAID', 'ORDER_CANCELLED', 'REFUND_EXCEEDS_DUE')`),
          ],
          ['reason', 'text', (c) => c],
        ];
        const existing = await columnsOf(db, dialect, 'payments');
        for (const [name, type, build] of paymentColumns) {
          if (!existing.has(name)) await db.schema.alterTable('payments').addColumn(name, sql.raw(type), build).execute();
        }
        // A desk payment's key was kept among the gateway ids: it moves to its own column.
        await sql`update payments set desk_key = external_id, external_id = null where source = 'manager' and external_id is not null`.execute(
          db,
        );
        await db.schema.createIndex('payments_desk_key').ifNotExists().unique().on('payments').column('desk_key').execute();
        await db.schema.createIndex('payments_reverses').ifNotExists().unique().on('payments').column('reverses').execute();

        if (dialect === 'postgres') {
          await sql`alter table payments drop constraint if exists payments_reversal`.execute(db);
          await sql`alter table payments add constraint payments_reversal check ((kind = 'reversal') = (reverses is not null))`.execute(db);
          await sql`alter table orders add column if not exists kept bigint not null default 0`.execute(db);
          await sql`alter table orders add column if not exists idempotency_key text unique`.execute(db);
          for (const name of ['orders_paid', 'orders_floor', 'orders_status', 'orders_kept'])
            await sql.raw(`alter table orders drop constraint if exists ${name}`).execute(db);
          await sql.raw(`alter table orders add constraint orders_paid check (${ORDER_CHECKS.paid})`).execute(db);
          await sql.raw(`alter table orders add constraint orders_kept check (${ORDER_CHECKS.kept})`).execute(db);
          await sql.raw(`alter table orders add constraint orders_status check (${ORDER_CHECKS.status})`).execute(db);
          return;
        }
        // SQLite changes a table's constraints by building it anew: the migration runs with
        // foreign keys off (src/store/open.ts migrate) and checks them before it commits.
        await sql`drop table if exists orders_next`.execute(db);
        await db.schema
          .createTable('orders_next')
          .addColumn('number', 'integer', (c) => c.primaryKey())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('created_by', 'integer', (c) => c.references('users.id'))
          .addColumn('service_id', 'integer', (c) => c.notNull().references('services.id'))
          .addColumn('applicant_id', 'integer', (c) => c.notNull().references('users.id'))
          .addColumn('assignee_id', 'integer', (c) => c.references('users.id'))
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('due_date', 'text', (c) => c.notNull())
          .addColumn('total', 'integer', (c) => c.notNull())
          .addColumn('paid', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('min_remaining', 'integer', (c) => c.notNull())
          .addColumn('cancelled_at', 'text')
          .addColumn('cancelled_by', 'integer', (c) => c.references('users.id'))
          .addColumn('cancel_reason', 'text')
          .addColumn('kept', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('idempotency_key', 'text', (c) => c.unique())
          .addCheckConstraint('orders_total', sql`total >= 0`)
          .addCheckConstraint('orders_paid', sql.raw(ORDER_CHECKS.paid))
          .addCheckConstraint('orders_kept', sql.raw(ORDER_CHECKS.kept))
          .addCheckConstraint('orders_status', sql.raw(ORDER_CHECKS.status))
          .execute();
        const kept = ORDER_COLUMNS.join(', ');
        await sql.raw(`insert into orders_next (${kept}) select ${kept} from orders`).execute(db);
        await sql`drop table orders`.execute(db);
        await sql`alter table orders_next rename to orders`.execute(db);
        await db.schema.createIndex('orders_applicant').ifNotExists().on('orders').column('applicant_id').execute();
        await db.schema.createIndex('orders_created_number').ifNotExists().on('orders').columns(['created_at', 'number']).execute();
        await db.schema
          .createIndex('orders_service_created_number')
          .ifNotExists()
          .on('orders')
          .columns(['service_id', 'created_at', 'number'])
          .execute();
        // The payments' pairing of kind and reverses, which SQLite cannot add to an existing table
        // as a constraint, is held by a trigger.
        await sql`create trigger if not exists payments_reversal before insert on payments
          when (new.kind = 'reversal') <> (new.reverses is not null)
          begin select raise(abort, 'CHECK constraint failed: payments_reversal'); end`.execute(db);
      },
    },
    '0005_search': {
      // Search by name, phone and number (`orders list --search`, `users list --search`): a folded
      // key of each user's and each ticket visitor's name and phone (src/core/search.ts), filled
      // here for the rows there are and written with every row after. A visitor is found by any
      // part of the key through a trigram index: SQLite's full-text index (FTS5), written with the
      // tickets by src/store/rows.ts (a trigger would make FTS5 write its index once per row, and
      // several times slower); PostgreSQL's pg_trgm, where the server offers it (else a scan finds
      // the same rows, slower).
      // Lists of one applicant's orders and lists by rental start walk an index of their own.
      async up(db: Kysely<unknown>) {
        for (const table of ['users', 'tickets']) {
          if (!(await columnsOf(db, dialect, table)).has('search_key'))
            await db.schema
              .alterTable(table)
              .addColumn('search_key', 'text', (c) => c.notNull().defaultTo(''))
              .execute();
        }
        await fillKeys(db, dialect, 'users', 'id', 'name', 'phone');
        await fillKeys(db, dialect, 'tickets', 'number', 'visitor_name', 'visitor_phone');

        await db.schema.dropIndex('orders_applicant').ifExists().execute();
        await db.schema
          .createIndex('orders_applicant_created_number')
          .ifNotExists()
          .on('orders')
          .columns(['applicant_id', 'created_at', 'number'])
          .execute();
        await db.schema.createIndex('tickets_start_order').ifNotExists().on('tickets').columns(['start_at', 'order_number']).execute();

        if (dialect === 'postgres') {
          if (await trigramExtension(db))
            await sql`create index if not exists tickets_search_trgm on tickets using gin (search_key gin_trgm_ops)`.execute(db);
          return;
        }
        // The planner weighs indexes by the statistics of the last ANALYZE (seed --orders runs one):
        // a new index without them looks selective, and a list of a million orders would be read
        // through it and sorted. Where there are statistics, the new indexes get theirs.
        const stats = await sql`select 1 from sqlite_master where name = 'sqlite_stat1'`.execute(db);
        if (stats.rows.length) await sql`analyze orders_applicant_created_number`.execute(db);
        if (stats.rows.length) await sql`analyze tickets_start_order`.execute(db);
        await sql`create virtual table if not exists tickets_search
          using fts5(search_key, content = 'tickets', content_rowid = 'number', tokenize = 'trigram')`.execute(db);
        // The index of the tickets there are, read from them; src/store/rows.ts adds each new one.
        await sql`insert into tickets_search (tickets_search) values ('rebuild')`.execute(db);
      },
    },
  };
}

/** How many rows one statement of a migration's fill updates. */
const FILL_BATCH = 1000;

/**
 * Writes the search key of every row of `table` from its name and phone columns, a batch of rows
 * at a time in key order (flat memory whatever the table's size), one statement per batch.
 */
async function fillKeys(db: Kysely<unknown>, dialect: Dialect, table: string, key: string, name: string, phone: string): Promise<void> {
  let after: number | null = null;
  for (;;) {
    const from: RawBuilder<unknown> = after === null ? sql`` : sql`where ${sql.ref(key)} > ${after}`;
    const { rows } = await sql<{ k: number; name: string; phone: string | null }>`
      select ${sql.ref(key)} as k, ${sql.ref(name)} as name, ${sql.ref(phone)} as phone from ${sql.table(table)}
      ${from} order by ${sql.ref(key)} limit ${FILL_BATCH}`.execute(db);
    const last: { k: number } | undefined = rows.at(-1);
    if (!last) return;
    // PostgreSQL types a parameter of VALUES as text unless told; on SQLite a cast would hide the
    // key from the planner, which then scans the table for every batch.
    const id = (k: number) => (dialect === 'postgres' ? sql`cast(${k} as bigint)` : sql`${k}`);
    const values = sql.join(rows.map((r) => sql`(${id(Number(r.k))}, ${searchKey(r.name, r.phone)})`));
    await sql`update ${sql.table(table)} set search_key = v.column2 from (values ${values}) as v
               where ${sql.ref(`${table}.${key}`)} = v.column1`.execute(db);
    if (rows.length < FILL_BATCH) return;
    after = Number(last.k);
  }
}

/**
 * Whether PostgreSQL's pg_trgm extension is there, installing it when the server offers it and the
 * role may. A failed install is undone alone (a savepoint) and the migration goes on without it.
 */
async function trigramExtension(db: Kysely<unknown>): Promise<boolean> {
  const had = await sql`select 1 from pg_extension where extname = 'pg_trgm'`.execute(db);
  if (had.rows.length) return true;
  await sql`savepoint cowork_trgm`.execute(db);
  try {
    await sql`create extension if not exists pg_trgm`.execute(db);
    await sql`release savepoint cowork_trgm`.execute(db);
    return true;
  } catch {
    await sql`rollback to savepoint cowork_trgm`.execute(db);
    return false;
  }
}

/** The orders' columns before 0004_ledger, which its rebuild of the table on SQLite copies. */
const ORDER_COLUMNS = [
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
];

/** What is always true of an order's money (0004_ledger). */
const ORDER_CHECKS = {
  paid: 'paid >= 0',
  kept: "kept >= 0 and kept <= paid and (kept = 0 or status = 'cancelled')",
  status: `status = 'cancelled'
    or (status = 'confirmed' and paid >= total)
    or (status = 'partially_paid' and paid > 0 and paid < total)
    or (status = 'awaiting_payment' and paid = 0 and total > 0)`,
};

/** The names of a table's columns. */
async function columnsOf(db: Kysely<unknown>, dialect: Dialect, table: string): Promise<Set<string>> {
  const rows =
    dialect === 'postgres'
      ? await sql<{
          name: string;
        }>`select column_name as name from information_schema.columns where table_name = ${table} and table_schema = current_schema()`.execute(
          db,
        )
      : await sql<{ name: string }>`select name from pragma_table_info(${table})`.execute(db);
  return new Set(rows.rows.map((r) => r.name));
}

export function migrationProvider(dialect: Dialect): MigrationProvider {
  return { getMigrations: () => Promise.resolve(migrations(dialect)) };
}

/** The name of the newest migration: a database at it needs no migrating. */
export const LATEST_MIGRATION = '0005_search';
