/**
 * The fixture format of `cowork seed FILE`: locations, services, users and orders (with their
 * ticket, payments and messages), referring to each other by keys. Validation names the path of a
 * bad value; `checkReferences` (./fixture-refs.ts) finds every dangling key before anything is
 * written. This module loads the schema library: import it lazily, and only its types elsewhere.
 */
import { z } from 'zod';
import { MAX_AMOUNT, type FixtureProblem } from './fixture-refs.js';
import { schemaProblem, type SchemaProblem } from './schema-problems.js';
import { isDate, isTime, isTimeZone, parseInstant } from './time.js';

export type { FixtureIssue, FixtureProblem } from './fixture-refs.js';

// An amount as a command takes it: at most 999 999 999 999,99 ₽.
const kopecks = z.number().int().nonnegative().max(MAX_AMOUNT);
const positiveKopecks = z.number().int().positive().max(MAX_AMOUNT);
// A refusal of a format carries its name; the catalogs word it (src/ui/messages, fixtureIssue).
const format = (f: Extract<SchemaProblem, { what: 'format' }>['format']) => ({ params: { format: f } });
const instant = z.string().refine((s) => parseInstant(s) !== null, format('instant'));
const time = z.string().refine(isTime, format('time'));
const date = z.string().refine(isDate, format('date'));
const key = z.string().min(1).max(200);

export const fixtureSchema = z
  .object({
    locations: z
      .array(
        z.strictObject({
          key,
          name: z.string().min(1),
          timeZone: z.string().refine(isTimeZone, format('timeZone')),
          currency: z.literal('RUB').default('RUB'),
          minRemaining: kopecks.default(5000),
        }),
      )
      .default([]),
    users: z
      .array(
        z.strictObject({
          login: z.string().refine((s) => /^[a-z0-9][a-z0-9._-]*$/i.test(s), format('login')),
          name: z.string().min(1),
          phone: z.string().nullable().default(null),
          email: z.string().nullable().default(null),
          role: z.enum(['guest', 'rental_manager', 'admin']),
        }),
      )
      .default([]),
    services: z
      .array(
        z.strictObject({
          slug: z.string().refine((s) => /^[a-z0-9][a-z0-9-]*$/.test(s), format('slug')),
          location: key,
          name: z.string().min(1),
          capacity: z.number().int().positive(),
          opensAt: time.default('08:00'),
          closesAt: time.default('22:00'),
          partialPayment: z.boolean().default(false),
          minPrepaymentPercent: z.number().int().min(0).max(100).default(0),
          tariffs: z.array(z.strictObject({ name: z.string().min(1), unit: z.enum(['hour', 'day']), price: kopecks })).min(1),
          managers: z.array(z.string()).default([]),
        }),
      )
      .default([]),
    orders: z
      .array(
        z.strictObject({
          number: z.number().int().positive(),
          service: z.string(),
          applicant: z.string(),
          createdBy: z.string().nullable().default(null),
          createdAt: instant,
          /**
           * False for an order brought over from a system whose feed had no message of its
           * creation (the demo's orders, as the source screens show them): no `order_created`.
           */
          createdEvent: z.boolean().optional(),
          assignee: z.string().nullable().default(null),
          dueDate: date.optional(),
          ticket: z.strictObject({
            number: z.number().int().positive(),
            visitor: z.strictObject({ name: z.string().min(1), phone: z.string().nullable().default(null) }).optional(),
            start: instant,
            end: instant,
            status: z.enum(['active', 'checked_in', 'cancelled']).optional(),
          }),
          lines: z
            .array(
              z.strictObject({
                description: z.string().optional(),
                tariff: z.string(),
                quantity: z.number().int().positive(),
                unitPrice: kopecks.optional(),
              }),
            )
            .min(1),
          payments: z
            .array(
              z.strictObject({
                /** payment (money in), refund (money given back) or reversal (a desk payment undone). */
                kind: z.enum(['payment', 'refund', 'reversal']).default('payment'),
                externalId: z.string().min(1).optional(),
                amount: positiveKopecks,
                method: z.enum(['card', 'cash', 'transfer']),
                source: z.enum(['gateway', 'manager']),
                recordedBy: z.string().nullable().default(null),
                at: instant,
                /** A reversal: the index, in this order's payments, of the desk payment it undoes. */
                reverses: z.number().int().nonnegative().optional(),
                reference: z.string().min(1).optional(),
                reason: z.string().nullable().default(null),
              }),
            )
            .default([]),
          cancelled: z
            .strictObject({ by: z.string(), at: instant, reason: z.string().nullable().default(null), keep: kopecks.default(0) })
            .optional(),
          messages: z
            .array(
              z.strictObject({
                visibility: z.enum(['public', 'internal']),
                author: z.string(),
                text: z.string().min(1),
                at: instant,
              }),
            )
            .default([]),
        }),
      )
      .default([]),
  })
  .strict();

export type Fixture = z.output<typeof fixtureSchema>;
export type FixtureInput = z.input<typeof fixtureSchema>;

export function pathString(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : acc ? `${acc}.${String(p)}` : String(p)), '');
}

export function parseFixture(data: unknown): { fixture: Fixture } | { problems: FixtureProblem[] } {
  const r = fixtureSchema.safeParse(data);
  if (r.success) return { fixture: r.data };
  return {
    problems: r.error.issues.map((i) => ({ path: pathString(i.path) || '(root)', issue: { kind: 'schema', problem: schemaProblem(i) } })),
  };
}
