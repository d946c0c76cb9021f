import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normalizePhone } from '../../src/core/phone.js';

describe('normalizePhone', () => {
  it.each([
    ['+7 (342) 254-54-54', '+73422545454'],
    ['8 342 254 54 54', '+73422545454'],
    ['+73422545454', '+73422545454'],
    ['83422545454', '+73422545454'],
    ['8(342)254.54.54', '+73422545454'],
    ['  +7 342 254 54 54  ', '+73422545454'],
    ['+7\t342\n2545454', '+73422545454'],
    ['+1234567890', '+1234567890'],
    ['+123456789012345', '+123456789012345'],
    ['+49 (30) 1234-5678', '+493012345678'],
  ])('reads %j as %s', (text, phone) => {
    expect(normalizePhone(text)).toBe(phone);
  });

  it.each([
    '',
    'abc',
    '3422545454',
    '73422545454',
    '8342254545',
    '834225454545',
    '+123456789',
    '+1234567890123456',
    '++73422545454',
    '+7342254545a',
    'x83422545454',
    '83422545454x',
    '+73422545454x',
    'x+73422545454',
    '8 342 254 54 54 ext',
    '+7/342/2545454',
    '8_3422545454',
  ])('refuses %j', (text) => {
    expect(normalizePhone(text)).toBeNull();
  });

  it('a normalized phone is a fixed point', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('0', '1', '7', '8', '9', ' ', '-', '(', ')', '+', '.'), maxLength: 24 }), (text) => {
        const phone = normalizePhone(text);
        if (phone !== null) {
          expect(phone).toMatch(/^\+\d{10,15}$/);
          expect(normalizePhone(phone)).toBe(phone);
        }
      }),
    );
  });
});
