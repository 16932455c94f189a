// Engine-independent pre- and post-processing for the PP-OCR (PaddleOCR) detection and recognition models,
// as PaddleOCR's own inference code does it: images become normalised CHW float tensors in BGR channel order
// (the models were trained on OpenCV's BGR images); the DB detector's probability map is thresholded, each
// connected region whose mean probability is high enough becomes a box, and the box is grown back ("unclip",
// distance = area × ratio / perimeter) because DB learns shrunk text kernels; the recogniser's per-step class
// probabilities are decoded greedily (CTC: repeats collapsed, class 0 is the blank, class k is dictionary[k-1]).
// Boxes here are axis-aligned: invoices are straightened before reading, and a tall box is a rotated line.
import type { RasterImage } from '../image/raster';

/** An axis-aligned box in pixels. */
export interface TextBox {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  /** Mean detector probability over the region (0–1). */
  readonly score: number;
}

/** Mean and standard deviation per channel, in the tensor's (BGR) channel order. */
export interface Normalisation {
  readonly mean: readonly [number, number, number];
  readonly std: readonly [number, number, number];
}

/** ImageNet statistics that the PP-OCR detector was trained with. */
export const DET_NORMALISATION: Normalisation = { mean: [0.485, 0.456, 0.406], std: [0.229, 0.224, 0.225] };
/** (x / 255 − 0.5) / 0.5, what the PP-OCR recogniser was trained with. */
export const REC_NORMALISATION: Normalisation = { mean: [0.5, 0.5, 0.5], std: [0.5, 0.5, 0.5] };

/**
 * A rectangle of `img` resampled (bilinear) to `outW` × `outH` as a 3 × outH × outW float tensor in BGR
 * order, normalised; `padTo` widens the tensor with zeros (the recogniser's batch padding).
 */
export function toTensor(img: RasterImage, src: { x: number; y: number; w: number; h: number }, outW: number, outH: number, norm: Normalisation, padTo = outW): Float32Array {
  const plane = outH * padTo;
  const out = new Float32Array(3 * plane);
  const sx = src.w / outW;
  const sy = src.h / outH;
  const d = img.data;
  const maxX = img.width - 1;
  const maxY = img.height - 1;
  // v / 255 normalised = v × k − m per channel.
  const k = norm.std.map((s) => 1 / (255 * s));
  const m = norm.mean.map((mean, c) => mean / (norm.std[c] ?? 1));
  for (let y = 0; y < outH; y++) {
    const fy = Math.min(maxY, Math.max(0, src.y + (y + 0.5) * sy - 0.5));
    const y0 = Math.floor(fy);
    const y1 = Math.min(maxY, y0 + 1);
    const wy = fy - y0;
    for (let x = 0; x < outW; x++) {
      const fx = Math.min(maxX, Math.max(0, src.x + (x + 0.5) * sx - 0.5));
      const x0 = Math.floor(fx);
      const x1 = Math.min(maxX, x0 + 1);
      const wx = fx - x0;
      const a = (y0 * img.width + x0) * 4;
      const b = (y0 * img.width + x1) * 4;
      const c = (y1 * img.width + x0) * 4;
      const e = (y1 * img.width + x1) * 4;
      const o = y * padTo + x;
      for (let ch = 0; ch < 3; ch++) {
        const rgb = 2 - ch; // tensor channel 0 is blue
        const v = ((d[a + rgb] ?? 0) * (1 - wx) + (d[b + rgb] ?? 0) * wx) * (1 - wy) + ((d[c + rgb] ?? 0) * (1 - wx) + (d[e + rgb] ?? 0) * wx) * wy;
        out[ch * plane + o] = v * (k[ch] ?? 0) - (m[ch] ?? 0);
      }
    }
  }
  return out;
}

/** Options of the DB box extraction (PaddleOCR's defaults). */
export interface DbOptions {
  /** A pixel is text when its probability exceeds this. */
  readonly threshold: number;
  /** A region is kept when its mean probability reaches this. */
  readonly boxThreshold: number;
  /** How far a kernel is grown back, relative to area / perimeter. */
  readonly unclipRatio: number;
  /** Regions whose shorter side is below this (map pixels) are noise. */
  readonly minSide: number;
}

export const DB_DEFAULTS: DbOptions = { threshold: 0.3, boxThreshold: 0.6, unclipRatio: 1.5, minSide: 3 };

/**
 * Text boxes from a DB probability map (`width` × `height`, row-major), in map pixels, clipped to the map,
 * sorted top to bottom and then left to right within a line. Regions are 8-connected.
 */
export function dbBoxes(prob: Float32Array, width: number, height: number, options: DbOptions = DB_DEFAULTS): TextBox[] {
  const seen = new Uint8Array(width * height);
  const stack = new Int32Array(width * height);
  const boxes: TextBox[] = [];
  for (let start = 0; start < prob.length; start++) {
    if (seen[start] === 1 || (prob[start] ?? 0) <= options.threshold) continue;
    let top = 0;
    stack[top++] = start;
    seen[start] = 1;
    let x0 = width, y0 = height, x1 = -1, y1 = -1, sum = 0, count = 0;
    while (top > 0) {
      const p = stack[--top] ?? 0;
      const px = p % width;
      const py = (p - px) / width;
      sum += prob[p] ?? 0;
      count++;
      if (px < x0) x0 = px;
      if (px > x1) x1 = px;
      if (py < y0) y0 = py;
      if (py > y1) y1 = py;
      for (let dy = -1; dy <= 1; dy++) {
        const ny = py + dy;
        if (ny < 0 || ny >= height) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const nx = px + dx;
          if (nx < 0 || nx >= width) continue;
          const q = ny * width + nx;
          if (seen[q] === 1 || (prob[q] ?? 0) <= options.threshold) continue;
          seen[q] = 1;
          stack[top++] = q;
        }
      }
    }
    const w = x1 - x0 + 1;
    const h = y1 - y0 + 1;
    const score = sum / count;
    if (Math.min(w, h) < options.minSide || score < options.boxThreshold) continue;
    const grow = (w * h * options.unclipRatio) / (2 * (w + h));
    const bx = Math.max(0, x0 - grow);
    const by = Math.max(0, y0 - grow);
    boxes.push({ x: bx, y: by, w: Math.min(width, x1 + 1 + grow) - bx, h: Math.min(height, y1 + 1 + grow) - by, score });
  }
  return sortReadingOrder(boxes);
}

/** Boxes in reading order: by top edge, and left to right among boxes whose tops are within half a line. */
export function sortReadingOrder<T extends { x: number; y: number; h: number }>(boxes: readonly T[]): T[] {
  const byTop = [...boxes].sort((a, b) => a.y - b.y || a.x - b.x);
  for (let i = 1; i < byTop.length; i++) {
    for (let j = i; j > 0; j--) {
      const a = byTop[j - 1];
      const b = byTop[j];
      if (!a || !b || Math.abs(b.y - a.y) >= Math.min(a.h, b.h) / 2 || b.x >= a.x) break;
      byTop[j - 1] = b;
      byTop[j] = a;
    }
  }
  return byTop;
}

/** A decoded line: its text and the mean probability of the characters kept. */
export interface CtcText {
  readonly text: string;
  readonly score: number;
}

/**
 * Greedy CTC decoding of one sequence: `probs` holds `steps` × `classes` probabilities (row-major); the best
 * class per step is taken, repeats collapse, class 0 (blank) separates, class k is `dictionary[k - 1]`.
 */
export function ctcGreedy(probs: Float32Array, steps: number, classes: number, dictionary: readonly string[]): CtcText {
  let text = '';
  let sum = 0;
  let kept = 0;
  let previous = -1;
  for (let t = 0; t < steps; t++) {
    const row = t * classes;
    let best = 0;
    let bestP = probs[row] ?? 0;
    for (let c = 1; c < classes; c++) {
      const p = probs[row + c] ?? 0;
      if (p > bestP) { bestP = p; best = c; }
    }
    if (best !== 0 && best !== previous) {
      text += dictionary[best - 1] ?? '';
      sum += bestP;
      kept++;
    }
    previous = best;
  }
  return { text, score: kept > 0 ? sum / kept : 0 };
}

/** The recogniser's dictionary from the keys file's text: one character a line, then the space class. */
export function ppocrDictionary(keysText: string): string[] {
  const keys = keysText.replace(/\r/g, '').split('\n');
  if (keys.at(-1) === '') keys.pop();
  return [...keys, ' '];
}
