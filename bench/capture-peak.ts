// Peak memory of one large photo (issue #12: ≤ 1 GB for a 12 MP photo): a real phone-photo sample upscaled to
// 4000×3000 with ImageMagick into bench/out/, read once by each engine in a fresh child process
// (capture-peak-child.ts) whose own peak RSS is reported — the engines' models, the decoded image and every
// buffer of the read, nothing of the bench's other work.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import type { Captured } from '../shared/capture/pipeline';
import type { EngineKey } from './capture-engines';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '..');
const OUT = resolve(ROOT, 'bench/out');
/** The sample upscaled: a phone photo (1802×1042) of a paper invoice. */
export const LARGE_PHOTO_SOURCE = '../shared/samples/images/shenzhen-daikai-putong-photo.png';
const LARGE_PHOTO = resolve(OUT, 'photo-12mp-4000x3000.jpg');

/**
 * Makes (once) a 4000×3000 JPEG (quality 92, as a phone writes) of the sample: scaled to 4000 px wide and centred
 * on a grey 4000×3000 canvas, so the invoice keeps its proportions. `missing` says why when ImageMagick could not make it.
 */
export async function largePhoto(): Promise<{ path: string } | { missing: string }> {
  if (existsSync(LARGE_PHOTO)) return { path: LARGE_PHOTO };
  mkdirSync(OUT, { recursive: true });
  try {
    await run('convert', [resolve(ROOT, LARGE_PHOTO_SOURCE), '-resize', '4000x3000', '-background', '#b8b4ac', '-gravity', 'center',
      '-extent', '4000x3000', '-quality', '92', LARGE_PHOTO]);
    return { path: LARGE_PHOTO };
  } catch (e) {
    return { missing: `n/a (ImageMagick convert failed: ${e instanceof Error ? e.message.split('\n')[0] ?? '' : String(e)})` };
  }
}

/** One read of `path` by `engine` in a fresh process: its peak RSS in MB, the read's wall time and its result. */
export async function peakRead(engine: EngineKey, path: string): Promise<{ maxRssMb: number; seconds: number; result: Captured | null }> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', resolve(ROOT, 'bench/capture-peak-child.ts'), engine, path], {
    cwd: ROOT, maxBuffer: 64 * 1024 * 1024,
  });
  const line = stdout.trim().split('\n').at(-1) ?? '';
  return JSON.parse(line) as { maxRssMb: number; seconds: number; result: Captured | null };
}
