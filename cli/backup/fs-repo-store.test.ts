import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FsRepoStore } from './fs-repo-store';

const dir = mkdtempSync(join(tmpdir(), 'fs-repo-store-'));
afterAll(() => { rmSync(dir, { recursive: true, force: true }); });

describe('FsRepoStore read-back check', () => {
  const store = new FsRepoStore(dir);
  // Larger than one read piece, so a difference in the second piece must be found too.
  const bytes = new Uint8Array(2 * 1024 * 1024 + 17).map((_, i) => (i * 31) & 0xff);

  it('finds a file written whole the same, and names what differs otherwise', async () => {
    await store.writeAtomic('packs/a.pk', bytes);
    expect(await store.compare('packs/a.pk', bytes)).toBeNull();
    expect(await store.compare('packs/none.pk', bytes)).toBe('missing');
    truncateSync(join(dir, 'packs', 'a.pk'), bytes.length - 1);
    expect(await store.compare('packs/a.pk', bytes)).toBe('truncated');
    const flipped = bytes.slice();
    flipped[1024 * 1024 + 5] = (flipped[1024 * 1024 + 5] ?? 0) ^ 1;
    writeFileSync(join(dir, 'packs', 'a.pk'), flipped);
    expect(await store.compare('packs/a.pk', bytes)).toBe('hash-mismatch');
    writeFileSync(join(dir, 'packs', 'a.pk'), Buffer.concat([bytes, Buffer.from([0])]));
    expect(await store.compare('packs/a.pk', bytes)).toBe('hash-mismatch');
  });

  it('checks an empty file', async () => {
    await store.writeAtomic('empty', new Uint8Array());
    expect(await store.compare('empty', new Uint8Array())).toBeNull();
    expect(await store.compare('empty', new Uint8Array([1]))).toBe('truncated');
  });
});
