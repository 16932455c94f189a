import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { respondToAppRequest } from '../../electron/main/app-response';
import { buildContentSecurityPolicy } from '../../electron/main/csp';
import { APP_ORIGIN } from '../../electron/main/origin-policy';
import { goTo } from './helpers/invoice';
import { openSignedIn } from './helpers/sign-in';

/*
 * The first page of an original PDF as the app draws it (renderer/ui/pdf-render.ts, built and served under the
 * page's Content-Security-Policy): every glyph the file places must be drawn there, at the size the file asks for.
 * Where each glyph goes and how big it is comes from pdf.js's text layer in Node, which needs no fonts; the browser
 * canvas is then measured glyph by glyph (ink present, ink height against the font size). Covered: the real Sichuan
 * 数电专票 (an embedded SimSun subset), a file whose Chinese font is not embedded (Adobe-GB1 STSong-Light with the
 * UniGB-UCS2-H CMap, as many issuing systems write it: without pdf.js's bundled CMaps nothing is drawn) and one
 * with a non-embedded Helvetica (a font of the PC, else pdf.js's bundled Liberation Sans). Each runs under the browser build's meta policy
 * and under the desktop app's header policy (the built renderer answered by respondToAppRequest, as app://fapiao
 * does); the data files must come from vendor/pdfjs/ and nothing may be refused. Each canvas is saved to /tmp/shots-pdf/.
 *
 * The Sichuan sample's characters are small on purpose of its maker, not ours: the converter that wrote it placed
 * glyphs in 200-dpi units but sized them in points (8.8 pt glyphs 25 pt apart on a 1653 × 1100 pt page), and every
 * renderer draws them that small. The test holds the app to the file: glyphs at the file's size, none missing.
 */

const SHOTS = '/tmp/shots-pdf';
const DIST = resolve(import.meta.dirname, '../../dist/renderer');
const ASSETS = resolve(DIST, 'assets');
const REPORT_PATH = '/__csp-report';
const reports: string[] = [];
const CMAPS = resolve(import.meta.dirname, '../../node_modules/pdfjs-dist/cmaps') + '/';
const SAMPLES = resolve(import.meta.dirname, '../../../shared/samples');
const SICHUAN = resolve(SAMPLES, 'pdf/sichuan-shudian-zhuan-rendered.pdf');
const WIDTH = 900;

interface GlyphBox { readonly str: string; readonly x: number; readonly y: number; readonly size: number }
interface Measured { readonly inked: number; readonly total: number; readonly medianHeightRatio: number; readonly missing: readonly string[]; readonly png: string }

/** A one-page PDF (595×842 pt) with the given font resource F1 (object 4 onwards) and page content. */
function onePagePdf(fontObjects: readonly string[], content: string): Uint8Array {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 9 0 R >>',
    ...fontObjects,
  ];
  while (objects.length < 8) objects.push('null');
  objects.push(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => { offsets.push(out.length); out += `${i + 1} 0 obj\n${body}\nendobj\n`; });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}

/** 电子发票（增值税专用发票） and a line of figures in STSong-Light, not embedded, UniGB-UCS2-H (two bytes a character). */
function cjkNotEmbedded(): Uint8Array {
  const ucs2 = (s: string) => `<${Array.from(s).map((c) => (c.codePointAt(0) ?? 0).toString(16).padStart(4, '0')).join('')}>`;
  return onePagePdf([
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [5 0 R] >>',
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor 6 0 R /DW 1000 >>',
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
  ], `BT /F1 28 Tf 60 760 Td ${ucs2('电子发票（增值税专用发票）')} Tj ET\nBT /F1 18 Tf 60 700 Td ${ucs2('价税合计：贰仟壹佰伍拾元陆角叁分')} Tj ET`);
}

/** Figures and Latin text in Helvetica, not embedded. */
function helveticaNotEmbedded(): Uint8Array {
  return onePagePdf(['<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>'],
    'BT /F1 24 Tf 60 760 Td (Invoice No. 23512000000005197325) Tj ET\nBT /F1 24 Tf 60 720 Td (Total 2150.63 CNY) Tj ET');
}

/** Where pdf.js's text layer puts every visible character of page 1, in canvas pixels at WIDTH. */
async function glyphBoxes(data: Uint8Array): Promise<GlyphBox[]> {
  const doc = await getDocument({ data: data.slice(), cMapUrl: CMAPS, cMapPacked: true, verbosity: 0 }).promise;
  try {
    const page = await doc.getPage(1);
    const base = page.getViewport({ scale: 1 });
    const scale = WIDTH / base.width;
    const items = (await page.getTextContent()).items.flatMap((item) => ('str' in item ? [item] : []));
    return items.flatMap((item) => {
      const [a = 0, b = 0, , , e = 0, f = 0] = item.transform as number[];
      const size = Math.hypot(a, b) * scale;
      const chars = Array.from(item.str);
      const advance = (item.width * scale) / Math.max(1, chars.length);
      return chars.flatMap((str, i) => (str.trim() === '' ? [] : [{ str, x: e * scale + i * advance, y: (base.height - f) * scale, size }]));
    });
  } finally {
    await doc.destroy();
  }
}

/** Loads the built pdf-render chunk into the app's page, draws the PDF and measures each glyph box's ink. */
async function renderInApp(page: Page, data: Uint8Array, boxes: readonly GlyphBox[]): Promise<Measured> {
  const chunk = readdirSync(ASSETS).find((f) => /^pdf-render-.*\.js$/.test(f));
  if (chunk === undefined) throw new Error('no pdf-render chunk in dist/renderer/assets: run npx vite build');
  return page.evaluate(async ({ src, bytes, boxes, width }) => {
    const mod = (await import(src)) as { renderFirstPage: (blob: Blob, canvas: HTMLCanvasElement) => Promise<void> };
    const canvas = document.createElement('canvas');
    document.body.append(canvas);
    await mod.renderFirstPage(new Blob([new Uint8Array(bytes)], { type: 'application/pdf' }), canvas);
    const scale = canvas.width / width;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2d context');
    const img = ctx.getImageData(0, 0, canvas.width, canvas.height);
    const dark = (x: number, y: number) => {
      if (x < 0 || y < 0 || x >= img.width || y >= img.height) return false;
      const i = (y * img.width + x) * 4;
      return (img.data[i + 3] ?? 0) > 0 && Math.min(img.data[i] ?? 255, img.data[i + 1] ?? 255, img.data[i + 2] ?? 255) < 190;
    };
    const ratios: number[] = [];
    let inked = 0;
    const missing: string[] = [];
    for (const box of boxes) {
      const size = box.size * scale;
      // The glyph's em box: from the baseline up one font size (a little slack on each side).
      const x0 = Math.floor(box.x * scale - 1), x1 = Math.ceil(box.x * scale + size * 0.9 + 1);
      const y0 = Math.floor(box.y * scale - size * 1.05), y1 = Math.ceil(box.y * scale + size * 0.25);
      let top = Infinity, bottom = -Infinity;
      for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) if (dark(x, y)) { top = Math.min(top, y); bottom = Math.max(bottom, y); }
      if (bottom < top) { missing.push(box.str); continue; }
      inked++;
      // CJK and capitals/digits fill most of the em; punctuation and lower case less, hence the median.
      if (/[\p{Script=Han}A-Z0-9]/u.test(box.str)) ratios.push((bottom - top + 1) / size);
    }
    ratios.sort((a, b) => a - b);
    return { inked, total: boxes.length, medianHeightRatio: ratios[Math.floor(ratios.length / 2)] ?? 0, missing, png: canvas.toDataURL('image/png') };
  }, { src: `./assets/${chunk}`, bytes: [...data], boxes, width: WIDTH });
}

function save(name: string, measured: Measured): void {
  writeFileSync(`${SHOTS}/${name}.png`, Buffer.from(measured.png.replace(/^data:image\/png;base64,/, ''), 'base64'));
}

let server: Server;
let appBase = '';
test.beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  // The built renderer as app://fapiao answers it (the desktop app's header policy, no meta policy), plus the
  // violations Chromium reports for it.
  server = createServer((req, res) => {
    if (req.method === 'POST' && req.url === REPORT_PATH) {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => { reports.push(Buffer.concat(chunks).toString('utf8')); res.writeHead(204).end(); });
      return;
    }
    respondToAppRequest(new Request(new URL(req.url ?? '/', APP_ORIGIN)), DIST, readFile, `${buildContentSecurityPolicy()}; report-uri ${REPORT_PATH}`)
      .then(async (response) => {
        res.writeHead(response.status, Object.fromEntries(response.headers));
        res.end(Buffer.from(await response.arrayBuffer()));
      })
      .catch((error: unknown) => { res.writeHead(500).end(String(error)); });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  appBase = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
test.afterAll(async () => { await new Promise((done) => server.close(done)); });

const CASES: readonly { readonly name: string; readonly file: () => Uint8Array; readonly minGlyphs: number; readonly fetches: RegExp | null }[] = [
  { name: 'sichuan-shudian-zhuan', file: () => new Uint8Array(readFileSync(SICHUAN)), minGlyphs: 300, fetches: null },
  { name: 'cjk-not-embedded', file: cjkNotEmbedded, minGlyphs: 25, fetches: /vendor\/pdfjs\/cmaps\/UniGB-UCS2-H\.bcmap$/ },
  { name: 'helvetica-not-embedded', file: helveticaNotEmbedded, minGlyphs: 35, fetches: null },
];

for (const policy of ['browser build (meta policy)', 'desktop app (app:// header policy)'] as const) {
  for (const { name, file, minGlyphs, fetches } of CASES) {
    test(`${policy}: ${name}: every glyph of page 1 is drawn where the file puts it, at its font size`, async ({ page }) => {
      const problems: string[] = [];
      const note = (text: string) => { if (/Refused to|Content Security Policy|standardFontDataUrl|cMapUrl|wasmUrl|Unable to load|Failed to fetch/i.test(text)) problems.push(text); };
      page.on('console', (msg) => { note(msg.text()); });
      page.on('worker', (worker) => { worker.on('console', (msg) => { note(`[worker] ${msg.text()}`); }); });
      const fetched: string[] = [];
      page.on('response', (response) => {
        if (!response.url().includes('/vendor/pdfjs/')) return;
        if (response.status() === 200) fetched.push(response.url());
        else problems.push(`${String(response.status())} ${response.url()}`);
      });
      reports.length = 0;
      await page.goto(policy.startsWith('desktop') ? `${appBase}/index.html` : '/');
      const data = file();
      const boxes = await glyphBoxes(data);
      expect(boxes.length).toBeGreaterThanOrEqual(minGlyphs);
      const measured = await renderInApp(page, data, boxes);
      save(`app-${policy.startsWith('desktop') ? 'desktop' : 'browser'}-${name}`, measured);
      // Every glyph box has ink: a few hairline glyphs (一, ．) drawn at 5 px may stay lighter than the threshold, none
      // may be missing for want of a font.
      expect(measured.inked / measured.total, `no ink for: ${measured.missing.join(' ')}`).toBeGreaterThan(0.9);
      // Drawn at the file's size: a CJK glyph, capital or digit is about 0.6–1.0 of its font size tall.
      expect(measured.medianHeightRatio).toBeGreaterThan(0.45);
      expect(measured.medianHeightRatio).toBeLessThan(1.3);
      if (fetches) expect(fetched.some((url) => fetches.test(url)), fetched.join('\n')).toBe(true);
      expect(problems).toEqual([]);
      expect(reports).toEqual([]);
    });
  }
}

/** Ink pixels of a canvas (not white, not transparent). */
const inkOf = (c: HTMLCanvasElement): number => {
  const data = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data ?? new Uint8ClampedArray();
  let n = 0;
  for (let i = 0; i < data.length; i += 4) if ((data[i + 3] ?? 0) > 0 && Math.min(data[i] ?? 255, data[i + 1] ?? 255, data[i + 2] ?? 255) < 190) n++;
  return n;
};

const OFDS = ['zhejiang-e-putong.ofd', 'test-100-lines.ofd', 'chongqing-test-3-lines.ofd', 'beijing-e-putong-test-env.ofd', 'qingdao-shudian-zhuan.ofd'];
const PDF_TRUTH: Record<string, string> = { 发票号码: '23512000000005197325', 开票日期: '2023-01-30', 销售方纳税人识别号: '92510124MA6B1BBY1G', 价税合计: '2150.63' };

test('in the app: the PDF and the five OFD samples show their originals when confirmed, on the invoice page and in print', async ({ page }) => {
  test.setTimeout(240_000);
  await openSignedIn(page, '/#/capture');
  await page.locator('input[type=file]').setInputFiles([SICHUAN, ...OFDS.map((name) => resolve(SAMPLES, 'ofd', name))]);
  await expect(page.getByText(/共 6 个文件：6 个已处理/)).toBeVisible({ timeout: 180_000 });
  for (const name of OFDS) {
    await page.locator('.queue-item', { hasText: name }).locator('.link').click();
    const original = page.locator('.confirm-original');
    await expect(original.locator('figcaption')).toContainText(name);
    // The OFD's text drawing: its first page's words where the file places them.
    await expect(original.getByRole('img', { name })).toBeVisible();
    expect(await original.locator('svg text').count(), name).toBeGreaterThan(20);
    await original.screenshot({ path: `${SHOTS}/ui-confirm-${name}.png` });
  }
  await page.locator('.queue-item', { hasText: 'sichuan-shudian-zhuan-rendered.pdf' }).locator('.link').click();
  const confirmCanvas = page.locator('.confirm-original canvas');
  await expect.poll(() => confirmCanvas.evaluate(inkOf), { timeout: 30_000 }).toBeGreaterThan(5000);
  for (const [label, value] of Object.entries(PDF_TRUTH)) {
    const input = page.getByLabel(label, { exact: true });
    if ((await input.inputValue()) !== value) await input.fill(value);
  }
  await page.keyboard.press('Enter');
  await expect(page.locator('.queue-item', { hasText: 'sichuan-shudian-zhuan-rendered.pdf' })).toContainText('已保存', { timeout: 15_000 });

  // The invoice page's original, then the print preview's 原件: the same drawing, as much ink as pdf.js gives the page.
  await goTo(page, '#/ledger');
  await page.getByRole('gridcell', { name: /23512000000005197325/ }).click();
  const pageCanvas = page.locator('.attachments canvas.pdf-page');
  await expect.poll(() => pageCanvas.evaluate(inkOf), { timeout: 30_000 }).toBeGreaterThan(5000);
  await page.locator('.attachments').screenshot({ path: `${SHOTS}/ui-invoice-original.png` });
  await page.getByRole('button', { name: '打印' }).click();
  const printCanvas = page.locator('.print-sheets .print-original canvas');
  await expect.poll(() => printCanvas.evaluate(inkOf), { timeout: 30_000 }).toBeGreaterThan(5000);
  await page.locator('.print-sheets .print-figure').filter({ has: page.locator('canvas') }).screenshot({ path: `${SHOTS}/ui-print-original.png` });
});
