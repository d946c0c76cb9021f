/** The domain of SPEC.md, as plain values. Money in kopecks, instants as ISO-8601 UTC strings. */
import type { Kopecks } from './money.js';

export const ROLES = ['guest', 'rental_manager', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ORDER_STATUSES = ['awaiting_payment', 'partially_paid', 'confirmed', 'cancelled'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const PAYMENT_METHODS = ['card', 'cash', 'transfer'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
export const isPaymentMethod = (s: string): s is PaymentMethod => (PAYMENT_METHODS as readonly string[]).includes(s);

export const PAYMENT_SOURCES = ['gateway', 'manager'] as const;
export type PaymentSource = (typeof PAYMENT_SOURCES)[number];

/** A ledger entry: money in, money given back, or a desk payment undone as a mistake. */
export const ENTRY_KINDS = ['payment', 'refund', 'reversal'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

/** Why a gateway fact was recorded although it breaks a desk rule (SPEC.md rule 3a). */
export const WARNING_CODES = ['REMAINING_BELOW_MINIMUM', 'OVERPAID', 'ORDER_CANCELLED', 'REFUND_EXCEEDS_DUE'] as const;
export type WarningCode = (typeof WARNING_CODES)[number];
export type Visibility = 'public' | 'internal' | 'system';

export const TICKET_STATUSES = ['active', 'checked_in', 'cancelled'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export type TariffUnit = 'hour' | 'day';

export interface Location {
  id: number;
  key: string;
  name: string;
  timeZone: string;
  currency: 'RUB';
  minRemaining: Kopecks;
}

export interface Tariff {
  name: string;
  unit: TariffUnit;
  price: Kopecks;
}

export interface Service {
  id: number;
  slug: string;
  name: string;
  location: Location;
  capacity: number;
  /** Opening hours, local "HH:MM". */
  opensAt: string;
  closesAt: string;
  partialPayment: boolean;
  minPrepaymentPercent: number;
  tariffs: Tariff[];
  /** Logins of the rental managers responsible for the service. */
  managers: string[];
}

export interface User {
  id: number;
  login: string;
  name: string;
  phone: string | null;
  email: string | null;
  role: Role;
}

export interface UserRef {
  login: string;
  name: string;
  phone: string | null;
  role: Role;
}

export interface OrderLine {
  description: string;
  tariff: string;
  quantity: number;
  unitPrice: Kopecks;
  amount: Kopecks;
}

export interface Ticket {
  number: number;
  status: TicketStatus;
  visitor: { name: string; phone: string | null };
  start: string;
  end: string;
}

/** An entry of an order's ledger (SPEC.md): append-only; a mistake or a refund is a new entry. */
export interface Payment {
  id: string;
  orderNumber: number;
  kind: EntryKind;
  /** Always positive: the kind says which way the money went. */
  amount: Kopecks;
  method: PaymentMethod;
  source: PaymentSource;
  createdAt: string;
  recordedBy: UserRef | null;
  /** A gateway entry's id at the gateway; null at the desk (and for a gateway payment not yet matched). */
  externalId: string | null;
  /** A desk entry's idempotency key. */
  idempotencyKey: string | null;
  /** The cash register's receipt number, a transfer's reference. */
  reference: string | null;
  /** The gateway's fee, when its statement gives one. */
  fee: Kopecks | null;
  /** A reversal: the id of the desk payment it undoes. */
  reverses: string | null;
  /** A payment: the id of the reversal that undid it. */
  reversedBy: string | null;
  /** A gateway fact that breaks a desk rule: which. */
  warning: WarningCode | null;
  /** Why: a refund's or a reversal's reason. */
  reason: string | null;
}

export interface Message {
  id: string;
  orderNumber: number;
  visibility: Visibility;
  author: UserRef | null;
  /** The text of a public or internal message; null for a system message, which has an event. */
  text: string | null;
  event: OrderEvent | null;
  createdAt: string;
}

/** What the money rules need of an order: kept small so the core can be tested exhaustively. */
export interface OrderMoney {
  status: OrderStatus;
  total: Kopecks;
  paid: Kopecks;
  /** The location's floor for a remaining balance (5000 = 50 ₽). */
  minRemaining: Kopecks;
  partialPayment: boolean;
  /** A cancellation fee kept (0 unless cancelled with one). */
  kept: Kopecks;
}

export interface Order extends OrderMoney {
  number: number;
  createdAt: string;
  createdBy: UserRef | null;
  service: Service;
  applicant: UserRef;
  assignee: UserRef | null;
  dueDate: string;
  lines: OrderLine[];
  ticket: Ticket | null;
  cancelledAt: string | null;
  cancelReason: string | null;
}

/** A system message, stored as a code and its values and rendered in the reader's language. */
export type OrderEvent =
  | { code: 'order_created'; by: string | null; total: Kopecks }
  | { code: 'payment_gateway'; amount: Kopecks; method: PaymentMethod; warning: WarningCode | null }
  | { code: 'payment_recorded'; amount: Kopecks; method: PaymentMethod; by: string }
  | { code: 'payment_refunded'; amount: Kopecks; method: PaymentMethod; by: string | null; reason: string | null }
  | { code: 'payment_reversed'; amount: Kopecks; method: PaymentMethod; by: string; reason: string | null }
  | { code: 'order_confirmed' }
  | { code: 'assignee_changed'; to: string | null; by: string | null }
  | { code: 'order_cancelled'; by: string; reason: string | null; refundDue: Kopecks; kept: Kopecks }
  | { code: 'ticket_checked_in'; ticket: number; by: string };

export type EventCode = OrderEvent['code'];
