/*
 * Comparing a payment's counterparty with thousands of sellers, thousands of times: each seller's bigrams are
 * computed once, and an inverted index from bigram to the names holding it counts shared bigrams in one pass over
 * the payment's bigrams, so only names that could reach the threshold (or contain one another) are looked at.
 * Similarity values are exactly those of coreSimilarity.
 */
import { bigrams, containmentSimilarity } from './names';

interface Grams {
  readonly grams: ReadonlyMap<string, number>;
  readonly size: number;
}

function gramsOf(core: string): Grams {
  const grams = bigrams(core);
  let size = 0;
  for (const n of grams.values()) size += n;
  return { grams, size };
}

/** A name core prepared for comparison against the index. */
export interface NameQuery extends Grams {
  readonly core: string;
}

/** Prepares a name core for NameIndex lookups. */
export function nameQuery(core: string): NameQuery {
  return { core, ...gramsOf(core) };
}

/** Name cores indexed by their bigrams. */
export class NameIndex {
  private readonly cores: string[] = [];
  private readonly prepared = new Map<string, Grams>();
  /** Bigram → [core index, count, core index, count, …]. */
  private readonly postings = new Map<string, number[]>();
  private shared = new Int32Array(0);

  constructor(cores: Iterable<string>) {
    for (const core of cores) {
      if (core === '' || this.prepared.has(core)) continue;
      const g = gramsOf(core);
      const index = this.cores.length;
      this.cores.push(core);
      this.prepared.set(core, g);
      for (const [gram, count] of g.grams) {
        const list = this.postings.get(gram);
        if (list) list.push(index, count);
        else this.postings.set(gram, [index, count]);
      }
    }
    this.shared = new Int32Array(this.cores.length);
  }

  /** Similarity of a query to any core (coreSimilarity), reusing the index's bigrams when it holds the core. */
  similarity(q: NameQuery, other: string): number {
    if (q.core === '' || other === '') return 0;
    if (q.core === other) return 1;
    const contained = containmentSimilarity(q.core, other);
    if (contained !== null) return contained;
    const o = this.prepared.get(other) ?? gramsOf(other);
    let shared = 0;
    for (const [g, n] of q.grams) shared += Math.min(n, o.grams.get(g) ?? 0);
    return q.size + o.size === 0 ? 0 : (0.9 * 2 * shared) / (q.size + o.size);
  }

  /** Indexed cores at least `threshold` similar to the query, most similar first (ties by name), at most `limit`. */
  similar(q: NameQuery, threshold: number, limit: number): [string, number][] {
    if (q.core === '') return [];
    const touched: number[] = [];
    for (const [g, count] of q.grams) {
      const list = this.postings.get(g);
      if (!list) continue;
      for (let i = 0; i < list.length; i += 2) {
        const index = list[i] ?? 0;
        if (this.shared[index] === 0) touched.push(index);
        this.shared[index] = (this.shared[index] ?? 0) + Math.min(count, list[i + 1] ?? 0);
      }
    }
    const out: [string, number][] = [];
    for (const index of touched) {
      const n = this.shared[index] ?? 0;
      this.shared[index] = 0;
      const other = this.cores[index] ?? '';
      const otherSize = this.prepared.get(other)?.size ?? 0;
      // Below the threshold on bigrams, a name can still score high by containing the other: then every
      // bigram of the shorter one is shared.
      if ((0.9 * 2 * n) / (q.size + otherSize) < threshold && n < Math.min(q.size, otherSize)) continue;
      const s = this.similarity(q, other);
      if (s >= threshold) out.push([other, s]);
    }
    return out.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, limit);
  }
}
