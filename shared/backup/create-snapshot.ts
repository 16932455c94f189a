/*
 * Writes a new snapshot of an export folder: tables split into key buckets, attachments into 1 MiB chunks,
 * manifest.json as one chunk. Chunks the newest readable snapshot already stores (and whose pack is still there
 * at its size) are referenced, not rewritten. Packs are written first, the snapshot file last, each through
 * writeAtomic; a failure or cancel before the snapshot file leaves only unreferenced packs, never a half snapshot.
 * Each new pack and then the snapshot file are read back and compared with what was written.
 */
import { err, ok } from '../domain/result';
import { fromUtf8, toHex, utf8 } from './bytes';
import { bucketRule, splitBuckets } from './buckets';
import { ChunkWriter, ReadBackError, type ChunkRef } from './chunk-writer';
import { exportManifestSchema } from './export-format';
import { ATTACHMENT_CHUNK_BYTES } from './pack';
import { readBackProblem } from './repo-store';
import type { Repository } from './repository';
import { encodeSnapshot, PACKS_DIR, snapshotPath, type SnapshotManifest } from './snapshot-file';
import { loadSnapshot, snapshotFiles, snapshotInfo } from './snapshot-store';
import type { BackupError, BackupResult, ExportSource, ProgressOptions, SnapshotInfo } from './types';
import { hmac, randomBytes } from './web-crypto';

/** Options of createSnapshot. */
export interface CreateOptions extends ProgressOptions {
  /** Read back the new packs and snapshot file after writing (default true). */
  readonly verifyAfterWrite?: boolean;
  readonly now?: () => Date;
}

/** Thrown inside createSnapshot only, to leave the pipeline; turned into a Result at the top. */
class Stop extends Error {
  constructor(readonly error: BackupError) {
    super(error.kind);
  }
}

/** Bucket ids computed at once: WebCrypto calls queued together cost less CPU and wall time than small rounds. */
const ID_BATCH = 512;

type FileEntry = SnapshotManifest['files'][number];
/** A file of the parent snapshot: its size and number of chunks. */
interface PreviousFile {
  readonly size: number;
  readonly pieces: number;
}

/** Backs up an export: unchanged buckets and known attachments are reused, so only changes are written. */
export async function createSnapshot(repo: Repository, source: ExportSource, options: CreateOptions = {}): Promise<BackupResult<SnapshotInfo>> {
  const files = await snapshotFiles(repo.store);
  let parent: Awaited<ReturnType<typeof loadSnapshot>> = null;
  for (let i = files.length - 1; i >= 0 && parent === null; i--) {
    const file = files[i];
    if (file) parent = await loadSnapshot(repo, file);
  }
  const known = new Map<string, { pack: string; offset: number; length: number }>();
  const packSizes = new Map<string, number>();
  if (parent) {
    for (const [name, size] of parent.pub.packs) packSizes.set(name, size);
    const present = await Promise.all(parent.pub.packs.map(async ([name, size]) => (await repo.store.size(`${PACKS_DIR}/${name}.pk`)) === size));
    for (const [id, pack, offset, length] of parent.manifest.chunks) {
      const name = parent.pub.packs[pack]?.[0];
      if (name !== undefined && present[pack] === true) known.set(id, { pack: name, offset, length });
    }
  }
  const writer = new ChunkWriter(repo, known, options.verifyAfterWrite !== false);
  try {
    const previous = new Map((parent?.manifest.files ?? []).map((f) => [f.path, { size: f.size, pieces: f.chunks.length }]));
    const entries = await writeFiles(repo, source, writer, previous, options);
    await writer.finish();
    const seq = (files.at(-1)?.seq ?? 0) + 1;
    const id = toHex(randomBytes(8));
    const { pub, manifest } = assemble(writer, packSizes, entries, parent?.pub.id ?? null, seq, id, (options.now ?? (() => new Date()))().toISOString());
    const bytes = await encodeSnapshot(repo, pub, manifest);
    const path = snapshotPath(seq, id);
    await repo.store.writeAtomic(path, bytes);
    if (options.verifyAfterWrite !== false) {
      try {
        await readBack(repo, path, bytes);
      } catch (e) {
        await repo.store.remove(path).catch(() => undefined); // a snapshot that did not read back must not become latest
        throw e;
      }
    }
    return ok(snapshotInfo({ pub, manifest }, bytes.length));
  } catch (e) {
    await writer.abandon();
    if (e instanceof Stop) return err(e.error);
    if (e instanceof ReadBackError) return err({ kind: 'damaged', files: [{ path: e.path, problem: e.problem }], records: [], attachments: [], intactSnapshots: [] });
    return err({ kind: 'io', path: '', detail: e instanceof Error ? e.message : String(e) });
  }
}

/** The chunk id of an attachment piece: the name is already the SHA-256 of the bytes, so (name, piece) identifies the content. */
async function pieceId(repo: Repository, name: string, piece: number): Promise<{ id: string; idBytes: Uint8Array }> {
  const idBytes = await hmac(repo.idKey, utf8(`attachment/${name}/${String(piece)}`));
  return { id: toHex(idBytes), idBytes };
}

/**
 * The chunk ids of an attachment whose every piece a reusable earlier chunk holds, so it need not be read: its
 * name is the SHA-256 of its bytes, so the same name means the same content. Null when it has to be read.
 */
async function reusablePieces(repo: Repository, writer: ChunkWriter, name: string, before: PreviousFile | undefined): Promise<{ id: string; idBytes: Uint8Array }[] | null> {
  if (before === undefined || before.pieces !== Math.max(1, Math.ceil(before.size / ATTACHMENT_CHUNK_BYTES))) return null;
  const ids = await Promise.all(Array.from({ length: before.pieces }, (_, piece) => pieceId(repo, name, piece)));
  return ids.every(({ id }) => writer.isKnown(id)) ? ids : null;
}

async function writeFiles(repo: Repository, source: ExportSource, writer: ChunkWriter, previous: ReadonlyMap<string, PreviousFile>, options: CreateOptions): Promise<FileEntry[]> {
  const manifestBytes = await source.readManifest();
  if (manifestBytes === null) throw new Stop({ kind: 'bad-export', path: 'manifest.json', detail: 'missing' });
  const manifest = parseExportManifest(manifestBytes);
  let done = 0;
  let total = manifest.attachments.bytes;
  const step = (n: number) => {
    if (options.signal?.aborted === true) throw new Stop({ kind: 'cancelled' });
    done += n;
    options.onProgress?.({ phase: 'write', bytesDone: done, bytesTotal: Math.max(total, done) });
  };
  const entries: FileEntry[] = [];
  for (const [table, { file }] of Object.entries(manifest.tables)) {
    const bytes = await source.readTable(file);
    if (bytes === null) throw new Stop({ kind: 'bad-export', path: file, detail: 'missing' });
    total += bytes.length;
    const rule = bucketRule(table);
    const buckets = splitBuckets(bytes, rule.keyField, repo.bucketSeed, rule.rowsPerBucket);
    const chunks: number[] = [];
    for (let i = 0; i < buckets.length; i += ID_BATCH) {
      const batch = buckets.slice(i, i + ID_BATCH).map((b) => bytes.subarray(b.start, b.end));
      const ids = await Promise.all(batch.map((plain) => hmac(repo.idKey, plain)));
      for (const [j, plain] of batch.entries()) {
        const idBytes = ids[j] ?? new Uint8Array();
        chunks.push(await writer.add(toHex(idBytes), idBytes, plain));
        step(plain.length);
      }
    }
    entries.push({ path: file, size: bytes.length, chunks, buckets: buckets.map((b) => [b.rows, b.firstKey]) });
  }
  const names = (await source.listAttachments()).filter((n) => /^[0-9a-f]{64}$/.test(n)).sort();
  // Ids of every attachment the parent holds, computed at once rather than one WebCrypto round trip after another.
  const reusable = await Promise.all(names.map((name) => reusablePieces(repo, writer, name, previous.get(`attachments/${name}`))));
  // The next attachment to be read is read while the current one is sealed, so the disk and the CPU overlap.
  const toRead = names.filter((_, n) => reusable[n] === null);
  const reads = new Map<string, Promise<Uint8Array | null>>();
  const readAhead = (k: number) => {
    const name = toRead[k];
    if (name !== undefined && !reads.has(name)) {
      const job = source.readAttachment(name);
      job.catch(() => undefined); // observed when its turn comes
      reads.set(name, job);
    }
  };
  readAhead(0);
  let nextRead = 0;
  for (const [n, name] of names.entries()) {
    const before = previous.get(`attachments/${name}`);
    const ids = reusable[n];
    if (ids && before) {
      const chunks: number[] = [];
      for (const { id, idBytes } of ids) chunks.push(await writer.add(id, idBytes, new Uint8Array()));
      entries.push({ path: `attachments/${name}`, size: before.size, chunks });
      step(before.size);
      continue;
    }
    readAhead(++nextRead);
    const bytes = await (reads.get(name) ?? source.readAttachment(name));
    reads.delete(name);
    if (bytes === null) throw new Stop({ kind: 'bad-export', path: `attachments/${name}`, detail: 'missing' });
    const pieces = Math.max(1, Math.ceil(bytes.length / ATTACHMENT_CHUNK_BYTES));
    const pieceIds = await Promise.all(Array.from({ length: pieces }, (_, piece) => pieceId(repo, name, piece)));
    const chunks: number[] = [];
    for (const [piece, { id, idBytes }] of pieceIds.entries()) {
      const plain = bytes.subarray(piece * ATTACHMENT_CHUNK_BYTES, Math.min(bytes.length, (piece + 1) * ATTACHMENT_CHUNK_BYTES));
      chunks.push(await writer.add(id, idBytes, plain));
      step(plain.length);
    }
    entries.push({ path: `attachments/${name}`, size: bytes.length, chunks });
  }
  const idBytes = await hmac(repo.idKey, manifestBytes);
  entries.push({ path: 'manifest.json', size: manifestBytes.length, chunks: [await writer.add(toHex(idBytes), idBytes, manifestBytes)] });
  step(manifestBytes.length);
  return entries;
}

function parseExportManifest(bytes: Uint8Array): ReturnType<typeof exportManifestSchema.parse> {
  let raw: unknown;
  try {
    raw = JSON.parse(fromUtf8(bytes));
  } catch {
    throw new Stop({ kind: 'bad-export', path: 'manifest.json', detail: 'not JSON' });
  }
  const parsed = exportManifestSchema.safeParse(raw);
  if (!parsed.success) throw new Stop({ kind: 'bad-export', path: 'manifest.json', detail: parsed.error.issues[0]?.message ?? 'invalid' });
  return parsed.data;
}

function assemble(writer: ChunkWriter, packSizes: Map<string, number>, files: FileEntry[], parent: string | null, seq: number, id: string, createdAt: string) {
  const packNames: string[] = [];
  const packIndex = new Map<string, number>();
  for (const p of writer.written) packSizes.set(p.name, p.size);
  const nameOf = (ref: ChunkRef): string => (typeof ref.pack === 'string' ? ref.pack : writer.written[ref.pack]?.name ?? '');
  const chunks: SnapshotManifest['chunks'] = writer.refs.map((ref) => {
    const name = nameOf(ref);
    let index = packIndex.get(name);
    if (index === undefined) {
      index = packNames.push(name) - 1;
      packIndex.set(name, index);
    }
    return [ref.id, index, ref.offset, ref.length];
  });
  return {
    pub: { seq, id, createdAt, packs: packNames.map((n): [string, number] => [n, packSizes.get(n) ?? -1]) },
    manifest: {
      version: 1 as const,
      parent,
      chunks,
      files,
      totals: { bytes: files.reduce((n, f) => n + f.size, 0), bytesWritten: writer.written.reduce((n, p) => n + p.size, 0) },
    },
  };
}

async function readBack(repo: Repository, path: string, written: Uint8Array): Promise<void> {
  const problem = await readBackProblem(repo.store, path, written);
  if (problem !== null) throw new Stop({ kind: 'damaged', files: [{ path, problem }], records: [], attachments: [], intactSnapshots: [] });
}
