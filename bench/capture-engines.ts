// The text-engine configurations the capture bench compares, and the two ways it runs files through captureFile:
// one at a time with each file timed (warm), and as a batch where several captures share the pages.
//   ppocr     — the product default, createNodeCapture({ engine: 'both' }): PP-OCR reads the page's lines,
//               tesseract.js re-reads the ruled cells of fields still missing (and stands in if ONNX cannot start);
//   tesseract — createNodeCapture({ engine: 'tesseract' }): tesseract.js page OCR and cell re-reads, no PP-OCR.
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { createNodeCapture, type NodeCapture } from '../cli/capture-node';
import { createPpocrEngine } from '../cli/capture-node/ppocr';
import { captureFile, type Captured } from '../shared/capture/pipeline';

/** A text-engine configuration of the bench. */
export type EngineKey = 'ppocr' | 'tesseract';

/** Column and row labels. */
export const ENGINE_LABEL: Readonly<Record<EngineKey, string>> = { ppocr: 'PP-OCR (+ tesseract cells)', tesseract: 'tesseract.js only' };

/** createNodeCapture's `engine` option for each configuration. */
export const ENGINE_CHOICE = { ppocr: 'both', tesseract: 'tesseract' } as const satisfies Record<EngineKey, string>;

/** The engines to run: BENCH_CAPTURE_ENGINES=ppocr or =tesseract runs one (quicker while iterating); default both. */
export function selectedEngines(): EngineKey[] {
  const wanted = (process.env.BENCH_CAPTURE_ENGINES ?? 'ppocr,tesseract').split(',').map((s) => s.trim());
  const keys = (['ppocr', 'tesseract'] as const).filter((k) => wanted.includes(k));
  return keys.length > 0 ? keys : ['ppocr', 'tesseract'];
}

const TODAY = '2026-06-30';

/**
 * A capture for the configuration. PP-OCR with other than its default 2 threads per session is composed here from
 * the tesseract-only capture plus a PP-OCR engine (createNodeCapture has no thread option): the same deps as 'both'.
 */
export function engineCapture(engine: EngineKey, ppocrThreads = 2): NodeCapture {
  if (engine === 'tesseract' || ppocrThreads === 2) return createNodeCapture({ engine: ENGINE_CHOICE[engine] });
  const tesseract = createNodeCapture({ engine: 'tesseract' });
  const ppocr = createPpocrEngine({ threads: ppocrThreads });
  return {
    deps: { ...tesseract.deps, readLines: (img) => ppocr.recognizeLines(img) },
    close: async () => { await tesseract.close(); await ppocr.close(); },
  };
}

/** One file through the pipeline; null when the capture failed (the accuracy table scores it as nothing read). */
export async function captureBytes(path: string, capture: NodeCapture): Promise<Captured | null> {
  const r = await captureFile(new Uint8Array(readFileSync(path)), path, capture.deps, TODAY);
  return r.ok ? r.value : null;
}

/**
 * Loads everything a capture loads on first use — the image decoder, the QR decoder, the ONNX sessions, the
 * tesseract.js worker — on one image, so that timed runs are warm.
 */
export async function warm(capture: NodeCapture, imagePath: string): Promise<void> {
  const d = capture.deps;
  const raster = d.decodeImage ? await d.decodeImage(new Uint8Array(readFileSync(imagePath))) : null;
  if (raster === null) throw new Error(`bench: cannot decode ${imagePath} to warm the engines`);
  await d.decodeQr(raster);
  if (d.readLines) await d.readLines(raster);
  if (d.ocr) await d.ocr(raster);
}

/** The injected decoders and engines whose time the bench splits out. */
const STAGES = ['readLines', 'ocr', 'ocrRegion', 'decodeImage', 'decodeQr', 'readPdf'] as const;
type Stage = (typeof STAGES)[number];

/** Wall seconds and calls per stage, summed over a pass. */
export type StageSplit = Record<Stage, { seconds: number; calls: number }>;

/** The capture with every stage's calls timed into `split` (sequential use only: overlapping calls would count twice). */
function timedDeps(capture: NodeCapture, split: StageSplit): NodeCapture {
  const deps: Record<string, unknown> = { ...capture.deps };
  for (const stage of STAGES) {
    const fn = capture.deps[stage] as ((...args: never[]) => Promise<unknown>) | undefined;
    if (fn === undefined) continue;
    deps[stage] = async (...args: never[]) => {
      const t0 = performance.now();
      try {
        return await fn(...args);
      } finally {
        split[stage].seconds += (performance.now() - t0) / 1000;
        split[stage].calls++;
      }
    };
  }
  return { deps: deps as unknown as NodeCapture['deps'], close: capture.close };
}

/** The split as one line: each stage's share of `total` seconds and its calls; the rest is the pipeline's own work. */
export function splitText(split: StageSplit, total: number): string {
  const name: Record<Stage, string> = { readLines: 'PP-OCR lines', ocr: 'tesseract page', ocrRegion: 'tesseract cells', decodeImage: 'decode', decodeQr: 'QR', readPdf: 'pdf.js' };
  const used = STAGES.filter((s) => split[s].calls > 0);
  const rest = total - used.reduce((a, s) => a + split[s].seconds, 0);
  const pc = (x: number) => `${Math.round((100 * x) / Math.max(total, 1e-9))}%`;
  return [...used.map((s) => `${name[s]} ${pc(split[s].seconds)} (${split[s].calls} calls)`), `rest ${pc(rest)}`].join(', ');
}

/**
 * Every file through one capture, one after the other: the results, each file's wall time in seconds, and the
 * time split by stage (PP-OCR, tesseract page and cells, decoding, QR).
 */
export async function timedPass(paths: readonly string[], capture: NodeCapture, progress: (i: number) => void): Promise<{ results: (Captured | null)[]; seconds: number[]; cpuSeconds: number[]; split: StageSplit }> {
  const split = Object.fromEntries(STAGES.map((s) => [s, { seconds: 0, calls: 0 }])) as StageSplit;
  const timed = timedDeps(capture, split);
  const results: (Captured | null)[] = [];
  const seconds: number[] = [];
  const cpuSeconds: number[] = [];
  for (const [i, path] of paths.entries()) {
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    results.push(await captureBytes(path, timed));
    seconds.push((performance.now() - t0) / 1000);
    cpuSeconds.push(cpuOf(process.cpuUsage(cpu0)));
    progress(i);
  }
  return { results, seconds, cpuSeconds, split };
}

/** CPU seconds of the whole process (main thread, ONNX Runtime's threads, tesseract.js workers) in a cpuUsage difference. */
function cpuOf(u: NodeJS.CpuUsage): number {
  return (u.user + u.system) / 1e6;
}

/** One batch configuration: `engines` captures, each with its own text engines, taking the next page when done. */
export interface BatchConfig {
  readonly engine: EngineKey;
  readonly engines: number;
  /** PP-OCR intra-op threads per ONNX session (tesseract.js workers are one thread each). */
  readonly threads: number;
}

/** What makes sense on this machine's cores: one PP-OCR engine using every core, one per core, and one tesseract.js worker per core. */
export function batchConfigs(engines: readonly EngineKey[]): BatchConfig[] {
  const cores = availableParallelism();
  const all: BatchConfig[] = [
    { engine: 'ppocr', engines: 1, threads: cores },
    ...(cores > 1 ? [{ engine: 'ppocr' as const, engines: cores, threads: 1 }] : []),
    { engine: 'tesseract', engines: cores, threads: 1 },
  ];
  return all.filter((c) => engines.includes(c.engine));
}

/** The configuration as a row label. */
export function batchLabel(c: BatchConfig): string {
  if (c.engine === 'tesseract') return `tesseract.js only, ${c.engines} capture${c.engines > 1 ? 's' : ''} × 1 worker, ${c.engines} page${c.engines > 1 ? 's' : ''} at a time`;
  const one = c.engines === 1;
  return `PP-OCR, ${c.engines} engine${one ? '' : 's'} × ${c.threads} thread${c.threads > 1 ? 's' : ''}, ${c.engines} page${one ? '' : 's'} at a time${one ? ' (as npm run extract)' : ''}`;
}

/** Runs `work` on every item, one worker per capture, each taking the next item when it is done. */
async function shareOut<T, W>(items: readonly T[], workers: readonly W[], work: (item: T, worker: W, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(workers.map(async (w) => {
    for (let i = next++; i < items.length; i = next++) {
      const item = items[i];
      if (item !== undefined) await work(item, w, i);
    }
  }));
}

/**
 * The pages through the configuration, warm (each capture warmed on `warmPath` before the clock starts): results
 * in page order, pages per minute, and the process's CPU seconds per page (far steadier than wall time under load).
 */
export async function batch(paths: readonly string[], config: BatchConfig, warmPath: string): Promise<{ results: (Captured | null)[]; pagesPerMinute: number; cpuSecondsPerPage: number }> {
  const captures = Array.from({ length: config.engines }, () => engineCapture(config.engine, config.threads));
  try {
    for (const c of captures) await warm(c, warmPath);
    const results: (Captured | null)[] = new Array<Captured | null>(paths.length).fill(null);
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    await shareOut(paths, captures, async (path, c, i) => { results[i] = await captureBytes(path, c); });
    const cpuSecondsPerPage = cpuOf(process.cpuUsage(cpu0)) / Math.max(1, paths.length);
    return { results, pagesPerMinute: (paths.length / ((performance.now() - t0) / 1000)) * 60, cpuSecondsPerPage };
  } finally {
    await Promise.all(captures.map((c) => c.close()));
  }
}
