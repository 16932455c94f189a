// Pages with nothing to read are told apart before any text engine runs on them: OCR on an empty A4 scan costs
// seconds and ends in a vaguer "no invoice found", and OCR on a photo blurred past reading only invents values.
// Ink is a pixel far from the mean of the small tile around it (darker for print, lighter for a white-on-dark
// screenshot), so a shadow or a grey scan background is still paper, and scanner noise or JPEG ringing (a few
// grey levels) stays far below the ink contrast. A page without ink is blank when its tiles are all alike, and
// blurred when they still differ (text smeared into grey bands) but no colour changes crisply anywhere.
import type { RasterImage } from './raster';

/** Tile side in pixels (a character stroke is much thinner). */
const TILE = 16;
/** Grey levels from a tile's mean from which a pixel counts as ink. */
const INK_CONTRAST = 64;
/**
 * A page with less ink than this share of its pixels has nothing legible: one short printed word on an A4 scan
 * at 300 dpi is about 0.02 %, the real sample invoices 1–6 %; dust and single specks stay well below.
 */
const MIN_INK = 0.0002;
/** Neighbouring tiles whose means differ by more than this many grey levels show an edge, however soft. */
const SOFT_EDGE = 8;
/**
 * An inkless page with soft edges on more than this share of its tiles is blurred, not blank: blurred invoices
 * (Gaussian σ 10–20 px) show them on 4–50 % of their tiles, a white page, a noisy grey scan or a vignetted
 * photo of white paper on none.
 */
const MIN_SOFT_EDGES = 0.01;

/** A colour step between neighbouring 2×2 blocks larger than this is a crisp edge (blur spreads a step out). */
const CRISP_STEP = 24;
/**
 * An inkless page with crisp edges on at least this share of its 2×2 blocks is not blurred, just without dark
 * print (flat colour shapes, a faint drawing): it goes on to OCR like any other picture. Blurred invoices (σ ≥ 6
 * px, with noise and JPEG) show them on under 0.05 %.
 */
const MIN_CRISP_EDGES = 0.0005;

/** Why a page holds nothing to read. */
export type InklessPage = 'blank' | 'blurred';

/** Luminance of pixel `i` (0–255). */
function lumaAt(d: Uint8ClampedArray, i: number): number {
  return (77 * (d[4 * i] ?? 0) + 150 * (d[4 * i + 1] ?? 0) + 29 * (d[4 * i + 2] ?? 0)) >> 8;
}

/** Share of tiles whose mean differs by more than SOFT_EDGE from their right or lower neighbour. */
function softEdgeShare(means: Float32Array, columns: number, rows: number): number {
  let edges = 0;
  for (let y = 0; y < rows; y++) {
    for (let x = 0; x < columns; x++) {
      const m = means[y * columns + x] ?? 0;
      const right = x + 1 < columns ? Math.abs(m - (means[y * columns + x + 1] ?? 0)) : 0;
      const below = y + 1 < rows ? Math.abs(m - (means[(y + 1) * columns + x] ?? 0)) : 0;
      if (right > SOFT_EDGE || below > SOFT_EDGE) edges++;
    }
  }
  return edges / (columns * rows);
}

/** Mean of one colour channel over the 2×2 block at (2x, 2y). */
function blockMean(d: Uint8ClampedArray, width: number, x: number, y: number, channel: number): number {
  const i = 4 * (2 * y * width + 2 * x) + channel;
  const below = i + 4 * width;
  return ((d[i] ?? 0) + (d[i + 4] ?? 0) + (d[below] ?? 0) + (d[below + 4] ?? 0)) / 4;
}

/**
 * Share of 2×2 blocks whose colour (any of R, G, B) steps by more than CRISP_STEP to the next block right or
 * below. Blocks, not pixels: averaging four pixels halves sensor noise, which would otherwise look crisp.
 */
function crispEdgeShare(img: RasterImage): number {
  const { width, data } = img;
  const w = width >> 1;
  const h = img.height >> 1;
  if (w < 2 || h < 2) return 0;
  let crisp = 0;
  for (let y = 0; y + 1 < h; y++) {
    for (let x = 0; x + 1 < w; x++) {
      for (let c = 0; c < 3; c++) {
        const m = blockMean(data, width, x, y, c);
        if (Math.abs(m - blockMean(data, width, x + 1, y, c)) > CRISP_STEP || Math.abs(m - blockMean(data, width, x, y + 1, c)) > CRISP_STEP) {
          crisp++;
          break;
        }
      }
    }
  }
  return crisp / ((w - 1) * (h - 1));
}

/**
 * 'blank' for a page without ink and without edges (an empty sheet, a uniform image), 'blurred' for a page
 * whose only edges are soft (a photo out of focus or shaken), or null when it has ink or crisp edges (left to
 * OCR). Stops at the first tile rows that hold enough ink, so a printed page costs a fraction of one pass over
 * its pixels.
 */
export function inklessPage(img: RasterImage): InklessPage | null {
  const { width, height, data } = img;
  const columns = Math.ceil(width / TILE);
  const rows = Math.ceil(height / TILE);
  const means = new Float32Array(columns * rows);
  const enough = Math.max(1, Math.floor(width * height * MIN_INK));
  let ink = 0;
  for (let ty = 0; ty < rows; ty++) {
    const y0 = ty * TILE;
    const y1 = Math.min(height, y0 + TILE);
    for (let tx = 0; tx < columns; tx++) {
      const x0 = tx * TILE;
      const x1 = Math.min(width, x0 + TILE);
      let sum = 0;
      for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) sum += lumaAt(data, y * width + x);
      const mean = sum / ((y1 - y0) * (x1 - x0));
      means[ty * columns + tx] = mean;
      for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) if (Math.abs(lumaAt(data, y * width + x) - mean) > INK_CONTRAST) ink++;
    }
    if (ink >= enough) return null;
  }
  if (softEdgeShare(means, columns, rows) <= MIN_SOFT_EDGES) return 'blank';
  return crispEdgeShare(img) < MIN_CRISP_EDGES ? 'blurred' : null;
}
