/*
 * The ledger's duplicate keys (shared/domain/duplicates.ts) read from the columnar list index instead of from the
 * invoices: 100,000 invoices' keys in tens of milliseconds, where walking two IndexedDB indexes takes seconds.
 * The hard key is exact (code and number are indexed as stored). The soft key is rebuilt from the indexed seller tax
 * id, date and total: the index keeps the tax id in lower case, and stored tax ids are upper case (validation
 * normalises them), so the rebuilt key is the stored one.
 */
import { hardKey, softKey } from '../../shared/domain/duplicates';
import type { Fen } from '../../shared/domain/money';
import { FLAG } from '../../shared/search/list-chunk';
import type { LedgerDb } from './db';
import { loadListIndex, readListIndex } from './list-index';

/** The ledger's keys: hard key (every invoice, deleted ones too) and soft key (live invoices) → invoice id. */
export interface LedgerKeys {
  readonly hard: Map<string, string>;
  readonly soft: Map<string, string>;
}

const PARTY_SEP = String.fromCharCode(1);

function dateText(yyyymmdd: number): string {
  if (yyyymmdd === 0) return '';
  const s = String(yyyymmdd);
  return `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}`;
}

/**
 * Every invoice's keys from the list index. `inTransaction`: read in the caller's 'rw' transaction over listChunks
 * and listRevs (what that transaction sees), so an import re-checks against the ledger as it commits.
 */
export async function ledgerKeys(db: LedgerDb, inTransaction = false): Promise<LedgerKeys> {
  const hard = new Map<string, string>();
  const soft = new Map<string, string>();
  for (const c of await (inTransaction ? readListIndex(db) : loadListIndex(db))) {
    for (let i = 0; i < c.ids.length; i++) {
      const id = c.ids[i] ?? '';
      hard.set(hardKey({ code: c.codes[i] ?? '', number: c.numbers[i] ?? '' }), id);
      if (((c.flags[i] ?? 0) & FLAG.DELETED) !== 0) continue;
      const party = c.parties[c.sellerRefs[i] ?? 0] ?? '';
      const taxId = party.slice(party.indexOf(PARTY_SEP) + 1).toUpperCase();
      const key = softKey({ code: '', number: '', issueDate: dateText(c.dates[i] ?? 0), total: (c.totals[i] ?? 0) as Fen, seller: { taxId } });
      if (!soft.has(key)) soft.set(key, id);
    }
  }
  return { hard, soft };
}
