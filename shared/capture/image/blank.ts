// Pages with nothing to read are told apart before any text engine runs on them: OCR on an empty A4 scan costs
// seconds and ends in a vaguer "no invoice found", and OCR on a photo blurred past reading only invents values.
// Ink is a pixel far from the mean of the small tile around it (darker for print, lighter for a white-on-dark
// screenshot), so a shadow or a grey scan background is still paper, and scanner noise or JPEG ringing (a few
// grey levels) stays far below the ink contrast. A page without ink is blank when its tiles are all alike, and
// blurred when they still differ (text smeared into grey bands).
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

/**
 * 'blank' for a page without ink and without edges (an empty sheet, a uniform image), 'blurred' for a page
 * whose only edges are soft (a photo out of focus or shaken), or null when it has ink to read. Stops at the
 * first tile rows that hold enough ink, so a printed page costs a fraction of one pass over its pixels.
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
  return softEdgeShare(means, columns, rows) > MIN_SOFT_EDGES ? 'blurred' : 'blank';
}
