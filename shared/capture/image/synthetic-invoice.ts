// Synthetic invoice pages for the tests of the frame finder and straightening: an upright page with a ruled
// frame like a VAT invoice's (header above, bands and columns inside, a signature line below) and rows of
// box-shaped "characters" whose strokes look like text to a rule detector, and the same page photographed:
// mapped by a known homography onto a desk.
import { homography, mapPoint, warp, type Point, type Quad } from './perspective';
import type { RasterImage } from './raster';

type Rgb = readonly [number, number, number];

const BROWN: Rgb = [150, 80, 40];
const BLUE: Rgb = [30, 40, 140];
const DESK: Rgb = [95, 85, 75];

/** The page's size and its frame's outer rectangle (the frame's rules are 2 px thick, drawn inward from these edges). */
export const PAGE = { width: 1400, height: 900, frame: { x0: 100, y0: 230, x1: 1300, y1: 800 } } as const;

/** A white image. */
export function blank(width: number, height: number): RasterImage {
  return { width, height, data: new Uint8ClampedArray(width * height * 4).fill(255) };
}

/** Paints a rectangle [x0, x1) × [y0, y1), clipped to the image. */
export function fillRect(img: RasterImage, x0: number, y0: number, x1: number, y1: number, rgb: Rgb): void {
  for (let y = Math.max(0, y0); y < Math.min(img.height, y1); y++) {
    for (let x = Math.max(0, x0); x < Math.min(img.width, x1); x++) {
      const o = (y * img.width + x) * 4;
      img.data[o] = rgb[0];
      img.data[o + 1] = rgb[1];
      img.data[o + 2] = rgb[2];
    }
  }
}

/** A row of `count` box-shaped glyphs (outline, a cross inside) of size `size` starting at (x, y). */
export function glyphRow(img: RasterImage, x: number, y: number, count: number, size = 16, rgb: Rgb = BLUE): void {
  for (let i = 0; i < count; i++) {
    const gx = x + i * (size + 5);
    const mid = Math.floor(size / 2);
    fillRect(img, gx, y, gx + size, y + 2, rgb);
    fillRect(img, gx, y + size - 2, gx + size, y + size, rgb);
    fillRect(img, gx, y, gx + 2, y + size, rgb);
    fillRect(img, gx + size - 2, y, gx + size, y + size, rgb);
    fillRect(img, gx, y + mid - 1, gx + size, y + mid + 1, rgb);
    fillRect(img, gx + mid - 1, y, gx + mid + 1, y + size, rgb);
  }
}

/** The upright synthetic invoice page (PAGE): header, ruled frame with inner rules and text, signature line. */
export function invoicePage(withInnerRules = true): RasterImage {
  const img = blank(PAGE.width, PAGE.height);
  const { x0, y0, x1, y1 } = PAGE.frame;
  const h = (y: number, from: number = x0, to: number = x1) => { fillRect(img, from, y, to, y + 2, BROWN); };
  const v = (x: number, from: number = y0, to: number = y1) => { fillRect(img, x, from, x + 2, to, BROWN); };
  h(y0); h(y1 - 2); v(x0); v(x1 - 2);
  if (withInnerRules) {
    h(380); h(600); h(660);
    v(160, y0, 380); v(800, y0, 380); v(160, 660, y1);
    for (const x of [500, 620, 700, 850, 1000, 1100, 1200]) v(x, 380, 600);
  }
  glyphRow(img, 480, 60, 12, 36, BROWN); // title
  glyphRow(img, 130, 140, 10); // code
  glyphRow(img, 1000, 140, 8); // number
  glyphRow(img, 1000, 190, 10); // date
  for (const y of [250, 290, 330]) { glyphRow(img, 180, y, 18); glyphRow(img, 820, y, 20); }
  for (const y of [400, 430]) glyphRow(img, 120, y, 50);
  glyphRow(img, 120, 620, 30);
  for (const y of [680, 720, 760]) glyphRow(img, 180, y, 25);
  glyphRow(img, 130, 830, 40); // 收款人 / 开票人 line
  return img;
}

/** Where a point of the page (continuous coordinates) lands in a photo whose page corners are `corners`. */
export function pageToPhoto(corners: Quad, p: Point): Point {
  const pageQuad: Quad = [{ x: 0, y: 0 }, { x: PAGE.width, y: 0 }, { x: PAGE.width, y: PAGE.height }, { x: 0, y: PAGE.height }];
  const h = homography(pageQuad, corners);
  if (!h) throw new Error('degenerate corners');
  return mapPoint(h, p);
}

/** The page photographed: its corners land at `corners` (continuous coordinates) of a `width` × `height` desk. */
export function photograph(page: RasterImage, corners: Quad, width: number, height: number): RasterImage {
  const pageQuad: Quad = [{ x: 0, y: 0 }, { x: page.width, y: 0 }, { x: page.width, y: page.height }, { x: 0, y: page.height }];
  const toPage = homography(corners, pageQuad);
  if (!toPage) throw new Error('degenerate corners');
  const photo = warp(page, toPage, width, height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const p = mapPoint(toPage, { x: x + 0.5, y: y + 0.5 });
      if (p.x >= 0 && p.y >= 0 && p.x < page.width && p.y < page.height) continue;
      const o = (y * width + x) * 4;
      photo.data[o] = DESK[0];
      photo.data[o + 1] = DESK[1];
      photo.data[o + 2] = DESK[2];
    }
  }
  return photo;
}

/** The frame's corners (centres of its 2-px rules' outer corner, pixel-index coordinates) in a photo of the page. */
export function frameCornersInPhoto(corners: Quad): Quad {
  const { x0, y0, x1, y1 } = PAGE.frame;
  // The rules occupy [x0, x0 + 2) etc.: their centre lines are 1 px inside the edges, in continuous coordinates.
  const at = (x: number, y: number): Point => {
    const p = pageToPhoto(corners, { x, y });
    return { x: p.x - 0.5, y: p.y - 0.5 };
  };
  return [at(x0 + 1, y0 + 1), at(x1 - 1, y0 + 1), at(x1 - 1, y1 - 1), at(x0 + 1, y1 - 1)];
}

/** The image turned a quarter clockwise. */
export function turnClockwise(img: RasterImage): RasterImage {
  const out = blank(img.height, img.width);
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < img.width; x++) {
      const from = (y * img.width + x) * 4;
      const to = (x * img.height + (img.height - 1 - y)) * 4;
      out.data.set(img.data.subarray(from, from + 4), to);
    }
  }
  return out;
}
