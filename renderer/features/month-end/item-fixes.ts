/*
 * Where each failing item is fixed (月末核对): the ledger filtered to the month and what fails, the reconciliation
 * or cases page, the backup page, the audit page. Plain data, so the page and its test share one table.
 */
import type { Period } from '../../../shared/reconcile/types';
import type { CheckItemResult } from '../../../shared/period-check/types';
import type { InvoiceFilter } from '../../../shared/search/invoice-filter';
import type { Route } from '../../app/router';

/** A way to fix an item: open the ledger with a filter, or go to a screen. */
export type ItemFix =
  | { readonly label: string; readonly kind: 'ledger'; readonly filter: InvoiceFilter }
  | { readonly label: string; readonly kind: 'route'; readonly route: Route };

/** The fixes of an item for `period` (none when it passes); labels are message keys. */
export function itemFixes(item: CheckItemResult, period: Period): ItemFix[] {
  if (item.pass) return [];
  const month = { dateFrom: period.from, dateTo: period.to };
  switch (item.id) {
    case 'checked':
      return [{ label: 'monthEnd.fix.checked', kind: 'ledger', filter: { ...month, statuses: ['entered'] } }];
    case 'clean': {
      const fixes: ItemFix[] = [];
      if (Number(item.facts['warnings']) > 0) fixes.push({ label: 'monthEnd.fix.warnings', kind: 'ledger', filter: { ...month, statuses: ['entered'], hasWarnings: 'yes' } });
      if (Number(item.facts['duplicates']) > 0) fixes.push({ label: 'monthEnd.fix.duplicates', kind: 'ledger', filter: { ...month, duplicate: 'yes' } });
      return fixes;
    }
    case 'reconciled':
      return item.reason === 'noRun'
        ? [{ label: 'monthEnd.fix.reconcile', kind: 'route', route: { name: 'reconcile' } }]
        : [{ label: 'monthEnd.fix.reconcile', kind: 'route', route: { name: 'reconcile' } }, { label: 'monthEnd.fix.cases', kind: 'route', route: { name: 'cases' } }];
    case 'backup':
      return [{ label: 'monthEnd.fix.backup', kind: 'route', route: { name: 'backup' } }];
    case 'audit':
      return [{ label: 'monthEnd.fix.audit', kind: 'route', route: { name: 'audit' } }];
  }
}
