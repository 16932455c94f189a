/** The plain export folder on disk as an ExportSource (backup) and an ExportSink (extract). */
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ExportSink, ExportSource } from '../../shared/backup/types';

const isMissing = (e: unknown): boolean => (e as { code?: string } | null)?.code === 'ENOENT';

async function readOrNull(path: string): Promise<Uint8Array | null> {
  try {
    return await readFile(path);
  } catch (e) {
    if (isMissing(e)) return null;
    throw e;
  }
}

/** An export folder read from disk. */
export class FsExportSource implements ExportSource {
  constructor(readonly root: string) {}
  readManifest(): Promise<Uint8Array | null> {
    return readOrNull(join(this.root, 'manifest.json'));
  }
  readTable(file: string): Promise<Uint8Array | null> {
    return readOrNull(join(this.root, file));
  }
  async listAttachments(): Promise<string[]> {
    try {
      return (await readdir(join(this.root, 'attachments'), { withFileTypes: true })).filter((d) => d.isFile()).map((d) => d.name);
    } catch (e) {
      if (isMissing(e)) return [];
      throw e;
    }
  }
  readAttachment(sha256: string): Promise<Uint8Array | null> {
    return readOrNull(join(this.root, 'attachments', sha256));
  }
}

/** An export folder written to disk; manifest.json is written last (through a temp name), so a folder with one is complete. */
export class FsExportSink implements ExportSink {
  constructor(readonly root: string) {}
  async writeTable(file: string, bytes: Uint8Array): Promise<void> {
    await mkdir(this.root, { recursive: true });
    await writeFile(join(this.root, file), bytes);
  }
  async writeAttachment(sha256: string, bytes: Uint8Array): Promise<void> {
    await mkdir(join(this.root, 'attachments'), { recursive: true });
    await writeFile(join(this.root, 'attachments', sha256), bytes);
  }
  async writeManifest(bytes: Uint8Array): Promise<void> {
    await mkdir(this.root, { recursive: true });
    const temp = join(this.root, 'manifest.json.tmp');
    await writeFile(temp, bytes);
    await rename(temp, join(this.root, 'manifest.json'));
  }
}
