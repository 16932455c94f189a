/*
 * Public types of the backup format (issue #5, docs/backup-format.md): what the app and the CLI hand in
 * (an ExportSource to back up, an ExportSink to restore into) and what comes back. Expected failures are
 * BackupError values with a `kind`; exceptions are bugs.
 */
import type { Result } from '../domain/result';

/** The plain ledger export (export-format.ts) as the backup reads it; bytes are returned exactly as stored. */
export interface ExportSource {
  /** manifest.json's bytes, or null when the folder has none. */
  readManifest(): Promise<Uint8Array | null>;
  /** A table file's bytes (e.g. "invoices.ndjson", as named in the manifest), or null when missing. */
  readTable(file: string): Promise<Uint8Array | null>;
  /** The SHA-256 names of the files under attachments/. */
  listAttachments(): Promise<string[]>;
  /** An attachment's bytes, or null when missing. */
  readAttachment(sha256: string): Promise<Uint8Array | null>;
}

/** Where a restore writes the export folder back, byte for byte (manifest last, so a partial folder has none). */
export interface ExportSink {
  /** Writes one table file (e.g. "invoices.ndjson"). */
  writeTable(file: string, bytes: Uint8Array): Promise<void>;
  /** Writes attachments/<sha256>. */
  writeAttachment(sha256: string, bytes: Uint8Array): Promise<void>;
  /** Writes manifest.json; called after every other file. */
  writeManifest(bytes: Uint8Array): Promise<void>;
}

/** Argon2id parameters as stored in repo.hdr. */
export interface KdfParams {
  readonly memoryKiB: number;
  readonly iterations: number;
  readonly parallelism: number;
}

/** A file that failed a check, and how. */
export interface DamagedFile {
  readonly path: string;
  readonly problem: 'missing' | 'truncated' | 'hash-mismatch' | 'foreign' | 'undecryptable' | 'unreadable';
}

/** Records held by a damaged chunk: `rows` rows of `table` with keys from `firstKey` up to (not incl.) `beforeKey`. */
export interface DamagedRecords {
  readonly table: string;
  readonly rows: number;
  readonly firstKey: string;
  readonly beforeKey?: string;
}

/** An expected failure of a backup operation. */
export type BackupError =
  | { readonly kind: 'not-a-repository'; readonly detail?: string }
  | { readonly kind: 'already-a-repository' }
  | { readonly kind: 'wrong-password' }
  | { readonly kind: 'unsupported-version'; readonly found: number; readonly supported: number }
  | { readonly kind: 'unsafe-kdf'; readonly detail: string }
  | {
      readonly kind: 'damaged';
      readonly files: readonly DamagedFile[];
      readonly records: readonly DamagedRecords[];
      /** SHA-256 names of attachments with a damaged chunk. */
      readonly attachments: readonly string[];
      /** Snapshot ids that verify found complete and restorable (empty when the operation did not check). */
      readonly intactSnapshots: readonly string[];
    }
  | { readonly kind: 'no-snapshot'; readonly snapshotId?: string }
  | { readonly kind: 'bad-export'; readonly path: string; readonly detail: string }
  | { readonly kind: 'io'; readonly path: string; readonly detail: string }
  | { readonly kind: 'cancelled' };

/** A Result whose failure is a BackupError. */
export type BackupResult<T> = Result<T, BackupError>;

/** Progress of a long operation: bytes of plaintext handled so far of the total. */
export interface BackupProgress {
  readonly phase: 'scan' | 'write' | 'verify' | 'restore';
  readonly bytesDone: number;
  readonly bytesTotal: number;
}

/** Options shared by long operations. */
export interface ProgressOptions {
  readonly onProgress?: (progress: BackupProgress) => void;
  /** An AbortSignal (typed structurally: shared/ has no DOM types). */
  readonly signal?: { readonly aborted: boolean };
}

/** One snapshot as listed. */
export interface SnapshotInfo {
  readonly id: string;
  readonly seq: number;
  readonly createdAt: string;
  /** Plaintext bytes the snapshot restores (tables + attachments + manifest.json). */
  readonly bytes: number;
  /** Bytes written to the repository by this snapshot (new packs + its manifest). */
  readonly bytesWritten: number;
  readonly tables: Readonly<Record<string, number>>;
  readonly attachments: number;
}

/** Result of listSnapshots: readable snapshots oldest first, and snapshot files that could not be read. */
export interface SnapshotListing {
  readonly snapshots: readonly SnapshotInfo[];
  readonly damaged: readonly DamagedFile[];
}

/** Verify levels: 0 file hashes (no password), 1 + manifests and structure, 2 + decrypt every chunk. */
export type VerifyLevel = 0 | 1 | 2;

/** What a successful verify checked. */
export interface VerifyReport {
  readonly level: VerifyLevel;
  readonly snapshots: number;
  readonly packs: number;
  readonly bytesChecked: number;
  /** Packs no snapshot references (left by an interrupted backup; prune removes them). */
  readonly unreferencedPacks: readonly string[];
}

/** Which snapshots to keep; the rest are pruned. Newest first within each rule; a snapshot kept by any rule stays. */
export interface RetentionPolicy {
  readonly keepLast?: number;
  readonly keepDaily?: number;
  readonly keepWeekly?: number;
  readonly keepMonthly?: number;
}

/** What a prune removed. */
export interface PruneReport {
  readonly kept: readonly string[];
  readonly removedSnapshots: readonly string[];
  readonly removedPacks: number;
  readonly bytesFreed: number;
}
