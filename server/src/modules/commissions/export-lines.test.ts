import { describe, expect, it } from 'vitest';
import { percentOfPpm } from './export-lines';

describe('percentOfPpm', () => {
  it('writes millionths as a plain percent, every digit kept, no float', () => {
    expect(percentOfPpm('100000')).toBe('10');
    expect(percentOfPpm('125000')).toBe('12.5');
    expect(percentOfPpm('22950')).toBe('2.295');
    expect(percentOfPpm('1')).toBe('0.0001');
    expect(percentOfPpm('0')).toBe('0');
    expect(percentOfPpm('-50000')).toBe('-5');
    expect(percentOfPpm(null)).toBeNull();
  });
});
