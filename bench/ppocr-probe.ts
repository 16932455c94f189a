/*
 * PP-OCR probe (issue #12): how many key values of each real sample image (the sample photos beside the checkout,
 * docs/invoice-rules.md#sample-invoices; truth in bench/fixtures/samples-truth.json's image entries, transcribed from their printed faces) appear anywhere in the
 * text of each engine — PP-OCRv4 on onnxruntime-node (cli/capture-node/ppocr) and today's tesseract.js page OCR
 * (cli/capture-node/ocr-node, what `npm run extract` reads) — with the warm time per image and the process's
 * peak RSS after each engine's phase (PP-OCR runs first, so its figure is its own; for tesseract's own figure run
 * it alone with --engine tesseract).
 * Usage: npx tsx bench/ppocr-probe.ts [--engine ppocr|tesseract|both] [--lines]   (--lines prints PP-OCR's text)
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { basename, resolve } from 'node:path';
import { tessdataDir } from '../cli/capture-node';
import { createNodeOcr } from '../cli/capture-node/ocr-node';
import { decodeRaster } from '../cli/capture-node/decode-image';
import { createPpocrEngine } from '../cli/capture-node/ppocr';
import type { RasterImage } from '../shared/capture/pipeline';
import { loadSamplesTruth, type KeyTruth } from './fixtures/truth';
import { keyValuePresent } from './key-presence';

const ROOT = resolve(import.meta.dirname, '..');
const KEYS = ['number', 'code', 'issueDate', 'buyerName', 'buyerTaxId', 'sellerName', 'sellerTaxId', 'amount', 'tax', 'total'] as const satisfies readonly (keyof KeyTruth)[];
interface Sample { readonly file: string; readonly path: string; readonly truth: KeyTruth }
interface Reading { readonly found: number; readonly of: number; readonly missed: string[]; readonly ms: number }

const args = process.argv.slice(2);
const engineArg = args[args.indexOf('--engine') + 1];
const engine = args.includes('--engine') && engineArg ? engineArg : 'both';
const showLines = args.includes('--lines');

const samples: Sample[] = loadSamplesTruth().flatMap((s) => (s.set === 'image' ? [{ file: basename(s.path), path: resolve(ROOT, s.path), truth: s.truth }] : []));
const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');
const peakMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

function score(text: string, truth: Sample['truth'], ms: number): Reading {
  const missed: string[] = [];
  let of = 0;
  for (const key of KEYS) {
    const value = truth[key];
    if (value === undefined) continue;
    of++;
    if (!keyValuePresent(text, value)) missed.push(key);
  }
  return { found: of - missed.length, of, missed, ms };
}

async function runEngine(name: string, read: (img: RasterImage) => Promise<string>, images: readonly RasterImage[]): Promise<Reading[]> {
  const first = images[0];
  if (first) await read(first); // warm: models loaded, sessions/worker started
  const out: Reading[] = [];
  for (const [i, img] of images.entries()) {
    const sample = samples[i];
    if (!sample) continue;
    const t = performance.now();
    const text = await read(img);
    out.push(score(text, sample.truth, performance.now() - t));
    process.stderr.write(`${name} ${sample.file} ${String(out.at(-1)?.found)}/${String(out.at(-1)?.of)}\n`);
  }
  return out;
}

const images: RasterImage[] = [];
for (const s of samples) {
  const img = await decodeRaster(new Uint8Array(readFileSync(s.path)));
  if (!img) throw new Error(`cannot decode ${s.file}`);
  images.push(img);
}

console.log(`PP-OCR probe — ${new Date().toISOString()} — load average at start ${load()}`);
console.log(`peak RSS with the ${String(images.length)} images decoded, before any engine: ${String(peakMb())} MB`);
const results = new Map<string, { readings: Reading[]; peak: number }>();
if (engine === 'ppocr' || engine === 'both') {
  const pp = createPpocrEngine();
  const readings = await runEngine('ppocr', async (img) => {
    const lines = await pp.recognizeLines(img);
    if (showLines) console.log(lines.map((l) => l.text).join(' | '));
    return lines.map((l) => l.text).join('\n');
  }, images);
  await pp.close();
  results.set('PP-OCRv4', { readings, peak: peakMb() });
}
if (engine === 'tesseract' || engine === 'both') {
  const dir = tessdataDir();
  if (!dir) throw new Error('tesseract models missing: run `npm run assets` first');
  const ocr = createNodeOcr(dir);
  const readings = await runEngine('tesseract', (img) => ocr.ocr(img), images);
  await ocr.close();
  results.set('tesseract.js', { readings, peak: peakMb() });
}

const engines = [...results.keys()];
const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - Array.from(s).length));
console.log(['image'.padEnd(44), ...engines.map((e) => pad(`${e} found`, 20) + pad('warm s', 8))].join(' '));
samples.forEach((s, i) => {
  const cells = engines.map((e) => {
    const r = results.get(e)?.readings[i];
    return r ? pad(`${String(r.found)}/${String(r.of)}`, 20) + pad((r.ms / 1000).toFixed(2), 8) : '';
  });
  console.log([s.file.padEnd(44), ...cells].join(' '));
});
for (const e of engines) {
  const r = results.get(e);
  if (!r) continue;
  const found = r.readings.reduce((n, x) => n + x.found, 0);
  const of = r.readings.reduce((n, x) => n + x.of, 0);
  const times = r.readings.map((x) => x.ms).sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)] ?? 0;
  console.log(`${e}: ${String(found)}/${String(of)} key values present; warm s/image median ${(median / 1000).toFixed(2)}, max ${((times.at(-1) ?? 0) / 1000).toFixed(2)}; peak RSS after this phase ${String(r.peak)} MB`);
  const missed = r.readings.flatMap((x, i) => (x.missed.length > 0 ? [`${samples[i]?.file ?? ''}: ${x.missed.join(', ')}`] : []));
  if (missed.length > 0) console.log(`  missed — ${missed.join('; ')}`);
}
console.log(`load average at end ${load()}`);
