// Invoice fields from the OCR text of single ruled cells (table-cells.ts). A cell's place in the frame says
// what it holds even when OCR garbles its red labels: the first cell of party labels is the buyer's, the next
// the seller's, and their first line is 名称; an items column headed 金额 or 税额 ends with its 合计.
import { ExtractionBuilder, mergeExtractions, type CaptureSource, type ExtractedInvoice, type FieldOrigin } from '../extracted';
import type { Fen } from '../../domain/money';
import { fixLegalForm, isMostlyCjk, moneyValue, ocrTaxIdValue, textValue } from './field-values';
import { extractFromText } from './plain-text';

/** What a region pass read: the header above the frame and each cell, in reading order. */
export interface CellTexts {
  readonly header: string | null;
  readonly cells: readonly string[];
}

/** Confidence of values read from a cell by its position rather than its label. */
export const CELL_CONFIDENCE = 0.4;

const lines = (text: string): string[] => text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');

/** A party block: 名称 / 纳税人识别号 / 地址、电话 / 开户行及账号, of which OCR keeps at least two recognisable. */
export function isPartyCell(text: string): boolean {
  const marks = [/名\s*\S?\s*[:：]|名\s*称/, /识\s*别\s*号|纳\s*税\s*人/, /地\s*址|电\s*话/, /开\s*户\s*行|[账帐]\s*号/];
  return marks.filter((m) => m.test(text)).length >= 2;
}

/** The name on a party cell's first line (or on a single line read alone): after its colon, mostly CJK, at least two characters. */
export function firstLineName(text: string): string | undefined {
  const first = lines(text)[0];
  const m = first === undefined ? null : /[:：]\s*(.+)$/.exec(first);
  // OCR puts stray marks between the colon and the name ("名称: -杭州…", "名称: :杭州…").
  const name = textValue(m?.[1]?.replace(/\s+/g, '').replace(/^[-—–_.,，。:：;；、'"“”‘’]+/, ''));
  return name !== undefined && isMostlyCjk(name, 0.8) ? fixLegalForm(name) : undefined;
}

/** The tax id on a party cell's second line (纳税人识别号), after its colon. */
export function secondLineTaxId(text: string): string | undefined {
  const second = lines(text)[1];
  const m = second === undefined ? null : /[:：;；]\s*[—–\-_.]*\s*([0-9A-Za-z\s]{15,24})$/.exec(second);
  return ocrTaxIdValue(m?.[1]?.replace(/\s+/g, ''));
}

/** The last money figure of an items column headed by `label` (its 合计), or undefined. */
function columnTotal(text: string, label: RegExp): Fen | undefined {
  const ls = lines(text);
  if (!ls[0] || !label.test(ls[0])) return undefined;
  const figures = ls.slice(1).flatMap((l) => [...l.replace(/\s+/g, '').matchAll(/-?\d[\d,]*\.\d{2}(?!\d)/g)].map((m) => m[0]));
  return moneyValue(figures.at(-1)?.replace(/,/g, ''));
}

/**
 * 价税合计（小写）: the ¥ figure that ends the cell holding 价税合计, or ends a one-line cell (the row's value
 * cell when the label sits in a cell of its own); the largest such figure wins.
 */
function totalCell(cells: readonly string[]): Fen | undefined {
  const found: Fen[] = [];
  for (const cell of cells) {
    const ls = lines(cell);
    if (ls.length !== 1 && !/价\s*税\s*合\s*计/.test(cell)) continue;
    const m = /[¥￥]\s*(-?\d[\d,]*\.\s?\d\s?\d)\s*$/.exec(ls.at(-1) ?? '');
    const v = moneyValue(m?.[1]?.replace(/[,\s]/g, ''));
    if (v !== undefined) found.push(v);
  }
  return found.length === 0 ? undefined : found.reduce((x, y) => (y > x ? y : x));
}

/** Fields from cell texts: label rules on each cell, then what the cells' positions tell. */
export function extractFromCells(texts: CellTexts, source: CaptureSource = 'ocr'): ExtractedInvoice {
  const b = new ExtractionBuilder({ source, confidence: CELL_CONFIDENCE });
  const parties = texts.cells.filter(isPartyCell);
  const [buyer, seller] = parties;
  if (buyer !== undefined) b.set('buyerName', firstLineName(buyer)).set('buyerTaxId', secondLineTaxId(buyer));
  if (seller !== undefined) b.set('sellerName', firstLineName(seller)).set('sellerTaxId', secondLineTaxId(seller));
  for (const cell of texts.cells) {
    // Headers come out as "金 额", "金 ”人额", "税 人额": the first glyph and an 额 soon after it.
    b.set('amount', columnTotal(cell, /^\W?\s*金.{0,4}额/));
    b.set('tax', columnTotal(cell, /^\W?\s*税(?![^额]*率).{0,4}额/));
  }
  b.set('total', totalCell(texts.cells));
  // Label rules cell by cell: a cell holds one party, so its labels cannot be mixed up with the other's.
  const byLabel = [texts.header, ...texts.cells].filter((t): t is string => t !== null).map((t) => extractFromText(t, source));
  const partyFields = new Set(['buyerName', 'buyerTaxId', 'sellerName', 'sellerTaxId']);
  const cellLabels = byLabel.map((e, i) => {
    const cell = i === 0 && texts.header !== null ? null : texts.cells[texts.header === null ? i : i - 1];
    const role = cell === undefined || cell === null ? null : cell === buyer ? 'buyer' : cell === seller ? 'seller' : null;
    return partyOnly(e, role, partyFields);
  });
  return mergeExtractions(b.build(), ...cellLabels);
}

/** Party fields of a single cell's extraction are re-assigned to the cell's role (or dropped without one). */
function partyOnly(e: ExtractedInvoice, role: 'buyer' | 'seller' | null, partyFields: ReadonlySet<string>): ExtractedInvoice {
  const fields: Record<string, unknown> = {};
  const sources: Record<string, FieldOrigin | undefined> = {};
  for (const [k, v] of Object.entries(e.fields)) {
    const origin = e.sources[k as keyof typeof e.sources];
    if (!partyFields.has(k)) { fields[k] = v; sources[k] = origin; continue; }
    if (role === null) continue;
    const target = `${role}${k.replace(/^(buyer|seller)/, '')}`;
    if (!(target in fields)) { fields[target] = v; sources[target] = origin; }
  }
  return { ...e, fields, sources };
}
