/** Backup: encrypted backups to USB sticks and folders, verification, restore, plain export. */
import { lazy } from 'react';

export { BackupReminder } from './BackupReminder';
export { BACKUP_MESSAGES } from './messages';
/** The #/backup page, loaded on first visit: the backup format brings WebAssembly Argon2 the first screen does not need. */
export const BackupPage = lazy(() => import('./BackupPage').then((m) => ({ default: m.BackupPage })));
