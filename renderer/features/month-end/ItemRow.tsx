import type { CheckItemResult } from '../../../shared/period-check/types';
import type { Period } from '../../../shared/reconcile/types';
import { useT } from '../../app/i18n';
import { navigate, routeHash } from '../../app/router';
import { useCan } from '../../db';
import { useUserName } from '../auth';
import { openLedger } from '../invoices';
import { itemFixes } from './item-fixes';
import { exampleText, itemDetail, itemTitle } from './item-text';
import { VerifyAuditButton } from './VerifyAuditButton';

/**
 * One checklist item: ✓ or ✗, its title, why (with counts), the first few records that fail it and, on the live
 * checklist, the buttons that go where it is fixed. A saved check shows the same without the buttons.
 */
export function ItemRow(props: { readonly item: CheckItemResult; readonly period: Period; readonly index: number; readonly live: boolean }) {
  const t = useT();
  const name = useUserName();
  const { item } = props;
  const canViewAudit = useCan('audit.view');
  const canVerify = useCan('audit.verify');
  // The audit page is for auditors and admins; a clerk is told who can verify instead.
  const fixes = props.live ? itemFixes(item, props.period).filter((f) => f.kind !== 'route' || f.route.name !== 'audit' || canViewAudit) : [];
  const verifyHere = props.live && item.id === 'audit' && !item.pass;
  const hidden = item.count - item.examples.length;
  return (
    <li className={`month-end-item ${item.pass ? 'is-pass' : 'is-fail'}`} data-item={item.id}>
      <span className="month-end-mark" aria-hidden="true">{item.pass ? '✓' : '✗'}</span>
      <div className="month-end-body">
        <h3>
          <span className="month-end-no">{props.index + 1}.</span> {itemTitle(t, item)}
          <span className={`month-end-badge ${item.pass ? 'ok' : 'bad'}`}>{t(item.pass ? 'monthEnd.pass' : 'monthEnd.fail')}</span>
        </h3>
        <p className="month-end-detail">{itemDetail(t, item, name)}</p>
        {item.examples.length > 0 ? (
          <ul className="month-end-examples">
            {item.examples.map((e) => (
              <li key={`${e.ref}-${e.problem}`}>
                {e.problem === 'missing' ? exampleText(t, e) : <a href={routeHash({ name: 'detail', id: e.ref })}>{exampleText(t, e)}</a>}
              </li>
            ))}
            {hidden > 0 ? <li className="muted">{t('monthEnd.more', { count: hidden })}</li> : null}
          </ul>
        ) : null}
        {fixes.length > 0 || verifyHere ? (
          <div className="month-end-fixes">
            {fixes.map((f) => (
              <button key={f.label} type="button" className="secondary"
                onClick={() => { if (f.kind === 'ledger') openLedger(f.filter); else navigate(f.route); }}>
                {t(f.label)} →
              </button>
            ))}
            {verifyHere ? (canVerify ? <VerifyAuditButton /> : <span className="muted small">{t('monthEnd.verify.byAuditor')}</span>) : null}
          </div>
        ) : null}
      </div>
    </li>
  );
}
