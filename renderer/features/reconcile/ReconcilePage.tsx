import { useT } from '../../app/i18n';

/** Placeholder until the reconciliation screen lands. */
export function ReconcilePage() {
  const t = useT();
  return <section><h1>{t('reconcile.title')}</h1></section>;
}
