import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { DEFAULT_LOCALE, translate, type Catalogue, type Locale } from '../../shared/i18n/translate';
import { DOMAIN_MESSAGES } from '../../shared/i18n/domain-messages';
import type { Issue } from '../../shared/domain/invoice';
import { UI_MESSAGES } from './messages';

const CATALOGUE: Catalogue = { ...DOMAIN_MESSAGES, ...UI_MESSAGES };

interface LocaleState {
  readonly locale: Locale;
  readonly setLocale: (locale: Locale) => void;
}

/** The UI language (UI state only; persisted per PC). */
export const useLocaleStore = create<LocaleState>()(
  persist((set) => ({ locale: DEFAULT_LOCALE, setLocale: (locale) => { set({ locale }); } }), { name: 'fapiao.locale' }),
);

/** A translate function bound to a locale. */
export type T = (key: string, params?: Readonly<Record<string, string | number>>) => string;

/** Translator for the current UI language. */
export function useT(): T {
  const locale = useLocaleStore((s) => s.locale);
  return (key, params) => translate(CATALOGUE, locale, key, params);
}

/** The sentence for a validation issue, with the field's translated name filled in. */
export function formatIssue(t: T, issue: Issue): string {
  const fieldKey = issue.field.startsWith('lines.') ? `field.${issue.field.split('.').at(-1) ?? ''}` : `field.${issue.field}`;
  return t(`issue.${issue.code}`, { field: t(fieldKey), ...issue.params });
}
