/*
 * The ledger's side of export, import and restore, bound to the open database: export to a folder, take a
 * consistent snapshot for the backup format, restore into a new database and swap it in, confirm or undo.
 */
import type { RepoStore } from '../../shared/backup/repo-store';
import type { ExportManifest } from '../../shared/backup/export-format';
import { err, ok, type Result } from '../../shared/domain/result';
import type { LedgerDb } from './db';
import { writeExportFolder, type ExportError, type ExportProgress } from './export-folder';
import { isLocalMeta, snapshotLedger, type LedgerSnapshot } from './export-ledger';
import { restoreInto, type RestoreCounts, type RestoreProgress } from './restore-ledger';
import type { RestoreError } from './restore-read';
import { COUNTER_KEY, isSyncMeta, type CurrentSync } from './restore-sync';

/** Restores redone because the current ledger took a new change meanwhile, before giving up. */
const MAX_ATTEMPTS = 3;
import {
  confirmSwap, pendingSwap, restoredLedgerName, swapIn, undoSwap, type PendingSwap, type PointerStorage,
} from './restore-pointer';
import { BackupStateRepository } from './backup-state-repository';
import { nameDamage, type DamagedRange, type DamageNames } from './restore-damage';
import { carryAuditTrail } from './restore-audit';
import { appendAuditEvents } from './audit-events';
import type { PermissionRefusal } from '../../shared/auth/roles';
import { refusal, requirePermission } from './permission';
import type { WriteContext } from './write-context';

/** Progress and cancel of a long export or restore. */
export interface LongRun<P> {
  readonly onProgress?: (p: P) => void;
  readonly signal?: AbortSignal;
}

/** What the ledger backup API needs besides the database. */
export interface LedgerBackupDeps {
  readonly now: () => string;
  /** Who acts (restoring is the admin's: 'backup.restore'). */
  readonly ctx: WriteContext;
  readonly appVersion: string;
  /** Opens (creating if needed) a database by name; the same IndexedDB factory as the app's. */
  readonly openDb: (name: string) => LedgerDb;
  readonly storage?: PointerStorage | null;
}

/** Why a restore was not swapped in: the data was refused, another restore still awaits confirmation, or the role may not. */
export type SwapError = RestoreError | { readonly kind: 'restore-pending' } | PermissionRefusal;

/** Export, restore and backup state over one open ledger. */
export function ledgerBackupApi(db: LedgerDb, deps: LedgerBackupDeps) {
  const storage = deps.storage ?? undefined;
  return {
    state: new BackupStateRepository(db, deps.ctx),

    /** "导出全部数据" into a folder. */
    async exportTo(target: Pick<RepoStore, 'writeAtomic' | 'size'>, run: LongRun<ExportProgress> = {}): Promise<Result<ExportManifest, ExportError>> {
      const r = await writeExportFolder(db, target, { createdAt: deps.now(), app: deps.appVersion, ...run });
      if (r.ok) {
        // Audited: who took all the data out, and how much (issue #13).
        await appendAuditEvents(db, [{ action: 'export', entity: 'export', entityId: '', after: { kind: 'folder', invoices: r.value.tables.invoices?.rows ?? 0, attachments: r.value.attachments.count } }], deps.ctx, deps.now());
      }
      return r;
    },

    /** A consistent read of the ledger, for the backup format. */
    snapshot(): Promise<LedgerSnapshot> {
      return snapshotLedger(db);
    },

    /**
     * Restores an export folder into a new database, verifies it and makes it the active ledger (the caller then
     * reloads). The current ledger is kept until confirm(); on any failure the new database is deleted.
     */
    async restoreFrom(reader: Pick<RepoStore, 'read'>, run: LongRun<RestoreProgress> = {}): Promise<Result<RestoreCounts, SwapError>> {
      const refused = await refusal(db, deps.ctx, 'backup.restore', { entity: 'backup', entityId: '' });
      if (refused) return err(refused);
      if (pendingSwap(storage)) return err({ kind: 'restore-pending' });
      const name = restoredLedgerName(Date.parse(deps.now()));
      const keepMeta = (await db.meta.toArray()).filter(isLocalMeta);
      for (let attempt = 1; ; attempt++) {
        const target = deps.openDb(name);
        let counterSeen: unknown;
        // Read just before the restored outbox is written, so a change saved meanwhile still counts (restore-sync.ts).
        const currentSync = () => db.transaction('r', [db.meta, db.outbox], async (): Promise<CurrentSync> => {
          const meta = (await db.meta.toArray()).filter(isSyncMeta);
          counterSeen = meta.find((m) => m.key === COUNTER_KEY)?.value;
          return { meta, outbox: await db.outbox.toArray() };
        });
        const restored = await restoreInto(reader, target, { keepMeta, currentSync, ...run });
        // A change saved here after that read took a mutation id the restored ledger may hand out again: restore again.
        const changed = restored.ok && (await db.meta.get(COUNTER_KEY))?.value !== counterSeen;
        // The audit trail goes on across the restore, which it records (restore-audit.ts).
        if (restored.ok && !changed) await carryAuditTrail(db, target, deps.ctx, deps.now(), restored.value);
        if (!restored.ok || changed || !swapIn(name, storage)) {
          await target.delete();
          if (changed && attempt < MAX_ATTEMPTS) continue;
          if (changed) return err({ kind: 'write-failed', message: 'ledger changed during the restore / 恢复期间台账有新的修改' });
          return restored.ok ? err({ kind: 'restore-pending' }) : restored;
        }
        target.close();
        return ok(restored.value);
      }
    },

    /** Invoice numbers and file names held by damaged backup chunks, as this ledger knows them. */
    nameDamage(ranges: readonly DamagedRange[], attachments: readonly string[]): Promise<DamageNames> {
      return nameDamage(db, ranges, attachments);
    },

    /** The restore awaiting confirmation, if any. */
    pending(): PendingSwap | null {
      return pendingSwap(storage);
    },

    /** Keeps the restored ledger and deletes the one it replaced. */
    async confirm(): Promise<void> {
      await requirePermission(db, deps.ctx, 'backup.restore', { entity: 'backup', entityId: pendingSwap(storage)?.active ?? '' });
      const previous = confirmSwap(storage);
      if (previous) await deps.openDb(previous).delete();
    },

    /** Goes back to the replaced ledger and deletes the restored one (the caller then reloads). */
    async undo(): Promise<void> {
      await requirePermission(db, deps.ctx, 'backup.restore', { entity: 'backup', entityId: pendingSwap(storage)?.active ?? '' });
      const restored = undoSwap(storage);
      if (restored) {
        if (restored === db.name) db.close();
        await deps.openDb(restored).delete();
      }
    },
  };
}

/** The ledger backup API's type. */
export type LedgerBackupApi = ReturnType<typeof ledgerBackupApi>;
