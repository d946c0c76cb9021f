/** Recording a desk payment (src/app/payments.ts): what a refusal of an order names. */
import { beforeEach, describe, expect, it } from 'vitest';
import { orderToProcess, recordDeskPayment } from '../../src/app/payments.js';
import type { CoworkError } from '../../src/core/errors.js';
import { NotFoundError } from '../../src/core/errors.js';
import type { Store } from '../../src/store/index.js';
import { NOW, userOf } from '../helpers/builders.js';
import { demoStore } from '../helpers/deps.js';

let store: Store;
beforeEach(async () => {
  store = await demoStore();
});

describe('an order to process', () => {
  it('an unknown order is not found, by its number', async () => {
    const e = await recordDeskPayment(store, await userOf(store, 'manager'), { number: 1999999, amount: 100, method: 'cash' }, NOW).then(
      () => null,
      (x: unknown) => x,
    );
    expect(e).toBeInstanceOf(NotFoundError);
    expect((e as CoworkError).said).toEqual({ key: 'orderNotFound', args: [{ number: 1999999 }] });
  });

  it('orderToProcess returns the order for its staff, and refuses the rest', async () => {
    const find = (n: number) => store.order(n);
    expect((await orderToProcess(find, await userOf(store, 'manager'), 1006314)).number).toBe(1006314);
    const hidden = await orderToProcess(find, await userOf(store, 'manager2'), 1006314).catch((x: unknown) => x);
    expect((hidden as CoworkError).said).toEqual({ key: 'orderNotFound', args: [{ number: 1006314 }] });
    const unknown = await orderToProcess(find, await userOf(store, 'admin'), 42).catch((x: unknown) => x);
    expect((unknown as CoworkError).said).toEqual({ key: 'orderNotFound', args: [{ number: 42 }] });
  });
});
