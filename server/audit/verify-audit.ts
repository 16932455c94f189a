/*
 * `npm run server -- verify-audit`: re-checks every device's stored audit chain from the database alone, page by
 * page, with the same rule as on arrival (chain-check.ts). The triggers keep the table append-only, but someone
 * with the database file can drop them; this finds what they changed and names the first entry that no longer fits.
 */
import { wireAuditEntrySchema } from '../../shared/sync/protocol';
import type { AuditChainInfo, StoredAuditEntry, SyncStore } from '../store/store';
import { linkProblem, toAuditEntry, type ChainHead, type LinkProblem } from './chain-check';

/** The verdict on one device's stored chain. */
export type ChainVerdict =
  | { readonly chain: AuditChainInfo; readonly ok: true; readonly count: number; readonly head: string }
  | { readonly chain: AuditChainInfo; readonly ok: false; readonly seq: number; readonly reason: LinkProblem; readonly verified: number };

const PAGE = 1000;

/** Why a stored row does not continue `head`: its own columns, its JSON and its hash must all agree. */
function rowProblem(head: ChainHead | undefined, row: StoredAuditEntry): LinkProblem | undefined {
  const parsed = wireAuditEntrySchema.safeParse(row.entry);
  // An entry that no longer parses, or whose JSON disagrees with its key columns, was edited: its hash no longer fits.
  if (!parsed.success) return row.seq === (head?.seq ?? 0) + 1 ? 'hash' : 'gap';
  const e = parsed.data;
  const entry = toAuditEntry({ ...e, seq: row.seq, prevHash: row.prevHash, hash: row.hash });
  const problem = linkProblem(head, entry);
  if (problem !== undefined) return problem;
  return e.seq !== row.seq || e.prevHash !== row.prevHash || e.hash !== row.hash ? 'hash' : undefined;
}

/** Verifies one device's chain. */
export async function verifyChainOf(store: SyncStore, chain: AuditChainInfo): Promise<ChainVerdict> {
  let head: ChainHead | undefined;
  let count = 0;
  for (;;) {
    const page = await store.auditPage(chain.deviceId, head?.seq ?? 0, PAGE);
    for (const row of page) {
      const reason = rowProblem(head, row);
      if (reason !== undefined) return { chain, ok: false, seq: reason === 'gap' ? (head?.seq ?? 0) + 1 : row.seq, reason, verified: count };
      head = { seq: row.seq, hash: row.hash };
      count += 1;
    }
    if (page.length < PAGE) break;
  }
  return { chain, ok: true, count, head: head?.hash ?? '' };
}

/** Verifies every device's chain, in device id order. */
export async function verifyStoredChains(store: SyncStore): Promise<ChainVerdict[]> {
  const verdicts: ChainVerdict[] = [];
  for (const chain of await store.auditChains()) verdicts.push(await verifyChainOf(store, chain));
  return verdicts;
}

const WHY: Record<LinkProblem, string> = {
  gap: 'missing (the entries jump over it)',
  link: 'its prevHash is not the hash of the entry before it (an entry was removed, inserted or reordered)',
  hash: 'its content no longer matches its hash (edited)',
};

/** One line per device, as the command prints it. */
export function verdictLine(v: ChainVerdict): string {
  const who = v.chain.name === null ? v.chain.deviceId : `${v.chain.deviceId} (${v.chain.name})`;
  if (v.ok) return `OK      ${who}: ${v.count} entries, head ${v.head}`;
  return `BROKEN  ${who}: first bad entry seq ${v.seq} — ${v.reason}: ${WHY[v.reason]}; ${v.verified} entries before it verify`;
}
