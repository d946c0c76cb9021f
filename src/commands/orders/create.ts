import type { Command } from 'commander';
import { createBooking, type BookingInput } from '../../app/orders.js';
import { canKnowService, canProcess } from '../../core/access.js';
import { NotFoundError, UsageError } from '../../core/errors.js';
import { parseAmountFlag } from '../../core/money.js';
import { normalizePhone } from '../../core/phone.js';
import { isDaySpec, isTime, resolveDay } from '../../core/time.js';
import type { Service, User } from '../../core/types.js';
import type { Deps } from '../../deps.js';
import { orderDetailJson } from '../../ui/json.js';
import type { Prompter } from '../../ui/prompt.js';
import { safeLine } from '../../ui/text.js';
import { priceBooking } from '../../core/booking.js';
import { formatter } from '../../ui/format.js';
import { pickGuest } from '../pickers.js';
import { tariffText } from '../services/shared.js';
import { nonBlank, notice, required, written } from '../shared.js';
import { BookingGuide } from './booking-prompts.js';

export interface CreateOptions {
  service?: string;
  applicant?: string;
  date?: string;
  from?: string;
  to?: string;
  tariff?: string;
  visitorName?: string;
  visitorPhone?: string;
  prepay?: string;
  paymentId?: string;
  idempotencyKey?: string;
}

/** A service as the booking prompts introduce it: hours, seats, tariffs. */
function serviceInfo(s: Service, deps: Deps): string {
  return deps.t().prompts.orders.serviceInfo({
    name: s.name,
    opensAt: s.opensAt,
    closesAt: s.closesAt,
    capacity: s.capacity,
    tariffs: tariffText(s, deps.t(), deps.lang()),
  });
}

export function register(parent: Command, deps: Deps): void {
  const h = deps.t().help.orders.create;
  parent
    .command('create')
    .description(h.description)
    .option('--service <slug>', h.service)
    .option('--applicant <login>', h.applicant)
    .option('--date <date>', h.date)
    .option('--from <HH:MM>', h.from)
    .option('--to <HH:MM>', h.to)
    .option('--tariff <name>', h.tariff)
    .option('--visitor-name <text>', h.visitorName, nonBlank('--visitor-name'))
    .option('--visitor-phone <phone>', h.visitorPhone)
    .option('--prepay <rubles>', h.prepay)
    .option('--payment-id <id>', h.paymentId, nonBlank('--payment-id'))
    .option('--idempotency-key <key>', h.idempotencyKey, nonBlank('--idempotency-key'))
    .action((opts: CreateOptions) => createRun(opts, deps));
}

/** The shape of every given value, checked before anything is read. */
function checkShape(o: CreateOptions): { visitorPhone: string | null | undefined; prepay: number | undefined } {
  if (o.date !== undefined && !isDaySpec(o.date)) throw new UsageError('notDay', { flag: '--date', value: o.date });
  if (o.from !== undefined && !isTime(o.from)) throw new UsageError('notTime', { flag: '--from', value: o.from });
  if (o.to !== undefined && !isTime(o.to)) throw new UsageError('notTime', { flag: '--to', value: o.to });
  let visitorPhone: string | null | undefined;
  if (o.visitorPhone !== undefined) {
    visitorPhone = normalizePhone(o.visitorPhone);
    if (visitorPhone === null) throw new UsageError('notPhone', { flag: '--visitor-phone', value: o.visitorPhone });
    if (o.visitorName === undefined) throw new UsageError('goesWith', { flag: '--visitor-phone', with: '--visitor-name' });
  }
  if (o.paymentId !== undefined && o.prepay === undefined) throw new UsageError('goesWith', { flag: '--payment-id', with: '--prepay' });
  return { visitorPhone, prepay: o.prepay === undefined ? undefined : parseAmountFlag(o.prepay, '--prepay') };
}

export async function createRun(opts: CreateOptions, deps: Deps): Promise<void> {
  const shape = checkShape(opts);
  const t = deps.t();
  const store = await deps.store();
  const me = await deps.operator();
  // Without a terminal every value must be given: name all that are missing at once.
  if (!deps.interactive()) {
    const needed =
      me.role === 'guest' ? (['service', 'date', 'from', 'to'] as const) : (['service', 'applicant', 'date', 'from', 'to'] as const);
    const missing = needed.filter((k) => opts[k] === undefined).map((k) => `--${k}`);
    if (missing.length) throw new UsageError('flagRequired', { flags: missing });
  }
  const prompter = deps.interactive() ? await deps.prompter() : null;
  const ask =
    <T>(fn: (p: Prompter) => Promise<T>) =>
    () =>
      prompter ? fn(prompter) : Promise.reject(new Error('no prompter'));

  const services = [...(await store.services()).values()];
  const slug = await required(
    deps,
    opts.service,
    '--service',
    ask((p) =>
      p.select({
        message: t.prompts.orders.service,
        choices: services
          .filter((s) => me.role === 'guest' || canProcess(me, s))
          .map((s) => ({ name: `${safeLine(s.name)} (${s.slug})`, value: s.slug, description: safeLine(serviceInfo(s, deps)) })),
      }),
    ),
  );
  const service: Service | undefined = services.find((s) => s.slug === slug);
  if (!service || !canKnowService(me, service)) throw new NotFoundError('serviceNotFound', { slug });

  let applicant: User = me;
  if (me.role !== 'guest' || opts.applicant !== undefined) {
    if (opts.applicant === undefined) applicant = await pickGuest(deps);
    else {
      const u = await store.user(opts.applicant);
      if (!u) throw new NotFoundError('userNotFound', { login: opts.applicant });
      applicant = u;
    }
  }

  // On a terminal the period is asked with the day's free seats in view, each answer checked as it is typed.
  const guide = prompter ? new BookingGuide(store, service, t, deps.now()) : null;
  const asksPeriod = opts.date === undefined || opts.from === undefined || opts.to === undefined;
  if (guide && asksPeriod) notice(deps, safeLine(serviceInfo(service, deps)));
  // A day as people type it: a date, or today, tomorrow (the location's own).
  const day = (spec: string) => resolveDay(spec.trim(), deps.now(), service.location.timeZone);
  let date: string;
  if (opts.date !== undefined) date = day(opts.date);
  else if (guide && prompter) {
    const suggested = await guide.suggestDate();
    date = day(await prompter.input({ message: t.prompts.orders.date, default: suggested, validate: (v) => guide.checkDate(v) }));
  } else throw new UsageError('flagRequired', { flags: ['--date'] });
  const plan = guide && asksPeriod ? await (opts.date !== undefined ? guide.assertBookable(date) : guide.day(date)) : null;
  if (guide && plan) notice(deps, guide.dayInfo(plan));

  const from = await required(
    deps,
    opts.from,
    '--from',
    ask((p) =>
      p.input({
        message: t.prompts.orders.from,
        default: guide && plan ? guide.suggestFrom(plan) : service.opensAt,
        validate: (v) => (guide && plan ? guide.checkFrom(plan, v) : isTime(v) || t.prompts.orders.badTime),
      }),
    ),
  );
  const to = await required(
    deps,
    opts.to,
    '--to',
    ask((p) =>
      p.input({
        message: t.prompts.orders.to,
        default: guide && plan ? guide.suggestTo(plan, from) : undefined,
        validate: (v) => (guide && plan ? guide.checkTo(plan, from, v) : isTime(v) || t.prompts.orders.badTime),
      }),
    ),
  );

  // The tariff, when there is a choice: each with what this stay costs under it, the cheapest first in view.
  let tariff = opts.tariff;
  const minutes = guide ? guide.minutes(date, from, to) : null;
  if (guide && prompter && tariff === undefined && service.tariffs.length > 1 && minutes !== null && minutes > 0) {
    const { choices, cheapest } = guide.tariffChoices(minutes);
    tariff = await prompter.select({ message: t.prompts.orders.tariff, choices, default: cheapest });
  }

  // A guest pays online when booking (rule 7): at least the service's minimum, asked with that minimum in view.
  let prepay = shape.prepay;
  if (guide && prompter && me.role === 'guest' && prepay === undefined && minutes !== null && minutes > 0) {
    const chosen = service.tariffs.find((x) => x.name === tariff) ?? (tariff === undefined ? service.tariffs[0] : undefined);
    const due = chosen ? guide.prepayment(priceBooking(service, chosen, minutes).amount) : null;
    if (due) {
      notice(deps, due.intro);
      const text = await prompter.input({
        message: t.prompts.orders.prepay,
        default: formatter(deps.lang()).amount(due.min),
        validate: due.check,
      });
      prepay = parseAmountFlag(text, '--prepay');
    }
  }

  const input: BookingInput = {
    service,
    applicant,
    date,
    from,
    to,
    tariff,
    visitorName: opts.visitorName,
    visitorPhone: shape.visitorPhone,
    prepay,
    paymentId: opts.paymentId,
    idempotencyKey: opts.idempotencyKey,
  };
  const r = await createBooking(store, me, input, deps.now());
  const order = r.order;
  const detail = deps.json() ? orderDetailJson(order, await store.payments(order.number), await store.messages(order.number), t) : null;
  written(deps, {
    id: order.number,
    json: () => detail,
    said: r.replayed
      ? t.notices.orders.replayed({ key: opts.idempotencyKey ?? '', number: order.number })
      : t.notices.orders.created({
          number: order.number,
          service: safeLine(service.name),
          date,
          from,
          to,
          total: order.total,
          ticket: order.ticket?.number ?? null,
        }),
  });
}
