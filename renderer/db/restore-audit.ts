/*
 * The audit trail across a restore (issue #13). A restore brings records back, not history: the entries written on
 * this PC since the backup must not vanish with it, and once this PC is enrolled the office server holds its chain
 * under this device's id, so the chain must go on from where it stands. The restored ledger therefore takes over
 * the current chain when this PC is enrolled, or when the backup's chain is a prefix of the current one (a backup
 * made here, the usual case). Otherwise (another PC's backup restored on a PC that is not enrolled, or a current
 * chain that no longer holds the backup's head) it keeps the backup's chain. Either way the restore itself is then
 * appended ('backupRestore': the counts, the backup chain's head, which history was kept) by the signed-in user.
 */
import type { AuditEntry } from '../../shared/audit/audit-chain';
import { appendAuditEvents, type AuditAuthor } from './audit-events';
import type { LedgerDb } from './db';
import type { RestoreCounts } from './restore-ledger';

/** Entries copied per step. */
const STEP = 5000;
/** Meta rows that belong to the chain (its last verification) and travel with it. */
const CHAIN_META = ['audit.verification'];

/** Which history the restored ledger keeps: this PC's current chain, or the backup's. */
export type KeptHistory = 'current' | 'backup';

async function copyChain(from: LedgerDb, to: LedgerDb): Promise<void> {
  await to.audit.clear();
  let after = 0;
  for (;;) {
    const step: AuditEntry[] = await from.audit.where('seq').above(after).limit(STEP).toArray();
    await to.audit.bulkAdd(step);
    const last = step.at(-1);
    if (!last || step.length < STEP) return;
    after = last.seq;
  }
}

/** Settles the restored ledger's audit chain (see above) and appends the restore; answers which history it kept. */
export async function carryAuditTrail(current: LedgerDb, restored: LedgerDb, who: AuditAuthor, at: string, counts: RestoreCounts): Promise<KeptHistory> {
  const head = await restored.audit.orderBy('seq').last();
  const enrolled = (await current.meta.get('sync.settings')) !== undefined;
  const prefix = head === undefined || (await current.audit.get(head.seq))?.hash === head.hash;
  const kept: KeptHistory = enrolled || prefix ? 'current' : 'backup';
  if (kept === 'current') {
    await copyChain(current, restored);
    const meta = (await current.meta.bulkGet(CHAIN_META)).filter((m) => m !== undefined);
    await restored.meta.bulkDelete(CHAIN_META);
    await restored.meta.bulkPut(meta);
  }
  await appendAuditEvents(restored, [{
    action: 'backupRestore', entity: 'backup', entityId: '',
    after: { invoices: counts.invoices, attachments: counts.attachments, restoredHead: head ? { seq: head.seq, hash: head.hash } : null, history: kept },
  }], who, at);
  return kept;
}
