/** A RepoStore in memory, for tests and for hosts that stage a repository before copying it. */
import type { RepoStore } from './repo-store';

/** A RepoStore over a Map of path → bytes; `files` is exposed so tests can damage them. */
export class MemoryRepoStore implements RepoStore {
  readonly files = new Map<string, Uint8Array>();

  read(path: string): Promise<Uint8Array | null> {
    const bytes = this.files.get(path);
    return Promise.resolve(bytes ? bytes.slice() : null);
  }

  writeAtomic(path: string, bytes: Uint8Array): Promise<void> {
    this.files.set(path, bytes.slice());
    return Promise.resolve();
  }

  list(dir: string): Promise<string[]> {
    const prefix = dir === '' ? '' : `${dir}/`;
    const names = [...this.files.keys()].filter((p) => p.startsWith(prefix) && !p.slice(prefix.length).includes('/'));
    return Promise.resolve(names.map((p) => p.slice(prefix.length)));
  }

  size(path: string): Promise<number | null> {
    return Promise.resolve(this.files.get(path)?.length ?? null);
  }

  remove(path: string): Promise<void> {
    this.files.delete(path);
    return Promise.resolve();
  }
}
