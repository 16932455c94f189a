import { useState } from 'react';
import { useT } from '../../app/i18n';
import { ledgerBackup, useLedgerSize } from '../../db';
import { useToasts } from '../../ui/toast';
import { useGate } from '../auth';

/** After a restore: the restored ledger is active, the previous one kept until the clerk confirms or undoes. */
export function RestoreBanner() {
  const t = useT();
  const invoices = useLedgerSize();
  const show = useToasts((s) => s.show);
  const [pending, setPending] = useState(() => ledgerBackup.pending());
  const gate = useGate('backup.restore');
  if (!pending) return null;
  const confirm = async () => {
    await ledgerBackup.confirm();
    setPending(null);
    show(t('backup.restore.confirmed'));
  };
  const undo = async () => {
    await ledgerBackup.undo();
    window.location.reload();
  };
  return (
    <div className="banner banner-warn restore-pending" role="alert">
      <span>{t('backup.restore.pending', { invoices: invoices ?? '…' })}</span>
      <button type="button" className="primary" disabled={!gate.allowed} title={gate.title} onClick={() => { void confirm(); }}>{t('backup.restore.keep')}</button>
      <button type="button" disabled={!gate.allowed} title={gate.title} onClick={() => { void undo(); }}>{t('backup.restore.undo')}</button>
    </div>
  );
}
