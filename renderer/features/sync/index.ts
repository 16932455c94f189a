/** Sync: office-server connection, status and conflict review. */
import { lazy } from 'react';

export { SyncStatus } from './SyncStatus';
export { SYNC_MESSAGES } from './messages';
/** The #/sync page, loaded on first visit so the ledger's first screen does not wait for it. */
export const SyncPage = lazy(() => import('./SyncPage').then((m) => ({ default: m.SyncPage })));
/** Enrollment with the office server (also offered on a new PC's first start, before any user exists). */
export { EnrollForm } from './EnrollForm';
export { failureText as syncFailureText } from './failure-text';
/** Syncs at once (立即同步); the engine's own retry schedule continues after it. */
export { syncNow } from '../../sync/sync-service';
