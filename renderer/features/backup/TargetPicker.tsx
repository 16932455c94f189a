import { useCallback, useEffect, useState } from 'react';
import { useT } from '../../app/i18n';
import { backupPlatform, type BackupTarget } from '../../platform/backup-targets';
import { formatBytes } from './format-progress';

/** Chooses where to back up: a plugged-in USB stick (desktop), any folder, or this PC's automatic backup folder. */
export function TargetPicker({ onPick }: { readonly onPick: (target: BackupTarget) => void }) {
  const t = useT();
  const [platform] = useState(() => backupPlatform());
  const [drives, setDrives] = useState<BackupTarget[] | null>(null);
  const refresh = useCallback(() => { void platform.listDrives().then(setDrives); }, [platform]);
  useEffect(() => { if (platform.host === 'desktop') refresh(); }, [platform, refresh]);

  const pick = async (get: () => Promise<BackupTarget | null>) => {
    const target = await get();
    if (target) onPick(target);
  };
  return (
    <div className="backup-targets">
      {platform.host === 'desktop' ? (
        <div>
          <h3>{t('backup.target.drives')}</h3>
          {drives !== null && drives.length === 0 ? <p className="muted">{t('backup.target.noDrives')}</p> : null}
          <ul className="drive-list">
            {(drives ?? []).map((d) => (
              <li key={d.label}>
                <button type="button" className="drive" onClick={() => { onPick(d); }}>
                  <strong>{d.label}</strong>
                  {d.freeBytes !== null ? <span className="muted small">{t('backup.target.free', { free: formatBytes(d.freeBytes) })}</span> : null}
                </button>
              </li>
            ))}
          </ul>
          <button type="button" onClick={refresh}>{t('backup.target.refresh')}</button>
        </div>
      ) : null}
      <div className="target-actions">
        {platform.canPickFolder
          ? <button type="button" className="primary" onClick={() => { void pick(() => platform.pickFolder()); }}>{t('backup.target.pickFolder')}</button>
          : <p className="muted">{t('backup.target.noPicker')}</p>}
        <button type="button" onClick={() => { void pick(() => platform.localTarget()); }}>{t('backup.target.local')}</button>
      </div>
    </div>
  );
}
