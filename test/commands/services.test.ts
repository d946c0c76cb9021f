/**
 * `services list|show|create|set` in process: argv through main() over a demo store. Every refusal
 * leaves every table as it was (rule 8); a manager knows only the services they are responsible
 * for (8a).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { expectFailure, expectOk, expectRefused, inProcess, type InProcess, type J } from '../helpers/main.js';
import { argv } from '../helpers/argv.js';

describe('services list and show', () => {
  let cli: InProcess;
  beforeAll(async () => {
    cli = await inProcess();
  });

  it('services list --json', async () => {
    const list = await cli.json(['services', 'list']);
    expect(list.map((s: J) => s.slug)).toEqual(['coworking-2', 'meeting-room']);
    expect(list[0]).toMatchObject({ capacity: 20, partialPayment: true, minPrepaymentPercent: 30, currency: 'RUB', managers: ['manager'] });
    expect(list[0].tariffs).toEqual([{ name: 'Стандарт', unit: 'hour', price: 10000 }]);
    expect(list[1]).toMatchObject({ capacity: 1, partialPayment: false, tariffs: [{ price: 100000 }], managers: ['manager', 'manager2'] });
  });

  it('a guest and an admin list every service', async () => {
    for (const as of ['troshkov', 'admin'])
      expect((await cli.json(['--as', as, 'services', 'list'])).map((s: J) => s.slug)).toEqual(['coworking-2', 'meeting-room']);
  });

  it('another manager’s service is never listed (--all is accepted and lists the same), nor shown (8a)', async () => {
    expect((await cli.json(['--as', 'manager2', 'services', 'list'])).map((s: J) => s.slug)).toEqual(['meeting-room']);
    expect((await cli.json(['--as', 'manager2', 'services', 'list', '--all'])).map((s: J) => s.slug)).toEqual(['meeting-room']);
    const hidden = expectFailure(await cli.run(['--as', 'manager2', 'services', 'show', 'coworking-2']), 5);
    expect(hidden.stderr).toBe('cowork: service "coworking-2" not found\n');
    const unknown = expectFailure(await cli.run(['services', 'show', 'sauna']), 5);
    expect(unknown.stderr).toBe('cowork: service "sauna" not found\n');
  });

  it('services show coworking-2', async () => {
    const r = expectOk(await cli.run(['services', 'show', 'coworking-2']));
    for (const s of [
      'Коворкинг на 2 этаже (coworking-2)',
      'Asia/Yekaterinburg',
      '20 seats',
      '08:00–22:00',
      '«Стандарт» 100 ₽ an hour',
      '30 %',
      '50 ₽',
    ]) {
      expect(r.stdout).toContain(s);
    }
    expect(r.stdout).not.toContain('\u001b');
  });
});

describe('services create and set', () => {
  let cli: InProcess;
  beforeAll(async () => {
    cli = await inProcess();
  });
  const service = (slug: string): Promise<J> => cli.json(['services', 'show', slug, '--as', 'admin']);
  const order = (n: number): Promise<J> => cli.json(['orders', 'show', String(n), '--as', 'admin']);

  it('a manager may not create a service → 4', async () => {
    const r = await expectRefused(
      cli,
      ['services', 'create', '--slug', 'hall', '--name', 'Зал', '--capacity', '30', '--tariff', 'Стандарт:hour:150'],
      4,
    );
    expect(r.stderr).toBe('cowork: only an admin may create services\n');
    expectFailure(await cli.run(['services', 'show', 'hall', '--as', 'admin']), 5);
  });

  it('an admin creates one; the tariff price is in kopecks', async () => {
    const r = expectOk(await cli.run(argv('services create --slug hall --name Зал --capacity 30 --tariff Стандарт:hour:150 --as admin')));
    expect(r.stdout).toBe('hall\n');
    expect(r.stderr).toBe('Service created: Зал (hall).\n');
    const s = await service('hall');
    expect(s).toMatchObject({ slug: 'hall', name: 'Зал', capacity: 30, currency: 'RUB' });
    expect(s.tariffs).toEqual([{ name: 'Стандарт', unit: 'hour', price: 15000 }]);
  });

  it('creating it again → 6', async () => {
    await expectRefused(
      cli,
      ['services', 'create', '--slug', 'hall', '--name', 'Зал 2', '--capacity', '3', '--tariff', 'Стандарт:hour:1', '--as', 'admin'],
      6,
      {
        mentions: 'a service "hall" exists already',
      },
    );
    expect((await service('hall')).name).toBe('Зал');
  });

  it('malformed flags → 2: a slug, a tariff, no tariff, a capacity', async () => {
    const base = ['services', 'create', '--name', 'X', '--as', 'admin'];
    await expectRefused(cli, [...base, '--slug', 'Bad Slug', '--capacity', '1', '--tariff', 'T:hour:1'], 2, { mentions: '--slug' });
    await expectRefused(cli, [...base, '--slug', 'x', '--capacity', '1', '--tariff', 'T:week:1'], 2, { mentions: '--tariff' });
    await expectRefused(cli, [...base, '--slug', 'x', '--capacity', '1'], 2, { mentions: '--tariff is required at least once' });
    await expectRefused(cli, [...base, '--slug', 'x', '--capacity', '0', '--tariff', 'T:hour:1'], 2, { mentions: '--capacity' });
  });

  it('set --capacity 5 keeps every other setting', async () => {
    const before = await service('coworking-2');
    const r = expectOk(await cli.run(['services', 'set', 'coworking-2', '--capacity', '5', '--as', 'admin']));
    expect(r.stdout).toBe('coworking-2\n');
    expect(r.stderr).toBe('Service changed: Коворкинг на 2 этаже (coworking-2).\n');
    expect(await service('coworking-2')).toEqual({ ...before, capacity: 5 });
  });

  it('set on meeting-room keeps both managers and no partial payment', async () => {
    const before = await service('meeting-room');
    expectOk(await cli.run(['services', 'set', 'meeting-room', '--capacity', '2', '--as', 'admin']));
    expect(await service('meeting-room')).toEqual({ ...before, capacity: 2 });
  });

  it('new tariffs price new bookings only: existing orders keep their lines and totals', async () => {
    const demo = [1006312, 1006313, 1006314, 1006315];
    const before = await Promise.all(demo.map(order));
    const listBefore = await cli.json(['orders', 'list', '--as', 'admin']);
    expectOk(await cli.run(['services', 'set', 'coworking-2', '--tariff', 'Почасовой:hour:150', 'День:day:1000', '--as', 'admin']));
    expect(await Promise.all(demo.map(order))).toEqual(before);
    expect(await cli.json(['orders', 'list', '--as', 'admin'])).toEqual(listBefore);
    expect((await service('coworking-2')).tariffs).toEqual([
      { name: 'Почасовой', unit: 'hour', price: 15000 },
      { name: 'День', unit: 'day', price: 100000 },
    ]);
    const hourly = await cli.json(
      argv('orders create --service coworking-2 --applicant troshkov --date 2023-08-12 --from 10:00 --to 12:30'),
    );
    expect(hourly).toMatchObject({ total: 45000, lines: [{ tariff: 'Почасовой', quantity: 3, unitPrice: 15000, amount: 45000 }] });
    const daily = await cli.json(
      argv('orders create --service coworking-2 --applicant troshkov --date 2023-08-12 --from 10:00 --to 12:30 --tariff День'),
    );
    expect(daily).toMatchObject({ total: 100000, lines: [{ tariff: 'День', quantity: 1, unitPrice: 100000 }] });
    // The demo order still takes its remainder at its own price.
    expectOk(await cli.run(['pay', 'record', '1006314', '--amount', '700']));
    expect(await order(1006314)).toMatchObject({ status: 'confirmed', total: 100000 });
  });

  it('a responsible manager who is not a rental manager → 6 (MANAGER_NOT_ELIGIBLE), nothing written', async () => {
    const args = argv('services create --slug lounge --name Лаунж --capacity 3 --tariff Стандарт:hour:100 --as admin --json');
    await expectRefused(cli, [...args, '--manager', 'troshkov'], 6, { mentions: '"code":"MANAGER_NOT_ELIGIBLE"' });
    expectFailure(await cli.run(['services', 'show', 'lounge', '--as', 'admin']), 5);
    await expectRefused(cli, ['services', 'set', 'coworking-2', '--add-manager', 'admin', '--as', 'admin'], 6, {
      mentions: 'only rental managers are responsible for a service',
    });
    expect((await service('coworking-2')).managers).toEqual(['manager']);
  });

  it('a manager may not change a service → 4', async () => {
    await expectRefused(cli, ['services', 'set', 'coworking-2', '--capacity', '7'], 4, { mentions: 'only an admin may change services' });
    expect((await service('coworking-2')).capacity).toBe(5);
  });

  it('an unknown service → 5', async () => {
    await expectRefused(cli, ['services', 'set', 'rooftop', '--capacity', '7', '--as', 'admin'], 5, {
      mentions: 'service "rooftop" not found',
    });
  });

  it('a free service: a booking with a total of 0 is confirmed at once (rule 2), and takes no payment', async () => {
    expectOk(
      await cli.run(argv('services create --slug free --name Бесплатно --capacity 2 --tariff Free:hour:0 --manager manager --as admin')),
    );
    const o = await cli.json(argv('orders create --service free --applicant troshkov --date 2023-08-12 --from 10:00 --to 11:00'));
    expect(o).toMatchObject({ status: 'confirmed', total: 0, paid: 0, remaining: 0 });
    await expectRefused(cli, ['pay', 'record', String(o.number), '--amount', '1'], 6);
  });
});
