// The real PP-OCRv4 models on a real sample image (980 × 575 电子普通发票): about 5 s on 2 busy cores.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeRaster } from '../decode-image';
import { createPpocrEngine } from './ppocr-engine';

const SAMPLE = fileURLToPath(new URL('../../../../shared/samples/images/tianjin-e-putong.png', import.meta.url));

describe('PP-OCR engine (onnxruntime-node)', () => {
  const engine = createPpocrEngine();
  afterAll(() => engine.close());

  it('reads the invoice number and the seller tax id of a real invoice image, with boxes inside the image', async () => {
    const img = await decodeRaster(new Uint8Array(readFileSync(SAMPLE)));
    if (!img) throw new Error('sample did not decode');
    const lines = await engine.recognizeLines(img);
    const text = lines.map((l) => l.text).join('\n');
    expect(text).toContain('33207675');
    expect(text).toContain('91120222079642398Y');
    const number = lines.find((l) => l.text.includes('33207675'));
    // 发票号码 sits in the top-right quarter of the page.
    expect(number?.box.x).toBeGreaterThan(img.width / 2);
    expect(number?.box.y).toBeLessThan(img.height / 4);
    for (const l of lines) {
      expect(l.score).toBeGreaterThanOrEqual(0.5);
      expect(l.box.x).toBeGreaterThanOrEqual(0);
      expect(l.box.y + l.box.h).toBeLessThanOrEqual(img.height + 1);
    }
  }, 30_000);
});
