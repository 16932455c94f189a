/** Folds case and width so 'ＡＢＣ' and 'abc' search alike, and drops spaces. */
export function foldForSearch(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

/** True when the folded name contains the folded query. */
export function nameMatches(name: string, query: string): boolean {
  return foldForSearch(name).includes(foldForSearch(query));
}
