/**
 * The tables, as kysely types. Column names are snake_case in the database; money columns are
 * integer kopecks; instants are ISO-8601 UTC text (sortable, and the same on SQLite and
 * PostgreSQL); booleans are 0/1 integers for the same reason. A column that holds one of a list
 * of values has that list's type: the database's CHECK constraints hold the same lists.
 */
import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type {
  EntryKind,
  EventCode,
  OrderStatus,
  PaymentMethod,
  PaymentSource,
  Role,
  TariffUnit,
  TicketStatus,
  Visibility,
  WarningCode,
} from '../core/types.js';

export interface LocationTable {
  id: Generated<number>;
  key: string;
  name: string;
  time_zone: string;
  currency: string;
  min_remaining: number;
}

export interface ServiceTable {
  id: Generated<number>;
  location_id: number;
  slug: string;
  name: string;
  capacity: number;
  opens_at: string;
  closes_at: string;
  partial_payment: number;
  min_prepayment_percent: number;
}

export interface TariffTable {
  id: Generated<number>;
  service_id: number;
  position: number;
  name: string;
  unit: TariffUnit;
  price: number;
}

export interface ServiceManagerTable {
  service_id: number;
  user_id: number;
}

export interface UserTable {
  id: Generated<number>;
  login: string;
  name: string;
  phone: string | null;
  email: string | null;
  role: Role;
  created_at: string;
  /** The folded name and phone digits that search reads (src/core/search.ts), kept by src/store/rows.ts. */
  search_key: string;
}

export interface OrderTable {
  number: number;
  created_at: string;
  created_by: number | null;
  service_id: number;
  applicant_id: number;
  assignee_id: number | null;
  status: OrderStatus;
  due_date: string;
  total: number;
  paid: number;
  /** The location's floor at booking time, so that the database itself can check it. */
  min_remaining: number;
  cancelled_at: string | null;
  cancelled_by: number | null;
  cancel_reason: string | null;
  /** A cancellation fee kept (0 unless cancelled with one; the column's default). */
  kept: Generated<number>;
  /** The key of the `orders create` that made it: a retried booking makes one order. */
  idempotency_key: string | null;
}

export interface OrderLineTable {
  id: Generated<number>;
  order_number: number;
  position: number;
  description: string;
  tariff: string;
  quantity: number;
  unit_price: number;
  amount: number;
}

export interface TicketTable {
  number: number;
  order_number: number;
  service_id: number;
  visitor_name: string;
  visitor_phone: string | null;
  start_at: string;
  end_at: string;
  status: TicketStatus;
  /** The visitor's folded name and phone digits that search reads (src/core/search.ts), kept by src/store/rows.ts. */
  search_key: string;
}

/** The ledger: payments, refunds and reversals of an order (SPEC.md), append-only. */
export interface PaymentTable {
  id: Generated<number>;
  order_number: number;
  /** `payment` unless told (the column's default). */
  kind: Generated<EntryKind>;
  amount: number;
  method: PaymentMethod;
  source: PaymentSource;
  recorded_by: number | null;
  created_at: string;
  /** A gateway entry's id at the gateway. Unique. */
  external_id: string | null;
  /** A desk entry's idempotency key: a namespace of its own. Unique. */
  desk_key: string | null;
  reference: string | null;
  fee: number | null;
  /** A reversal: the payment it undoes. Unique: a payment is reversed once. */
  reverses: number | null;
  warning: WarningCode | null;
  reason: string | null;
}

export interface MessageTable {
  id: Generated<number>;
  order_number: number;
  visibility: Visibility;
  author_id: number | null;
  body: string | null;
  /**
   * The event's code: written as one of the codes, read as text that src/core/events.ts checks
   * (a row is data from outside the program, whoever wrote it).
   */
  event: ColumnType<string | null, EventCode | null, EventCode | null>;
  /** The event's values, JSON. */
  data: string | null;
  created_at: string;
}

/**
 * SQLite's full-text (trigram) index of the visitors' keys, an FTS5 table over tickets.search_key
 * (0005_search); written by src/store/rows.ts with the tickets. PostgreSQL has no such table: a
 * pg_trgm index on tickets.search_key serves instead.
 */
export interface TicketSearchTable {
  /** The ticket's number. */
  rowid: number;
  search_key: string;
}

export interface CounterTable {
  name: CounterName;
  value: number;
}

/** The number sequences. */
export type CounterName = 'order' | 'ticket';

export interface DB {
  locations: LocationTable;
  services: ServiceTable;
  tariffs: TariffTable;
  service_managers: ServiceManagerTable;
  users: UserTable;
  orders: OrderTable;
  order_lines: OrderLineTable;
  tickets: TicketTable;
  tickets_search: TicketSearchTable;
  payments: PaymentTable;
  messages: MessageTable;
  counters: CounterTable;
}

export type TableName = keyof DB;

/** Columns that the one writer of a table derives from the row's other columns: no caller gives them. */
export type DerivedColumn = 'search_key';

/**
 * A new row as the one insert of its table takes it: every column but the generated id and the
 * derived ones, each spelled out (null where it has no value), so that a column added to a table
 * is a type error at every place that builds its rows.
 */
export type NewRow<T extends TableName> = Omit<Required<Insertable<DB[T]>>, 'id' | DerivedColumn>;

/** A row as it is stored: a NewRow with its derived columns. */
export type StoredRow<T extends TableName> = Omit<Required<Insertable<DB[T]>>, 'id'>;

export type UserRow = Selectable<UserTable>;
