/*
 * The audit trail export's layout (docs/audit.md describes it for auditors). Sheet 审计日志 holds one entry per row
 * with every field the hash covers, written so that the exact values come back: text fields as text, before/after
 * as canonical JSON text split over continuation columns (变更前 before#2, …) when longer than one Excel cell, and a
 * field that plain text cannot carry exactly (a device recorded as '', a string with a lone surrogate, a value that
 * is not a string) as canonical JSON, named in the row's `encoded` column. Every text cell passes through the
 * app's formula guard, which the reader undoes. Sheet 摘要 holds the head hash and the counts; more than
 * MAX_CHAIN_ROWS_PER_SHEET entries continue on 审计日志 2, 审计日志 3, ….
 */
import { canonicalJson } from './canonical-json';

/** The summary's `format` value: what tells an audit export from any other workbook. */
export const AUDIT_EXPORT_FORMAT = 'fapiao-desk-audit-export';
/** Layout version written by this code; a reader refuses newer ones. */
export const AUDIT_EXPORT_VERSION = 1;

/** Sheet names (fixed in every language: the verifier finds the sheets by them). */
export const CHAIN_SHEET = '审计日志';
export const SUMMARY_SHEET = '摘要';
export const VIEW_SHEET = '筛选结果';

/** Entries per chain sheet (Excel holds 1,048,576 rows; a round number is easier to check by eye). */
export const MAX_CHAIN_ROWS_PER_SHEET = 1_000_000;

/** Fields written as text (or as JSON when listed in `encoded`). */
export const TEXT_FIELDS = ['at', 'user', 'device', 'action', 'entity', 'entityId', 'prevHash', 'hash'] as const;
export type TextField = (typeof TEXT_FIELDS)[number];
/** Fields written as canonical JSON text, possibly over several cells. */
export const JSON_FIELDS = ['before', 'after'] as const;
export type JsonField = (typeof JSON_FIELDS)[number];

/** Column keys of the chain sheet in the order written; before/after may be followed by before#2, … */
export const CHAIN_COLUMNS = ['seq', ...TEXT_FIELDS, 'encoded', ...JSON_FIELDS] as const;
export type ChainColumn = (typeof CHAIN_COLUMNS)[number];

const COLUMN_LABELS: Readonly<Record<ChainColumn, string>> = {
  seq: '序号', at: '时间', user: '用户', device: '设备', action: '操作', entity: '对象类型', entityId: '对象编号',
  prevHash: '前一哈希', hash: '哈希', encoded: '按JSON写的列', before: '变更前', after: '变更后',
};

/** A chain sheet header cell: the Chinese label, a space, the key (`before#2` for a continuation column). */
export function chainHeader(key: ChainColumn, part = 1): string {
  return `${COLUMN_LABELS[key]} ${key}${part > 1 ? `#${part}` : ''}`;
}

/** Reads a chain header cell back into its key and part; null for a column this layout does not define. */
export function parseChainHeader(cell: string): { readonly key: ChainColumn; readonly part: number } | null {
  const m = /(?:^|\s)([A-Za-z]+)(?:#(\d+))?$/.exec(cell.trim());
  const key = m?.[1];
  if (key === undefined || !(CHAIN_COLUMNS as readonly string[]).includes(key)) return null;
  const part = m?.[2] === undefined ? 1 : Number(m[2]);
  if (part < 1 || (part > 1 && !(JSON_FIELDS as readonly string[]).includes(key))) return null;
  return { key: key as ChainColumn, part };
}

/** The name of the n-th chain sheet (0-based): 审计日志, 审计日志 2, 审计日志 3, … */
export function chainSheetName(index: number): string {
  return index === 0 ? CHAIN_SHEET : `${CHAIN_SHEET} ${index + 1}`;
}

/** The 0-based index of a chain sheet by its name; null for any other sheet. */
export function chainSheetIndex(name: string): number | null {
  if (name === CHAIN_SHEET) return 0;
  const m = new RegExp(`^${CHAIN_SHEET} (\\d+)$`).exec(name);
  const n = m?.[1] === undefined ? NaN : Number(m[1]);
  return Number.isInteger(n) && n >= 2 ? n - 1 : null;
}

/** Keys of the summary sheet's rows (column 键 Key), in the order written. */
export const SUMMARY_KEYS = [
  'format', 'version', 'headHash', 'count', 'firstSeq', 'lastSeq', 'firstPrevHash',
  'exportedBy', 'exportedAt', 'device', 'verifyCommand', 'view', 'note',
] as const;
export type SummaryKey = (typeof SUMMARY_KEYS)[number];
/** Summary values the verifier recomputes from the chain sheet. */
export const CHECKED_SUMMARY_KEYS = ['count', 'firstSeq', 'lastSeq', 'firstPrevHash', 'headHash'] as const;
export type CheckedSummaryKey = (typeof CHECKED_SUMMARY_KEYS)[number];

/** The summary sheet's header row. */
export const SUMMARY_HEADER = ['项目 Item', '值 Value', '键 Key'] as const;

/** A lone (unpaired) UTF-16 surrogate: no spreadsheet file can hold one, so such text goes as JSON escapes. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** How a text field is written: the text itself, an empty cell for an absent device, or JSON (listed in `encoded`). */
export function textFieldCell(field: TextField, value: unknown): { readonly text: string; readonly encoded: boolean } {
  if (field === 'device' && value === undefined) return { text: '', encoded: false };
  if (typeof value === 'string' && !LONE_SURROGATE.test(value) && !(field === 'device' && value === '')) return { text: value, encoded: false };
  // An encoded field with an empty cell is absent (undefined), which canonicalJson would otherwise write as null.
  return { text: value === undefined ? '' : canonicalJson(value), encoded: true };
}
