/**
 * The catalogs are made in parts: lazy() makes a catalog on first use, sections() each of its
 * sections on first read. What a reader sees must not depend on what was read before.
 */
import { describe, expect, it } from 'vitest';
import { en } from '../../src/ui/messages/en.js';
import { lazy, sections } from '../../src/ui/messages/lazy.js';
import { ru } from '../../src/ui/messages/ru.js';

/** Every key path of a value, with the type of what is at its end. */
function shape(v: unknown, path = ''): string[] {
  if (v === null || typeof v !== 'object') return [`${path}: ${typeof v}`];
  return Object.keys(v)
    .sort()
    .flatMap((k) => shape((v as Record<string, unknown>)[k], `${path}.${k}`));
}

describe('sections()', () => {
  it('makes a getter’s part on its first read only, once, and keeps it', () => {
    const made: string[] = [];
    const s = sections({
      plain: 1,
      get words() {
        made.push('words');
        return { a: 'A' };
      },
      get help() {
        made.push('help');
        return { b: 'B' };
      },
    });
    expect(made).toEqual([]);
    expect(s.words.a).toBe('A');
    expect(s.words).toBe(s.words);
    expect(made).toEqual(['words']);
    expect(Object.getOwnPropertyDescriptor(s, 'words')).toMatchObject({ value: { a: 'A' }, enumerable: true });
    expect('get' in Object.getOwnPropertyDescriptor(s, 'help')!).toBe(true);
    expect(made).toEqual(['words']);
  });

  it('lists every part, made or not, and reads the same through lazy()', () => {
    const s = lazy(() =>
      sections({
        plain: 1,
        get later() {
          return 2;
        },
      }),
    );
    expect(Object.keys(s)).toEqual(['plain', 'later']);
    expect('later' in s).toBe(true);
    expect({ ...s }).toEqual({ plain: 1, later: 2 });
  });
});

describe('the catalogs', () => {
  it('have the same keys, with values of the same kinds, in English and Russian', () => {
    expect(shape(ru)).toEqual(shape(en));
  });

  it('read their parts as values, nested parts too', () => {
    expect(en.help.orders.show.description).toMatch(/^show an order/);
    expect(ru.errors.notConfirmed()).toBe('не подтверждено: ничего не изменено');
    expect(Object.keys(en.help)).toEqual(expect.arrayContaining(['globals', 'orders', 'examples']));
  });
});
