/**
 * Typed errors of cowork. Each class maps to one exit code of SPEC.md; `src/cli.ts` does the
 * mapping, once. A `code` is stable and printed in JSON errors, so scripts may branch on it.
 */

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
  | 'PREPAYMENT_TOO_SMALL'
  | 'APPLICANT_NOT_GUEST'
  | 'TICKET_NOT_ACTIVE'
  | 'TICKET_NOT_CONFIRMED'
  | 'TICKET_NOT_TODAY'
  | 'ASSIGNEE_NOT_ELIGIBLE'
  | 'USER_EXISTS'
  | 'SERVICE_EXISTS'
  | 'NO_TARIFF';

export type ErrorCode =
  | 'UNEXPECTED'
  | 'USAGE'
  | 'CANCELLED'
  | 'NOT_ALLOWED'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'DIFFERENCES'
  | 'INTERRUPTED'
  | RuleCode;

export abstract class CoworkError extends Error {
  abstract readonly exitCode: number;
  abstract readonly code: ErrorCode;
}

/** A malformed value, an unknown flag, a value missing where no prompt is allowed (exit 2). */
export class UsageError extends CoworkError {
  readonly exitCode = 2;
  readonly code = 'USAGE' as const;
}

/** The operator declined a confirmation (exit 3). */
export class CancelledError extends CoworkError {
  readonly exitCode = 3;
  readonly code = 'CANCELLED' as const;
}

/** Unknown operator, wrong role, not responsible for the service (exit 4). */
export class NotAllowedError extends CoworkError {
  readonly exitCode = 4;
  readonly code = 'NOT_ALLOWED' as const;
}

/** Order, ticket, user or service not found (exit 5). */
export class NotFoundError extends CoworkError {
  readonly exitCode = 5;
  readonly code = 'NOT_FOUND' as const;
}

/** A rule of SPEC.md refused the action (exit 6). */
export class RuleError extends CoworkError {
  readonly exitCode = 6;
  constructor(
    readonly code: RuleCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** An idempotency key or external id reused with other parameters (exit 7). */
export class ConflictError extends CoworkError {
  readonly exitCode = 7;
  readonly code = 'CONFLICT' as const;
}

/** A reconciliation found mismatches or an import rejected rows (exit 8). Output is already printed. */
export class DifferencesError extends CoworkError {
  readonly exitCode = 8;
  readonly code = 'DIFFERENCES' as const;
}

/** Ctrl-C (exit 130). */
export class InterruptedError extends CoworkError {
  readonly exitCode = 130;
  readonly code = 'INTERRUPTED' as const;
}
