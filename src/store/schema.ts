/**
 * The tables, as kysely types. Column names are snake_case in the database; money columns are
 * integer kopecks; instants are ISO-8601 UTC text (sortable, and the same on SQLite and
 * PostgreSQL); booleans are 0/1 integers for the same reason.
 */
import type { Generated, Selectable } from 'kysely';

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
  unit: string;
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
  role: string;
  created_at: string;
}

export interface OrderTable {
  number: number;
  created_at: string;
  created_by: number | null;
  service_id: number;
  applicant_id: number;
  assignee_id: number | null;
  status: string;
  due_date: string;
  total: number;
  paid: number;
  /** The location's floor at booking time, so that the database itself can check it. */
  min_remaining: number;
  cancelled_at: string | null;
  cancelled_by: number | null;
  cancel_reason: string | null;
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
  status: string;
}

export interface PaymentTable {
  id: Generated<number>;
  order_number: number;
  amount: number;
  method: string;
  source: string;
  recorded_by: number | null;
  created_at: string;
  /** The gateway's id of a statement row, or a desk payment's idempotency key. Unique. */
  external_id: string | null;
}

export interface MessageTable {
  id: Generated<number>;
  order_number: number;
  visibility: string;
  author_id: number | null;
  body: string | null;
  event: string | null;
  /** The event's values, JSON. */
  data: string | null;
  created_at: string;
}

export interface CounterTable {
  name: string;
  value: number;
}

export interface DB {
  locations: LocationTable;
  services: ServiceTable;
  tariffs: TariffTable;
  service_managers: ServiceManagerTable;
  users: UserTable;
  orders: OrderTable;
  order_lines: OrderLineTable;
  tickets: TicketTable;
  payments: PaymentTable;
  messages: MessageTable;
  counters: CounterTable;
}

export type UserRow = Selectable<UserTable>;
