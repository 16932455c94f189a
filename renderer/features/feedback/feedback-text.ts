import type { FeedbackError } from '../../db';
import { parseRoute, SCREEN_LABEL_KEYS } from '../../app/router';

import type { T } from '../../app/i18n';

/** A feedback write's failure in the clerk's language. */
export function feedbackErrorText(t: T, e: FeedbackError): string {
  switch (e.kind) {
    case 'emptyMessage': return t('feedback.error.emptyMessage');
    case 'notFound': return t('feedback.error.notFound');
    case 'forbidden': return t('feedback.error.forbidden');
  }
}

/** The screen a report came from, named as the sidebar names it, with the hash. */
export function screenLabel(t: T, hash: string): string {
  if (hash === '') return t('feedback.screen.none');
  return `${t(SCREEN_LABEL_KEYS[parseRoute(hash).name])} (${hash})`;
}
