/**
 * Under --lang ru every class of error, the notices and the prompts are Russian: one case per
 * class, through main() in process (the exit code and stderr as a script sees them). And no
 * command chooses its words by language itself: they all come from the catalogs.
 */
import { PassThrough } from 'node:stream';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { createDeps, type IO } from '../../src/deps.js';
import { cancelRun } from '../../src/commands/orders/cancel.js';
import { recordRun } from '../../src/commands/pay/record.js';
import { CancelledError, InterruptedError, StoreError } from '../../src/core/errors.js';
import { catalog, errorText } from '../../src/ui/i18n.js';
import type { Prompter } from '../../src/ui/prompt.js';
import { demoStore } from '../helpers/deps.js';

const NOW = '2023-08-11T13:40:00+05:00';
const CYRILLIC = /[а-яё]/i;

function fakeIo(tty = false) {
  let out = '';
  let err = '';
  const io: IO = {
    stdout: { write: (s: string) => ((out += s), true) },
    stderr: { write: (s: string) => ((err += s), true) },
    stdin: new PassThrough(),
    stdinIsTTY: tty,
    stdoutIsTTY: tty,
    stderrIsTTY: tty,
  };
  const home = mkdtempSync(join(tmpdir(), 'cowork-lang-'));
  const env = { HOME: home, XDG_CONFIG_HOME: join(home, 'config'), XDG_DATA_HOME: join(home, 'data'), COWORK_NOW: NOW, LANG: 'C' };
  return { io, env, out: () => out, err: () => err };
}

/** Runs argv in Russian over a demo store of its own; returns the exit code and the streams. */
async function ru(argv: string[], opts: { input?: string } = {}) {
  const store = await demoStore();
  const f = fakeIo();
  if (opts.input !== undefined) (f.io.stdin as PassThrough).end(opts.input);
  const args = argv.includes('--as') ? argv : [...argv, '--as', 'manager'];
  const code = await main(['--lang', 'ru', ...args], { io: f.io, env: f.env, store });
  return { code, out: f.out(), err: f.err() };
}

describe('every class of error is Russian under --lang ru', () => {
  it.each([
    ['usage: a malformed amount', ['pay', 'record', '1006314', '--amount', '10.005'], 2, /не сумма в рублях/],
    ['usage: an unknown flag (commander)', ['pay', 'record', '1006314', '--amunt', '1'], 2, /неизвестный флаг «--amunt»/],
    ['usage: an unknown command (commander)', ['ordrs'], 2, /неизвестная команда «ordrs»/],
    ['usage: a bad choice (commander)', ['pay', 'record', '1006314', '--amount', '1', '--method', 'bitcoin'], 2, /«bitcoin» — не одно из/],
    ['usage: a missing argument (commander)', ['orders', 'show'], 2, /не хватает аргумента/],
    ['usage: a value missing where no prompt is allowed', ['pay', 'record', '1006314'], 2, /нужен --amount/],
    [
      'not allowed: a guest on their own order',
      ['pay', 'record', '1006314', '--amount', '1', '--as', 'ivanova'],
      4,
      /гостю локации это недоступно/,
    ],
    ['not allowed: an unknown operator', ['orders', 'list', '--as', 'ghost'], 4, /неизвестный оператор «ghost»/],
    ['not found', ['orders', 'show', '1999999'], 5, /заказ 1999999 не найден/],
    ['a rule', ['pay', 'record', '1006314', '--amount', '650.01'], 6, /остаток к оплате составит 49,99 ₽/],
    ['differences', ['pay', 'reconcile', '-'], 8, /расхождений/],
  ])('%s', async (_what, argv, exit, words) => {
    const input = argv.includes('-')
      ? 'external_id,order_number,amount,paid_at,method\ngw-x,1006314,1.00,2023-08-11T13:00:00+05:00,card\n'
      : undefined;
    const r = await ru(argv, input === undefined ? {} : { input });
    expect(r.code).toBe(exit);
    expect(r.err).toMatch(words);
  });

  it('a conflict', async () => {
    const store = await demoStore();
    const run = async (amount: string) => {
      const f = fakeIo();
      const kept = Object.create(store, { close: { value: async () => {} } });
      const code = await main(
        ['--lang', 'ru', 'pay', 'record', '1006314', '--amount', amount, '--idempotency-key', 'k', '--as', 'manager'],
        { io: f.io, env: f.env, store: kept },
      );
      return { code, err: f.err() };
    };
    expect((await run('100')).code).toBe(0);
    const r = await run('200');
    expect(r.code).toBe(7);
    expect(r.err).toMatch(/ключ «k» уже использован/);
  });

  it('cancelled, interrupted and the database: their words in Russian', () => {
    const t = catalog('ru');
    expect(errorText(new CancelledError('notConfirmed'), t)).toBe('не подтверждено: ничего не изменено');
    expect(errorText(new InterruptedError('interrupted'), t)).toBe('прервано');
    for (const key of ['databaseBusy', 'databaseFull', 'databaseReadOnly', 'databaseCorrupt', 'databaseUnreachable'] as const) {
      expect(errorText(new StoreError(key), t)).toMatch(CYRILLIC);
    }
  });

  it('a JSON error keeps its code and says it in Russian', async () => {
    const r = await ru(['orders', 'show', '1999999', '--json']);
    expect(r.code).toBe(5);
    expect(JSON.parse(r.err)).toEqual({ error: { code: 'NOT_FOUND', message: 'заказ 1999999 не найден' } });
  });

  it('JSON mode comes from the parsed options, never from a value that happens to say --json', async () => {
    const r = await ru(['msg', 'post', '1999999', '--text', 'see --format json and --json']);
    expect(r.code).toBe(5);
    expect(r.err).toBe('cowork: заказ 1999999 не найден\n');
  });
});

describe('notices and prompts are Russian under --lang ru', () => {
  it('a desk payment: the id on stdout, the sentence on stderr', async () => {
    const r = await ru(['pay', 'record', '1006314', '--amount', '650', '--method', 'cash']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^\d+\n$/);
    expect(r.err).toMatch(/Заказ 1006314: проведена оплата 650 ₽ \(Наличные\)/);
  });

  it('the amount prompt says the allowed range in Russian money, and checks each answer', async () => {
    const store = await demoStore();
    const f = fakeIo(true);
    const asked: string[] = [];
    const prompter: Prompter = {
      input: async (o) => {
        asked.push(o.message, o.default ?? '', String(await o.validate?.('650,01')), String(await o.validate?.('abc')));
        return '650';
      },
      select: async <T>(o: { default?: T }) => o.default as T,
      confirm: async () => true,
      editor: async () => '',
      search: async () => {
        throw new Error('not scripted');
      },
    };
    const deps = createDeps({ io: f.io, env: f.env, now: () => new Date(NOW), store, prompter });
    deps.setGlobals({ as: 'manager', lang: 'ru' });
    await recordRun({ number: 1006314 }, deps);
    expect(f.err()).toMatch(/Заказ 1006314: к оплате 700 ₽\. Проведите от 0,01 ₽ до 650 ₽ или ровно 700 ₽/);
    expect(asked).toEqual([
      'Сумма, ₽',
      '700,00',
      'Допустимо: проведите от 0,01 ₽ до 650 ₽ или ровно 700 ₽',
      'Введите сумму в рублях: 150, 150.50 или 150,50',
    ]);
  });

  it('a declined cancel is exit 3 with Russian words, and the question is Russian', async () => {
    const store = await demoStore();
    const f = fakeIo(true);
    let question = '';
    const prompter: Prompter = {
      input: async () => '',
      select: async <T>(o: { default?: T }) => o.default as T,
      confirm: async (o) => ((question = o.message), false),
      editor: async () => '',
      search: async () => {
        throw new Error('not scripted');
      },
    };
    const deps = createDeps({ io: f.io, env: f.env, now: () => new Date(NOW), store, prompter });
    deps.setGlobals({ as: 'manager', lang: 'ru' });
    const e = await cancelRun({ number: 1006314 }, deps).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(CancelledError);
    expect(question).toBe('Отменить заказ 1006314 (Коворкинг на 2 этаже)? К возврату будет 300 ₽.');
    expect((await store.order(1006314))?.status).toBe('partially_paid');
  });

  it('help is Russian: descriptions and commander headings', async () => {
    const r = await ru(['pay', 'record', '--help']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Использование:/);
    expect(r.out).toMatch(/провести оплату гостя/);
    expect(r.out).toMatch(/Общие флаги:/);
  });
});

describe('no command chooses its words by language', () => {
  it('src/commands never compares the language or picks a word by ternary', () => {
    const root = join(import.meta.dirname, '../../src/commands');
    const files = (function walk(d: string): string[] {
      return readdirSync(d).flatMap((f) => (statSync(join(d, f)).isDirectory() ? walk(join(d, f)) : [join(d, f)]));
    })(root);
    const offenders = files.filter((f) => /lang\(\)\s*===|\bru\s*\?|=== 'ru'|=== "ru"/.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
