import { useEffect, useState } from 'react';
import { useT } from '../../app/i18n';
import { useBackupUi } from './backup-store';
import { formatBytes, formatDuration, secondsLeft } from './format-progress';

/** The running step: what it is, a progress bar with bytes and time left, and Cancel. */
export function TaskProgress() {
  const t = useT();
  const task = useBackupUi((s) => s.task);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!task) return;
    const timer = setInterval(() => { setNow(Date.now()); }, 500);
    return () => { clearInterval(timer); };
  }, [task]);
  if (!task) return null;
  const p = task.progress;
  const left = p ? secondsLeft(p.done, p.total, now - task.startedAt) : null;
  return (
    <div className="backup-task" role="status" aria-live="polite">
      <strong>{t(`backup.task.${task.kind}`)}</strong>
      <progress max={p?.total || 1} value={p?.done ?? 0} aria-label={t(`backup.task.${task.kind}`)} />
      {p ? <span className="mono">{t('backup.run.progress', { done: formatBytes(p.done), total: formatBytes(p.total) })}</span> : null}
      <span className="muted">{left === null ? t('backup.run.estimating') : t('backup.run.left', { time: formatDuration(left) })}</span>
      {task.kind === 'unlock' ? null : (
        <button type="button" onClick={() => { task.controller.abort(); }}>{t('backup.run.cancel')}</button>
      )}
    </div>
  );
}
