import { useT } from '../../app/i18n';

/** Placeholder until the import/export screen lands. */
export function SheetsPage() {
  const t = useT();
  return <section><h1>{t('sheets.title')}</h1></section>;
}
