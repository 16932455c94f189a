// Buyer and seller on an engine page: each 名称 and 纳税人识别号 label belongs to the party whose block holds
// it (ocr-page.ts partyAt); its value is what follows it. Where a label was not read (red or faint print),
// a value is taken by its shape inside the party's block: a tax id whose check character is right, a name
// with a legal-form ending. Tax ids are judged by their check character (checks/tax-id-check.ts).
import { judgeTaxId, type TaxIdReading } from '../checks/tax-id-check';
import type { ExtractionBuilder } from '../extracted';
import { isMostlyCjk, textValue } from './field-values';
import { findLabel, valuesNear, type Vote } from './ocr-find';
import { CONFIRMED, CONTESTED, LABELLED, SHAPE_ONLY, setVoted } from './ocr-header';
import { partyAt, type OcrPage, type PageLine, type Party } from './ocr-page';

const LEGAL_FORM = /(股份有限公司|有限责任公司|有限公司|公司|分公司|经营部|商行|商店|门市部|厂|店|中心|医院|学院|大学|学校|事务所|合作社|酒店|加油站|研究所|研究院|委员会|局|银行|支行|个人|代开[一二三四五六七八九十百零〇]+)$/u;
const OTHER_LABEL = /(统一社会信用代码|纳税人识别号|识别号|地址|电话|开户行|账号|帐号|密码区|备注|收款人|复核|开票人|价税合计|合计|规格型号|项目名称)/;
/** Lines that are never a tax id's home: bank accounts, phone numbers, the 密码区 cipher. */
const NOT_TAX_ID_LINE = /开户行|银行|账号|帐号|电话|[<>*/+]{2}/;

/** A party name after its label: cut before the next label or block word, believable as a registered name. */
function nameValue(text: string): string | undefined {
  let t = text.split(OTHER_LABEL)[0] ?? '';
  // A block label glued after the name by the engine: "…(代开机关)备", "…有限公司密".
  t = t.replace(/(\((代开机关|代开)\))?[备注密码区]?$/u, '').replace(/^[-—_.,，。;；、:：]+/, '');
  const v = textValue(t);
  if (v === undefined || v.length < 2 || !isMostlyCjk(v, 0.6)) return undefined;
  if (/^(购买方|销售方|名称|称)$/.test(v) || /^[\d\s¥.,:：/*<>+-]+$/.test(v)) return undefined;
  return v;
}

/** A tax id after its label (the first run of 15–20 letters and digits). */
function taxIdAfter(text: string): TaxIdReading | undefined {
  const run = /^[0-9A-Za-z]{15,20}/.exec(text.replace(/[\s:：]/g, ''))?.[0];
  return run === undefined ? undefined : judgeTaxId(run.toUpperCase());
}

/** Every tax-id-shaped run with a right check character in a line (shape-only readings). */
function checkedIdsIn(line: PageLine): string[] {
  if (NOT_TAX_ID_LINE.test(line.text)) return [];
  return [...line.text.toUpperCase().matchAll(/[0-9A-Z]{18}/g)].flatMap((m) => {
    const r = judgeTaxId(m[0]);
    return r?.verdict === 'checked' ? [r.value] : [];
  });
}

const CONFIDENCE_OF: Readonly<Record<TaxIdReading['verdict'], number>> = {
  checked: CONFIRMED, unchecked: LABELLED, repaired: CONTESTED, wrongCheck: 0.3,
};

/** Reads both parties' names and tax ids. */
export function readParties(page: OcrPage, b: ExtractionBuilder): void {
  const w = page.width;
  const ids: Record<Party, { reading: TaxIdReading; line: PageLine }[]> = { buyer: [], seller: [] };
  for (const at of findLabel(page.lines, /(购买方|销售方|购方|销方)?(纳税人识别号|识别号|识制号|统一社会信用代码\/?纳税人识别号|统一社会信用代码)[:：]?/)) {
    const party = partyAt(page, at.line, at.label);
    const [first] = valuesNear(page.lines, at, taxIdAfter, w);
    if (party && first) ids[party].push({ reading: first.value, line: first.line });
  }
  for (const party of ['buyer', 'seller'] as const) {
    const field = party === 'buyer' ? 'buyerTaxId' : 'sellerTaxId';
    const labelled = ids[party].sort((a, c) => CONFIDENCE_OF[c.reading.verdict] - CONFIDENCE_OF[a.reading.verdict])[0];
    const shaped = page.lines.filter((l) => partyAt(page, l) === party).flatMap((l) => checkedIdsIn(l));
    if (labelled && labelled.reading.verdict !== 'wrongCheck') {
      b.set(field, labelled.reading.value, CONFIDENCE_OF[labelled.reading.verdict]);
    } else if (new Set(shaped).size === 1 && shaped[0] !== undefined) {
      b.set(field, shaped[0], labelled ? CONTESTED : CONFIRMED - 0.05);
    } else if (labelled) {
      b.set(field, labelled.reading.value, CONFIDENCE_OF.wrongCheck);
    }
  }

  const names: Record<Party, Vote<string>[]> = { buyer: [], seller: [] };
  for (const at of findLabel(page.lines, /(购买方|销售方|购方|销方)?(名称|^称)[:：]?/)) {
    if (/项目名称|服务名称|劳务名称/.test(at.line.text)) continue;
    const party = partyAt(page, at.line, at.label);
    const [first] = valuesNear(page.lines, at, nameValue, w);
    if (party && first) names[party].push({ ...first, weight: 2 });
  }
  for (const party of ['buyer', 'seller'] as const) {
    const field = party === 'buyer' ? 'buyerName' : 'sellerName';
    if (names[party].length > 0) {
      setVoted(b, field, names[party], true);
      continue;
    }
    // No label read: a single name-shaped line in the block, doubtful.
    const shaped = page.lines.filter((l) => partyAt(page, l) === party && !OTHER_LABEL.test(l.text) && LEGAL_FORM.test(l.text))
      .flatMap((l) => { const v = nameValue(l.text); return v === undefined ? [] : [v]; });
    if (shaped.length === 1 && shaped[0] !== undefined) b.set(field, shaped[0], SHAPE_ONLY);
  }
}
