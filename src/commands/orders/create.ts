import type { Command } from 'commander';
import { createBooking, type BookingInput } from '../../app/orders.js';
import { canKnowService, canProcess } from '../../core/access.js';
import { NotFoundError, UsageError } from '../../core/errors.js';
import { parseAmountFlag } from '../../core/money.js';
import { normalizePhone } from '../../core/phone.js';
import { isDate, isTime, localDate } from '../../core/time.js';
import type { Service, User } from '../../core/types.js';
import type { Deps } from '../../deps.js';
import { orderDetailJson } from '../../ui/json.js';
import type { Prompter } from '../../ui/prompt.js';
import { safeLine } from '../../ui/text.js';
import { nonBlank, required, written } from '../shared.js';

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

export function register(parent: Command, deps: Deps): void {
  const h = deps.t().help.orders.create;
  parent
    .command('create')
    .description(h.description)
    .option('--service <slug>', h.service)
    .option('--applicant <login>', h.applicant)
    .option('--date <YYYY-MM-DD>', h.date)
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
  if (o.date !== undefined && !isDate(o.date)) throw new UsageError('notDate', { flag: '--date', value: o.date });
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
          .map((s) => ({ name: `${safeLine(s.name)} (${s.slug})`, value: s.slug })),
      }),
    ),
  );
  const service: Service | undefined = services.find((s) => s.slug === slug);
  if (!service || !canKnowService(me, service)) throw new NotFoundError('serviceNotFound', { slug });

  let applicant: User = me;
  if (me.role !== 'guest' || opts.applicant !== undefined) {
    const login = await required(
      deps,
      opts.applicant,
      '--applicant',
      ask(async (p) => {
        const guests = await store.users('guest');
        return p.select({
          message: t.prompts.orders.guest,
          choices: guests.map((g) => ({ name: `${safeLine(g.name)} (${g.login})`, value: g.login })),
        });
      }),
    );
    const u = await store.user(login);
    if (!u) throw new NotFoundError('userNotFound', { login });
    applicant = u;
  }
  const tz = service.location.timeZone;
  const date = await required(
    deps,
    opts.date,
    '--date',
    ask((p) =>
      p.input({
        message: t.prompts.orders.date,
        default: localDate(deps.now(), tz),
        validate: (v) => isDate(v) || t.prompts.orders.badDate,
      }),
    ),
  );
  const from = await required(
    deps,
    opts.from,
    '--from',
    ask((p) =>
      p.input({ message: t.prompts.orders.from, default: service.opensAt, validate: (v) => isTime(v) || t.prompts.orders.badTime }),
    ),
  );
  const to = await required(
    deps,
    opts.to,
    '--to',
    ask((p) => p.input({ message: t.prompts.orders.to, validate: (v) => isTime(v) || t.prompts.orders.badTime })),
  );

  const input: BookingInput = {
    service,
    applicant,
    date,
    from,
    to,
    tariff: opts.tariff,
    visitorName: opts.visitorName,
    visitorPhone: shape.visitorPhone,
    prepay: shape.prepay,
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
