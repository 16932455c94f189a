/*
 * Writing the audit trail export (issue #13): a workbook an auditor can check later without the app, with
 * `npm run audit-trail -- verify FILE` (audit-export-verify.ts). The layout is in audit-export-format.ts and
 * docs/audit.md. Entries are written as given, even when their chain is broken: an auditor must be able to
 * export a damaged trail and see the verifier name the break.
 */
import type { Locale } from '../i18n/translate';
import { splitForCells, writeWorkbook, type SheetOut } from '../reconcile/sheet';
import { GENESIS_HASH, type AuditEntry } from './audit-chain';
import {
  AUDIT_EXPORT_FORMAT, AUDIT_EXPORT_VERSION, chainHeader, chainSheetName, JSON_FIELDS, MAX_CHAIN_ROWS_PER_SHEET,
  SUMMARY_HEADER, SUMMARY_SHEET, TEXT_FIELDS, textFieldCell, VIEW_SHEET, type JsonField, type SummaryKey,
} from './audit-export-format';
import { canonicalJson } from './canonical-json';

/** Who made the export, when (ISO time) and on which device; shown on the summary sheet, not covered by any hash. */
export interface AuditExportMeta {
  readonly exportedBy: string;
  readonly exportedAt: string;
  readonly device: string;
}

/** Extras of an export. */
export interface AuditExportOptions {
  /** A filtered view for reading (sheet 筛选结果, e.g. one user's entries); never verified. */
  readonly view?: { readonly description: string; readonly entries: readonly AuditEntry[] };
  /** The file name the summary's verify command names (default EXPORT.xlsx). */
  readonly fileName?: string;
  /** Entries per chain sheet (default MAX_CHAIN_ROWS_PER_SHEET; tests use a small number). */
  readonly rowsPerSheet?: number;
}

type Cell = string | number | null;

/** One entry's cells before the header is known: fixed columns, then the pieces of before and after. */
interface RowParts {
  readonly fixed: Cell[];
  readonly json: Readonly<Record<JsonField, readonly string[]>>;
}

function rowParts(e: AuditEntry): RowParts {
  const fixed: Cell[] = [e.seq];
  const encoded: string[] = [];
  for (const field of TEXT_FIELDS) {
    const cell = textFieldCell(field, e[field]);
    fixed.push(cell.text === '' ? null : cell.text);
    if (cell.encoded) encoded.push(field);
  }
  fixed.push(encoded.length === 0 ? null : encoded.join(','));
  const pieces = (v: unknown): readonly string[] => (v === undefined ? [] : splitForCells(canonicalJson(v)));
  return { fixed, json: { before: pieces(e.before), after: pieces(e.after) } };
}

const CHAIN_WIDTHS = [8, 24, 12, 20, 12, 10, 24, 20, 20, 10];
const JSON_WIDTH = 48;

/** One chain sheet: the fixed columns, then as many before/after columns as its longest values need. */
function chainSheet(name: string, entries: readonly AuditEntry[]): SheetOut {
  const parts = entries.map(rowParts);
  const width = (f: JsonField) => parts.reduce((n, p) => Math.max(n, p.json[f].length), 1);
  const widths: Record<JsonField, number> = { before: width('before'), after: width('after') };
  const header: string[] = [chainHeader('seq'), ...TEXT_FIELDS.map((f) => chainHeader(f)), chainHeader('encoded')];
  for (const f of JSON_FIELDS) for (let i = 1; i <= widths[f]; i++) header.push(chainHeader(f, i));
  const rows = parts.map((p) => {
    const row = [...p.fixed];
    for (const f of JSON_FIELDS) for (let i = 0; i < widths[f]; i++) row.push(p.json[f][i] ?? null);
    return row;
  });
  return { name, header, rows, widths: [...CHAIN_WIDTHS, ...header.slice(CHAIN_WIDTHS.length).map(() => JSON_WIDTH)] };
}

/** The verify command as an auditor types it (the file name quoted when a shell would split it). */
export function verifyCommand(fileName: string): string {
  const name = /^[\p{L}\p{N}._\-()（）]+$/u.test(fileName) ? fileName : `"${fileName.replace(/(["\\$`])/g, '\\$1')}"`;
  return `npm run audit-trail -- verify ${name}`;
}

const SUMMARY_LABELS: Readonly<Record<SummaryKey, string>> = {
  format: '格式 Format', version: '版本 Version', headHash: '链头哈希（最后一条的哈希） Head hash (hash of the last entry)',
  count: '条目数 Entries', firstSeq: '首条序号 First seq', lastSeq: '末条序号 Last seq',
  firstPrevHash: '首条的前一哈希 prevHash of the first entry', exportedBy: '导出人 Exported by', exportedAt: '导出时间 Exported at',
  device: '导出设备 Device', verifyCommand: '校验命令 Verify with', view: '筛选结果表 Filtered view', note: '说明 Note',
};

const NOTE = [
  `“${chainSheetName(0)}”表按序号列出全部条目，每行的哈希覆盖该行各列和前一行的哈希：改动、删除、插入或调换任何一行，校验命令都会指出第一处问题。请把链头哈希与软件或服务器上显示的核对。导出人、导出时间和“${VIEW_SHEET}”表不在哈希之内，仅供阅读。`,
  `Sheet ${chainSheetName(0)} lists every entry in seq order; each row's hash covers its columns and the previous row's hash, so changing, removing, inserting or swapping any row makes the verify command name the first bad one. Compare the head hash with the one the app or the server shows. Who exported, when, and sheet ${VIEW_SHEET} are not hashed and are for reading only.`,
].join('\n');

function summarySheet(entries: readonly AuditEntry[], meta: AuditExportMeta, options: AuditExportOptions): SheetOut {
  const first = entries[0];
  const last = entries[entries.length - 1];
  const values: [SummaryKey, Cell][] = [
    ['format', AUDIT_EXPORT_FORMAT], ['version', AUDIT_EXPORT_VERSION], ['headHash', last ? last.hash : GENESIS_HASH],
    ['count', entries.length], ['firstSeq', first ? first.seq : null], ['lastSeq', last ? last.seq : null],
    ['firstPrevHash', first ? first.prevHash : null], ['exportedBy', meta.exportedBy], ['exportedAt', meta.exportedAt],
    ['device', meta.device], ['verifyCommand', verifyCommand(options.fileName ?? 'EXPORT.xlsx')],
  ];
  if (options.view) values.push(['view', `${options.view.description}（${options.view.entries.length} 条 entries）`]);
  values.push(['note', NOTE]);
  return { name: SUMMARY_SHEET, header: [...SUMMARY_HEADER], rows: values.map(([key, v]) => [SUMMARY_LABELS[key], v, key]), widths: [36, 72, 14] };
}

function viewSheet(entries: readonly AuditEntry[]): SheetOut {
  const json = (v: unknown) => (v === undefined ? null : canonicalJson(v));
  return {
    name: VIEW_SHEET,
    header: ['序号 Seq', '时间 Time', '用户 User', '设备 Device', '操作 Action', '对象类型 Entity', '对象编号 Entity id', '变更前 Before', '变更后 After'],
    // Plain text for reading: a value longer than a cell is cut (the chain sheet holds it whole).
    rows: entries.map((e) => [e.seq, e.at, e.user, e.device ?? null, e.action, e.entity, e.entityId, json(e.before), json(e.after)]),
    widths: [8, 24, 12, 20, 12, 10, 24, JSON_WIDTH, JSON_WIDTH],
  };
}

/** The export's sheets: 摘要, 审计日志 (continued on 审计日志 2, … past rowsPerSheet entries), then 筛选结果 when a view is given. */
export function auditExportSheets(entries: readonly AuditEntry[], meta: AuditExportMeta, options: AuditExportOptions = {}): SheetOut[] {
  const perSheet = Math.max(1, options.rowsPerSheet ?? MAX_CHAIN_ROWS_PER_SHEET);
  const sheets = [summarySheet(entries, meta, options)];
  for (let i = 0; i === 0 || i * perSheet < entries.length; i++) sheets.push(chainSheet(chainSheetName(i), entries.slice(i * perSheet, (i + 1) * perSheet)));
  if (options.view) sheets.push(viewSheet(options.view.entries));
  return sheets;
}

/** The export as .xlsx bytes (every text cell formula-guarded by writeWorkbook). */
export function auditExportBytes(entries: readonly AuditEntry[], meta: AuditExportMeta, options: AuditExportOptions = {}): Uint8Array {
  return writeWorkbook(auditExportSheets(entries, meta, options));
}

/** A file name for the export: 审计日志-2026-05-01-序号1至1234.xlsx (audit-trail-2026-05-01-seq1-1234.xlsx in English). */
export function auditExportFileName(today: string, entries: readonly Pick<AuditEntry, 'seq'>[], locale: Locale): string {
  const first = entries[0];
  const last = entries[entries.length - 1];
  const base = locale === 'en' ? `audit-trail-${today}` : `审计日志-${today}`;
  if (!first || !last) return `${base}.xlsx`;
  return locale === 'en' ? `${base}-seq${first.seq}-${last.seq}.xlsx` : `${base}-序号${first.seq}至${last.seq}.xlsx`;
}
