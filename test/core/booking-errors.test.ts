/** What the booking refusals of src/core/booking.ts carry: the values the operator's message shows. */
import { describe, expect, it } from 'vitest';
import { checkCapacity, checkPeriod, pickTariff } from '../../src/core/booking.js';
import { said } from '../helpers/refusals.js';

const service = {
  slug: 'coworking-2',
  name: 'Коворкинг на 2 этаже',
  capacity: 3,
  opensAt: '08:00',
  closesAt: '22:00',
  tariffs: [{ name: 'Стандарт', unit: 'hour' as const, price: 10000 }],
};

describe('booking refusals name their values', () => {
  it('NO_TARIFF names the service', () => {
    expect(said(() => pickTariff({ slug: 'bare', tariffs: [] }))).toEqual({
      code: 'NO_TARIFF',
      key: 'NO_TARIFF',
      args: [{ service: 'bare' }],
    });
  });

  it('an unknown tariff names the service, the name asked and the names there are', () => {
    expect(said(() => pickTariff(service, 'VIP'))).toEqual({
      code: 'NOT_FOUND',
      key: 'tariffNotFound',
      args: [{ service: 'coworking-2', name: 'VIP', names: ['Стандарт'] }],
    });
  });

  it('INVALID_PERIOD names from and to', () => {
    expect(said(() => checkPeriod(service, { date: '2023-08-11', from: '16:00', to: '15:30' }))).toEqual({
      code: 'INVALID_PERIOD',
      key: 'INVALID_PERIOD',
      args: [{ from: '16:00', to: '15:30' }],
    });
  });

  it('OUTSIDE_OPENING_HOURS names the period and the hours', () => {
    expect(said(() => checkPeriod(service, { date: '2023-08-11', from: '07:00', to: '09:00' }))).toEqual({
      code: 'OUTSIDE_OPENING_HOURS',
      key: 'OUTSIDE_OPENING_HOURS',
      args: [{ from: '07:00', to: '09:00', opensAt: '08:00', closesAt: '22:00' }],
    });
  });

  it('the opening hours bound the period inclusively at both ends', () => {
    expect(checkPeriod(service, { date: '2023-08-11', from: '08:00', to: '08:01' })).toBe(1);
    expect(checkPeriod(service, { date: '2023-08-11', from: '21:59', to: '22:00' })).toBe(1);
  });

  it('CAPACITY_EXCEEDED names the service, the seats and the seats taken; the last seat can be taken', () => {
    expect(() => checkCapacity(service, 2)).not.toThrow();
    expect(said(() => checkCapacity(service, 3))).toEqual({
      code: 'CAPACITY_EXCEEDED',
      key: 'CAPACITY_EXCEEDED',
      args: [{ service: 'coworking-2', capacity: 3, booked: 3 }],
    });
  });
});
