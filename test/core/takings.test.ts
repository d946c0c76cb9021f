/** The takings of a period, pure: groups, sums, the drawer and the order of the rows. */
import { describe, expect, it } from 'vitest';
import { count, noSums, takings, type TakingsEntry } from '../../src/core/takings.js';

const e = (x: Partial<TakingsEntry>): TakingsEntry => ({
  kind: 'payment',
  amount: 10000,
  method: 'cash',
  source: 'manager',
  recordedBy: 'manager',
  service: 'coworking-2',
  ...x,
});

const day: TakingsEntry[] = [
  e({ amount: 50000 }),
  e({ kind: 'refund', amount: 15000 }),
  e({ kind: 'reversal', amount: 20000, recordedBy: 'manager2', service: 'meeting-room' }),
  e({ amount: 20000, recordedBy: 'manager2', service: 'meeting-room' }),
  e({ amount: 40000, method: 'card', source: 'gateway', recordedBy: null }),
  e({ amount: 30000, method: 'card', source: 'manager', recordedBy: 'admin', service: 'meeting-room' }),
  e({ kind: 'refund', amount: 5000, method: 'card', source: 'gateway', recordedBy: null }),
];

describe('count', () => {
  it('a payment adds to in and net; a refund to out, a reversal to reversed, both take from net', () => {
    let s = noSums();
    s = count(s, { kind: 'payment', amount: 300 });
    s = count(s, { kind: 'refund', amount: 100 });
    s = count(s, { kind: 'reversal', amount: 50 });
    expect(s).toEqual({ in: 300, out: 100, reversed: 50, net: 150, entries: 3 });
  });
});

describe('takings', () => {
  it('by method: one row per method and source, in a stable order; the totals; the drawer', () => {
    const t = takings(day, 'method');
    expect(t.rows).toEqual([
      { method: 'card', source: 'gateway', manager: null, service: null, in: 40000, out: 5000, reversed: 0, net: 35000, entries: 2 },
      { method: 'card', source: 'manager', manager: null, service: null, in: 30000, out: 0, reversed: 0, net: 30000, entries: 1 },
      { method: 'cash', source: 'manager', manager: null, service: null, in: 70000, out: 15000, reversed: 20000, net: 35000, entries: 4 },
    ]);
    expect(t.totals).toEqual({ in: 140000, out: 20000, reversed: 20000, net: 100000, entries: 7 });
    // Desk cash: 500 + 200 in, 150 out, 200 reversed.
    expect(t.drawer).toBe(50000 + 20000 - 15000 - 20000);
  });

  it('by manager: who recorded it at the desk, the gateway apart', () => {
    expect(takings(day, 'manager').rows.map((r) => [r.source, r.manager, r.net, r.entries])).toEqual([
      ['gateway', null, 35000, 2],
      ['manager', 'admin', 30000, 1],
      ['manager', 'manager', 35000, 2],
      ['manager', 'manager2', 0, 2],
    ]);
  });

  it('by service', () => {
    expect(takings(day, 'service').rows.map((r) => [r.method, r.source, r.manager, r.service, r.in, r.out, r.reversed])).toEqual([
      [null, null, null, 'coworking-2', 90000, 20000, 0],
      [null, null, null, 'meeting-room', 50000, 0, 20000],
    ]);
  });

  it('the drawer counts desk cash only: no card, no gateway', () => {
    expect(takings([e({ method: 'card' }), e({ source: 'gateway', recordedBy: null }), e({ method: 'transfer' })], 'method').drawer).toBe(
      0,
    );
    expect(takings([e({ kind: 'refund', amount: 700 })], 'method').drawer).toBe(-700);
  });

  it('nothing: no rows, zero sums', () => {
    expect(takings([], 'manager')).toEqual({ rows: [], totals: noSums(), drawer: 0 });
  });
});
