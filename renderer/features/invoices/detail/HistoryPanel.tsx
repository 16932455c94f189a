import { useEffect, useState } from 'react';
import type { Invoice } from '../../../../shared/domain/invoice';
import { verifyChain, type ChainCheck } from '../../../../shared/audit/audit-chain';
import { useT } from '../../../app/i18n';
import { formatTimestamp } from '../../../app/today';
import { readAuditChain, useAuditFor } from '../../../db';

/** Status history and the audited change log of one invoice, with the whole chain verified. */
export function HistoryPanel({ invoice }: { readonly invoice: Invoice }) {
  const t = useT();
  const audit = useAuditFor(invoice.id);
  const [check, setCheck] = useState<ChainCheck | null>(null);
  const userName = (u: string) => (u === 'clerk' ? t('user.placeholder') : u);

  useEffect(() => {
    let live = true;
    void readAuditChain().then((all) => { if (live) setCheck(verifyChain(all)); });
    return () => { live = false; };
  }, [audit]);

  return (
    <section className="history" aria-labelledby="history-title">
      <h2 id="history-title">{t('detail.statusHistory')}</h2>
      <ol className="timeline">
        {invoice.statusHistory.map((h, i) => (
          <li key={`${h.at}-${i}`}>
            <time>{formatTimestamp(h.at)}</time> <span className={`status status-${h.to}`}>{t(`status.${h.to}`)}</span>
            <span className="muted"> · {userName(h.by)}</span>{h.reason ? <span> · {t('detail.reason')}：{h.reason}</span> : null}
          </li>
        ))}
      </ol>
      <h2>{t('detail.auditHistory')}</h2>
      {check ? (
        <p className={check.ok ? 'chain-ok' : 'msg-error'}>{check.ok ? t('detail.chainOk', { count: check.count }) : t('detail.chainBroken', { seq: check.seq })}</p>
      ) : null}
      <ol className="timeline">
        {audit?.map((e) => (
          <li key={e.seq}>
            <time>{formatTimestamp(e.at)}</time> <strong>{t(`audit.${e.action}`)}</strong>
            <span className="muted"> · {userName(e.user)} · #{e.seq}</span>
            {e.action === 'update' ? <div className="audit-fields">{Object.keys(e.after as object).map((k) => t(`field.${k}`)).join('、')}</div> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
