import type { ReactNode } from 'react';
import type { Block, Inline } from '../../../shared/manual/markdown';
import { isManualPageId } from '../../../shared/manual/pages';
import type { Locale } from '../../../shared/i18n/translate';
import { routeHash } from '../../app/router';

/** Where the Playwright suite writes each language's screenshots (renderer/public/manual/screens). */
export function screenshotUrl(locale: Locale, file: string): string {
  return `manual/screens/${locale === 'en' ? 'en' : 'zh'}/${file}`;
}

function renderInline(inline: Inline, key: number): ReactNode {
  switch (inline.kind) {
    case 'text': return inline.text;
    case 'strong': return <strong key={key}>{inline.text}</strong>;
    case 'code': return <kbd key={key}>{inline.text}</kbd>;
    case 'link':
      // Only links to other manual pages become links; anything else stays words.
      return isManualPageId(inline.target)
        ? <a key={key} href={routeHash({ name: 'manual', page: inline.target })}>{inline.text}</a>
        : inline.text;
  }
}

function inlines(list: readonly Inline[]): ReactNode[] {
  return list.map(renderInline);
}

/** A manual page's blocks as elements (built with React, never from HTML strings). */
export function Markdown(props: { readonly blocks: readonly Block[]; readonly locale: Locale }) {
  return (
    <>
      {props.blocks.map((b, i) => {
        switch (b.kind) {
          case 'heading':
            if (b.level === 1) return <h1 key={i} tabIndex={-1}>{inlines(b.inlines)}</h1>;
            return b.level === 2 ? <h2 key={i}>{inlines(b.inlines)}</h2> : <h3 key={i}>{inlines(b.inlines)}</h3>;
          case 'paragraph': return <p key={i}>{inlines(b.inlines)}</p>;
          case 'tip': return <p key={i} className="manual-tip">{inlines(b.inlines)}</p>;
          case 'list': {
            const items = b.items.map((item, k) => <li key={k}>{inlines(item)}</li>);
            return b.ordered ? <ol key={i}>{items}</ol> : <ul key={i}>{items}</ul>;
          }
          case 'image':
            return (
              <figure key={i} className="manual-shot">
                <img src={screenshotUrl(props.locale, b.src)} alt={b.alt} loading="lazy" width={1280} height={800} />
                <figcaption>{b.alt}</figcaption>
              </figure>
            );
        }
      })}
    </>
  );
}
