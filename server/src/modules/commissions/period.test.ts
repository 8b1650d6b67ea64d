import { describe, expect, it } from 'vitest';
import { periodOf } from './period';

describe('tier periods in the organisation’s time zone', () => {
  it('starts a Vietnamese month at local midnight (17:00 UTC the day before)', () => {
    const period = periodOf(new Date('2026-11-30T18:30:00Z'), 'month', 'Asia/Ho_Chi_Minh');
    // 01:30 on 1 December in Hà Nội
    expect(period).toEqual({
      start: new Date('2026-11-30T17:00:00Z'),
      end: new Date('2026-12-31T17:00:00Z'),
      label: '2026-12',
    });
  });

  it('rolls quarters over the year', () => {
    expect(periodOf(new Date('2026-11-15T00:00:00Z'), 'quarter', 'Asia/Bangkok')).toEqual({
      start: new Date('2026-09-30T17:00:00Z'),
      end: new Date('2026-12-31T17:00:00Z'),
      label: '2026-Q4',
    });
  });
});
