/*
 * Words of a reconciliation report, shared by the report screen and its Excel export so both say the same thing:
 * finding type names, one explaining sentence per finding, the reasons of a bank suggestion, and case states.
 */
import { formatFen, fen } from '../domain/money';
import { statusLabel } from '../i18n/domain-messages';
import { translate, type Catalogue, type Locale } from '../i18n/translate';
import { INVOICE_STATUSES, type InvoiceStatus } from '../domain/invoice';
import { detailDigest, type LineDigest } from './line-summary';
import type { DetailValue, Finding, MatchSuggestion } from './types';

/** The catalogue of report words (both languages); the app merges it into its own. */
export const REPORT_MESSAGES = {
  'report.type.missingInLedger': { 'zh-CN': '平台有台账无', en: 'On the list, not in the ledger' },
  'report.type.missingOnList': { 'zh-CN': '台账有平台无', en: 'In the ledger, not on the list' },
  'report.type.mismatched': { 'zh-CN': '信息不一致', en: 'Details differ' },
  'report.type.voidedButActive': { 'zh-CN': '已作废/红冲但台账正常', en: 'Voided/reversed, active in the ledger' },
  'report.type.riskFlagged': { 'zh-CN': '风险发票', en: 'Risk-flagged invoices' },
  'report.type.paymentWithoutInvoice': { 'zh-CN': '付款无发票', en: 'Payments without invoice' },
  'report.type.invoiceWithoutPayment': { 'zh-CN': '发票无付款', en: 'Invoices without payment' },
  'report.type.sequenceGap': { 'zh-CN': '号码断号', en: 'Number gaps' },
  'report.listRows': { 'zh-CN': '清单行数', en: 'List rows' },
  'report.ledgerRows': { 'zh-CN': '读取的台账发票', en: 'Ledger invoices read' },
  'report.direction.in': { 'zh-CN': '进项', en: 'Incoming' },
  'report.direction.out': { 'zh-CN': '销项', en: 'Outgoing' },

  'report.say.missingInLedger': { 'zh-CN': '平台清单有这张发票，台账中没有', en: 'The platform lists this invoice; the ledger does not have it' },
  'report.say.deletedInLedger': { 'zh-CN': '（台账中的这张在回收站）', en: ' (the ledger’s copy is in the recycle bin)' },
  'report.say.missingOnList': { 'zh-CN': '台账有这张发票（{status}），平台清单中没有', en: 'The ledger has this invoice ({status}); the platform list does not' },
  'report.say.mismatchedField': { 'zh-CN': '{field}：平台 {list}，台账 {ledger}', en: '{field}: platform {list}, ledger {ledger}' },
  'report.say.voidedButActive': { 'zh-CN': '平台状态“{platform}”，台账状态“{ledger}”', en: 'Platform status “{platform}”, ledger status “{ledger}”' },
  'report.say.riskFlagged': { 'zh-CN': '平台风险等级：{risk}', en: 'Platform risk level: {risk}' },
  'report.say.paymentWithoutInvoice': { 'zh-CN': '{date} 付款 {amount} 给 {party}，没有对应的发票', en: '{date}: paid {amount} to {party}; no invoice explains it' },
  'report.say.paymentIncoming': { 'zh-CN': '{date} 收到 {party} 付款 {amount}，没有对应的发票', en: '{date}: received {amount} from {party}; no invoice explains it' },
  'report.say.invoiceWithoutPayment': { 'zh-CN': '没有找到这张发票的付款（{party}，{total}）', en: 'No payment found for this invoice ({party}, {total})' },
  'report.say.sequenceGap': { 'zh-CN': '{seller} 发票代码 {code}：缺少号码 {from}–{to}（{count} 张）', en: '{seller}, code {code}: numbers {from}–{to} missing ({count})' },
  'report.say.separator': { 'zh-CN': '；', en: '; ' },
  'report.say.lines': { 'zh-CN': '；项目：{items}', en: '; items: {items}' },
  'report.lines.many': { 'zh-CN': '{name} 等 {count} 项', en: '{name} and others ({count} items)' },
  'report.caseNotes.heading': { 'zh-CN': '平台清单所列项目：{items}', en: 'Items on the platform list: {items}' },
  'report.caseNotes.amount': { 'zh-CN': '金额 {amount}', en: 'amount {amount}' },
  'report.caseNotes.rate': { 'zh-CN': '税率 {rate}', en: 'rate {rate}' },
  'report.caseNotes.tax': { 'zh-CN': '税额 {tax}', en: 'tax {tax}' },
  'report.caseNotes.more': { 'zh-CN': '另有 {count} 项未列出', en: '{count} more not listed' },
  'report.lines.unnamed': { 'zh-CN': '{count} 项（无名称）', en: '{count} unnamed item(s)' },
  'report.risk.abnormal': { 'zh-CN': '异常凭证', en: 'abnormal voucher' },
  'report.risk.suspect': { 'zh-CN': '疑点发票', en: 'suspect invoice' },
  'report.unknownParty': { 'zh-CN': '（无户名）', en: '(no name)' },

  'report.field.amount': { 'zh-CN': '金额', en: 'Amount' },
  'report.field.tax': { 'zh-CN': '税额', en: 'Tax' },
  'report.field.total': { 'zh-CN': '价税合计', en: 'Total' },
  'report.field.issueDate': { 'zh-CN': '开票日期', en: 'Issue date' },
  'report.field.sellerTaxId': { 'zh-CN': '销售方税号', en: 'Seller tax ID' },
  'report.field.sellerName': { 'zh-CN': '销售方名称', en: 'Seller name' },
  'report.field.buyerTaxId': { 'zh-CN': '购买方税号', en: 'Buyer tax ID' },
  'report.field.platformStatus': { 'zh-CN': '发票状态', en: 'Status' },

  'report.reason.nameSame': { 'zh-CN': '户名与销售方相同', en: 'Same name' },
  'report.reason.nameSimilar': { 'zh-CN': '户名相近（{percent}%）', en: 'Similar name ({percent}%)' },
  'report.reason.nameDifferent': { 'zh-CN': '户名不同', en: 'Different name' },
  'report.reason.amountExact': { 'zh-CN': '金额完全相同', en: 'Exact amount' },
  'report.reason.amountSum': { 'zh-CN': '{count} 张发票合计等于付款金额', en: '{count} invoices add up to the payment' },
  'report.reason.dateDays': { 'zh-CN': '开票后 {days} 天付款', en: 'Paid {days} day(s) after the issue date' },
  'report.reason.dateBefore': { 'zh-CN': '开票前 {days} 天付款', en: 'Paid {days} day(s) before the issue date' },
  'report.reason.dateSame': { 'zh-CN': '开票当天付款', en: 'Paid on the issue date' },

  'report.sheet.summary': { 'zh-CN': '汇总', en: 'Summary' },
  'report.sheet.findings': { 'zh-CN': '明细', en: 'Findings' },
  'report.sheet.cases': { 'zh-CN': '补办案件', en: 'Cases' },
  'report.row.item': { 'zh-CN': '项目', en: 'Item' },
  'report.row.value': { 'zh-CN': '数值', en: 'Value' },
  'report.row.period': { 'zh-CN': '期间', en: 'Period' },
  'report.row.periodValue': { 'zh-CN': '{from} 至 {to}', en: '{from} to {to}' },
  'report.row.direction': { 'zh-CN': '方向', en: 'Direction' },
  'report.row.source': { 'zh-CN': '来源文件', en: 'Source file' },
  'report.row.sourceValue': { 'zh-CN': '{name}（{rows} 行，SHA-256 {sha}）', en: '{name} ({rows} rows, SHA-256 {sha})' },
  'report.row.ranAt': { 'zh-CN': '对账时间', en: 'Run at' },
  'report.row.ranBy': { 'zh-CN': '操作人', en: 'Run by' },
  'report.row.new': { 'zh-CN': '本次新增', en: 'New since the last run' },
  'report.row.handled': { 'zh-CN': '已处理', en: 'Handled' },
  'report.col.type': { 'zh-CN': '类型', en: 'Type' },
  'report.col.new': { 'zh-CN': '本次新增', en: 'New' },
  'report.col.handled': { 'zh-CN': '已处理', en: 'Handled' },
  'report.col.note': { 'zh-CN': '处理说明', en: 'Note' },
  'report.col.code': { 'zh-CN': '发票代码', en: 'Code' },
  'report.col.number': { 'zh-CN': '发票号码', en: 'Number' },
  'report.col.date': { 'zh-CN': '日期', en: 'Date' },
  'report.col.party': { 'zh-CN': '对方名称', en: 'Counterparty' },
  'report.col.partyTaxId': { 'zh-CN': '对方税号', en: 'Counterparty tax ID' },
  'report.col.total': { 'zh-CN': '金额（元）', en: 'Amount (yuan)' },
  'report.col.explain': { 'zh-CN': '说明', en: 'Explanation' },
  'report.col.listRow': { 'zh-CN': '清单行号', en: 'List row' },
  'report.col.bankRow': { 'zh-CN': '流水行号', en: 'Statement row' },
  'report.col.bestScore': { 'zh-CN': '最佳匹配度', en: 'Best match score' },
  'report.col.case': { 'zh-CN': '补办案件', en: 'Case' },
  'report.col.key': { 'zh-CN': '问题编号', en: 'Finding key' },
  'report.yes': { 'zh-CN': '是', en: 'Yes' },

  'report.case.title': { 'zh-CN': '案件', en: 'Case' },
  'report.case.state': { 'zh-CN': '状态', en: 'State' },
  'report.case.kind': { 'zh-CN': '发票类型', en: 'Invoice kind' },
  'report.case.seller': { 'zh-CN': '销售方', en: 'Seller' },
  'report.case.sellerTaxId': { 'zh-CN': '销售方税号', en: 'Seller tax ID' },
  'report.case.total': { 'zh-CN': '价税合计（元）', en: 'Total (yuan)' },
  'report.case.origin': { 'zh-CN': '来源', en: 'Origin' },
  'report.case.createdBy': { 'zh-CN': '建立人', en: 'Opened by' },
  'report.case.createdAt': { 'zh-CN': '建立时间', en: 'Opened at' },
  'report.case.updatedAt': { 'zh-CN': '最后更新', en: 'Last change' },
  'report.case.closeReason': { 'zh-CN': '关闭原因', en: 'Reason closed' },
  'report.case.notes': { 'zh-CN': '备注', en: 'Notes' },
  'report.caseState.found': { 'zh-CN': '发现缺失', en: 'Found missing' },
  'report.caseState.contacted': { 'zh-CN': '已联系开票方', en: 'Issuer contacted' },
  'report.caseState.requested': { 'zh-CN': '已申请补开/复印件', en: 'Replacement/copy requested' },
  'report.caseState.reviewing': { 'zh-CN': '待审核', en: 'Under review' },
  'report.caseState.received': { 'zh-CN': '已收到', en: 'Received' },
  'report.caseState.archived': { 'zh-CN': '已入账归档', en: 'Booked and archived' },
  'report.caseState.closed': { 'zh-CN': '已关闭', en: 'Closed' },
  'report.caseOrigin.report': { 'zh-CN': '对账报告', en: 'Reconciliation report' },
  'report.caseOrigin.invoice': { 'zh-CN': '发票', en: 'Invoice' },
  'report.caseOrigin.manual': { 'zh-CN': '手工建立', en: 'By hand' },
} satisfies Catalogue;

/** Looks a report word up. */
export const reportText = (locale: Locale, key: string, params?: Readonly<Record<string, string | number>>) => translate(REPORT_MESSAGES, locale, key, params);

const say = reportText;

/** The name of a finding type (the CLI summary's names, in words). */
export function findingTypeLabel(type: Finding['type'], locale: Locale): string {
  return say(locale, `report.type.${type}`);
}

const MONEY_FIELDS = new Set(['amount', 'tax', 'total']);
const isStatus = (v: DetailValue): v is InvoiceStatus => typeof v === 'string' && (INVOICE_STATUSES as readonly string[]).includes(v);

/** A detail value as text: money fields in yuan with separators, ledger statuses by name. */
export function detailText(field: string, value: DetailValue | undefined, locale: Locale): string {
  if (value === undefined || value === null || value === '') return '—';
  if (typeof value === 'number') return MONEY_FIELDS.has(field) ? formatFen(fen(value)) : String(value);
  if (typeof value === 'boolean') return value ? '✓' : '—';
  if (isStatus(value)) return statusLabel(value, locale);
  return value;
}

const text = (d: Finding['detail'], key: string) => {
  const v = d[key];
  return typeof v === 'string' ? v : '';
};
const money = (d: Finding['detail'], key: string) => {
  const v = d[key];
  return typeof v === 'number' ? formatFen(fen(v)) : '—';
};

/** What an invoice was for in a few words: "*餐饮服务*餐费 等 3 项" (the first item's name and the count). */
export function linesText(digest: LineDigest, locale: Locale): string {
  if (digest.name === '') return say(locale, 'report.lines.unnamed', { count: digest.count });
  return digest.count === 1 ? digest.name : say(locale, 'report.lines.many', { name: digest.name, count: digest.count });
}

/** One sentence saying what a finding is about, in the clerk's words. */
export function describeFinding(f: Finding, locale: Locale, direction: 'in' | 'out' = 'in'): string {
  const d = f.detail;
  switch (f.type) {
    case 'missingInLedger': {
      const digest = detailDigest(d);
      return say(locale, 'report.say.missingInLedger') + (d.deletedInLedger === true ? say(locale, 'report.say.deletedInLedger') : '')
        + (digest ? say(locale, 'report.say.lines', { items: linesText(digest, locale) }) : '');
    }
    case 'missingOnList': return say(locale, 'report.say.missingOnList', { status: detailText('ledgerStatus', d.ledgerStatus, locale) });
    case 'mismatched':
      return text(d, 'fields').split(',').filter((x) => x !== '').map((field) => say(locale, 'report.say.mismatchedField', {
        field: say(locale, `report.field.${field}`),
        list: detailText(field, d[`list.${field}`], locale),
        ledger: detailText(field, d[`ledger.${field}`], locale),
      })).join(say(locale, 'report.say.separator'));
    case 'voidedButActive': return say(locale, 'report.say.voidedButActive', { platform: text(d, 'platformStatus'), ledger: detailText('ledgerStatus', d.ledgerStatus, locale) });
    case 'riskFlagged': return say(locale, 'report.say.riskFlagged', { risk: say(locale, `report.risk.${text(d, 'risk') || 'suspect'}`) });
    case 'paymentWithoutInvoice':
      return say(locale, direction === 'in' ? 'report.say.paymentWithoutInvoice' : 'report.say.paymentIncoming', {
        date: text(d, 'date'), amount: money(d, 'amount'), party: text(d, 'counterparty') || say(locale, 'report.unknownParty'),
      });
    case 'invoiceWithoutPayment': return say(locale, 'report.say.invoiceWithoutPayment', { party: text(d, 'partyName') || say(locale, 'report.unknownParty'), total: money(d, 'total') });
    case 'sequenceGap':
      return say(locale, 'report.say.sequenceGap', { seller: text(d, 'sellerName'), code: text(d, 'code'), from: text(d, 'from'), to: text(d, 'to'), count: typeof d.count === 'number' ? d.count : 0 });
  }
}

/** The reasons of a bank suggestion, in words. */
export function suggestionReasons(s: MatchSuggestion, locale: Locale): string[] {
  return s.reasons.map((r) => {
    const days = r.params?.days;
    if (r.code === 'dateDays' && typeof days === 'number' && days <= 0) {
      return days === 0 ? say(locale, 'report.reason.dateSame') : say(locale, 'report.reason.dateBefore', { days: -days });
    }
    return say(locale, `report.reason.${r.code}`, r.params);
  });
}
