/*
 * Substring search over names without scanning every record: each name is indexed as its character
 * bigrams plus a terminal term for its last character ("兰溪市" → 兰溪, 溪市, 市$). Every character of a
 * name starts at least one term, so a one-character query is a prefix lookup and a longer query is the
 * intersection of its bigrams (then confirmed against the real name, since bigrams can match out of order).
 */

/** Folds case and width so 'ＡＢＣ' and 'abc' search alike. */
export function foldForSearch(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

/** Index terms of one name, each prefixed with a scope letter (e.g. 's' seller, 'b' buyer). */
export function nameTerms(scope: string, name: string): string[] {
  const chars = Array.from(foldForSearch(name));
  if (chars.length === 0) return [];
  const terms = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) terms.add(`${scope}:${chars[i] ?? ''}${chars[i + 1] ?? ''}`);
  terms.add(`${scope}:${chars[chars.length - 1] ?? ''}$`);
  return [...terms];
}

/** How to look a query up in the term index: exact terms to intersect, or one prefix for a single character. */
export type TermQuery = { readonly kind: 'all'; readonly terms: readonly string[] } | { readonly kind: 'prefix'; readonly prefix: string } | { readonly kind: 'none' };

/** Plans the index lookup for a substring query within one scope. */
export function planTermQuery(scope: string, query: string): TermQuery {
  const chars = Array.from(foldForSearch(query));
  if (chars.length === 0) return { kind: 'none' };
  if (chars.length === 1) return { kind: 'prefix', prefix: `${scope}:${chars[0] ?? ''}` };
  const terms = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) terms.add(`${scope}:${chars[i] ?? ''}${chars[i + 1] ?? ''}`);
  return { kind: 'all', terms: [...terms] };
}

/** True when the folded name contains the folded query (the final check after the index lookup). */
export function nameMatches(name: string, query: string): boolean {
  return foldForSearch(name).includes(foldForSearch(query));
}
