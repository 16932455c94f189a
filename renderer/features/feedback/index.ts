/** 意见反馈 (issue #14): the #/feedback page (the form for everyone, the list and export for the admin). */
import { lazy } from 'react';

export { FEEDBACK_MESSAGES } from './messages';
/** The #/feedback page, loaded on first visit. */
export const FeedbackPage = lazy(() => import('./FeedbackPage').then((m) => ({ default: m.FeedbackPage })));
