/**
 * Finding an order or a guest at a terminal: a list that narrows as the operator types a number, a
 * name or the digits of a phone (the search of `orders list --search` and `users list --search`).
 * Shared by the commands that need an order or a guest and were given none, and by the desk.
 */
import { NotFoundError, UsageError } from '../core/errors.js';
import { refundDueOf, remainingOf } from '../core/orders.js';
import { parseSearch } from '../core/search.js';
import type { User } from '../core/types.js';
import type { Deps } from '../deps.js';
import type { OrderFilter } from '../store/index.js';
import { dateTime, formatPhone, timeOnly } from '../ui/format.js';
import type { Choice } from '../ui/prompt.js';
import { safeLine } from '../ui/text.js';

/** How many matches a picker lists at once: typing more narrows them. */
const SHOWN = 20;

export interface PickOrderOptions {
  /** The prompt's words; the catalog's «Order: type a number, a name or phone digits» by default. */
  message?: string;
  /** Only the orders this command can act on (statuses, money due for refund…). */
  filter?: Omit<OrderFilter, 'search' | 'match'>;
  /** The argument named when no order may be asked for (off a terminal). */
  argument?: string;
}

/**
 * An order the operator picks among those they may see: the newest first, then those that match
 * what is typed. Off a terminal, a usage error naming the missing argument.
 */
export async function pickOrder(deps: Deps, opts: PickOrderOptions = {}): Promise<number> {
  if (!deps.interactive()) throw new UsageError('missingArgument', { name: opts.argument ?? 'number' });
  const t = deps.t();
  const store = await deps.store();
  const me = await deps.operator();
  const prompter = await deps.prompter();
  return prompter.search<number>({
    message: opts.message ?? t.prompts.pick.order,
    source: async (term) => {
      const search = parseSearch(term);
      // Text with nothing to look for (punctuation alone) finds nothing, rather than everything.
      if (search === null && term.trim() !== '') return [];
      const choices: Choice<number>[] = [];
      for await (const o of store.orders(me, { ...opts.filter, search: search ?? undefined, now: deps.now() }, SHOWN)) {
        const tz = o.service.location.timeZone;
        const who = o.ticket?.visitor ?? { name: o.applicant.name, phone: o.applicant.phone };
        choices.push({
          name: safeLine(
            t.prompts.pick.orderChoice({
              number: o.number,
              name: o.applicant.name,
              period: o.ticket ? `${dateTime(o.ticket.start, tz)}–${timeOnly(o.ticket.end, tz)}` : '',
              status: o.status,
            }),
          ),
          value: o.number,
          // The line under the list, for the order in view: the service, who comes, the money.
          description: safeLine(
            t.prompts.pick.orderDetails({
              service: o.service.name,
              visitor: [who.name, formatPhone(who.phone)].filter((x) => x !== '').join(' '),
              left: remainingOf(o),
              refundDue: refundDueOf(o),
            }),
          ),
        });
      }
      return choices;
    },
  });
}

/** A guest the operator picks by name or phone, among every guest (rule 9: staff know them all). */
export async function pickGuest(deps: Deps): Promise<User> {
  if (!deps.interactive()) throw new UsageError('flagRequired', { flags: ['--applicant'] });
  const t = deps.t();
  const store = await deps.store();
  const prompter = await deps.prompter();
  const login = await prompter.search<string>({
    message: t.prompts.pick.guest,
    source: async (term) => {
      const search = parseSearch(term);
      if (search === null && term.trim() !== '') return [];
      const guests = await store.users('guest', { search: search ?? undefined, limit: SHOWN });
      return guests.map((g) => ({
        name: safeLine(`${g.name}${g.phone ? ` · ${formatPhone(g.phone)}` : ''} (${g.login})`),
        value: g.login,
      }));
    },
  });
  const guest = await store.user(login);
  if (!guest) throw new NotFoundError('userNotFound', { login });
  return guest;
}
