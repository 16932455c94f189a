import { describe, expect, it } from 'vitest';
import { addMonths, isMonth, monthPeriod } from '../domain/month';
import { defaultMonth } from './period';

describe('month-end period', () => {
  it('defaults to this month from the 25th on, otherwise to the previous one (across a new year too)', () => {
    expect(defaultMonth('2026-03-25')).toBe('2026-03');
    expect(defaultMonth('2026-03-31')).toBe('2026-03');
    expect(defaultMonth('2026-03-24')).toBe('2026-02');
    expect(defaultMonth('2026-01-05')).toBe('2025-12');
  });

  it('covers the whole month, leap February included', () => {
    expect(monthPeriod('2026-02')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(monthPeriod('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(monthPeriod('2026-12')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
  });

  it('steps months and recognises YYYY-MM only', () => {
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(addMonths('2026-05', -13)).toBe('2025-04');
    expect(isMonth('2026-03')).toBe(true);
    for (const bad of ['2026-13', '2026-3', '2026-03-01', '']) expect(isMonth(bad)).toBe(false);
  });
});
