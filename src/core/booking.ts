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
