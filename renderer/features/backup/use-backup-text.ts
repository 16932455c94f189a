/** Plain-language text for backup failures and dates, in the UI language. */
import { backupErrorMessage } from '../../../shared/backup';
import { useLocaleStore, useT } from '../../app/i18n';
import type { BackupFailure } from './backup-actions';
import { isRefusal, refusalText } from '../auth';

/** Turns a failure into the sentence the clerk reads (it names the damaged files, invoices and attachments). */
export function useDescribeFailure(): (failure: BackupFailure) => string {
  const locale = useLocaleStore((s) => s.locale);
  const t = useT();
  return (failure) => {
    if (failure.from === 'format') return backupErrorMessage(failure.error, locale);
    const e = failure.error;
    if (isRefusal(e)) return refusalText(t, e);
    const params: Record<string, string | number> = {};
    for (const [k, v] of Object.entries(e)) {
      if (typeof v === 'string' || typeof v === 'number') params[k] = v;
      else if (Array.isArray(v)) params[k] = (v as string[]).join(locale === 'en' ? ', ' : '，') || '—';
    }
    return `${t('backup.restoreError.prefix')} ${t(`backup.restoreError.${e.kind}`, params)}`;
  };
}

/** A local date and time for an ISO instant. */
export function useFormatWhen(): (iso: string) => string {
  const locale = useLocaleStore((s) => s.locale);
  return (iso) => new Date(iso).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });
}
