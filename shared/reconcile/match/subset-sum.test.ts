import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { subsetsSumming, SUBSET_LIMITS } from './subset-sum';

describe('subsetsSumming', () => {
  it('finds the invoices that add up to a payment', () => {
    expect(subsetsSumming([500, 300, 200, 1000], 800)).toEqual([[0, 1]]);
    expect(subsetsSumming([100, 250, 400, 999], 750)).toEqual([[0, 1, 2]]);
  });

  it('never answers with a single item (an exact single amount is found elsewhere) or with nothing', () => {
    expect(subsetsSumming([800, 1], 800)).toEqual([]);
    expect(subsetsSumming([], 800)).toEqual([]);
    expect(subsetsSumming([100, 200], 301)).toEqual([]);
  });

  it('gives at most three answers and ignores items past the limit', () => {
    expect(subsetsSumming([1, 2, 3, 4, 5, 6, 7, 8, 9], 10).length).toBe(3);
    const many = [...Array.from({ length: SUBSET_LIMITS.maxItems }, () => 7), 5, 5];
    expect(subsetsSumming(many, 10)).toEqual([]);
  });

  it('stops within its node budget on a hard instance', () => {
    const amounts = Array.from({ length: 40 }, (_, i) => 1000 + i * 2);
    const t0 = performance.now();
    subsetsSumming(amounts, 999_999);
    expect(performance.now() - t0).toBeLessThan(1000);
  });

  it('only ever answers with distinct indexes whose amounts sum to the target', () => {
    fc.assert(fc.property(
      fc.array(fc.integer({ min: 1, max: 50_000 }), { maxLength: 25 }),
      fc.integer({ min: 1, max: 200_000 }),
      (amounts, target) => {
        for (const answer of subsetsSumming(amounts, target)) {
          expect(new Set(answer).size).toBe(answer.length);
          expect(answer.length).toBeGreaterThanOrEqual(2);
          expect(answer.every((i) => i < SUBSET_LIMITS.maxItems)).toBe(true);
          expect(answer.reduce((s, i) => s + (amounts[i] ?? 0), 0)).toBe(target);
        }
      },
    ));
  });

  it('finds a planted sum of up to eight small invoices', () => {
    fc.assert(fc.property(
      fc.array(fc.integer({ min: 1, max: 100_000 }), { minLength: 2, maxLength: 8 }),
      fc.array(fc.integer({ min: 1, max: 100_000 }), { maxLength: 8 }),
      (planted, noise) => {
        const target = planted.reduce((a, b) => a + b, 0);
        expect(subsetsSumming([...noise, ...planted], target).length).toBeGreaterThan(0);
      },
    ), { numRuns: 300 });
  });
});
