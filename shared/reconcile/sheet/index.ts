// The spreadsheet readers and writers (issue #11): files in → plain cells → platform, bank or ledger rows;
// sheets out → .xlsx bytes. Other layers import from here only.
export {
  MAX_SHEET_BYTES,
  type Cell, type LedgerSheetRow, type LineSheetRead, type MappingOverride, type PlatformRead, type ReadResult, type RowProblem, type SheetData, type SheetOut,
  type SheetProblem, type SheetProblemCode, type SkippedRow, type Workbook,
} from './types';
export { readWorkbook, checkSheetSize } from './read-workbook';
export { detectSheetKind } from './detect-kind';
export { headerLikeTexts } from './header-match';
export { readPlatformRows } from './platform-rows';
export { readBankRows } from './bank-rows';
export { readLedgerRows } from './ledger-rows';
export { PRESETS, PLATFORM_LINES_SHEET, normalizeHeader, type Preset, type PresetField } from './presets';
export { fitsInCell, splitForCells, writeWorkbook } from './write-workbook';
export { guardText, startsLikeFormula, unguardText } from './formula-guard';
export { ledgerExportSheet, LEDGER_EXPORT_HEADER } from './ledger-export';
export { problemMessage, skippedMessage } from './problem-message';
export { ROW_PROBLEM_CODES, type RowProblemCode } from './problems';
export { SHEET_MESSAGES } from './sheet-messages';
export { kindFromText } from './labels';
