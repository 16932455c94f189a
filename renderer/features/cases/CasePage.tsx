import { useT } from '../../app/i18n';

/** Placeholder until the case file lands. */
export function CasePage({ id }: { readonly id: string }) {
  const t = useT();
  return <section><h1>{t('cases.title')}</h1><p>{id}</p></section>;
}
