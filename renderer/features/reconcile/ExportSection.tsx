import { useEffect, useRef, useState } from 'react';
import type { Invoice } from '../../../shared/domain/invoice';
import type { InvoiceFilter } from '../../../shared/search/invoice-filter';
import { useT } from '../../app/i18n';
import { useCases, useInvoiceList, useInvoicesById } from '../../db';
import { filterConditions, toFilter, useFilterStore } from '../invoices';
import { useSheetExports } from './use-sheet-exports';

/** Export the ledger (current filter or all) and the case list to .xlsx. */
export function ExportSection() {
  const t = useT();
  const form = useFilterStore((s) => s.form);
  const exports = useSheetExports();
  const cases = useCases();
  const filtered = toFilter(form, false).filter;
  const hasFilter = Object.keys(filtered).length > 0;
  const [scope, setScope] = useState<'filtered' | 'all'>('filtered');
  const [exporting, setExporting] = useState<InvoiceFilter | null>(null);
  const [busy, setBusy] = useState(false);
  const conditions = filterConditions(form, t).map((c) => c.text);

  return (
    <section className="rc-card" aria-labelledby="export-heading">
      <h2 id="export-heading">{t('sheets.export.heading')}</h2>
      <fieldset className="rc-radios">
        <legend>{t('sheets.export.scope')}</legend>
        <label><input type="radio" name="export-scope" checked={scope === 'filtered'} onChange={() => { setScope('filtered'); }} /> {t('sheets.export.filtered')}</label>
        <label><input type="radio" name="export-scope" checked={scope === 'all'} onChange={() => { setScope('all'); }} /> {t('sheets.export.all')}</label>
      </fieldset>
      {scope === 'filtered' ? <p className="muted small">{hasFilter ? t('sheets.export.filterIs', { filter: conditions.join(t('report.say.separator')) }) : t('sheets.export.filterNone')}</p> : null}
      <div className="rc-actions">
        <button type="button" className="primary" disabled={exporting !== null || busy} onClick={() => { setExporting(scope === 'filtered' ? filtered : {}); }}>{t('sheets.export.ledger')}</button>
        <span className="muted small">{t('sheets.export.ledgerHint')}</span>
      </div>
      {exporting ? <LedgerLoader filter={exporting} onLoaded={(list) => { setExporting(null); setBusy(true); void exports.ledger(list).finally(() => { setBusy(false); }); }} /> : null}
      <div className="rc-actions">
        <button type="button" disabled={cases === undefined || busy} onClick={() => { setBusy(true); void exports.cases(cases ?? []).finally(() => { setBusy(false); }); }}>{t('sheets.export.cases')}</button>
      </div>
    </section>
  );
}

/** Reads every invoice of a filter (live ledger only) and hands them over once, in list order. */
function LedgerLoader(props: { readonly filter: InvoiceFilter; readonly onLoaded: (invoices: Invoice[]) => void }) {
  const t = useT();
  const list = useInvoiceList(props.filter);
  const ids = list?.complete ? list.ids : [];
  const rows = useInvoicesById(ids);
  const done = useRef(false);
  const { onLoaded } = props;
  useEffect(() => {
    if (done.current || !list?.complete || !rows || rows.size < list.ids.length) return;
    done.current = true;
    onLoaded(list.ids.flatMap((id) => rows.get(id) ?? []));
  }, [list, rows, onLoaded]);
  return <p className="muted" role="status">{t('sheets.export.preparing', { count: list?.count ?? 0 })}</p>;
}
