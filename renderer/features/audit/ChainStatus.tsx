import { useState } from 'react';
import { useT } from '../../app/i18n';
import { formatTimestamp } from '../../app/today';
import { auditTrail, useAuditVerification, useCan } from '../../db';
import { useToasts } from '../../ui/toast';
import { refusalText } from '../auth';
import { BreakReport } from './BreakReport';
import { useUserLabel } from './use-audit-names';

/** The chain's state: the last verification (when, by whom, intact or the first bad entry) and "立即验证". */
export function ChainStatus() {
  const t = useT();
  const last = useAuditVerification();
  const mayVerify = useCan('audit.verify');
  const userLabel = useUserLabel();
  const toast = useToasts((s) => s.show);
  const [busy, setBusy] = useState(false);

  async function verify() {
    setBusy(true);
    try {
      const r = await auditTrail.verifyNow();
      if (!r.ok) toast(refusalText(t, r.error), 'error');
    } finally {
      setBusy(false);
    }
  }

  const intact = last && !last.broken;
  return (
    <section className={`audit-chain${last?.broken ? ' audit-chain-broken' : intact ? ' audit-chain-ok' : ''}`} aria-labelledby="audit-chain-title" aria-busy={busy}>
      <div className="audit-chain-text">
        <h2 id="audit-chain-title">{t('audit.chain.title')}</h2>
        {last === undefined ? null : last === null ? <p>{t('audit.chain.never')}</p> : last.broken ? <BreakReport verification={last} /> : (
          <p className="audit-chain-state">{t('audit.chain.ok', { count: last.count })}</p>
        )}
        {last ? <p className="muted small">{t('audit.chain.last', { at: formatTimestamp(last.at), user: userLabel(last.by) })} {t('audit.chain.daily')}</p> : null}
      </div>
      {mayVerify ? (
        <button type="button" className="primary" disabled={busy} onClick={() => void verify()}>
          {busy ? t('audit.chain.verifying') : t('audit.chain.verifyNow')}
        </button>
      ) : null}
    </section>
  );
}
