/*
 * This PC's backup state (last backup, last verification, automatic-backup settings) in the ledger's `meta` table
 * under `backup.*` keys. Those keys are never exported and survive a restore (export-ledger.ts, restore-ledger.ts),
 * so restoring an old backup does not make the reminder believe that old backup is the latest.
 */
import { z } from 'zod';
import type { LedgerDb } from './db';
import { requirePermission } from './permission';
import { appendAuditEventsIn } from './audit-events';
import type { WriteContext } from './write-context';

const lastBackupSchema = z.object({
  at: z.string(),
  /** Where it went, in the clerk's words ("U盘 KINGSTON (E:)", "本机自动备份"). */
  target: z.string(),
  bytes: z.number().int().min(0),
  automatic: z.boolean(),
});
/** The last backup that completed and read back correctly. */
export type LastBackup = z.infer<typeof lastBackupSchema>;

const lastVerifiedSchema = z.object({
  at: z.string(),
  level: z.union([z.literal(0), z.literal(1), z.literal(2)]),
  ok: z.boolean(),
  target: z.string(),
});
/** The last verification and whether it found the backup intact. */
export type LastVerified = z.infer<typeof lastVerifiedSchema>;

const settingsSchema = z.object({
  autoEnabled: z.boolean(),
  /** Hours between automatic local backups (24 = daily). */
  autoEveryHours: z.number().int().min(1).max(24 * 7),
  keepDaily: z.number().int().min(1).max(365),
  keepWeekly: z.number().int().min(0).max(520),
});
/** Automatic local backup settings. */
export type BackupSettings = z.infer<typeof settingsSchema>;

/** Daily, keeping 7 daily and 4 weekly snapshots (issue #5). */
export const DEFAULT_BACKUP_SETTINGS: BackupSettings = { autoEnabled: true, autoEveryHours: 24, keepDaily: 7, keepWeekly: 4 };

/** Everything the backup page and the sidebar reminder show. */
export interface BackupState {
  readonly lastBackup: LastBackup | null;
  /** The last automatic local backup (its schedule counts from this one). */
  readonly lastAutomatic: LastBackup | null;
  readonly lastVerified: LastVerified | null;
  readonly settings: BackupSettings;
}

const KEYS = {
  lastBackup: 'backup.lastBackup', lastAutomatic: 'backup.lastAutomatic', lastVerified: 'backup.lastVerified', settings: 'backup.settings',
} as const;

async function readKey<T>(db: LedgerDb, key: string, schema: z.ZodType<T>): Promise<T | null> {
  const row = await db.meta.get(key);
  const parsed = schema.safeParse(row?.value);
  return parsed.success ? parsed.data : null;
}

/** Reads the backup state (defaults where nothing is stored or a stored value is malformed). */
export async function readBackupState(db: LedgerDb): Promise<BackupState> {
  return {
    lastBackup: await readKey(db, KEYS.lastBackup, lastBackupSchema),
    lastAutomatic: await readKey(db, KEYS.lastAutomatic, lastBackupSchema),
    lastVerified: await readKey(db, KEYS.lastVerified, lastVerifiedSchema),
    settings: (await readKey(db, KEYS.settings, settingsSchema)) ?? DEFAULT_BACKUP_SETTINGS,
  };
}

/** Writes the backup state. */
export class BackupStateRepository {
  constructor(
    private readonly db: LedgerDb,
    private readonly ctx: WriteContext,
  ) {}

  /** The current state. */
  read(): Promise<BackupState> {
    return readBackupState(this.db);
  }

  /** Records a backup that completed and read back correctly (automatic ones also restart their schedule). */
  async recordBackup(value: LastBackup): Promise<void> {
    const parsed = lastBackupSchema.parse(value);
    await this.db.transaction('rw', [this.db.meta, this.db.audit], async () => {
      await this.db.meta.bulkPut(parsed.automatic
        ? [{ key: KEYS.lastBackup, value: parsed }, { key: KEYS.lastAutomatic, value: parsed }]
        : [{ key: KEYS.lastBackup, value: parsed }]);
      // Audited here, so manual and automatic backups alike say who, where and how much (issue #13).
      await appendAuditEventsIn(this.db, [{ action: 'backup', entity: 'backup', entityId: parsed.target, after: { target: parsed.target, bytes: parsed.bytes, automatic: parsed.automatic } }], this.ctx, this.ctx.now());
    });
  }

  /** Records a verification and its outcome (audited as backupVerify). */
  async recordVerified(value: LastVerified): Promise<void> {
    const parsed = lastVerifiedSchema.parse(value);
    await this.db.transaction('rw', [this.db.meta, this.db.audit], async () => {
      await this.db.meta.put({ key: KEYS.lastVerified, value: parsed });
      await appendAuditEventsIn(this.db, [{ action: 'backupVerify', entity: 'backup', entityId: parsed.target, after: { target: parsed.target, level: parsed.level, ok: parsed.ok } }], this.ctx, this.ctx.now());
    });
  }

  /** Saves the automatic backup settings. */
  async saveSettings(value: BackupSettings): Promise<void> {
    await requirePermission(this.db, this.ctx, 'backup.settings', { entity: 'settings', entityId: KEYS.settings });
    await this.db.meta.put({ key: KEYS.settings, value: settingsSchema.parse(value) });
  }
}
