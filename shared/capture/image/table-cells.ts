// The ruled cells of an invoice face. Every VAT layout is a frame of ruled bands (parties, items, 价税合计,
// seller, 备注) split by vertical rules into cells, with the header (title, code, number, date) above it.
// Page-level OCR (PSM 3) often takes such a frame for a picture and drops whole cells; read cell by cell,
// each block is plain text again. Works on an upright image (deskew first).
import type { Rect } from './raster-ops';

/** A horizontal rule: its row span and horizontal extent. */
interface Rule {
  readonly y0: number;
  readonly y1: number;
  readonly x0: number;
  readonly x1: number;
}

/** The header above the frame and the frame's cells in reading order (band by band, left to right). */
export interface TableLayout {
  readonly header: Rect | null;
  readonly cells: readonly Rect[];
}

/**
 * The longest run of ink in a row, bridging gaps of up to `gap` pixels (scans break thin lines); a pixel of
 * the next row counts too, because a one-pixel rule tilted by a fraction of a degree steps between rows.
 */
function longestRun(ink: Uint8Array, width: number, height: number, y: number, gap: number): { x0: number; x1: number } {
  let best = { x0: 0, x1: 0 };
  let start = -1;
  let last = -1;
  const below = y + 1 < height ? width : 0;
  for (let x = 0; x < width; x++) {
    if (ink[y * width + x] !== 1 && ink[y * width + x + below] !== 1) continue;
    if (start < 0 || x - last > gap + 1) start = x;
    last = x;
    if (last - start > best.x1 - best.x0) best = { x0: start, x1: last };
  }
  return best;
}

/** Rows that are mostly one long line, merged into rules. */
function horizontalRules(ink: Uint8Array, width: number, height: number): Rule[] {
  const rules: Rule[] = [];
  const gap = Math.max(2, Math.round(width / 400));
  for (let y = 0; y < height; y++) {
    const run = longestRun(ink, width, height, y, gap);
    if (run.x1 - run.x0 < 0.45 * width) continue;
    const prev = rules.at(-1);
    if (prev && y - prev.y1 <= 2) rules[rules.length - 1] = { y0: prev.y0, y1: y, x0: Math.min(prev.x0, run.x0), x1: Math.max(prev.x1, run.x1) };
    else rules.push({ y0: y, y1: y, x0: run.x0, x1: run.x1 });
  }
  return rules;
}

/** Columns inked over nearly the whole band: its vertical rules, as x centres. */
function verticalRules(ink: Uint8Array, width: number, top: number, bottom: number, left: number, right: number): number[] {
  const xs: number[] = [];
  const h = bottom - top;
  if (h <= 0) return xs;
  let runStart = -1;
  for (let x = left; x <= right + 1; x++) {
    let count = 0;
    // As for rows: a tilted one-pixel rule steps between neighbouring columns.
    if (x <= right) for (let y = top; y < bottom; y++) count += ink[y * width + x] === 1 || ink[y * width + x + 1] === 1 ? 1 : 0;
    const isRule = x <= right && count >= 0.9 * h;
    if (isRule && runStart < 0) runStart = x;
    if (!isRule && runStart >= 0) { xs.push(Math.round((runStart + x - 1) / 2)); runStart = -1; }
  }
  return xs;
}

/**
 * Ink mask (1 = ink) for finding rules: halfway between the text threshold and white, because scanned rules
 * are a pixel wide and anti-aliased to light grey where the text is black.
 */
export function ruleMask(grey: Uint8Array, textThreshold: number): Uint8Array {
  const threshold = Math.min(230, Math.round((textThreshold + 255) / 2));
  const ink = new Uint8Array(grey.length);
  for (let i = 0; i < grey.length; i++) ink[i] = (grey[i] ?? 255) < threshold ? 1 : 0;
  return ink;
}

/**
 * Finds the frame's cells. Bands thinner than 1.5% of the height (double rules, the gap between a rule's two
 * edges) and cells narrower than 6% of the width (the stacked 购买方/销售方 glyphs) are left out; without
 * at least two rules there is no frame and no cells.
 */
export function tableLayout(ink: Uint8Array, width: number, height: number): TableLayout {
  // The scan's own border is not a rule of the invoice.
  const rules = horizontalRules(ink, width, height).filter((r) => r.y0 > 0.01 * height && r.y1 < 0.99 * height);
  const first = rules[0];
  if (rules.length < 2 || !first) return { header: null, cells: [] };
  const minBand = 0.015 * height;
  // Scanned rules break here and there, so every band spans the frame: the widest extent of all rules.
  const left = Math.min(...rules.map((r) => r.x0));
  const right = Math.max(...rules.map((r) => r.x1));
  const cells: Rect[] = [];
  for (let i = 0; i + 1 < rules.length; i++) {
    const a = rules[i];
    const b = rules[i + 1];
    if (!a || !b || b.y0 - a.y1 < minBand) continue;
    const top = a.y1 + 1;
    const bottom = b.y0;
    const xs = verticalRules(ink, width, top + 2, bottom - 2, left, right);
    const edges = [left, ...xs.filter((x) => x > left + 3 && x < right - 3), right];
    for (let k = 0; k + 1 < edges.length; k++) {
      const x0 = (edges[k] ?? 0) + 2;
      const x1 = (edges[k + 1] ?? 0) - 2;
      if (x1 - x0 >= 0.06 * width) cells.push({ x: x0, y: top + 1, width: x1 - x0, height: bottom - top - 2 });
    }
  }
  const header = first.y0 > 0.03 * height ? { x: 0, y: 0, width, height: first.y0 } : null;
  return { header, cells };
}
