import { useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { translate } from '../../../shared/i18n/translate';
import { CATALOGUE, useLocaleStore, useT } from '../../app/i18n';
import { useActor } from '../../db';
import { useToasts } from '../../ui/toast';
import { matchCommands } from './match';
import { COMMANDS, type Command } from './registry';
import { runCommand } from './run-command';

/** Both languages' labels, so a command is found whichever language the clerk types in. */
const labelsOf = (c: Command) => [translate(CATALOGUE, 'zh-CN', c.labelKey), translate(CATALOGUE, 'en', c.labelKey)];

/** Ctrl+K: a search box over every screen and action the signed-in role may use; ↑ ↓ choose, Enter runs, Esc closes. */
export function CommandPalette(props: { readonly onClose: () => void }) {
  const t = useT();
  const actor = useActor();
  const { locale, setLocale } = useLocaleStore();
  const toast = useToasts((s) => s.show);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const list = useMemo(() => matchCommands(COMMANDS, query, actor, labelsOf), [query, actor]);
  const current = list[Math.min(active, list.length - 1)];
  useEffect(() => { if (current) document.getElementById(`cmd-${current.id}`)?.scrollIntoView({ block: 'nearest' }); }, [current]);

  const run = (c: Command) => {
    props.onClose();
    void runCommand(c, { t, locale, setLocale, toast });
  };

  function onKeyDown(e: KeyboardEvent) {
    if (e.key === 'Escape' || ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'k')) { e.preventDefault(); props.onClose(); return; }
    if (e.key === 'Tab') { e.preventDefault(); return; } // the search box is the dialog's only stop
    if (e.key === 'Enter') { e.preventDefault(); if (current) run(current); return; }
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: 5, PageUp: -5, Home: -Infinity, End: Infinity };
    const delta = moves[e.key];
    if (delta === undefined || list.length === 0) return;
    if ((e.key === 'Home' || e.key === 'End') && query) return; // inside the typed text they move the caret
    e.preventDefault();
    const from = Math.min(active, list.length - 1);
    setActive(Math.max(0, Math.min(list.length - 1, from + delta)));
  }

  return (
    <div className="cmd-backdrop" onMouseDown={(e) => { if (e.target === e.currentTarget) props.onClose(); }}>
      <div className="cmd-dialog" role="dialog" aria-modal="true" aria-labelledby="cmd-title" onKeyDown={onKeyDown}>
        <h2 id="cmd-title" className="sr-only">{t('command.title')}</h2>
        <label htmlFor="cmd-search" className="sr-only">{t('command.search')}</label>
        <input id="cmd-search" className="cmd-search" type="text" role="combobox" autoFocus autoComplete="off" spellCheck={false}
          aria-expanded="true" aria-controls="cmd-list" aria-autocomplete="list"
          aria-activedescendant={current ? `cmd-${current.id}` : undefined}
          placeholder={t('command.placeholder')} value={query}
          onChange={(e) => { setQuery(e.target.value); setActive(0); }} />
        <ul id="cmd-list" className="cmd-list" role="listbox" aria-label={t('command.results')}>
          {list.map((c) => (
            <li key={c.id} id={`cmd-${c.id}`} role="option" aria-selected={c === current}
              className={c === current ? 'cmd-option cmd-active' : 'cmd-option'}
              onMouseDown={(e) => { e.preventDefault(); }} onMouseMove={() => { setActive(list.indexOf(c)); }}
              onClick={() => { run(c); }}>
              <span className="cmd-label">{t(c.labelKey)}</span>
              <span className="cmd-kind">{t(`command.group.${c.group}`)}</span>
              {c.shortcut ? <kbd>{c.shortcut}</kbd> : null}
            </li>
          ))}
        </ul>
        {list.length === 0 ? <p className="cmd-none" role="status">{t('command.none')}</p> : null}
        <p className="cmd-hint">{t('command.hint')}</p>
      </div>
    </div>
  );
}
