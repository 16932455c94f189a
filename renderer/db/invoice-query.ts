/*
 * Indexed list query. The result is the ids in display order (newest issue date first), computed as:
 * the ordered ids from the [_deleted+issueDate] index (which also applies the date range), intersected with
 * one id set per other condition, each read from its own index. Only name searches touch records, and only
 * the few candidates their bigram terms leave. shared/search/invoice-filter.ts matchesFilter is the reference
 * semantics; a test checks that both agree.
 */
import { Dexie } from 'dexie';
import type { InvoiceFilter } from '../../shared/search/invoice-filter';
import { partyMatches } from '../../shared/search/invoice-filter';
import { foldForSearch, planTermQuery } from '../../shared/search/terms';
import type { InvoiceId } from '../../shared/domain/invoice';
import type { LedgerDb } from './db';

type IdSet = Set<string>;


/** Ids of the invoices matching `filter`, newest issue date first (ties: newest id first). */
export async function queryInvoiceIds(db: LedgerDb, filter: InvoiceFilter): Promise<InvoiceId[]> {
  const deleted = filter.deleted ? 1 : 0;
  const ordered = await db.invoices
    .where('[_deleted+issueDate]')
    .between([deleted, filter.dateFrom ?? Dexie.minKey], [deleted, filter.dateTo ?? Dexie.maxKey], true, true)
    .reverse()
    .primaryKeys();

  const sets = await Promise.all(conditionSets(db, filter));
  if (sets.length === 0) return ordered;
  sets.sort((a, b) => a.size - b.size);
  return ordered.filter((id) => sets.every((s) => s.has(id)));
}

function conditionSets(db: LedgerDb, f: InvoiceFilter): Promise<IdSet>[] {
  const out: Promise<IdSet>[] = [];
  const keys = (p: Promise<string[]>) => p.then((ids) => new Set(ids));
  if (f.statuses && f.statuses.length > 0) out.push(keys(db.invoices.where('status').anyOf([...f.statuses]).primaryKeys()));
  if (f.kinds && f.kinds.length > 0) out.push(keys(db.invoices.where('kind').anyOf([...f.kinds]).primaryKeys()));
  if (f.totalMin !== undefined || f.totalMax !== undefined) {
    out.push(keys(db.invoices.where('total').between(f.totalMin ?? -Infinity, f.totalMax ?? Infinity, true, true).primaryKeys()));
  }
  if (f.hasAttachment) out.push(keys(db.invoices.where('_hasAttachment').equals(f.hasAttachment === 'yes' ? 1 : 0).primaryKeys()));
  if (f.number) {
    const q = f.number.replace(/\s/g, '');
    out.push(
      Promise.all([db.invoices.where('number').startsWith(q).primaryKeys(), db.invoices.where('code').startsWith(q).primaryKeys()]).then(
        ([a, b]) => new Set([...a, ...b]),
      ),
    );
  }
  if (f.seller) out.push(partyIds(db, 's', 'seller', f.seller));
  if (f.buyer) out.push(partyIds(db, 'b', 'buyer', f.buyer));
  return out;
}

/** Party condition: tax-id prefix OR name substring (bigram lookup, then confirmed on the record). */
async function partyIds(db: LedgerDb, scope: 's' | 'b', role: 'seller' | 'buyer', query: string): Promise<IdSet> {
  const upper = foldForSearch(query).toUpperCase();
  const byTaxId = /^[0-9A-Z]+$/.test(upper) ? await db.invoices.where(`${role}.taxId`).startsWith(upper).primaryKeys() : [];
  const plan = planTermQuery(scope, query);
  let candidates: string[] = [];
  if (plan.kind === 'prefix') {
    candidates = await db.invoices.where('_terms').startsWith(plan.prefix).primaryKeys();
  } else if (plan.kind === 'all') {
    const perTerm = await Promise.all(plan.terms.map((t) => db.invoices.where('_terms').equals(t).primaryKeys()));
    perTerm.sort((a, b) => a.length - b.length);
    const [first = [], ...rest] = perTerm;
    const restSets = rest.map((ids) => new Set(ids));
    candidates = [...new Set(first)].filter((id) => restSets.every((s) => s.has(id)));
  }
  const result = new Set<string>(byTaxId);
  const unconfirmed = candidates.filter((id) => !result.has(id));
  if (plan.kind === 'prefix') {
    for (const id of unconfirmed) result.add(id);
  } else if (unconfirmed.length > 0) {
    const rows = await db.invoices.bulkGet(unconfirmed as InvoiceId[]);
    for (const row of rows) if (row && partyMatches(row[role], query)) result.add(row.id);
  }
  return result;
}
