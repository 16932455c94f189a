import { describe, expect, it } from 'vitest';
import { findFrame } from './frame';
import type { Point, Quad } from './perspective';
import type { RasterImage } from './raster';
import { straighten } from './straighten';
import { blank, glyphRow, invoicePage, PAGE, photograph } from './synthetic-invoice';

const distance = (a: Point, b: Point) => Math.hypot(b.x - a.x, b.y - a.y);
const tilt = (a: Point, b: Point) => (Math.atan2(b.y - a.y, b.x - a.x) * 180) / Math.PI;

/** The frame found again in a straightened image: upright (every side within `degrees` of its axis) and its size. */
function uprightFrame(img: RasterImage, degrees: number): { width: number; height: number; quad: Quad } {
  const quad = findFrame(img)?.quad;
  if (!quad) throw new Error('no frame in the straightened image');
  const [tl, tr, br, bl] = quad;
  for (const t of [tilt(tl, tr), tilt(bl, br), tilt(tl, bl) - 90, tilt(tr, br) - 90]) expect(Math.abs(t)).toBeLessThanOrEqual(degrees);
  return { width: distance(tl, tr), height: distance(tl, bl), quad };
}

/** Ink (dark or coloured) pixels in a rectangle of the image. */
function inkIn(img: RasterImage, x0: number, y0: number, x1: number, y1: number): number {
  let n = 0;
  for (let y = Math.max(0, y0); y < Math.min(img.height, y1); y++) {
    for (let x = Math.max(0, x0); x < Math.min(img.width, x1); x++) if ((img.data[(y * img.width + x) * 4 + 2] ?? 255) < 180) n++;
  }
  return n;
}

/** Corners of the page turned `degrees` about its centre, on a desk with `pad` pixels around. */
function turned(degrees: number, pad: number): Quad {
  const r = (degrees * Math.PI) / 180;
  const cx = PAGE.width / 2;
  const cy = PAGE.height / 2;
  const at = (x: number, y: number): Point => ({
    x: pad + cx + (x - cx) * Math.cos(r) - (y - cy) * Math.sin(r),
    y: pad + cy + (x - cx) * Math.sin(r) + (y - cy) * Math.cos(r),
  });
  return [at(0, 0), at(PAGE.width, 0), at(PAGE.width, PAGE.height), at(0, PAGE.height)];
}

describe('straighten', () => {
  const frameWidth = PAGE.frame.x1 - PAGE.frame.x0 - 2;
  const frameHeight = PAGE.frame.y1 - PAGE.frame.y0 - 2;

  it('turns a photo in perspective into an upright view of the frame with the header above it', () => {
    const photo = photograph(invoicePage(), [{ x: 190, y: 160 }, { x: 1450, y: 215 }, { x: 1420, y: 1060 }, { x: 130, y: 985 }], 1600, 1200);
    const out = straighten(photo);
    expect(out.applied).toBe('perspective');
    const frame = uprightFrame(out.image, 0.3);
    // Opposite sides equally long: a rectangle again, in the page's proportions.
    const [tl, tr, br, bl] = frame.quad;
    expect(Math.abs(distance(tl, tr) - distance(bl, br)) / frame.width).toBeLessThan(0.01);
    expect(Math.abs(distance(tl, bl) - distance(tr, br)) / frame.height).toBeLessThan(0.01);
    // Its size is taken from the longer of each pair of opposite sides, which gets the proportions within a few per cent.
    expect(Math.abs(frame.width / frame.height / (frameWidth / frameHeight) - 1)).toBeLessThan(0.05);
    // The header (title, number, date) above the frame and the signature line below it are kept.
    const scale = frame.width / frameWidth;
    const headerTop = Math.round(tl.y - (PAGE.frame.y0 - 60) * scale);
    expect(headerTop).toBeGreaterThanOrEqual(0);
    expect(inkIn(out.image, Math.round(tl.x), headerTop, Math.round(tr.x), Math.round(tl.y) - 5)).toBeGreaterThan(1000);
    expect(inkIn(out.image, Math.round(bl.x), Math.round(bl.y) + 5, Math.round(br.x), Math.round(bl.y + 60 * scale))).toBeGreaterThan(500);
  });

  it('deskews a page turned a few degrees', () => {
    const photo = photograph(invoicePage(), turned(3, 100), 1600, 1100);
    const out = straighten(photo);
    expect(out.applied).toBe('deskew');
    const frame = uprightFrame(out.image, 0.3);
    expect(Math.abs(frame.width - frameWidth)).toBeLessThan(6);
  });

  it('crops an upright invoice out of a much larger image', () => {
    const screen = photograph(invoicePage(), [{ x: 300, y: 400 }, { x: 1700, y: 400 }, { x: 1700, y: 1300 }, { x: 300, y: 1300 }], 3000, 2000);
    const out = straighten(screen);
    expect(out.applied).toBe('crop');
    expect(out.image.width * out.image.height).toBeLessThan(0.4 * 3000 * 2000);
    const frame = uprightFrame(out.image, 0.1);
    expect(Math.abs(frame.width - frameWidth)).toBeLessThanOrEqual(1);
    expect(inkIn(out.image, 0, 0, out.image.width, Math.round(frame.quad[0].y) - 5)).toBeGreaterThan(1000);
  });

  it('leaves an upright page that the invoice fills untouched', () => {
    const page = invoicePage();
    const out = straighten(page);
    expect(out.applied).toBe('none');
    expect(out.image).toBe(page);
  });

  it('leaves a page skewed by a degree, like a scan, untouched', () => {
    const scan = photograph(invoicePage(), turned(1, 20), 1440, 940);
    expect(straighten(scan)).toEqual({ image: scan, applied: 'none' });
  });

  it('leaves a page without a frame untouched', () => {
    const page = blank(1400, 900);
    for (let y = 50; y < 850; y += 40) glyphRow(page, 60, y, 60);
    expect(straighten(page)).toEqual({ image: page, applied: 'none' });
  });
});
