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
  };
}

export function migrationProvider(dialect: Dialect): MigrationProvider {
  return { getMigrations: () => Promise.resolve(migrations(dialect)) };
}

/** The name of the newest migration: a database at it needs no migrating. */
export const LATEST_MIGRATION = '0003_bigint';
