import { describe, expect, it } from 'vitest';
import { nameMatches, nameTerms, planTermQuery } from './terms';

describe('name search terms', () => {
  it('indexes bigrams and a terminal term so every character starts a term', () => {
    expect(nameTerms('s', '兰溪市')).toEqual(['s:兰溪', 's:溪市', 's:市$']);
    expect(nameTerms('s', ' ')).toEqual([]);
  });

  it('plans one-character queries as prefixes and longer ones as bigram sets', () => {
    expect(planTermQuery('s', '市')).toEqual({ kind: 'prefix', prefix: 's:市' });
    expect(planTermQuery('b', '京利华')).toEqual({ kind: 'all', terms: ['b:京利', 'b:利华'] });
    expect(planTermQuery('b', '  ')).toEqual({ kind: 'none' });
  });

  it('every bigram of a query that is a substring is among the name terms', () => {
    const name = '江苏京利华新材料有限公司';
    const plan = planTermQuery('b', '利华新材');
    const terms = new Set(nameTerms('b', name));
    expect(plan.kind === 'all' && plan.terms.every((t) => terms.has(t))).toBe(true);
  });

  it('folds full-width and case for matching', () => {
    expect(nameMatches('ＡＢＣ贸易', 'abc')).toBe(true);
    expect(nameMatches('天津瑞佳讯', '瑞讯')).toBe(false);
  });
});
