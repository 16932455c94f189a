// Positioned text (pdf.js text items, OFD TextCodes, OCR lines) → lines of segments.
//
// Converted invoice PDFs emit one glyph per item, wide letter-spacing, and " " items between glyphs; labels
// are printed with internal spaces ("合      计") and values are separate items, sometimes a few points off
// the label's baseline. So: items are clustered into lines by baseline (within 0.6 glyph heights of the
// line's first item — chaining would let a tall 密码区 block swallow the rows beside it), " " items never
// bridge a gap, and a line is split into segments at gaps wider than three glyph heights when it is made of
// single glyphs, or 0.8 heights when its items are whole strings (OFD table cells sit close together).
// Spaces survive only between two Latin letters ("ukey 测试" → "ukey测试", "16197 83356" → "1619783356").
import { normalizeText } from '../../domain/normalize';

/**
 * One piece of positioned text. Coordinates have their origin at the top-left of the page, y grows downwards,
 * and `y` is the baseline; any unit works (points, mm) as long as `height` (≈ font size) uses the same one.
 */
export interface TextItem {
  readonly str: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  /** 1-based page number. */
  readonly page: number;
}

/** A run of text on one line without a wide gap. */
export interface TextSegment {
  readonly text: string;
  readonly x0: number;
  readonly x1: number;
  readonly y: number;
}

/** A visual line: its segments left to right; `text` joins them with tabs. */
export interface TextLine {
  readonly page: number;
  readonly y: number;
  readonly height: number;
  readonly segments: readonly TextSegment[];
  readonly text: string;
}

const GLYPH_SEGMENT_GAP = 3;
const STRING_SEGMENT_GAP = 0.8;
const LINE_TOLERANCE = 0.6;

/** Removes spaces except between two Latin letters. */
export function tidySpaces(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/ (?![A-Za-z])|(?<![A-Za-z]) /g, '').trim();
}

interface Glyphs {
  readonly item: TextItem;
  readonly text: string;
}

/** Typical glyph height of a line, ignoring zero-height items (pdf.js gives " " items height 0). */
function lineHeight(items: readonly Glyphs[]): number {
  const heights = items.map((g) => g.item.height).filter((h) => h > 0).sort((a, b) => a - b);
  return heights[Math.floor(heights.length / 2)] ?? 1;
}

/** Joins one segment's items: one-glyph-per-item runs are concatenated, others spaced where a gap shows. */
function renderSegment(items: readonly Glyphs[], height: number): string {
  const isGlyphRun = items.filter((g) => g.text.length === 1).length >= 0.8 * items.length;
  let text = '';
  let end = -Infinity;
  for (const g of items) {
    const gap = g.item.x - end;
    text += text !== '' && !isGlyphRun && gap > 0.25 * height ? ` ${g.text}` : g.text;
    end = Math.max(end, g.item.x + g.item.width);
  }
  return tidySpaces(text);
}

/** Splits one line's items into segments at wide gaps. */
function toSegments(items: readonly Glyphs[], height: number): TextSegment[] {
  const sorted = [...items].sort((a, b) => a.item.x - b.item.x);
  const isGlyphLine = items.filter((g) => g.text.length === 1).length >= 0.6 * items.length;
  const maxGap = (isGlyphLine ? GLYPH_SEGMENT_GAP : STRING_SEGMENT_GAP) * height;
  const runs: Glyphs[][] = [];
  let end = -Infinity;
  for (const g of sorted) {
    const last = runs.at(-1);
    if (last === undefined || g.item.x - end > maxGap) runs.push([g]);
    else last.push(g);
    end = runs.at(-1)?.length === 1 ? g.item.x + g.item.width : Math.max(end, g.item.x + g.item.width);
  }
  return runs.map((run) => ({
    text: renderSegment(run, height),
    x0: run[0]?.item.x ?? 0,
    x1: Math.max(...run.map((g) => g.item.x + g.item.width)),
    y: run[0]?.item.y ?? 0,
  })).filter((s) => s.text !== '');
}

/** Groups items into lines (top to bottom, page by page) and each line into segments. */
export function groupIntoLines(items: readonly TextItem[]): TextLine[] {
  // Whitespace-only items carry no text and, being wide, would bridge real gaps; they are dropped.
  const glyphs = items
    .map((item) => ({ item, text: normalizeText(item.str) }))
    .filter((g) => g.text !== '' && Number.isFinite(g.item.x) && Number.isFinite(g.item.y))
    .sort((a, b) => a.item.page - b.item.page || a.item.y - b.item.y);
  const groups: Glyphs[][] = [];
  let current: Glyphs[] = [];
  let firstY = -Infinity;
  let page = -1;
  for (const g of glyphs) {
    const h = Math.max(lineHeight(current), g.item.height);
    if (g.item.page !== page || g.item.y - firstY > LINE_TOLERANCE * h) {
      if (current.length > 0) groups.push(current);
      current = [];
      page = g.item.page;
      firstY = g.item.y;
    }
    current.push(g);
  }
  if (current.length > 0) groups.push(current);
  return groups.map((group) => {
    const height = lineHeight(group);
    const segments = toSegments(group, height);
    const first = group[0];
    return { page: first?.item.page ?? 1, y: first?.item.y ?? 0, height, segments, text: segments.map((s) => s.text).join('\t') };
  }).filter((l) => l.segments.length > 0);
}

/** Turns plain text (OCR output) into lines: one per text line, segments split at two or more spaces or tabs. */
export function linesFromPlainText(text: string): TextLine[] {
  return text.split(/\r\n|\r|\n/).map((raw, i): TextLine => {
    const segments: TextSegment[] = [];
    let x = 0;
    for (const part of raw.split(/\t+| {2,}|\u3000+/)) {
      const t = tidySpaces(normalizeText(part));
      if (t !== '') segments.push({ text: t, x0: x, x1: x + t.length, y: i });
      x += part.length + 2;
    }
    return { page: 1, y: i, height: 1, segments, text: segments.map((s) => s.text).join('\t') };
  }).filter((l) => l.segments.length > 0);
}
