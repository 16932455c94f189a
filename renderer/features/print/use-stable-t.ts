import { useMemo } from 'react';
import { translate } from '../../../shared/i18n/translate';
import { CATALOGUE, useLocaleStore, type T } from '../../app/i18n';

/**
 * The translator, the same function until the language changes: documents build their blocks with it in a
 * useMemo, so a re-render does not rebuild (and re-measure) a thousand rows.
 */
export function useStableT(): T {
  const locale = useLocaleStore((s) => s.locale);
  return useMemo((): T => (key, params) => translate(CATALOGUE, locale, key, params), [locale]);
}
