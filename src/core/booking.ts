/**
 * New bookings (SPEC.md rule 7): the period within opening hours, capacity across overlapping
 * bookings, the price from the tariff, the guest's minimum prepayment. Pure.
 */
import { RuleError } from './errors.js';
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
  const t = name === undefined ? service.tariffs[0] : service.tariffs.find((x) => x.name === name);
  if (!t) {
    throw new RuleError(
      'NO_TARIFF',
      name === undefined
        ? `the service ${service.slug} has no tariff`
        : `the service ${service.slug} has no tariff "${name}" (it has: ${service.tariffs.map((x) => x.name).join(', ')})`,
    );
  }
  return t;
}

/** Checks the period against the opening hours and returns its length in minutes. */
export function checkPeriod(service: Pick<Service, 'opensAt' | 'closesAt'>, req: BookingRequest): number {
  const start = minutesOf(req.from);
  const end = minutesOf(req.to);
  if (end <= start) throw new RuleError('INVALID_PERIOD', `the period ends (${req.to}) before it starts (${req.from})`);
  if (start < minutesOf(service.opensAt) || end > minutesOf(service.closesAt)) {
    throw new RuleError(
      'OUTSIDE_OPENING_HOURS',
      `the period ${req.from}–${req.to} is outside the opening hours ${service.opensAt}–${service.closesAt}`,
    );
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

/** Capacity: the overlapping live bookings plus this one must fit the seats. */
export function checkCapacity(service: Pick<Service, 'capacity' | 'slug'>, overlapping: number): void {
  if (overlapping + 1 > service.capacity) {
    throw new RuleError(
      'CAPACITY_EXCEEDED',
      `${service.slug} has ${service.capacity} seat(s) and ${overlapping} booking(s) already overlap the period`,
      { capacity: service.capacity, overlapping },
    );
  }
}

/** The least a guest pays online when booking a service with partial payment. */
export function minPrepayment(service: Pick<Service, 'partialPayment' | 'minPrepaymentPercent'>, total: Kopecks): Kopecks {
  if (!service.partialPayment) return total;
  return Math.ceil((total * service.minPrepaymentPercent) / 100);
}
