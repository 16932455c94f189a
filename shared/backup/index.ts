/**
 * Encrypted, verifiable backup repositories (issue #5; the format is specified in docs/backup-format.md).
 * Everything here runs on WebCrypto (`crypto.subtle`) and hash-wasm, so the renderer, Node and workers share it.
 */
export type {
  BackupError, BackupProgress, BackupResult, DamagedFile, DamagedRecords, ExportSink, ExportSource, KdfParams,
  ProgressOptions, PruneReport, RetentionPolicy, SnapshotInfo, SnapshotListing, VerifyLevel, VerifyReport,
} from './types';
export type { RepoStore } from './repo-store';
export type { Repository, InitOptions, OpenOptions, OpenedWith } from './repository';
export { changePassword, hasRecoveryKey, initRepository, openRepository, setRecoveryKey } from './repository';
export { newRecoveryKey, parseRecoveryKey } from './recovery-key';
export { DEFAULT_KDF, KDF_LIMITS, TEST_ONLY_WEAK_KDF } from './kdf';
export { FORMAT_VERSION } from './header';
export { createSnapshot, type CreateOptions } from './create-snapshot';
export { listSnapshots } from './list-snapshots';
export { restoreSnapshot } from './restore-snapshot';
export { verifyRepository, type VerifyOptions } from './verify-repository';
export { pruneSnapshots, type PruneOptions } from './prune-snapshots';
export { backupErrorMessage, backupExitCode } from './backup-messages';
export { MemoryRepoStore } from './memory-store';
export * from './export-format';
