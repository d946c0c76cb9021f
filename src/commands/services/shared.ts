import type { Command } from 'commander';
import { NotFoundError, UsageError } from '../../core/errors.js';
import { parseRubles } from '../../core/money.js';
import { isTime, minutesOf } from '../../core/time.js';
import type { Service, TariffUnit } from '../../core/types.js';
import type { ServiceInput, Store } from '../../store/index.js';
import { nonNegativeInt } from '../shared.js';
import type { Deps } from '../../deps.js';
import type { Paint } from '../../ui/color.js';
import { money, words, type Lang } from '../../ui/i18n.js';
import type { Column } from '../../ui/output.js';
import { safeLine } from '../../ui/text.js';

export function tariffText(s: Service, lang: Lang): string {
  const w = words[lang];
  return s.tariffs.map((t) => `«${t.name}» ${money(t.price, lang)} ${t.unit === 'hour' ? w.perHour : w.perDay}`).join('; ');
}

export function serviceColumns(lang: Lang): Column<Service>[] {
  const w = words[lang];
  return [
    { header: 'slug', key: 'slug', value: (s) => s.slug, text: true },
    { header: w.name, key: 'name', value: (s) => s.name, text: true },
    { header: w.capacity, key: 'capacity', value: (s) => s.capacity, align: 'right' },
    { header: w.hours, key: 'hours', value: (s) => `${s.opensAt}–${s.closesAt}` },
    { header: w.tariffs, key: 'tariffs', value: (s) => tariffText(s, lang), text: true },
    { header: w.partialPayment, key: 'partialPayment', value: (s) => (s.partialPayment ? `${s.minPrepaymentPercent} %` : '—') },
    { header: w.managers, key: 'managers', value: (s) => s.managers.join(', '), text: true },
  ];
}

/** CSV: machine values, as in JSON (kopecks, codes); tariffs as NAME:unit:kopecks joined by `;`. */
export const serviceCsvColumns: Column<Service>[] = [
  { header: 'slug', key: 'slug', value: (s) => s.slug, text: true },
  { header: 'name', key: 'name', value: (s) => s.name, text: true },
  { header: 'location', key: 'location', value: (s) => s.location.key, text: true },
  { header: 'timeZone', key: 'timeZone', value: (s) => s.location.timeZone },
  { header: 'capacity', key: 'capacity', value: (s) => s.capacity },
  { header: 'opensAt', key: 'opensAt', value: (s) => s.opensAt },
  { header: 'closesAt', key: 'closesAt', value: (s) => s.closesAt },
  { header: 'partialPayment', key: 'partialPayment', value: (s) => String(s.partialPayment) },
  { header: 'minPrepaymentPercent', key: 'minPrepaymentPercent', value: (s) => s.minPrepaymentPercent },
  { header: 'minRemaining', key: 'minRemaining', value: (s) => s.location.minRemaining },
  { header: 'currency', key: 'currency', value: () => 'RUB' },
  { header: 'tariffs', key: 'tariffs', value: (s) => s.tariffs.map((t) => `${t.name}:${t.unit}:${t.price}`).join(';'), text: true },
  { header: 'managers', key: 'managers', value: (s) => s.managers.join(' '), text: true },
];

export function renderService(s: Service, deps: Deps, c: Paint): string {
  const lang = deps.lang();
  const w = words[lang];
  const l = (x: string) => c.dim(x + ':');
  return [
    c.bold(`${safeLine(s.name)} (${safeLine(s.slug)})`),
    `${l(w.location)} ${safeLine(s.location.name)}, ${s.location.timeZone}`,
    `${l(w.capacity)} ${s.capacity} ${w.seats}`,
    `${l(w.hours)} ${s.opensAt}–${s.closesAt}`,
    `${l(w.tariffs)} ${safeLine(tariffText(s, lang))}`,
    `${l(w.partialPayment)} ${s.partialPayment ? `${w.allowed}, ${w.prepayment} ${s.minPrepaymentPercent} %` : w.notAllowed}`,
    `${l(w.remaining)} ≥ ${money(s.location.minRemaining, lang)}`,
    `${l(w.managers)} ${s.managers.join(', ') || '—'}`,
  ].join('\n') + '\n';
}

export interface ServiceFlags {
  opens?: string;
  closes?: string;
  tariff?: string[];
  partialPayment?: boolean;
  minPrepayment?: number;
  manager?: string[];
  addManager?: string[];
  removeManager?: string[];
}

/** The flags `services create` and `services set` share. */
export function addServiceFlags(cmd: Command): void {
  cmd
    .option('--opens <HH:MM>', 'opening time (default 08:00)')
    .option('--closes <HH:MM>', 'closing time (default 22:00)')
    .option('--tariff <name:unit:price...>', 'a tariff such as "Стандарт:hour:100" (price in rubles); repeat for several; replaces them all')
    .option('--partial-payment', 'allow partial payment')
    .option('--no-partial-payment', 'take only the whole amount')
    .option('--min-prepayment <percent>', 'the least a guest pays online, in percent', nonNegativeInt('--min-prepayment'))
    .option('--manager <login...>', 'the responsible rental managers (replaces them all)')
    .option('--add-manager <login...>', 'add responsible rental managers')
    .option('--remove-manager <login...>', 'remove responsible rental managers');
}

export function parseTariff(text: string): { name: string; unit: TariffUnit; price: number } {
  const m = /^(.+):(hour|day):(.+)$/.exec(text);
  const price = m ? parseRublesOrZero(m[3]!) : null;
  if (!m || price === null || !m[1]!.trim()) {
    throw new UsageError(`--tariff: "${text}" is not NAME:hour|day:PRICE, such as "Стандарт:hour:100"`);
  }
  return { name: m[1]!, unit: m[2] as TariffUnit, price };
}

function parseRublesOrZero(v: string): number | null {
  return /^0+([.,]0{1,2})?$/.test(v) ? 0 : parseRubles(v);
}

/** Applies the flags to `base`, checking times, the percent and that every manager may be one. */
export async function buildServiceInput(store: Store, f: ServiceFlags, base: ServiceInput): Promise<ServiceInput> {
  const s = { ...base };
  if (f.opens !== undefined) {
    if (!isTime(f.opens)) throw new UsageError(`--opens must be a time HH:MM, not "${f.opens}"`);
    s.opensAt = f.opens;
  }
  if (f.closes !== undefined) {
    if (!isTime(f.closes)) throw new UsageError(`--closes must be a time HH:MM, not "${f.closes}"`);
    s.closesAt = f.closes;
  }
  if (minutesOf(s.closesAt) <= minutesOf(s.opensAt)) throw new UsageError(`the service closes (${s.closesAt}) before it opens (${s.opensAt})`);
  if (f.tariff) {
    s.tariffs = f.tariff.map(parseTariff);
    const names = new Set(s.tariffs.map((t) => t.name));
    if (names.size !== s.tariffs.length) throw new UsageError('--tariff: two tariffs have the same name');
  }
  if (f.partialPayment !== undefined) s.partialPayment = f.partialPayment;
  if (f.minPrepayment !== undefined) {
    if (f.minPrepayment > 100) throw new UsageError('--min-prepayment is a percent: 0 to 100');
    s.minPrepaymentPercent = f.minPrepayment;
  }
  const resolve = async (logins: string[]) => {
    const ids: number[] = [];
    for (const login of logins) {
      const u = await store.user(login);
      if (!u) throw new NotFoundError(`user "${login}" not found`);
      if (u.role !== 'rental_manager') throw new UsageError(`${login} is a ${u.role}, not a rental manager`);
      ids.push(u.id);
    }
    return ids;
  };
  if (f.manager) s.managerIds = await resolve(f.manager);
  if (f.addManager) s.managerIds = [...new Set([...s.managerIds, ...(await resolve(f.addManager))])];
  if (f.removeManager) {
    const gone = new Set(await resolve(f.removeManager));
    s.managerIds = s.managerIds.filter((id) => !gone.has(id));
  }
  return s;
}
