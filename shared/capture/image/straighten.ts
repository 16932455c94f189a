// Straightening before the text engine reads a page. A phone photo shows the invoice in perspective, a scan
// may be skewed, and a screenshot or a photo with the desk around it holds the invoice in part of the image;
// the field readers work by position (labels left of values, the header above the frame), so the page is
// turned into an upright view of the invoice: its ruled frame (frame.ts) mapped onto a rectangle, with a
// margin kept around it for the header above the frame (title, code, number, date) and the signatures below.
// When no frame is found with confidence, or the page is already upright and filled by the invoice (a flat
// scan, a 数电 render), the image comes back untouched: straightening must never make a page worse.
import { findFrame } from './frame';
import { homography, mapPoint, warp, type Point, type Quad } from './perspective';
import type { RasterImage } from './raster';
import { cropRect } from './raster-ops';

/** What straightening did: nothing, a rotation, a perspective correction, or a crop to the invoice. */
export type Straightening = 'none' | 'deskew' | 'perspective' | 'crop';

/** The page as the text engine should read it, and what was done to it. */
export interface Straightened {
  readonly image: RasterImage;
  readonly applied: Straightening;
}

/**
 * A frame whose sides all lie within this angle of the image's axes counts as upright and is not resampled: the
 * text engine reads lines turned by a degree as well as straight ones (sample scans turned 1°: the same fields with
 * and without straightening; turned 2° or 3°: 11 more of 82 key fields with it), and resampling softens small print.
 */
const UPRIGHT_DEGREES = 1.5;
/** Opposite sides closer to parallel than this are a rotated rectangle (deskew), not a perspective view. */
const PARALLEL_DEGREES = 0.5;
/** Margin kept beyond the frame's long sides, as a share of its short side: the header above the frame (~0.3). */
const MARGIN_ACROSS_LONG = 0.35;
/** Margin kept beyond the frame's short sides, as a share of its long side. */
const MARGIN_ACROSS_SHORT = 0.1;
/** An upright invoice is cropped out only when the crop keeps at most this share of the image. */
const CROP_SHARE = 0.6;
/** The straightened image's longer side at most (the text engine reads lines from this image at full size). */
const MAX_SIDE = 3000;

const degrees = (a: Point, b: Point): number => (Math.atan2(b.y - a.y, b.x - a.x) * 180) / Math.PI;
const distance = (a: Point, b: Point): number => Math.hypot(b.x - a.x, b.y - a.y);

/** Each side's angle from the image axis it runs along (top, right, bottom, left), in degrees. */
function sideTilts(q: Quad): number[] {
  const [tl, tr, br, bl] = q;
  return [degrees(tl, tr), degrees(tr, br) - 90, degrees(bl, br), degrees(tl, bl) - 90];
}

interface Box { readonly x0: number; readonly y0: number; readonly x1: number; readonly y1: number }

/**
 * The region to keep in the frame's own coordinates (frame = [0, w] × [0, h]): the frame and its margins, within
 * the part of that plane the image shows. Which margin holds the header depends on how the page is turned, so
 * both long sides get the header's margin.
 */
function keptRegion(q: Quad, w: number, h: number, image: RasterImage): Box {
  const long = Math.max(w, h);
  const short = Math.min(w, h);
  const mx = w >= h ? MARGIN_ACROSS_SHORT * long : MARGIN_ACROSS_LONG * short;
  const my = w >= h ? MARGIN_ACROSS_LONG * short : MARGIN_ACROSS_SHORT * long;
  const region = { x0: -mx, y0: -my, x1: w + mx, y1: h + my };
  const toFrame = homography(q, [{ x: 0, y: 0 }, { x: w, y: 0 }, { x: w, y: h }, { x: 0, y: h }]);
  if (!toFrame) return region;
  const corners = [{ x: 0, y: 0 }, { x: image.width, y: 0 }, { x: image.width, y: image.height }, { x: 0, y: image.height }];
  // An image corner beyond the horizon (the map's denominator ≤ 0) bounds nothing: the margins alone decide.
  if (corners.some((p) => (toFrame[6] ?? 0) * p.x + (toFrame[7] ?? 0) * p.y + (toFrame[8] ?? 1) <= 0)) return region;
  const seen = corners.map((p) => mapPoint(toFrame, p));
  return {
    x0: Math.max(region.x0, Math.min(...seen.map((p) => p.x))),
    y0: Math.max(region.y0, Math.min(...seen.map((p) => p.y))),
    x1: Math.min(region.x1, Math.max(...seen.map((p) => p.x))),
    y1: Math.min(region.y1, Math.max(...seen.map((p) => p.y))),
  };
}

/**
 * The image straightened to an upright view of the invoice's frame with margins (perspective or skew corrected,
 * the surroundings cropped), or the image itself with `applied: 'none'` when no frame is found with confidence
 * or the invoice already stands upright and fills the image.
 */
export function straighten(image: RasterImage): Straightened {
  const frame = findFrame(image);
  if (!frame) return { image, applied: 'none' };
  // Pixel centres sit at i + 0.5 in the continuous coordinates the warp maps between.
  const centre = (p: Point): Point => ({ x: p.x + 0.5, y: p.y + 0.5 });
  const q: Quad = [centre(frame.quad[0]), centre(frame.quad[1]), centre(frame.quad[2]), centre(frame.quad[3])];
  const [tl, tr, br, bl] = q;
  const w = Math.max(distance(tl, tr), distance(bl, br));
  const h = Math.max(distance(tl, bl), distance(tr, br));
  const region = keptRegion(q, w, h, image);
  const tilts = sideTilts(q);
  if (tilts.every((t) => Math.abs(t) <= UPRIGHT_DEGREES)) {
    // Upright: at most a crop (pixels copied, not resampled), and only when it drops much of the image.
    const x = Math.max(0, Math.floor(tl.x + region.x0));
    const y = Math.max(0, Math.floor(tl.y + region.y0));
    const width = Math.min(image.width, Math.ceil(tl.x + region.x1)) - x;
    const height = Math.min(image.height, Math.ceil(tl.y + region.y1)) - y;
    if (width * height > CROP_SHARE * image.width * image.height) return { image, applied: 'none' };
    return { image: cropRect(image, { x, y, width, height }), applied: 'crop' };
  }
  const scale = Math.min(1, MAX_SIDE / Math.max(region.x1 - region.x0, region.y1 - region.y0));
  const outW = Math.max(1, Math.round((region.x1 - region.x0) * scale));
  const outH = Math.max(1, Math.round((region.y1 - region.y0) * scale));
  const at = (fx: number, fy: number): Point => ({ x: (fx - region.x0) * scale, y: (fy - region.y0) * scale });
  const toSource = homography([at(0, 0), at(w, 0), at(w, h), at(0, h)], q);
  if (!toSource) return { image, applied: 'none' };
  const [top = 0, right = 0, bottom = 0, left = 0] = tilts;
  const parallel = Math.abs(top - bottom) <= PARALLEL_DEGREES && Math.abs(left - right) <= PARALLEL_DEGREES;
  return { image: warp(image, toSource, outW, outH), applied: parallel ? 'deskew' : 'perspective' };
}
