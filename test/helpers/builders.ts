/**
 * Builders of test data over a real store, through the use cases themselves, so that every order
 * a test starts from is one cowork could have made:
 *
 *   const o = await anOrder(store).of('coworking-2').hours(4).withPayment(15000).build();
 *   const c = await anOrder(store).of('meeting-room').cancelled('plans changed').build();
 *
 * Defaults: the demo's coworking-2, booked by the manager for the guest petrov on 2023-08-12 from
 * 10:00 for 2 hours, at the tests' clock (2023-08-11 13:40 in Perm).
 */
import { assignOrder, cancelOrder, createBooking } from '../../src/app/orders.js';
import { recordDeskPayment } from '../../src/app/payments.js';
import type { Order, PaymentMethod, User } from '../../src/core/types.js';
import type { Store } from '../../src/store/index.js';

export const NOW = new Date('2023-08-11T13:40:00+05:00');

export async function userOf(store: Pick<Store, 'user'>, login: string): Promise<User> {
  const u = await store.user(login);
  if (!u) throw new Error(`the test store has no user ${login}`);
  return u;
}

type Step = (store: Store, order: Order) => Promise<void>;

export class OrderBuilder {
  private service = 'coworking-2';
  private applicant = 'petrov';
  private by = 'manager';
  private date = '2023-08-12';
  private from = '10:00';
  private length = 2;
  private prepay: number | undefined;
  private readonly steps: Step[] = [];

  constructor(private readonly store: Store) {}

  of(slug: string): this {
    this.service = slug;
    return this;
  }

  for(login: string): this {
    this.applicant = login;
    return this;
  }

  /** Booked online by the guest, paying `prepay` kopecks through the gateway. */
  bookedOnline(prepay: number): this {
    this.by = this.applicant;
    this.prepay = prepay;
    return this;
  }

  on(date: string, from = '10:00'): this {
    this.date = date;
    this.from = from;
    return this;
  }

  hours(n: number): this {
    this.length = n;
    return this;
  }

  /** A desk payment recorded by `by` (default: the manager). */
  withPayment(amount: number, opts: { method?: PaymentMethod; by?: string; key?: string } = {}): this {
    this.steps.push(async (store, o) => {
      await recordDeskPayment(
        store,
        await userOf(store, opts.by ?? 'manager'),
        { number: o.number, amount, method: opts.method ?? 'cash', idempotencyKey: opts.key },
        NOW,
      );
    });
    return this;
  }

  /** Paid in full at the desk. */
  paid(): this {
    this.steps.push(async (store, o) => {
      const now = await store.order(o.number);
      if (now && now.total > now.paid) {
        await recordDeskPayment(
          store,
          await userOf(store, 'manager'),
          { number: o.number, amount: now.total - now.paid, method: 'cash' },
          NOW,
        );
      }
    });
    return this;
  }

  assignedTo(login: string | null): this {
    this.steps.push(async (store, o) => {
      await assignOrder(store, await userOf(store, 'manager'), { number: o.number, login }, NOW);
    });
    return this;
  }

  /** Cancelled by the manager, keeping `keep` kopecks as a cancellation fee. */
  cancelled(reason: string | null = null, keep = 0): this {
    this.steps.push(async (store, o) => {
      await cancelOrder(store, await userOf(store, 'manager'), { number: o.number, reason, keep }, NOW);
    });
    return this;
  }

  async build(): Promise<Order> {
    const services = [...(await this.store.services()).values()];
    const service = services.find((s) => s.slug === this.service);
    if (!service) throw new Error(`the test store has no service ${this.service}`);
    const end = Number(this.from.slice(0, 2)) + this.length;
    const r = await createBooking(
      this.store,
      await userOf(this.store, this.by),
      {
        service,
        applicant: await userOf(this.store, this.applicant),
        date: this.date,
        from: this.from,
        to: `${String(end).padStart(2, '0')}:${this.from.slice(3)}`,
        prepay: this.prepay,
      },
      NOW,
    );
    for (const step of this.steps) await step(this.store, r.order);
    const order = await this.store.order(r.order.number);
    if (!order) throw new Error('the built order vanished');
    return order;
  }
}

export function anOrder(store: Store): OrderBuilder {
  return new OrderBuilder(store);
}

/** Everything a refused action must leave as it was: the order, its payments and its feed. */
export async function snapshot(store: Store, number: number) {
  return { order: await store.order(number), payments: await store.payments(number), messages: await store.messages(number) };
}
