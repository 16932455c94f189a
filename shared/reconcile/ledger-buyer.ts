/*
 * A purchase ledger kept in Excel rarely has buyer columns: every invoice in it was bought by the company. The
 * entry form requires the buyer, so such a file would be refused row by row ("购买方名称不能为空"). The import
 * preview can instead take the buyer as the company, filled into every row that leaves it empty, before the
 * rows go through the entry form's validation like any others.
 */
import type { Party } from '../domain/invoice';
import type { LedgerSheetRow } from './sheet';

/** The buyer fields a ledger sheet may lack. */
export type BuyerField = 'buyerName' | 'buyerTaxId';

/** The buyer columns a ledger sheet read did not find (by its field → header map), name first. */
export function missingBuyerColumns(columns: Readonly<Record<string, string>>): BuyerField[] {
  return (['buyerName', 'buyerTaxId'] as const).filter((f) => !(f in columns));
}

/** The rows with the company as buyer wherever a row's buyer name or tax id is empty (given ones are kept). */
export function withCompanyBuyer(rows: readonly LedgerSheetRow[], company: Party): LedgerSheetRow[] {
  const name = company.name.trim();
  const taxId = company.taxId.trim().toUpperCase();
  return rows.map((r) => {
    const fillName = r.draft.buyerName.trim() === '' && name !== '';
    const fillTaxId = r.draft.buyerTaxId.trim() === '' && taxId !== '';
    if (!fillName && !fillTaxId) return r;
    return { ...r, draft: { ...r.draft, ...(fillName ? { buyerName: name } : {}), ...(fillTaxId ? { buyerTaxId: taxId } : {}) } };
  });
}
