/*
 * The preview of an Excel ledger import (issue #11): every row goes through the entry form's validation and
 * duplicate rules, so a row the form would refuse is refused here with the same message and its row number.
 * Nothing is written: the result lists what a confirmed import would add, and why each other row stays out.
 */
import type { InvoiceContent, InvoiceStatus, Issue } from '../domain/invoice';
import { hardKey, softKey } from '../domain/duplicates';
import { validateDraft, type ValidationContext } from '../domain/validate';
import { issueMessage } from '../i18n/domain-messages';
import type { Locale } from '../i18n/translate';
import { problemMessage, type LedgerSheetRow, type RowProblem } from './sheet';

/** Keys of the invoices already in the ledger (hard key → invoice id, soft key → invoice id). */
export interface ExistingKeys {
  readonly hard: ReadonlyMap<string, string>;
  readonly soft: ReadonlyMap<string, string>;
}

/** What a possible duplicate resembles: an invoice of the ledger, or an earlier row of the file. */
export type SoftDuplicate = { readonly invoiceId: string } | { readonly row: number };

/** What happens to one row of the file. */
export type RowOutcome =
  /** Valid and new: imported after the clerk confirms, with its warnings kept on the record. */
  | { readonly kind: 'new'; readonly row: number; readonly content: InvoiceContent; readonly status: InvoiceStatus | null; readonly warnings: readonly Issue[]; readonly softDuplicateOf: SoftDuplicate | null }
  /** The ledger already holds this invoice (same hard key): not imported. */
  | { readonly kind: 'duplicateInLedger'; readonly row: number; readonly number: string; readonly existingId: string }
  /** An earlier row of the same file is this invoice: not imported (the earlier row is). */
  | { readonly kind: 'duplicateInFile'; readonly row: number; readonly number: string; readonly firstRow: number }
  /** The entry form would refuse the row: not imported. `issues` holds its errors, then its warnings. */
  | { readonly kind: 'error'; readonly row: number; readonly number: string; readonly issues: readonly Issue[] }
  /** The reader could not read a cell of the row (a date or an amount in no known form): not imported. */
  | { readonly kind: 'unreadable'; readonly row: number; readonly problems: readonly RowProblem[] };

/** The preview's counts, as the screen shows them. */
export interface ImportCounts {
  readonly rows: number;
  readonly new: number;
  readonly duplicateInLedger: number;
  readonly duplicateInFile: number;
  /** Rows refused by the entry form's rules or unreadable. */
  readonly errors: number;
  /** New rows that carry warnings (a possible soft duplicate included); they are imported. */
  readonly withWarnings: number;
  readonly softDuplicates: number;
}

/** One invoice a confirmed import writes. */
export interface ImportItem {
  readonly row: number;
  readonly content: InvoiceContent;
  readonly status: InvoiceStatus | null;
  readonly warnings: readonly Issue[];
}

/** The whole preview: per-row outcomes in file order, the counts, and the invoices a confirmed import writes. */
export interface LedgerImportPreview {
  readonly outcomes: readonly RowOutcome[];
  readonly counts: ImportCounts;
  readonly items: readonly ImportItem[];
}

/** The warning the entry form keeps on a record saved despite a possible duplicate (the same on an imported one). */
const softDuplicateIssue: Issue = { field: 'number', severity: 'warning', code: 'duplicate.soft' };

/**
 * Classifies the rows of a ledger spreadsheet against the ledger's keys and against each other; rows the reader
 * could not read (`rowProblems`) are refused beside them. Outcomes come in row order.
 */
export function previewLedgerImport(rows: readonly LedgerSheetRow[], existing: ExistingKeys, ctx: ValidationContext, rowProblems: readonly RowProblem[] = []): LedgerImportPreview {
  const outcomes: RowOutcome[] = [];
  const items: ImportItem[] = [];
  // Keys claimed by earlier rows that will be imported (an earlier refused row claims nothing).
  const hardInFile = new Map<string, number>();
  const softInFile = new Map<string, number>();
  for (const { row, draft, status } of rows) {
    const { content, issues } = validateDraft(draft, ctx);
    if (!content) {
      const errors = issues.filter((i) => i.severity === 'error');
      const warnings = issues.filter((i) => i.severity !== 'error');
      outcomes.push({ kind: 'error', row, number: draft.number.trim(), issues: [...errors, ...warnings] });
      continue;
    }
    const hard = hardKey(content);
    const inLedger = existing.hard.get(hard);
    if (inLedger !== undefined) {
      outcomes.push({ kind: 'duplicateInLedger', row, number: content.number, existingId: inLedger });
      continue;
    }
    const firstRow = hardInFile.get(hard);
    if (firstRow !== undefined) {
      outcomes.push({ kind: 'duplicateInFile', row, number: content.number, firstRow });
      continue;
    }
    hardInFile.set(hard, row);
    const soft = softKey(content);
    const inLedgerSoft = existing.soft.get(soft);
    const inFileSoft = softInFile.get(soft);
    const softOf: SoftDuplicate | null = inLedgerSoft !== undefined ? { invoiceId: inLedgerSoft } : inFileSoft !== undefined ? { row: inFileSoft } : null;
    if (inFileSoft === undefined) softInFile.set(soft, row);
    const warnings = issues.filter((i) => i.severity === 'warning');
    if (softOf !== null) warnings.push(softDuplicateIssue);
    outcomes.push({ kind: 'new', row, content, status, warnings, softDuplicateOf: softOf });
    items.push({ row, content, status, warnings });
  }
  const unreadable = new Map<number, RowProblem[]>();
  for (const p of rowProblems) unreadable.set(p.row, [...(unreadable.get(p.row) ?? []), p]);
  for (const [row, problems] of unreadable) outcomes.push({ kind: 'unreadable', row, problems });
  outcomes.sort((a, b) => a.row - b.row);
  return { outcomes, counts: countOutcomes(outcomes), items };
}

function countOutcomes(outcomes: readonly RowOutcome[]): ImportCounts {
  const counts = { rows: outcomes.length, new: 0, duplicateInLedger: 0, duplicateInFile: 0, withWarnings: 0, softDuplicates: 0, errors: 0 };
  for (const o of outcomes) {
    if (o.kind === 'error' || o.kind === 'unreadable') counts.errors++;
    else if (o.kind === 'duplicateInLedger') counts.duplicateInLedger++;
    else if (o.kind === 'duplicateInFile') counts.duplicateInFile++;
    else {
      counts.new++;
      if (o.warnings.length > 0) counts.withWarnings++;
      if (o.softDuplicateOf !== null) counts.softDuplicates++;
    }
  }
  return counts;
}

/** Words the import adds to the entry form's: a row repeating an earlier row's number or its seller, date and total. */
export interface InFileWords {
  readonly sameNumber: (firstRow: number) => string;
  readonly sameSoftKey: (firstRow: number) => string;
}

/**
 * The messages a row's outcome shows, in the entry form's words: validation issues through issueMessage, a hard
 * duplicate as the form's duplicate error. Duplicates within the file name the earlier row through `inFile`.
 */
export function outcomeMessages(o: RowOutcome, locale: Locale, inFile: InFileWords): string[] {
  switch (o.kind) {
    case 'new': {
      const softRow = o.softDuplicateOf && 'row' in o.softDuplicateOf ? o.softDuplicateOf.row : null;
      return o.warnings.map((i) => (i.code === 'duplicate.soft' && softRow !== null ? inFile.sameSoftKey(softRow) : issueMessage(i, locale)));
    }
    case 'error': return o.issues.map((i) => issueMessage(i, locale));
    case 'unreadable': return o.problems.map((p) => problemMessage(p, locale));
    case 'duplicateInLedger': return [issueMessage({ field: 'number', severity: 'error', code: 'duplicate.hard' }, locale)];
    case 'duplicateInFile': return [inFile.sameNumber(o.firstRow)];
  }
}
