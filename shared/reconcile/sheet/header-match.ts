/*
 * Finding the header: every sheet's first rows are tried against a preset, and the row that finds all required
 * fields wins (preferred sheet name first, then the sheet without line-item columns, then the most fields found).
 * Preamble lines above it (bank title lines, the 勾选 export's 纳税人识别号 rows) are simply never the best row.
 * A header split over two rows (交易金额 merged over 收入 | 支出) matches through the joined text of both.
 */
import { err, ok, type Result } from '../../domain/result';
import { cellText } from './cell-values';
import { normalizeHeader, type Preset } from './presets';
import { sheetProblem } from './problems';
import type { Cell, MappingOverride, SheetData, SheetProblem, Workbook } from './types';

/** Rows searched for the header in each sheet. */
export const HEADER_SCAN_ROWS = 30;

/** Where a preset's header is and which column holds each field. */
export interface HeaderMatch {
  readonly sheet: SheetData;
  readonly sheetIndex: number;
  /** 0-based index of the header row (data starts below it). */
  readonly headerIndex: number;
  /** Field → column index. */
  readonly columns: ReadonlyMap<string, number>;
  /** Field → the header text as the file has it. */
  readonly headers: Readonly<Record<string, string>>;
  /** Fields found (the match's size). */
  readonly score: number;
  /** Signature headers of the preset present in the row. */
  readonly signature: number;
}

interface Candidate extends HeaderMatch {
  readonly missing: readonly string[];
  readonly texts: readonly string[];
  readonly avoided: number;
  readonly sheetRank: number;
}

/** The texts a header cell answers to: its own, and joined with the cell above (two-row headers). */
function headerKeys(rows: readonly (readonly Cell[])[], r: number): { raw: string[]; keys: Map<string, number[]>; rawJoined: Map<number, string> } {
  const row = rows[r] ?? [];
  const above = r > 0 ? rows[r - 1] : undefined;
  const raw: string[] = [];
  const keys = new Map<string, number[]>();
  const rawJoined = new Map<number, string>();
  const add = (key: string, c: number): void => {
    if (key === '') return;
    const list = keys.get(key);
    if (list) list.push(c);
    else keys.set(key, [c]);
  };
  for (let c = 0; c < row.length; c++) {
    const own = cellText(row[c]);
    raw.push(own);
    add(normalizeHeader(own), c);
    const up = above ? cellText(above[c]) : '';
    if (up !== '' && own !== '' && up !== own) {
      add(normalizeHeader(up + own), c);
      rawJoined.set(c, `${up}${own}`);
    }
  }
  return { raw, keys, rawJoined };
}

/** Matches one row against a preset (a mapping's header texts take precedence over synonyms). */
function matchRow(sheet: SheetData, sheetIndex: number, r: number, preset: Preset, mapping: MappingOverride | undefined): Candidate {
  const { raw, keys, rawJoined } = headerKeys(sheet.rows, r);
  const used = new Set<number>();
  const columns = new Map<string, number>();
  const headers: Record<string, string> = {};
  const take = (key: string): number | undefined => keys.get(normalizeHeader(key))?.find((c) => !used.has(c));
  for (const field of preset.fields) {
    const mapped = mapping?.columns[field.field];
    const tries = mapped === undefined ? field.synonyms : mapped === '' ? [] : [mapped];
    for (const synonym of tries) {
      const c = take(synonym);
      if (c === undefined) continue;
      used.add(c);
      columns.set(field.field, c);
      const own = raw[c] ?? '';
      headers[field.field] = normalizeHeader(own) === normalizeHeader(synonym) ? own : (rawJoined.get(c) ?? own);
      break;
    }
  }
  const label = (field: string): string => {
    const mapped = mapping?.columns[field];
    return mapped !== undefined && mapped !== '' ? mapped : (preset.fields.find((p) => p.field === field)?.synonyms[0] ?? field);
  };
  const missing = preset.fields.filter((p) => p.required && !columns.has(p.field)).map((p) => label(p.field));
  for (const group of preset.needs ?? []) {
    if (!group.some((g) => columns.has(g))) missing.push(group.map(label).join('/'));
  }
  const count = (list: readonly string[] | undefined): number => (list ?? []).filter((h) => keys.has(normalizeHeader(h))).length;
  const rank = preset.sheets?.indexOf(sheet.name) ?? -1;
  return {
    sheet, sheetIndex, headerIndex: r, columns, headers, score: columns.size, signature: count(preset.signature),
    missing, texts: raw.filter((t) => t !== ''), avoided: count(preset.avoid), sheetRank: rank === -1 ? Number.MAX_SAFE_INTEGER : rank,
  };
}

/** Orders valid candidates: preferred sheet, no line-item columns, most fields and signature, first sheet, first row. */
function better(a: Candidate, b: Candidate): boolean {
  if (a.sheetRank !== b.sheetRank) return a.sheetRank < b.sheetRank;
  if (a.avoided !== b.avoided) return a.avoided < b.avoided;
  const sa = a.score + a.signature;
  const sb = b.score + b.signature;
  if (sa !== sb) return sa > sb;
  if (a.sheetIndex !== b.sheetIndex) return a.sheetIndex < b.sheetIndex;
  return a.headerIndex < b.headerIndex;
}

/** Longest text a column title usually has; longer cells are titles of the whole file or notes. */
const HEADER_CELL_MAX = 20;

/** True for a cell that reads like a column title: short text with a letter in it, not a number, date or amount. */
function isHeaderLike(cell: Cell): boolean {
  if (typeof cell !== 'string') return false;
  const t = cellText(cell);
  return t !== '' && t.length <= HEADER_CELL_MAX && /[^\d\s.,:/\-+￥¥%()（）]/.test(t);
}

/**
 * The cells of the row most like a header within the first HEADER_SCAN_ROWS rows of the sheets (the most
 * header-like cells; the earliest such row on a tie): what a file offers as columns when no preset matched it.
 * A bank's title line above the header (中国工商银行企业网上银行 账户明细) has one such cell; the header has many.
 */
export function headerLikeTexts(sheets: readonly SheetData[]): string[] {
  let best: readonly Cell[] | null = null;
  let bestCount = 0;
  for (const s of sheets) {
    for (const row of s.rows.slice(0, HEADER_SCAN_ROWS)) {
      let count = 0;
      for (const cell of row) if (isHeaderLike(cell)) count++;
      if (count > bestCount) {
        best = row;
        bestCount = count;
      }
    }
  }
  return best ? best.map(cellText).filter((t) => t !== '') : [];
}

/** Finds a preset's header in a workbook, or says which headers were expected and which were found. */
export function findHeader(wb: Workbook, preset: Preset, mapping?: MappingOverride): Result<HeaderMatch, SheetProblem> {
  let sheets = wb.sheets;
  if (mapping?.sheet !== undefined && mapping.sheet !== '') {
    sheets = wb.sheets.filter((s) => s.name === mapping.sheet);
    if (sheets.length === 0) {
      return err(sheetProblem('noSheet', wb.fileName, { sheet: mapping.sheet, found: wb.sheets.map((s) => s.name).join('、') }));
    }
  }
  let best: Candidate | null = null;
  let partial: Candidate | null = null;
  for (const sheet of sheets) {
    const sheetIndex = wb.sheets.indexOf(sheet);
    const last = Math.min(sheet.rows.length, HEADER_SCAN_ROWS);
    for (let r = 0; r < last; r++) {
      if ((sheet.rows[r]?.length ?? 0) === 0) continue;
      const c = matchRow(sheet, sheetIndex, r, preset, mapping);
      if (c.score === 0) continue;
      if (c.missing.length === 0) {
        if (best === null || better(c, best)) best = c;
      } else if (partial === null || c.score > partial.score) {
        partial = c;
      }
    }
  }
  if (best !== null) return ok(best);
  const p: Candidate | null = partial;
  const expected: string[] = p ? [...p.missing] : preset.fields.filter((x) => x.required).map((x) => x.synonyms[0] ?? x.field);
  if (!p) for (const group of preset.needs ?? []) expected.push(group.map((g) => preset.fields.find((x) => x.field === g)?.synonyms[0] ?? g).join('/'));
  const found = p ? p.texts : headerLikeTexts(sheets);
  return err(sheetProblem('noColumns', wb.fileName, { expected: expected.join('、'), found: found.length > 0 ? found.join('、') : '—' }));
}
