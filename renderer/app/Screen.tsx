import { lazy, Suspense, type ReactNode } from 'react';
import type { Action, PermissionTarget } from '../../shared/auth/roles';
import { InvoiceDetail, InvoiceForm, LedgerPage } from '../features/invoices';
import { SyncPage } from '../features/sync';
import { BackupPage } from '../features/backup';
import { ReconcilePage, SheetsPage } from '../features/reconcile';
import { CasePage, CasesPage } from '../features/cases';
import { AuditPage } from '../features/audit';
import { useGate, UsersPage } from '../features/auth';
import { FeedbackPage } from '../features/feedback';
import { ManualPage } from '../features/manual';
import { PrintView } from '../features/print';
import { HomePage } from '../features/home';
import { MonthEndPage, SavedCheckPage } from '../features/month-end';
import { useInvoice } from '../db';
import { useT } from './i18n';
import type { Route } from './router';

// Capture (workers, pdf.js, OCR glue) loads on first use, so the ledger's first screen does not wait for it.
const CapturePage = lazy(() => import('../features/capture').then((m) => ({ default: m.CapturePage })));

/** The screen of a route. Screens for actions the role may not take say which role they need instead. */
export function Screen({ route }: { readonly route: Route }) {
  switch (route.name) {
    case 'home': return <HomePage />;
    case 'ledger': return <LedgerPage bin={false} />;
    case 'bin': return <LedgerPage bin />;
    case 'new': return <Guarded action="invoice.create"><InvoiceForm existing={null} /></Guarded>;
    case 'capture': return <Guarded action="invoice.create"><Suspense fallback={null}><CapturePage /></Suspense></Guarded>;
    case 'sync': return <Suspense fallback={null}><SyncPage /></Suspense>;
    case 'backup': return <Suspense fallback={null}><BackupPage /></Suspense>;
    case 'reconcile': return <Suspense fallback={null}><ReconcilePage /></Suspense>;
    case 'sheets': return <Suspense fallback={null}><SheetsPage /></Suspense>;
    case 'cases': return <Suspense fallback={null}><CasesPage /></Suspense>;
    case 'audit': return <Suspense fallback={null}><AuditPage /></Suspense>;
    case 'users': return <Suspense fallback={null}><UsersPage /></Suspense>;
    case 'monthEnd': return <Suspense fallback={null}><MonthEndPage /></Suspense>;
    case 'monthEndCheck': return <Suspense fallback={null}><SavedCheckPage id={route.id} /></Suspense>;
    case 'feedback': return <Guarded action="feedback.send"><Suspense fallback={null}><FeedbackPage /></Suspense></Guarded>;
    case 'manual': return <Suspense fallback={null}><ManualPage page={route.page} /></Suspense>;
    case 'case': return <Suspense fallback={null}><CasePage id={route.id} /></Suspense>;
    case 'print': return <Suspense fallback={null}><PrintView doc={route.doc} query={route.query} /></Suspense>;
    case 'detail': return <WithInvoice id={route.id} render={(inv) => <InvoiceDetail invoice={inv} />} />;
    case 'edit': return (
      <WithInvoice id={route.id} render={(inv) => (
        <Guarded action="invoice.edit" target={{ createdBy: inv.createdBy, status: inv.status }}><InvoiceForm key={inv.id} existing={inv} /></Guarded>
      )} />
    );
  }
}

/** Shows `children` only when the signed-in role may take `action`; otherwise the role it needs. */
function Guarded(props: { readonly action: Action; readonly target?: PermissionTarget; readonly children: ReactNode }) {
  const gate = useGate(props.action, props.target);
  return gate.allowed ? <>{props.children}</> : <p className="empty" role="alert">{gate.title}</p>;
}

function WithInvoice(props: { readonly id: string; readonly render: (inv: NonNullable<ReturnType<typeof useInvoice>>) => ReactNode }) {
  const t = useT();
  const inv = useInvoice(props.id);
  if (inv === undefined) return <p className="empty">{t('list.loading')}</p>;
  if (inv === null) return <p className="empty">{t('form.notFound')}</p>;
  return <>{props.render(inv)}</>;
}
