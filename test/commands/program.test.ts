/**
 * argv → options → store, in process: the commander tree of src/cli.ts over an in-memory store
 * holding the demo. What a flag means must reach the store unchanged; what commander refuses must
 * never reach it, and main() maps it to exit 2.
 */
import { PassThrough } from 'node:stream';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CommanderError } from 'commander';
import { UsageError } from '../../src/core/errors.js';
import { english } from '../helpers/words.js';
import { describe, expect, it } from 'vitest';
import { buildProgram, main } from '../../src/cli.js';
import type { IO } from '../../src/deps.js';
import { demoStore, testDeps } from '../helpers/deps.js';

const NOW = '2023-08-11T13:40:00+05:00';

/** Runs argv through buildProgram over the demo; `--as manager` unless argv names an operator. */
async function parse(argv: string[]) {
  const t = await testDeps();
  const args = argv.includes('--as') ? argv : [...argv, '--as', 'manager'];
  await (await buildProgram(t.deps)).parseAsync(args, { from: 'user' });
  return t;
}

async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected a rejection');
}

/** A fake io like test/helpers/deps.ts, and an environment that never reaches the real home. */
function fakeIo() {
  let out = '';
  let err = '';
  const io: IO = {
    stdout: { write: (s: string) => ((out += s), true) },
    stderr: { write: (s: string) => ((err += s), true) },
    stdin: new PassThrough(),
    stdinIsTTY: false,
    stdoutIsTTY: false,
    stderrIsTTY: false,
  };
  const home = mkdtempSync(join(tmpdir(), 'cowork-cmd-'));
  const env = {
    HOME: home,
    XDG_CONFIG_HOME: join(home, 'config'),
    XDG_DATA_HOME: join(home, 'data'),
    COWORK_DB: join(home, 'never.db'),
    COWORK_NOW: NOW,
    LANG: 'C',
  };
  return { io, env, out: () => out, err: () => err };
}

describe('argv reaches the store as the flags say', () => {
  it('pay record 1006314 --amount 150,50 --method card --idempotency-key k → a payment of 15050 card, desk key k', async () => {
    const t = await parse(['pay', 'record', '1006314', '--amount', '150,50', '--method', 'card', '--idempotency-key', 'k']);
    const ps = await t.store.payments(1006314);
    expect(ps).toHaveLength(2);
    expect(ps.at(-1)).toMatchObject({
      orderNumber: 1006314,
      amount: 15050,
      method: 'card',
      source: 'manager',
      externalId: null,
      idempotencyKey: 'k',
    });
    expect(ps.at(-1)!.recordedBy?.login).toBe('manager');
    const o = await t.store.order(1006314);
    expect(o).toMatchObject({ paid: 45050, status: 'partially_paid' });
    expect(await t.store.paymentByExternalId('k')).toBeNull();
    // A write prints the id of what it made on stdout, and its sentence on stderr.
    expect(t.out()).toBe(`${ps.at(-1)!.id}\n`);
    expect(t.err()).toContain('Order 1006314: payment of 150.50 ₽ (bank card) recorded.');
  });

  it('without --method the desk payment is cash', async () => {
    const t = await parse(['pay', 'record', '1006314', '--amount', '150']);
    expect((await t.store.payments(1006314)).at(-1)).toMatchObject({ amount: 15000, method: 'cash', externalId: null });
  });

  it('--json prints {payment, replayed, order}', async () => {
    const t = await parse(['pay', 'record', '1006314', '--amount', '700', '--json']);
    const out = JSON.parse(t.out());
    expect(out).toMatchObject({ replayed: false, payment: { amount: 70000 }, order: { status: 'confirmed', remaining: 0 } });
  });

  it('orders cancel 1006314 --reason r -y → cancelled with reason r', async () => {
    const t = await parse(['-y', 'orders', 'cancel', '1006314', '--reason', 'r']);
    const o = await t.store.order(1006314);
    expect(o?.status).toBe('cancelled');
    expect(o?.cancelReason).toBe('r');
    expect(o?.ticket?.status).toBe('cancelled');
  });

  it('orders cancel 1006314 --yes (after the verb) works as well', async () => {
    const t = await parse(['orders', 'cancel', '1006314', '--yes']);
    expect((await t.store.order(1006314))?.status).toBe('cancelled');
  });

  it('msg post 1006314 --text … --internal → an internal message with that text', async () => {
    const t = await parse(['msg', 'post', '1006314', '--text', 'Заметка\nв две строки', '--internal']);
    const m = (await t.store.messages(1006314)).at(-1);
    expect(m).toMatchObject({ visibility: 'internal', text: 'Заметка\nв две строки' });
    expect(m?.author?.login).toBe('manager');
  });

  it('orders assign 1006314 manager, then none', async () => {
    const t = await parse(['orders', 'assign', '1006314', 'manager']);
    expect((await t.store.order(1006314))?.assignee?.login).toBe('manager');
    await (await buildProgram(t.deps)).parseAsync(['orders', 'assign', '1006314', 'none', '--as', 'manager'], { from: 'user' });
    expect((await t.store.order(1006314))?.assignee).toBeNull();
  });

  it('orders create with every flag → the order, its line and its ticket', async () => {
    const t = await parse([
      'orders',
      'create',
      '--service',
      'coworking-2',
      '--applicant',
      'petrov',
      '--date',
      '2023-08-12',
      '--from',
      '10:00',
      '--to',
      '12:30',
      '--visitor-name',
      'Сергей Петров',
      '--visitor-phone',
      '8 912 000-00-04',
    ]);
    expect(t.out()).toBe('1006318\n');
    const o = await t.store.order(1006318);
    expect(o).toMatchObject({ status: 'awaiting_payment', total: 30000, paid: 0, dueDate: '2023-08-12' });
    expect(o?.applicant.login).toBe('petrov');
    expect(o?.ticket?.visitor).toEqual({ name: 'Сергей Петров', phone: '+79120000004' });
    expect(o?.ticket?.start).toBe('2023-08-12T05:00:00.000Z');
    expect(o?.ticket?.end).toBe('2023-08-12T07:30:00.000Z');
  });
});

describe('commander refuses malformed argv before anything is written', () => {
  it('--method bitcoin: parseAsync rejects with a CommanderError, no payment', async () => {
    const t = await testDeps();
    const e = await rejection(
      (await buildProgram(t.deps)).parseAsync(['pay', 'record', '1006314', '--amount', '100', '--method', 'bitcoin', '--as', 'manager'], {
        from: 'user',
      }),
    );
    expect(e).toBeInstanceOf(CommanderError);
    expect((e as CommanderError).message).toContain('bitcoin');
    expect(await t.store.payments(1006314)).toHaveLength(1);
  });

  it('orders show abc: parseAsync rejects with a usage error naming the argument', async () => {
    const t = await testDeps();
    const e = await rejection((await buildProgram(t.deps)).parseAsync(['orders', 'show', 'abc', '--as', 'manager'], { from: 'user' }));
    expect(e).toBeInstanceOf(UsageError);
    expect(english(e)).toBe('the order number must be a positive whole number, not "abc"');
    expect(t.out()).toBe('');
  });

  it('an unknown flag and an unknown command are CommanderErrors too', async () => {
    const t = await testDeps();
    expect(
      await rejection((await buildProgram(t.deps)).parseAsync(['pay', 'record', '1006314', '--amunt', '1'], { from: 'user' })),
    ).toBeInstanceOf(CommanderError);
    expect(await rejection((await buildProgram(t.deps)).parseAsync(['orders', 'delete', '1006314'], { from: 'user' }))).toBeInstanceOf(
      CommanderError,
    );
  });
});

describe('main() maps errors to exit codes', () => {
  it('--method bitcoin → 2, a message on stderr, nothing on stdout', async () => {
    const f = fakeIo();
    const code = await main(['pay', 'record', '1006314', '--amount', '100', '--method', 'bitcoin', '--as', 'manager'], {
      io: f.io,
      env: f.env,
    });
    expect(code).toBe(2);
    expect(f.out()).toBe('');
    expect(f.err()).toContain('bitcoin');
  });

  it('orders show abc → 2', async () => {
    const f = fakeIo();
    expect(await main(['orders', 'show', 'abc', '--as', 'manager'], { io: f.io, env: f.env })).toBe(2);
    expect(f.out()).toBe('');
    expect(f.err()).not.toBe('');
  });

  it('orders show abc --json → 2 with {"error":{"code":"USAGE",…}} on stderr', async () => {
    const f = fakeIo();
    expect(await main(['orders', 'show', 'abc', '--json', '--as', 'manager'], { io: f.io, env: f.env })).toBe(2);
    expect(JSON.parse(f.err().trim()).error.code).toBe('USAGE');
  });

  it('a malformed --amount → 2; the floor → 6; a good amount → 0 (over the demo store)', async () => {
    const store = await demoStore();
    const run = async (argv: string[]) => {
      const f = fakeIo();
      // main() closes the store it is given when it ends: hand it a wrapper that keeps ours open.
      const kept = Object.create(store, { close: { value: async () => {} } });
      const args = argv.includes('--as') ? argv : [...argv, '--as', 'manager'];
      return { code: await main(args, { io: f.io, env: f.env, store: kept }), ...f };
    };
    const malformed = await run(['pay', 'record', '1006314', '--amount', '10.005']);
    expect(malformed.code).toBe(2);
    expect(malformed.err()).toContain('--amount');
    expect((await run(['pay', 'record', '1006314', '--amount', '650.01'])).code).toBe(6);
    expect((await run(['pay', 'record', '1006312', '--amount', '1'])).code).toBe(6);
    expect((await run(['pay', 'record', '1999999', '--amount', '1'])).code).toBe(5);
    expect((await run(['pay', 'record', '1006314', '--amount', '1', '--as', 'ivanova'])).code).toBe(4);
    expect(await store.payments(1006314)).toHaveLength(1);
    const ok = await run(['pay', 'record', '1006314', '--amount', '650']);
    expect(ok.code).toBe(0);
    expect((await store.order(1006314))?.paid).toBe(95000);
    await store.close();
  });
});
