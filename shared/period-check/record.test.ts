import { describe, expect, it } from 'vitest';
import { evaluatePeriodCheck } from './evaluate';
import { periodCheckFields } from './record';

const result = evaluatePeriodCheck({
  month: '2026-03', invoices: [], runs: [], findingNotes: new Map(), caseFindingKeys: new Set(), lastChange: null,
  backup: { lastBackupAt: null, lastVerified: null }, audit: null,
});

describe('periodCheckFields', () => {
  it('accepts a saved result as the evaluation makes it', () => {
    const fields = { month: result.month, from: result.period.from, to: result.period.to, items: result.items, pass: result.pass, byName: '王会计', note: '' };
    expect(periodCheckFields.safeParse(fields).success).toBe(true);
  });

  it('refuses a bad month, an unknown item or reason, and a negative count', () => {
    const base = { month: '2026-03', from: '2026-03-01', to: '2026-03-31', items: result.items, pass: false, byName: '', note: '' };
    expect(periodCheckFields.safeParse({ ...base, month: '2026-3' }).success).toBe(false);
    const first = result.items[0];
    if (!first) throw new Error('no item');
    expect(periodCheckFields.safeParse({ ...base, items: [{ ...first, id: 'coffee' }] }).success).toBe(false);
    expect(periodCheckFields.safeParse({ ...base, items: [{ ...first, reason: 'fine' }] }).success).toBe(false);
    expect(periodCheckFields.safeParse({ ...base, items: [{ ...first, count: -1 }] }).success).toBe(false);
  });
});
