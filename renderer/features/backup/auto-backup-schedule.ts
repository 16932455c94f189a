import type { BackupSettings, LastBackup } from '../../db/backup-state-repository';
import { hoursBetween } from './format-progress';

/** Whether an automatic backup is due: switched on, and none yet or the last one is at least the interval old. */
export function isAutoBackupDue(settings: BackupSettings, lastAutomatic: LastBackup | null, now: number): boolean {
  if (!settings.autoEnabled) return false;
  return lastAutomatic === null || hoursBetween(lastAutomatic.at, now) >= settings.autoEveryHours;
}
