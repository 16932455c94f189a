import { describe, expect, it } from 'vitest';
import type { InvoiceFilter } from '../search/invoice-filter';
import { filterFromParams, filterParams } from './filter-params';

// Every condition set: a condition added to InvoiceFilter makes this literal fail to compile until it is here,
// and then the round trip below fails until filter-params.ts knows it.
const EVERY: Required<InvoiceFilter> = {
  dateFrom: '2026-11-01', dateTo: '2026-11-30', seller: '青岛 & 海尔', buyer: '91110108', number: '2637',
  totalMin: 10_000, totalMax: 2_000_000, statuses: ['entered', 'verified'], kinds: ['vat_special'], hasAttachment: 'yes',
  capturedFrom: '2026-11-01T00:00:00.000Z', capturedBefore: '2026-12-01T00:00:00.000Z', hasWarnings: 'no', duplicate: 'yes',
  deleted: true,
};

describe('filter query', () => {
  it('round-trips a filter with every condition', () => {
    const params = filterParams(EVERY);
    expect(Object.values(params).every((v) => typeof v === 'string')).toBe(true);
    expect(filterFromParams(params)).toEqual({ ok: true, filter: EVERY });
  });

  it('writes readable parameters and leaves empty conditions out', () => {
    expect(filterParams({ dateFrom: '2026-11-01', statuses: ['entered', 'verified'], seller: '', kinds: [], deleted: false }))
      .toEqual({ dateFrom: '2026-11-01', statuses: 'entered,verified' });
    expect(filterParams({})).toEqual({});
    expect(filterFromParams({})).toEqual({ ok: true, filter: {} });
  });

  it('refuses unknown conditions and malformed values instead of printing another list', () => {
    expect(filterFromParams({ colour: 'red' })).toEqual({ ok: false, error: { kind: 'badFilter', keys: ['colour'] } });
    expect(filterFromParams({ statuses: 'entered,paid' })).toMatchObject({ ok: false, error: { keys: ['statuses'] } });
    expect(filterFromParams({ totalMin: '12.50' })).toMatchObject({ ok: false, error: { keys: ['totalMin'] } });
    expect(filterFromParams({ dateFrom: '2026-11-31x' })).toMatchObject({ ok: false, error: { keys: ['dateFrom'] } });
  });
});
