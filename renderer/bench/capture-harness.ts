/**
 * The capture harness page (bench build only): the app's own capture pool — the same capture and text engine
 * workers, decoders and assets as the capture page — driven from Playwright, for the Chromium-vs-Node parity
 * test (test/e2e/capture-parity.spec.ts) and the browser capture bench (bench/capture-browser.bench.ts).
 */
import type { Captured } from '../../shared/capture/pipeline';
import type { CaptureWarning } from '../../shared/capture/extracted';
import type { Result } from '../../shared/domain/result';
import { createCapturePool } from '../workers/capture-pool';
import { ocr } from '../workers/ocr';
import { toRaster } from '../workers/raster';
import { attachTextEngine, readLines } from '../workers/text-engine-client';

/** What the harness offers the test: file bytes travel as base64 (page.evaluate arguments are JSON). */
export interface CaptureHarness {
  readonly isolated: boolean;
  /** One file through the pool, as the capture page runs it, with the stages it went through. */
  readonly capture: (name: string, base64: string, today: string) => Promise<{ result: Result<Captured, CaptureWarning>; ms: number; stages: string[] }>;
  /** PP-OCR alone on a decoded image (in a text engine worker of its own): how long the engine takes. */
  readonly readLines: (base64: string) => Promise<{ lines: string[]; ms: number }>;
  /** tesseract.js's page text (the fallback engine), from the same vendor files, to show they load in an isolated page. */
  readonly tesseract: (base64: string) => Promise<string>;
}

declare global {
  interface Window { fapiaoCapture?: CaptureHarness }
}

const bytesOf = (base64: string) => Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));

const pool = createCapturePool();
let engine: Worker | null = null;

window.fapiaoCapture = {
  isolated: crossOriginIsolated,
  async capture(name, base64, today) {
    const stages: string[] = [];
    const t = performance.now();
    const result = await pool.capture(name, bytesOf(base64), today, (stage) => { if (stages.at(-1) !== stage) stages.push(stage); });
    return { result, ms: performance.now() - t, stages };
  },
  async readLines(base64) {
    if (!engine) {
      engine = new Worker(new URL('../workers/text-engine.worker.ts', import.meta.url), { type: 'module' });
      const channel = new MessageChannel();
      engine.postMessage({ type: 'text-engine', port: channel.port2 }, [channel.port2]);
      attachTextEngine(channel.port1);
    }
    const image = await toRaster(bytesOf(base64));
    const t = performance.now();
    const lines = await readLines(image);
    return { lines: lines.map((l) => l.text), ms: performance.now() - t };
  },
  tesseract: (base64) => ocr(bytesOf(base64)),
};
document.title = 'capture ready';
