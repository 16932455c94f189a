// The hand-made case form's rules: what a clerk knows of a missing invoice is checked with the entry form's own
// validators, but only the number and the seller are required (whom to call, about which invoice).
import type { CaseInvoiceRef } from '../../../shared/cases/types';
import { parseIssueDate } from '../../../shared/domain/date';
import { INVOICE_KINDS, type InvoiceKind, type Issue } from '../../../shared/domain/invoice';
import { validateCode, validateNumber } from '../../../shared/domain/invoice-code';
import { issue } from '../../../shared/domain/issue-codes';
import { readMoneyField } from '../../../shared/domain/money-field';
import { normalizeDigits, normalizeText } from '../../../shared/domain/normalize';
import { validateTaxId } from '../../../shared/domain/tax-id';

/** The form as typed; kind '' means "not known". */
export interface NewCaseDraft {
  readonly kind: InvoiceKind | '';
  readonly code: string;
  readonly number: string;
  readonly issueDate: string;
  readonly sellerName: string;
  readonly sellerTaxId: string;
  readonly total: string;
  readonly title: string;
}

/** An empty form. */
export const EMPTY_NEW_CASE: NewCaseDraft = { kind: '', code: '', number: '', issueDate: '', sellerName: '', sellerTaxId: '', total: '', title: '' };

/** The invoice reference when nothing blocks, plus every issue (warnings do not block). */
export interface NewCaseCheck {
  readonly ref: CaseInvoiceRef | null;
  readonly issues: readonly Issue[];
}

function readDate(text: string, today: string, issues: Issue[]): string {
  if (normalizeText(text) === '') return '';
  const parsed = parseIssueDate(text);
  if (!parsed.ok) { issues.push(issue('issueDate', 'error', 'issueDate.format')); return ''; }
  if (parsed.value > today) issues.push(issue('issueDate', 'error', 'issueDate.future', { today }));
  return parsed.value;
}

/** Checks a hand-made case's invoice reference; `today` is YYYY-MM-DD. */
export function checkNewCase(d: NewCaseDraft, today: string): NewCaseCheck {
  const issues: Issue[] = [];
  const kind = (INVOICE_KINDS as readonly string[]).includes(d.kind) ? (d.kind as InvoiceKind) : null;
  const issueDate = readDate(d.issueDate, today, issues);
  const code = normalizeDigits(d.code);
  const number = normalizeDigits(d.number);
  // An unknown kind checks like 'other' (code optional, 8 or 20 digits).
  if (kind !== null || code !== '') issues.push(...validateCode(code, kind ?? 'other', issueDate));
  issues.push(...validateNumber(number, kind ?? 'other', issueDate));
  const sellerName = normalizeText(d.sellerName);
  if (sellerName === '') issues.push(issue('sellerName', 'error', 'required'));
  const sellerTaxId = normalizeDigits(d.sellerTaxId);
  if (sellerTaxId !== '') issues.push(...validateTaxId(sellerTaxId, 'seller', { kind: kind ?? 'other' }));
  const total = readMoneyField(d.total, 'total', issues, { allowStars: false, required: false }).value;
  if (issues.some((i) => i.severity === 'error')) return { ref: null, issues };
  return { ref: { kind, code, number, issueDate, seller: { name: sellerName, taxId: sellerTaxId }, total }, issues };
}
