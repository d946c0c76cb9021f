/**
 * The feed, tickets, services, users, the operator, the database and help under --lang ru: what a
 * person reads (notices, prompts, views, errors, help) is in Russian. In-process: each command's run
 * function with test deps.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { CoworkError } from '../../src/core/errors.js';
import { catalog, say } from '../../src/ui/i18n.js';
import type { Prompter } from '../../src/ui/prompt.js';
import * as msgPost from '../../src/commands/msg/post.js';
import { msgListRun } from '../../src/commands/msg/list.js';
import { showRun as ticketShowRun } from '../../src/commands/tickets/show.js';
import { checkInRun } from '../../src/commands/tickets/check-in.js';
import { listRun as servicesListRun } from '../../src/commands/services/list.js';
import { showRun as serviceShowRun } from '../../src/commands/services/show.js';
import { createRun } from '../../src/commands/services/create.js';
import { setRun } from '../../src/commands/services/set.js';
import { listRun as usersListRun } from '../../src/commands/users/list.js';
import { addRun } from '../../src/commands/users/add.js';
import { whoamiRun } from '../../src/commands/whoami.js';
import { loginRun } from '../../src/commands/login.js';
import { statusRun } from '../../src/commands/db/status.js';
import { migrateRun } from '../../src/commands/db/migrate.js';
import * as help from '../../src/commands/help.js';
import { testDeps } from '../helpers/deps.js';

const ru = catalog('ru');

/** What the error says in Russian, as `main()` prints it. */
async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (e instanceof CoworkError) return say(ru, e.said);
    throw e;
  }
  throw new Error('expected a refusal');
}

const ruDeps = (o: Parameters<typeof testDeps>[0] = {}) => testDeps({ lang: 'ru', ...o });

describe('msg', () => {
  it('post: the id on stdout, the notice in Russian on stderr', async () => {
    const t = await ruDeps();
    await msgPost.postRun({ number: 1006314, text: 'Ждём вас' }, t.deps);
    expect(t.out()).toMatch(/^\d+\n$/);
    expect(t.err()).toBe('Публичное сообщение добавлено к заказу 1006314.\n');
  });

  it("post: the prompts are the source screen's words", async () => {
    const asked: string[] = [];
    const prompter = {
      select: (o: { message: string; choices: { name: string; value: unknown }[] }) => {
        asked.push(o.message, ...o.choices.map((c) => c.name));
        return Promise.resolve('internal');
      },
      input: (o: { message: string; validate?: (v: string) => true | string }) => {
        asked.push(o.message, String(o.validate?.(' ')));
        return Promise.resolve('для своих');
      },
    } as unknown as Prompter;
    const t = await ruDeps({ tty: true, prompter });
    await msgPost.postRun({ number: 1006314 }, t.deps);
    expect(asked).toEqual([
      'Кто увидит сообщение?',
      'Публичное: его увидит гость',
      'Внутреннее: ответственные менеджеры по аренде и администраторы',
      'Написать сообщение...',
      'Сообщение пустое',
    ]);
    expect(t.err()).toContain('Внутреннее сообщение добавлено к заказу 1006314.');
  });

  it('post: the refusals in Russian', async () => {
    const t = await ruDeps();
    expect(await refusal(msgPost.postRun({ number: 1006314, text: 'я'.repeat(4001) }, t.deps))).toBe(
      '--text: в сообщении 4\u00a0001 символ, а допустимо не более 4\u00a0000',
    );
    expect(await refusal(msgPost.postRun({ number: 1006314 }, t.deps))).toContain('нужен --text');
    const guest = await ruDeps({ as: 'ivanova' });
    expect(await refusal(msgPost.postRun({ number: 1006314, text: 'x', internal: true }, guest.deps))).toBe(
      'внутренние сообщения пишут менеджеры по аренде, ответственные за услугу, и администраторы',
    );
  });

  it("post's help is in Russian", async () => {
    const t = await ruDeps();
    const parent = new Command('msg');
    msgPost.register(parent, t.deps);
    const post = parent.commands[0]!;
    expect(post.description()).toContain('написать сообщение в ленту заказа');
    expect(post.options.find((o) => o.long === '--text')?.description).toContain('не более 4\u00a0000 символов');
  });

  it('list: the feed in Russian; an unknown order in Russian', async () => {
    const t = await ruDeps();
    await msgListRun({ number: 1006313 }, t.deps);
    expect(t.out()).toContain('Система: Поступила оплата через платёжный шлюз.');
    expect(await refusal(msgListRun({ number: 1999999 }, t.deps))).toBe('заказ 1999999 не найден');
  });
});

describe('tickets', () => {
  it("show: the ticket's view in the source screen's words", async () => {
    const t = await ruDeps();
    await ticketShowRun({ number: 207 }, t.deps);
    expect(t.out()).toContain('← Билет 207\nАктивен\n');
    expect(t.out()).toContain('Посетитель: Алексей Трошков');
    expect(t.out()).toContain('Период аренды: 11 августа 2023 г., с 16:00 до 20:00');
    expect(t.out()).toContain('Заказ: 1006313 (Подтвержден, остаток к оплате 0 ₽)');
  });

  it('check-in: the ticket number on stdout, the notice in Russian; a refusal in Russian', async () => {
    const t = await ruDeps();
    await checkInRun({ number: 207 }, t.deps);
    expect(t.out()).toBe('207\n');
    expect(t.err()).toBe('Билет 207: посещение отмечено (Алексей Трошков).\n');
    expect(await refusal(checkInRun({ number: 207 }, t.deps))).toBe('билет 207: посещение отмечено, отметить посещение нельзя');
  });
});

describe('services', () => {
  it('list: the table headers in Russian', async () => {
    // A terminal wide enough for every column (on a narrow one some go: test/commands/tables.test.ts).
    const t = await ruDeps({ tty: true, env: { COLUMNS: '200' } });
    await servicesListRun({}, t.deps);
    for (const h of ['Название', 'Вместимость', 'Часы работы', 'Тарифы', 'Частичная оплата', 'Ответственные менеджеры'])
      expect(t.out()).toContain(h);
    expect(t.out()).toContain('«Стандарт» 100 ₽ в час');
  });

  it('show: the view in Russian', async () => {
    const t = await ruDeps();
    await serviceShowRun({ slug: 'coworking-2' }, t.deps);
    expect(t.out()).toContain('Вместимость: 20 мест');
    expect(t.out()).toContain('Частичная оплата: разрешена, предоплата 30 %');
    expect(await refusal(serviceShowRun({ slug: 'sauna' }, t.deps))).toBe('услуга «sauna» не найдена');
  });

  it('create: the slug on stdout, the notice in Russian; a slug that exists in Russian', async () => {
    const t = await ruDeps({ as: 'admin' });
    await createRun({ slug: 'hall', name: 'Зал', capacity: 30, tariff: ['Стандарт:hour:150'] }, t.deps);
    expect(t.out()).toBe('hall\n');
    expect(t.err()).toBe('Услуга создана: Зал (hall).\n');
    expect(await refusal(createRun({ slug: 'hall', name: 'Зал', capacity: 3, tariff: ['Стандарт:hour:1'] }, t.deps))).toBe(
      'услуга «hall» уже есть: изменить её можно командой cowork services set',
    );
  });

  it('set: the notice in Russian; a guest as a manager refused in Russian', async () => {
    const t = await ruDeps({ as: 'admin' });
    await setRun('meeting-room', { capacity: 2 }, t.deps);
    expect(t.err()).toBe('Услуга изменена: Переговорная (meeting-room).\n');
    expect(await refusal(setRun('meeting-room', { addManager: ['troshkov'] }, t.deps))).toBe(
      'troshkov — гость локации: ответственными за услугу бывают только менеджеры по аренде',
    );
  });
});

describe('users', () => {
  it('list: the table headers and roles in Russian; a guest refused in Russian', async () => {
    const t = await ruDeps({ tty: true });
    await usersListRun({}, t.deps);
    for (const h of ['Логин', 'Имя', 'Роль', 'Телефон', 'Менеджер по аренде', 'Гость локации']) expect(t.out()).toContain(h);
    const guest = await ruDeps({ as: 'troshkov' });
    expect(await refusal(usersListRun({}, guest.deps))).toBe('гостю локации это недоступно');
  });

  it('add: the login on stdout, the notice in Russian; a login in another case refused in Russian', async () => {
    const t = await ruDeps();
    await addRun({ login: 'walkin', name: 'Пётр Гостев', role: 'guest' }, t.deps);
    expect(t.out()).toBe('walkin\n');
    expect(t.err()).toBe('Пользователь добавлен: Пётр Гостев (walkin), гость локации.\n');
    expect(await refusal(addRun({ login: 'WALKIN', name: 'Другой', role: 'guest' }, t.deps))).toBe(
      'пользователь с логином «walkin» уже есть',
    );
  });
});

describe('the operator', () => {
  it('whoami in Russian', async () => {
    const t = await ruDeps();
    await whoamiRun(t.deps);
    expect(t.out()).toContain('manager: Ольга Смирнова, Менеджер по аренде, +7 (342) 200-00-01');
    expect(t.out()).toContain('Услуги: coworking-2, meeting-room');
    expect(t.out()).toContain('База данных: ');
  });

  it('login: the login on stdout, the notice in Russian; an unknown user in Russian', async () => {
    const t = await ruDeps({ env: { XDG_CONFIG_HOME: mkdtempSync(join(tmpdir(), 'cowork-config-')) } });
    await loginRun({ login: 'admin' }, t.deps);
    expect(t.out()).toBe('admin\n');
    expect(t.err()).toBe('Оператор для следующих запусков: admin (Анна Белова).\n');
    expect(t.deps.config.read()).toEqual({ login: 'admin' });
    expect(await refusal(loginRun({ login: 'nobody' }, t.deps))).toBe('пользователь «nobody» не найден');
  });
});

describe('db', () => {
  it('status and migrate in Russian', async () => {
    const t = await ruDeps();
    await statusRun(t.deps);
    expect(t.out()).toMatch(/^База данных: .*\nСхема: \S+, актуальна\n/);
    await migrateRun(t.deps);
    expect(t.err()).toMatch(/^Применять нечего: схема \S+\.\n$/);
  });
});

describe('help', () => {
  it('exit-codes and environment in Russian', async () => {
    const t = await ruDeps();
    help.helpRun(new Command(), ['exit-codes'], t.deps);
    expect(t.out()).toMatch(/^ {2}0 {2}OK +выполнено \(в том числе пустой список\)$/m);
    expect(t.out()).toMatch(/^ {2}6 {2}\(код правила\) +отказ по правилу/m);
    expect(t.out()).toMatch(/^130 {2}INTERRUPTED +прервано \(Ctrl-C\)$/m);
    help.helpRun(new Command(), ['environment'], t.deps);
    expect(t.out()).toMatch(/^COWORK_NOW +время ISO-8601/m);
  });

  it('exit-codes --json: every code of the one table, names stable, meanings in the language', async () => {
    const t = await ruDeps({ json: true });
    help.helpRun(new Command(), ['exit-codes'], t.deps);
    const rows = JSON.parse(t.out()) as { code: number; name: string; meaning: string }[];
    expect(rows.map((r) => r.code)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 130]);
    expect(rows.map((r) => r.name)).toEqual([
      'OK',
      'UNEXPECTED',
      'USAGE',
      'CANCELLED',
      'NOT_ALLOWED',
      'NOT_FOUND',
      '(rule code)',
      'CONFLICT',
      'DIFFERENCES',
      'INTERRUPTED',
    ]);
    expect(rows[5]!.meaning).toBe('не найдено: заказ, билет, оплата, пользователь, услуга или сама база данных');
  });

  it('an unknown topic in Russian', async () => {
    const t = await ruDeps();
    expect(await refusal(Promise.resolve().then(() => help.helpRun(new Command(), ['nosuch'], t.deps)))).toBe(
      'справки по «nosuch» нет: попробуйте cowork help',
    );
  });
});
