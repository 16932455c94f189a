/** Reads packs for restore and verify, keeping the few most recent in memory (chunks of one file cluster in packs). */
import type { RepoStore } from './repo-store';
import { PACKS_DIR } from './snapshot-file';

const KEEP = 4;

/** A small LRU of pack bytes by name; a missing pack reads as null. */
export class PackCache {
  private readonly packs = new Map<string, Uint8Array | null>();

  constructor(private readonly store: RepoStore) {}

  /** The pack's bytes, or null when missing. */
  async get(name: string): Promise<Uint8Array | null> {
    const cached = this.packs.get(name);
    if (cached !== undefined) {
      this.packs.delete(name);
      this.packs.set(name, cached);
      return cached;
    }
    const bytes = await this.store.read(`${PACKS_DIR}/${name}.pk`);
    this.packs.set(name, bytes);
    if (this.packs.size > KEEP) {
      const oldest = this.packs.keys().next();
      if (oldest.done !== true) this.packs.delete(oldest.value);
    }
    return bytes;
  }
}
