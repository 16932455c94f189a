/*
 * A folder held in memory, as Blobs (which Chromium pages to disk, so large attachments need not all sit in memory):
 * a restore from a backup writes the export folder here (it is the format's ExportSink), then the importer reads it.
 */
import type { RepoStore } from '../../shared/backup/repo-store';

/** A folder held in memory (as Blobs): a restore's ExportSink and the importer's RepoStore. */
export class BlobFolder implements RepoStore {
  private readonly files = new Map<string, Blob>();

  async read(path: string): Promise<Uint8Array | null> {
    const blob = this.files.get(path);
    return blob ? new Uint8Array(await blob.arrayBuffer()) : null;
  }

  writeAtomic(path: string, bytes: Uint8Array): Promise<void> {
    this.files.set(path, new Blob([bytes as Uint8Array<ArrayBuffer>]));
    return Promise.resolve();
  }

  list(dir: string): Promise<string[]> {
    const prefix = dir === '' ? '' : `${dir}/`;
    const names = [...this.files.keys()].filter((p) => p.startsWith(prefix)).map((p) => p.slice(prefix.length).split('/')[0] ?? '');
    return Promise.resolve([...new Set(names)].sort());
  }

  size(path: string): Promise<number | null> {
    return Promise.resolve(this.files.get(path)?.size ?? null);
  }

  remove(path: string): Promise<void> {
    this.files.delete(path);
    return Promise.resolve();
  }

  writeTable(file: string, bytes: Uint8Array): Promise<void> {
    return this.writeAtomic(file, bytes);
  }

  writeAttachment(sha256: string, bytes: Uint8Array): Promise<void> {
    return this.writeAtomic(`attachments/${sha256}`, bytes);
  }

  writeManifest(bytes: Uint8Array): Promise<void> {
    return this.writeAtomic('manifest.json', bytes);
  }
}
