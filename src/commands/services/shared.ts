/** What the verbs of `services` share: the flags of create and set, the list columns and the view. */
import type { Command } from 'commander';
import type { ServiceSettings } from '../../app/services.js';
import { UsageError } from '../../core/errors.js';
import { parseRubles } from '../../core/money.js';
import { isTime } from '../../core/time.js';
import type { Service, Tariff, TariffUnit } from '../../core/types.js';
import type { Deps } from '../../deps.js';
import type { Paint } from '../../ui/color.js';
import { formatter, type Catalog, type Lang } from '../../ui/i18n.js';
import { excelMoney, type Column } from '../../ui/output.js';
import { safeLine } from '../../ui/text.js';
import { nonNegativeInt } from '../shared.js';

export function tariffText(s: Service, t: Catalog, lang: Lang): string {
  const f = formatter(lang);
  return s.tariffs.map((x) => `«${x.name}» ${f.money(x.price)} ${x.unit === 'hour' ? t.words.perHour : t.words.perDay}`).join('; ');
}

/** The columns of `services list`; on a narrow terminal the slug and the name stay. */
export function serviceColumns(t: Catalog, lang: Lang): Column<Service>[] {
  const w = t.words;
  return [
    { header: 'slug', key: 'slug', value: (s) => s.slug, text: true },
    { header: w.title, key: 'name', value: (s) => s.name, text: true, min: 10 },
    { header: w.capacity, key: 'capacity', value: (s) => s.capacity, align: 'right', drop: 2 },
    { header: w.hours, key: 'hours', value: (s) => `${s.opensAt}–${s.closesAt}`, drop: 3 },
    { header: w.tariffs, key: 'tariffs', value: (s) => tariffText(s, t, lang), text: true, drop: 5, min: 12 },
    {
      header: w.partialPayment,
      key: 'partialPayment',
      value: (s) => (s.partialPayment ? `${s.minPrepaymentPercent} %` : w.none),
      drop: 1,
    },
    { header: w.managers, key: 'managers', value: (s) => s.managers.join(', '), text: true, drop: 4, min: 10 },
  ];
}

/**
 * CSV: machine values, as in JSON (kopecks, codes); tariffs as NAME:unit:kopecks joined by `;`.
 * With `--excel`, money (the tariffs' prices too) in rubles with a decimal comma.
 */
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
  { header: 'minRemaining', key: 'minRemaining', value: (s) => s.location.minRemaining, excel: (s) => excelMoney(s.location.minRemaining) },
  { header: 'currency', key: 'currency', value: () => 'RUB' },
  {
    header: 'tariffs',
    key: 'tariffs',
    value: (s) => s.tariffs.map((t) => `${t.name}:${t.unit}:${t.price}`).join(';'),
    excel: (s) => s.tariffs.map((t) => `${t.name}:${t.unit}:${excelMoney(t.price)}`).join(';'),
    text: true,
  },
  { header: 'managers', key: 'managers', value: (s) => s.managers.join(' '), text: true },
];

export function renderService(s: Service, deps: Deps, c: Paint): string {
  const t = deps.t();
  const w = t.words;
  const lang = deps.lang();
  const l = (x: string) => c.dim(x + ':');
  return (
    [
      c.bold(`${safeLine(s.name)} (${safeLine(s.slug)})`),
      `${l(w.location)} ${safeLine(s.location.name)}, ${s.location.timeZone}`,
      `${l(w.capacity)} ${w.seats(s.capacity)}`,
      `${l(w.hours)} ${s.opensAt}–${s.closesAt}`,
      `${l(w.tariffs)} ${safeLine(tariffText(s, t, lang))}`,
      `${l(w.partialPayment)} ${s.partialPayment ? `${w.allowed}, ${w.prepayment} ${s.minPrepaymentPercent} %` : w.notAllowed}`,
      `${l(w.remaining)} ≥ ${formatter(lang).money(s.location.minRemaining)}`,
      `${l(w.managers)} ${safeLine(s.managers.join(', ')) || w.none}`,
    ].join('\n') + '\n'
  );
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
export function addServiceFlags(cmd: Command, deps: Deps): void {
  const h = deps.t().help.services;
  cmd
    .option('--opens <HH:MM>', h.opens)
    .option('--closes <HH:MM>', h.closes)
    .option('--tariff <name:unit:price...>', h.tariff)
    .option('--partial-payment', h.partialPayment)
    .option('--no-partial-payment', h.noPartialPayment)
    .option('--min-prepayment <percent>', h.minPrepayment, nonNegativeInt('--min-prepayment'))
    .option('--manager <login...>', h.manager)
    .option('--add-manager <login...>', h.addManager)
    .option('--remove-manager <login...>', h.removeManager);
}

/** `NAME:hour|day:PRICE`, the price in rubles (0 allowed: a free service). */
export function parseTariff(text: string): Tariff {
  const [, name, unit, rubles] = /^(.+):(hour|day):(.+)$/.exec(text) ?? [];
  const price = rubles === undefined ? null : parseRublesOrZero(rubles);
  if (!name?.trim() || price === null) throw new UsageError('notTariff', { value: text });
  return { name, unit: unit as TariffUnit, price };
}

function parseRublesOrZero(v: string): number | null {
  return /^0+([.,]0{1,2})?$/.test(v) ? 0 : parseRubles(v);
}

/** The flags as settings, each value checked on its own (usage errors, before anything is read). */
export function settingsFrom(f: ServiceFlags): ServiceSettings {
  const s: ServiceSettings = {};
  if (f.opens !== undefined) {
    if (!isTime(f.opens)) throw new UsageError('notTime', { flag: '--opens', value: f.opens });
    s.opensAt = f.opens;
  }
  if (f.closes !== undefined) {
    if (!isTime(f.closes)) throw new UsageError('notTime', { flag: '--closes', value: f.closes });
    s.closesAt = f.closes;
  }
  if (f.tariff) {
    s.tariffs = f.tariff.map(parseTariff);
    if (new Set(s.tariffs.map((t) => t.name)).size !== s.tariffs.length) throw new UsageError('duplicateTariff');
  }
  if (f.partialPayment !== undefined) s.partialPayment = f.partialPayment;
  if (f.minPrepayment !== undefined) {
    if (f.minPrepayment > 100) throw new UsageError('notPercent', { flag: '--min-prepayment' });
    s.minPrepaymentPercent = f.minPrepayment;
  }
  if (f.manager) s.managers = f.manager;
  if (f.addManager) s.addManagers = f.addManager;
  if (f.removeManager) s.removeManagers = f.removeManager;
  return s;
}
