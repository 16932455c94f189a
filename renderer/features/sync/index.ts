/** Sync: office-server connection, status and conflict review. */
export { SyncPage } from './SyncPage';
export { SyncStatus } from './SyncStatus';
export { SYNC_MESSAGES } from './messages';
