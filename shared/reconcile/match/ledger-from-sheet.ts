/*
 * A ledger spreadsheet's rows (entry-form drafts, text as typed) → invoices as reconciliation sees them, for the
 * CLI, which has no app database. Text is tidied the way the entry form tidies it (with fast paths for text that
 * is already tidy: 100,000 rows go through here in the CLI bench); money is read into fen. A
 * missing 价税合计 is 金额 + 税额, a missing 税额 is 价税合计 − 金额; a row whose money cannot be read at all is
 * reported, not guessed. Ids are "row-N" (the spreadsheet row), the status is the sheet's or 已录入.
 */
import { parseIssueDate } from '../../domain/date';
import { fen, MAX_ABS_FEN, parseMoney, type Fen } from '../../domain/money';
import { normalizeDigits, normalizeName, normalizeText } from '../../domain/normalize';
import type { LedgerSheetRow } from '../sheet/types';
import type { LedgerInvoice } from '../types';

/** A ledger row left out, with the field that could not be read and the text found there. */
export interface LedgerRowProblem {
  readonly row: number;
  readonly field: 'amount' | 'tax' | 'total';
  readonly value: string;
}

type Money = { readonly kind: 'ok'; readonly value: Fen } | { readonly kind: 'empty' } | { readonly kind: 'bad'; readonly text: string };

const TIDY_ID = /^[0-9A-Z]*$/;
// Han ideographs (NFKC leaves the unified block alone), ASCII letters and digits: already as stored. Brackets take
// the slow path, which decides between （） and () by what they enclose.
const TIDY_NAME = /^[\u4e00-\u9fffA-Za-z0-9]*$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const PLAIN_MONEY = /^(-?)(\d{1,13})(?:\.(\d{1,2}))?$/;

const id = (s: string) => (TIDY_ID.test(s) ? s : normalizeDigits(s));
const name = (s: string) => (TIDY_NAME.test(s) ? s : normalizeName(s));

function date(s: string): string {
  if (ISO_DATE.test(s)) return s;
  const parsed = parseIssueDate(s);
  return parsed.ok ? parsed.value : normalizeText(s);
}

function money(text: string): Money {
  const plain = PLAIN_MONEY.exec(text);
  if (plain) {
    const value = Number(plain[2]) * 100 + Number((plain[3] ?? '').padEnd(2, '0'));
    if (value <= MAX_ABS_FEN) return { kind: 'ok', value: fen(plain[1] === '-' ? -value : value) };
  }
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
    const d = r.draft;
    const read = { amount: money(d.amount), tax: money(d.tax), total: money(d.total) };
    const bad = (['amount', 'tax', 'total'] as const).find((f) => read[f].kind === 'bad');
    const fig = bad === undefined ? figures(read.amount, read.tax, read.total) : null;
    if (!fig) {
      const field = bad ?? 'total';
      problems.push({ row: r.row, field, value: d[field] });
      continue;
    }
    invoices.push({
      id: `row-${String(r.row)}`, kind: d.kind, code: id(d.code), number: id(d.number), issueDate: date(d.issueDate),
      seller: { name: name(d.sellerName), taxId: id(d.sellerTaxId) }, buyer: { name: name(d.buyerName), taxId: id(d.buyerTaxId) },
      ...fig, status: r.status ?? 'entered', deleted: false,
    });
  }
  return { invoices, problems };
}
