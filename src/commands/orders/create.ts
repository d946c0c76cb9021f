import type { Command } from 'commander';
import { assertCanProcess, assertStaff, canProcess } from '../../core/access.js';
import { checkCapacity, checkPeriod, minPrepayment, peakOccupancy, pickTariff, priceBooking } from '../../core/booking.js';
import { NotAllowedError, NotFoundError, RuleError, UsageError } from '../../core/errors.js';
import { parseAmountFlag, toRublesString } from '../../core/money.js';
import { applyPayment, statusFor } from '../../core/orders.js';
import { normalizePhone } from '../../core/phone.js';
import { isDate, isTime, localDate, zonedToUtc } from '../../core/time.js';
import type { User } from '../../core/types.js';
import type { Deps } from '../../deps.js';
import { money } from '../../ui/i18n.js';
import { orderDetailJson } from '../../ui/json.js';
import { safeLine } from '../../ui/text.js';
import { notice, printJson, printLines, required } from '../shared.js';

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
}

export function register(parent: Command, deps: Deps): void {
  parent
    .command('create')
    .description('book a coworking space: by a manager for a guest, or by a guest; prints the new order number')
    .option('--service <slug>', 'the service (prompted on a terminal)')
    .option('--applicant <login>', 'the guest who books (a guest books for themselves)')
    .option('--date <YYYY-MM-DD>', 'the rental day, local to the location')
    .option('--from <HH:MM>', 'start, local time')
    .option('--to <HH:MM>', 'end, local time')
    .option('--tariff <name>', "the tariff (default: the service's first)")
    .option('--visitor-name <text>', 'who comes, if not the applicant')
    .option('--visitor-phone <phone>', "the visitor's phone")
    .option('--prepay <rubles>', 'a guest booking: the amount paid online now (at least the service prepayment)')
    .action((opts: CreateOptions) => createRun(opts, deps));
}

function checkShape(o: CreateOptions): void {
  if (o.date !== undefined && !isDate(o.date)) throw new UsageError(`--date must be a date YYYY-MM-DD, not "${o.date}"`);
  if (o.from !== undefined && !isTime(o.from)) throw new UsageError(`--from must be a time HH:MM, not "${o.from}"`);
  if (o.to !== undefined && !isTime(o.to)) throw new UsageError(`--to must be a time HH:MM, not "${o.to}"`);
  if (o.visitorPhone !== undefined && normalizePhone(o.visitorPhone) === null) {
    throw new UsageError(`--visitor-phone: "${o.visitorPhone}" is not a phone number`);
  }
  if (o.visitorPhone !== undefined && o.visitorName === undefined) {
    throw new UsageError('--visitor-phone goes with --visitor-name');
  }
}

export async function createRun(opts: CreateOptions, deps: Deps): Promise<void> {
  checkShape(opts);
  const prepay = opts.prepay === undefined ? undefined : parseAmountFlag(opts.prepay, '--prepay');
  const ru = deps.lang() === 'ru';
  const store = await deps.store();
  const me = await deps.operator();
  // Without a terminal every value must be given: name all that are missing at once.
  if (!deps.interactive()) {
    const needed = me.role === 'guest' ? (['service', 'date', 'from', 'to'] as const) : (['service', 'applicant', 'date', 'from', 'to'] as const);
    const missing = needed.filter((k) => opts[k] === undefined).map((k) => `--${k}`);
    if (missing.length) throw new UsageError(`${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} required (no prompt: input is not a terminal or is disabled)`);
  }
  const prompter = deps.interactive() ? await deps.prompter() : null;

  const services = [...(await store.services()).values()];
  const slug = await required(deps, opts.service, '--service', () =>
    prompter!.select({
      message: ru ? 'Услуга' : 'Service',
      choices: services.filter((s) => me.role === 'guest' || canProcess(me, s)).map((s) => ({ name: `${s.name} (${s.slug})`, value: s.slug })),
    }),
  );
  const service = services.find((s) => s.slug === slug);
  if (!service) throw new NotFoundError(`service "${slug}" not found`);

  let applicant: User;
  if (me.role === 'guest') {
    if (opts.applicant !== undefined && opts.applicant !== me.login) throw new NotAllowedError('a guest books for themselves only');
    applicant = me;
  } else {
    assertStaff(me);
    assertCanProcess(me, service);
    const login = await required(deps, opts.applicant, '--applicant', async () => {
      const guests = await store.users('guest');
      return prompter!.select({ message: ru ? 'Гость' : 'Guest', choices: guests.map((g) => ({ name: `${g.name} (${g.login})`, value: g.login })) });
    });
    const u = await store.user(login);
    if (!u) throw new NotFoundError(`user "${login}" not found`);
    if (u.role !== 'guest') throw new RuleError('APPLICANT_NOT_GUEST', `${login} is a ${u.role.replace('_', ' ')}: an order is booked for a guest (add one with \`users add\`)`, { login, role: u.role });
    applicant = u;
  }
  const tz = service.location.timeZone;
  const date = await required(deps, opts.date, '--date', () =>
    prompter!.input({ message: ru ? 'Дата (ГГГГ-ММ-ДД)' : 'Date (YYYY-MM-DD)', default: localDate(deps.now(), tz), validate: (v) => isDate(v) || 'YYYY-MM-DD' }),
  );
  const from = await required(deps, opts.from, '--from', () =>
    prompter!.input({ message: ru ? 'С (ЧЧ:ММ)' : 'From (HH:MM)', default: service.opensAt, validate: (v) => isTime(v) || 'HH:MM' }),
  );
  const to = await required(deps, opts.to, '--to', () =>
    prompter!.input({ message: ru ? 'До (ЧЧ:ММ)' : 'To (HH:MM)', validate: (v) => isTime(v) || 'HH:MM' }),
  );

  const tariff = pickTariff(service, opts.tariff);
  const minutes = checkPeriod(service, { date, from, to });
  const start = zonedToUtc(date, from, tz).toISOString();
  const end = zonedToUtc(date, to, tz).toISOString();
  if (end <= deps.now().toISOString()) throw new RuleError('INVALID_PERIOD', `the period ${date} ${from}–${to} has already ended`, { date, from, to, ended: true });
  const line = priceBooking(service, tariff, minutes);
  const needed = me.role === 'guest' ? minPrepayment(service, line.amount) : 0;
  if (prepay !== undefined && me.role !== 'guest') throw new UsageError('--prepay is for a guest booking online; a manager records payments with `pay record`');
  if (needed > 0 && (prepay ?? 0) < needed) {
    throw new RuleError(
      'PREPAYMENT_TOO_SMALL',
      service.partialPayment
        ? `a guest pays at least ${service.minPrepaymentPercent} % online: --prepay ${toRublesString(needed)} or more`
        : `this service takes the whole amount online: --prepay ${toRublesString(needed)}`,
      { needed, percent: service.minPrepaymentPercent, partialPayment: service.partialPayment },
    );
  }

  const at = deps.now().toISOString();
  const number = await store.write(async (tx) => {
    checkCapacity(service, peakOccupancy(await tx.overlappingBookings(service.id, start, end), start, end));
    const number = await tx.nextNumber('order', 1000001);
    const ticket = await tx.nextNumber('ticket', 1);
    await tx.writeOrder(
      {
        number,
        ticket,
        createdAt: at,
        createdBy: me.id,
        serviceId: service.id,
        applicantId: applicant.id,
        dueDate: date,
        minRemaining: service.location.minRemaining,
        line,
        visitorName: opts.visitorName ?? applicant.name,
        visitorPhone: opts.visitorPhone !== undefined ? normalizePhone(opts.visitorPhone) : opts.visitorName !== undefined ? null : applicant.phone,
        start,
        end,
        status: statusFor(line.amount, 0),
      },
      { code: 'order_created', by: me.name, total: line.amount },
    );
    if (prepay !== undefined) {
      const before = { status: statusFor(line.amount, 0), total: line.amount, paid: 0, minRemaining: service.location.minRemaining, partialPayment: service.partialPayment };
      const after = applyPayment(before, prepay);
      await tx.writePayment({ ...before, number }, after, { orderNumber: number, amount: prepay, method: 'card', source: 'gateway', recordedBy: null, createdAt: at, externalId: null }, { code: 'payment_gateway', amount: prepay, method: 'card' });
    }
    return number;
  });
  const order = (await store.order(number))!;
  if (deps.json()) {
    printJson(deps, orderDetailJson(order, await store.payments(number), await store.messages(number), deps.lang()));
    return;
  }
  printLines(deps, String(number));
  notice(
    deps,
    ru
      ? `Заказ ${number}: ${safeLine(service.name)}, ${date} ${from}–${to}, ${money(order.total, 'ru')}; билет ${order.ticket?.number}.`
      : `Order ${number}: ${safeLine(service.name)}, ${date} ${from}–${to}, ${money(order.total, 'en')}; ticket ${order.ticket?.number}.`,
  );
}
