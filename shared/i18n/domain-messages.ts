// Messages for the domain layer: field, kind and status labels, and one message per issue code
// (shared/domain/issue-codes.ts). Each issue message names the field and says what to check.
import type { FieldName, InvoiceKind, InvoiceStatus, Issue } from '../domain/invoice';
import type { StatusError } from '../domain/status';
import { translate, type Catalogue, type Locale } from './translate';

/** Labels and issue messages of the domain layer in Simplified Chinese and English. */
export const DOMAIN_MESSAGES: Catalogue = {
  'field.kind': { 'zh-CN': '发票类型', en: 'Invoice kind' },
  'field.code': { 'zh-CN': '发票代码', en: 'Invoice code' },
  'field.number': { 'zh-CN': '发票号码', en: 'Invoice number' },
  'field.issueDate': { 'zh-CN': '开票日期', en: 'Issue date' },
  'field.buyerName': { 'zh-CN': '购买方名称', en: 'Buyer name' },
  'field.buyerTaxId': { 'zh-CN': '购买方纳税人识别号', en: 'Buyer tax ID' },
  'field.sellerName': { 'zh-CN': '销售方名称', en: 'Seller name' },
  'field.sellerTaxId': { 'zh-CN': '销售方纳税人识别号', en: 'Seller tax ID' },
  'field.amount': { 'zh-CN': '金额', en: 'Amount (excl. tax)' },
  'field.tax': { 'zh-CN': '税额', en: 'Tax' },
  'field.total': { 'zh-CN': '价税合计', en: 'Total (incl. tax)' },
  'field.checkCode': { 'zh-CN': '校验码', en: 'Check code' },
  'field.taxRate': { 'zh-CN': '税率', en: 'Tax rate' },
  'field.remarks': { 'zh-CN': '备注', en: 'Remarks' },
  'field.isRed': { 'zh-CN': '红字发票', en: 'Red (credit) invoice' },
  // Bare line-field keys for callers that label a line cell without its row number.
  'field.name': { 'zh-CN': '项目名称', en: 'Item name' },
  'field.spec': { 'zh-CN': '规格型号', en: 'Specification' },
  'field.unit': { 'zh-CN': '单位', en: 'Unit' },
  'field.qty': { 'zh-CN': '数量', en: 'Quantity' },
  'field.unitPrice': { 'zh-CN': '单价', en: 'Unit price' },
  'field.line': { 'zh-CN': '第{n}行{label}', en: 'Line {n} {label}' },
  'field.line.name': { 'zh-CN': '项目名称', en: 'item name' },
  'field.line.spec': { 'zh-CN': '规格型号', en: 'specification' },
  'field.line.unit': { 'zh-CN': '单位', en: 'unit' },
  'field.line.qty': { 'zh-CN': '数量', en: 'quantity' },
  'field.line.unitPrice': { 'zh-CN': '单价', en: 'unit price' },
  'field.line.amount': { 'zh-CN': '金额', en: 'amount' },
  'field.line.taxRate': { 'zh-CN': '税率', en: 'tax rate' },
  'field.line.tax': { 'zh-CN': '税额', en: 'tax' },

  'kind.vat_special': { 'zh-CN': '增值税专用发票', en: 'VAT special invoice (paper)' },
  'kind.vat_normal': { 'zh-CN': '增值税普通发票', en: 'VAT normal invoice (paper)' },
  'kind.e_normal': { 'zh-CN': '增值税电子普通发票', en: 'VAT electronic normal invoice' },
  'kind.e_special': { 'zh-CN': '增值税电子专用发票', en: 'VAT electronic special invoice' },
  'kind.digital_special': { 'zh-CN': '数电票（增值税专用发票）', en: 'Fully digital invoice (VAT special)' },
  'kind.digital_normal': { 'zh-CN': '数电票（普通发票）', en: 'Fully digital invoice (normal)' },
  'kind.roll': { 'zh-CN': '卷票', en: 'Roll invoice' },
  'kind.toll': { 'zh-CN': '通行费发票', en: 'Toll invoice' },
  'kind.vehicle': { 'zh-CN': '机动车销售统一发票', en: 'Motor vehicle sales invoice' },
  'kind.other': { 'zh-CN': '其他', en: 'Other' },

  'status.entered': { 'zh-CN': '已录入', en: 'Entered' },
  'status.verified': { 'zh-CN': '已核对', en: 'Verified' },
  'status.booked': { 'zh-CN': '已入账', en: 'Booked' },
  'status.reimbursed': { 'zh-CN': '已报销', en: 'Reimbursed' },
  'status.voided': { 'zh-CN': '已作废', en: 'Voided' },
  'status.reversed': { 'zh-CN': '已红冲', en: 'Reversed (red invoice issued)' },
  'status.lost': { 'zh-CN': '遗失', en: 'Lost' },
  'status.replacing': { 'zh-CN': '补办中', en: 'Replacement requested' },
  'status.replaced': { 'zh-CN': '已补办', en: 'Replaced' },

  'taxRate.exempt': { 'zh-CN': '免税', en: 'Exempt' },
  'taxRate.nontaxable': { 'zh-CN': '不征税', en: 'Not taxable' },

  'issue.required': { 'zh-CN': '{field}不能为空，请填写', en: '{field} is required; please fill it in' },
  'issue.kind.invalid': { 'zh-CN': '发票类型无法识别，请从列表中重新选择', en: 'Invoice kind is not recognised; choose one from the list' },
  'issue.issueDate.format': { 'zh-CN': '开票日期无法识别或不存在，请按 2024-05-28 的格式填写', en: 'Issue date is not a valid date; enter it like 2024-05-28' },
  'issue.issueDate.future': { 'zh-CN': '开票日期晚于今天（{today}），请核对', en: 'Issue date is after today ({today}); check it' },
  'issue.issueDate.tooOld': { 'zh-CN': '开票日期早于 {earliest}，早于任何增值税发票，请核对', en: 'Issue date is before {earliest}, earlier than any VAT invoice; check it' },
  'issue.code.digits': { 'zh-CN': '发票代码只能包含数字，请核对', en: 'Invoice code may contain digits only; check it' },
  'issue.code.length': { 'zh-CN': '发票代码应为 {expected} 位数字，当前为 {actual} 位，请核对代码和发票类型', en: 'Invoice code should have {expected} digits but has {actual}; check the code and the invoice kind' },
  'issue.code.unexpected': { 'zh-CN': '数电票没有发票代码，请确认发票类型（纸质数电票可忽略此提示）', en: 'Fully digital invoices have no invoice code; check the invoice kind (ignore this for paper fully digital invoices)' },
  'issue.code.region': { 'zh-CN': '发票代码中的地区代码 {region} 不是已知地区，请核对发票代码', en: 'The region in the invoice code ({region}) is not a known region; check the invoice code' },
  'issue.code.year': { 'zh-CN': '发票代码中的年份 {year} 晚于开票日期，请核对发票代码和开票日期', en: 'The year in the invoice code ({year}) is after the issue date; check the invoice code and the issue date' },
  'issue.code.kindMismatch': { 'zh-CN': '发票代码显示的票种与所选发票类型不一致，请核对发票类型', en: 'The invoice code points to a different kind than the one selected; check the invoice kind' },
  'issue.number.digits': { 'zh-CN': '发票号码只能包含数字，请核对', en: 'Invoice number may contain digits only; check it' },
  'issue.number.length': { 'zh-CN': '发票号码应为 {expected} 位数字，当前为 {actual} 位，请逐位核对', en: 'Invoice number should have {expected} digits but has {actual}; check each digit' },
  'issue.number.digitalKind': { 'zh-CN': '20 位发票号码属于数电票，请将发票类型改为数电票', en: 'A 20-digit invoice number belongs to a fully digital invoice; change the invoice kind' },
  'issue.number.year': { 'zh-CN': '发票号码前两位表示 {year} 年，与开票日期不一致，请核对发票号码和开票日期', en: 'The first two digits of the invoice number mean {year}, which differs from the issue date; check both' },
  'issue.checkCode.format': { 'zh-CN': '校验码应为 20 位数字，当前为 {actual} 位，请核对', en: 'Check code should be 20 digits but has {actual} characters; check it' },
  'issue.checkCode.missing': { 'zh-CN': '此类发票印有 20 位校验码，请补填（查验时需要）', en: 'This kind of invoice carries a 20-digit check code; add it (needed to verify the invoice)' },
  'issue.checkCode.unexpected': { 'zh-CN': '纸质专用发票和数电票没有校验码，请确认发票类型', en: 'Paper special invoices and fully digital invoices have no check code; check the invoice kind' },
  'issue.taxId.buyerMissingSpecial': { 'zh-CN': '专用发票应有购买方纳税人识别号，请补填', en: 'A special VAT invoice shows the buyer tax ID; add it' },
  'issue.taxId.badChars': { 'zh-CN': '{field}含有不允许的字符 {chars}，请核对（统一社会信用代码不使用 I、O、Z、S、V）', en: '{field} contains characters that are not allowed ({chars}); credit codes never use I, O, Z, S or V; check it' },
  'issue.taxId.checkChar': { 'zh-CN': '{field}校验位不符，应为 {expected}，请逐位核对', en: '{field} check character is wrong (expected {expected}); check each character' },
  'issue.taxId.orgCheck': { 'zh-CN': '{field}第 9–17 位（组织机构代码）校验不符，请逐位核对', en: '{field}: characters 9–17 (organisation code) fail their check; check each character' },
  'issue.taxId.idCardCheck': { 'zh-CN': '{field}像是身份证号，但校验位应为 {expected}，请逐位核对', en: '{field} looks like a resident ID number, but its check character should be {expected}; check each character' },
  'issue.taxId.format': { 'zh-CN': '{field}为 18 位，但既不是统一社会信用代码也不是身份证号，请核对', en: '{field} has 18 characters but is neither a unified social credit code nor an ID number; check it' },
  'issue.taxId.length': { 'zh-CN': '{field}为 {actual} 位，通常应为 15、17、18 或 20 位，请核对', en: '{field} has {actual} characters, usually it has 15, 17, 18 or 20; check it' },
  'issue.taxRate.format': { 'zh-CN': '{field}无法识别，请填写如 13%、6% 或 免税', en: '{field} is not recognised; enter e.g. 13%, 6% or 免税 (exempt)' },
  'issue.taxRate.range': { 'zh-CN': '{field}超出 0%–100% 的范围，请核对', en: '{field} is outside 0%–100%; check it' },
  'issue.taxRate.unusual': { 'zh-CN': '{field} {rate} 不是常用税率或征收率，请核对', en: '{field} {rate} is not a usual VAT rate; check it' },
  'issue.taxRate.historical': { 'zh-CN': '{field} {rate} 在 {until} 之后已停用，请核对开票日期和税率', en: '{field} {rate} was abolished after {until}; check the issue date and the rate' },
  'issue.money.format': { 'zh-CN': '{field}不是有效金额，请填写如 1234.56', en: '{field} is not a valid amount; enter e.g. 1234.56' },
  'issue.money.decimals': { 'zh-CN': '{field}最多两位小数（精确到分），请核对', en: '{field} may have at most two decimals (fen); check it' },
  'issue.money.range': { 'zh-CN': '{field}数额过大，请核对', en: '{field} is implausibly large; check it' },
  'issue.total.mismatch': { 'zh-CN': '价税合计应等于金额加税额（{expected}），请核对这三项', en: 'Total should equal amount plus tax ({expected}); check all three' },
  'issue.total.negativeBlue': { 'zh-CN': '蓝字发票的价税合计不能为负数；如为红字发票，请勾选“红字发票”', en: 'A normal (blue) invoice cannot have a negative total; tick “Red invoice” if it is one' },
  'issue.total.positiveRed': { 'zh-CN': '红字发票的价税合计通常为负数，请核对金额和“红字发票”选项', en: 'A red invoice usually has a negative total; check the amounts and the “Red invoice” option' },
  'issue.tax.rateMismatch': { 'zh-CN': '税额与金额×税率（{rate}）不符，应约为 {expected}，请核对', en: 'Tax does not match amount × rate ({rate}); it should be about {expected}; check it' },
  'issue.tax.exemptNonZero': { 'zh-CN': '免税或不征税发票的税额应为 0，请核对税率和税额', en: 'Exempt or non-taxable invoices have no tax; check the rate and the tax' },
  'issue.line.nameMissing': { 'zh-CN': '{field}为空，请填写', en: '{field} is empty; please fill it in' },
  'issue.line.qtyFormat': { 'zh-CN': '{field}不是有效数字，请核对', en: '{field} is not a valid number; check it' },
  'issue.line.priceFormat': { 'zh-CN': '{field}不是有效数字，请核对', en: '{field} is not a valid number; check it' },
  'issue.line.amount': { 'zh-CN': '{field}与数量×单价（{expected}）相差超过 0.01，请核对', en: '{field} differs from quantity × unit price ({expected}) by more than 0.01; check it' },
  'issue.line.tax': { 'zh-CN': '{field}与金额×税率（{expected}）相差超过 0.06，请核对', en: '{field} differs from amount × rate ({expected}) by more than 0.06; check it' },
  'issue.lines.sum': { 'zh-CN': '{field}与明细合计（{expected}）不符，请核对明细和合计', en: '{field} does not equal the sum of the lines ({expected}); check the lines and the total' },
  'issue.lines.taxDrift': { 'zh-CN': '各行税额的累计误差为 {drift}，超过 1.27，请核对各行税额', en: 'Line taxes differ from amount × rate by {drift} in total, more than 1.27; check each line tax' },
  'issue.duplicate.hard': { 'zh-CN': '台账中已有这张发票（发票代码和号码相同），不能重复录入', en: 'This invoice is already in the ledger (same code and number); it cannot be entered twice' },
  'issue.duplicate.soft': { 'zh-CN': '台账中已有同一销售方、同一日期、同一价税合计的发票，可能重复，请核对', en: 'The ledger already has an invoice from the same seller, date and total; it may be a duplicate, check it' },
  'issue.status.illegal': { 'zh-CN': '不能从“{from}”改为“{to}”', en: 'Cannot change the status from “{from}” to “{to}”' },
  'issue.status.reasonRequired': { 'zh-CN': '改为“{to}”需要填写原因', en: 'Changing the status to “{to}” needs a reason' },
};

/** The label of a field in the given language; line fields read "第2行税额" / "Line 2 tax". */
export function fieldLabel(field: FieldName, locale: Locale): string {
  const line = /^lines\.(\d+)\.(\w+)$/.exec(field);
  if (!line) return translate(DOMAIN_MESSAGES, locale, `field.${field}`);
  const label = translate(DOMAIN_MESSAGES, locale, `field.line.${line[2] ?? ''}`);
  return translate(DOMAIN_MESSAGES, locale, 'field.line', { n: Number(line[1]) + 1, label });
}

/** The label of an invoice kind. */
export function kindLabel(kind: InvoiceKind, locale: Locale): string {
  return translate(DOMAIN_MESSAGES, locale, `kind.${kind}`);
}

/** The label of a ledger status. */
export function statusLabel(status: InvoiceStatus, locale: Locale): string {
  return translate(DOMAIN_MESSAGES, locale, `status.${status}`);
}

/** The message for a validation issue, with the field's label filled in as {field}. */
export function issueMessage(issue: Issue, locale: Locale): string {
  return translate(DOMAIN_MESSAGES, locale, `issue.${issue.code}`, { ...issue.params, field: fieldLabel(issue.field, locale) });
}

/** The message for a refused status change, with both statuses named. */
export function statusErrorMessage(error: StatusError, locale: Locale): string {
  return translate(DOMAIN_MESSAGES, locale, `issue.${error.code}`, {
    from: statusLabel(error.params.from, locale),
    to: statusLabel(error.params.to, locale),
  });
}
