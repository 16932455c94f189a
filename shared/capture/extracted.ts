// What every capture parser returns: the fields it could read, where each came from, and what looked wrong.
// A field that could not be read is absent — never guessed — so the clerk types it instead of trusting a guess.
import { normalizeName } from '../domain/normalize';
import type { InvoiceKind, InvoiceLine } from '../domain/invoice';
import type { Fen } from '../domain/money';

/** Where a captured value came from (a subset of the domain's FieldSource). */
export type CaptureSource = 'xml' | 'ofd' | 'qr' | 'pdf-text' | 'ocr';

/** One line item as read from a file: the ledger's own line type (qty and unitPrice keep their decimal text). */
export type ExtractedLine = InvoiceLine;

/** Every field capture can fill; amount is 金额 before tax, total is 价税合计, dates are YYYY-MM-DD. */
export interface ExtractedFields {
  readonly kind: InvoiceKind;
  readonly code: string;
  readonly number: string;
  readonly issueDate: string;
  readonly sellerName: string;
  readonly sellerTaxId: string;
  readonly buyerName: string;
  readonly buyerTaxId: string;
  readonly amount: Fen;
  readonly tax: Fen;
  readonly total: Fen;
  readonly checkCode: string;
  readonly taxRate: string;
  readonly remarks: string;
  readonly lines: readonly ExtractedLine[];
}

/** The name of a capturable field. */
export type ExtractedFieldName = keyof ExtractedFields;

/** Where one field's value came from and how far to trust it (0–1). */
export interface FieldOrigin {
  readonly source: CaptureSource;
  readonly confidence: number;
}

/**
 * Below this confidence a prefilled value is shown as doubtful (highlighted for the clerk to check), never as
 * certain. Field readers give a value at least this much only when a second reading confirms it (the QR code,
 * the same value printed twice, 金额 + 税额 = 价税合计, a tax id's check character).
 */
export const CERTAIN_CONFIDENCE = 0.8;

/** Whether a prefilled value is shown as certain (not highlighted for checking). */
export function isCertain(origin: Pick<FieldOrigin, 'confidence'>): boolean {
  return origin.confidence >= CERTAIN_CONFIDENCE;
}

/** A finding shown to the clerk; the message is CAPTURE_MESSAGES[`capture.${code}`]. */
export interface CaptureWarning {
  readonly code: string;
  readonly params?: Readonly<Record<string, string | number>>;
}

/** Two or more sources read different values for one field; all are kept for the clerk to choose. */
export interface FieldConflict {
  readonly field: ExtractedFieldName;
  readonly values: readonly { readonly source: CaptureSource; readonly value: ExtractedFields[ExtractedFieldName] }[];
}

/** The result of one capture parser (or of several, merged). */
export interface ExtractedInvoice {
  readonly fields: Partial<ExtractedFields>;
  readonly sources: Partial<Record<ExtractedFieldName, FieldOrigin>>;
  readonly warnings: readonly CaptureWarning[];
  readonly conflicts: readonly FieldConflict[];
}

/** Every field name, in form order. */
export const EXTRACTED_FIELD_NAMES: readonly ExtractedFieldName[] = [
  'kind', 'code', 'number', 'issueDate', 'sellerName', 'sellerTaxId', 'buyerName', 'buyerTaxId',
  'amount', 'tax', 'total', 'checkCode', 'taxRate', 'remarks', 'lines',
];

/** Collects fields from one source; set() ignores undefined and empty strings, so unread fields stay absent. */
export class ExtractionBuilder {
  private readonly fields: Partial<Record<ExtractedFieldName, unknown>> = {};
  private readonly sources: Partial<Record<ExtractedFieldName, FieldOrigin>> = {};
  private readonly warnings: CaptureWarning[] = [];

  constructor(private readonly origin: FieldOrigin) {}

  /** Records a value unless it is missing; the first value set for a field wins. */
  set<K extends ExtractedFieldName>(field: K, value: ExtractedFields[K] | undefined, confidence?: number): this {
    if (value === undefined || value === '' || field in this.fields) return this;
    // Party names keep the full-width brackets they are registered with, whichever source normalised them away.
    this.fields[field] = (field === 'sellerName' || field === 'buyerName') && typeof value === 'string' ? normalizeName(value) : value;
    this.sources[field] = confidence === undefined ? this.origin : { source: this.origin.source, confidence };
    return this;
  }

  /** True when the field already has a value. */
  has(field: ExtractedFieldName): boolean {
    return field in this.fields;
  }

  /** Adds a warning. */
  warn(code: string, params?: Readonly<Record<string, string | number>>): this {
    this.warnings.push(params === undefined ? { code } : { code, params });
    return this;
  }

  /** The finished extraction. */
  build(): ExtractedInvoice {
    return {
      fields: { ...this.fields } as Partial<ExtractedFields>,
      sources: { ...this.sources },
      warnings: [...this.warnings],
      conflicts: [],
    };
  }
}

/** An extraction with nothing in it. */
export function emptyExtraction(): ExtractedInvoice {
  return { fields: {}, sources: {}, warnings: [], conflicts: [] };
}

/** Compares two values of one field; remarks ignore layout whitespace, lines compare item by item. */
function sameValue(field: ExtractedFieldName, a: unknown, b: unknown): boolean {
  if (field === 'remarks' && typeof a === 'string' && typeof b === 'string') {
    return a.replace(/\s+/g, '') === b.replace(/\s+/g, '');
  }
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Same code and params. */
function sameWarning(a: CaptureWarning, b: CaptureWarning): boolean {
  return a.code === b.code && JSON.stringify(a.params ?? {}) === JSON.stringify(b.params ?? {});
}

type ConflictValue = FieldConflict['values'][number];

/** Adds a value to the field's conflict (creating it from the kept value first), once per source and value. */
function addConflict(conflicts: Map<ExtractedFieldName, ConflictValue[]>, field: ExtractedFieldName, kept: ConflictValue, other: ConflictValue): void {
  const values = conflicts.get(field) ?? [kept];
  const seen = (v: ConflictValue) => values.some((x) => x.source === v.source && sameValue(field, x.value, v.value));
  if (!seen(kept)) values.unshift(kept);
  if (!seen(other)) values.push(other);
  conflicts.set(field, values);
}

/**
 * Merges extractions in priority order: the primary's values stand, later ones fill only missing fields, and
 * every disagreement is recorded as a conflict (with all values) rather than hidden.
 */
export function mergeExtractions(primary: ExtractedInvoice, ...others: readonly ExtractedInvoice[]): ExtractedInvoice {
  const fields: Partial<Record<ExtractedFieldName, unknown>> = { ...primary.fields };
  const sources: Partial<Record<ExtractedFieldName, FieldOrigin>> = { ...primary.sources };
  const warnings: CaptureWarning[] = [...primary.warnings];
  const conflicts = new Map<ExtractedFieldName, ConflictValue[]>(primary.conflicts.map((c) => [c.field, [...c.values]]));
  for (const other of others) {
    for (const name of EXTRACTED_FIELD_NAMES) {
      const value = other.fields[name];
      const origin = other.sources[name];
      if (value === undefined || origin === undefined) continue;
      const keptOrigin = sources[name];
      if (!(name in fields) || keptOrigin === undefined) {
        fields[name] = value;
        sources[name] = origin;
      } else if (!sameValue(name, fields[name], value)) {
        const kept = { source: keptOrigin.source, value: fields[name] as ExtractedFields[ExtractedFieldName] };
        addConflict(conflicts, name, kept, { source: origin.source, value });
      }
    }
    for (const c of other.conflicts) {
      const [first, ...rest] = c.values;
      if (first) for (const v of rest) addConflict(conflicts, c.field, first, v);
    }
    for (const w of other.warnings) if (!warnings.some((x) => sameWarning(x, w))) warnings.push(w);
  }
  return {
    fields: fields as Partial<ExtractedFields>,
    sources,
    warnings,
    conflicts: [...conflicts].map(([field, values]) => ({ field, values })),
  };
}

/** Returns the extraction with extra warnings appended (duplicates dropped). */
export function withWarnings(ext: ExtractedInvoice, extra: readonly CaptureWarning[]): ExtractedInvoice {
  const warnings = [...ext.warnings];
  for (const w of extra) if (!warnings.some((x) => sameWarning(x, w))) warnings.push(w);
  return { ...ext, warnings };
}
