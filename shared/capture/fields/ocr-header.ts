// The header of an engine page: 发票代码, 发票号码 and 开票日期. Each is read after its label and, on paper
// invoices, also where it is printed a second time without a label (the code top-left, the number after №,
// the machine-printed copies top-right); a value seen twice is confirmed, a lone reading stays doubtful.
import { describeInvoiceCode } from '../../domain/invoice-code';
import type { ExtractionBuilder } from '../extracted';
import { codeValue, dateValue, numberValue } from './field-values';
import { findLabel, tally, valuesNear, type Vote } from './ocr-find';
import type { OcrPage } from './ocr-page';

/** Confidence of a value read twice (or once and confirmed), of one labelled reading, and of a shape alone. */
export const CONFIRMED = 0.9;
export const LABELLED = 0.75;
export const SHAPE_ONLY = 0.55;
export const CONTESTED = 0.45;

const digitsIn = (t: string) => t.replace(/[Oo]/g, '0').replace(/[Il|]/g, '1');
const leading = (t: string, n: RegExp) => n.exec(digitsIn(t))?.[0];

/** The part of the page above the items table (or its top third without a table). */
function headerLines(page: OcrPage) {
  const limit = page.tableTop ?? page.height / 3;
  return page.lines.filter((l) => l.y1 <= limit + 0.5 * l.h);
}

/** An issue date is never in the future nor before the VAT invoice system (1994): anything else is a misreading. */
export function isBelievableIssueDate(date: string, today: string): boolean {
  return date >= '1994-01-01' && date <= today;
}

/** Sets a field from votes: confirmed by agreement, labelled, shape only, or contested. */
export function setVoted(
  b: ExtractionBuilder, field: 'code' | 'number' | 'issueDate' | 'buyerTaxId' | 'sellerTaxId' | 'buyerName' | 'sellerName', votes: readonly Vote<string>[], labelled: boolean, confirmedAlready = false,
): void {
  const t = tally(votes);
  if (!t) return;
  const confidence = t.contested ? CONTESTED : t.agreeing >= 2 || confirmedAlready ? CONFIRMED : labelled ? LABELLED : SHAPE_ONLY;
  b.set(field, t.value, confidence);
}

/** Reads 发票代码, 发票号码 and 开票日期. */
export function readHeader(page: OcrPage, b: ExtractionBuilder, today: string): void {
  const header = headerLines(page);
  const w = page.width;
  // 发票号码: after its label (OCR often garbles one of its characters) or after №/No.
  const numbers: Vote<string>[] = [];
  for (const at of findLabel(page.lines, /发票号码|票号码|发票号|[发友之]票[号导]?码|No\.?|№/)) {
    for (const v of valuesNear(page.lines, at, (t) => numberValue(leading(t, /^\d{8}(?!\d)|^\d{20}/)), w).slice(0, 1)) numbers.push({ ...v, weight: 2 });
  }
  for (const l of header) {
    const v = /^\d{8}$/.test(digitsIn(l.text)) ? digitsIn(l.text) : undefined;
    if (v !== undefined && l.x0 > w / 2) numbers.push({ value: v, line: l, weight: 1 });
  }
  setVoted(b, 'number', numbers, numbers.some((v) => v.weight === 2));

  const codes: Vote<string>[] = [];
  const knownCode = (t: string | undefined) => {
    const c = codeValue(t);
    return c !== undefined && describeInvoiceCode(c)?.regionName ? c : undefined;
  };
  for (const at of findLabel(page.lines, /发票代码|票代码/)) {
    for (const v of valuesNear(page.lines, at, (t) => knownCode(leading(t, /^\d{12}(?!\d)|^\d{10}(?!\d)/)), w).slice(0, 1)) codes.push({ ...v, weight: 2 });
  }
  for (const l of header) {
    const v = knownCode(/^\d{10}$|^\d{12}$/.test(digitsIn(l.text)) ? digitsIn(l.text) : undefined);
    if (v !== undefined) codes.push({ value: v, line: l, weight: 1 });
  }
  setVoted(b, 'code', codes, codes.some((v) => v.weight === 2));

  const dates: Vote<string>[] = [];
  const believable = (t: string) => {
    const m = /^\d{4}年\d{1,2}月\d{1,2}日|^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|^\d{8}(?!\d)/.exec(digitsIn(t));
    const d = dateValue(m?.[0]);
    return d !== undefined && isBelievableIssueDate(d, today) ? d : undefined;
  };
  for (const at of findLabel(page.lines, /开票日期|票日期|开票日/)) {
    for (const v of valuesNear(page.lines, at, believable, w).slice(0, 1)) dates.push({ ...v, weight: 2 });
  }
  for (const l of header) {
    const m = /\d{4}年\d{1,2}月\d{1,2}日/.exec(l.text);
    const v = m ? believable(m[0]) : undefined;
    if (v !== undefined) dates.push({ value: v, line: l, weight: 1 });
  }
  setVoted(b, 'issueDate', dates, dates.some((v) => v.weight === 2));
}
