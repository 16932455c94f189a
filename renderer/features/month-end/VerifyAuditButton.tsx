import { useState } from 'react';
import { useT } from '../../app/i18n';
import { auditTrail } from '../../db';
import { useToasts } from '../../ui/toast';
import { refusalText } from '../auth';

/** 立即验证 the audit chain from the checklist (shown to auditors and admins; the repository checks again); the item then updates itself. */
export function VerifyAuditButton() {
  const t = useT();
  const toast = useToasts((s) => s.show);
  const [busy, setBusy] = useState(false);
  const verify = async () => {
    setBusy(true);
    try {
      const r = await auditTrail.verifyNow();
      if (!r.ok) toast(refusalText(t, r.error), 'error');
      else if (r.value.broken) toast(t('monthEnd.verify.broken', { seq: r.value.broken.seq }), 'error');
      else toast(t('monthEnd.verify.ok', { count: r.value.count }));
    } finally {
      setBusy(false);
    }
  };
  return <button type="button" className="primary" disabled={busy} onClick={() => void verify()}>{t('monthEnd.verifyNow')}</button>;
}
