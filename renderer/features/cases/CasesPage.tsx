import { useT } from '../../app/i18n';

/** Placeholder until the case list lands. */
export function CasesPage() {
  const t = useT();
  return <section><h1>{t('cases.title')}</h1></section>;
}
