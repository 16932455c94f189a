import { useT } from '../../app/i18n';

/** Backups to USB sticks and folders, verification, restore and the plain export (issue #5). */
export function BackupPage() {
  const t = useT();
  return <section><h1>{t('backup.title')}</h1></section>;
}
