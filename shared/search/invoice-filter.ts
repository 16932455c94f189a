import type { Invoice, InvoiceKind, InvoiceStatus } from '../domain/invoice';
import { isDuplicateWarning } from '../domain/duplicates';
import { foldForSearch, nameMatches } from './fold';

/** A combinable list filter; every present condition must hold. Saved as named views, so keep it plain data. */
export interface InvoiceFilter {
  readonly dateFrom?: string;
  readonly dateTo?: string;
  /** Seller name (substring) or tax id (prefix). */
  readonly seller?: string;
  /** Buyer name (substring) or tax id (prefix). */
  readonly buyer?: string;
  /** 发票号码 prefix, or 发票代码 prefix. */
  readonly number?: string;
  /** 价税合计 range in fen, inclusive. */
  readonly totalMin?: number;
  readonly totalMax?: number;
  readonly statuses?: readonly InvoiceStatus[];
  readonly kinds?: readonly InvoiceKind[];
  readonly hasAttachment?: 'yes' | 'no';
  /** Captured (createdAt) from this instant on, inclusive (ISO 8601; the UI turns a local day into its first instant). */
  readonly capturedFrom?: string;
  /** Captured before this instant, exclusive (ISO 8601; the instant after the last local day asked for). */
  readonly capturedBefore?: string;
  /** Kept warnings other than a possible duplicate. */
  readonly hasWarnings?: 'yes' | 'no';
  /** Flagged as a possible duplicate (a kept duplicate.* warning). */
  readonly duplicate?: 'yes' | 'no';
  /** true lists the recycle bin instead of the ledger. */
  readonly deleted?: boolean;
}

/** Strips empty conditions so that `{}` means "everything" and saved views stay small. */
export function compactFilter(f: InvoiceFilter): InvoiceFilter {
  const out: Record<string, unknown> & InvoiceFilter = {};
  for (const [k, v] of Object.entries(f)) {
    if (v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) continue;
    out[k] = typeof v === 'string' ? v.trim() : v;
  }
  return out;
}

/** Whether a party matches a seller/buyer condition: tax id prefix or name substring. */
export function partyMatches(party: { name: string; taxId: string }, query: string): boolean {
  const q = foldForSearch(query);
  return party.taxId.toLowerCase().startsWith(q) || nameMatches(party.name, query);
}

/** The reference semantics of a filter, record by record (the indexed query must agree with it). */
export function matchesFilter(inv: Invoice, f: InvoiceFilter): boolean {
  if (inv.deleted !== (f.deleted ?? false)) return false;
  if (f.dateFrom && inv.issueDate < f.dateFrom) return false;
  if (f.dateTo && inv.issueDate > f.dateTo) return false;
  if (f.seller && !partyMatches(inv.seller, f.seller)) return false;
  if (f.buyer && !partyMatches(inv.buyer, f.buyer)) return false;
  if (f.number) {
    const q = f.number.replace(/\s/g, '');
    if (!inv.number.startsWith(q) && !inv.code.startsWith(q)) return false;
  }
  if (f.totalMin !== undefined && inv.total < f.totalMin) return false;
  if (f.totalMax !== undefined && inv.total > f.totalMax) return false;
  if (f.statuses && f.statuses.length > 0 && !f.statuses.includes(inv.status)) return false;
  if (f.kinds && f.kinds.length > 0 && !f.kinds.includes(inv.kind)) return false;
  if (f.hasAttachment === 'yes' && inv.attachments.length === 0) return false;
  if (f.hasAttachment === 'no' && inv.attachments.length > 0) return false;
  if (f.capturedFrom !== undefined || f.capturedBefore !== undefined) {
    const at = capturedAt(inv.createdAt);
    if (f.capturedFrom !== undefined && at < capturedAt(f.capturedFrom)) return false;
    if (f.capturedBefore !== undefined && at >= capturedAt(f.capturedBefore)) return false;
  }
  if (f.hasWarnings && inv.warnings.some((w) => !isDuplicateWarning(w.code)) !== (f.hasWarnings === 'yes')) return false;
  if (f.duplicate && inv.warnings.some((w) => isDuplicateWarning(w.code)) !== (f.duplicate === 'yes')) return false;
  return true;
}

/** An ISO timestamp as ms since the epoch, 0 when it cannot be read (the list index stores the same number). */
export function capturedAt(iso: string): number {
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? ms : 0;
}
