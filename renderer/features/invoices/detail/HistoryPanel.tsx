import { useMemo } from 'react';
import type { Invoice } from '../../../../shared/domain/invoice';
import { hashEntry } from '../../../../shared/audit/audit-chain';
import { useT } from '../../../app/i18n';
import { formatTimestamp } from '../../../app/today';
import { useAuditFor, useAuditVerification } from '../../../db';
import { EntryChanges, useUserLabel } from '../../audit';

/**
 * Status history and the full audited history of one invoice (everyone may see it): who, on which device, what
 * changed from what to what. Each entry's own hash is checked here; the whole chain is verified daily and on the
 * audit page, and its last result is shown.
 */
export function HistoryPanel({ invoice }: { readonly invoice: Invoice }) {
  const t = useT();
  const audit = useAuditFor(invoice.id);
  const chain = useAuditVerification();
  const userLabel = useUserLabel();
  const altered = useMemo(() => audit?.find((e) => hashEntry(e, e.seq, e.prevHash) !== e.hash) ?? null, [audit]);

  return (
    <section className="history" aria-labelledby="history-title">
      <h2 id="history-title">{t('detail.statusHistory')}</h2>
      <ol className="timeline">
        {invoice.statusHistory.map((h, i) => (
          <li key={`${h.at}-${i}`}>
            <time>{formatTimestamp(h.at)}</time> <span className={`status status-${h.to}`}>{t(`status.${h.to}`)}</span>
            <span className="muted"> · {userLabel(h.by)}</span>{h.reason ? <span> · {t('detail.reason')}：{h.reason}</span> : null}
          </li>
        ))}
      </ol>
      <h2 id="audit-history-title">{t('history.title')}</h2>
      {audit ? (
        <p className={altered ? 'msg-error' : 'chain-ok'} role={altered ? 'alert' : undefined}>
          {altered ? t('history.tampered', { seq: altered.seq }) : t('history.intact', { count: audit.length })}
        </p>
      ) : null}
      {chain ? (
        <p className="muted small">{t('history.chain', {
          at: formatTimestamp(chain.at),
          state: chain.broken ? t('history.chainBroken', { seq: chain.broken.seq }) : t('history.chainOk'),
        })}</p>
      ) : null}
      {audit?.length === 0 ? <p className="muted">{t('history.empty')}</p> : null}
      <ol className="timeline audit-timeline" aria-labelledby="audit-history-title">
        {audit?.map((e) => (
          <li key={e.seq} className={e.seq === altered?.seq ? 'audit-bad' : undefined}>
            <div>
              <time dateTime={e.at}>{formatTimestamp(e.at)}</time> <strong>{t(`audit.${e.action}`)}</strong>
              <span className="muted"> · {userLabel(e.user)}{e.device ? ` · ${e.device}` : ''} · #{e.seq}</span>
            </div>
            <EntryChanges entry={e} />
          </li>
        ))}
      </ol>
    </section>
  );
}
