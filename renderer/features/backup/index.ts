/** Backup: encrypted backups to USB sticks and folders, verification, restore, plain export. */
export { BackupPage } from './BackupPage';
export { BackupReminder } from './BackupReminder';
export { BACKUP_MESSAGES } from './messages';
