/*
 * Label-free reading of OCR text. Invoice labels are printed in red or in small type and OCR often garbles
 * them ("XR REHTTRELE" for 名称：…), while the values beside them come out fine. So, for fields the label rules
 * missed, this reads values by their own shape: a tax id only when its GB 32100 check character is right,
 * a company name by its legal-form ending next to such a tax id (buyer block above the seller block on every
 * VAT layout), amounts only when printed with ¥ (the largest is 价税合计), a grouped 20-digit check code,
 * dates with a four-digit year, the number after №, a code by its structure. Nothing is derived: a value that is not printed is not filled in.
 */
import { normalizeText } from '../../domain/normalize';
import { usccCheckChar } from '../../domain/tax-id';
import { ExtractionBuilder, type CaptureSource, type ExtractedInvoice } from '../extracted';
import { checkCodeValue, dateValue, moneyValue } from './field-values';

const COMPANY = /([\u4e00-\u9fa5（）()]{2,40}?(?:股份有限公司|有限责任公司|有限公司|公司|经营部|商行|商店|门市部|分公司|厂|店|中心|医院|学院|大学|事务所|合作社|酒店))/u;
const USCC = /[0-9A-HJ-NP-RTUW-Y]{2}\d{6}[0-9A-HJ-NP-RTUW-Y]{10}/g;

/** Confidence of values read by shape alone. */
export const LABEL_FREE_CONFIDENCE = 0.35;

interface Found<T> { readonly value: T; readonly line: number }

/** Valid USCCs in reading order (never 18 digits cut from a longer number). */
function taxIds(lines: readonly string[]): Found<string>[] {
  const out: Found<string>[] = [];
  lines.forEach((text, line) => {
    // A run of 19 or more digits is a 数电 number or a check code: 18 of its digits can pass the check by chance.
    for (const m of text.toUpperCase().replace(/\d{19,}/g, ' ').replace(/\s+/g, '').matchAll(USCC)) {
      if (usccCheckChar(m[0]) === m[0].charAt(17) && !out.some((f) => f.value === m[0])) out.push({ value: m[0], line });
    }
  });
  return out;
}

/**
 * The company name printed closest above (or on) a line, within three lines. `nth` counts the parties whose tax
 * ids share that line (buyer and seller side by side): the nth of them takes the nth name of the name line, and
 * none when that line holds fewer names (never the other party's).
 */
function companyNear(lines: readonly string[], line: number, nth = 0): string | undefined {
  for (let l = line; l >= Math.max(0, line - 3); l--) {
    const names = [...(lines[l] ?? '').replace(/\s+/g, '').matchAll(new RegExp(COMPANY.source, 'gu'))].map((m) => m[1] ?? '');
    if (names.length === 0) continue;
    // The lazy match starts at the first CJK character, which may be a label that survived OCR.
    return names[nth]?.replace(/^(?:(?:购买方|销售方|购方|销方)?(?:名称)?)[:：]?/, '');
  }
  return undefined;
}

/**
 * A 发票代码 by its structure (docs/invoice-rules.md#invoice-codes): 10 digits ending in a kind digit 2–9 and a version 0–4, or
 * 12 digits starting with 0 and ending in a kind code. 机器编号 and phone numbers do not fit.
 */
function isCodeShaped(t: string): boolean {
  return t.length === 10 ? /^[1-6]\d{7}[2-9][0-4]$/.test(t) : /^0[1-6]\d{8}(?:0[4-7]|1[1-3])$/.test(t);
}

/** Labels of other eight-digit-capable header values: the code (代码), 机动车 invoices' engine and frame numbers, … */
const OTHER_HEADER_LABEL = /代|动机|机器|编号|电话|账号|开户|车架|车辆|合格证/;

/**
 * The number printed in the header box (above the first party line) when OCR garbled its label beyond recognition:
 * - eight digits after a short label and a colon ("eh: 00000001", "发标号但: 00000002", "入村中: ooo00002"; o/O
 *   read as 0 when most of the eight are digits) — the code has 10 or 12 digits and the check code 20;
 * - on a page without any 发票代码 (数电 invoices have none, and no check code either), twenty digits shaped like a
 *   数电 number (docs/invoice-rules.md#invoice-numbers: the year's last two digits, 2x, then a region code) at the end of a line after a
 *   short label ("KSSH: 25114000000000000005", "“2 > 25114000000000000005").
 * Only when exactly one candidate of the kind is found (a 数电 one first).
 */
function headerNumber(lines: readonly string[], pageHasCode: boolean): string | undefined {
  const firstParty = lines.findIndex((l) => /名\s*称|纳税人|识别号/.test(l) || taxIds([l]).length > 0);
  const header = firstParty < 0 ? lines.slice(0, 8) : lines.slice(0, firstParty);
  const eight = new Set<string>();
  const twenty = new Set<string>();
  for (const l of header) {
    const old = /(?:^|\s)([^\s\d]{1,6})\s*[:：;；]\s*([\doO]{8})\s*$/.exec(l);
    if (old?.[2] && (old[2].match(/\d/g)?.length ?? 0) >= 4 && !OTHER_HEADER_LABEL.test(old[1] ?? '')) eight.add(old[2].replace(/[oO]/g, '0'));
    const digital = pageHasCode ? null : /^(.{0,8}?)[\s:：;；>]\s*(2\d(?:1[1-5]|2[1-3]|3[1-7]|4[1-6]|5[0-4]|6[1-5]|9\d)\d{16})\s*$/.exec(l);
    if (digital?.[2] && !OTHER_HEADER_LABEL.test(digital[1] ?? '') && !/\d{4}/.test(digital[1] ?? '')) twenty.add(digital[2]);
  }
  // A 数电 invoice has no eight-digit number: an eight-digit candidate beside a 数电 one is a garbled date.
  const [only] = twenty.size > 0 ? twenty : eight;
  return (twenty.size > 0 ? twenty.size : eight.size) === 1 ? only : undefined;
}

/** Fields read by their shape, for the gaps the label rules left in OCR text. */
export function extractByShape(text: string, source: CaptureSource = 'ocr'): ExtractedInvoice {
  const lines = text.split(/\r?\n/).map((l) => normalizeText(l)).filter((l) => l.trim() !== '');
  const b = new ExtractionBuilder({ source, confidence: LABEL_FREE_CONFIDENCE });

  const ids = taxIds(lines);
  const parties = ids.map((id, i) => ({ taxId: id.value, name: companyNear(lines, id.line, ids.slice(0, i).filter((o) => o.line === id.line).length), line: id.line }));
  const half = lines.length / 2;
  // Two parties: buyer first, seller second. One party: its position on the page decides.
  const buyer = parties.length >= 2 ? parties[0] : parties[0] && parties[0].line < half ? parties[0] : undefined;
  const seller = parties.length >= 2 ? parties[1] : parties[0] && parties[0].line >= half ? parties[0] : undefined;
  b.set('buyerTaxId', buyer?.taxId).set('buyerName', buyer?.name);
  b.set('sellerTaxId', seller?.taxId).set('sellerName', seller?.name);

  // OCR puts stray spaces inside numbers ("¥46 .62").
  const yuan = lines.flatMap((l) => [...l.matchAll(/[¥￥]\s*(-?\d[\d,\s]*\.\s?\d\s?\d)/g)].map((m) => moneyValue(m[1]?.replace(/[,\s]/g, ''))))
    .filter((v): v is NonNullable<typeof v> => v !== undefined);
  const distinct = [...new Set(yuan)].sort((x, y) => y - x);
  const [total, amount] = distinct;
  if (total !== undefined && amount !== undefined) b.set('total', total).set('amount', amount);
  if (total !== undefined && amount !== undefined && distinct.includes((total - amount) as typeof total)) b.set('tax', (total - amount) as typeof total);

  // Paper VAT invoices print the number after № (OCR: "No", "N0") and the code alone, without labels.
  for (const l of lines) {
    const m = /(?:№|N[oO0º°])\s*[.:：]?\s*(\d{8})(?!\d)/.exec(l);
    if (m?.[1]) { b.set('number', m[1]); break; }
  }
  const codes = new Set(lines.flatMap((l) => [...l.matchAll(/(?<![\d.])(\d{10}|\d{12})(?![\d.])/g)].map((m) => m[1] ?? '').filter(isCodeShaped)));
  b.set('number', headerNumber(lines, codes.size > 0 || lines.some((l) => /发\s*票\s*代\s*码/.test(l))));
  const [onlyCode] = codes;
  if (codes.size === 1) b.set('code', onlyCode);
  for (const l of lines) {
    const grouped = /(?:^|\D)(\d{5}\s\d{5}\s\d{5}\s\d{5})(?:\D|$)/.exec(l);
    if (grouped?.[1]) { b.set('checkCode', checkCodeValue(grouped[1].replace(/\s/g, ''))); break; }
  }
  for (const l of lines) {
    const d = /(20\d{2}|19\d{2})\s*[年\-./\s]\s*(\d{1,2})\s*[月\-./\s]\s*(\d{1,2})\s*日?/.exec(l);
    const value = d ? dateValue(`${d[1] ?? ''}-${(d[2] ?? '').padStart(2, '0')}-${(d[3] ?? '').padStart(2, '0')}`) : undefined;
    if (value) { b.set('issueDate', value); break; }
  }
  return b.build();
}
