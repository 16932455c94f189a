// The issue's bad inputs through the Node capture with the PP-OCR engine: each is refused with its own code (and
// message) or read right, never read wrong. The images are made from a real sample with sharp. PP-OCR runs take
// 2–5 s each on two cores (more while other work runs), so the set is small and the timeouts generous.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { captureMessage } from '../../shared/capture/capture-messages';
import { isCertain } from '../../shared/capture/extracted';
import { inklessPage } from '../../shared/capture/image/blank';
import { captureFile } from '../../shared/capture/pipeline';
import { decodeRaster } from './decode-image';
import { createNodeCapture } from './index';

const IMAGES = fileURLToPath(new URL('../../../shared/samples/images/', import.meta.url));
const TODAY = '2026-12-06';
const TIANJIN = readFileSync(`${IMAGES}tianjin-e-putong.png`);
/** What the 天津 sample says (as printed; also in bench/fixtures/samples-truth.json), for the fields a reading may give. */
const TIANJIN_TRUTH: Readonly<Record<string, string | number>> = {
  code: '012001800311', number: '33207675', issueDate: '2019-05-08', checkCode: '76939056883466677916',
  sellerName: '天津瑞佳讯贸易有限公司', sellerTaxId: '91120222079642398Y', buyerName: '个人',
  amount: 4662, tax: 608, total: 5270,
};

const capture = createNodeCapture({ engine: 'ppocr' });
afterAll(() => capture.close());

const run = (bytes: Uint8Array | Buffer, name: string) => captureFile(new Uint8Array(bytes), name, capture.deps, TODAY);

/** Every key field that was read has the true value (a field may be missing, never wrong). */
function expectNothingWrong(fields: Readonly<Record<string, unknown>>): void {
  for (const [name, value] of Object.entries(fields)) {
    if (name in TIANJIN_TRUTH) expect(value, name).toBe(TIANJIN_TRUTH[name]);
  }
}

describe('bad input (Node, PP-OCR)', { timeout: 240_000 }, () => {
  it('reads an invoice turned upside down: lines upright, the number and the seller from OCR', async () => {
    const upsideDown = await sharp(TIANJIN).rotate(180).png().toBuffer();
    const img = await decodeRaster(new Uint8Array(upsideDown));
    if (!img || !capture.deps.readLines) throw new Error('no decoder or text engine');
    const lines = await capture.deps.readLines(img);
    // Turned back and read from detection on: the very lines of the upright sample.
    const upright = await decodeRaster(new Uint8Array(TIANJIN));
    if (!upright) throw new Error('sample did not decode');
    expect(lines).toEqual(await capture.deps.readLines(upright));
    const number = lines.find((l) => l.text.includes('33207675'));
    // The page was turned upright: 发票号码 is in its top-right quarter, as on the upright sample.
    expect(number?.box.x).toBeGreaterThan(img.width / 2);
    expect(number?.box.y).toBeLessThan(img.height / 4);
    expect(lines.map((l) => l.text).join('\n')).toContain('91120222079642398Y');

    const r = await run(upsideDown, 'upside-down.png');
    if (!r.ok) throw new Error(r.error.code);
    expect(r.value.extracted.fields).toMatchObject({ number: '33207675', sellerTaxId: '91120222079642398Y', sellerName: '天津瑞佳讯贸易有限公司' });
    expect(r.value.extracted.sources.sellerName?.source).toBe('ocr');
    expectNothingWrong(r.value.extracted.fields);
  });

  it('refuses a blank page before OCR with its own message', async () => {
    const white = await sharp({ create: { width: 1240, height: 1754, channels: 3, background: '#ffffff' } }).png().toBuffer();
    // A scanned empty sheet: grey paper, sensor noise, JPEG.
    let seed = 3;
    const grey = Buffer.from(Array.from({ length: 800 * 600 * 3 }, () => 205 + (((seed = (seed * 1103515245 + 12345) >>> 0) >>> 24) % 21)));
    const scanned = await sharp(grey, { raw: { width: 800, height: 600, channels: 3 } }).jpeg({ quality: 60 }).toBuffer();
    for (const [bytes, name] of [[white, 'white.png'], [scanned, 'empty-scan.jpg']] as const) {
      const img = await decodeRaster(new Uint8Array(bytes));
      expect(img && inklessPage(img), name).toBe('blank');
      const r = await run(bytes, name);
      expect(r.ok, name).toBe(false);
      if (!r.ok) expect(r.error.code, name).toBe('blankImage');
    }
    expect(captureMessage({ code: 'blankImage' }, 'zh-CN')).toContain('空白');
    expect(captureMessage({ code: 'blankImage' }, 'en')).toContain('blank');
  });

  it('says "no invoice" for a picture without one', async () => {
    // Shapes, a gradient and noise: no text at all.
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="900">
      <defs><linearGradient id="g"><stop offset="0" stop-color="#3a7bd5"/><stop offset="1" stop-color="#f4d03f"/></linearGradient></defs>
      <rect width="1200" height="900" fill="url(#g)"/><circle cx="400" cy="450" r="220" fill="#c0392b"/>
      <rect x="700" y="200" width="300" height="420" fill="#27ae60" transform="rotate(15 850 410)"/>
      <path d="M100 800 Q 600 500 1100 820" stroke="#2c3e50" stroke-width="24" fill="none"/></svg>`;
    const picture = await sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toBuffer();
    let seed = 5;
    const noise = await sharp(Buffer.from(Array.from({ length: 640 * 480 * 3 }, () => (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24)), { raw: { width: 640, height: 480, channels: 3 } }).png().toBuffer();
    for (const [bytes, name] of [[picture, 'picture.jpg'], [noise, 'noise.png']] as const) {
      const r = await run(bytes, name);
      expect(r.ok, name).toBe(false);
      if (!r.ok) expect(r.error.code, name).toBe('notInvoice');
    }
  });

  it('refuses a 50-megapixel photo with its size, from the header', async () => {
    const big = await sharp({ create: { width: 8660, height: 5774, channels: 3, background: '#f0f0f0' } }).jpeg({ quality: 10 }).toBuffer();
    const r = await run(big, 'huge.jpg');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toEqual({ code: 'imageTooLarge', params: { megapixels: 50, limit: 40 } });
    expect(captureMessage(r.error, 'zh-CN')).toBe('图片过大（50 百万像素，上限 40），请缩小后再试');
  });

  it('leaves the fields of a heavily blurred photo empty and says why, never guesses them', async () => {
    const blurred = await sharp(TIANJIN).blur(10).png().toBuffer();
    const img = await decodeRaster(new Uint8Array(blurred));
    expect(img && inklessPage(img)).toBe('blurred');
    const r = await run(blurred, 'blurred.png');
    if (r.ok) {
      // Only values confirmed by a second reading survive a blurred page, and the clerk is told why the rest is empty.
      expectNothingWrong(r.value.extracted.fields);
      for (const origin of Object.values(r.value.extracted.sources)) expect(isCertain(origin)).toBe(true);
      expect(r.value.extracted.warnings.map((w) => w.code)).toContain('blurredImage');
    } else expect(r.error.code).toBe('blurredImage');
    expect(captureMessage({ code: 'blurredImage' }, 'zh-CN')).toContain('模糊');
  });

  it('refuses a JPEG cut in the middle or with garbage after a valid header as corruptFile', async () => {
    const jpeg = readFileSync(`${IMAGES}demo-zhuanpiao-scan.jpg`);
    const cut = jpeg.subarray(0, jpeg.length >> 1);
    const garbled = Buffer.from(jpeg);
    let seed = 11;
    for (let i = 2000; i < garbled.length - 2; i++) garbled[i] = (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24;
    for (const [bytes, name] of [[cut, 'cut.jpg'], [garbled, 'garbled.jpg']] as const) {
      const r = await run(bytes, name);
      expect(r.ok, name).toBe(false);
      if (!r.ok) expect(r.error.code, name).toBe('corruptFile');
    }
  });
});
