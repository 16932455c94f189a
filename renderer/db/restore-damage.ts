/*
 * Names, in the clerk's terms, what a damaged backup chunk holds: the backup format reports key ranges of table rows
 * and attachment hashes; the ledger on this PC knows which invoice numbers and file names those are.
 */
import type { LedgerDb } from './db';

/** A key range of damaged rows, as the backup format reports it. */
export interface DamagedRange {
  readonly table: string;
  readonly firstKey: string;
  readonly beforeKey?: string;
}

/** Invoice numbers and attachment names affected (capped, with how many more). */
export interface DamageNames {
  readonly invoices: readonly string[];
  readonly attachments: readonly string[];
  readonly more: number;
}

const LIMIT = 30;

/** Looks the damaged ranges and attachment hashes up in the ledger. */
export async function nameDamage(db: LedgerDb, ranges: readonly DamagedRange[], attachmentHashes: readonly string[]): Promise<DamageNames> {
  const numbers = new Set<string>();
  for (const r of ranges) {
    if (r.table !== 'invoices') continue;
    const rows = r.beforeKey === undefined
      ? await db.invoices.where('id').aboveOrEqual(r.firstKey).toArray()
      : await db.invoices.where('id').between(r.firstKey, r.beforeKey, true, false).toArray();
    for (const row of rows) numbers.add(row.code === '' ? row.number : `${row.code}-${row.number}`);
  }
  const files = await db.attachments.bulkGet([...attachmentHashes]);
  const names = files.map((f, i) => f?.name ?? attachmentHashes[i]?.slice(0, 12) ?? '');
  const holders = await db.invoices.where('attachments').anyOf([...attachmentHashes]).toArray();
  for (const row of holders) numbers.add(row.code === '' ? row.number : `${row.code}-${row.number}`);
  const invoices = [...numbers].sort();
  const more = Math.max(0, invoices.length - LIMIT) + Math.max(0, names.length - LIMIT);
  return { invoices: invoices.slice(0, LIMIT), attachments: names.slice(0, LIMIT), more };
}
