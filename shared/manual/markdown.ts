/*
 * The small Markdown subset the manual pages are written in, parsed to plain data that the renderer turns into
 * React elements (never into HTML strings, so no markup in a page can run or style anything):
 *   # / ## / ### headings, paragraphs, "- " lists, "1. " numbered lists, "> " tips, ![alt](screen.jpg) images on
 *   their own line; inline **bold**, `keys or button words` and [text](page-id) links to other manual pages.
 * Anything else is kept as text.
 */

/** A run of text inside a block. */
export type Inline =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'strong'; readonly text: string }
  | { readonly kind: 'code'; readonly text: string }
  | { readonly kind: 'link'; readonly text: string; readonly target: string };

/** One block of a manual page. */
export type Block =
  | { readonly kind: 'heading'; readonly level: 1 | 2 | 3; readonly inlines: readonly Inline[]; readonly text: string }
  | { readonly kind: 'paragraph'; readonly inlines: readonly Inline[] }
  | { readonly kind: 'tip'; readonly inlines: readonly Inline[] }
  | { readonly kind: 'list'; readonly ordered: boolean; readonly items: readonly (readonly Inline[])[] }
  | { readonly kind: 'image'; readonly alt: string; readonly src: string };

const INLINE = /\*\*([^*]+)\*\*|`([^`]+)`|\[([^\]]+)\]\(([^)\s]+)\)/g;

/** Splits a line into text, bold, code and link runs. */
export function parseInline(line: string): Inline[] {
  const out: Inline[] = [];
  let last = 0;
  for (const m of line.matchAll(INLINE)) {
    if (m.index > last) out.push({ kind: 'text', text: line.slice(last, m.index) });
    if (m[1] !== undefined) out.push({ kind: 'strong', text: m[1] });
    else if (m[2] !== undefined) out.push({ kind: 'code', text: m[2] });
    else if (m[3] !== undefined && m[4] !== undefined) out.push({ kind: 'link', text: m[3], target: m[4] });
    last = m.index + m[0].length;
  }
  if (last < line.length) out.push({ kind: 'text', text: line.slice(last) });
  return out;
}

/** The plain words of inline runs (for search and titles). */
export function inlineText(inlines: readonly Inline[]): string {
  return inlines.map((i) => i.text).join('');
}

const HEADING = /^(#{1,3})\s+(.*)$/;
const BULLET = /^[-*]\s+(.*)$/;
const NUMBERED = /^\d+[.)、]\s*(.*)$/;
const IMAGE = /^!\[([^\]]*)\]\(([^)\s]+)\)$/;

/** Parses a manual page into blocks; consecutive lines of a paragraph or tip join with a space. */
export function parseMarkdown(source: string): Block[] {
  const blocks: Block[] = [];
  let para: string[] = [];
  let paraKind: 'paragraph' | 'tip' = 'paragraph';
  let list: { ordered: boolean; items: Inline[][] } | null = null;
  const flush = () => {
    if (para.length > 0) blocks.push({ kind: paraKind, inlines: parseInline(para.join(' ')) });
    para = [];
    if (list) blocks.push({ kind: 'list', ordered: list.ordered, items: list.items });
    list = null;
  };
  for (const raw of source.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trim();
    if (line === '') { flush(); continue; }
    const heading = HEADING.exec(line);
    const image = IMAGE.exec(line);
    const bullet = BULLET.exec(line);
    const numbered = NUMBERED.exec(line);
    if (heading?.[1] && heading[2] !== undefined) {
      flush();
      const inlines = parseInline(heading[2]);
      blocks.push({ kind: 'heading', level: Math.min(heading[1].length, 3) as 1 | 2 | 3, inlines, text: inlineText(inlines) });
    } else if (image?.[2] !== undefined) {
      flush();
      blocks.push({ kind: 'image', alt: image[1] ?? '', src: image[2] });
    } else if (bullet?.[1] !== undefined || numbered?.[1] !== undefined) {
      const ordered = bullet === null;
      const text = bullet?.[1] ?? numbered?.[1] ?? '';
      if (para.length > 0 || (list && list.ordered !== ordered)) flush();
      list ??= { ordered, items: [] };
      list.items.push(parseInline(text));
    } else if (line.startsWith('>')) {
      if (list || (para.length > 0 && paraKind !== 'tip')) flush();
      paraKind = 'tip';
      para.push(line.replace(/^>\s?/, ''));
    } else if (list && raw.startsWith('  ')) {
      // A continuation line of the last list item.
      const items = list.items;
      const lastItem = items[items.length - 1];
      if (lastItem) items[items.length - 1] = [...lastItem, ...parseInline(` ${line}`)];
    } else {
      if (list || (para.length > 0 && paraKind !== 'paragraph')) flush();
      paraKind = 'paragraph';
      para.push(line);
    }
  }
  flush();
  return blocks;
}

/** The page's title: its first level-1 heading, else the given fallback. */
export function pageTitle(blocks: readonly Block[], fallback: string): string {
  const h = blocks.find((b) => b.kind === 'heading' && b.level === 1);
  return h?.kind === 'heading' ? h.text : fallback;
}

/** The page's searchable words: every block's text, images by their alt text, one line each. */
export function pagePlainText(blocks: readonly Block[]): string {
  return blocks.map((b) => {
    switch (b.kind) {
      case 'heading': return b.text;
      case 'paragraph': case 'tip': return inlineText(b.inlines);
      case 'list': return b.items.map(inlineText).join('\n');
      case 'image': return b.alt;
    }
  }).join('\n');
}
