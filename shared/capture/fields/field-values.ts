// Turns raw text from a file into field values, or undefined when the text does not read cleanly.
// Parsers call these so that a half-read value is left out rather than passed on as a guess.
import { parseIssueDate } from '../../domain/date';
import { fen, parseMoney, type Fen } from '../../domain/money';
import { normalizeDigits, normalizeMultilineText, normalizeText } from '../../domain/normalize';
import { parseTaxRate } from '../../domain/tax-rate';
import { idCardCheckChar, usccCheckChar } from '../../domain/tax-id';
import type { ExtractedLine } from '../extracted';

/** Trimmed, normalised text; undefined when blank. */
export function textValue(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const t = normalizeText(raw);
  return t === '' ? undefined : t;
}

/** Multi-line text (备注) with line breaks kept; undefined when blank. */
export function remarksValue(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const t = normalizeMultilineText(raw);
  return t === '' ? undefined : t;
}

/** Money in yuan ("¥1,234.50", "510.68") as fen; "***" (exempt tax) only when `allowStars`. */
export function moneyValue(raw: string | undefined, allowStars = false): Fen | undefined {
  if (raw === undefined) return undefined;
  const t = normalizeText(raw);
  if (allowStars && /^\*+$/.test(t)) return fen(0);
  const parsed = parseMoney(t);
  return parsed.ok ? parsed.value : undefined;
}

/** A date in any invoice form ("2020年07月23日", "20200723", "2023-02-23 10:08:05") as YYYY-MM-DD. */
export function dateValue(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  // Keep the space before a time ("2023-02-23 10:08:05"); drop the ones OCR puts inside dates ("2020 年 07 月").
  const parsed = parseIssueDate(raw);
  if (parsed.ok) return parsed.value;
  const compact = parseIssueDate(raw.replace(/\s+/g, ''));
  return compact.ok ? compact.value : undefined;
}

/** A tax rate ("6%", "13.00%", "0.060000", "***", "免税") normalised ("0.06", "exempt"). */
export function rateValue(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const parsed = parseTaxRate(raw);
  return parsed.ok ? parsed.value : undefined;
}

/** Digits only (code, number, check code — the check code is printed in groups of five). */
export function digitsValue(raw: string | undefined, lengths: readonly number[]): string | undefined {
  if (raw === undefined) return undefined;
  const t = normalizeDigits(raw);
  return /^\d+$/.test(t) && lengths.includes(t.length) ? t : undefined;
}

/** 发票代码: 10 or 12 digits. */
export const codeValue = (raw: string | undefined): string | undefined => digitsValue(raw, [10, 12]);
/** 发票号码: 8 digits (old) or 20 digits (数电). */
export const numberValue = (raw: string | undefined): string | undefined => digitsValue(raw, [8, 20]);
/** 校验码: 20 digits. */
export const checkCodeValue = (raw: string | undefined): string | undefined => digitsValue(raw, [20]);

/** 纳税人识别号 / 统一社会信用代码: 15–20 letters and digits (validation judges the check digit later). */
export function taxIdValue(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const t = normalizeDigits(raw);
  return /^[0-9A-Z]{15,20}$/.test(t) ? t : undefined;
}

/**
 * A tax id as OCR read it (letters upper-cased): an 18-character id is kept only when its check character is right
 * as a USCC (GB 32100) or as a 身份证号 (GB 11643) — a misread digit, or the first 18 digits of some other number,
 * are not handed to the clerk as a tax id, so the cell pass reads the cell again. A USCC never contains I, O, Z, S
 * or V, so in 18 characters those are digits; W read as VV (19 characters) is tried as W.
 */
export function ocrTaxIdValue(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const run = normalizeDigits(raw).toUpperCase();
  const candidates = run.length === 19 && run.includes('VV') ? [...run.matchAll(/VV/g)].map((m) => `${run.slice(0, m.index)}W${run.slice(m.index + 2)}`) : [run];
  for (const c of candidates) {
    if (c.length !== 18) return taxIdValue(c);
    const fixed = c.replace(/O/g, '0').replace(/I/g, '1').replace(/Z/g, '2').replace(/S/g, '5');
    const check = fixed.charAt(17);
    if (usccCheckChar(fixed) === check || idCardCheckChar(fixed) === check) return taxIdValue(fixed);
  }
  return undefined;
}

/**
 * A party name as OCR read it is believable when at least two and at least `share` of its characters are CJK
 * (brackets count): names on VAT invoices are registered Chinese names, and OCR of a small or faint CJK name
 * often comes out as Latin noise ("测试销方企业" → "WAT alk", "青岛正邦商贸有限公司" → "BAECS ARE").
 */
export function isMostlyCjk(name: string, share: number): boolean {
  const cjk = name.match(/[\u4e00-\u9fa5（）()]/gu)?.length ?? 0;
  return cjk >= 2 && cjk >= share * name.length;
}

/**
 * OCR's misreadings in the legal form ending a name: 有 in 有限公司 ("青岛正邦商贸存限公司", "…在限公司") — PRC company
 * law knows only 有限(责任)公司 and 股份有限公司, so one other character before 限公司 (or 限责任公司), or in place of
 * 责 in 有限责任公司 ("有限南任公司"), is put right —
 * and 部 in a sole trader's 经营部 read as one of its look-alikes ("…经营剖", "…经营刘", "…经营间").
 */
export function fixLegalForm(name: string): string {
  return name
    .replace(/[^\s有](限(?:责任)?公司)$/u, '有$1')
    .replace(/有限[^\s责]任公司$/u, '有限责任公司')
    .replace(/经营[剖刘间训陪倍邹郭都邮]$/u, '经营部');
}

/** Decimal text for quantities and unit prices ("510.679612"); blank stays blank. */
export function decimalText(raw: string | undefined): string {
  const t = normalizeText(raw ?? '').replace(/[\s,]/g, '');
  return /^-?\d*\.?\d+$/.test(t) ? t : '';
}

/** Raw text of one line item, as found in a file. */
export interface RawLine {
  readonly name?: string | undefined;
  readonly spec?: string | undefined;
  readonly unit?: string | undefined;
  readonly qty?: string | undefined;
  readonly unitPrice?: string | undefined;
  readonly amount?: string | undefined;
  readonly taxRate?: string | undefined;
  readonly tax?: string | undefined;
}

/** Reads one line item; null when its amount or tax cannot be read ("***" tax reads as exempt 0). */
export function lineValue(raw: RawLine): ExtractedLine | null {
  const amount = moneyValue(raw.amount);
  const tax = moneyValue(raw.tax, true);
  if (amount === undefined || tax === undefined) return null;
  const starred = /^\*+$/.test(normalizeText(raw.tax ?? ''));
  const rate = rateValue(raw.taxRate) ?? (starred ? 'exempt' : '');
  return {
    name: textValue(raw.name) ?? '', spec: textValue(raw.spec) ?? '', unit: textValue(raw.unit) ?? '',
    qty: decimalText(raw.qty), unitPrice: decimalText(raw.unitPrice), amount, taxRate: rate, tax,
  };
}

/** Reads all line items; undefined (not a partial list) when any line is unreadable or there are none. */
export function linesValue(raws: readonly RawLine[]): readonly ExtractedLine[] | undefined {
  const lines: ExtractedLine[] = [];
  for (const raw of raws) {
    const line = lineValue(raw);
    if (line === null) return undefined;
    lines.push(line);
  }
  return lines.length > 0 ? lines : undefined;
}

/** The header rate when every line carries the same readable rate (single-rate invoices). */
export function commonLineRate(lines: readonly ExtractedLine[] | undefined): string | undefined {
  const rates = new Set((lines ?? []).map((l) => l.taxRate));
  const [only] = rates;
  return rates.size === 1 && only !== undefined && only !== '' ? only : undefined;
}
