import { describe, expect, it } from 'vitest';
import { normalisePhone } from './phone';

describe('normalisePhone', () => {
  it.each([
    ['0901234567', '+84901234567'],
    ['090 123 4567', '+84901234567'],
    ['+84 90 123 4567', '+84901234567'],
    ['0084901234567', '+84901234567'],
    ['84901234567', '+84901234567'],
    ['+66 81 234 5678', '+66812345678'],
    ['0066812345678', '+66812345678'],
  ])('reads %s as %s', (input, expected) => {
    expect(normalisePhone(input)).toBe(expected);
  });

  it('reads a local number in the country of the organisation (081… is valid in both)', () => {
    expect(normalisePhone('0812345678', 'VN')).toBe('+84812345678');
    expect(normalisePhone('081-234-5678', 'TH')).toBe('+66812345678');
  });

  it.each(['12345', 'abc', '+1 202 555 0143', ''])('refuses %s', (input) => {
    expect(normalisePhone(input)).toBeUndefined();
  });
});
