import type { FieldName, Issue } from './invoice';

/**
 * Every issue and error code the domain layer emits. Messages live in shared/i18n/domain-messages.ts under
 * `issue.<code>`; a test checks each code has both languages, so add the message when you add a code.
 */
export const ISSUE_CODES = [
  'required',
  'kind.invalid',
  'issueDate.format',
  'issueDate.future',
  'issueDate.tooOld',
  'code.digits',
  'code.length',
  'code.unexpected',
  'code.region',
  'code.year',
  'code.kindMismatch',
  'number.digits',
  'number.length',
  'number.digitalKind',
  'number.year',
  'checkCode.format',
  'checkCode.missing',
  'checkCode.unexpected',
  'taxId.buyerMissingSpecial',
  'taxId.badChars',
  'taxId.checkChar',
  'taxId.orgCheck',
  'taxId.idCardCheck',
  'taxId.format',
  'taxId.length',
  'taxRate.format',
  'taxRate.range',
  'taxRate.unusual',
  'taxRate.historical',
  'money.format',
  'money.decimals',
  'money.range',
  'total.mismatch',
  'total.negativeBlue',
  'total.positiveRed',
  'tax.rateMismatch',
  'tax.exemptNonZero',
  'line.nameMissing',
  'line.qtyFormat',
  'line.priceFormat',
  'line.amount',
  'line.tax',
  'lines.sum',
  'lines.taxDrift',
  'duplicate.hard',
  'duplicate.soft',
  'status.illegal',
  'status.reasonRequired',
] as const;

/** A code from ISSUE_CODES. */
export type IssueCode = (typeof ISSUE_CODES)[number];

/** Builds an Issue whose code is checked against ISSUE_CODES at compile time. */
export function issue(
  field: FieldName,
  severity: Issue['severity'],
  code: IssueCode,
  params?: Readonly<Record<string, string | number>>,
): Issue {
  return params === undefined ? { field, severity, code } : { field, severity, code, params };
}

/** True when any issue blocks saving. */
export function hasErrors(issues: readonly Issue[]): boolean {
  return issues.some((i) => i.severity === 'error');
}
