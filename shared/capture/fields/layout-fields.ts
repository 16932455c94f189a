// Label → value rules for invoice faces (old e-invoice PDFs, 数电 PDFs, OFD page text, OCR text); the faces: docs/invoice-rules.md#electronic-invoice-files.
// Every value must parse as its field's type, so a misread is left out rather than passed on.
import { normalizeDigits } from '../../domain/normalize';
import { ExtractionBuilder, type CaptureSource, type ExtractedInvoice } from '../extracted';
import { checkCodeValue, codeValue, dateValue, fixLegalForm, isMostlyCjk, moneyValue, numberValue, ocrTaxIdValue, rateValue, taxIdValue, textValue } from './field-values';
import { kindFromTitle } from './kind-title';
import { findLabels, readLabel } from './layout-find';
import { readParties } from './layout-parties';
import type { TextLine } from '../text/text-items';

/** How to read: the source and confidence to record, and whether to repair OCR look-alikes in digit fields. */
export interface LayoutOptions {
  readonly source: CaptureSource;
  readonly confidence: number;
  readonly isOcr: boolean;
}

/** OCR look-alikes of digits (O/o/D → 0, l/I/| → 1), repaired only inside digit-only fields. */
function fixDigits(text: string): string {
  return text.replace(/[OoD]/g, '0').replace(/[lI|]/g, '1');
}

/** Field readers over candidate texts; each returns undefined unless the text parses. */
function readers(isOcr: boolean) {
  const digits = (t: string) => (isOcr ? fixDigits(t) : t);
  const leadingDigits = (t: string) => /^\d[\d\s]*/.exec(digits(t).replace(/^[\s:：]+/, ''))?.[0];
  return {
    code: (t: string) => codeValue(leadingDigits(t)),
    number: (t: string) => numberValue(leadingDigits(t)),
    checkCode: (t: string) => checkCodeValue(leadingDigits(t)),
    date: (t: string) => {
      const m = /^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|^\d{4}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,2}|^\d{8}/.exec(digits(t));
      return dateValue(m?.[0]);
    },
    money: (t: string) => {
      const m = /^[¥]?\s*(-?\d[\d,\s]*\.\s*\d\s*\d?)/.exec(digits(t));
      return moneyValue(m?.[1]?.replace(/\s+/g, ''));
    },
    taxId: (t: string) => {
      const run = /^[0-9A-Za-z]+/.exec(normalizeDigits(t))?.[0];
      return isOcr ? ocrTaxIdValue(run) : taxIdValue(run);
    },
  };
}

const MONEY_TOKEN = /[¥]?\s*-?\d[\d,]*\.\d{2}(?!\d)|\*{3}/g;

/** 合计 line: the first two money figures to the right of the label are 金额 and 税额. */
function readTotalsRow(lines: readonly TextLine[], b: ExtractionBuilder, isOcr: boolean): void {
  for (const hit of findLabels(lines, /(?<!价\s*税\s*)合\s*计(?!\s*[(（]?\s*[大小])/g)) {
    const h = hit.line.height;
    // Plain-text lines are exact; on a face, figures may sit a little off the label's baseline.
    const reach = isOcr ? 0.5 * h : 1.2 * h;
    const segments = lines
      .filter((l) => l.page === hit.line.page && Math.abs(l.y - hit.line.y) <= reach)
      .flatMap((l) => l.segments)
      .filter((s) => s.x0 >= hit.x1 - 0.5 * h)
      .sort((a, b) => a.x0 - b.x0);
    const texts = segments.map((s) => (isOcr ? fixDigits(s.text) : s.text));
    const tokens = texts.flatMap((t) => [...t.matchAll(MONEY_TOKEN)].map((m) => m[0].replace(/\s+/g, '')));
    const [amount, tax] = tokens;
    if (amount === undefined) continue;
    b.set('amount', moneyValue(amount));
    if (tax !== undefined) b.set('tax', moneyValue(tax, true));
    return;
  }
}

/** Header rate: the rates printed under the 税率 column (any column in OCR text), when they are all the same. */
function readRate(lines: readonly TextLine[], isOcr: boolean): string | undefined {
  for (const hit of findLabels(lines, /税\s*率/g)) {
    const h = hit.line.height;
    const rates = new Set<string>();
    for (const line of lines) {
      if (line.page !== hit.line.page || line.y <= hit.line.y + 0.5 * h) continue;
      if (/(?<!价\s*税\s*)合\s*计/.test(line.text)) break;
      for (const s of line.segments) {
        if (!isOcr && (s.x1 < hit.x0 - 2 * h || s.x0 > hit.x1 + 2 * h)) continue;
        const m = (isOcr ? /(?<![\d.])(\d{1,2}(?:\.\d+)?\s*%|免\s*税|不\s*征\s*税)/ : /^(\d{1,2}(?:\.\d+)?\s*%|免\s*税|不\s*征\s*税)$/).exec(s.text);
        const rate = m ? rateValue(m[0]) : undefined;
        if (rate !== undefined) rates.add(rate);
      }
    }
    const [only] = rates;
    if (rates.size === 1 && only !== undefined) return only;
  }
  return undefined;
}

/** Reads invoice fields from lines of text laid out as on the invoice face. */
export function extractFromLines(lines: readonly TextLine[], options: LayoutOptions): ExtractedInvoice {
  const r = readers(options.isOcr);
  const b = new ExtractionBuilder({ source: options.source, confidence: options.confidence });
  for (const line of lines) {
    const kind = kindFromTitle(line.text);
    if (kind !== undefined) {
      b.set('kind', kind);
      break;
    }
  }
  b.set('code', readLabel(lines, /发\s*票\s*代\s*码/g, r.code));
  // OCR often misreads one character of 发票号码 (之票号码, 友票号码, 发村号码, 发票号但, 发票导码); 票号码 alone, 发 and
  // one character before 号码, 发票号 and one character, or 发票 + one character other than 代 + 码 are specific
  // enough (发动机号码 has two wrong, 发票代码 is excluded), and the value must be 8 or 20 digits (a code has 10 or 12).
  b.set('number', readLabel(lines, /(?:发\s*)?票\s*号\s*码|发\s*[^\s\d:：]\s*号\s*码|发\s*票\s*号\s*[^\s\d:：;；]|发\s*票\s*[^\s\d:：;；代]\s*码/g, r.number));
  b.set('issueDate', readLabel(lines, /开\s*票\s*日\s*期/g, r.date));
  b.set('checkCode', readLabel(lines, /校\s*验\s*码/g, r.checkCode));
  // A name OCR turned into Latin noise counts as unread, so the cell pass reads it again without Latin letters.
  const names = readParties(lines, /(?<!项\s*目\s*)名\s*称/g, (t) => {
    const name = nameValue(t);
    if (name === undefined || !options.isOcr) return name;
    return isMostlyCjk(name, 0.5) ? fixLegalForm(name) : undefined;
  });
  b.set('buyerName', names.buyer).set('sellerName', names.seller);
  const ids = readParties(lines, /(?:统\s*一\s*社\s*会\s*信\s*用\s*代\s*码\s*\/\s*)?纳\s*税\s*人\s*识\s*别\s*号/g, r.taxId);
  b.set('buyerTaxId', ids.buyer).set('sellerTaxId', ids.seller);
  readTotalsRow(lines, b, options.isOcr);
  b.set('total', readLabel(lines, /[(（]\s*小\s*写\s*[)）]/g, r.money));
  b.set('taxRate', readRate(lines, options.isOcr));
  return b.build();
}

/** Words that start another label, so text beginning with one is not a name. */
const NOT_A_NAME = /^(统一社会信用代码|纳税人识别号|地\s*址|开户行|电\s*话|密码区|项目名称|购买方|销售方|备\s*注|收款人|复\s*核|开票人|价税合计|合\s*计|机器编号|校验码|发票|[\d\s¥.,:：/*<>+-]+$)/;

/** A party name: plain text that is not another label, cut before any label that follows it. */
function nameValue(text: string): string | undefined {
  // Cut before the next label, including the other party's 名称 when OCR put both blocks on one line.
  const cut = (text.split(/(?:统一社会信用代码|纳税人识别号|地址、?电话|开户行及账号|名\s*称)\s*[:：]?/)[0] ?? '').replace(/^[-—–_.,，。;；、]+/, '');
  const t = textValue(cut.replace(/[:：]\s*$/, ''));
  return t === undefined || t.length < 2 || NOT_A_NAME.test(t) || isTableHeader(t) ? undefined : t;
}

/** The line-item table's header read as one run ("规格型号单位数量单价金额税率…"): OCR of a misaligned 名称 label. */
function isTableHeader(t: string): boolean {
  return ['规格', '单位', '数量', '单价', '金额', '税率', '税额'].filter((w) => t.includes(w)).length >= 2;
}
