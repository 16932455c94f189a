/*
 * Verifying an audit export from the file alone (issue #13; `npm run audit-trail -- verify FILE`): the chain
 * sheets' rows are read back into entries and checked with the app's own verifyChain (seq gap, link to the
 * previous hash, the entry's hash), then the summary's head hash and counts are compared with what the rows give.
 * The first problem is reported with the sheet row a spreadsheet program shows, so an auditor can go to it.
 *
 * An export of a range that starts later than seq 1 is checked from its first row: that row's prevHash is taken
 * from the file, and the result says from which seq the chain is verified.
 */
import { readWorkbook, type Cell, type SheetData, type SheetProblem } from '../reconcile/sheet';
import { unguardText } from '../reconcile/sheet';
import { GENESIS_HASH, verifyChain, type AuditEntry } from './audit-chain';
import {
  AUDIT_EXPORT_FORMAT, AUDIT_EXPORT_VERSION, CHECKED_SUMMARY_KEYS, chainSheetIndex, SUMMARY_SHEET, type CheckedSummaryKey, type SummaryKey,
} from './audit-export-format';
import { chainColumns, isBlankRow, readChainRow, type UnreadableDetail } from './audit-export-read';

/** Why a workbook is not an audit export this code can verify. */
export type NotExportReason = 'noChainSheet' | 'noSummary' | 'format' | 'newerVersion' | 'columns';

/** A summary value that differs from what the chain sheets give. */
export interface SummaryMismatch {
  readonly key: CheckedSummaryKey;
  /** The summary sheet row holding it; null when the row is missing. */
  readonly row: number | null;
  readonly expected: string;
  readonly found: string;
}

/** The first thing wrong with an export. */
export type AuditExportProblem =
  | { readonly kind: 'file'; readonly problem: SheetProblem }
  | { readonly kind: 'notExport'; readonly reason: NotExportReason; readonly sheet?: string; readonly column?: string; readonly found?: string }
  | {
    readonly kind: 'entry'; readonly check: 'hash' | 'link' | 'gap' | 'unreadable'; readonly sheet: string; readonly row: number; readonly seq: number | null;
    /** For 'unreadable': the column key and why; for 'gap': the seq that should have come. */
    readonly column?: string; readonly detail?: UnreadableDetail; readonly expectedSeq?: number;
  }
  | { readonly kind: 'summary'; readonly sheet: string; readonly mismatches: readonly SummaryMismatch[] };

/** An export that verifies: how many entries, the head hash, and the seq range it covers. */
export interface AuditExportOk {
  readonly ok: true;
  readonly count: number;
  readonly headHash: string;
  readonly firstSeq: number | null;
  readonly lastSeq: number | null;
  /** The prevHash of the first entry (GENESIS_HASH when the export starts at seq 1). */
  readonly firstPrevHash: string;
  /** False when the export starts later than seq 1: verified from firstSeq, its prevHash taken from the file. */
  readonly fromGenesis: boolean;
}

/** Result of verifying an export. */
export type AuditExportCheck = AuditExportOk | { readonly ok: false; readonly problem: AuditExportProblem };

const fail = (problem: AuditExportProblem): AuditExportCheck => ({ ok: false, problem });

const cellText = (cell: Cell | undefined): string => (cell === null || cell === undefined ? '' : typeof cell === 'number' ? String(cell) : unguardText(cell));

/** The summary's values by key, with their row numbers. */
function summaryValues(sheet: SheetData): Map<string, { value: string; row: number }> {
  const header = sheet.rows[0] ?? [];
  const find = (word: string, fallback: number) => {
    const c = header.findIndex((h) => typeof h === 'string' && h.trim().toLowerCase().endsWith(word));
    return c === -1 ? fallback : c;
  };
  const keyCol = find('key', 2);
  const valueCol = find('value', 1);
  const values = new Map<string, { value: string; row: number }>();
  for (let r = 1; r < sheet.rows.length; r++) {
    const row = sheet.rows[r] ?? [];
    const key = cellText(row[keyCol]).trim();
    if (key !== '' && !values.has(key)) values.set(key, { value: cellText(row[valueCol]), row: r + 1 });
  }
  return values;
}

/** Where the entry being checked came from. */
interface Cursor { sheet: string; row: number; prev: AuditEntry | undefined; current: AuditEntry | undefined; first: AuditEntry | undefined }

/** The chain sheets' entries in order; stops (leaving `stop` set) at the first row that cannot be read. */
function* chainEntries(sheets: readonly SheetData[], cursor: Cursor, stop: { problem?: AuditExportProblem }): Generator<AuditEntry> {
  for (const sheet of sheets) {
    const header = chainColumns(sheet.rows[0] ?? []);
    if (!header.ok) {
      stop.problem = { kind: 'notExport', reason: 'columns', sheet: sheet.name, column: header.column };
      return;
    }
    for (let r = 1; r < sheet.rows.length; r++) {
      const row = sheet.rows[r] ?? [];
      if (isBlankRow(row)) continue;
      cursor.sheet = sheet.name;
      cursor.row = r + 1;
      const read = readChainRow(row, header.columns);
      if (!read.ok) {
        stop.problem = { kind: 'entry', check: 'unreadable', sheet: sheet.name, row: r + 1, seq: read.seq, column: read.column, detail: read.detail };
        return;
      }
      cursor.prev = cursor.current;
      cursor.current = read.entry;
      cursor.first ??= read.entry;
      yield read.entry;
    }
  }
}

/** Verifies an audit export given as sheets of cells (readWorkbook's output). */
export function verifyAuditExport(sheets: readonly SheetData[]): AuditExportCheck {
  const chain = sheets
    .map((s) => ({ s, index: chainSheetIndex(s.name) }))
    .filter((x): x is { s: SheetData; index: number } => x.index !== null)
    .sort((a, b) => a.index - b.index)
    .map((x) => x.s);
  if (chain.length === 0) return fail({ kind: 'notExport', reason: 'noChainSheet' });
  const summarySheet = sheets.find((s) => s.name === SUMMARY_SHEET);
  if (!summarySheet) return fail({ kind: 'notExport', reason: 'noSummary' });
  const summary = summaryValues(summarySheet);
  const format = summary.get('format')?.value ?? '';
  if (format !== AUDIT_EXPORT_FORMAT) return fail({ kind: 'notExport', reason: 'format', found: format });
  const version = summary.get('version')?.value ?? '';
  if (!/^\d+$/.test(version) || Number(version) > AUDIT_EXPORT_VERSION) return fail({ kind: 'notExport', reason: 'newerVersion', found: version });

  const cursor: Cursor = { sheet: '', row: 0, prev: undefined, current: undefined, first: undefined };
  const stop: { problem?: AuditExportProblem } = {};
  const entries = chainEntries(chain, cursor, stop);
  const firstStep = entries.next();
  const first = firstStep.done === true ? undefined : firstStep.value;
  // A range starting later: its first row's prevHash is taken from the file (verifyChain continues after it).
  const after = first && first.seq !== 1 ? { seq: first.seq - 1, hash: first.prevHash } : undefined;
  const checked = first ? verifyChain(withFirst(first, entries), after) : { ok: true as const, count: 0 };
  if (stop.problem) return fail(stop.problem);
  if (!checked.ok) {
    const expectedSeq = checked.reason === 'gap' && cursor.prev ? { expectedSeq: cursor.prev.seq + 1 } : {};
    return fail({ kind: 'entry', check: checked.reason, sheet: cursor.sheet, row: cursor.row, seq: checked.seq, ...expectedSeq });
  }

  const last = cursor.current;
  const result: AuditExportOk = {
    ok: true, count: checked.count, headHash: last ? last.hash : GENESIS_HASH, firstSeq: first ? first.seq : null,
    lastSeq: last ? last.seq : null, firstPrevHash: first ? first.prevHash : GENESIS_HASH, fromGenesis: !first || first.seq === 1,
  };
  const mismatches = summaryMismatches(summary, result, first !== undefined);
  return mismatches.length === 0 ? result : fail({ kind: 'summary', sheet: SUMMARY_SHEET, mismatches });
}

function* withFirst(first: AuditEntry, rest: Iterator<AuditEntry>): Generator<AuditEntry> {
  yield first;
  for (let step = rest.next(); step.done !== true; step = rest.next()) yield step.value;
}

/** The checked summary values that differ from the chain's (head hash last, as the one that matters most). */
function summaryMismatches(summary: ReadonlyMap<string, { value: string; row: number }>, r: AuditExportOk, any: boolean): SummaryMismatch[] {
  const expected: Readonly<Record<CheckedSummaryKey, string>> = {
    count: String(r.count), firstSeq: r.firstSeq === null ? '' : String(r.firstSeq), lastSeq: r.lastSeq === null ? '' : String(r.lastSeq),
    firstPrevHash: any ? r.firstPrevHash : '', headHash: r.headHash,
  };
  const out: SummaryMismatch[] = [];
  for (const key of CHECKED_SUMMARY_KEYS satisfies readonly SummaryKey[]) {
    const found = summary.get(key);
    if (found?.value !== expected[key]) out.push({ key, row: found ? found.row : null, expected: expected[key], found: found?.value ?? '' });
  }
  return out;
}

/** Reads an .xlsx file's bytes and verifies it; a file that cannot be read at all is a 'file' problem. */
export function verifyAuditExportFile(bytes: Uint8Array, fileName: string): AuditExportCheck {
  const wb = readWorkbook(bytes, fileName);
  return wb.ok ? verifyAuditExport(wb.value.sheets) : fail({ kind: 'file', problem: wb.error });
}
