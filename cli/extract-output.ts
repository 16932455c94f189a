// The JSON line `npm run extract` prints for one file (format in docs/extract.md). A field that was not read is
// absent — never an empty string or a guess; money is decimal text with two places.
import type { Captured } from '../shared/capture/pipeline';
import { captureMessage } from '../shared/capture/capture-messages';
import type { CaptureWarning, ExtractedFieldName, FieldOrigin } from '../shared/capture/extracted';
import { fen, fenToDecimal } from '../shared/domain/money';
import { issueMessage } from '../shared/i18n/domain-messages';
import type { Locale } from '../shared/i18n/translate';

/** The invoice fields the CLI prints, in form order. */
export const OUTPUT_FIELDS = [
  'kind', 'code', 'number', 'issueDate', 'sellerName', 'sellerTaxId', 'buyerName', 'buyerTaxId', 'amount', 'tax', 'total', 'checkCode',
] as const satisfies readonly ExtractedFieldName[];

type OutputField = (typeof OUTPUT_FIELDS)[number];
const MONEY: ReadonlySet<OutputField> = new Set(['amount', 'tax', 'total']);

/** One warning: a stable code for machines, the message for people, and the form field it concerns if any. */
export interface OutputWarning {
  readonly code: string;
  readonly message: string;
  readonly field?: string;
}

/** A successfully captured file. */
export interface OkLine {
  readonly file: string;
  readonly ok: true;
  readonly invoice: Partial<Record<OutputField, string>>;
  readonly fields: Partial<Record<OutputField, FieldOrigin>>;
  readonly warnings: readonly OutputWarning[];
}

/** A file that gave no invoice: `error` is the message, `errorCode` the stable code. */
export interface ErrorLine {
  readonly file: string;
  readonly ok: false;
  readonly error: string;
  readonly errorCode: string;
  readonly warnings: readonly OutputWarning[];
}

/** The line for a captured file. */
export function okLine(file: string, captured: Captured, locale: Locale): OkLine {
  const { fields, sources, warnings } = captured.extracted;
  const invoice: Partial<Record<OutputField, string>> = {};
  const origins: Partial<Record<OutputField, FieldOrigin>> = {};
  for (const name of OUTPUT_FIELDS) {
    const value = fields[name];
    if (value === undefined || value === '') continue;
    invoice[name] = MONEY.has(name) && typeof value === 'number' ? fenToDecimal(fen(value)) : String(value);
    const origin = sources[name];
    if (origin) origins[name] = { source: origin.source, confidence: Math.round(origin.confidence * 100) / 100 };
  }
  const out: OutputWarning[] = warnings.map((w) => captureWarning(w, locale));
  // Validation findings on values that were read (a tax id failing its check digit, …); "required" findings
  // on fields nobody could read are left out — those fields are simply absent.
  for (const issue of captured.prefill.issues) {
    if (issue.code === 'required' || !(issue.field in invoice)) continue;
    out.push({ code: issue.code, message: issueMessage(issue, locale), field: issue.field });
  }
  return { file, ok: true, invoice, fields: origins, warnings: out };
}

/** A capture warning with its message. */
export function captureWarning(w: CaptureWarning, locale: Locale): OutputWarning {
  const field = w.params?.['field'];
  const message = captureMessage(w, locale);
  return typeof field === 'string' ? { code: w.code, message, field } : { code: w.code, message };
}

/** The line for a file that gave no invoice. */
export function errorLine(file: string, error: CaptureWarning & { readonly message?: string }, locale: Locale): ErrorLine {
  return { file, ok: false, error: error.message ?? captureMessage(error, locale), errorCode: error.code, warnings: [] };
}
