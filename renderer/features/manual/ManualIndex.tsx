import { useMemo, useState } from 'react';
import { inlineText } from '../../../shared/manual/markdown';
import { searchManual } from '../../../shared/manual/search';
import { useLocaleStore, useT } from '../../app/i18n';
import { routeHash } from '../../app/router';
import { manualPages, type ManualPage } from './content';
import { startTour } from './tour-store';

function summary(page: ManualPage): string {
  const first = page.blocks.find((b) => b.kind === 'paragraph');
  return first?.kind === 'paragraph' ? inlineText(first.inlines) : '';
}

/** The manual's contents and search box: results show a snippet with the hit marked; each opens its page. */
export function ManualIndex() {
  const t = useT();
  const locale = useLocaleStore((s) => s.locale);
  const [query, setQuery] = useState('');
  const pages = manualPages(locale);
  const hits = useMemo(() => searchManual(pages, query), [pages, query]);
  const searching = query.trim() !== '';
  return (
    <>
      <header className="manual-head">
        <h1>{t('manual.title')}</h1>
        <p className="muted">{t('manual.intro')}</p>
      </header>
      <div className="manual-search">
        <label htmlFor="manual-search">{t('manual.search')}</label>
        <input id="manual-search" type="search" autoFocus value={query} placeholder={t('manual.searchHint')}
          onChange={(e) => { setQuery(e.target.value); }}
          onKeyDown={(e) => { if (e.key === 'Escape' && query !== '') { e.stopPropagation(); setQuery(''); } }} />
      </div>
      {searching ? (
        <section aria-live="polite" aria-label={t('manual.resultsLabel')}>
          <p className="muted small">{hits.length > 0 ? t('manual.results', { count: hits.length }) : t('manual.noResults', { query: query.trim() })}</p>
          <ol className="manual-hits">
            {hits.map((h) => (
              <li key={h.id}>
                <a href={routeHash({ name: 'manual', page: h.id })}>{h.title}</a>
                {h.snippet ? <p className="small">{h.snippet.before}<mark>{h.snippet.hit}</mark>{h.snippet.after}</p> : null}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      <section aria-labelledby="manual-contents">
        <h2 id="manual-contents">{t('manual.contents')}</h2>
        <ol className="manual-contents">
          {pages.map((p) => (
            <li key={p.id}>
              <a href={routeHash({ name: 'manual', page: p.id })}>{p.title}</a>
              <span className="muted small">{summary(p)}</span>
            </li>
          ))}
        </ol>
      </section>
      <section className="manual-tour-replay">
        <p>{t('manual.tourIntro')}</p>
        <button type="button" onClick={() => { startTour(); }}>{t('manual.replayTour')}</button>
      </section>
    </>
  );
}
