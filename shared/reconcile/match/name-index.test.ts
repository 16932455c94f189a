import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NameIndex, nameQuery } from './name-index';
import { coreSimilarity } from './names';

const core = fc.array(fc.constantFrom(...Array.from('北京上海华信瑞丰科技贸易物流ab')), { minLength: 0, maxLength: 8 }).map((a) => a.join(''));

describe('NameIndex', () => {
  it('finds exactly the names a comparison with every name would find, with the same similarity', () => {
    fc.assert(fc.property(fc.array(core, { maxLength: 30 }), core, fc.constantFrom(0.3, 0.5, 0.7), (cores, query, threshold) => {
      const index = new NameIndex(cores);
      const q = nameQuery(query);
      const brute = [...new Set(cores)].filter((c) => c !== '' && query !== '')
        .map((c): [string, number] => [c, coreSimilarity(query, c)]).filter(([, s]) => s >= threshold)
        .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
      const found = index.similar(q, threshold, 1000);
      expect(found.map(([c]) => c)).toEqual(brute.map(([c]) => c));
      found.forEach(([, s], i) => { expect(s).toBeCloseTo(brute[i]?.[1] ?? -1, 10); });
      for (const c of cores) expect(index.similarity(q, c)).toBeCloseTo(coreSimilarity(query, c), 10);
    }), { numRuns: 300 });
  });

  it('keeps at most the limit, best first, and answers repeated queries alike', () => {
    const index = new NameIndex(['上海华信科技', '上海华信', '华信科技', '北京瑞丰']);
    const q = nameQuery('上海华信科技');
    expect(index.similar(q, 0.5, 2).map(([c]) => c)).toEqual(['上海华信科技', '上海华信']);
    expect(index.similar(q, 0.5, 2)).toEqual(index.similar(q, 0.5, 2));
  });
});
