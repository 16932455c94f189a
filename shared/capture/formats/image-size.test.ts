import { describe, expect, it } from 'vitest';
import { imageSize } from './image-size';

const bytes = (...parts: (number[] | string)[]): Uint8Array =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? Array.from(p, (c) => c.charCodeAt(0)) : p)));
const be32 = (n: number) => [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
const le32 = (n: number) => [n & 255, (n >>> 8) & 255, (n >>> 16) & 255, (n >>> 24) & 255];
const le16 = (n: number) => [n & 255, (n >>> 8) & 255];
const be16 = (n: number) => [(n >>> 8) & 255, n & 255];

describe('imageSize', () => {
  it('reads a PNG IHDR, including a 15000×15000 header that capture must refuse', () => {
    const png = (w: number, h: number) => bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], be32(13), 'IHDR', be32(w), be32(h), [8, 6, 0, 0, 0]);
    expect(imageSize(png(980, 575))).toEqual({ width: 980, height: 575 });
    expect(imageSize(png(15000, 15000))).toEqual({ width: 15000, height: 15000 });
  });

  it('walks JPEG segments to SOF0 and SOF2', () => {
    const app0 = [0xff, 0xe0, ...be16(16), ...'JFIF\0'.split('').map((c) => c.charCodeAt(0)), 1, 1, 0, 0, 1, 0, 1, 0, 0];
    for (const sof of [0xc0, 0xc2]) {
      const jpeg = bytes([0xff, 0xd8], app0, [0xff, sof], be16(17), [8], be16(534), be16(911), [3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]);
      expect(imageSize(jpeg)).toEqual({ width: 911, height: 534 });
    }
  });

  it('reads GIF, BMP (bottom-up and top-down) and TIFF in both byte orders', () => {
    expect(imageSize(bytes('GIF89a', le16(320), le16(200), [0, 0, 0]))).toEqual({ width: 320, height: 200 });
    const bmp = (h: number) => bytes('BM', le32(0), le32(0), le32(54), le32(40), le32(640), le32(h), le16(1), le16(24), new Array<number>(24).fill(0));
    expect(imageSize(bmp(480))).toEqual({ width: 640, height: 480 });
    expect(imageSize(bmp(-480))).toEqual({ width: 640, height: 480 });
    const tiffLE = bytes('II', le16(42), le32(8), le16(2), le16(256), le16(3), le32(1), le16(1200), le16(0), le16(257), le16(4), le32(1), le32(900));
    expect(imageSize(tiffLE)).toEqual({ width: 1200, height: 900 });
    const tiffBE = bytes('MM', be16(42), be32(8), be16(2), be16(256), be16(4), be32(1), be32(2480), be16(257), be16(3), be32(1), be16(3508), be16(0));
    expect(imageSize(tiffBE)).toEqual({ width: 2480, height: 3508 });
  });

  it('reads the three WebP flavours', () => {
    const riff = (chunk: string, body: number[]) => bytes('RIFF', le32(4 + 8 + body.length), 'WEBP', chunk, le32(body.length), body);
    expect(imageSize(riff('VP8 ', [0, 0, 0, 0x9d, 0x01, 0x2a, ...le16(400), ...le16(300), 0, 0]))).toEqual({ width: 400, height: 300 });
    const bits = (400 - 1) | ((300 - 1) << 14);
    expect(imageSize(riff('VP8L', [0x2f, ...le32(bits), 0, 0, 0, 0, 0]))).toEqual({ width: 400, height: 300 });
    expect(imageSize(riff('VP8X', [0, 0, 0, 0, 0x8f, 0x01, 0, 0x2b, 0x01, 0]))).toEqual({ width: 400, height: 300 });
  });

  it('returns null for truncated or unknown data', () => {
    expect(imageSize(new Uint8Array(0))).toBeNull();
    expect(imageSize(bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]))).toBeNull();
    expect(imageSize(bytes([0xff, 0xd8, 0xff, 0xe0, 0, 16]))).toBeNull();
    expect(imageSize(bytes('%PDF-1.7'))).toBeNull();
  });
});
