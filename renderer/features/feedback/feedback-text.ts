import type { FeedbackError } from '../../db';
import { parseRoute } from '../../app/router';

import type { T } from '../../app/i18n';

/** A feedback write's failure in the clerk's language. */
export function feedbackErrorText(t: T, e: FeedbackError): string {
  switch (e.kind) {
    case 'emptyMessage': return t('feedback.error.emptyMessage');
    case 'notFound': return t('feedback.error.notFound');
    case 'forbidden': return t('feedback.error.forbidden');
  }
}

const INVOICE_ROUTES = new Set(['detail', 'edit']);

/** The screen a report came from, named as the sidebar names it (an invoice's or a case's page by its list, with the hash). */
export function screenLabel(t: T, hash: string): string {
  if (hash === '') return t('feedback.screen.none');
  const route = parseRoute(hash);
  if (INVOICE_ROUTES.has(route.name)) return `${t('nav.ledger')} · ${hash}`;
  const list = route.name === 'case' ? 'cases' : route.name === 'monthEndCheck' ? 'monthEnd' : route.name;
  return `${t(`nav.${list}`)} (${hash})`;
}
