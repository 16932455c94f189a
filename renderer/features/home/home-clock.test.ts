import { describe, expect, it } from 'vitest';
import { homeClock, localMonthOf } from './home-clock';

describe('homeClock', () => {
  it('starts today at local midnight and the week on Monday', () => {
    const sunday = new Date(2026, 11, 6, 15, 30); // Sunday 6 December 2026
    const c = homeClock(sunday);
    expect(c.todayStart).toBe(new Date(2026, 11, 6).getTime());
    expect(c.weekStart).toBe(new Date(2026, 10, 30).getTime());
    expect(homeClock(new Date(2026, 10, 30, 8)).weekStart).toBe(new Date(2026, 10, 30).getTime());
    expect(c.months.at(-1)).toBe('2026-12');
    expect(c.months).toHaveLength(12);
  });

  it('reads the local month of a stored instant', () => {
    expect(localMonthOf(new Date(2026, 0, 1, 0, 30).toISOString())).toBe('2026-01');
    expect(localMonthOf('not a time')).toBe('');
  });
});
