/* The backup reminder's rule (issue #5), one for the sidebar's reminder and the home page's backup tile. */

/** Hours without a backup after which the home page and the sidebar show it in red. */
const BACKUP_OVERDUE_HOURS = 24;

/** Whether the last backup is missing or older than 24 hours at `now` (ms). */
export function isBackupOverdue(lastBackupAt: string | null, now: number): boolean {
  if (lastBackupAt === null) return true;
  const at = Date.parse(lastBackupAt);
  return !Number.isFinite(at) || now - at > BACKUP_OVERDUE_HOURS * 3600_000;
}
