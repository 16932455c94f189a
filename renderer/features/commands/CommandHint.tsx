import { useT } from '../../app/i18n';
import { useCommandUi } from './ui-store';

/** The sidebar's way in for the mouse (and the reminder of the keys): 命令面板 Ctrl+K, 快捷键 ?. */
export function CommandHint() {
  const t = useT();
  const show = useCommandUi((s) => s.show);
  return (
    <div className="cmd-hint-links">
      <button type="button" className="link" aria-label={t('command.title')} title={t('command.title')} onClick={() => { show('palette'); }}>
        {t('command.hint.palette')}<kbd>Ctrl+K</kbd>
      </button>
      <button type="button" className="link" aria-label={t('command.shortcuts')} title={t('command.shortcuts')} onClick={() => { show('shortcuts'); }}>
        {t('command.hint.shortcuts')}<kbd>?</kbd>
      </button>
    </div>
  );
}
