import type { ReactNode } from 'react';
import { useLocaleStore, useT } from '../../app/i18n';
import './auth.css';

/** The frame of the screens before the app: the brand, the language switch, and one or two cards. */
export function AuthScreen(props: { readonly title: string; readonly intro?: string; readonly children: ReactNode }) {
  const t = useT();
  const { locale, setLocale } = useLocaleStore();
  return (
    <main className="auth-screen">
      <header className="auth-brand">
        <span className="seal" aria-hidden="true">票</span>
        <div><strong>{t('app.title')}</strong><small>{t('app.tagline')}</small></div>
        <select aria-label={t('nav.language')} value={locale} onChange={(e) => { setLocale(e.target.value === 'en' ? 'en' : 'zh-CN'); }}>
          <option value="zh-CN">简体中文</option>
          <option value="en">English</option>
        </select>
      </header>
      <h1>{props.title}</h1>
      {props.intro ? <p className="auth-intro">{props.intro}</p> : null}
      <div className="auth-cards">{props.children}</div>
    </main>
  );
}

/** One labelled input of the sign-in forms. */
export function AuthField(props: {
  readonly id: string; readonly label: string; readonly value: string; readonly onChange: (v: string) => void;
  readonly type?: 'text' | 'password'; readonly autoComplete?: string; readonly hint?: string; readonly autoFocus?: boolean;
}) {
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <input id={props.id} type={props.type ?? 'text'} value={props.value} autoComplete={props.autoComplete ?? 'off'} spellCheck={false}
        autoFocus={props.autoFocus} aria-describedby={props.hint ? `${props.id}-hint` : undefined} onChange={(e) => { props.onChange(e.target.value); }} />
      {props.hint ? <span id={`${props.id}-hint`} className="field-hint">{props.hint}</span> : null}
    </div>
  );
}
