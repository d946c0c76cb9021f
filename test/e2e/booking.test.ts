/** Bookings: for guests only, and capacity counted at the busiest moment of the period. */
import { describe, expect, it } from 'vitest';
import { sandbox } from '../helpers/cli.js';

describe('orders create', () => {
  const sb = sandbox({ seedDemo: true });
  const create = (from: string, to: string, extra: string[] = []) =>
    sb.run(['orders', 'create', '--service', 'duo', '--applicant', 'troshkov', '--date', '2023-08-20', '--from', from, '--to', to, ...extra]);

  it('a service of 2 seats takes 10–12 beside 10–11 and 11–12, then refuses a third at 10:30', () => {
    expect(sb.run(['--as', 'admin', 'services', 'create', '--slug', 'duo', '--name', 'Duo', '--capacity', '2', '--tariff', 'Hour:hour:100', '--manager', 'manager']).code).toBe(0);
    expect(create('10:00', '11:00').code).toBe(0);
    expect(create('11:00', '12:00').code).toBe(0);
    // At no moment of 10–12 are both seats taken: one is always free.
    expect(create('10:00', '12:00').code).toBe(0);
    const r = create('10:30', '11:30');
    expect(r.code).toBe(6);
    expect(r.stderr).toMatch(/duo has 2 seats, and at the busiest moment of the period 2 are booked/);
    expect(r.stdout).toBe('');
  });

  it('is for a guest: a rental manager as the applicant is refused (6) and nothing is written', () => {
    const before = sb.run(['--as', 'admin', 'orders', 'list', '--json']).stdout;
    const r = sb.run(['orders', 'create', '--service', 'coworking-2', '--applicant', 'manager2', '--date', '2023-08-20', '--from', '10:00', '--to', '11:00', '--json']);
    expect(r.code).toBe(6);
    expect(JSON.parse(r.stderr).error.code).toBe('APPLICANT_NOT_GUEST');
    expect(sb.run(['--as', 'admin', 'orders', 'list', '--json']).stdout).toBe(before);
  });

  it('an unknown tariff is not found (5)', () => {
    expect(create('13:00', '14:00', ['--tariff', 'Nope']).code).toBe(5);
  });

  it('off a terminal, a manager is told every missing flag at once, --applicant included', () => {
    const r = sb.run(['orders', 'create', '--service', 'coworking-2']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--applicant, --date, --from, and --to are required/);
  });
});
