import { useEffect, useRef, type KeyboardEvent } from 'react';
import { isManualPageId } from '../../../shared/manual/pages';
import { useLocaleStore, useT } from '../../app/i18n';
import { routeHash } from '../../app/router';
import { manualPages } from './content';
import { Markdown } from './Markdown';
import { ManualIndex } from './ManualIndex';
import { leaveManual } from './manual-store';
import { useTourStore } from './tour-store';
import './manual.css';

/** #/manual and #/manual/<page>: the contents with search, or one page. 返回 and Esc go back where F1 was pressed. */
export function ManualPage(props: { readonly page: string | null }) {
  const t = useT();
  const locale = useLocaleStore((s) => s.locale);
  const id = props.page !== null && isManualPageId(props.page) ? props.page : null;
  const page = id === null ? undefined : manualPages(locale).find((p) => p.id === id);
  const root = useRef<HTMLElement>(null);

  // Focus lands in the page (its heading), so Esc and the arrow keys work right after F1.
  useEffect(() => {
    if (props.page !== null) root.current?.querySelector<HTMLElement>('h1')?.focus();
  }, [props.page, locale]);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || e.defaultPrevented || useTourStore.getState().step !== null) return;
    e.preventDefault();
    leaveManual(id);
  };

  return (
    <section className="manual" ref={root} onKeyDown={onKeyDown}>
      <div className="manual-bar">
        <button type="button" className="link" onClick={() => { leaveManual(id); }} title={t('manual.backHint')}>
          ← {t('manual.back')} <kbd>Esc</kbd>
        </button>
        {props.page !== null ? <a href={routeHash({ name: 'manual', page: null })}>{t('manual.toIndex')}</a> : null}
      </div>
      {props.page === null ? <ManualIndex /> : page ? (
        <article className="manual-article" lang={locale}><Markdown blocks={page.blocks} locale={locale} /></article>
      ) : (
        <><h1 tabIndex={-1}>{t('manual.title')}</h1><p className="empty" role="alert">{t('manual.notFound')}</p></>
      )}
    </section>
  );
}
