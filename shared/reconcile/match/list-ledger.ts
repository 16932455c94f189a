/*
 * Platform list vs ledger. Both sides are indexed by the invoice's hard key (one Map each, so 50,000 rows
 * against 100,000 invoices is linear). A list row in scope (period + direction) looks its invoice up in the
 * whole ledger, so an invoice the ledger dates in another month is a date mismatch, not a missing invoice; a
 * ledger invoice in scope looks itself up in the whole list the same way. Rules, each applied independently:
 *  - missingInLedger: on the list, no live ledger invoice (a deleted one is named in the detail); rows the
 *    platform shows as 已作废 or 已红冲-全额 are left out, since nobody needs them in the books. When the export
 *    had line items, the detail says what was bought (lineName: the first item, lineCount: how many).
 *  - missingOnList: a live ledger invoice in scope that the list does not hold at all.
 *  - mismatched: one finding per invoice naming every differing field with both values.
 *  - voidedButActive: 已作废 / 已红冲-全额 on the platform, neither voided nor reversed in the ledger.
 *    已红冲-部分 is not void: the blue invoice stays valid, reduced by a red one. It is reported as a mismatch
 *    on the field `platformStatus` unless the ledger already marks it reversed.
 *  - riskFlagged: 异常凭证 / 疑点发票 on the platform, whatever the ledger says.
 */
import type { Finding, LedgerInvoice, Period, PlatformRow } from '../types';
import type { DetailValue } from '../types';
import { lineDetail } from '../line-summary';
import { invoiceKey } from './keys';
import { plainName } from './names';
import { inPeriod, taxIdOf } from './scope';

/** What the list-vs-ledger rules need from a run. */
/** The start of a 平台有台账无 (missingInLedger) finding's key; the rest is the invoice key. */
export const MISSING_PREFIX = 'missingInLedger:';

export interface ListLedgerInput {
  readonly list: readonly PlatformRow[];
  readonly ledger: readonly LedgerInvoice[];
  readonly period: Period;
  readonly belongs: (p: Pick<PlatformRow, 'seller' | 'buyer'>) => boolean;
}

type Detail = Record<string, DetailValue>;

function listDetail(row: PlatformRow): Detail {
  return {
    code: row.code, number: row.number, issueDate: row.issueDate, sellerName: row.seller.name, sellerTaxId: row.seller.taxId,
    buyerTaxId: row.buyer.taxId, amount: row.amount, tax: row.tax, total: row.total, platformStatus: row.statusText, risk: row.risk,
  };
}

function ledgerDetail(inv: LedgerInvoice): Detail {
  return {
    code: inv.code, number: inv.number, issueDate: inv.issueDate, sellerName: inv.seller.name, sellerTaxId: inv.seller.taxId,
    buyerTaxId: inv.buyer.taxId, amount: inv.amount, tax: inv.tax, total: inv.total, ledgerStatus: inv.status,
  };
}

// Equal text is the common case on 100,000 rows: only differing text pays for normalising.
const sameTaxId = (a: string, b: string) => a === b || taxIdOf(a) === taxIdOf(b);
const isVoid = (row: PlatformRow) => row.status === 'voided' || row.status === 'reversed';
const isVoidInLedger = (inv: LedgerInvoice) => inv.status === 'voided' || inv.status === 'reversed';

/** Every field on which the list row and the ledger invoice disagree, as [field, list value, ledger value]. */
export function differingFields(row: PlatformRow, inv: LedgerInvoice): [string, DetailValue, DetailValue][] {
  const out: [string, DetailValue, DetailValue][] = [];
  if (row.amount !== inv.amount) out.push(['amount', row.amount, inv.amount]);
  if (row.tax !== inv.tax) out.push(['tax', row.tax, inv.tax]);
  if (row.total !== inv.total) out.push(['total', row.total, inv.total]);
  if (row.issueDate !== inv.issueDate) out.push(['issueDate', row.issueDate, inv.issueDate]);
  if (!sameTaxId(row.seller.taxId, inv.seller.taxId)) out.push(['sellerTaxId', row.seller.taxId, inv.seller.taxId]);
  if (row.seller.name !== inv.seller.name && plainName(row.seller.name) !== plainName(inv.seller.name)) out.push(['sellerName', row.seller.name, inv.seller.name]);
  // A ledger typed without the buyer's tax id says nothing against the platform; a different one does.
  if (inv.buyer.taxId.trim() !== '' && !sameTaxId(row.buyer.taxId, inv.buyer.taxId)) out.push(['buyerTaxId', row.buyer.taxId, inv.buyer.taxId]);
  if (row.status === 'reversedPartial' && inv.status !== 'reversed') out.push(['platformStatus', row.statusText, inv.status]);
  return out;
}

function compare(row: PlatformRow, inv: LedgerInvoice, key: string, out: Finding[]): void {
  const diffs = differingFields(row, inv);
  if (diffs.length > 0) {
    const detail: Detail = { ...listDetail(row), fields: diffs.map((d) => d[0]).join(',') };
    for (const [field, listValue, ledgerValue] of diffs) {
      detail[`list.${field}`] = listValue;
      detail[`ledger.${field}`] = ledgerValue;
    }
    out.push({ type: 'mismatched', key: `mismatched:${key}`, detail, invoiceIds: [inv.id], listRow: row.row });
  }
  if (isVoid(row) && !isVoidInLedger(inv)) {
    out.push({
      type: 'voidedButActive', key: `voidedButActive:${key}`,
      detail: { ...listDetail(row), ledgerStatus: inv.status }, invoiceIds: [inv.id], listRow: row.row,
    });
  }
}

/** The list-vs-ledger findings (see the header), in list order then ledger order. */
export function matchListToLedger(input: ListLedgerInput): Finding[] {
  const { period, belongs } = input;
  const ledgerKeys = input.ledger.map(invoiceKey);
  const listKeys = input.list.map(invoiceKey);
  const live = new Map<string, LedgerInvoice>();
  const deleted = new Map<string, LedgerInvoice>();
  input.ledger.forEach((inv, i) => {
    const map = inv.deleted ? deleted : live;
    const key = ledgerKeys[i] ?? '';
    if (!map.has(key)) map.set(key, inv);
  });
  const listByKey = new Map<string, PlatformRow>();
  input.list.forEach((row, i) => {
    const key = listKeys[i] ?? '';
    if (!listByKey.has(key)) listByKey.set(key, row);
  });

  const out: Finding[] = [];
  const compared = new Set<string>();
  input.list.forEach((row, i) => {
    if (!inPeriod(row.issueDate, period) || !belongs(row)) return;
    const key = listKeys[i] ?? '';
    if (listByKey.get(key) !== row) return; // the same invoice twice in the file: the first row speaks for it
    if (row.risk === 'abnormal' || row.risk === 'suspect') {
      out.push({ type: 'riskFlagged', key: `riskFlagged:${key}`, detail: listDetail(row), listRow: row.row, ...idsOf(live.get(key)) });
    }
    const inv = live.get(key);
    if (inv) {
      compared.add(key);
      compare(row, inv, key, out);
    } else if (!isVoid(row)) {
      const gone = deleted.get(key);
      out.push({
        type: 'missingInLedger', key: `${MISSING_PREFIX}${key}`,
        detail: { ...listDetail(row), deletedInLedger: gone !== undefined, ...lineDetail(row.lines) }, listRow: row.row, ...idsOf(gone),
      });
    }
  });
  input.ledger.forEach((inv, i) => {
    if (inv.deleted || !inPeriod(inv.issueDate, period) || !belongs(inv)) return;
    const key = ledgerKeys[i] ?? '';
    if (live.get(key) !== inv || compared.has(key)) return;
    const row = listByKey.get(key);
    if (row) compare(row, inv, key, out);
    else out.push({ type: 'missingOnList', key: `missingOnList:${key}`, detail: ledgerDetail(inv), invoiceIds: [inv.id] });
  });
  return out;
}

function idsOf(inv: LedgerInvoice | undefined): { invoiceIds?: readonly string[] } {
  return inv ? { invoiceIds: [inv.id] } : {};
}
