import { describe, expect, it } from 'vitest';
import { EMPTY_FILTER_FORM, fromFilter, toFilter } from './filter-form';

describe('the filter bar text', () => {
  it('turns captured local days into instants (the whole last day included) and back', () => {
    const form = { ...EMPTY_FILTER_FORM, capturedFrom: '2026-12-01', capturedTo: '2026-12-06', hasWarnings: 'yes', duplicate: 'no' } as const;
    const { filter, problems } = toFilter(form, false);
    expect(problems).toEqual({});
    expect(filter.capturedFrom).toBe(new Date(2026, 11, 1).toISOString());
    expect(filter.capturedBefore).toBe(new Date(2026, 11, 7).toISOString());
    expect(filter).toMatchObject({ hasWarnings: 'yes', duplicate: 'no' });
    expect(fromFilter(filter)).toEqual(form);
  });

  it('ignores a day that does not exist and says so', () => {
    const { filter, problems } = toFilter({ ...EMPTY_FILTER_FORM, capturedTo: '2026-02-30', dateFrom: '2026-13-01' }, false);
    expect(problems).toEqual({ capturedTo: 'badDate', dateFrom: 'badDate' });
    expect(filter).toEqual({});
  });
});
