/*
 * Searching the manual: every page's title and text in one language, folded for case and width like the rest of
 * the app (foldForSearch), Chinese matched as substrings. A query of several words (split at spaces) finds pages
 * holding all of them. Pages whose title holds the query rank first, then by how often the words occur; each
 * result carries a snippet of the text around the first hit so the list can show the hit highlighted.
 */
import { foldForSearch, searchTerms } from '../search/fold';

/** A page as search sees it. */
export interface SearchablePage {
  readonly id: string;
  readonly title: string;
  readonly text: string;
}

/** A piece of the page's text around a hit: `hit` is the words as written on the page. */
export interface Snippet {
  readonly before: string;
  readonly hit: string;
  readonly after: string;
}

/** One found page. */
export interface ManualHit {
  readonly id: string;
  readonly title: string;
  readonly snippet: Snippet | null;
  readonly score: number;
}

interface Folded {
  readonly folded: string;
  /** For each folded character, the index of the original character it came from. */
  readonly origin: readonly number[];
}

/** Folds text one character at a time, remembering where each folded character came from. */
function foldWithOrigin(text: string): Folded {
  let folded = '';
  const origin: number[] = [];
  let i = 0;
  for (const ch of text) {
    const f = foldForSearch(ch);
    for (let k = 0; k < f.length; k++) origin.push(i);
    folded += f;
    i += ch.length;
  }
  return { folded, origin };
}

function countOf(haystack: string, needle: string): number {
  let n = 0;
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.length)) n++;
  return n;
}

/** The snippet around the first occurrence of `term` in `text`, about `radius` characters each side. */
export function snippetAround(text: string, term: string, radius = 30): Snippet | null {
  const { folded, origin } = foldWithOrigin(text);
  const at = folded.indexOf(term);
  if (at < 0) return null;
  const start = origin[at] ?? 0;
  const lastOrigin = origin[at + term.length - 1] ?? start;
  const end = lastOrigin + ((text.codePointAt(lastOrigin) ?? 0) > 0xffff ? 2 : 1);
  // Stay within the line of the hit, so a snippet never runs a heading into a step.
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const lineEndAt = text.indexOf('\n', end);
  const lineEnd = lineEndAt < 0 ? text.length : lineEndAt;
  let from = Math.max(lineStart, start - radius);
  let to = Math.min(lineEnd, end + radius);
  // In English, cut at spaces rather than inside a word (Chinese has no spaces and is cut anywhere).
  if (from > lineStart && /\w/.test(text.charAt(from - 1))) {
    const space = text.indexOf(' ', from);
    if (space >= 0 && space < start) from = space + 1;
  }
  if (to < lineEnd && /\w/.test(text.charAt(to))) {
    const space = text.lastIndexOf(' ', to);
    if (space >= end) to = space;
  }
  return {
    before: (from > lineStart ? '…' : '') + text.slice(from, start),
    hit: text.slice(start, end),
    after: text.slice(end, to) + (to < lineEnd ? '…' : ''),
  };
}

/** The pages holding every word of `query`, best first (title hits, then the most occurrences; ties keep page order). */
export function searchManual(pages: readonly SearchablePage[], query: string): ManualHit[] {
  const terms = searchTerms(query);
  if (terms.length === 0) return [];
  const hits: ManualHit[] = [];
  for (const page of pages) {
    const title = foldForSearch(page.title);
    const text = foldForSearch(page.text);
    if (!terms.every((t) => title.includes(t) || text.includes(t))) continue;
    const titleHits = terms.filter((t) => title.includes(t)).length;
    const textHits = terms.reduce((sum, t) => sum + countOf(text, t), 0);
    const first = terms.find((t) => text.includes(t));
    hits.push({
      id: page.id,
      title: page.title,
      snippet: first === undefined ? null : snippetAround(page.text, first),
      score: titleHits * 1000 + Math.min(textHits, 999),
    });
  }
  return hits.map((h, i) => ({ h, i })).sort((a, b) => b.h.score - a.h.score || a.i - b.i).map(({ h }) => h);
}
