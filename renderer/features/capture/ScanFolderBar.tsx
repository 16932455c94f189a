import { useEffect, useState } from 'react';
import { useT } from '../../app/i18n';
import { scanFolder } from '../../platform/platform';
import { addFiles } from './add-files';

/** How often the watched scanner folder is asked for new files while this page is open. */
const POLL_MS = 3000;

/** The watched scanner folder (desktop app only): choose it, see its state; new scans join the queue. */
export function ScanFolderBar() {
  const t = useT();
  const folder = scanFolder();
  const [path, setPath] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const api = scanFolder();
    if (!api) return;
    let stopped = false;
    const tick = async () => {
      const r = await api.poll();
      if (stopped) return;
      setPath(r.path);
      setError(r.error);
      if (r.files.length > 0) {
        await addFiles(r.files.map((f) => ({ name: f.name, type: '', bytes: () => Promise.resolve(f.data), scanId: f.id })));
      }
    };
    void tick();
    const timer = setInterval(() => { void tick(); }, POLL_MS);
    return () => { stopped = true; clearInterval(timer); };
  }, []);

  if (!folder) return null;
  return (
    <div className="scan-folder">
      <span>{path ? t('scan.watching', { path }) : t('scan.none')}</span>
      {error ? <span className="msg-error">{t('scan.error', { message: error })}</span> : null}
      <button type="button" onClick={() => {
        void folder.choose().then((r) => {
          if (r && 'path' in r) { setPath(r.path); setError(null); } else if (r) setError(r.error);
        });
      }}>{t(path ? 'scan.change' : 'scan.choose')}</button>
    </div>
  );
}
