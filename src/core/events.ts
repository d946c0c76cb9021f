/**
 * A system message's event (src/core/types.ts OrderEvent) as it is stored, a code and its values
 * as JSON, and back. Reading checks every value: a row is data from outside the program (another
 * version of cowork, a hand edit, a damaged file), and a malformed one is an error that names it,
 * never a value of the wrong type passed on to the renderer. Hand-written rather than a schema
 * library: it runs for every message read, and the library loads only for fixture files.
 */
import { PAYMENT_METHODS, WARNING_CODES, type EventCode, type OrderEvent, type PaymentMethod, type WarningCode } from './types.js';

/** The stored form of an event: its code, and its values without the code as a JSON object. */
export interface StoredEvent {
  event: EventCode;
  data: string;
}

/** The one way an event is stored. */
export function storedEvent(e: OrderEvent): StoredEvent {
  const { code, ...values } = e;
  return { event: code, data: JSON.stringify(values) };
}

/** A stored event that is not one cowork writes: its code, and what is wrong with it. */
export class MalformedEventError extends Error {
  constructor(
    readonly code: string,
    readonly problem: string,
  ) {
    super(`a stored event "${code}" is malformed: ${problem}`);
  }
}

type Values = Record<string, unknown>;

/** Checks of one value each; they return the value with its type, or throw. */
function field(code: string, values: Values) {
  const bad = (key: string, expected: string): never => {
    throw new MalformedEventError(code, `${key}: expected ${expected}, found ${JSON.stringify(values[key]) ?? 'nothing'}`);
  };
  return {
    text(key: string): string {
      const v = values[key];
      return typeof v === 'string' ? v : bad(key, 'text');
    },
    textOrNull(key: string): string | null {
      const v = values[key];
      return v === null || typeof v === 'string' ? v : bad(key, 'text or null');
    },
    kopecks(key: string): number {
      const v = values[key];
      return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 ? v : bad(key, 'a whole number of kopecks');
    },
    whole(key: string): number {
      const v = values[key];
      return typeof v === 'number' && Number.isSafeInteger(v) && v > 0 ? v : bad(key, 'a positive whole number');
    },
    /** A value that older rows do not have: absent reads as `fallback`. */
    kopecksOr(key: string, fallback: number): number {
      return values[key] === undefined ? fallback : this.kopecks(key);
    },
    warning(key: string): WarningCode | null {
      const v = values[key];
      if (v === undefined || v === null) return null;
      return WARNING_CODES.find((w) => w === v) ?? bad(key, WARNING_CODES.join(' | '));
    },
    method(key: string): PaymentMethod {
      const v = values[key];
      const found = PAYMENT_METHODS.find((m) => m === v);
      return found ?? bad(key, PAYMENT_METHODS.join(' | '));
    },
  };
}

/** Every code and how to read its values: a code added to OrderEvent is a type error here until it is read. */
const READERS: { [C in EventCode]: (f: ReturnType<typeof field>) => Extract<OrderEvent, { code: C }> } = {
  order_created: (f) => ({ code: 'order_created', by: f.textOrNull('by'), total: f.kopecks('total') }),
  payment_gateway: (f) => ({
    code: 'payment_gateway',
    amount: f.kopecks('amount'),
    method: f.method('method'),
    warning: f.warning('warning'),
  }),
  payment_recorded: (f) => ({ code: 'payment_recorded', amount: f.kopecks('amount'), method: f.method('method'), by: f.text('by') }),
  payment_refunded: (f) => ({
    code: 'payment_refunded',
    amount: f.kopecks('amount'),
    method: f.method('method'),
    by: f.textOrNull('by'),
    reason: f.textOrNull('reason'),
  }),
  payment_reversed: (f) => ({
    code: 'payment_reversed',
    amount: f.kopecks('amount'),
    method: f.method('method'),
    by: f.text('by'),
    reason: f.textOrNull('reason'),
  }),
  order_confirmed: () => ({ code: 'order_confirmed' }),
  assignee_changed: (f) => ({ code: 'assignee_changed', to: f.textOrNull('to'), by: f.textOrNull('by') }),
  order_cancelled: (f) => ({
    code: 'order_cancelled',
    by: f.text('by'),
    reason: f.textOrNull('reason'),
    refundDue: f.kopecks('refundDue'),
    kept: f.kopecksOr('kept', 0),
  }),
  ticket_checked_in: (f) => ({ code: 'ticket_checked_in', ticket: f.whole('ticket'), by: f.text('by') }),
};

function isCode(code: string): code is EventCode {
  return Object.prototype.hasOwnProperty.call(READERS, code);
}

/**
 * Reads a stored event: its code and its JSON values (null: none). Throws a MalformedEventError
 * for an unknown code, values that are not a JSON object, or a value of the wrong type.
 */
export function parseEvent(code: string, data: string | null): OrderEvent {
  if (!isCode(code)) throw new MalformedEventError(code, 'unknown code');
  let values: unknown = {};
  if (data !== null) {
    try {
      values = JSON.parse(data);
    } catch {
      throw new MalformedEventError(code, 'its values are not JSON');
    }
  }
  if (!isObject(values)) throw new MalformedEventError(code, 'its values are not an object');
  return READERS[code](field(code, values));
}

function isObject(v: unknown): v is Values {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** The event of an executor change (rule 6): to whom, and by whom (null: loaded from a file). */
export function assigneeChanged(to: string | null, by: string | null): OrderEvent {
  return { code: 'assignee_changed', to, by };
}
