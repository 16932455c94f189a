import type { InvoiceFilter } from '../../../../shared/search/invoice-filter';
import { navigate } from '../../../app/router';
import { fromFilter } from './filter-form';
import { useFilterStore } from './filter-store';

/**
 * Opens the ledger showing `filter` (the recycle bin when it asks for deleted invoices): the filter bar is set to it,
 * so the clerk sees every condition and can clear them. Only the first status and kind of a filter fit the bar.
 */
export function openLedger(filter: InvoiceFilter): void {
  useFilterStore.getState().setForm(fromFilter(filter));
  navigate({ name: filter.deleted ? 'bin' : 'ledger' });
}
