/*
 * Browser capture bench (issue #12): the real sample images (docs/invoice-rules.md#sample-invoices; the image entries of
 * bench/fixtures/samples-truth.json) in headless Chromium through the app's own workers, served cross-origin
 * isolated like the app (onnxruntime-web on 2 threads):
 * - PP-OCR alone: the text engine worker reading each decoded image (warm: models loaded on a first image);
 * - captureFile per image through the capture pool, as the capture page runs it (decode, QR, PP-OCR, cell re-reads);
 * - tesseract.js page OCR on the same images beside it (BENCH_BROWSER_TESSERACT=0 skips it).
 * The machine's load average is printed before and after: on a shared 2-core machine it stretches every figure.
 * Peak memory is the largest renderer process's peak RSS over the captures (the page and its workers live there).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { basename, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../playwright.config';
import { openCaptureHarness } from './capture-harness-page';
import { loadSamplesTruth } from './fixtures/truth';
import { median, type BenchRow } from './stats';

const ROOT = resolve(import.meta.dirname, '..');
const TODAY = '2026-06-30';
const MB = 1024 * 1024;
const withTesseract = process.env.BENCH_BROWSER_TESSERACT !== '0';

const load1 = () => loadavg()[0] ?? 0;

/** The renderer processes under `browserPid` (the page and its workers live there). */
function rendererPids(browserPid: number): number[] {
  const parent = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      parent.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // Gone meanwhile.
    }
  }
  const under = (pid: number): boolean => pid === browserPid || (pid > 1 && parent.has(pid) && under(parent.get(pid) ?? 0));
  return [...parent.keys()].filter((pid) => {
    try {
      return under(pid) && readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer');
    } catch {
      return false;
    }
  });
}

/** Peak RSS (VmHWM) of the largest of `pids`, in bytes. */
function peakRss(pids: readonly number[]): number {
  let peak = 0;
  for (const pid of pids) {
    try {
      const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      peak = Math.max(peak, m ? Number(m[1]) * 1024 : 0);
    } catch {
      // Gone meanwhile.
    }
  }
  return peak;
}

/** CPU seconds (user + system) that `pids` have used so far: on a busy machine a steadier figure than the wall clock. */
function cpuSeconds(pids: readonly number[]): number {
  let sum = 0;
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      sum += (Number(fields[11]) + Number(fields[12])) / 100;
    } catch {
      // Gone meanwhile.
    }
  }
  return sum;
}

/** Runs the browser capture bench and returns its figures. */
export async function captureBrowserBench(): Promise<BenchRow[]> {
  const images = loadSamplesTruth().filter((s) => s.set === 'image').map((s) => resolve(ROOT, s.path));
  const first = images[0];
  if (!first) throw new Error('no real sample images (../shared/samples/images)');
  const launched = await chromium.launchServer({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const browser = await chromium.connect(launched.wsEndpoint());
  const harness = await openCaptureHarness(browser);
  const b = `browser capture (Chromium, ${images.length} real images)`;
  try {
    const { page } = harness;
    const isolated = await page.evaluate(() => window.fapiaoCapture!.isolated);
    const loadBefore = load1();
    const b64 = (path: string) => readFileSync(path).toString('base64');
    const renderers = rendererPids(launched.process().pid ?? 0);
    /** Wall-clock ms and renderer CPU seconds per image, after one warm-up run (runtime, models and workers loaded). */
    const timed = async (label: string, run: (base64: string, name: string) => Promise<number>): Promise<{ ms: number[]; cpu: number[] }> => {
      await run(b64(first), basename(first));
      const ms: number[] = [];
      const cpu: number[] = [];
      for (const path of images) {
        const cpu0 = cpuSeconds(renderers);
        ms.push(await run(b64(path), basename(path)));
        cpu.push(cpuSeconds(renderers) - cpu0);
        process.stderr.write(`${label} ${basename(path)} ${(ms.at(-1)! / 1000).toFixed(2)} s, CPU ${cpu.at(-1)!.toFixed(2)} s (load ${load1().toFixed(2)})\n`);
      }
      return { ms, cpu };
    };
    // Captures first: the renderer's peak RSS is then the app's own (one text engine); PP-OCR alone loads a second.
    const capture = await timed('captureFile', async (base64, name) =>
      (await page.evaluate(([x, n, t]) => window.fapiaoCapture!.capture(n, x, t), [base64, name, TODAY] as const)).ms);
    const peak = peakRss(renderers);
    const engine = await timed('PP-OCR', async (base64) => (await page.evaluate(([x]) => window.fapiaoCapture!.readLines(x), [base64] as const)).ms);
    const tesseract = withTesseract
      ? await timed('tesseract.js', (base64) => page.evaluate(async ([x]) => {
        const t = performance.now();
        await window.fapiaoCapture!.tesseract(x);
        return performance.now() - t;
      }, [base64] as const))
      : null;
    const loadAfter = load1();
    const threads = isolated ? 2 : 1;
    return [
      { bench: b, metric: 'page cross-origin isolated (1 = yes): onnxruntime-web threads', value: threads, unit: 'threads' },
      { bench: b, metric: 'machine load average (1 min) before', value: loadBefore, unit: '' },
      { bench: b, metric: `PP-OCR alone per image, warm (onnxruntime-web, ${threads} threads), median`, value: median(engine.ms) / 1000, unit: 's' },
      { bench: b, metric: 'PP-OCR alone per image, slowest', value: Math.max(...engine.ms) / 1000, unit: 's' },
      { bench: b, metric: 'PP-OCR alone per image, CPU of the renderer, median', value: median(engine.cpu), unit: 's' },
      { bench: b, metric: 'captureFile per image through the capture pool, warm, median', value: median(capture.ms) / 1000, unit: 's', target: 4 },
      { bench: b, metric: 'captureFile per image, slowest', value: Math.max(...capture.ms) / 1000, unit: 's' },
      { bench: b, metric: 'captureFile per image, CPU of the renderer, median', value: median(capture.cpu), unit: 's' },
      ...(tesseract ? [
        { bench: b, metric: 'tesseract.js page OCR per image (fallback engine, same images), median', value: median(tesseract.ms) / 1000, unit: 's' },
        { bench: b, metric: 'tesseract.js page OCR per image, CPU of the renderer, median', value: median(tesseract.cpu), unit: 's' },
      ] : []),
      { bench: b, metric: 'machine load average (1 min) after', value: loadAfter, unit: '' },
      { bench: b, metric: 'renderer process peak RSS over the captures (page + capture pool + text engine)', value: peak / MB, unit: 'MB', target: 1024 },
    ];
  } finally {
    await harness.close();
    await browser.close();
    await launched.close();
  }
}
