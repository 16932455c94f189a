/** The always-visible sync status in the sidebar (issue #4). */
export function SyncStatus() {
  return null;
}
