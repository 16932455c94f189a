import type { FeedbackError } from '../../db';
import { parseRoute, type Route } from '../../app/router';

import type { T } from '../../app/i18n';

/** A feedback write's failure in the clerk's language. */
export function feedbackErrorText(t: T, e: FeedbackError): string {
  switch (e.kind) {
    case 'emptyMessage': return t('feedback.error.emptyMessage');
    case 'notFound': return t('feedback.error.notFound');
    case 'forbidden': return t('feedback.error.forbidden');
  }
}

/**
 * Each screen named as the sidebar names it (a page reached from a list by that list). A Record over every route
 * name, so a new screen without a name fails the type check instead of showing a catalogue key.
 */
const SCREEN_NAMES: Readonly<Record<Route['name'], string>> = {
  home: 'nav.home', ledger: 'nav.ledger', detail: 'nav.ledger', edit: 'nav.ledger', bin: 'nav.bin', new: 'nav.new',
  capture: 'nav.capture', sync: 'nav.sync', backup: 'nav.backup', reconcile: 'nav.reconcile', sheets: 'nav.sheets',
  cases: 'nav.cases', case: 'nav.cases', audit: 'nav.audit', users: 'nav.users', feedback: 'nav.feedback',
  monthEnd: 'nav.monthEnd', monthEndCheck: 'nav.monthEnd', manual: 'nav.manual', print: 'print.button',
};

/** The screen a report came from, named as the sidebar names it, with the hash. */
export function screenLabel(t: T, hash: string): string {
  if (hash === '') return t('feedback.screen.none');
  return `${t(SCREEN_NAMES[parseRoute(hash).name])} (${hash})`;
}
