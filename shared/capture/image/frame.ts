// The invoice's outer frame: the ruled table every VAT invoice prints (classic and 数电 layouts alike), found
// as a quadrilateral in the image. The frame's four rules end in four L-shaped corners, whereas the table's
// inner rules end on a side (a T) — so of the long rules (frame-lines.ts, traced to their ends), the frame is
// the largest set of two near-horizontal and two near-vertical rules whose ends meet in its corners. Two corners
// may be hidden (a sheet lying over them, a seal, the photo's edge) or overrun (a QR code beside the corner):
// there the rules still point at the corner. Works in any quarter turn: the corners are named by where they lie
// in the image, not on the page.
import { findRules } from './frame-lines';
import type { Point, Quad } from './perspective';
import type { RasterImage } from './raster';
import { ridgeMask, workingGrey } from './ridge-mask';
import { robustFit, type Line, type TracedRule } from './rule-trace';

/** The frame's share of the image at least (a smaller box is a cell, a stamp or a screenshot's icon). */
const MIN_AREA_SHARE = 0.08;
/** Corners may lie this share of the image's size outside it. */
const OUTSIDE_TOLERANCE = 0.02;
const MIN_CORNER_DEGREES = 60;
/** Ends meet in a corner when both lie within this share of the shorter rule's length of it (and 3 px). */
const MEET_SHARE = 0.03;
/** Otherwise a rule may stop short of a corner by this share of its length (a sheet or a seal hides it)… */
const SHORT_SHARE = 0.3;
/** …or run on past it by this share (into a QR code, a seal); an inner rule's T mostly runs on much further. */
const OVERRUN_SHARE = 0.2;
/** The share of a side near a corner whose rule pixels give the corner's final position. */
const CORNER_FIT_SHARE = 0.3;

/** The frame as four corners in the image's pixels. */
export interface Frame {
  readonly quad: Quad;
}

/** Where a horizontal line (y = c + m·x) and a vertical one (x = c + m·y) cross. */
function cross(h: Line, v: Line): Point {
  const y = (h.c + h.m * v.c) / (1 - h.m * v.m);
  return { x: v.c + v.m * y, y };
}

const pointOf = (rule: TracedRule, end: { a: number; b: number }): Point => (rule.vertical ? { x: end.b, y: end.a } : { x: end.a, y: end.b });

type Corner = { readonly point: Point; readonly seen: boolean } | null;

/**
 * The corner where end `e` of horizontal rule `h` meets end `f` of vertical rule `v`: seen when both rules end
 * there, unseen when they stop a little short of it or run on a little past it, null when they form no corner.
 */
function corner(h: TracedRule, e: 0 | 1, v: TracedRule, f: 0 | 1): Corner {
  const he = h.ends[e];
  const ve = v.ends[f];
  const point = cross(he.tangent, ve.tangent);
  if (!Number.isFinite(point.x) || !Number.isFinite(point.y)) return null;
  // How far past each rule's end the meeting point lies (negative: the rule runs on past it).
  const beyondH = (e === 0 ? -1 : 1) * (point.x - he.a);
  const beyondV = (f === 0 ? -1 : 1) * (point.y - ve.a);
  const tol = Math.max(3, MEET_SHARE * Math.min(h.length, v.length));
  if (Math.abs(beyondH) <= tol && Math.abs(beyondV) <= tol) return { point, seen: true };
  const near = (beyond: number, length: number) => beyond >= -Math.max(tol, OVERRUN_SHARE * length) && beyond <= Math.max(tol, SHORT_SHARE * length);
  return near(beyondH, h.length) && near(beyondV, v.length) ? { point, seen: false } : null;
}

/**
 * The corner placed where the two rules' stretches next to it cross (`toward` the rest of each side: +1 when the
 * side goes on to larger coordinates): a bent sheet turns its rules, so their directions at the corner count.
 */
function refinedCorner(h: TracedRule, v: TracedRule, p: Point, towardX: 1 | -1, towardY: 1 | -1, width: number, height: number): Point {
  const near = (r: TracedRule, at: number, toward: 1 | -1, reach: number, fallback: Line): Line => {
    const lo = toward > 0 ? at - 2 : at - reach;
    const hi = toward > 0 ? at + reach : at + 2;
    const as: number[] = [];
    const bs: number[] = [];
    r.as.forEach((a, i) => { if (a >= lo && a <= hi) { as.push(a); bs.push(r.bs[i] ?? 0); } });
    return as.length >= 8 ? robustFit(as, bs, fallback) : fallback;
  };
  const hEnd = h.ends[towardX > 0 ? 0 : 1];
  const vEnd = v.ends[towardY > 0 ? 0 : 1];
  const q = cross(near(h, p.x, towardX, CORNER_FIT_SHARE * width, hEnd.tangent), near(v, p.y, towardY, CORNER_FIT_SHARE * height, vEnd.tangent));
  return Number.isFinite(q.x) && Number.isFinite(q.y) ? q : p;
}

function area(q: Quad): number {
  let s = 0;
  for (let i = 0; i < 4; i++) {
    const p = q[i] ?? { x: 0, y: 0 };
    const n = q[(i + 1) % 4] ?? { x: 0, y: 0 };
    s += p.x * n.y - n.x * p.y;
  }
  return Math.abs(s) / 2;
}

/** True when the quadrilateral is convex with every interior angle between 60° and 120°. */
function rectangular(q: Quad): boolean {
  let sign = 0;
  for (let i = 0; i < 4; i++) {
    const p = q[(i + 3) % 4] ?? { x: 0, y: 0 };
    const c = q[i] ?? { x: 0, y: 0 };
    const n = q[(i + 1) % 4] ?? { x: 0, y: 0 };
    const ax = p.x - c.x, ay = p.y - c.y, bx = n.x - c.x, by = n.y - c.y;
    const turn = Math.sign(ax * by - ay * bx);
    if (turn === 0 || (sign !== 0 && turn !== sign)) return false;
    sign = turn;
    const cos = (ax * bx + ay * by) / Math.hypot(ax, ay) / Math.hypot(bx, by);
    if (Math.abs(cos) > Math.cos((MIN_CORNER_DEGREES * Math.PI) / 180)) return false;
  }
  return true;
}

/** True when the point lies inside the convex quadrilateral. */
function inside(q: Quad, p: Point): boolean {
  let sign = 0;
  for (let i = 0; i < 4; i++) {
    const a = q[i] ?? { x: 0, y: 0 };
    const b = q[(i + 1) % 4] ?? { x: 0, y: 0 };
    const s = Math.sign((b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x));
    if (s !== 0 && sign !== 0 && s !== sign) return false;
    if (s !== 0) sign = s;
  }
  return true;
}

/** True when a rule other than the frame's runs inside it across at least half of it: a table, not an empty box. */
function hasInnerRule(q: Quad, frame: readonly TracedRule[], rules: readonly TracedRule[]): boolean {
  const [tl, tr, , bl] = q;
  const width = Math.hypot(tr.x - tl.x, tr.y - tl.y);
  const height = Math.hypot(bl.x - tl.x, bl.y - tl.y);
  return rules.some((r) => {
    if (frame.includes(r)) return false;
    const a = pointOf(r, r.ends[0]);
    const b = pointOf(r, r.ends[1]);
    return r.length >= 0.5 * (r.vertical ? height : width) && inside(q, { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 });
  });
}

/** The largest frame the rules form, in working pixels. */
function largestFrame(horizontal: readonly TracedRule[], vertical: readonly TracedRule[], width: number, height: number): Quad | null {
  const tolX = OUTSIDE_TOLERANCE * width;
  const tolY = OUTSIDE_TOLERANCE * height;
  const outside = (p: Point) => p.x < -tolX || p.y < -tolY || p.x > width - 1 + tolX || p.y > height - 1 + tolY;
  const all = [...horizontal, ...vertical];
  // Every pairing of a horizontal rule's end with a vertical rule's end, computed once: corners[h][v][2·e + f].
  const corners = horizontal.map((h) => vertical.map((v) => [corner(h, 0, v, 0), corner(h, 0, v, 1), corner(h, 1, v, 0), corner(h, 1, v, 1)]));
  const at = (h: number, e: 0 | 1, v: number, f: 0 | 1): Corner => corners[h]?.[v]?.[2 * e + f] ?? null;
  let best: { quad: Quad; score: number; sides: readonly [number, number, number, number] } | null = null;
  for (let top = 0; top < horizontal.length; top++) {
    for (let left = 0; left < vertical.length; left++) {
      const tl = at(top, 0, left, 0);
      if (!tl) continue;
      for (let right = 0; right < vertical.length; right++) {
        const tr = right === left ? null : at(top, 1, right, 0);
        if (!tr) continue;
        for (let bottom = 0; bottom < horizontal.length; bottom++) {
          const bl = bottom === top ? null : at(bottom, 0, left, 1);
          const br = bl ? at(bottom, 1, right, 1) : null;
          if (!bl || !br) continue;
          const seen = [tl, tr, br, bl].filter((c) => c.seen).length;
          if (seen < 2) continue;
          const quad: Quad = [tl.point, tr.point, br.point, bl.point];
          const a = area(quad);
          // Real corners outweigh size: a box of inner rules has at most two (where its rules end on the frame).
          const score = a * (seen + 1);
          if (a < MIN_AREA_SHARE * width * height || (best && score <= best.score)) continue;
          if (quad.some(outside) || !rectangular(quad)) continue;
          const sides = [horizontal[top], horizontal[bottom], vertical[left], vertical[right]].filter((r) => r !== undefined);
          if (!hasInnerRule(quad, sides, all)) continue;
          best = { quad, score, sides: [top, right, bottom, left] };
        }
      }
    }
  }
  if (!best) return null;
  const top = horizontal[best.sides[0]];
  const right = vertical[best.sides[1]];
  const bottom = horizontal[best.sides[2]];
  const left = vertical[best.sides[3]];
  if (!top || !right || !bottom || !left) return null;
  const [tl, tr, br, bl] = best.quad;
  const w = Math.max(tr.x - tl.x, br.x - bl.x);
  const h = Math.max(bl.y - tl.y, br.y - tr.y);
  const refined: Quad = [
    refinedCorner(top, left, tl, 1, 1, w, h), refinedCorner(top, right, tr, -1, 1, w, h),
    refinedCorner(bottom, right, br, -1, -1, w, h), refinedCorner(bottom, left, bl, 1, -1, w, h),
  ];
  return rectangular(refined) ? refined : best.quad;
}

/** The invoice's outer frame in the image, or null when no ruled frame is found with confidence. */
export function findFrame(image: RasterImage): Frame | null {
  const w = workingGrey(image);
  if (w.width < 32 || w.height < 32) return null;
  const quad = largestFrame(findRules(ridgeMask(w, false), w, false), findRules(ridgeMask(w, true), w, true), w.width, w.height);
  if (!quad) return null;
  // Working pixel centres to source pixel coordinates.
  const f = w.factor;
  const toSource = (p: Point): Point => ({ x: p.x * f + (f - 1) / 2, y: p.y * f + (f - 1) / 2 });
  return { quad: [toSource(quad[0]), toSource(quad[1]), toSource(quad[2]), toSource(quad[3])] };
}
