/** Folds case and width so 'ＡＢＣ' and 'abc' search alike, and drops spaces. */
export function foldForSearch(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

/** The words of a query (split at spaces), folded; empty when nothing searchable was typed. */
export function searchTerms(query: string): string[] {
  return query.split(/\s+/).map(foldForSearch).filter((t) => t.length > 0);
}

/** True when the folded name contains the folded query. */
export function nameMatches(name: string, query: string): boolean {
  return foldForSearch(name).includes(foldForSearch(query));
}
