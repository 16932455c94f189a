/*
 * A ledger spreadsheet's rows (entry-form drafts, text as typed) → invoices as reconciliation sees them, for the
 * CLI, which has no app database. Text is tidied the way the entry form tidies it; money is read into fen. A
 * missing 价税合计 is 金额 + 税额, a missing 税额 is 价税合计 − 金额; a row whose money cannot be read at all is
 * reported, not guessed. Ids are "row-N" (the spreadsheet row), the status is the sheet's or 已录入.
 */
import { normalizeDraft } from '../../domain/draft';
import { fen, parseMoney, type Fen } from '../../domain/money';
import type { LedgerSheetRow } from '../sheet/types';
import type { LedgerInvoice } from '../types';

/** A ledger row left out, with the field that could not be read and the text found there. */
export interface LedgerRowProblem {
  readonly row: number;
  readonly field: 'amount' | 'tax' | 'total';
  readonly value: string;
}

type Money = { readonly kind: 'ok'; readonly value: Fen } | { readonly kind: 'empty' } | { readonly kind: 'bad'; readonly text: string };

function money(text: string): Money {
  const r = parseMoney(text);
  if (r.ok) return { kind: 'ok', value: r.value };
  return r.error.kind === 'empty' ? { kind: 'empty' } : { kind: 'bad', text };
}

/** Reads 金额, 税额 and 价税合计, completing one missing figure from the other two. */
function figures(amount: Money, tax: Money, total: Money): { amount: Fen; tax: Fen; total: Fen } | null {
  if (amount.kind === 'ok' && tax.kind === 'ok') return { amount: amount.value, tax: tax.value, total: total.kind === 'ok' ? total.value : fen(amount.value + tax.value) };
  if (amount.kind === 'ok' && total.kind === 'ok' && tax.kind === 'empty') return { amount: amount.value, tax: fen(total.value - amount.value), total: total.value };
  if (tax.kind === 'ok' && total.kind === 'ok' && amount.kind === 'empty') return { amount: fen(total.value - tax.value), tax: tax.value, total: total.value };
  // Only one figure: a ledger kept with totals alone still names the invoice; amount and tax then read as the total and 0.
  if (total.kind === 'ok' && amount.kind === 'empty' && tax.kind === 'empty') return { amount: total.value, tax: fen(0), total: total.value };
  if (amount.kind === 'ok' && total.kind === 'empty' && tax.kind === 'empty') return { amount: amount.value, tax: fen(0), total: amount.value };
  return null;
}

/** Converts ledger sheet rows; rows whose money cannot be read are returned as problems instead. */
export function ledgerInvoicesFromSheet(rows: readonly LedgerSheetRow[]): { invoices: LedgerInvoice[]; problems: LedgerRowProblem[] } {
  const invoices: LedgerInvoice[] = [];
  const problems: LedgerRowProblem[] = [];
  for (const r of rows) {
    const d = normalizeDraft(r.draft);
    const read = { amount: money(d.amount), tax: money(d.tax), total: money(d.total) };
    const bad = (['amount', 'tax', 'total'] as const).find((f) => read[f].kind === 'bad');
    const fig = bad === undefined ? figures(read.amount, read.tax, read.total) : null;
    if (!fig) {
      const field = bad ?? 'total';
      problems.push({ row: r.row, field, value: field === 'amount' ? d.amount : field === 'tax' ? d.tax : d.total });
      continue;
    }
    invoices.push({
      id: `row-${String(r.row)}`, kind: d.kind, code: d.code, number: d.number, issueDate: d.issueDate,
      seller: { name: d.sellerName, taxId: d.sellerTaxId }, buyer: { name: d.buyerName, taxId: d.buyerTaxId },
      ...fig, status: r.status ?? 'entered', deleted: false,
    });
  }
  return { invoices, problems };
}
