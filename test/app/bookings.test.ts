/**
 * Booking rules that span use cases (rules 2, 5 and 7), against a real database holding the demo:
 * capacity counted at the busiest moment, a cancelled booking frees its seat, a free service is
 * confirmed at once, new tariffs price new bookings only, a refused booking uses up no number.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { cancelOrder, createBooking, type BookingInput } from '../../src/app/orders.js';
import { recordDeskPayment } from '../../src/app/payments.js';
import { changeService, createService } from '../../src/app/services.js';
import { RuleError } from '../../src/core/errors.js';
import type { Store } from '../../src/store/index.js';
import { anOrder, NOW, userOf } from '../helpers/builders.js';
import { demoStore } from '../helpers/deps.js';
import { english } from '../helpers/words.js';
import { rejection, serviceOf } from './helpers.js';

let store: Store;
beforeEach(async () => {
  store = await demoStore();
});

const service = (slug: string) => serviceOf(store, slug);

async function book(slug: string, date: string, from: string, to: string, more: Partial<BookingInput> = {}) {
  const input: BookingInput = { service: await service(slug), applicant: await userOf(store, 'troshkov'), date, from, to, ...more };
  return createBooking(store, await userOf(store, 'manager'), input, NOW);
}

describe('capacity', () => {
  it('is counted at the busiest moment: 2 seats take 10–11, 11–12 and 10–12, and refuse a third at 10:30', async () => {
    await createService(store, await userOf(store, 'admin'), {
      slug: 'duo',
      name: 'Duo',
      capacity: 2,
      tariffs: [{ name: 'Hour', unit: 'hour', price: 10000 }],
      managers: ['manager'],
    });
    await book('duo', '2023-08-20', '10:00', '11:00');
    await book('duo', '2023-08-20', '11:00', '12:00');
    // At no moment of 10–12 are both seats taken: one is always free.
    await book('duo', '2023-08-20', '10:00', '12:00');
    const e = await rejection(book('duo', '2023-08-20', '10:30', '11:30'));
    expect(e).toBeInstanceOf(RuleError);
    expect(english(e)).toBe('duo has 2 seats, and at the busiest moment of the period 2 are booked');
  });

  it('a cancelled booking frees its seat: meeting-room 2023-08-14 13:00–15:00 is bookable once 1006315 is cancelled', async () => {
    expect(await rejection(book('meeting-room', '2023-08-14', '13:00', '15:00'))).toMatchObject({ code: 'CAPACITY_EXCEEDED' });
    await cancelOrder(store, await userOf(store, 'manager'), { number: 1006315, reason: null }, NOW);
    const r = await book('meeting-room', '2023-08-14', '13:00', '15:00');
    expect(r.order).toMatchObject({ status: 'awaiting_payment', total: 200000 });
  });
});

describe('prices', () => {
  it('a free service: a booking with a total of 0 is confirmed at once (rule 2), and takes no desk payment', async () => {
    await createService(store, await userOf(store, 'admin'), {
      slug: 'free',
      name: 'Бесплатно',
      capacity: 2,
      tariffs: [{ name: 'Free', unit: 'hour', price: 0 }],
      managers: ['manager'],
    });
    const { order } = await book('free', '2023-08-12', '10:00', '11:00');
    expect(order).toMatchObject({ status: 'confirmed', total: 0, paid: 0 });
    const e = await rejection(
      recordDeskPayment(store, await userOf(store, 'manager'), { number: order.number, amount: 100, method: 'cash' }, NOW),
    );
    expect(e).toMatchObject({ code: 'ORDER_ALREADY_PAID', exitCode: 6 });
  });

  it('new tariffs price new bookings only: existing orders keep their lines and totals, and take their remainder at their own price', async () => {
    const built = await anOrder(store).hours(3).build();
    // An order carries its service as it is now; what must not change is the order's own.
    const orders = async () =>
      (await Promise.all([1006312, 1006313, 1006314, 1006315, built.number].map((n) => store.order(n)))).map((o) => ({
        ...o!,
        service: o!.service.slug,
      }));
    const before = await orders();
    await changeService(store, await userOf(store, 'admin'), 'coworking-2', {
      tariffs: [
        { name: 'Почасовой', unit: 'hour', price: 15000 },
        { name: 'День', unit: 'day', price: 100000 },
      ],
    });
    expect(await orders()).toEqual(before);
    const hourly = await book('coworking-2', '2023-08-12', '10:00', '12:30');
    expect(hourly.order).toMatchObject({ total: 45000, lines: [{ tariff: 'Почасовой', quantity: 3, unitPrice: 15000, amount: 45000 }] });
    const daily = await book('coworking-2', '2023-08-12', '10:00', '12:30', { tariff: 'День' });
    expect(daily.order).toMatchObject({ total: 100000, lines: [{ tariff: 'День', quantity: 1, unitPrice: 100000 }] });
    const r = await recordDeskPayment(store, await userOf(store, 'manager'), { number: 1006314, amount: 70000, method: 'cash' }, NOW);
    expect(r.order).toMatchObject({ status: 'confirmed', total: 100000 });
  });
});

describe('numbers', () => {
  it('a refused booking uses up no order or ticket number', async () => {
    await rejection(book('meeting-room', '2023-08-14', '13:00', '15:00'));
    await rejection(book('coworking-2', '2023-08-12', '07:00', '09:00'));
    const { order } = await book('coworking-2', '2023-08-12', '10:00', '11:00');
    expect(order.number).toBe(1006318);
    expect(order.ticket?.number).toBe(212);
  });
});
