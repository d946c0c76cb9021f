/**
 * New bookings (SPEC.md rule 7): the period within opening hours, capacity across overlapping
 * bookings, the price from the tariff, the guest's minimum prepayment. Pure.
 */
import { NotFoundError, RuleError, UsageError } from './errors.js';
import { multiply, type Kopecks } from './money.js';
import { minutesOf } from './time.js';
import type { OrderLine, Service, Tariff } from './types.js';

export interface BookingRequest {
  date: string;
  from: string;
  to: string;
  tariff?: string | undefined;
}

/** Picks the tariff by name, or the service's first one. */
export function pickTariff(service: Pick<Service, 'slug' | 'tariffs'>, name?: string): Tariff {
  if (name === undefined) {
    const first = service.tariffs[0];
    if (!first) throw new RuleError('NO_TARIFF', { service: service.slug });
    return first;
  }
  const t = service.tariffs.find((x) => x.name === name);
  if (!t) throw new NotFoundError('tariffNotFound', { service: service.slug, name, names: service.tariffs.map((x) => x.name) });
  return t;
}

/** Opening hours close after they open (`24:00` is the end of the day); else a usage error. */
export function checkOpeningHours(hours: Pick<Service, 'opensAt' | 'closesAt'>): void {
  if (minutesOf(hours.closesAt) <= minutesOf(hours.opensAt)) {
    throw new UsageError('closesBeforeOpens', { opensAt: hours.opensAt, closesAt: hours.closesAt });
  }
}

/** Checks the period against the opening hours and returns its length in minutes. */
export function checkPeriod(service: Pick<Service, 'opensAt' | 'closesAt'>, req: BookingRequest): number {
  const start = minutesOf(req.from);
  const end = minutesOf(req.to);
  if (end <= start) throw new RuleError('INVALID_PERIOD', { from: req.from, to: req.to });
  if (start < minutesOf(service.opensAt) || end > minutesOf(service.closesAt)) {
    throw new RuleError('OUTSIDE_OPENING_HOURS', { from: req.from, to: req.to, opensAt: service.opensAt, closesAt: service.closesAt });
  }
  return end - start;
}

/**
 * The order line of a booking: an hourly tariff bills every started hour, a daily tariff one day.
 */
export function priceBooking(service: Pick<Service, 'name'>, tariff: Tariff, minutes: number): OrderLine {
  const quantity = tariff.unit === 'hour' ? Math.ceil(minutes / 60) : 1;
  return {
    description: service.name,
    tariff: tariff.name,
    quantity,
    unitPrice: tariff.price,
    amount: multiply(tariff.price, quantity),
  };
}

/**
 * The most bookings present at one moment of [start, end), of those given (ISO instants; the
 * live bookings that overlap the period). Two bookings that meet end to start do not overlap.
 */
export function peakOccupancy(bookings: { start: string; end: string }[], start: string, end: string): number {
  const edges: [string, number][] = [];
  for (const b of bookings) {
    const s = b.start > start ? b.start : start;
    const e = b.end < end ? b.end : end;
    if (s < e) edges.push([s, 1], [e, -1]);
  }
  // Ends before starts at the same instant: a seat freed at 11:00 can be taken at 11:00.
  edges.sort((a, b) => (a[0] === b[0] ? a[1] - b[1] : a[0] < b[0] ? -1 : 1));
  let now = 0;
  let peak = 0;
  for (const [, d] of edges) peak = Math.max(peak, (now += d));
  return peak;
}

/** Capacity: at the busiest moment of the period, the bookings present plus this one fit the seats. */
export function checkCapacity(service: Pick<Service, 'capacity' | 'slug'>, peak: number): void {
  if (peak + 1 > service.capacity) {
    throw new RuleError('CAPACITY_EXCEEDED', { service: service.slug, capacity: service.capacity, booked: peak });
  }
}

/** The least a guest pays online when booking a service with partial payment. */
export function minPrepayment(service: Pick<Service, 'partialPayment' | 'minPrepaymentPercent'>, total: Kopecks): Kopecks {
  if (!service.partialPayment) return total;
  return Math.ceil((total * service.minPrepaymentPercent) / 100);
}

/** A stretch of time [start, end) (ISO instants) with the same number of bookings present all along. */
export interface Stretch {
  start: string;
  end: string;
  booked: number;
}

/**
 * How many of the given bookings are present over [start, end), as consecutive stretches of equal
 * occupancy that cover the whole period. Bookings that meet end to start do not overlap, as in
 * {@link peakOccupancy}.
 */
export function occupancy(bookings: { start: string; end: string }[], start: string, end: string): Stretch[] {
  if (start >= end) return [];
  const edges = new Set([start, end]);
  for (const b of bookings) {
    if (b.start > start && b.start < end) edges.add(b.start);
    if (b.end > start && b.end < end) edges.add(b.end);
  }
  const sorted = [...edges].sort();
  const out: Stretch[] = [];
  for (const [i, e] of sorted.entries()) {
    const s = sorted[i - 1];
    if (s === undefined) continue;
    const booked = bookings.filter((b) => b.start < e && b.end > s).length;
    const last = out.at(-1);
    if (last && last.booked === booked) last.end = e;
    else out.push({ start: s, end: e, booked });
  }
  return out;
}

/** The bookable hours of one local day of a service, as a booking prompt offers them. */
export interface DayPlan {
  date: string;
  capacity: number;
  /** The opening and closing instants of the day. */
  open: string;
  close: string;
  /** The first instant that may still be booked: the opening, or the current minute when later. */
  earliest: string;
  /** The occupancy from the opening to the closing. */
  stretches: Stretch[];
}

/**
 * The plan of a local day: `open` and `close` are the instants of its opening hours, `bookings`
 * the live bookings that overlap them, `now` the current instant.
 */
export function planDay(
  service: Pick<Service, 'capacity'>,
  day: { date: string; open: Date; close: Date },
  bookings: { start: string; end: string }[],
  now: Date,
): DayPlan {
  const open = day.open.toISOString();
  const close = day.close.toISOString();
  const minute = new Date(Math.floor(now.getTime() / 60_000) * 60_000).toISOString();
  return {
    date: day.date,
    capacity: service.capacity,
    open,
    close,
    earliest: minute > open ? minute : open,
    stretches: occupancy(bookings, open, close),
  };
}

/** The bookings present at an instant of the day (0 outside its opening hours). */
export function bookedAt(plan: DayPlan, at: string): number {
  return plan.stretches.find((s) => s.start <= at && at < s.end)?.booked ?? 0;
}

/** The first instant, from the earliest bookable one, with a free seat; null when the day has none left. */
export function firstFree(plan: DayPlan): string | null {
  for (const s of plan.stretches) {
    if (s.end <= plan.earliest || s.booked >= plan.capacity) continue;
    return s.start > plan.earliest ? s.start : plan.earliest;
  }
  return null;
}

/** The latest end of a booking that starts at `from`: a seat stays free from `from` until then. */
export function freeUntil(plan: DayPlan, from: string): string {
  let until = from;
  for (const s of plan.stretches) {
    if (s.end <= from) continue;
    if (s.booked >= plan.capacity) break;
    until = s.end;
  }
  return until;
}
