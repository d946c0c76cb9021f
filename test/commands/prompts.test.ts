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

/**
 * A Prompter that answers from scripts, one handler per expected call, in order; any call beyond the
 * script fails the test. Records every call.
 */
function scripted(script: {
  input?: Array<(o: InputOpts) => string>;
  select?: Array<(o: SelectOpts) => unknown>;
  confirm?: Array<(o: ConfirmOpts) => boolean>;
  editor?: Array<(o: EditorOpts) => string>;
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
    const seen: Record<string, true | string> = {};
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
    const seen: Record<string, true | string> = {};
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
