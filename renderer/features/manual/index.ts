/** 操作手册 (issue #14): the in-app manual (#/manual), F1 to the page for the current screen, and the guided tour. */
import { lazy } from 'react';

export { MANUAL_MESSAGES } from './messages';
export { openManualFor } from './manual-store';
export { startTour } from './tour-store';
export { HelpLink } from './HelpLink';
export { TourOffer } from './TourOffer';
export { TourLayer } from './TourLayer';
/** The #/manual page (contents, search, one page), loaded on first visit with every page's text. */
export const ManualPage = lazy(() => import('./ManualPage').then((m) => ({ default: m.ManualPage })));
