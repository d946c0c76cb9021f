/**
 * Local dates and times of a location's IANA time zone, on the platform's own time-zone database
 * (Intl). Pure: the current instant is always passed in.
 */

export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Whether `timeZone` names a zone this platform knows. */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock parts of an instant in a zone. */
export function localParts(instant: Date, timeZone: string): LocalParts {
  const parts: LocalParts = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const p of formatterFor(timeZone).formatToParts(instant)) {
    switch (p.type) {
      case 'year':
      case 'month':
      case 'day':
      case 'hour':
      case 'minute':
      case 'second':
        parts[p.type] = Number(p.value);
    }
  }
  return parts;
}

/** The numbers of `YYYY-MM-DD` (or of `HH:MM`): the caller has checked the text's form. */
function numbers(text: string, separator: string): [number, number, number] {
  const [a = 0, b = 0, c = 0] = text.split(separator).map(Number);
  return [a, b, c];
}

function offsetMs(instant: Date, timeZone: string): number {
  const p = localParts(instant, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/** The instant of a local date and time in a zone (`2023-08-11`, `16:00`). */
export function zonedToUtc(date: string, time: string, timeZone: string): Date {
  const [y, mo, d] = numbers(date, '-');
  const [h, mi] = numbers(time, ':');
  const guess = Date.UTC(y, mo - 1, d, h, mi);
  // Two passes settle the offset on both sides of a DST change.
  let t = guess - offsetMs(new Date(guess), timeZone);
  t = guess - offsetMs(new Date(t), timeZone);
  return new Date(t);
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/**
 * The instant of a local date and time that the zone's clocks really show, or null for a time
 * they skip (the hour lost when daylight saving starts: 02:30 on 31 March 2024 in Berlin). `24:00`
 * is the next day's midnight. A time shown twice (the hour repeated when it ends) is its first.
 */
export function localInstant(date: string, time: string, timeZone: string): Date | null {
  const [d, t] = time === '24:00' ? [addDays(date, 1), '00:00'] : [date, time];
  const instant = zonedToUtc(d, t, timeZone);
  // The earlier of the two readings of a repeated hour: an hour before, the clock showed the same.
  const hourBefore = new Date(instant.getTime() - 3600_000);
  const first = localDate(hourBefore, timeZone) === d && localTime(hourBefore, timeZone) === t ? hourBefore : instant;
  return localDate(first, timeZone) === d && localTime(first, timeZone) === t ? first : null;
}

/** `YYYY-MM-DD` of an instant in a zone. */
export function localDate(instant: Date, timeZone: string): string {
  const p = localParts(instant, timeZone);
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
}

/** `HH:MM` of an instant in a zone. */
export function localTime(instant: Date, timeZone: string): string {
  const p = localParts(instant, timeZone);
  return `${pad(p.hour)}:${pad(p.minute)}`;
}

/** `YYYY-MM-DD` plus `days`. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = numbers(date, '-');
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-4]):([0-5]\d)$/;

/** Whether text is a real calendar date `YYYY-MM-DD`. */
export function isDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

/** Whether text is a time `HH:MM` (24:00 allowed, as the end of a day). */
export function isTime(text: string): boolean {
  const m = TIME.exec(text);
  return !!m && (m[1] !== '24' || m[2] === '00');
}

/** Minutes since midnight of `HH:MM`. */
export function minutesOf(time: string): number {
  const [h, m] = numbers(time, ':');
  return h * 60 + m;
}

const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * An ISO-8601 time with an offset (`2023-08-11T13:32:00+05:00`, `…Z`), checked strictly: a day
 * that its month lacks (30 February) or an hour past 23 is refused, where Date.parse would roll
 * it over into another day. Returns null for anything else.
 */
export function parseInstant(text: string): Date | null {
  const m = ISO_INSTANT.exec(text);
  if (!m) return null;
  const [y, mo, d, h, mi] = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5])];
  const sec = Number(m[6] ?? 0);
  if (mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo) || h > 23 || mi > 59 || sec > 59) return null;
  const ms = m[7] ? Math.floor(Number(`0${m[7]}`) * 1000) : 0;
  const zone = m[8] ?? 'Z';
  let offset = 0;
  if (zone !== 'Z') {
    const oh = Number(zone.slice(1, 3));
    const om = Number(zone.slice(-2));
    if (oh > 18 || om > 59) return null;
    offset = (zone[0] === '-' ? -1 : 1) * (oh * 60 + om);
  }
  return new Date(Date.UTC(y, mo - 1, d, h, mi, sec, ms) - offset * 60_000);
}

function daysIn(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** A local day as people type it in a flag: a date, or `today`, `yesterday`, `tomorrow`. */
export const RELATIVE_DAYS = { yesterday: -1, today: 0, tomorrow: 1 } as const;

const isRelative = (text: string): text is keyof typeof RELATIVE_DAYS => Object.prototype.hasOwnProperty.call(RELATIVE_DAYS, text);

export function isDaySpec(text: string): boolean {
  return isDate(text) || isRelative(text);
}

/** The date a day spec names in a zone: `today` is the zone's own today. */
export function resolveDay(spec: string, now: Date, timeZone: string): string {
  return isRelative(spec) ? addDays(localDate(now, timeZone), RELATIVE_DAYS[spec]) : spec;
}

/**
 * The instants [from, to) that local days `from`…`to` (day specs, either may be absent) span in a
 * zone: from the first day's midnight to the midnight after the last.
 */
export function dayRange(
  from: string | undefined,
  to: string | undefined,
  now: Date,
  timeZone: string,
): { from: string | null; to: string | null } {
  return {
    from: from === undefined ? null : zonedToUtc(resolveDay(from, now, timeZone), '00:00', timeZone).toISOString(),
    to: to === undefined ? null : zonedToUtc(addDays(resolveDay(to, now, timeZone), 1), '00:00', timeZone).toISOString(),
  };
}
