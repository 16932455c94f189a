import { useEffect, useState } from 'react';
import { SyncStatus } from '../features/sync';
import { BackupReminder } from '../features/backup';
import { FollowUpBadge } from '../features/cases';
import { AuditBanner } from '../features/audit';
import { CommandHint, CommandLayer, isTextTarget, keyIntent, useCommandUi } from '../features/commands';
import { HelpLink, openManualFor, TourLayer } from '../features/manual';
import { AuthGate, useGate, useIdleSignOut, useRefusalToasts, UserBadge, useSessionWatch } from '../features/auth';
import { persistStorage, useCan } from '../db';
import { hostInfo, type HostInfo } from '../platform/platform';
import { Toasts } from '../ui/toast';
import { useLocaleStore, useT } from './i18n';
import { navigate, parseRoute, routeHash, SCREEN_LABEL_KEYS, useRoute, type Route } from './router';
import { Screen } from './Screen';
import { installShellTrace } from './shell-trace';

/** The application: nothing of the ledger before someone signs in (issue #13), then the shell. */
export function App() {
  const t = useT();
  const locale = useLocaleStore((s) => s.locale);
  useEffect(() => { document.documentElement.lang = locale; document.title = t('app.title'); }, [locale, t]);
  useRefusalToasts();
  useEffect(() => { installShellTrace(); }, []);
  return (
    <>
      <AuthGate><Shell /></AuthGate>
      <Toasts />
    </>
  );
}

/** The signed-in shell: navigation (what the role may use), the user and language, and the current screen. */
function Shell() {
  const t = useT();
  const route = useRoute();
  const canViewAudit = useCan('audit.view');
  const canManageUsers = useCan('user.manage');
  const canCreate = useGate('invoice.create').allowed;
  const { locale, setLocale } = useLocaleStore();
  const [persisted, setPersisted] = useState<boolean | null>(null);
  const [host, setHost] = useState<HostInfo | null>(null);
  useIdleSignOut();
  useSessionWatch();

  useEffect(() => { void persistStorage().then(setPersisted); void hostInfo().then(setHost); }, []);
  useEffect(() => {
    // The shell's one key listener: Ctrl+K the palette, ? the shortcuts, Ctrl+N a new invoice (the form has its own),
    // F1 the manual page for the screen shown.
    const onKey = (e: KeyboardEvent) => {
      if (useCommandUi.getState().open) return; // the open palette or sheet handles its own keys
      const inText = isTextTarget(e.target instanceof Element ? e.target : null);
      const intent = keyIntent({ key: e.key, ctrlKey: e.ctrlKey, metaKey: e.metaKey, altKey: e.altKey, inText });
      if (intent === 'palette' || intent === 'shortcuts') {
        e.preventDefault();
        useCommandUi.getState().show(intent);
      } else if (intent === 'newInvoice' && canCreate && route.name !== 'new' && route.name !== 'edit') {
        e.preventDefault();
        navigate({ name: 'new' });
      } else if (intent === 'manual') {
        e.preventDefault();
        openManualFor(parseRoute(window.location.hash));
      }
    };
    window.addEventListener('keydown', onKey);
    return () => { window.removeEventListener('keydown', onKey); };
  }, [route.name, canCreate]);

  const navItem = (target: Route, key?: string, badge?: React.ReactNode) => (
    <a href={routeHash(target)} className={route.name === target.name ? 'active' : undefined}
      aria-current={route.name === target.name ? 'page' : undefined}>
      {t(SCREEN_LABEL_KEYS[target.name])}{key ? <kbd>{key}</kbd> : null}{badge}
    </a>
  );

  return (
    <div className="shell">
      <nav className="sidebar" aria-label={t('app.title')}>
        <div className="brand"><span className="seal" aria-hidden="true">票</span><div><strong>{t('app.title')}</strong><small>{t('app.tagline')}</small></div></div>
        {navItem({ name: 'home' })}
        {navItem({ name: 'ledger' })}
        {canCreate ? navItem({ name: 'new' }, 'Ctrl+N') : null}
        {canCreate ? navItem({ name: 'capture' }) : null}
        {navItem({ name: 'reconcile' })}
        {navItem({ name: 'cases' }, undefined, <FollowUpBadge />)}
        {navItem({ name: 'monthEnd' })}
        {navItem({ name: 'sheets' })}
        {navItem({ name: 'bin' })}
        {navItem({ name: 'sync' })}
        {navItem({ name: 'backup' })}
        {canViewAudit ? navItem({ name: 'audit' }) : null}
        {canManageUsers ? navItem({ name: 'users' }) : null}
        {navItem({ name: 'feedback' })}
        <div className="sidebar-foot">
          <UserBadge />
          <CommandHint />
          <HelpLink />
          <SyncStatus />
          <BackupReminder />
          <label htmlFor="locale">{t('nav.language')}</label>
          <select id="locale" value={locale} onChange={(e) => { setLocale(e.target.value === 'en' ? 'en' : 'zh-CN'); }}>
            <option value="zh-CN">简体中文</option>
            <option value="en">English</option>
          </select>
          {host ? <p className="muted small">{t(host.host === 'desktop' ? 'app.desktopVersion' : 'app.browserVersion', { version: host.version })}</p> : null}
          {persisted === false ? <p className="msg-warning small">{t('storage.notPersisted')}</p> : null}
        </div>
      </nav>
      <main className="content">
        <AuditBanner />
        <Screen route={route} />
      </main>
      <CommandLayer />
      <TourLayer />
    </div>
  );
}
