/**
 * Typed errors of cowork. Each class maps to one exit code of SPEC.md (EXIT_CODES below); `main()`
 * in src/cli.ts does the mapping, once. An error carries no words: a message key of the language
 * catalog (src/ui/messages) and its typed values, rendered in the operator's language when it is
 * printed. Its `code` is stable and printed in JSON errors, so scripts may branch on it.
 */
import type { Catalog } from '../ui/messages/en.js';

/** The stable codes of the refusals by a rule (exit 6). Each is also its message's key. */
export type RuleCode =
  | 'ORDER_CANCELLED'
  | 'ORDER_ALREADY_PAID'
  | 'AMOUNT_EXCEEDS_REMAINING'
  | 'REMAINING_BELOW_MINIMUM'
  | 'PARTIAL_PAYMENT_NOT_ALLOWED'
  | 'ALREADY_CANCELLED'
  | 'OUTSIDE_OPENING_HOURS'
  | 'CAPACITY_EXCEEDED'
  | 'INVALID_PERIOD'
  | 'PERIOD_ENDED'
  | 'LOCAL_TIME_MISSING'
  | 'PREPAYMENT_TOO_SMALL'
  | 'APPLICANT_NOT_GUEST'
  | 'TICKET_NOT_ACTIVE'
  | 'TICKET_NOT_CONFIRMED'
  | 'TICKET_NOT_TODAY'
  | 'ASSIGNEE_NOT_ELIGIBLE'
  | 'MANAGER_NOT_ELIGIBLE'
  | 'USER_EXISTS'
  | 'SERVICE_EXISTS'
  | 'NO_TARIFF'
  | 'KEEP_EXCEEDS_PAID'
  | 'NOTHING_TO_REFUND'
  | 'REFUND_EXCEEDS_DUE'
  | 'REFUND_EXCEEDS_PAID'
  | 'NOT_A_PAYMENT'
  | 'GATEWAY_NOT_REVERSIBLE'
  | 'ALREADY_REVERSED'
  | 'REVERSAL_EXCEEDS_PAID'
  | 'NOTHING_TO_SEED';

export type ErrorCode =
  'UNEXPECTED' | 'USAGE' | 'CANCELLED' | 'NOT_ALLOWED' | 'NOT_FOUND' | 'CONFLICT' | 'DIFFERENCES' | 'INTERRUPTED' | RuleCode;

/** The exit codes of SPEC.md: the one table, printed by `cowork help exit-codes`. */
export const EXIT_CODES = {
  OK: 0,
  UNEXPECTED: 1,
  USAGE: 2,
  CANCELLED: 3,
  NOT_ALLOWED: 4,
  NOT_FOUND: 5,
  RULE: 6,
  CONFLICT: 7,
  DIFFERENCES: 8,
  INTERRUPTED: 130,
} as const;

export type ExitName = keyof typeof EXIT_CODES;

type Errors = Catalog['errors'];
/** A key of the catalog's errors section. */
export type MessageKey = keyof Errors;
/** The values a message takes, as its catalog function declares them. */
export type MessageArgs<K extends MessageKey> = Parameters<Errors[K]>;

/** A message of the catalog with its values: what an error says, in no language yet. */
export interface Said<K extends MessageKey = MessageKey> {
  key: K;
  args: MessageArgs<K>;
}

export abstract class CoworkError<K extends MessageKey = MessageKey> extends Error {
  abstract readonly exit: ExitName;
  abstract readonly code: ErrorCode;
  readonly said: Said<K>;

  constructor(key: K, ...args: MessageArgs<K>) {
    // The message is for stack traces and logs; people read the catalog's words.
    super(args.length ? `${String(key)} ${JSON.stringify(args[0])}` : String(key));
    this.said = { key, args };
  }

  get exitCode(): number {
    return EXIT_CODES[this.exit];
  }
}

/** A malformed value, an unknown flag, a value missing where no prompt is allowed (exit 2). */
export class UsageError<K extends MessageKey = MessageKey> extends CoworkError<K> {
  readonly exit = 'USAGE';
  readonly code = 'USAGE';
}

/** The operator declined a confirmation (exit 3). */
export class CancelledError<K extends MessageKey = MessageKey> extends CoworkError<K> {
  readonly exit = 'CANCELLED';
  readonly code = 'CANCELLED';
}

/** Unknown operator, wrong role, not responsible for the service (exit 4). */
export class NotAllowedError<K extends MessageKey = MessageKey> extends CoworkError<K> {
  readonly exit = 'NOT_ALLOWED';
  readonly code = 'NOT_ALLOWED';
}

/** Order, ticket, user or service not found (exit 5). */
export class NotFoundError<K extends MessageKey = MessageKey> extends CoworkError<K> {
  readonly exit = 'NOT_FOUND';
  readonly code = 'NOT_FOUND';
}

/** A rule of SPEC.md refused the action (exit 6); the code is the rule's. */
export class RuleError<K extends RuleCode & MessageKey = RuleCode & MessageKey> extends CoworkError<K> {
  readonly exit = 'RULE';
  readonly code: K;
  constructor(key: K, ...args: MessageArgs<K>) {
    super(key, ...args);
    this.code = key;
  }
}

/** An idempotency key or external id reused with other parameters (exit 7). */
export class ConflictError<K extends MessageKey = MessageKey> extends CoworkError<K> {
  readonly exit = 'CONFLICT';
  readonly code = 'CONFLICT';
}

/** A reconciliation found mismatches or an import rejected rows (exit 8). The report is already printed. */
export class DifferencesError<K extends MessageKey = MessageKey> extends CoworkError<K> {
  readonly exit = 'DIFFERENCES';
  readonly code = 'DIFFERENCES';
}

/** Ctrl-C at a prompt (exit 130). */
export class InterruptedError<K extends MessageKey = MessageKey> extends CoworkError<K> {
  readonly exit = 'INTERRUPTED';
  readonly code = 'INTERRUPTED';
}

/**
 * What the database said, in words cowork can explain (busy, disk full, read-only, corrupt, a
 * connection lost): an unexpected failure (exit 1) with a clear line instead of the driver's text.
 */
export class StoreError<K extends MessageKey = MessageKey> extends CoworkError<K> {
  readonly exit = 'UNEXPECTED';
  readonly code = 'UNEXPECTED';
}
