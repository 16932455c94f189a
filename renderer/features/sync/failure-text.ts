import type { T } from '../../app/i18n';
import type { SyncFailure } from '../../sync/sync-failure';

/** A sync failure in plain words. */
export function failureText(t: T, f: SyncFailure): string {
  switch (f.kind) {
    case 'server': return t('sync.error.server', { status: f.status });
    case 'lost': return t('sync.error.lost', { fromId: f.fromId });
    case 'protocol': return t('sync.error.protocol', { detail: f.detail });
    case 'auditBroken': return t('sync.error.auditBroken', { seq: f.seq, reason: t(`sync.auditReason.${f.reason}`) });
    default: return t(`sync.error.${f.kind}`);
  }
}
