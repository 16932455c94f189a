/** Every page of the operating manual, in the order its index lists them (each has zh-CN and en Markdown). */
export const MANUAL_PAGE_IDS = [
  'home', 'entry', 'capture', 'files', 'statuses', 'ledger', 'cases', 'reconcile', 'sheets',
  'backup', 'sync', 'users', 'audit', 'month-end', 'print', 'feedback', 'keyboard',
] as const;

/** The id of a manual page (also its address: #/manual/<id>). */
export type ManualPageId = (typeof MANUAL_PAGE_IDS)[number];

/** True when `id` names a manual page. */
export function isManualPageId(id: string): id is ManualPageId {
  return (MANUAL_PAGE_IDS as readonly string[]).includes(id);
}
