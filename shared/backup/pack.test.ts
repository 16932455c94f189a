import { describe, expect, it } from 'vitest';
import { initRepository, TEST_ONLY_WEAK_KDF } from './index';
import { MemoryRepoStore } from './memory-store';
import { openChunk, PackBuilder, readPackIndex, sealChunk } from './pack';
import { sha256 } from './web-crypto';
import { toHex } from './bytes';

async function repo() {
  const r = await initRepository(new MemoryRepoStore(), 'pw', { kdf: TEST_ONLY_WEAK_KDF, allowWeakKdf: true });
  if (!r.ok) throw new Error(r.error.kind);
  return r.value;
}

const idOf = (n: number) => new Uint8Array(32).fill(n);

describe('pack builder', () => {
  it('builds a pack named by its SHA-256 whose index and chunks read back, growing a buffer that is too small', async () => {
    const r = await repo();
    const builder = new PackBuilder(r, new Uint8Array(40));
    const plains = Array.from({ length: 50 }, (_, i) => new Uint8Array(100 + i).fill(i));
    for (const [i, plain] of plains.entries()) builder.add(toHex(idOf(i)), await sealChunk(r, idOf(i), plain));
    const { name, bytes } = await builder.finish();
    expect(name).toBe(toHex(await sha256(bytes)));
    const index = await readPackIndex(r, bytes);
    expect(index).toHaveLength(50);
    for (const [i, e] of (index ?? []).entries()) {
      expect(await openChunk(r, idOf(i), bytes.subarray(e.offset, e.offset + e.length))).toEqual(plains[i]);
    }
  });

  it('a reused buffer gives the same pack as a fresh one: nothing of the previous pack leaks into the next', async () => {
    const r = await repo();
    const buffer = new Uint8Array(1 << 20).fill(0xee);
    const first = new PackBuilder(r, buffer);
    first.add(toHex(idOf(1)), await sealChunk(r, idOf(1), new Uint8Array(5000).fill(1)));
    await first.finish();
    const sealed = await sealChunk(r, idOf(2), new Uint8Array(10).fill(2));
    const reused = new PackBuilder(r, first.buffer);
    reused.add(toHex(idOf(2)), sealed);
    const fresh = new PackBuilder(r);
    fresh.add(toHex(idOf(2)), sealed);
    const a = await reused.finish();
    const b = await fresh.finish();
    // The index is sealed with its own random nonce, so compare everything before it, and the index's contents.
    expect(a.bytes.subarray(0, 24 + 12 + 10 + 16)).toEqual(b.bytes.subarray(0, 24 + 12 + 10 + 16));
    expect(await readPackIndex(r, a.bytes)).toEqual(await readPackIndex(r, b.bytes));
    expect(a.bytes.length).toBe(b.bytes.length);
  });
});
