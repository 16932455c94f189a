import type { AuditVerification } from '../../db';
import { useT } from '../../app/i18n';
import { formatTimestamp } from '../../app/today';
import { useRecordLabel, useUserLabel } from './use-audit-names';

/** The sentence naming the first bad entry and why ("entry 42 was changed after it was written"). */
export function useBreakText(): (v: AuditVerification, key: 'audit.chain.broken' | 'audit.banner') => string {
  const t = useT();
  return (v, key) => {
    const b = v.broken;
    if (!b) return '';
    return t(key, { seq: b.seq, reason: t(`audit.reason.${b.reason}`, { head: v.head.seq }) });
  };
}

/** The tamper report: the first bad entry, why, and what the entry now found in its place says. */
export function BreakReport({ verification }: { readonly verification: AuditVerification }) {
  const t = useT();
  const text = useBreakText();
  const userLabel = useUserLabel();
  const found = verification.broken?.entry ?? null;
  const recordLabel = useRecordLabel(found ? [found] : []);
  if (!verification.broken) return null;
  return (
    <div className="audit-break" role="alert">
      <strong>{text(verification, 'audit.chain.broken')}</strong>
      {found ? (
        <p className="small">{t('audit.break.found', {
          at: formatTimestamp(found.at), user: userLabel(found.user), action: t(`audit.${found.action}`), what: recordLabel(found),
        })}</p>
      ) : null}
    </div>
  );
}
