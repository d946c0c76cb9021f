/** The domain of SPEC.md, as plain values. Money in kopecks, instants as ISO-8601 UTC strings. */
import type { Kopecks } from './money.js';

export const ROLES = ['guest', 'rental_manager', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ORDER_STATUSES = ['awaiting_payment', 'partially_paid', 'confirmed', 'cancelled'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const PAYMENT_METHODS = ['card', 'cash', 'transfer'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
export const isPaymentMethod = (s: string): s is PaymentMethod => (PAYMENT_METHODS as readonly string[]).includes(s);

export type PaymentSource = 'gateway' | 'manager';
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

export interface Payment {
  id: string;
  orderNumber: number;
  amount: Kopecks;
  method: PaymentMethod;
  source: PaymentSource;
  createdAt: string;
  recordedBy: UserRef | null;
  externalId: string | null;
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
  | { code: 'payment_gateway'; amount: Kopecks; method: PaymentMethod }
  | { code: 'payment_recorded'; amount: Kopecks; method: PaymentMethod; by: string }
  | { code: 'order_confirmed' }
  | { code: 'assignee_changed'; to: string | null; by: string | null }
  | { code: 'order_cancelled'; by: string; reason: string | null; refundDue: Kopecks }
  | { code: 'ticket_checked_in'; ticket: number; by: string };

export type EventCode = OrderEvent['code'];
