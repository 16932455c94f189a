import { useT } from '../../app/i18n';
import { useRoute } from '../../app/router';
import { openManualFor } from './manual-store';
import './manual.css';

/** The sidebar's way into the manual for the mouse: 帮助 F1 opens the page for the current screen. */
export function HelpLink() {
  const t = useT();
  const route = useRoute();
  return (
    <button type="button" className="link help-link" title={t('help.linkTitle')} onClick={() => { openManualFor(route); }}>
      <span aria-hidden="true" className="help-mark">?</span>{t('help.link')}<kbd>F1</kbd>
    </button>
  );
}
