// Reading the CLI's three inputs: size check, bytes, workbook, rows. A file that cannot be used at all stops the
// run with a message naming the file and what was expected; rows that cannot be read are reported and left out.
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { z } from 'zod';
import type { Result } from '../shared/domain/result';
import { checkSheetSize, readWorkbook, type ReadResult, type RowProblem, type SheetProblem, type Workbook } from '../shared/reconcile/sheet';
import { bilingual, roleName, sheetProblemText, type InputRole } from './reconcile-messages';

/** The file access the CLI needs (injected so tests run in-process). */
export interface ReconcileIo {
  fileSize(path: string): number;
  readFile(path: string): Uint8Array;
  writeFile(path: string, bytes: Uint8Array): void;
  out(line: string): void;
  err(line: string): void;
}

/** A read input: its rows, what was left out, and the file's name and SHA-256 for the report. */
export interface LoadedInput<T> {
  readonly name: string;
  readonly sha256: string;
  readonly read: ReadResult<T>;
}

const SHOWN_PROBLEMS = 5;

function errorCode(e: unknown): string {
  return typeof e === 'object' && e !== null && 'code' in e && typeof e.code === 'string' ? e.code : String(e);
}

/** Writes a failure about one input: which input it is, then the message, each in both languages. */
export function reportInputFailure(io: ReconcileIo, role: InputRole, message: [string, string]): void {
  const [zhRole, enRole] = roleName(role);
  io.err(`reconcile: ${zhRole}：${message[0]}`);
  io.err(`reconcile: ${enRole}: ${message[1]}`);
}

/** Lists rows left out (a few, then a count), in both languages. */
export function reportLeftOut(io: ReconcileIo, role: InputRole, problems: readonly { row: number; text: [string, string] }[]): void {
  if (problems.length === 0) return;
  const [zhRole, enRole] = roleName(role);
  const [zhHead] = bilingual('rowsLeftOut', { role: zhRole, count: problems.length });
  const [, enHead] = bilingual('rowsLeftOut', { role: enRole, count: problems.length });
  for (const [lang, head] of [[0, zhHead], [1, enHead]] as const) {
    io.err(`reconcile: ${head}`);
    for (const p of problems.slice(0, SHOWN_PROBLEMS)) io.err(`  ${p.text[lang]}`);
    if (problems.length > SHOWN_PROBLEMS) io.err(`  ${bilingual('moreRows', { count: problems.length - SHOWN_PROBLEMS })[lang]}`);
  }
}

const SUMMARY_LINE = z.object({ listRows: z.number() });
const FINDING_LINE = z.object({ type: z.string(), key: z.string() });

/** The finding keys of an earlier run's saved output; null (after writing why) when it is not one. */
export function loadPreviousKeys(io: ReconcileIo, path: string): string[] | null {
  let text: string;
  try {
    text = new TextDecoder().decode(io.readFile(path));
  } catch (e) {
    const code = errorCode(e);
    reportInputFailure(io, 'previous', code === 'ENOENT' ? bilingual('notFound', { file: path }) : bilingual('unreadable', { file: path, reason: code }));
    return null;
  }
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const keys: string[] = [];
  for (const [i, line] of lines.entries()) {
    let value: unknown = null;
    try {
      value = JSON.parse(line);
    } catch {
      // reported below
    }
    const parsed = (i === 0 ? SUMMARY_LINE : FINDING_LINE).safeParse(value);
    if (!parsed.success) {
      reportInputFailure(io, 'previous', bilingual('notPrevious', { file: basename(path), line: i + 1 }));
      return null;
    }
    if ('key' in parsed.data) keys.push(parsed.data.key);
  }
  return keys;
}

/** Reads one input with `reader`; null (after writing why) when the file cannot be used. */
export function loadInput<T>(io: ReconcileIo, role: InputRole, path: string, reader: (wb: Workbook) => Result<ReadResult<T>, SheetProblem>): LoadedInput<T> | null {
  const name = basename(path);
  let bytes: Uint8Array;
  try {
    const size = checkSheetSize(io.fileSize(path), name);
    if (!size.ok) {
      reportInputFailure(io, role, sheetProblemText(size.error));
      return null;
    }
    bytes = io.readFile(path);
  } catch (e) {
    const code = errorCode(e);
    reportInputFailure(io, role, code === 'ENOENT' ? bilingual('notFound', { file: path }) : bilingual('unreadable', { file: path, reason: code }));
    return null;
  }
  const wb = readWorkbook(bytes, name);
  const read = wb.ok ? reader(wb.value) : wb;
  if (!read.ok) {
    reportInputFailure(io, role, sheetProblemText(read.error));
    return null;
  }
  reportLeftOut(io, role, read.value.rowProblems.map((p: RowProblem) => ({ row: p.row, text: sheetProblemText(p) })));
  const repeated = read.value.skipped.filter((s) => s.reason === 'duplicate').length;
  if (repeated > 0) {
    const [zhRole, enRole] = roleName(role);
    io.err(`reconcile: ${bilingual('duplicates', { role: zhRole, count: repeated })[0]}`);
    io.err(`reconcile: ${bilingual('duplicates', { role: enRole, count: repeated })[1]}`);
  }
  return { name, sha256: createHash('sha256').update(bytes).digest('hex'), read: read.value };
}
