import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { createNodeCapture, type NodeCapture } from '../../cli/capture-node';
import { captureFile } from '../../shared/capture/pipeline';
import { openCaptureHarness, type CaptureHarnessPage } from '../../bench/capture-harness-page';

/*
 * One capture, two hosts (issue #12 point 4): every real sample invoice beside the checkout (docs/invoice-rules.md#sample-invoices) goes through the pipeline in
 * Chromium — the app's own capture pool (capture workers, PP-OCR on onnxruntime-web in the text engine worker,
 * pdf.js, zxing-wasm, tesseract.js), served cross-origin isolated like the app — and in Node with
 * createNodeCapture() (the CLI's decoders, PP-OCR on onnxruntime-node). The key fields must be identical per file.
 * A table of every difference (value and source with its confidence) is printed before the assertions, so a
 * failure says which file, which field and what each side read.
 */

const SAMPLES = resolve(import.meta.dirname, '../../../shared/samples');
const FOLDERS = ['images', 'pdf', 'ofd', 'xml'];
const FIELDS = ['number', 'code', 'issueDate', 'amount', 'tax', 'total', 'buyerName', 'buyerTaxId', 'sellerName', 'sellerTaxId'] as const;
/** One date for both sides: the pipeline refuses dates after "today". */
const TODAY = new Date().toISOString().slice(0, 10);

type Fields = Record<(typeof FIELDS)[number] | 'outcome', string>;

function sampleFiles(): string[] {
  return FOLDERS.flatMap((folder) => {
    try {
      return readdirSync(join(SAMPLES, folder)).sort().map((name) => join(SAMPLES, folder, name));
    } catch {
      return [];
    }
  });
}

/** What the comparison looks at: the key fields as text, and whether the file was read at all (or its error code). */
function keyFields(result: unknown): { fields: Fields; sources: Partial<Fields> } {
  const r = result as {
    ok: boolean;
    value?: { extracted: { fields: Record<string, unknown>; sources: Record<string, { source: string; confidence: number } | undefined> } };
    error?: { code: string };
  };
  const extracted = r.ok ? r.value?.extracted : undefined;
  const text = (v: unknown) => (v === undefined || v === null ? '' : typeof v === 'string' ? v : JSON.stringify(v));
  const fields = { outcome: r.ok ? 'ok' : `error ${r.error?.code ?? '?'}` } as Fields;
  const sources: Partial<Fields> = {};
  for (const f of FIELDS) {
    fields[f] = text(extracted?.fields[f]);
    const origin = extracted?.sources[f];
    if (origin) sources[f] = `${origin.source} ${origin.confidence}`;
  }
  return { fields, sources };
}

let harness: CaptureHarnessPage;
let node: NodeCapture;

test.beforeAll(async ({ browser }) => {
  test.setTimeout(180_000);
  harness = await openCaptureHarness(browser);
  node = createNodeCapture();
});

test.afterAll(async () => {
  await harness.close();
  await node.close();
});

test('the app is cross-origin isolated (PP-OCR gets two threads) and the fallback engine still loads under COEP', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/');
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  expect(await harness.page.evaluate(() => window.fapiaoCapture?.isolated)).toBe(true);
  // tesseract.js (its worker script, wasm core and language data) from vendor/, inside the isolated page.
  const image = readFileSync(join(SAMPLES, 'images', 'tianjin-e-putong.png')).toString('base64');
  const text = await harness.page.evaluate(([b]) => window.fapiaoCapture!.tesseract(b), [image] as const);
  expect(text.replace(/\s/g, '')).toContain('33207675');
});

test('every sample gives the same key fields in Chromium (the app\'s workers) and in Node (the CLI)', async () => {
  const files = sampleFiles();
  expect(files.length).toBeGreaterThanOrEqual(12);
  test.setTimeout(files.length * 90_000);
  const rows: { file: string; field: string; chromium: string; node: string }[] = [];
  const compared: { file: string; chromium: Fields; node: Fields }[] = [];
  for (const path of files) {
    const name = path.slice(SAMPLES.length + 1);
    const bytes = readFileSync(path);
    const inBrowser = await harness.page.evaluate(
      ([n, b, today]) => window.fapiaoCapture!.capture(n, b, today),
      [name.split('/').pop() ?? name, bytes.toString('base64'), TODAY] as const,
    );
    const inNode = await captureFile(new Uint8Array(bytes), name.split('/').pop() ?? name, node.deps, TODAY);
    const chromium = keyFields(inBrowser.result);
    const nodeSide = keyFields(inNode);
    compared.push({ file: name, chromium: chromium.fields, node: nodeSide.fields });
    const shown = (side: typeof chromium, field: keyof Fields) => `${side.fields[field] || '—'}${side.sources[field] ? ` (${side.sources[field]})` : ''}`;
    for (const field of ['outcome', ...FIELDS] as const) {
      if (chromium.fields[field] !== nodeSide.fields[field]) rows.push({ file: name, field, chromium: shown(chromium, field), node: shown(nodeSide, field) });
    }
    console.log(`${name}: Chromium ${(inBrowser.ms / 1000).toFixed(1)} s (${inBrowser.stages.join('→')}), ${rows.filter((r) => r.file === name).length} differences`);
  }
  console.log(rows.length === 0
    ? `capture parity: all ${files.length} files identical in Chromium and Node`
    : `capture parity: ${rows.length} differences in ${new Set(rows.map((r) => r.file)).size} of ${files.length} files\n${table(rows)}`);
  expect(harness.failedRequests, 'requests the isolated page could not load').toEqual([]);
  // Two empty readings would be "identical" too: most key fields of the images must have been read.
  const images = compared.filter((c) => c.file.startsWith('images/'));
  const read = images.reduce((n, c) => n + FIELDS.filter((f) => c.chromium[f] !== '').length, 0);
  console.log(`key fields read from ${images.length} images in Chromium: ${read} of ${images.length * FIELDS.length} slots`);
  expect(read, 'key fields read from the images in Chromium').toBeGreaterThan(images.length * FIELDS.length * 0.6);
  for (const c of compared) expect.soft(c.chromium, c.file).toEqual(c.node);
});

function table(rows: readonly { file: string; field: string; chromium: string; node: string }[]): string {
  const head = ['file', 'field', 'Chromium', 'Node'];
  const cells = rows.map((r) => [r.file, r.field, r.chromium, r.node]);
  return [head, ...cells].map((c) => `| ${c.join(' | ')} |`).join('\n');
}
