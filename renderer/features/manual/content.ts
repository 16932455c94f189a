import { MANUAL_PAGE_IDS, type ManualPageId } from '../../../shared/manual/pages';
import { pagePlainText, pageTitle, parseMarkdown, type Block } from '../../../shared/manual/markdown';
import type { Locale } from '../../../shared/i18n/translate';

/** One manual page in one language, parsed. */
export interface ManualPage {
  readonly id: ManualPageId;
  readonly title: string;
  readonly blocks: readonly Block[];
  /** Every word of the page, one block a line (what search reads). */
  readonly text: string;
}

// The pages are Markdown files beside this module, bundled as text (no fetch, nothing to go missing offline).
const SOURCES = import.meta.glob<string>('./pages/*/*.md', { query: '?raw', import: 'default', eager: true });

const FOLDER: Record<Locale, string> = { 'zh-CN': 'zh', en: 'en' };

/** The Markdown source of a page, or undefined when that language lacks it. */
export function manualSource(locale: Locale, id: string): string | undefined {
  return SOURCES[`./pages/${FOLDER[locale]}/${id}.md`];
}

const cache = new Map<string, readonly ManualPage[]>();

/** Every page in one language, in the index's order (a page missing in that language is left out; a test forbids it). */
export function manualPages(locale: Locale): readonly ManualPage[] {
  const hit = cache.get(locale);
  if (hit) return hit;
  const pages = MANUAL_PAGE_IDS.flatMap((id) => {
    const source = manualSource(locale, id);
    if (source === undefined) return [];
    const blocks = parseMarkdown(source);
    // The title is searched on its own; leaving it out of the text keeps snippets on the page's own sentences.
    const body = blocks.filter((b) => !(b.kind === 'heading' && b.level === 1));
    return [{ id, title: pageTitle(blocks, id), blocks, text: pagePlainText(body) }];
  });
  cache.set(locale, pages);
  return pages;
}

/** Every Markdown file bundled, by path (for the completeness test). */
export function manualSourcePaths(): string[] {
  return Object.keys(SOURCES).sort();
}
