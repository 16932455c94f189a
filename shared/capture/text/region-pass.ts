// The second OCR pass, for what page-level OCR left out (docs/architecture.md#capture-pipeline): deskew, find the ruled cells, read
// each cell as one block, then re-read single lines (PSM 7): party names, tax ids with a whitelist, and the
// header's text runs for a date the block read garbled ("2010年11月18日" → "2010411188").
import { dateValue } from '../fields/field-values';
import { CELL_CONFIDENCE, extractFromCells, firstLineName, isPartyCell, secondLineTaxId } from '../fields/cell-fields';
import { ExtractionBuilder, mergeExtractions, type ExtractedFieldName, type ExtractedInvoice } from '../extracted';
import type { RasterImage } from '../image/raster';
import { cleanPage } from '../image/despeckle';
import { cropRect, otsuThreshold, rotate, scale, skewAngle, type Rect } from '../image/raster-ops';
import { bestReading, valueConfidence, type RegionText } from './reading-vote';
import { ruleMask, tableLayout } from '../image/table-cells';

export type { RegionText } from './reading-vote';

/** How a region is read: as a block of lines (PSM 6) or a single line (PSM 7), optionally only some characters or without some. */
export interface RegionRequest {
  readonly mode: 'block' | 'line';
  readonly whitelist?: string;
  readonly blacklist?: string;
}

/** OCR of one (cropped) image region. */
export type RegionOcr = (image: RasterImage, request: RegionRequest) => Promise<RegionText>;

/** Characters of a tax id (GB 32100 charset; older 15-digit ids and 代开 "DK" ids fit too). */
export const TAX_ID_WHITELIST = '0123456789ABCDEFGHJKLMNPQRTUWXYDK';

/**
 * Party names are read as lines without Latin letters: firstLineName only takes names that are mostly CJK, and
 * with chi_sim+eng a small CJK name otherwise often comes out as Latin noise ("测试销方企业" → "WAT alk").
 */
const NAME_LINE: RegionRequest = { mode: 'line', blacklist: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz' };

/**
 * A name the cell's block read spells with every glyph at least this confident is taken as it is: the flipped
 * glyphs of a doubtful scan score 40–80, clean print 90–99, and each re-read costs 0.1–0.3 s.
 */
const SURE_GLYPH = 90;

/** Regions are scaled so that the longer side of the page is at least this (≈ 200 dpi for an invoice). */
const MIN_PAGE_SIDE = 1600;
/** At most this many header text runs are re-read for the date. */
const MAX_RUNS = 24;

/**
 * Text runs of a region: ink rows grouped into lines, each line cut at gaps wider than twice its height
 * (or kept whole, the region's width, when `split` is false). A run still going at the region's right edge is
 * followed up to `extendTo` (default: that edge) until such a gap: the date at the end of a header line would
 * otherwise be cut ("2025年11月0").
 */
export function textRuns(grey: Uint8Array, width: number, region: Rect, threshold: number, split = true, extendTo?: number): Rect[] {
  const ink = (x: number, y: number) => (grey[y * width + x] ?? 255) < threshold;
  const x0 = Math.floor(region.x);
  const x1 = Math.floor(region.x + region.width);
  const rowsWithInk: boolean[] = [];
  for (let y = Math.floor(region.y); y < region.y + region.height; y++) {
    let n = 0;
    for (let x = x0; x < x1; x++) if (ink(x, y)) n++;
    rowsWithInk.push(n > 0 && n < 0.6 * (x1 - x0));
  }
  const runs: Rect[] = [];
  let start = -1;
  rowsWithInk.push(false);
  rowsWithInk.forEach((has, i) => {
    if (has && start < 0) start = i;
    if (has || start < 0) return;
    const top = Math.floor(region.y) + start;
    const h = i - start;
    start = -1;
    if (h < 6) return;
    if (!split) {
      // Generous margins: the threshold that finds the rows misses the light edges of the strokes.
      const pad = Math.max(3, Math.round(0.3 * h));
      runs.push({ x: region.x, y: top - pad, width: region.width, height: h + 2 * pad });
      return;
    }
    let segStart = -1;
    let lastInk = -1;
    const limit = Math.max(x1, Math.min(width, Math.floor(extendTo ?? x1)));
    for (let x = x0; x <= limit; x++) {
      if (x >= x1 && segStart < 0) break; // no run starts beyond the region
      let col = false;
      if (x < limit) for (let y = top; y < top + h && !col; y++) col = ink(x, y);
      if (col) {
        if (segStart < 0) segStart = x;
        lastInk = x;
      } else if (segStart >= 0 && (x - lastInk > 2 * h || x === limit)) {
        if (lastInk - segStart > h) runs.push({ x: segStart - 4, y: top - 4, width: lastInk - segStart + 8, height: h + 8 });
        segStart = -1;
      }
    }
  });
  return runs;
}

/** Share of a rectangle's pixels darker than the threshold. */
function inkShare(grey: Uint8Array, width: number, r: Rect, threshold: number): number {
  let n = 0;
  for (let y = Math.floor(r.y); y < r.y + r.height; y++) for (let x = Math.floor(r.x); x < r.x + r.width; x++) n += (grey[y * width + x] ?? 255) < threshold ? 1 : 0;
  return n / Math.max(1, r.width * r.height);
}

/**
 * Reads the header and cells of an invoice image, in reading order and only until the `missing` fields are
 * found, then the single lines still needed; empty when the image has no ruled frame.
 */
export async function readRegions(image: RasterImage, read: RegionOcr, missing: readonly ExtractedFieldName[]): Promise<ExtractedInvoice> {
  let img = image;
  // Cells are cut from the despeckled page when there was speckle, so tesseract sees clean strokes too.
  let page = cleanPage(img);
  const angle = skewAngle(page.grey, img.width, img.height, otsuThreshold(page.grey));
  if (Math.abs(angle) >= 0.2) page = cleanPage(rotate(img, angle));
  img = page.image;
  const grey = page.grey;
  const threshold = otsuThreshold(grey);
  const layout = tableLayout(ruleMask(grey, threshold), img.width, img.height);
  if (layout.cells.length === 0) return extractFromCells({ header: null, cells: [] });
  const factor = Math.max(img.width, img.height) < MIN_PAGE_SIDE ? 2 : 1;
  const region = (r: Rect, more = 1) => (factor * more === 1 ? cropRect(img, r) : scale(cropRect(img, r), factor * more));
  // The header holds only the number, code and date: a full-width block read costs 1–3 s, so it is skipped
  // when page OCR already has the number and the date.
  const headerNeeded = missing.includes('number') || missing.includes('issueDate');
  const header = layout.header && headerNeeded ? (await read(region(layout.header), { mode: 'block' })).text : null;
  // With the header read, the number and date are the header's alone (headerDate retries the date): waiting
  // for them in the cells would read the whole frame whenever the header was garbled.
  const fromCellsWanted = header === null ? missing : missing.filter((f) => f !== 'number' && f !== 'issueDate');
  const filled = (e: ExtractedInvoice) => fromCellsWanted.every((f) => e.fields[f] !== undefined);
  // Cells in reading order until the missing fields are found: the rest of the frame is not read. Texts stay
  // in reading order (unread cells empty), which is how extractFromCells tells the buyer from the seller.
  const order = itemsLast(layout.cells);
  const partiesWanted = fromCellsWanted.some((f) => PARTY_FIELDS.includes(f));
  const reads: RegionText[] = order.map(() => ({ text: '' }));
  const cells: string[] = order.map(() => '');
  for (const cell of partiesWanted ? order : partiesLast(order)) {
    if (filled(extractFromCells({ header, cells }))) break;
    const i = order.indexOf(cell);
    // An empty cell (备注, the unused rows of the item table) is not read at all.
    if (inkShare(grey, img.width, cell, threshold) < 0.002) continue;
    reads[i] = await read(region(cell), { mode: 'block' });
    cells[i] = reads[i].text;
  }
  // Read out of order, a seller cell could pass for the buyer's: party fields count only when they were sought.
  const fromCells = partiesWanted ? extractFromCells({ header, cells }) : withoutFields(extractFromCells({ header, cells }), PARTY_FIELDS);
  const b = new ExtractionBuilder({ source: 'ocr', confidence: CELL_CONFIDENCE });
  // Single lines read better than blocks (PSM 7): the missing party names, and tax ids with a whitelist.
  const parties = order.filter((_, i) => isPartyCell(cells[i] ?? '')).slice(0, 2);
  for (const [k, cell] of parties.entries()) {
    const role = k === 0 ? 'buyer' : 'seller';
    const [first, second] = textRuns(grey, img.width, cell, threshold, false);
    if (first && missing.includes(`${role}Name`)) b.set(`${role}Name`, await voteName(first, reads[order.indexOf(cell)] ?? { text: '' }, read, region));
    if (second && missing.includes(`${role}TaxId`) && fromCells.fields[`${role}TaxId`] === undefined) {
      b.set(`${role}TaxId`, secondLineTaxId(`\n${(await read(region(second), { mode: 'line', whitelist: `${TAX_ID_WHITELIST}:` })).text}`));
    }
  }
  if (missing.includes('issueDate') && fromCells.fields.issueDate === undefined && layout.header) b.set('issueDate', await headerDate(img, grey, layout.header, threshold, read, region));
  return mergeExtractions(b.build(), fromCells);
}

/** The fields of the two party cells. */
const PARTY_FIELDS: readonly ExtractedFieldName[] = ['buyerName', 'buyerTaxId', 'sellerName', 'sellerTaxId'];

/**
 * The cells with the first band (the buyer, and the seller or the cipher beside it) moved to the end: when only
 * the total or the amount is missing, the party cells are the last place to look for it.
 */
export function partiesLast(cells: readonly Rect[]): Rect[] {
  const top = Math.min(...cells.map((c) => c.y));
  return [...cells.filter((c) => c.y > top), ...cells.filter((c) => c.y <= top)];
}

function withoutFields(e: ExtractedInvoice, names: readonly string[]): ExtractedInvoice {
  const keep = ([k]: [string, unknown]) => !names.includes(k);
  return {
    ...e,
    fields: Object.fromEntries(Object.entries(e.fields).filter(keep)),
    sources: Object.fromEntries(Object.entries(e.sources).filter(keep)),
  };
}

/**
 * The cells with the tallest one below the first band (the items table) moved to the end: it holds no key
 * field unless its closing rule was lost and it swallowed the 价税合计 row, and reading it costs as much as
 * several other cells. The first band (the buyer) never moves, so the buyer stays the first party read.
 */
export function itemsLast(cells: readonly Rect[]): Rect[] {
  const top = Math.min(...cells.map((c) => c.y));
  const tallest = cells.filter((c) => c.y > top).reduce<Rect | undefined>((t, c) => (t === undefined || c.height > t.height ? c : t), undefined);
  return tallest === undefined ? [...cells] : [...cells.filter((c) => c !== tallest), tallest];
}

/**
 * A party name from the cell's block read when OCR is sure of every glyph; else read four ways — the line
 * cropped tight, the cell's block read, the line with more margin, and that again at 1.5× the scale — and the
 * reading OCR is surest of (reading-vote.ts): on a ~150-dpi scan single
 * glyphs flip with the crop and the scale, and the wrong readings may agree. Without glyph confidences the
 * majority wins, then the tight line read (PSM 7), then the block read.
 */
async function voteName(row: Rect, block: RegionText, read: RegionOcr, region: (r: Rect, more?: number) => RasterImage): Promise<string | undefined> {
  const fromBlock = firstLineName(block.text);
  if (fromBlock !== undefined && (valueConfidence(fromBlock, block) ?? 0) >= SURE_GLYPH) return fromBlock;
  const grow = Math.round(0.15 * row.height);
  const loose = { x: row.x, y: row.y - grow, width: row.width, height: row.height + 2 * grow };
  const readings = [await read(region(row), NAME_LINE), block, await read(region(loose), NAME_LINE), await read(region(loose, 1.5), NAME_LINE)];
  return bestReading(readings.map((from) => ({ value: firstLineName(from.text), from })));
}

/**
 * The issue date from the header's text runs read one line at a time (thirds of the header, each searched
 * alone: a stamp in the middle or the punched holes of continuous stationery at the edges would otherwise
 * join every row into one).
 */
async function headerDate(img: RasterImage, grey: Uint8Array, h: Rect, threshold: number, read: RegionOcr, region: (r: Rect) => RasterImage): Promise<string | undefined> {
  const thirds = [[0.6, 0.95], [0.3, 0.7], [0.05, 0.4]].map(([a = 0, z = 1]) => ({ x: h.x + a * h.width, y: h.y, width: (z - a) * h.width, height: h.height }));
  const runs = thirds.flatMap((t) => textRuns(grey, img.width, t, threshold, true, h.x + h.width));
  for (const run of runs.slice(0, MAX_RUNS)) {
    const text = (await read(region(run), { mode: 'line' })).text.replace(/\s+/g, '');
    const m = /(\d{4})年(\d{1,2})月(\d{1,2})日/.exec(text);
    const date = m ? dateValue(`${m[1] ?? ''}-${(m[2] ?? '').padStart(2, '0')}-${(m[3] ?? '').padStart(2, '0')}`) : undefined;
    if (date !== undefined) return date;
  }
  return undefined;
}
