import { lazy, Suspense, useEffect, useState } from 'react';
import { InvoiceDetail, InvoiceForm, LedgerPage } from '../features/invoices';
import { SyncPage, SyncStatus } from '../features/sync';
import { BackupPage, BackupReminder } from '../features/backup';
import { ReconcilePage, SheetsPage } from '../features/reconcile';
import { CasePage, CasesPage, FollowUpBadge } from '../features/cases';
import { AuditBanner, AuditPage } from '../features/audit';
import { persistStorage, useCan, useInvoice } from '../db';
import { hostInfo, type HostInfo } from '../platform/platform';
import { Toasts } from '../ui/toast';
import { useLocaleStore, useT } from './i18n';
import { navigate, routeHash, useRoute, type Route } from './router';

// Capture (workers, pdf.js, OCR glue) loads on first use, so the ledger's first screen does not wait for it.
const CapturePage = lazy(() => import('../features/capture').then((m) => ({ default: m.CapturePage })));

/** The application shell: navigation, language switch and the current screen. */
export function App() {
  const t = useT();
  const route = useRoute();
  const canViewAudit = useCan('audit.view');
  const { locale, setLocale } = useLocaleStore();
  const [persisted, setPersisted] = useState<boolean | null>(null);
  const [host, setHost] = useState<HostInfo | null>(null);

  useEffect(() => { void persistStorage().then(setPersisted); void hostInfo().then(setHost); }, []);
  useEffect(() => { document.documentElement.lang = locale; document.title = t('app.title'); }, [locale, t]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'n' && route.name !== 'new' && route.name !== 'edit') {
        e.preventDefault();
        navigate({ name: 'new' });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => { window.removeEventListener('keydown', onKey); };
  }, [route.name]);

  const navItem = (target: Route, label: string, key?: string, badge?: React.ReactNode) => (
    <a href={routeHash(target)} className={route.name === target.name ? 'active' : undefined}
      aria-current={route.name === target.name ? 'page' : undefined}>
      {label}{key ? <kbd>{key}</kbd> : null}{badge}
    </a>
  );

  return (
    <div className="shell">
      <nav className="sidebar" aria-label={t('app.title')}>
        <div className="brand"><span className="seal" aria-hidden="true">票</span><div><strong>{t('app.title')}</strong><small>{t('app.tagline')}</small></div></div>
        {navItem({ name: 'ledger' }, t('nav.ledger'))}
        {navItem({ name: 'new' }, t('nav.new'), 'Ctrl+N')}
        {navItem({ name: 'capture' }, t('nav.capture'))}
        {navItem({ name: 'reconcile' }, t('nav.reconcile'))}
        {navItem({ name: 'cases' }, t('nav.cases'), undefined, <FollowUpBadge />)}
        {navItem({ name: 'sheets' }, t('nav.sheets'))}
        {navItem({ name: 'bin' }, t('nav.bin'))}
        {navItem({ name: 'sync' }, t('nav.sync'))}
        {navItem({ name: 'backup' }, t('nav.backup'))}
        {canViewAudit ? navItem({ name: 'audit' }, t('nav.audit')) : null}
        <div className="sidebar-foot">
          <SyncStatus />
          <BackupReminder />
          <label htmlFor="locale">{t('nav.language')}</label>
          <select id="locale" value={locale} onChange={(e) => { setLocale(e.target.value === 'en' ? 'en' : 'zh-CN'); }}>
            <option value="zh-CN">简体中文</option>
            <option value="en">English</option>
          </select>
          <p className="muted">{t('nav.userLine', { user: t('user.placeholder') })}</p>
          {host ? <p className="muted small">{t(host.host === 'desktop' ? 'app.desktopVersion' : 'app.browserVersion', { version: host.version })}</p> : null}
          {persisted === false ? <p className="msg-warning small">{t('storage.notPersisted')}</p> : null}
        </div>
      </nav>
      <main className="content">
        <AuditBanner />
        <Screen route={route} />
      </main>
      <Toasts />
    </div>
  );
}

function Screen({ route }: { readonly route: Route }) {
  switch (route.name) {
    case 'ledger': return <LedgerPage bin={false} />;
    case 'bin': return <LedgerPage bin />;
    case 'new': return <InvoiceForm existing={null} />;
    case 'capture': return <Suspense fallback={null}><CapturePage /></Suspense>;
    case 'sync': return <Suspense fallback={null}><SyncPage /></Suspense>;
    case 'backup': return <Suspense fallback={null}><BackupPage /></Suspense>;
    case 'reconcile': return <Suspense fallback={null}><ReconcilePage /></Suspense>;
    case 'sheets': return <Suspense fallback={null}><SheetsPage /></Suspense>;
    case 'cases': return <Suspense fallback={null}><CasesPage /></Suspense>;
    case 'audit': return <Suspense fallback={null}><AuditPage /></Suspense>;
    case 'case': return <Suspense fallback={null}><CasePage id={route.id} /></Suspense>;
    case 'detail': return <WithInvoice id={route.id} render={(inv) => <InvoiceDetail invoice={inv} />} />;
    case 'edit': return <WithInvoice id={route.id} render={(inv) => <InvoiceForm key={inv.id} existing={inv} />} />;
  }
}

function WithInvoice(props: { readonly id: string; readonly render: (inv: NonNullable<ReturnType<typeof useInvoice>>) => React.ReactNode }) {
  const t = useT();
  const inv = useInvoice(props.id);
  if (inv === undefined) return <p className="empty">{t('list.loading')}</p>;
  if (inv === null) return <p className="empty">{t('form.notFound')}</p>;
  return <>{props.render(inv)}</>;
}
