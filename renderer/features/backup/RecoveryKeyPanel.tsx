import { useEffect, useState } from 'react';
import type { RepoStore } from '../../../shared/backup';
import { useT } from '../../app/i18n';
import { recoveryKeyStatus, replaceRecoveryKey } from './backup-actions';
import { RecoveryKeyCard } from './RecoveryKeyCard';
import { useDescribeFailure } from './use-backup-text';

/**
 * For an open repository: whether it has a recovery key, and a new one on request (the old one stops working), so a
 * clerk who skipped it when setting the password, or lost the paper, can still make one.
 */
export function RecoveryKeyPanel(props: { readonly store: RepoStore; readonly secret: string; readonly busy: boolean }) {
  const t = useT();
  const describe = useDescribeFailure();
  const [has, setHas] = useState<boolean | null>(null);
  const [made, setMade] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [working, setWorking] = useState(false);
  useEffect(() => {
    let live = true;
    void recoveryKeyStatus(props.store).then((r) => { if (live && r.ok) setHas(r.value); });
    return () => { live = false; };
  }, [props.store]);
  const make = async () => {
    setWorking(true);
    const r = await replaceRecoveryKey(props.store, props.secret);
    setWorking(false);
    if (!r.ok) { setError(describe(r.error)); return; }
    setError(null);
    setHas(true);
    setMade(r.value);
  };
  if (has === null) return null;
  return (
    <div className="recovery-panel backup-password">
      <p className="small">{t(has ? 'backup.recovery.has' : 'backup.recovery.none')}</p>
      {made ? <RecoveryKeyCard recoveryKey={made} /> : (
        <button type="button" className="link" disabled={props.busy || working} onClick={() => { void make(); }}>
          {t(has ? 'backup.recovery.replace' : 'backup.recovery.add')}
        </button>
      )}
      {error ? <p className="msg-error" role="alert">{error}</p> : null}
    </div>
  );
}
