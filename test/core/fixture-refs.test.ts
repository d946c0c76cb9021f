/** src/core/fixture-refs.ts: the references of a fixture, checked before anything is written. */
import { describe, expect, it } from 'vitest';
import { parseFixture, type Fixture, type FixtureInput } from '../../src/core/fixture.js';
import { checkReferences, FixtureError, fixtureExternalId } from '../../src/core/fixture-refs.js';
import { UsageError } from '../../src/core/errors.js';
import { demoFixture } from '../../src/commands/seed/demo.js';

const none = { locations: new Set<string>(), users: new Set<string>(), services: new Map<string, { tariffs: string[] }>() };
const demo = (): FixtureInput => structuredClone(demoFixture);

function parsed(data: unknown): Fixture {
  const r = parseFixture(data);
  if (!('fixture' in r)) throw new Error(`expected a fixture: ${JSON.stringify(r.problems)}`);
  return r.fixture;
}

describe('checkReferences: details', () => {
  it('two locations with their own keys are no duplicate', () => {
    const d = demo();
    d.locations!.push({ ...d.locations![0]!, key: 'kazan', name: 'Казань' });
    expect(checkReferences(parsed(d), none)).toEqual([]);
  });

  it('two services, users, orders with their own keys are no duplicates', () => {
    const d = demo();
    d.users!.push({ ...d.users![0]!, login: 'admin2' });
    d.services!.push({ ...d.services![1]!, slug: 'meeting-room-2' });
    d.orders!.push({ ...structuredClone(d.orders![1]!), number: 1999999, ticket: { ...d.orders![1]!.ticket, number: 999 }, payments: [] });
    expect(checkReferences(parsed(d), none)).toEqual([]);
  });

  it('payments without an external id never clash with each other', () => {
    const d = demo();
    for (const o of d.orders!) for (const p of o.payments ?? []) delete p.externalId;
    const f = parsed(d);
    expect(f.orders.flatMap((o) => o.payments).length).toBeGreaterThan(1);
    expect(checkReferences(f, none)).toEqual([]);
  });

  it('a reused external id is named, where it is used the second time', () => {
    const d = demo();
    const first = d.orders!.flatMap((o) => o.payments ?? []).find((p) => p.externalId)!.externalId!;
    d.orders![2]!.payments![0]!.externalId = first;
    expect(checkReferences(parsed(d), none)).toEqual([
      { path: 'orders[2].payments[0].externalId', issue: { kind: 'duplicateExternalId', id: first } },
    ]);
  });

  it('an unknown recorder is an unknown user; a desk payment without one is recordedByMissing', () => {
    const d = demo();
    d.orders![1]!.payments![0]!.recordedBy = 'ghost';
    d.orders![2]!.payments![0]!.source = 'manager';
    d.orders![2]!.payments![0]!.recordedBy = null;
    expect(checkReferences(parsed(d), none)).toEqual([
      { path: 'orders[1].payments[0].recordedBy', issue: { kind: 'unknown', what: 'user', value: 'ghost' } },
      { path: 'orders[2].payments[0].recordedBy', issue: { kind: 'recordedByMissing' } },
    ]);
  });

  it('a gateway payment needs no recorder; a desk payment with one is fine', () => {
    const d = demo();
    for (const o of d.orders!) for (const p of o.payments ?? []) if (p.source !== 'manager') p.recordedBy = null;
    d.orders![2]!.payments![0]!.source = 'manager';
    d.orders![2]!.payments![0]!.recordedBy = 'manager';
    expect(checkReferences(parsed(d), none)).toEqual([]);
  });

  it('a period of no length ends before it starts', () => {
    const d = demo();
    d.orders![1]!.ticket.end = d.orders![1]!.ticket.start;
    expect(checkReferences(parsed(d), none)).toEqual([{ path: 'orders[1].ticket.end', issue: { kind: 'periodEnds' } }]);
  });
});

describe('fixtureExternalId', () => {
  it('a payment keeps its own external id', () => {
    expect(fixtureExternalId(1006313, { externalId: 'gw-1' }, 0)).toBe('gw-1');
  });

  it('one without is keyed by its order and its place, counted from 1', () => {
    expect(fixtureExternalId(1006313, {}, 0)).toBe('fixture-1006313-1');
    expect(fixtureExternalId(1006313, { externalId: undefined }, 2)).toBe('fixture-1006313-3');
  });
});

describe('FixtureError', () => {
  it('is a usage error that lists every problem of the file', () => {
    const problems = [
      { path: 'orders[0].service', issue: { kind: 'unknown' as const, what: 'service' as const, value: 'sauna' } },
      { path: 'orders[1].ticket.end', issue: { kind: 'periodEnds' as const } },
    ];
    const e = new FixtureError('f.json', problems);
    expect(e).toBeInstanceOf(UsageError);
    expect(e.exitCode).toBe(2);
    expect(e.problems).toEqual(problems);
    expect(e.said).toEqual({ key: 'fixtureProblems', args: [{ file: 'f.json', problems }] });
  });
});
