import type { VerifyLevel } from '../../../shared/backup';
import { useT } from '../../app/i18n';

/** Verify without restoring: level 0 needs no password; levels 1 and 2 need the repository opened. */
export function VerifyPanel(props: { readonly busy: boolean; readonly unlocked: boolean; readonly onVerify: (level: VerifyLevel) => void }) {
  const t = useT();
  const levels: VerifyLevel[] = [0, 1, 2];
  return (
    <div className="verify-panel">
      <h3>{t('backup.verify.heading')}</h3>
      <div className="target-actions">
        {levels.map((level) => (
          <button key={level} type="button" disabled={props.busy || (level > 0 && !props.unlocked)} onClick={() => { props.onVerify(level); }}>
            {t(`backup.verify.level${String(level)}`)}
          </button>
        ))}
      </div>
    </div>
  );
}
