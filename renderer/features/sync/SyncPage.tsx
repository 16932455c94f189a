import { useT } from '../../app/i18n';

/** Sync settings, status and the conflict review (issue #4). */
export function SyncPage() {
  const t = useT();
  return <section><h1>{t('sync.title')}</h1></section>;
}
