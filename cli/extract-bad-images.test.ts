// `npm run extract -- DIR` over a folder of the bad images beside one good invoice: one line per file,
// each bad one refused with its own code and message, the batch going on past each, and the exit status of
// docs/extract.md (0: every file was processed, whatever it turned out to be).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const IMAGES = fileURLToPath(new URL('../../shared/samples/images/', import.meta.url));
const TSX = join(REPO, 'node_modules', '.bin', 'tsx');
const CLI = join(REPO, 'cli', 'extract.ts');

interface Line { file: string; ok: boolean; invoice?: Record<string, string>; error?: string; errorCode?: string }

function runCli(args: readonly string[]): { status: number | null; lines: Line[] } {
  const r = spawnSync(TSX, [CLI, ...args], { cwd: REPO, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 400_000 });
  return { status: r.status, lines: r.stdout.split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as Line) };
}

/** Pseudo-random bytes (a fixed seed: the same files every run). */
function random(n: number, seed: number): Buffer {
  let s = seed;
  return Buffer.from(Array.from({ length: n }, () => (s = (s * 1103515245 + 12345) >>> 0) >>> 24));
}

describe('extract on a folder of bad images', () => {
  let dir: string;
  let run: { status: number | null; lines: Line[] };
  const line = (name: string): Line => {
    const l = run.lines.find((x) => basename(x.file) === name);
    if (!l) throw new Error(`no line for ${name}`);
    return l;
  };

  beforeAll(async () => {
    execFileSync(process.execPath, [join(REPO, 'scripts', 'prepare-assets.mjs'), '--quiet']);
    dir = mkdtempSync(join(tmpdir(), 'extract-bad-images-'));
    const tianjin = readFileSync(join(IMAGES, 'tianjin-e-putong.png'));
    const scan = readFileSync(join(IMAGES, 'demo-zhuanpiao-scan.jpg'));
    const garbled = Buffer.concat([scan.subarray(0, 2000), random(scan.length - 2002, 11), scan.subarray(scan.length - 2)]);
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="900"><rect width="1200" height="900" fill="#3a7bd5"/>'
      + '<circle cx="400" cy="450" r="220" fill="#c0392b"/><rect x="700" y="200" width="300" height="420" fill="#27ae60"/></svg>';
    const files: Record<string, Buffer> = {
      '1-good.png': tianjin,
      '2-upside-down.png': await sharp(tianjin).rotate(180).png().toBuffer(),
      '3-blank.png': await sharp({ create: { width: 1240, height: 1754, channels: 3, background: '#ffffff' } }).png().toBuffer(),
      '4-picture.jpg': await sharp(Buffer.from(svg)).jpeg().toBuffer(),
      '5-huge.jpg': await sharp({ create: { width: 8660, height: 5774, channels: 3, background: '#f0f0f0' } }).jpeg({ quality: 10 }).toBuffer(),
      '6-blurred.png': await sharp(tianjin).blur(10).png().toBuffer(),
      '7-cut.jpg': scan.subarray(0, scan.length >> 1),
      '8-garbled.jpg': garbled,
    };
    for (const [name, bytes] of Object.entries(files)) writeFileSync(join(dir, name), bytes);
    run = runCli([dir]);
  }, 420_000);

  afterAll(() => { rmSync(dir, { recursive: true, force: true }); });

  it('prints one line per file in name order and exits 0', () => {
    expect(run.lines.map((l) => basename(l.file))).toEqual(['1-good.png', '2-upside-down.png', '3-blank.png', '4-picture.jpg', '5-huge.jpg', '6-blurred.png', '7-cut.jpg', '8-garbled.jpg']);
    expect(run.status).toBe(0);
  });

  it('reads the good invoice and the upside-down one alike', () => {
    for (const name of ['1-good.png', '2-upside-down.png']) {
      expect(line(name).ok, name).toBe(true);
      expect(line(name).invoice, name).toMatchObject({ number: '33207675', sellerTaxId: '91120222079642398Y', sellerName: '天津瑞佳讯贸易有限公司' });
    }
  });

  it('refuses each bad image with its own code and a message', () => {
    const expected: Record<string, readonly string[]> = {
      '3-blank.png': ['blankImage'],
      '4-picture.jpg': ['notInvoice'],
      '5-huge.jpg': ['imageTooLarge'],
      '6-blurred.png': ['blurredImage'],
      '7-cut.jpg': ['corruptFile'],
      '8-garbled.jpg': ['corruptFile'],
    };
    for (const [name, codes] of Object.entries(expected)) {
      const l = line(name);
      expect(l.ok, name).toBe(false);
      expect(l).not.toHaveProperty('invoice');
      expect(codes, name).toContain(l.errorCode);
      expect(l.error?.length ?? 0, name).toBeGreaterThan(5);
    }
    expect(line('5-huge.jpg').error).toBe('图片过大（50 百万像素，上限 40），请缩小后再试');
  });
});
