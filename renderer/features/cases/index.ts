/** Cases for missing and lost invoices (遗失/补办): list, case file with contact log, follow-up badge. */
import { lazy } from 'react';

export { CASES_MESSAGES } from './messages';
export { FollowUpBadge } from './FollowUpBadge';
/** Opens the case list with a 显示案件 choice (the home page's follow-ups tile: 'due'). */
export { openCases } from './cases-filter-store';
export { InvoiceCasesPanel } from './InvoiceCasesPanel';
export { linkCapturedReplacement } from './link-captured';
/** The #/cases page. */
export const CasesPage = lazy(() => import('./CasesPage').then((m) => ({ default: m.CasesPage })));
/** The #/case/{id} page. */
export const CasePage = lazy(() => import('./CasePage').then((m) => ({ default: m.CasePage })));
