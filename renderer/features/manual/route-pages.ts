import { isManualPageId, type ManualPageId } from '../../../shared/manual/pages';
import type { Route } from '../../app/router';

/**
 * The manual page F1 opens on each screen. A Record over every route name: a new route without a page here does not
 * compile (and content.test.ts checks each page exists in both languages). null: the manual's own contents.
 */
export const ROUTE_PAGES: Readonly<Record<Route['name'], ManualPageId | null>> = {
  home: 'home',
  ledger: 'ledger',
  bin: 'ledger',
  new: 'entry',
  edit: 'entry',
  detail: 'statuses',
  capture: 'capture',
  sync: 'sync',
  backup: 'backup',
  reconcile: 'reconcile',
  sheets: 'sheets',
  cases: 'cases',
  case: 'cases',
  audit: 'audit',
  users: 'users',
  feedback: 'feedback',
  monthEnd: 'month-end',
  monthEndCheck: 'month-end',
  print: 'print',
  manual: null,
};

/** The manual page for a screen: the page being read when already in the manual. */
export function manualPageFor(route: Route): ManualPageId | null {
  if (route.name === 'manual') return route.page !== null && isManualPageId(route.page) ? route.page : null;
  return ROUTE_PAGES[route.name];
}
