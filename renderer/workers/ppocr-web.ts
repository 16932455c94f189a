/**
 * PP-OCRv4 in the browser: the shared engine (shared/capture/text/ppocr-engine.ts) over onnxruntime-web's wasm
 * backend. The runtime (its ES module and the SIMD + threaded wasm) and the models are the app's own files,
 * copied into vendor/ by scripts/prepare-assets.mjs; ort.env.wasm.wasmPaths points there, so nothing is fetched
 * from anywhere else. Threads need SharedArrayBuffer, i.e. a cross-origin isolated page (COOP + COEP headers).
 */
import type * as Ort from 'onnxruntime-web/wasm';
import { sessionModel, type OnnxModel, type PpocrModels } from '../../shared/capture/text/onnx-model';
import { createPpocrEngine } from '../../shared/capture/text/ppocr-engine';
import type { ReadLines } from '../../shared/capture/text/text-engine';

type OrtModule = typeof Ort;

/** The app's vendor folder, relative to the worker's own script (assets/ in a build, workers/ under vite dev). */
export const vendorUrl = (path: string) => new URL(`../vendor/${path}`, new URL('.', self.location.href)).href;

/** Files under vendor/ (scripts/prepare-assets.mjs copies them there). */
export const PPOCR_WEB_FILES = {
  runtime: 'ort/ort.wasm.min.mjs',
  wasmFolder: 'ort/',
  detection: 'ppocr/ch_PP-OCRv4_det_infer.onnx',
  recognition: 'ppocr/ch_PP-OCRv4_rec_infer.onnx',
  dictionary: 'ppocr/ppocr_keys_v1.txt',
} as const;

/**
 * Intra-op threads: 2 when the page is cross-origin isolated (the machines we target have 2 cores, and one
 * engine serves the whole capture pool), else 1 — without SharedArrayBuffer the threaded wasm runs on one.
 */
export function ortThreads(crossOriginIsolated: boolean): number {
  return crossOriginIsolated ? 2 : 1;
}

async function fetchBytes(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

/** A model file loaded into onnxruntime-web as an OnnxModel. */
async function model(ort: OrtModule, url: string): Promise<OnnxModel> {
  // As in Node: no memory arena and no memory patterns, since every image has its own tensor shapes.
  const session = await ort.InferenceSession.create(await fetchBytes(url), {
    executionProviders: ['wasm'], graphOptimizationLevel: 'all', enableCpuMemArena: false, enableMemPattern: false,
  });
  return sessionModel(session, (data, dims) => new ort.Tensor('float32', data, dims));
}

/** Loads onnxruntime-web from vendor/ and configures it (threads, local wasm, no proxy worker). */
async function loadRuntime(isolated: boolean): Promise<OrtModule> {
  const ort = (await import(/* @vite-ignore */ vendorUrl(PPOCR_WEB_FILES.runtime))) as OrtModule;
  ort.env.wasm.wasmPaths = vendorUrl(PPOCR_WEB_FILES.wasmFolder);
  ort.env.wasm.numThreads = ortThreads(isolated);
  ort.env.wasm.proxy = false;
  return ort;
}

/** Loads the PP-OCR models into onnxruntime-web (one runtime and one pair of sessions per worker). */
export async function loadWebPpocrModels(isolated = self.crossOriginIsolated): Promise<PpocrModels> {
  const ort = await loadRuntime(isolated);
  // Sequential: both sessions compile on the same wasm instance.
  const detection = await model(ort, vendorUrl(PPOCR_WEB_FILES.detection));
  const recognition = await model(ort, vendorUrl(PPOCR_WEB_FILES.recognition));
  const dictionary = await fetch(vendorUrl(PPOCR_WEB_FILES.dictionary));
  if (!dictionary.ok) throw new Error(`${PPOCR_WEB_FILES.dictionary}: HTTP ${dictionary.status}`);
  return { detection, recognition, dictionaryText: await dictionary.text() };
}

/** The browser text engine: `start` loads the runtime and the models once (and rejects for good when they cannot start); `readLines` reads a page. */
export interface WebTextEngine {
  readonly start: () => Promise<void>;
  readonly readLines: ReadLines;
}

/** Creates the engine with the same options as Node's (the shared defaults: maxDetSide 1920, minScore 0.5). */
export function createWebTextEngine(load: () => Promise<PpocrModels> = () => loadWebPpocrModels()): WebTextEngine {
  let models: Promise<PpocrModels> | null = null;
  const loadOnce = () => (models ??= load());
  const engine = createPpocrEngine(loadOnce);
  return {
    start: async () => { await loadOnce(); },
    readLines: (image) => engine.recognizeLines(image),
  };
}
