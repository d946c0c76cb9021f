/**
 * What the booking prompts of `orders create` offer and refuse as each answer is typed: only days
 * with a free seat, only start times that have not passed, lie within the opening hours and have a
 * free seat, only ends up to which that seat stays free. The same rules as the booking itself
 * (src/core/booking.ts, rule 7), read here against the day's bookings so that a refusal comes at
 * the answer that causes it, and the operator fixes that answer instead of starting over.
 */
import { bookedAt, firstFree, freeUntil, minPrepayment, planDay, priceBooking, type DayPlan } from '../../core/booking.js';
import { RuleError } from '../../core/errors.js';
import { parseRubles, type Kopecks } from '../../core/money.js';
import { addDays, isDaySpec, isTime, localDate, localInstant, localTime, minutesOf, resolveDay, zonedToUtc } from '../../core/time.js';
import type { Service, Tariff } from '../../core/types.js';
import type { Catalog } from '../../ui/i18n.js';
import type { Choice } from '../../ui/prompt.js';
import { safeLine } from '../../ui/text.js';
import type { Store } from '../../store/index.js';

/** How many stretches of a day's occupancy a notice lists before it says there are more. */
const STRETCHES_SHOWN = 8;

/** The booking prompts' knowledge of one service: its hours, and the days read so far. */
export class BookingGuide {
  private readonly days = new Map<string, Promise<DayPlan>>();
  private readonly tz: string;

  constructor(
    private readonly store: Pick<Store, 'bookings'>,
    readonly service: Service,
    private readonly t: Catalog,
    private readonly now: Date,
  ) {
    this.tz = service.location.timeZone;
  }

  get today(): string {
    return localDate(this.now, this.tz);
  }

  /** The day's opening hours and its live bookings, read once per date. */
  day(date: string): Promise<DayPlan> {
    let plan = this.days.get(date);
    if (!plan) {
      const at = (time: string) => localInstant(date, time, this.tz) ?? zonedToUtc(date, time, this.tz);
      const open = at(this.service.opensAt);
      const close = at(this.service.closesAt);
      plan = this.store
        .bookings(this.service.id, open.toISOString(), close.toISOString())
        .then((bookings) => planDay(this.service, { date, open, close }, bookings, this.now));
      this.days.set(date, plan);
    }
    return plan;
  }

  /** A local time of the day as the prompts show it; the closing instant as the service's own closing time (`24:00`). */
  private clock(plan: DayPlan, iso: string): string {
    return iso === plan.close ? this.service.closesAt : localTime(new Date(iso), this.tz);
  }

  /** Why nothing can be booked on the day any more, or null when something can. */
  closedReason(plan: DayPlan): string | null {
    const p = this.t.prompts.orders;
    if (plan.date < this.today) return p.pastDay({ date: plan.date, today: this.today });
    if (firstFree(plan) !== null) return null;
    return plan.earliest >= plan.close ? p.dayOver({ closesAt: this.service.closesAt }) : p.dayFull({ date: plan.date });
  }

  /** The date prompt's check: a date (or today, tomorrow), not past, with a free seat left. */
  async checkDate(text: string): Promise<true | string> {
    if (!isDaySpec(text.trim())) return this.t.prompts.orders.badDate;
    const date = resolveDay(text.trim(), this.now, this.tz);
    if (date < this.today) return this.t.prompts.orders.pastDay({ date, today: this.today });
    return this.closedReason(await this.day(date)) ?? true;
  }

  /** Today when a seat is still free today, else tomorrow. */
  async suggestDate(): Promise<string> {
    return this.closedReason(await this.day(this.today)) === null ? this.today : addDays(this.today, 1);
  }

  /** Refuses, as the booking would, a day given by a flag on which nothing can be booked: no prompt could help. */
  async assertBookable(date: string): Promise<DayPlan> {
    const plan = await this.day(date);
    if (plan.date < this.today || (firstFree(plan) === null && plan.earliest >= plan.close)) {
      throw new RuleError('PERIOD_ENDED', { date, from: this.service.opensAt, to: this.service.closesAt });
    }
    if (firstFree(plan) === null) {
      throw new RuleError('CAPACITY_EXCEEDED', {
        service: this.service.slug,
        capacity: this.service.capacity,
        booked: this.service.capacity,
      });
    }
    return plan;
  }

  /** The free seats of the rest of the day, stretch by stretch. */
  dayInfo(plan: DayPlan): string {
    const stretches = plan.stretches
      .filter((s) => s.end > plan.earliest)
      .map((s) => ({
        from: this.clock(plan, s.start > plan.earliest ? s.start : plan.earliest),
        to: this.clock(plan, s.end),
        free: Math.max(0, plan.capacity - s.booked),
      }));
    return this.t.prompts.orders.dayInfo({
      date: plan.date,
      capacity: plan.capacity,
      stretches: stretches.slice(0, STRETCHES_SHOWN),
      more: stretches.length > STRETCHES_SHOWN,
    });
  }

  /** The instant of a local time of the day, or a reason it cannot be one. */
  private instant(plan: DayPlan, time: string): string | { refused: string } {
    const at = localInstant(plan.date, time, this.tz);
    if (!at) return { refused: this.t.prompts.orders.timeMissing({ date: plan.date, time }) };
    return at.toISOString();
  }

  /** The start prompt's check: a time within the opening hours, not past, with a free seat. */
  checkFrom(plan: DayPlan, v: string): true | string {
    const p = this.t.prompts.orders;
    if (!isTime(v)) return p.badTime;
    const { opensAt, closesAt } = this.service;
    if (minutesOf(v) < minutesOf(opensAt) || minutesOf(v) >= minutesOf(closesAt)) return p.outsideHours({ opensAt, closesAt });
    const at = this.instant(plan, v);
    if (typeof at !== 'string') return at.refused;
    if (at < plan.earliest) {
      const free = firstFree(plan);
      return p.pastTime({
        time: v,
        now: localTime(this.now, this.tz),
        earliest: free === null ? this.service.closesAt : this.clock(plan, free),
      });
    }
    if (bookedAt(plan, at) >= plan.capacity) {
      const busy = plan.stretches.filter((s) => s.end > at);
      const freeAgain = busy.find((s) => s.booked < plan.capacity);
      return p.noSeatAt({ time: v, until: freeAgain ? this.clock(plan, freeAgain.start) : this.service.closesAt });
    }
    return true;
  }

  /** The first start the day still offers, on the half hour when that is free too. */
  suggestFrom(plan: DayPlan): string | undefined {
    const free = firstFree(plan);
    if (free === null) return undefined;
    const exact = localTime(new Date(free), this.tz);
    const rounded = Math.ceil(minutesOf(exact) / 30) * 30;
    const candidate = `${String(Math.floor(rounded / 60)).padStart(2, '0')}:${String(rounded % 60).padStart(2, '0')}`;
    return rounded < 24 * 60 && this.checkFrom(plan, candidate) === true ? candidate : exact;
  }

  /** The end prompt's check: after the start, by the closing, while the seat stays free. */
  checkTo(plan: DayPlan, from: string, v: string): true | string {
    const p = this.t.prompts.orders;
    if (!isTime(v)) return p.badTime;
    if (minutesOf(v) <= minutesOf(from)) return p.notAfterStart({ from });
    if (minutesOf(v) > minutesOf(this.service.closesAt)) return p.afterClosing({ closesAt: this.service.closesAt });
    const start = this.instant(plan, from);
    const end = this.instant(plan, v);
    if (typeof end !== 'string') return end.refused;
    // A start given by a flag that cannot be booked is the booking's to refuse, with its own words.
    if (typeof start !== 'string' || this.checkFrom(plan, from) !== true) return true;
    const until = freeUntil(plan, start);
    return end <= until ? true : p.seatUntil({ from, until: this.clock(plan, until) });
  }

  /** An hour after the start, or less when the seat is free for less or the service closes sooner. */
  suggestTo(plan: DayPlan, from: string): string | undefined {
    const start = this.instant(plan, from);
    if (typeof start !== 'string' || this.checkFrom(plan, from) !== true) return undefined;
    const hour = new Date(new Date(start).getTime() + 3600_000).toISOString();
    const until = freeUntil(plan, start);
    return this.clock(plan, hour < until ? hour : until);
  }

  /** The minutes a booking of the day lasts, as the booking bills them; null for a time the clocks skip. */
  minutes(date: string, from: string, to: string): number | null {
    const start = localInstant(date, from, this.tz);
    const end = localInstant(date, to, this.tz);
    return start && end ? (end.getTime() - start.getTime()) / 60_000 : null;
  }

  /** Each tariff with what the stay costs under it; the cheapest is the suggestion. */
  tariffChoices(minutes: number): { choices: Choice<string>[]; cheapest: string } {
    const priced = this.service.tariffs.map((tariff: Tariff) => ({ tariff, line: priceBooking(this.service, tariff, minutes) }));
    const cheapest = priced.reduce((a, b) => (b.line.amount < a.line.amount ? b : a));
    return {
      choices: priced.map(({ tariff, line }) => ({
        name: safeLine(
          this.t.prompts.orders.tariffChoice({
            name: tariff.name,
            price: tariff.price,
            unit: tariff.unit,
            quantity: line.quantity,
            total: line.amount,
          }),
        ),
        value: tariff.name,
      })),
      cheapest: cheapest.tariff.name,
    };
  }

  /** What a guest must pay online to book a stay of this total: at least the service's minimum. */
  prepayment(total: Kopecks): { min: Kopecks; intro: string; check: (v: string) => true | string } | null {
    const min = minPrepayment(this.service, total);
    if (min <= 0) return null;
    const p = this.t.prompts.orders;
    return {
      min,
      intro: p.prepayIntro({ min, total, percent: this.service.minPrepaymentPercent, partialPayment: this.service.partialPayment }),
      check: (v) => {
        const k = parseRubles(v);
        if (k === null) return this.t.prompts.pay.notAmount;
        return k >= min && k <= total ? true : p.prepayAllowed({ min, total });
      },
    };
  }
}
