/** 月末核对 (issue #14): the month-end completeness check (#/month-end), saved checks (#/month-end/<id>) and the signed report. */
import { lazy } from 'react';
import { registerPrintDocument } from '../print';

export { MONTH_END_MESSAGES } from './messages';
/** The #/month-end page, loaded on first visit. */
export const MonthEndPage = lazy(() => import('./MonthEndPage').then((m) => ({ default: m.MonthEndPage })));
/** A saved check (#/month-end/<id>), loaded on first visit. */
export const SavedCheckPage = lazy(() => import('./SavedCheckPage').then((m) => ({ default: m.SavedCheckPage })));

registerPrintDocument('monthEnd', { component: lazy(() => import('./MonthEndReport').then((m) => ({ default: m.MonthEndReport }))) });
