import { describe, expect, it } from 'vitest';
import { chosenPeriod, ledgerWindow, monthPeriod } from './reconcile-store';

describe('periods', () => {
  it('turns a month into its first and last day, leap years included', () => {
    expect(monthPeriod('2026-11')).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(monthPeriod('2024-02')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(monthPeriod('2026-13x')).toBeNull();
  });

  it('takes the month or a from/to range, refusing a reversed or partial range', () => {
    expect(chosenPeriod({ periodMode: 'month', month: '2026-01', from: '', to: '' })).toEqual({ from: '2026-01-01', to: '2026-01-31' });
    expect(chosenPeriod({ periodMode: 'range', month: '', from: '2026-01-05', to: '2026-02-10' })).toEqual({ from: '2026-01-05', to: '2026-02-10' });
    expect(chosenPeriod({ periodMode: 'range', month: '', from: '2026-02-10', to: '2026-01-05' })).toBeNull();
    expect(chosenPeriod({ periodMode: 'range', month: '', from: '2026-02-10', to: '' })).toBeNull();
  });

  it('reads the ledger three whole months on each side of the period, across year ends', () => {
    expect(ledgerWindow({ from: '2026-11-01', to: '2026-11-30' })).toEqual({ from: '2026-08-01', to: '2027-02-28' });
    expect(ledgerWindow({ from: '2026-01-15', to: '2026-02-03' })).toEqual({ from: '2025-10-01', to: '2026-05-31' });
  });
});
