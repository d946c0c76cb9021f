import type { Service } from '../../core/types.js';
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
