/** Read-only checks of a repository at levels 0, 1 and 2. */
import { notImplemented } from './not-implemented';
import type { RepoStore } from './repo-store';
import type { BackupResult, ProgressOptions, VerifyLevel, VerifyReport } from './types';

/** Options of verifyRepository; levels 1 and 2 need the password. */
export interface VerifyOptions extends ProgressOptions {
  readonly level: VerifyLevel;
  readonly password?: string;
  /** Tests only: accept a header with weak KDF parameters. */
  readonly allowWeakKdf?: boolean;
}

/** Checks without writing anything; damage comes back as a 'damaged' error naming files, records and attachments. */
export function verifyRepository(store: RepoStore, options: VerifyOptions): Promise<BackupResult<VerifyReport>> {
  return notImplemented(store, options);
}
