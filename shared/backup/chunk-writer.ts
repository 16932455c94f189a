/*
 * Seals new chunks and fills packs while earlier packs are hashed and written, so both CPU cores (WebCrypto
 * runs on a thread pool) and the disk work at once. Each pack is read back right after it is written and
 * compared with what was meant to be written. Memory stays bounded: at most MAX_SEALING chunks (and about
 * MAX_SEALING_BYTES) being sealed, one pack being filled and MAX_CLOSING packs being hashed or written.
 */
import { PackBuilder, PACK_BUFFER_BYTES, PACK_TARGET_BYTES, sealChunk, type SealedChunk } from './pack';
import { PACKS_DIR } from './snapshot-file';
import type { Repository } from './repository';
import { readBackProblem, type ReadBackProblem } from './repo-store';

/**
 * Chunks being sealed at once: a byte budget (so memory stays bounded) and a count (so small table buckets, where
 * each WebCrypto call's fixed cost dominates, keep the thread pool busy instead of waiting one round trip each).
 */
const MAX_SEALING = 64;
const MAX_SEALING_BYTES = 8 * 1024 * 1024;
const MAX_CLOSING = 4;

/** Where a chunk of the new snapshot lives: an existing pack (by name) or a pack of this run (by slot). */
export interface ChunkRef {
  readonly id: string;
  pack: string | number;
  offset: number;
  length: number;
}

/** A pack that did not read back as written. */
export class ReadBackError extends Error {
  constructor(readonly path: string, readonly problem: ReadBackProblem) {
    super(`${path} did not read back as written (${problem})`);
  }
}

/** A pack written by this run. */
export interface WrittenPack {
  readonly name: string;
  readonly size: number;
}

/** Adds chunks (dedup against known ones), seals, packs and writes them. */
export class ChunkWriter {
  readonly refs: ChunkRef[] = [];
  readonly written: WrittenPack[] = [];
  private readonly byId = new Map<string, number>();
  private readonly sealing: Promise<{ index: number; sealed: SealedChunk; bytes: number }>[] = [];
  private sealingBytes = 0;
  private readonly closing: Promise<void>[] = [];
  private pack: PackBuilder;
  private slot = 0;
  /** Pack buffers whose pack is written and read back, for the next packs. */
  private readonly spare: Uint8Array[] = [];

  constructor(
    private readonly repo: Repository,
    private readonly known: ReadonlyMap<string, { pack: string; offset: number; length: number }>,
    private readonly readBack: boolean,
  ) {
    this.pack = new PackBuilder(repo);
  }

  /** Whether an earlier snapshot's chunk with this id can be referenced (so add() will not need its bytes). */
  isKnown(id: string): boolean {
    return this.known.has(id);
  }

  /** The chunk's index in refs; new content is sealed and packed, known content only referenced. */
  async add(id: string, idBytes: Uint8Array, plain: Uint8Array): Promise<number> {
    const existing = this.byId.get(id);
    if (existing !== undefined) return existing;
    const index = this.refs.length;
    this.byId.set(id, index);
    const old = this.known.get(id);
    if (old) {
      this.refs.push({ id, ...old });
      return index;
    }
    this.refs.push({ id, pack: -1, offset: 0, length: 0 });
    const job = sealChunk(this.repo, idBytes, plain).then((sealed) => ({ index, sealed, bytes: plain.length }));
    job.catch(() => undefined); // observed in drainOne; this stops an unhandled rejection while it waits in the queue
    this.sealing.push(job);
    this.sealingBytes += plain.length;
    while (this.sealing.length >= MAX_SEALING || this.sealingBytes >= MAX_SEALING_BYTES) await this.drainOne();
    return index;
  }

  /** Seals, packs and writes everything still pending. */
  async finish(): Promise<void> {
    while (this.sealing.length > 0) await this.drainOne();
    if (this.pack.count > 0) this.closePack();
    await Promise.all(this.closing.splice(0));
  }

  /** Waits for work in flight without surfacing its errors (after a failure or cancel). */
  async abandon(): Promise<void> {
    await Promise.allSettled([...this.sealing.splice(0), ...this.closing.splice(0)]);
  }

  private async drainOne(): Promise<void> {
    const job = this.sealing.shift();
    if (!job) return;
    const { index, sealed, bytes } = await job;
    this.sealingBytes -= bytes;
    const ref = this.refs[index];
    if (!ref) return;
    const entry = this.pack.add(ref.id, sealed);
    ref.pack = this.slot;
    ref.offset = entry.offset;
    ref.length = entry.length;
    if (this.pack.size >= PACK_TARGET_BYTES) {
      this.closePack();
      if (this.closing.length > MAX_CLOSING) await this.closing.shift();
    }
  }

  private closePack(): void {
    const builder = this.pack;
    const slot = this.slot;
    this.pack = new PackBuilder(this.repo, this.spare.pop());
    this.slot++;
    const job = builder.finish().then(async ({ name, bytes }) => {
      const path = `${PACKS_DIR}/${name}.pk`;
      await this.repo.store.writeAtomic(path, bytes);
      if (this.readBack) {
        // Compared with the bytes still in memory: cheaper than hashing again, and it proves the same thing.
        const problem = await readBackProblem(this.repo.store, path, bytes);
        if (problem !== null) throw new ReadBackError(path, problem);
      }
      this.written[slot] = { name, size: bytes.length };
      if (builder.buffer.length === PACK_BUFFER_BYTES) this.spare.push(builder.buffer);
    });
    job.catch(() => undefined); // observed by finish() or drainOne()
    this.closing.push(job);
  }
}
