/**
 * The run functions with a scripted Prompter (src/ui/prompt.ts): what the prompts offer, what their
 * validation accepts, and what the answers write. And without a terminal: never a prompt, a usage
 * error naming the flag.
 */
import { english } from '../helpers/words.js';
import { describe, expect, it } from 'vitest';
import { CancelledError, UsageError } from '../../src/core/errors.js';
import type { Choice, Prompter } from '../../src/ui/prompt.js';
import { recordRun } from '../../src/commands/pay/record.js';
import { cancelRun } from '../../src/commands/orders/cancel.js';
import { postRun } from '../../src/commands/msg/post.js';
import { MESSAGE_MAX_LENGTH } from '../../src/app/messages.js';
import { createBooking } from '../../src/app/orders.js';
import { createService } from '../../src/app/services.js';
import { createRun } from '../../src/commands/orders/create.js';
import { assignRun } from '../../src/commands/orders/assign.js';
import { showRun } from '../../src/commands/orders/show.js';
import { refundRun } from '../../src/commands/pay/refund.js';
import type { Store } from '../../src/store/index.js';
import { testDeps } from '../helpers/deps.js';

type InputOpts = Parameters<Prompter['input']>[0];
type ConfirmOpts = Parameters<Prompter['confirm']>[0];
type EditorOpts = Parameters<Prompter['editor']>[0];
interface SelectOpts {
  message: string;
  choices: Choice<unknown>[];
  default?: unknown;
}
interface SearchOpts {
  message: string;
  source: (term: string) => Promise<Choice<unknown>[]>;
}

/**
 * A Prompter that answers from scripts, one handler per expected call, in order; any call beyond the
 * script fails the test. Records every call.
 */
function scripted(script: {
  input?: Array<(o: InputOpts) => string>;
  select?: Array<(o: SelectOpts) => unknown>;
  confirm?: Array<(o: ConfirmOpts) => boolean>;
  editor?: Array<(o: EditorOpts) => string>;
  search?: Array<(o: SearchOpts) => unknown>;
}) {
  const calls: string[] = [];
  const next = <T>(kind: string, list: T[] | undefined): T => {
    calls.push(kind);
    const h = list?.shift();
    if (!h) throw new Error(`unexpected prompt: ${kind}`);
    return h;
  };
  const prompter: Prompter = {
    input: async (o) => next('input', script.input)(o),
    select: async <T>(o: { message: string; choices: Choice<T>[]; default?: T }) => next('select', script.select)(o) as T,
    confirm: async (o) => next('confirm', script.confirm)(o),
    editor: async (o) => next('editor', script.editor)(o),
    search: async <T>(o: { message: string; source: (term: string) => Promise<Choice<T>[]> }) =>
      (await next('search', script.search)(o)) as T,
  };
  return { prompter, calls };
}

async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected a rejection');
}

/** What rule 8 must leave alone for one order: the order, its payments and its feed. */
async function orderState(store: Store, n: number) {
  return { order: await store.order(n), payments: await store.payments(n), messages: await store.messages(n) };
}

describe('pay record on a terminal: the amount prompt', () => {
  it('validates against the allowed range, then records 650 by card', async () => {
    const seen: Record<string, unknown> = {};
    const { prompter, calls } = scripted({
      input: [
        (o) => {
          expect(o.validate).toBeTypeOf('function');
          const v = o.validate!;
          seen.floor = v('650.01');
          seen.abc = v('abc');
          seen.ok = v('650');
          seen.full = v('700');
          seen.comma = v('650,00');
          seen.over = v('701');
          seen.min = v('0.01');
          seen.zero = v('0');
          return '650';
        },
      ],
      select: [
        (o) => {
          expect(o.choices.map((c) => c.value).sort()).toEqual(['card', 'cash', 'transfer']);
          return 'card';
        },
      ],
    });
    const t = await testDeps({ tty: true, prompter });
    await recordRun({ number: 1006314 }, t.deps);

    expect(typeof seen.floor).toBe('string');
    expect(seen.floor).toBe('Allowed: pay 0.01 ₽ to 650 ₽, or exactly 700 ₽');
    expect(typeof seen.abc).toBe('string');
    expect((seen.abc as string).length).toBeGreaterThan(0);
    expect(seen.ok).toBe(true);
    expect(seen.full).toBe(true);
    expect(seen.comma).toBe(true);
    expect(seen.min).toBe(true);
    expect(typeof seen.over).toBe('string');
    expect(typeof seen.zero).toBe('string');
    expect(calls).toEqual(['input', 'select']);

    const ps = await t.store.payments(1006314);
    expect(ps).toHaveLength(2);
    expect(ps.at(-1)).toMatchObject({ amount: 65000, method: 'card', source: 'manager' });
    expect(await t.store.order(1006314)).toMatchObject({ paid: 95000, status: 'partially_paid' });
    // The prompt and its guidance go to stderr; stdout carries the result only.
    expect(t.err()).toContain('Pay 0.01 ₽ to 650 ₽, or exactly 700 ₽');
    expect(t.err()).toContain('Order 1006314: payment of 650 ₽ (bank card) recorded.');
    expect(t.out()).toBe(`${ps.at(-1)!.id}\n`);
  });

  it('on meeting-room (no partial payment) only the whole 2000.00 validates', async () => {
    const seen: Record<string, unknown> = {};
    const { prompter } = scripted({
      input: [
        (o) => {
          seen.part = o.validate!('100');
          seen.full = o.validate!('2000');
          return '2000';
        },
      ],
      select: [() => 'cash'],
    });
    const t = await testDeps({ tty: true, prompter });
    await recordRun({ number: 1006315 }, t.deps);
    expect(typeof seen.part).toBe('string');
    expect(seen.part).toBe('Allowed: only exactly 2,000 ₽ can be paid');
    expect(seen.full).toBe(true);
    expect(await t.store.order(1006315)).toMatchObject({ status: 'confirmed', paid: 200000 });
  });

  it('an --amount given on a terminal is not asked again; --method given is not asked', async () => {
    const { prompter, calls } = scripted({});
    const t = await testDeps({ tty: true, prompter });
    await recordRun({ number: 1006314, amount: '100', method: 'transfer' }, t.deps);
    expect(calls).toEqual([]);
    expect((await t.store.payments(1006314)).at(-1)).toMatchObject({ amount: 10000, method: 'transfer' });
  });

  it('a cancelled order is refused before any prompt', async () => {
    const { prompter, calls } = scripted({});
    const t = await testDeps({ tty: true, prompter });
    const e = await rejection(recordRun({ number: 1006312 }, t.deps));
    expect(e).toMatchObject({ exitCode: 6 });
    expect(calls).toEqual([]);
  });

  it('off a terminal, no --amount is a UsageError (2) naming --amount, with no prompt and nothing written', async () => {
    const { prompter, calls } = scripted({});
    const t = await testDeps({ tty: false, prompter });
    const before = await orderState(t.store, 1006314);
    const e = await rejection(recordRun({ number: 1006314 }, t.deps));
    expect(e).toBeInstanceOf(UsageError);
    expect((e as UsageError).exitCode).toBe(2);
    expect((e as UsageError).message).toContain('--amount');
    expect(calls).toEqual([]);
    expect(await orderState(t.store, 1006314)).toEqual(before);
  });

  it('on a terminal with COWORK_NO_INPUT set, no --amount is a UsageError too', async () => {
    const { prompter, calls } = scripted({});
    const t = await testDeps({ tty: true, prompter, env: { COWORK_NO_INPUT: '1' } });
    const e = await rejection(recordRun({ number: 1006314 }, t.deps));
    expect(e).toBeInstanceOf(UsageError);
    expect(calls).toEqual([]);
  });
});

describe('orders cancel on a terminal: the confirmation', () => {
  it('declined → CancelledError (exit 3), the order unchanged', async () => {
    const { prompter, calls } = scripted({
      confirm: [
        (o) => {
          expect(o.default === undefined || o.default === false).toBe(true);
          return false;
        },
      ],
    });
    const t = await testDeps({ tty: true, prompter });
    const before = await orderState(t.store, 1006314);
    const e = await rejection(cancelRun({ number: 1006314 }, t.deps));
    expect(e).toBeInstanceOf(CancelledError);
    expect((e as CancelledError).exitCode).toBe(3);
    expect(calls).toEqual(['confirm']);
    expect(await orderState(t.store, 1006314)).toEqual(before);
    expect(before.order?.status).toBe('partially_paid');
  });

  it('confirmed, with the reason typed at the prompt → cancelled with that reason', async () => {
    const { prompter, calls } = scripted({ confirm: [() => true], input: [() => 'x'] });
    const t = await testDeps({ tty: true, prompter });
    await cancelRun({ number: 1006314 }, t.deps);
    expect(calls).toEqual(['confirm', 'input']);
    const o = await t.store.order(1006314);
    expect(o?.status).toBe('cancelled');
    expect(o?.cancelReason).toBe('x');
    expect(o?.ticket?.status).toBe('cancelled');
    const ev = (await t.store.messages(1006314)).filter((m) => m.event?.code === 'order_cancelled');
    expect(ev).toHaveLength(1);
    expect(ev[0]!.visibility).toBe('system');
    expect(Object.values(ev[0]!.event!)).toContain('x');
    expect(Object.values(ev[0]!.event!)).toContain(30000);
  });

  it('the confirmation mentions the money due for refund', async () => {
    let message = '';
    const { prompter } = scripted({
      confirm: [
        (o) => {
          message = o.message;
          return false;
        },
      ],
    });
    const t = await testDeps({ tty: true, prompter });
    await rejection(cancelRun({ number: 1006314 }, t.deps));
    expect(message).toContain('1006314');
    expect(message).toMatch(/300/);
  });

  it('--yes asks nothing', async () => {
    const { prompter, calls } = scripted({});
    const t = await testDeps({ tty: true, prompter });
    await cancelRun({ number: 1006315, yes: true, reason: 'r' }, t.deps);
    expect(calls).toEqual([]);
    expect(await t.store.order(1006315)).toMatchObject({ status: 'cancelled', cancelReason: 'r' });
  });

  it('an already cancelled order is refused (6) before asking', async () => {
    const { prompter, calls } = scripted({});
    const t = await testDeps({ tty: true, prompter });
    const e = await rejection(cancelRun({ number: 1006312 }, t.deps));
    expect(e).toMatchObject({ exitCode: 6 });
    expect(calls).toEqual([]);
  });

  it('off a terminal without --yes → UsageError (2), nothing changed', async () => {
    const t = await testDeps({ tty: false });
    const before = await orderState(t.store, 1006314);
    const e = await rejection(cancelRun({ number: 1006314 }, t.deps));
    expect(e).toBeInstanceOf(UsageError);
    expect(english(e)).toContain('--yes');
    expect(await orderState(t.store, 1006314)).toEqual(before);
  });
});

describe('msg post on a terminal: public or internal, then the message', () => {
  it('staff without --text: asked public or internal (public first), then the text; the answer is stored exactly', async () => {
    const seen: Record<string, unknown> = {};
    const { prompter, calls } = scripted({
      select: [
        (o) => {
          seen.choices = o.choices.map((c) => c.value);
          seen.default = o.default;
          return 'public';
        },
      ],
      input: [
        (o) => {
          if (o.validate) {
            seen.blank = o.validate('   ');
            seen.long = o.validate('я'.repeat(MESSAGE_MAX_LENGTH + 1));
            seen.text = o.validate('Привет');
          }
          return 'Привет, ждём вас';
        },
      ],
    });
    const t = await testDeps({ tty: true, prompter });
    await postRun({ number: 1006314 }, t.deps);
    expect(calls).toEqual(['select', 'input']);
    expect(seen).toMatchObject({ choices: ['public', 'internal'], default: 'public', text: true });
    expect(typeof seen.blank).toBe('string');
    expect(typeof seen.long).toBe('string');
    const m = (await t.store.messages(1006314)).at(-1);
    expect(m).toMatchObject({ visibility: 'public', text: 'Привет, ждём вас' });
    expect(m?.author?.login).toBe('manager');
  });

  it('staff who choose internal: stored internal', async () => {
    const { prompter } = scripted({ select: [() => 'internal'], input: [() => 'для своих'] });
    const t = await testDeps({ tty: true, prompter });
    await postRun({ number: 1006314 }, t.deps);
    expect((await t.store.messages(1006314)).at(-1)).toMatchObject({ visibility: 'internal', text: 'для своих' });
  });

  it('a guest is not asked: a guest posts public', async () => {
    const { prompter, calls } = scripted({ input: [() => 'Буду в 10:15'] });
    const t = await testDeps({ tty: true, prompter, as: 'ivanova' });
    await postRun({ number: 1006314 }, t.deps);
    expect(calls).toEqual(['input']);
    expect((await t.store.messages(1006314)).at(-1)).toMatchObject({ visibility: 'public', text: 'Буду в 10:15' });
  });

  it('--internal without --text: asked, stored internal', async () => {
    const { prompter } = scripted({ input: [() => 'для своих'] });
    const t = await testDeps({ tty: true, prompter });
    await postRun({ number: 1006314, internal: true }, t.deps);
    expect((await t.store.messages(1006314)).at(-1)).toMatchObject({ visibility: 'internal', text: 'для своих' });
  });

  it('a guest is refused an internal message before any prompt', async () => {
    const { prompter, calls } = scripted({});
    const t = await testDeps({ tty: true, prompter, as: 'ivanova' });
    const before = await orderState(t.store, 1006314);
    const e = await rejection(postRun({ number: 1006314, internal: true }, t.deps));
    expect(e).toMatchObject({ exitCode: 4 });
    expect(calls).toEqual([]);
    expect(await orderState(t.store, 1006314)).toEqual(before);
  });

  it('off a terminal without --text → UsageError (2) naming --text', async () => {
    const t = await testDeps({ tty: false });
    const e = await rejection(postRun({ number: 1006314 }, t.deps));
    expect(e).toBeInstanceOf(UsageError);
    expect((e as UsageError).message).toContain('--text');
  });

  it('a text over the limit is a usage error before anything is asked or written', async () => {
    const { prompter, calls } = scripted({});
    const t = await testDeps({ tty: true, prompter });
    const before = await orderState(t.store, 1006314);
    const e = await rejection(postRun({ number: 1006314, text: 'я'.repeat(MESSAGE_MAX_LENGTH + 1) }, t.deps));
    expect(e).toBeInstanceOf(UsageError);
    expect(e).toMatchObject({ said: { key: 'messageTooLong' } });
    expect(calls).toEqual([]);
    expect(await orderState(t.store, 1006314)).toEqual(before);
  });
});

/** The choices' values a picker's source gives for a term. */
async function offered(o: SearchOpts, term: string): Promise<unknown[]> {
  return (await o.source(term)).map((c) => c.value);
}

/** A booking made directly, to fill a day. */
async function book(store: Store, slug: string, date: string, from: string, to: string): Promise<void> {
  const service = await store.service(slug);
  await createBooking(
    store,
    (await store.user('manager'))!,
    { service: service!, applicant: (await store.user('petrov'))!, date, from, to },
    new Date(NOW),
  );
}

const NOW = '2023-08-11T13:40:00+05:00';

/** A service with an hour and a day tariff, made by the admin. */
async function withHotDesk(store: Store): Promise<void> {
  await createService(store, (await store.user('admin'))!, {
    slug: 'hot-desk',
    name: 'Свободное место',
    capacity: 5,
    tariffs: [
      { name: 'Час', unit: 'hour', price: 15000 },
      { name: 'День', unit: 'day', price: 90000 },
    ],
    managers: ['manager'],
  });
}

describe('orders create on a terminal: the booking prompts guide', () => {
  it('the service shows its hours, the guest is searched, each time is checked as it is typed; a past start is refused at "from"', async () => {
    const seen: Record<string, unknown> = {};
    const { prompter, calls } = scripted({
      select: [
        (o) => {
          seen.services = o.choices.map((c) => c.value);
          seen.description = o.choices[0]?.description;
          return 'coworking-2';
        },
      ],
      search: [
        async (o) => {
          seen.byName = await offered(o, 'петров');
          seen.byPhone = await offered(o, '912 000-00-03');
          seen.byLogin = await offered(o, 'ivanova');
          seen.nothing = await offered(o, 'zzz');
          return 'petrov';
        },
      ],
      input: [
        (o) => {
          seen.dateDefault = o.default;
          seen.dateChecks = ['abc', '2023-08-10', 'yesterday', '2023-08-11', 'tomorrow'].map((v) => o.validate!(v));
          return '2023-08-11';
        },
        (o) => {
          seen.fromDefault = o.default;
          seen.fromChecks = ['13:00', '07:59', '22:00', '25:00', '13:40', '15:00'].map((v) => o.validate!(v));
          return '15:00';
        },
        (o) => {
          seen.toDefault = o.default;
          seen.toChecks = ['15:00', '14:00', '22:30', '22:00', '17:00'].map((v) => o.validate!(v));
          return '17:00';
        },
      ],
    });
    const t = await testDeps({ tty: true, prompter });
    await createRun({}, t.deps);
    expect(calls).toEqual(['select', 'search', 'input', 'input', 'input']);
    expect(seen.services).toEqual(['coworking-2', 'meeting-room']);
    expect(seen.description).toBe('Коворкинг на 2 этаже: open 08:00–22:00, 20 seats; «Стандарт» 100 ₽ an hour.');
    expect(seen).toMatchObject({ byName: ['petrov'], byPhone: ['petrov'], byLogin: ['ivanova'], nothing: [] });
    expect(seen.dateDefault).toBe('2023-08-11');
    expect(await Promise.all(seen.dateChecks as unknown[])).toEqual([
      expect.stringContaining('Type a date YYYY-MM-DD'),
      '10 August 2023 has passed: today is 11 August 2023',
      '10 August 2023 has passed: today is 11 August 2023',
      true,
      true,
    ]);
    expect(seen.fromDefault).toBe('14:00');
    expect(seen.fromChecks).toEqual([
      '13:00 has already passed (it is 13:40 now): start at 13:40 or later',
      'Outside opening hours: open 08:00–22:00',
      'Outside opening hours: open 08:00–22:00',
      'Type a time HH:MM',
      true,
      true,
    ]);
    expect(seen.toDefault).toBe('16:00');
    expect(seen.toChecks).toEqual([
      'The end must come after the start, 15:00',
      'The end must come after the start, 15:00',
      'The service closes at 22:00',
      true,
      true,
    ]);
    expect(t.err()).toContain('Free seats on 11 August 2023: 13:40–16:00 20 of 20 · 16:00–20:00 19 of 20 · 20:00–22:00 20 of 20');
    const n = Number(t.out());
    const o = await t.store.order(n);
    expect(o).toMatchObject({ applicant: { login: 'petrov' }, total: 20000 });
    expect(o?.ticket).toMatchObject({ start: '2023-08-11T10:00:00.000Z', end: '2023-08-11T12:00:00.000Z' });
  });

  it('a full day is refused at the date, a taken hour at "from", an end past the free seat at "to"', async () => {
    const seen: Record<string, unknown> = {};
    const { prompter, calls } = scripted({
      input: [
        (o) => {
          seen.date = [o.validate!('2023-08-13'), o.validate!('2023-08-14')];
          return '2023-08-14';
        },
        (o) => {
          seen.fromDefault = o.default;
          seen.from = [o.validate!('12:30'), o.validate!('13:59'), o.validate!('14:00'), o.validate!('11:00')];
          return '11:00';
        },
        (o) => {
          seen.toDefault = o.default;
          seen.to = [o.validate!('13:00'), o.validate!('12:01'), o.validate!('12:00')];
          return '12:00';
        },
      ],
    });
    const t = await testDeps({ tty: true, prompter });
    await book(t.store, 'meeting-room', '2023-08-13', '08:00', '22:00');
    await createRun({ service: 'meeting-room', applicant: 'troshkov' }, t.deps);
    expect(calls).toEqual(['input', 'input', 'input']);
    expect(await Promise.all(seen.date as unknown[])).toEqual(['No free seats on 13 August 2023', true]);
    expect(seen.fromDefault).toBe('08:00');
    expect(seen.from).toEqual([
      'No free seat at 12:30: every seat is booked until 14:00',
      'No free seat at 13:59: every seat is booked until 14:00',
      true,
      true,
    ]);
    expect(seen.toDefault).toBe('12:00');
    expect(seen.to).toEqual(['A seat is free from 11:00 until 12:00 only: end at 12:00 at the latest', expect.any(String), true]);
    expect(t.err()).toContain('Free seats on 14 August 2023: 08:00–12:00 1 of 1 · 12:00–14:00 0 of 1 · 14:00–22:00 1 of 1');
    expect(await t.store.order(Number(t.out()))).toMatchObject({ total: 100000, service: { slug: 'meeting-room' } });
  });

  it('after closing time today is refused and tomorrow suggested; a full day given by --date is refused before any prompt', async () => {
    const seen: Record<string, unknown> = {};
    const { prompter } = scripted({
      input: [
        (o) => {
          seen.default = o.default;
          seen.today = o.validate!('2023-08-11');
          throw new Error('stop');
        },
      ],
    });
    const late = await testDeps({ tty: true, prompter, now: '2023-08-11T22:30:00+05:00' });
    await rejection(createRun({ service: 'coworking-2', applicant: 'petrov' }, late.deps));
    expect(seen.default).toBe('2023-08-12');
    expect(await seen.today).toBe('Nothing is left to book today: the service closes at 22:00');

    const quiet = scripted({});
    const t = await testDeps({ tty: true, prompter: quiet.prompter });
    await book(t.store, 'meeting-room', '2023-08-13', '08:00', '22:00');
    const e = await rejection(createRun({ service: 'meeting-room', applicant: 'petrov', date: '2023-08-13' }, t.deps));
    expect(e).toMatchObject({ exitCode: 6, code: 'CAPACITY_EXCEEDED' });
    expect(quiet.calls).toEqual([]);
  });

  it('the tariff is asked with what the stay costs under each; the cheapest is suggested', async () => {
    const seen: Record<string, unknown> = {};
    const { prompter, calls } = scripted({
      select: [
        (o) => {
          seen.long = o.choices.map((c) => c.name);
          seen.longDefault = o.default;
          return o.default;
        },
        (o) => {
          seen.shortDefault = o.default;
          return o.default;
        },
      ],
    });
    const t = await testDeps({ tty: true, prompter });
    await withHotDesk(t.store);
    const flags = { service: 'hot-desk', applicant: 'petrov', date: '2023-08-12' };
    await createRun({ ...flags, from: '10:00', to: '20:00' }, t.deps);
    expect(calls).toEqual(['select']);
    expect(seen.long).toEqual(['«Час» 150 ₽ an hour: 1,500 ₽ for this stay (10 hours)', '«День» 900 ₽ a day: 900 ₽ for this stay']);
    expect(seen.longDefault).toBe('День');
    expect((await t.store.order(Number(t.out())))?.lines[0]).toMatchObject({ tariff: 'День', amount: 90000 });

    await createRun({ ...flags, from: '10:00', to: '12:00' }, t.deps);
    expect(seen.shortDefault).toBe('Час');
    // --tariff given: nothing asked.
    await createRun({ ...flags, from: '12:00', to: '13:00', tariff: 'День' }, t.deps);
    expect(calls).toEqual(['select', 'select']);
  });

  it('a guest is asked the online prepayment, with its minimum', async () => {
    const seen: Record<string, unknown> = {};
    const { prompter, calls } = scripted({
      input: [
        (o) => {
          seen.message = o.message;
          seen.default = o.default;
          seen.checks = ['59.99', '60', '200', '200.01', 'abc'].map((v) => o.validate!(v));
          return '100';
        },
      ],
    });
    const t = await testDeps({ tty: true, prompter, as: 'ivanova' });
    await createRun({ service: 'coworking-2', date: '2023-08-12', from: '10:00', to: '12:00' }, t.deps);
    expect(calls).toEqual(['input']);
    expect(seen).toMatchObject({ message: 'Online payment, ₽', default: '60.00' });
    expect(seen.checks).toEqual([
      'Allowed: 60 ₽ to 200 ₽',
      true,
      true,
      'Allowed: 60 ₽ to 200 ₽',
      'Type an amount of rubles: 150, 150.50 or 150,50',
    ]);
    expect(t.err()).toContain('To book, pay at least 60 ₽ online now (30 % of 200 ₽); the rest may be paid later.');
    const o = await t.store.order(Number(t.out()));
    expect(o).toMatchObject({ applicant: { login: 'ivanova' }, total: 20000, paid: 10000, status: 'partially_paid' });
    expect((await t.store.payments(o!.number))[0]).toMatchObject({ amount: 10000, source: 'gateway', method: 'card' });
  });

  it('a guest booking a service without partial payment pays it all; staff are never asked', async () => {
    const seen: Record<string, unknown> = {};
    const guest = scripted({
      input: [
        (o) => {
          seen.checks = [o.validate!('1000'), o.validate!('2000')];
          return '2000';
        },
      ],
    });
    const t = await testDeps({ tty: true, prompter: guest.prompter, as: 'ivanova' });
    await createRun({ service: 'meeting-room', date: '2023-08-12', from: '10:00', to: '12:00' }, t.deps);
    expect(seen.checks).toEqual(['Allowed: exactly 2,000 ₽', true]);
    expect(t.err()).toContain('To book, pay 2,000 ₽ online now: this service takes no partial payment.');
    expect(await t.store.order(Number(t.out()))).toMatchObject({ status: 'confirmed', paid: 200000 });

    const staff = scripted({});
    const m = await testDeps({ tty: true, prompter: staff.prompter });
    await createRun({ service: 'coworking-2', applicant: 'ivanova', date: '2023-08-12', from: '10:00', to: '12:00' }, m.deps);
    expect(staff.calls).toEqual([]);
  });
});

describe('orders assign on a terminal: the executors the order may have', () => {
  it('offers the responsible rental managers and admins (the operator first), and none; the current one chosen', async () => {
    const seen: Record<string, unknown> = {};
    const { prompter } = scripted({
      select: [
        (o) => {
          seen.values = o.choices.map((c) => c.value);
          seen.names = o.choices.map((c) => c.name);
          seen.default = o.default;
          return 'manager';
        },
      ],
    });
    const t = await testDeps({ tty: true, prompter });
    await assignRun({ number: 1006315 }, t.deps);
    expect(seen.values).toEqual(['manager', 'admin', 'manager2', '']);
    expect(seen.names).toEqual(['Ольга Смирнова (manager)', 'Анна Белова (admin)', 'Дмитрий Козлов (manager2) (current)', 'No executor']);
    expect(seen.default).toBe('manager2');
    expect((await t.store.order(1006315))?.assignee?.login).toBe('manager');
  });

  it('a manager not responsible for the service is not offered; «none» unassigns', async () => {
    const seen: Record<string, unknown> = {};
    const { prompter } = scripted({
      select: [
        (o) => {
          seen.values = o.choices.map((c) => c.value);
          return '';
        },
      ],
    });
    const t = await testDeps({ tty: true, prompter, lang: 'ru' });
    await assignRun({ number: 1006314, login: 'manager' }, t.deps);
    await assignRun({ number: 1006314 }, t.deps);
    expect(seen.values).toEqual(['manager', 'admin', '']);
    expect((await t.store.order(1006314))?.assignee).toBeNull();
    expect(t.err()).toContain('исполнитель не назначен');
  });

  it('a cancelled order is refused before the prompt; off a terminal a missing LOGIN is a usage error naming it', async () => {
    const { prompter, calls } = scripted({});
    const t = await testDeps({ tty: true, prompter });
    expect(await rejection(assignRun({ number: 1006312 }, t.deps))).toMatchObject({ exitCode: 6 });
    expect(calls).toEqual([]);
    const off = await testDeps({ tty: false });
    const e = await rejection(assignRun({ number: 1006314 }, off.deps));
    expect(e).toBeInstanceOf(UsageError);
    expect(english(e)).toContain('login');
  });
});

describe('the order picker: a number, a name or phone digits', () => {
  it('orders show without a number: the search finds by name, phone and number; the picked order is shown', async () => {
    const seen: Record<string, unknown> = {};
    const { prompter } = scripted({
      search: [
        async (o) => {
          seen.first = await offered(o, '');
          seen.name = await offered(o, 'трошков');
          seen.ioName = await offered(o, 'Алексей Трошков');
          seen.phone = await offered(o, '254-54');
          seen.number = await offered(o, '1006314');
          seen.ticket = await offered(o, '209');
          seen.nothing = await offered(o, 'zzz');
          seen.label = (await o.source('1006313'))[0]?.name;
          seen.details = (await o.source('1006313'))[0]?.description;
          seen.due = (await o.source('1006314'))[0]?.description;
          return 1006313;
        },
      ],
    });
    const t = await testDeps({ tty: true, prompter });
    await showRun({}, t.deps);
    // Newest first, as `orders list`.
    expect(seen.first).toEqual([1006315, 1006314, 1006313, 1006317, 1006316, 1006312]);
    expect(seen).toMatchObject({
      name: [1006313, 1006317],
      ioName: [1006313, 1006317],
      phone: [1006313, 1006317],
      number: [1006314],
      ticket: [1006315],
      nothing: [],
    });
    expect(seen.label).toBe('1006313 · Алексей Трошков · 11.08.2023 16:00–20:00 · Confirmed');
    expect(seen.details).toBe('Коворкинг на 2 этаже · Алексей Трошков +7 (342) 254-54-54');
    expect(seen.due).toBe('Коворкинг на 2 этаже · Мария Иванова +7 (912) 000-00-02 · 700 ₽ left to pay');
    expect(t.out()).toContain('1006313');
  });

  it('each command picks among the orders it can act on; a guest among their own', async () => {
    const sources: Record<string, unknown[]> = {};
    const pick = (key: string, number: number) => async (o: SearchOpts) => {
      sources[key] = await offered(o, '');
      return number;
    };
    const { prompter } = scripted({
      search: [pick('record', 1006314), pick('refund', 1006316), pick('cancel', 1006315)],
      input: [() => '100', () => '100'],
      select: [() => 'cash', () => 'cash'],
      confirm: [() => false],
    });
    const t = await testDeps({ tty: true, prompter });
    await recordRun({}, t.deps);
    await refundRun({}, t.deps);
    await rejection(cancelRun({}, t.deps));
    expect(sources.record).toEqual([1006315, 1006314, 1006317]);
    expect(sources.refund).toEqual([1006316, 1006312]);
    expect(sources.cancel).toEqual([1006315, 1006314, 1006313, 1006317]);

    const guest = scripted({ search: [pick('guest', 1006314)] });
    const g = await testDeps({ tty: true, prompter: guest.prompter, as: 'ivanova' });
    await showRun({}, g.deps);
    expect(sources.guest).toEqual([1006314, 1006312]);
  });

  it('off a terminal a missing order number is a usage error (2) naming it', async () => {
    const t = await testDeps({ tty: false });
    for (const [run, name] of [
      [() => showRun({}, t.deps), 'number'],
      [() => cancelRun({ yes: true }, t.deps), 'number'],
      [() => recordRun({ amount: '100' }, t.deps), 'order'],
      [() => refundRun({ amount: '100' }, t.deps), 'order'],
    ] as const) {
      const e = await rejection(run());
      expect(e).toBeInstanceOf(UsageError);
      expect((e as UsageError).exitCode).toBe(2);
      expect(english(e)).toContain(name);
    }
  });
});
