import type { T } from '../../app/i18n';
import type { SyncFailure } from '../../sync/sync-failure';

/** Roles in plain words ('管理员或录入员'). */
function roleNames(t: T, roles: readonly string[]): string {
  return roles.map((r) => t(`sync.role.${r}`)).join(t('sync.role.or'));
}

/** A sync failure in plain words; `brief` for the status line, where the long ones only point to the sync page. */
export function failureText(t: T, f: SyncFailure, brief = false): string {
  if (brief && (f.kind === 'certificateChanged' || f.kind === 'plainHttp')) return t(`sync.error.${f.kind}.brief`, f.kind === 'plainHttp' ? { host: f.host } : {});
  switch (f.kind) {
    case 'server': return t('sync.error.server', { status: f.status });
    case 'lost': return t('sync.error.lost', { fromId: f.fromId });
    case 'protocol': return t('sync.error.protocol', { detail: f.detail });
    case 'auditBroken': return t('sync.error.auditBroken', { seq: f.seq, reason: t(`sync.auditReason.${f.reason}`) });
    case 'plainHttp': return t('sync.error.plainHttp', { host: f.host });
    case 'certificateChanged': return t('sync.error.certificateChanged', { pinned: f.pinned, presented: f.presented });
    case 'noCertificate': return t(`sync.error.noCertificate.${f.reason}`);
    case 'notKept': return t('sync.error.notKept', { detail: f.detail });
    case 'notAllowed': return t('sync.error.notAllowed', { roles: roleNames(t, f.needs) });
    default: return t(`sync.error.${f.kind}`);
  }
}
