import { useState } from 'react';
import { useT } from '../../app/i18n';
import { formatTimestamp } from '../../app/today';
import { setSessionActor } from '../../db';
import { AuthScreen } from './AuthScreen';
import { useAuthStore, type AuthStep } from './auth-store';

/** The recovery code, shown once: printed or written down (confirmed) before the administrator enters the app. */
export function RecoveryCodeScreen({ step }: { readonly step: Extract<AuthStep, { kind: 'recoveryCode' }> }) {
  const t = useT();
  const setStep = useAuthStore((s) => s.setStep);
  const [confirmed, setConfirmed] = useState(false);
  const [printedAt] = useState(() => new Date().toISOString());
  return (
    <AuthScreen title={t('auth.recovery.title')}>
      <section className="paper auth-card recovery-card" aria-labelledby="recovery-title">
        <h2 id="recovery-title" className="print-only">{t('auth.recovery.printHeading')}</h2>
        {step.renewed ? <p className="banner banner-warn">{t('auth.recover.newCode')}</p> : null}
        <p className="no-print">{t('auth.recovery.intro')}</p>
        <p className="recovery-code mono" data-testid="recovery-code">{step.code}</p>
        <p className="print-only">{t('auth.recovery.printFor', { login: step.login, at: formatTimestamp(printedAt) })}</p>
        <p className="print-only">{t('auth.recovery.intro')}</p>
        <div className="no-print auth-actions">
          <button type="button" onClick={() => { window.print(); }}>{t('auth.recovery.print')}</button>
        </div>
        <label className="checkbox no-print">
          <input type="checkbox" checked={confirmed} onChange={(e) => { setConfirmed(e.target.checked); }} />
          {t('auth.recovery.confirm')}
        </label>
        <button type="button" className="primary no-print" disabled={!confirmed}
          onClick={() => { setStep(null); setSessionActor(step.actor); }}>{t('auth.recovery.continue')}</button>
      </section>
    </AuthScreen>
  );
}
