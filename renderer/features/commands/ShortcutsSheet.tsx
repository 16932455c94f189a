import type { KeyboardEvent } from 'react';
import { useT } from '../../app/i18n';
import { SHORTCUT_AREAS, SHORTCUTS } from './registry';

/** `?`: every keyboard shortcut, grouped by where it works, in the current language; Esc closes. */
export function ShortcutsSheet(props: { readonly onClose: () => void }) {
  const t = useT();
  function onKeyDown(e: KeyboardEvent) {
    if (e.key === 'Escape') { e.preventDefault(); props.onClose(); }
    if (e.key === 'Tab') e.preventDefault(); // the close button is the sheet's only stop
  }
  return (
    <div className="cmd-backdrop" onMouseDown={(e) => { if (e.target === e.currentTarget) props.onClose(); }}>
      <div className="cmd-dialog cmd-sheet" role="dialog" aria-modal="true" aria-labelledby="shortcuts-title" onKeyDown={onKeyDown}>
        <header className="cmd-sheet-head">
          <h2 id="shortcuts-title">{t('shortcut.title')}</h2>
          <button type="button" autoFocus onClick={props.onClose}>{t('shortcut.close')} <kbd>Esc</kbd></button>
        </header>
        <div className="cmd-sheet-body">
          {SHORTCUT_AREAS.map((area) => (
            <section key={area} aria-labelledby={`shortcuts-${area}`}>
              <h3 id={`shortcuts-${area}`}>{t(`shortcut.area.${area}`)}</h3>
              <dl className="cmd-keys">
                {SHORTCUTS.filter((s) => s.area === area).map((s) => (
                  <div key={s.labelKey} className="cmd-key-row">
                    <dt>{s.keys.map((k) => <kbd key={k}>{k}</kbd>)}</dt>
                    <dd>{t(s.labelKey)}</dd>
                  </div>
                ))}
              </dl>
            </section>
          ))}
        </div>
        <p className="cmd-hint">{t('shortcut.macNote')}</p>
      </div>
    </div>
  );
}
