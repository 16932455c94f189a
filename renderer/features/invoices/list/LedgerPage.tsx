import { useT } from '../../../app/i18n';
import { useInvoiceList, useLedgerSize } from '../../../db';
import { useDebounced } from '../../../ui/use-debounced';
import { FilterBar } from './FilterBar';
import { InvoiceTable } from './InvoiceTable';
import { toFilter } from './filter-form';
import { useFilterStore } from './filter-store';
import { filterParams, PrintButton } from '../../print';

/** The ledger (or the recycle bin): filters on top, the virtualised list below. */
export function LedgerPage(props: { readonly bin: boolean }) {
  const t = useT();
  const form = useFilterStore((s) => s.form);
  const debouncedForm = useDebounced(form, 150);
  const { filter, problems } = toFilter(debouncedForm, props.bin);
  const list = useInvoiceList(filter);
  const ids = list?.ids;
  const size = useLedgerSize();

  return (
    <div className="ledger-page">
      <header className="page-header">
        <h1>{t(props.bin ? 'list.binTitle' : 'list.title')}</h1>
        <p className="count" aria-live="polite">{list ? t('list.count', { count: list.count.toLocaleString() }) : t('list.loading')}</p>
        {props.bin ? null : <div className="header-actions"><PrintButton doc="ledger" params={filterParams(filter)} /><a href="#/sheets">{t('list.exportExcel')}</a></div>}
      </header>
      <FilterBar filter={filter} problems={problems} showViews={!props.bin} />
      {ids === undefined ? <p className="empty">{t('list.loading')}</p>
        : ids.length === 0 ? <p className="empty">{size === 0 && !props.bin ? t('list.emptyLedger') : t('list.empty')}</p>
        : <InvoiceTable ids={ids} head={list?.head} />}
    </div>
  );
}
