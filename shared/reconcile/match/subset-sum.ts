/*
 * Which of a seller's open invoices add up to one payment? Subset-sum is exponential in general, so the search is
 * bounded three ways: at most MAX_ITEMS invoices (the caller passes the ones dated closest to the payment first),
 * at most MAX_PARTS invoices per answer, and a node budget. Items are tried largest first, and a branch is cut as
 * soon as it overshoots or the items left cannot reach the target. Exact integer fen, so "equal" means equal.
 */

/** Limits of the search; the defaults keep one call well under a millisecond. */
export interface SubsetLimits {
  readonly maxItems: number;
  readonly maxParts: number;
  readonly maxNodes: number;
  readonly maxAnswers: number;
}

export const SUBSET_LIMITS: SubsetLimits = { maxItems: 20, maxParts: 8, maxNodes: 20_000, maxAnswers: 3 };

/**
 * Index sets (into `amounts`) of at least two positive amounts that sum exactly to `target`, at most
 * `maxAnswers` of them, found in a deterministic order; only the first `maxItems` amounts are considered.
 */
export function subsetsSumming(amounts: readonly number[], target: number, limits: SubsetLimits = SUBSET_LIMITS): number[][] {
  const items = amounts
    .slice(0, limits.maxItems)
    .map((value, index) => ({ value, index }))
    .filter((it) => it.value > 0 && it.value <= target)
    .sort((a, b) => b.value - a.value || a.index - b.index);
  const suffix = new Array<number>(items.length + 1).fill(0);
  for (let i = items.length - 1; i >= 0; i--) suffix[i] = (suffix[i + 1] ?? 0) + (items[i]?.value ?? 0);
  const answers: number[][] = [];
  const chosen: number[] = [];
  let nodes = 0;

  const search = (start: number, remaining: number): void => {
    if (answers.length >= limits.maxAnswers || nodes >= limits.maxNodes) return;
    nodes++;
    if (remaining === 0) {
      if (chosen.length >= 2) answers.push(chosen.map((i) => items[i]?.index ?? -1).sort((a, b) => a - b));
      return;
    }
    if (chosen.length >= limits.maxParts || (suffix[start] ?? 0) < remaining) return;
    for (let i = start; i < items.length; i++) {
      const v = items[i]?.value ?? 0;
      if (v > remaining) continue;
      // Equal amounts next to each other give the same sums: try only the first of a run at each depth.
      if (i > start && items[i - 1]?.value === v) continue;
      chosen.push(i);
      search(i + 1, remaining - v);
      chosen.pop();
      if (answers.length >= limits.maxAnswers || nodes >= limits.maxNodes) return;
    }
  };
  search(0, target);
  return answers;
}
