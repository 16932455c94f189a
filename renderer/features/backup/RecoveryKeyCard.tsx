import { useT } from '../../app/i18n';

/** A recovery key shown once, to print or copy onto paper (the print stylesheet prints only this card). */
export function RecoveryKeyCard(props: { readonly recoveryKey: string }) {
  const t = useT();
  return (
    <div className="recovery-key">
      <strong>{t('backup.recovery.heading')}</strong>
      <p className="mono key">{props.recoveryKey}</p>
      <p className="small">{t('backup.recovery.hint')}</p>
      <button type="button" onClick={() => { window.print(); }}>{t('backup.recovery.print')}</button>
    </div>
  );
}
