/**
 * Migrations as code, registered explicitly so that the bundled build finds them. The SQL is
 * portable: the same migrations create the same schema on SQLite and PostgreSQL.
 */
import { sql, type ColumnDefinitionBuilder, type Kysely, type Migration, type MigrationProvider } from 'kysely';

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
  };
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
export const LATEST_MIGRATION = '0004_ledger';
