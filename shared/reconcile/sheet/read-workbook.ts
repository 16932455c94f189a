/*
 * Any file the clerk drops in → plain sheets of cells, or a problem that names the file. The bytes decide the
 * format, never the extension (banks name HTML tables .xls, and CSVs get renamed): zip → .xlsx, compound file →
 * .xls or an encrypted workbook, known binary magic → not a spreadsheet, otherwise text in a detected encoding.
 */
import { err, ok, type Result } from '../../domain/result';
import { parseDelimited } from './csv-parse';
import { readOoxml } from './ooxml-read';
import { decodeSpreadsheetText } from './text-decode';
import { sheetProblem } from './problems';
import { MAX_SHEET_BYTES, type SheetData, type SheetProblem, type Workbook } from './types';
import { inspectCompoundFile, readWithSheetJs } from './xlsx-io';

/** Refuses a file by its size alone, so a caller can check before loading it (the limit is MAX_SHEET_BYTES). */
export function checkSheetSize(byteLength: number, fileName: string): Result<void, SheetProblem> {
  if (byteLength <= MAX_SHEET_BYTES) return ok(undefined);
  const mib = (n: number): number => Math.round((n / 1024 / 1024) * 10) / 10;
  return err(sheetProblem('tooLarge', fileName, { size: mib(byteLength), max: mib(MAX_SHEET_BYTES) }));
}

/** Magic numbers of files that are certainly not spreadsheets. */
const BINARY_MAGIC: readonly (readonly number[])[] = [
  [0x25, 0x50, 0x44, 0x46], // %PDF
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  [0x47, 0x49, 0x46, 0x38], // GIF
  [0x49, 0x49, 0x2a, 0x00], // TIFF
  [0x4d, 0x4d, 0x00, 0x2a], // TIFF
  [0x1f, 0x8b], // gzip
  [0x52, 0x61, 0x72, 0x21], // RAR
  [0x37, 0x7a, 0xbc, 0xaf], // 7z
  [0x52, 0x49, 0x46, 0x46], // RIFF (WebP, WAV, AVI)
];

const startsWith = (bytes: Uint8Array, magic: readonly number[]): boolean => magic.every((b, i) => bytes[i] === b);

/** True when no sheet has a single non-empty cell. */
function isBlank(sheets: readonly SheetData[]): boolean {
  return sheets.every((s) => s.rows.every((row) => row.every((c) => c === null || (typeof c === 'string' && c.trim() === ''))));
}

/** Reads the sheets of a zip package: the fast reader first, SheetJS for a spreadsheet it declines. */
function readZip(bytes: Uint8Array, file: string): Result<SheetData[], SheetProblem> {
  let fast: ReturnType<typeof readOoxml> | 'damaged';
  try {
    fast = readOoxml(bytes);
  } catch {
    fast = 'damaged';
  }
  if (fast === 'notWorkbook') return err(sheetProblem('notSpreadsheet', file));
  if (fast !== 'declined' && fast !== 'damaged') return ok(fast);
  const slow = readWithSheetJs(bytes);
  if (slow.ok) return ok(slow.sheets);
  // SheetJS says "Unsupported ZIP file" for a truncated package too: a zip we could not even open is damaged.
  return err(sheetProblem(fast === 'damaged' ? 'unreadable' : slow.failure, file));
}

/** Reads a compound file: refuses encrypted ones, reads .xls with SheetJS. */
function readCompound(bytes: Uint8Array, file: string): Result<SheetData[], SheetProblem> {
  const kind = inspectCompoundFile(bytes);
  if (kind === 'encrypted') return err(sheetProblem('passwordProtected', file));
  if (kind === 'other') return err(sheetProblem('notSpreadsheet', file));
  if (kind === 'broken') return err(sheetProblem('unreadable', file));
  const read = readWithSheetJs(bytes);
  return read.ok ? ok(read.sheets) : err(sheetProblem(read.failure, file));
}

/** Reads a text file: HTML/XML tables through SheetJS, everything else as CSV/TSV with every cell kept as text. */
function readText(bytes: Uint8Array, file: string): Result<SheetData[], SheetProblem> {
  const decoded = decodeSpreadsheetText(bytes);
  if (decoded === null) return err(sheetProblem('notSpreadsheet', file));
  const text = decoded.text;
  if (/^\s*</.test(text)) {
    if (!/<(table|workbook|html)\b/i.test(text.slice(0, 65_536))) return err(sheetProblem('notSpreadsheet', file));
    const read = readWithSheetJs(text);
    return read.ok ? ok(read.sheets) : err(sheetProblem(read.failure, file));
  }
  const name = file.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '') || 'Sheet1';
  return ok([{ name, rows: parseDelimited(text) }]);
}

/** Reads a spreadsheet file (.xlsx, .xls, .csv/.txt in UTF-8, UTF-16, GBK, or an HTML table) into cells. */
export function readWorkbook(bytes: Uint8Array, fileName: string): Result<Workbook, SheetProblem> {
  const size = checkSheetSize(bytes.length, fileName);
  if (!size.ok) return size;
  if (bytes.length === 0) return err(sheetProblem('empty', fileName));
  let sheets: Result<SheetData[], SheetProblem>;
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) sheets = readZip(bytes, fileName);
  else if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) sheets = readCompound(bytes, fileName);
  else if (BINARY_MAGIC.some((m) => startsWith(bytes, m))) sheets = err(sheetProblem('notSpreadsheet', fileName));
  else sheets = readText(bytes, fileName);
  if (!sheets.ok) return sheets;
  if (sheets.value.length === 0 || isBlank(sheets.value)) return err(sheetProblem('empty', fileName));
  return ok({ fileName, sheets: sheets.value });
}
