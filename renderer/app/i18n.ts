import { useMemo } from 'react';
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { DEFAULT_LOCALE, translate, type Catalogue, type Locale } from '../../shared/i18n/translate';
import { DOMAIN_MESSAGES, issueMessage } from '../../shared/i18n/domain-messages';
import type { Issue } from '../../shared/domain/invoice';
import { UI_MESSAGES } from './messages';
import { SYNC_MESSAGES } from '../features/sync/messages';
import { BACKUP_MESSAGES } from '../features/backup/messages';
import { RECONCILE_MESSAGES } from '../features/reconcile/messages';
import { CASES_MESSAGES } from '../features/cases/messages';
import { AUDIT_MESSAGES } from '../features/audit/messages';
import { SHEET_MESSAGES } from '../../shared/reconcile/sheet/sheet-messages';
import { AUTH_MESSAGES } from '../features/auth/messages';
import { COMMANDS_MESSAGES } from '../features/commands/messages';
import { FEEDBACK_MESSAGES } from '../features/feedback/messages';
import { PRINT_MESSAGES } from '../features/print/messages';
import { MANUAL_MESSAGES } from '../features/manual/messages';
import { HOME_MESSAGES } from '../features/home/messages';
import { MONTH_END_MESSAGES } from '../features/month-end/messages';

/** Every UI string: the shell's, each feature's own catalogue, and the domain's. */
export const CATALOGUE: Catalogue = { ...DOMAIN_MESSAGES, ...UI_MESSAGES, ...SYNC_MESSAGES, ...BACKUP_MESSAGES, ...SHEET_MESSAGES, ...RECONCILE_MESSAGES, ...CASES_MESSAGES, ...AUDIT_MESSAGES, ...AUTH_MESSAGES, ...COMMANDS_MESSAGES, ...FEEDBACK_MESSAGES, ...PRINT_MESSAGES, ...MANUAL_MESSAGES, ...HOME_MESSAGES, ...MONTH_END_MESSAGES };

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

/**
 * Translator for the current UI language: the same function until the language changes, so it can sit in the
 * dependencies of a memo or an effect (the print documents build a thousand rows with it) without re-running them.
 */
export function useT(): T {
  const locale = useLocaleStore((s) => s.locale);
  return useMemo((): T => (key, params) => translate(CATALOGUE, locale, key, params), [locale]);
}

/** Formats validation issues in the current UI language (line fields are named with their row). */
export function useFormatIssue(): (issue: Issue) => string {
  const locale = useLocaleStore((s) => s.locale);
  return (issue) => issueMessage(issue, locale);
}
