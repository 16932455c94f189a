// PP-OCRv4 text lines (PaddleOCR's detection + recognition models) on any ONNX Runtime: the platform loads
// the models (onnxruntime-node in the CLI, onnxruntime-web in the renderer's workers) and hands them in; the
// pre/post-processing (ppocr-math.ts) and the reading order are the same everywhere, so the CLI and the app
// read the same lines from the same pixels.
import type { RasterImage } from '../image/raster';
import type { PpocrModels } from './onnx-model';
import { ctcGreedy, dbBoxes, DB_DEFAULTS, DET_NORMALISATION, ppocrDictionary, REC_NORMALISATION, sortReadingOrder, toTensor, type TextBox } from './ppocr-math';
import type { OcrLine } from './text-engine';

/** A PP-OCR reader whose models stay loaded until close(). */
export interface PpocrEngine {
  /**
   * Every text line with its box; a page turned a quarter or upside down is read upright and its boxes are in
   * the upright page's pixels.
   */
  readonly recognizeLines: (image: RasterImage) => Promise<OcrLine[]>;
  readonly close: () => Promise<void>;
}

/** Tuning of the engine; the defaults are what the bench measured best on real invoice images. */
export interface PpocrOptions {
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
/** Lines read upright and upside down to decide whether a page is upside down. */
const UPSIDE_DOWN_SAMPLE = 6;
/** The sample's lines are at most this many times wider than high (roughly that many characters). */
const UPSIDE_DOWN_MAX_ASPECT = 10;
/**
 * How much better (mean recogniser score) the upside-down reading of the sample must be to turn the page; on the
 * real samples the right way wins by 0.26 to 0.98.
 */
const UPSIDE_DOWN_MARGIN = 0.1;

type Turn = 0 | 90 | -90 | 180;
interface Reading { readonly text: string; readonly score: number }

interface Crop { readonly box: TextBox; readonly pixels: RasterImage }
interface Loaded { readonly models: PpocrModels; readonly dictionary: string[] }

/** A crop of `img` (integer-aligned, clipped), turned a quarter clockwise or anticlockwise or a half turn when asked. */
function cropOf(img: RasterImage, box: TextBox, turn: Turn): RasterImage {
  const x0 = Math.max(0, Math.floor(box.x));
  const y0 = Math.max(0, Math.floor(box.y));
  const w = Math.max(1, Math.min(img.width, Math.ceil(box.x + box.w)) - x0);
  const h = Math.max(1, Math.min(img.height, Math.ceil(box.y + box.h)) - y0);
  const outW = turn === 0 || turn === 180 ? w : h;
  const outH = turn === 0 || turn === 180 ? h : w;
  const data = new Uint8ClampedArray(outW * outH * 4);
  const src = new Uint32Array(img.data.buffer, img.data.byteOffset, img.width * img.height);
  const dst = new Uint32Array(data.buffer);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const v = src[(y0 + y) * img.width + x0 + x] ?? 0;
      // 90 = clockwise: (x, y) → (h-1-y, x); -90 = anticlockwise: (x, y) → (y, w-1-x); 180: (w-1-x, h-1-y).
      const o = turn === 0 ? y * w + x : turn === 90 ? x * outW + (h - 1 - y) : turn === -90 ? (w - 1 - x) * outW + y : (h - 1 - y) * w + (w - 1 - x);
      dst[o] = v;
    }
  }
  return { width: outW, height: outH, data };
}

/** Creates the engine over models that `load` supplies on the first call (loading takes about 0.3 s natively). */
export function createPpocrEngine(load: () => Promise<PpocrModels>, options: PpocrOptions = {}): PpocrEngine {
  const maxDetSide = options.maxDetSide ?? 1920;
  const minScore = options.minScore ?? 0.5;
  let loaded: Promise<Loaded> | null = null;
  const models = () => (loaded ??= load().then((m) => ({ models: m, dictionary: ppocrDictionary(m.dictionaryText) })));

  const detect = async (m: Loaded, img: RasterImage): Promise<TextBox[]> => {
    const factor = Math.min(1, maxDetSide / Math.max(img.width, img.height));
    const w = Math.max(32, Math.round((img.width * factor) / 32) * 32);
    const h = Math.max(32, Math.round((img.height * factor) / 32) * 32);
    const data = toTensor(img, { x: 0, y: 0, w: img.width, h: img.height }, w, h, DET_NORMALISATION);
    const map = await m.models.detection.run({ data, dims: [1, 3, h, w] });
    const [, , mh = h, mw = w] = map.dims;
    const boxes = dbBoxes(map.data, mw, mh, DB_DEFAULTS);
    const sx = img.width / mw;
    const sy = img.height / mh;
    return boxes.map((b) => ({ x: b.x * sx, y: b.y * sy, w: b.w * sx, h: b.h * sy, score: b.score }));
  };

  const recognise = async (m: Loaded, crops: readonly Crop[]): Promise<Reading[]> => {
    const results: Reading[] = new Array<Reading>(crops.length);
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
      const probs = await m.models.recognition.run({ data, dims: [batch.length, 3, REC_HEIGHT, padTo] });
      const [, steps = 0, classes = 0] = probs.dims;
      batch.forEach((o, k) => {
        results[o.i] = ctcGreedy(probs.data.subarray(k * steps * classes, (k + 1) * steps * classes), steps, classes, m.dictionary);
      });
    }
    return results;
  };

  /**
   * Whether the page is upside down: a few of its lines are read as they stand and turned half round, and the
   * turned reading must win clearly on the mean recogniser score (on the 12 real samples: upright pages
   * 0.44–0.98 as they stand against 0.00–0.24 turned, upside-down ones 0.00–0.23 against 0.39–0.98). The sample's
   * upright readings come back too, so on an upright page those lines are not read a second time: the check
   * costs six short line reads per page.
   */
  const upsideDown = async (m: Loaded, image: RasterImage, wide: readonly TextBox[]): Promise<{ flip: boolean; sample: TextBox[]; upright: Reading[] }> => {
    // The tallest lines of at most a few characters: large print reads surely, and short crops keep the extra
    // (upside-down) reads cheap; the widest lines would cost as much as a sixth of the page.
    const short = wide.filter((b) => b.w <= UPSIDE_DOWN_MAX_ASPECT * b.h);
    const sample = [...(short.length >= 2 ? short : wide)].sort((a, b) => b.h - a.h).slice(0, UPSIDE_DOWN_SAMPLE);
    if (sample.length < 2) return { flip: false, sample: [], upright: [] };
    const reads = await recognise(m, sample.flatMap((box) => [{ box, pixels: cropOf(image, box, 0) }, { box, pixels: cropOf(image, box, 180) }]));
    const upright = reads.filter((_, i) => i % 2 === 0);
    const turned = reads.filter((_, i) => i % 2 === 1);
    const mean = (r: readonly Reading[]) => r.reduce((n, x) => n + x.score, 0) / r.length;
    return { flip: mean(turned) > mean(upright) + UPSIDE_DOWN_MARGIN, sample, upright };
  };

  const read = async (image: RasterImage, turned: boolean, flipped = false): Promise<OcrLine[]> => {
      const m = await models();
      const boxes = await detect(m, image);
      // A box at least 1.5× taller than wide is a line of a page turned a quarter. Which way is decided once
      // per page on the largest few such lines (read both ways, the better mean score wins); with only a few
      // tall boxes each is read both ways and keeps its better reading.
      const isTall = (b: TextBox) => b.h >= 1.5 * b.w;
      const tall = boxes.filter(isTall);
      let pageTurn: 90 | -90 | null = null;
      if (tall.length >= PAGE_TURN_SAMPLE) {
        const sample = [...tall].sort((a, b) => b.w * b.h - a.w * a.h).slice(0, PAGE_TURN_SAMPLE);
        const reads = await recognise(m, sample.flatMap(() => [90, -90] as const).map((turn, i) => {
          const box = sample[i >> 1] ?? tall[0];
          if (!box) throw new Error('unreachable: sample is not empty');
          return { box, pixels: cropOf(image, box, turn) };
        }));
        const mean = (parity: number) => reads.reduce((n, r, i) => n + (i % 2 === parity ? r.score : 0), 0);
        pageTurn = mean(0) >= mean(1) ? 90 : -90;
      }
      // Most lines tall: the whole page is turned a quarter. It is turned upright and read again, so that the
      // lines come back in the page's own coordinates (labels left of their values, the header on top), which
      // the field readers rely on.
      if (!turned && pageTurn !== null && tall.length > boxes.length / 2) {
        return read(cropOf(image, { x: 0, y: 0, w: image.width, h: image.height, score: 1 }, pageTurn), true);
      }
      // Upside down (a page fed the wrong way, or a quarter turn decided the wrong way): the page is turned half
      // round and read again from detection on, so it gives the very lines of the same page fed upright (the
      // check runs again there, its readings being part of the page's: batch padding moves scores a little).
      const check = await upsideDown(m, image, boxes.filter((b) => !isTall(b)));
      if (check.flip && !flipped) return read(cropOf(image, { x: 0, y: 0, w: image.width, h: image.height, score: 1 }, 180), true, true);
      const known = new Map(check.sample.map((box, i) => [box, check.upright[i]]));
      const crops: Crop[] = [];
      const readsOf: number[][] = [];
      for (const box of boxes) {
        const turns: readonly Turn[] = known.has(box) ? [] : !isTall(box) ? [0] : pageTurn ? [pageTurn] : [90, -90];
        readsOf.push(turns.map((turn) => crops.push({ box, pixels: cropOf(image, box, turn) }) - 1));
      }
      const texts = await recognise(m, crops);
      const lines: OcrLine[] = [];
      boxes.forEach((box, b) => {
        let read = known.get(box);
        for (const i of readsOf[b] ?? []) {
          const r = texts[i];
          if (r && (!read || r.score > read.score)) read = r;
        }
        if (!read || read.score < minScore || read.text.trim() === '') return;
        lines.push({ text: read.text, score: read.score, box: { x: Math.round(box.x), y: Math.round(box.y), w: Math.round(box.w), h: Math.round(box.h) } });
      });
      return sortReadingOrder(lines.map((l) => ({ ...l, x: l.box.x, y: l.box.y, h: l.box.h }))).map(({ text, box, score }) => ({ text, box, score }));
  };

  return {
    recognizeLines: (image) => read(image, false),
    async close() {
      const l = loaded;
      loaded = null;
      if (!l) return;
      const { models: m } = await l;
      await Promise.all([m.detection.release(), m.recognition.release()]);
    },
  };
}
