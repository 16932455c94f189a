import { missingBuyerColumns } from '../../../shared/reconcile/ledger-buyer';
import { useT } from '../../app/i18n';
import { useReconcileUi } from './reconcile-store';
import type { ImportFile } from './sheets-store';
import type { LedgerImportFlows } from './use-ledger-import';

/**
 * For a ledger file without buyer columns: says so, and offers the company (the reconcile page's settings) as the
 * buyer of every row that names none, previewing the file again with it.
 */
export function BuyerFill({ file, flows }: { readonly file: ImportFile; readonly flows: LedgerImportFlows }) {
  const t = useT();
  const companyName = useReconcileUi((s) => s.companyName);
  const companyTaxId = useReconcileUi((s) => s.companyTaxId);
  const set = useReconcileUi((s) => s.set);
  const missing = file.read ? missingBuyerColumns(file.read.columns) : [];
  if (file.state !== 'preview' || missing.length === 0) return null;
  const columns = missing.map((f) => t(`sheets.buyer.col.${f}`)).join(t('sheets.buyer.col.separator'));
  const nameId = `${file.id}-company-name`;
  const taxIdId = `${file.id}-company-taxid`;
  return (
    <section className="rc-buyer" aria-label={t('sheets.buyer.heading')}>
      {file.buyer ? (
        <p role="status">{t('sheets.buyer.filled', { name: file.buyer.name, taxId: file.buyer.taxId || '—' })}</p>
      ) : (
        <p>{t(missing.includes('buyerName') ? 'sheets.buyer.noName' : 'sheets.buyer.noTaxId', { columns })}</p>
      )}
      <div className="rc-buyer-fields">
        <div className="rc-field rc-field-wide">
          <label htmlFor={nameId}>{t('reconcile.companyName')}</label>
          <input id={nameId} type="text" value={companyName} autoComplete="organization" onChange={(e) => { set({ companyName: e.target.value }); }} />
        </div>
        <div className="rc-field">
          <label htmlFor={taxIdId}>{t('reconcile.taxId')}</label>
          <input id={taxIdId} type="text" className="mono" value={companyTaxId} maxLength={20} autoComplete="off"
            onChange={(e) => { set({ companyTaxId: e.target.value.trim().toUpperCase() }); }} />
        </div>
        <button type="button" disabled={companyName.trim() === ''}
          onClick={() => { void flows.fillBuyer(file, { name: companyName.trim(), taxId: companyTaxId }); }}>
          {t('sheets.buyer.apply')}
        </button>
        {file.buyer ? <button type="button" className="link" onClick={() => { void flows.fillBuyer(file, null); }}>{t('sheets.buyer.clear')}</button> : null}
      </div>
    </section>
  );
}
