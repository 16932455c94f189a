/*
 * UI state of the backup page (docs/architecture.md#ui-state-and-durable-data: UI state only; durable backup state is in the ledger's meta table).
 * The open repository's keys and its password (for verify levels 1–2) stay in memory for this session only.
 */
import { create } from 'zustand';
import type { Repository, SnapshotInfo } from '../../../shared/backup';
import type { BackupTarget } from '../../platform/backup-targets';
import type { Progress } from './backup-actions';

/** A long step under way. */
export interface Task {
  readonly kind: 'unlock' | 'backup' | 'verify' | 'restore' | 'export' | 'import';
  readonly startedAt: number;
  readonly progress: Progress | null;
  readonly controller: AbortController;
}

/** A result line shown under the actions. */
export interface Notice {
  readonly tone: 'ok' | 'warn' | 'error';
  readonly text: string;
}

interface BackupUiState {
  readonly target: BackupTarget | null;
  /** Whether the target already holds a repository (null while checking). */
  readonly hasRepository: boolean | null;
  readonly repo: Repository | null;
  readonly password: string | null;
  readonly snapshots: readonly SnapshotInfo[] | null;
  readonly task: Task | null;
  readonly notice: Notice | null;
  readonly choose: (target: BackupTarget | null, hasRepository: boolean | null) => void;
  readonly opened: (repo: Repository, password: string, snapshots: readonly SnapshotInfo[]) => void;
  /** After the recovery key opened the repository: the new password replaces it. */
  readonly passwordChanged: (password: string) => void;
  /** Whether the repository was opened with the recovery key and still waits for a new password. */
  readonly needsNewPassword: boolean;
  readonly start: (kind: Task['kind']) => AbortController;
  readonly progress: (p: Progress) => void;
  readonly finish: (notice: Notice | null) => void;
  readonly setSnapshots: (snapshots: readonly SnapshotInfo[]) => void;
}

/** The backup page's state. */
export const useBackupUi = create<BackupUiState>()((set) => ({
  target: null,
  hasRepository: null,
  repo: null,
  password: null,
  snapshots: null,
  task: null,
  notice: null,
  choose: (target, hasRepository) => { set({ target, hasRepository, repo: null, password: null, snapshots: null, notice: null, needsNewPassword: false }); },
  needsNewPassword: false,
  opened: (repo, password, snapshots) => { set({ repo, password, snapshots, hasRepository: true, needsNewPassword: repo.openedWith === 'recovery-key' }); },
  passwordChanged: (password) => { set({ password, needsNewPassword: false }); },
  start: (kind) => {
    const controller = new AbortController();
    set({ task: { kind, startedAt: Date.now(), progress: null, controller }, notice: null });
    return controller;
  },
  progress: (p) => { set((s) => (s.task ? { task: { ...s.task, progress: p } } : {})); },
  finish: (notice) => { set({ task: null, notice }); },
  setSnapshots: (snapshots) => { set({ snapshots }); },
}));
