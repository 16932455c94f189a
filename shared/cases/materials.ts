/*
 * The materials a clerk needs to replace a lost or missing invoice, per invoice kind, each with the public rule it
 * comes from. The rules, in short:
 * - Paper 增值税专用发票 and 机动车销售统一发票 (国家税务总局公告2016年第69号, 第五条): with both 发票联 and 抵扣联 lost,
 *   a copy of the seller's 记账联 bearing the seller's 发票专用章 serves for deduction, refund and bookkeeping; with only
 *   the 抵扣联 lost, a copy of the 发票联 serves for deduction; with only the 发票联 lost, a copy of the 抵扣联 is the
 *   bookkeeping voucher.
 * - Other paper invoices and receipts (《会计基础工作规范》第五十五条): a certificate from the issuer under its official
 *   seal, naming the original's number, amount and content, approved by the head of accounting and the unit's leader,
 *   stands in for the original; where none can be had, the person concerned writes a detailed account, approved alike.
 * - Electronic invoices are data kept by the tax platform: a lost file is downloaded again or resent, never replaced.
 * Items without a legal source say so: they are the office's own procedure, not law.
 */
import type { InvoiceKind } from '../domain/invoice';
import type { Bilingual } from '../i18n/translate';

/** One thing to collect or do, with the rule that asks for it. */
export interface MaterialItem {
  /** Stable key stored in a case's checklist. */
  readonly id: string;
  readonly label: Bilingual;
  readonly rule: Bilingual;
  /** A fallback for when a required item cannot be had; progress does not count it. */
  readonly optional: boolean;
}

/** Which parts of a paper 专票 (or 机动车销售统一发票) are lost. */
export const LOST_PARTS = ['both', 'deduction', 'invoice'] as const; // 两联 / 抵扣联 / 发票联
export type LostPart = (typeof LOST_PARTS)[number];

/** What else decides the list: an electronic (数电) edition of a kind that exists on paper too, and the lost parts. */
export interface MaterialsSituation {
  readonly electronic?: boolean;
  readonly lostPart?: LostPart;
}

/** The rule family an invoice kind falls under. */
export type MaterialsGroup = 'paperSpecial' | 'paperOther' | 'electronic' | 'unknown';

const ELECTRONIC_KINDS: ReadonlySet<InvoiceKind> = new Set(['e_normal', 'e_special', 'digital_special', 'digital_normal', 'toll']);
const SPECIAL_KINDS: ReadonlySet<InvoiceKind> = new Set(['vat_special', 'vehicle']);

/** Which rules apply to an invoice kind (null when the kind is not known yet). */
export function materialsGroup(kind: InvoiceKind | null, situation: MaterialsSituation = {}): MaterialsGroup {
  if (kind === null) return 'unknown';
  if (ELECTRONIC_KINDS.has(kind) || situation.electronic === true) return 'electronic';
  return SPECIAL_KINDS.has(kind) ? 'paperSpecial' : 'paperOther';
}

const RULE_69 = { 'zh-CN': '国家税务总局公告2016年第69号 第五条', en: 'SAT Announcement No. 69 of 2016, art. 5' };
const RULE_55 = { 'zh-CN': '《会计基础工作规范》第五十五条', en: 'Basic Norms for Accounting Work, art. 55' };
const OWN_PROCEDURE = { 'zh-CN': '本单位财务制度（非法规条文）', en: "The office's own procedure (not a legal rule)" };

const item = (id: string, label: Bilingual, rule: Bilingual, optional = false): MaterialItem => ({ id, label, rule, optional });
const cite = (source: Bilingual, zh: string, en: string): Bilingual => ({ 'zh-CN': `${source['zh-CN']}：${zh}`, en: `${source.en}: ${en}` });

const CONTACT = item('contactSeller',
  { 'zh-CN': '联系开票方，说明情况并约定补办方式（每次联系记入本案件的联系记录）', en: 'Contact the issuer, explain what happened and agree how it is replaced (log each contact in this case)' },
  { 'zh-CN': `${OWN_PROCEDURE['zh-CN']}：联系经过留存备查`, en: `${OWN_PROCEDURE.en}: keep a record of the contacts` });

const APPROVAL = item('approval',
  { 'zh-CN': '补回的凭证按报销/入账审批流程签批', en: 'Have the replacement voucher approved through the usual reimbursement/booking sign-off' },
  OWN_PROCEDURE);

const SPECIAL: Readonly<Record<LostPart, MaterialItem>> = {
  both: item('special.ledgerCopy',
    { 'zh-CN': '向销售方索取其记账联的复印件，并加盖销售方发票专用章', en: "Get a copy of the seller's bookkeeping copy (记账联) stamped with the seller's invoice seal (发票专用章)" },
    cite(RULE_69, '发票联和抵扣联都丢失时，该复印件可作为进项税额抵扣凭证、退税凭证或记账凭证',
      'with both the invoice copy and the deduction copy lost, that copy serves as the voucher for input-tax deduction, refund and bookkeeping')),
  deduction: item('special.invoiceCopy',
    { 'zh-CN': '复印本单位持有的发票联', en: 'Copy the invoice copy (发票联) you still hold' },
    cite(RULE_69, '只丢失抵扣联时，发票联复印件可作为进项税额抵扣凭证或退税凭证',
      'with only the deduction copy lost, a copy of the invoice copy serves for input-tax deduction or refund')),
  invoice: item('special.deductionCopy',
    { 'zh-CN': '复印本单位持有的抵扣联', en: 'Copy the deduction copy (抵扣联) you still hold' },
    cite(RULE_69, '只丢失发票联时，抵扣联复印件可作为记账凭证',
      'with only the invoice copy lost, a copy of the deduction copy serves as the bookkeeping voucher')),
};

const PAPER_OTHER: readonly MaterialItem[] = [
  item('paper.certificate',
    { 'zh-CN': '取得开票方加盖公章的证明，注明原发票的号码、金额和内容', en: "Get a certificate under the issuer's official seal stating the original invoice's number, amount and content" },
    cite(RULE_55, '从外单位取得的原始凭证遗失时，以此证明代作原始凭证', 'when a voucher received from another unit is lost, that certificate stands in for it')),
  item('paper.approval',
    { 'zh-CN': '证明（或情况说明）经会计机构负责人、会计主管人员和单位领导人批准', en: 'Have the certificate (or statement) approved by the head of accounting, the chief accountant and the unit leader' },
    cite(RULE_55, '经上述人员批准后方可代作原始凭证', 'it replaces the original only once they have approved it')),
  item('paper.statement',
    { 'zh-CN': '确实无法取得证明时：由当事人写出详细情况说明', en: 'Only if no certificate can be had: the person concerned writes a detailed statement of what happened' },
    cite(RULE_55, '无法取得证明的，由当事人写明详细情况，同样批准后代作原始凭证',
      'where no certificate can be obtained, a detailed statement by the person concerned, approved the same way, stands in'), true),
];

const ELECTRONIC: readonly MaterialItem[] = [
  item('e.redownload',
    { 'zh-CN': '从电子发票服务平台（税务数字账户）重新下载发票文件，或请开票方重新发送', en: 'Download the invoice file again from the e-invoice service platform (税务数字账户), or ask the issuer to resend it' },
    { 'zh-CN': '电子发票的数据保存在税务平台，重新取得的文件与原文件相同，无需证明；《中华人民共和国发票管理办法》（2023年修订）规定电子发票与纸质发票具有同等效力',
      en: 'The invoice data stays on the tax platform, so the file obtained again is the same file and needs no certificate; the Invoice Administration Measures (2023 revision) give e-invoices the same effect as paper ones' }),
  item('e.duplicateCheck',
    { 'zh-CN': '确认这张发票没有报销或入账过（本软件录入时按发票代码和号码查重）', en: 'Check the invoice was not reimbursed or booked before (this app checks code and number on entry)' },
    { 'zh-CN': '实际做法：同一张电子发票可以多次下载、打印，须防止重复报销', en: 'Practice: an e-invoice can be downloaded and printed many times, so guard against claiming it twice' }),
  item('e.keepFile',
    { 'zh-CN': '保存电子发票文件本身（PDF/OFD/XML），不只保存打印件', en: 'Keep the e-invoice file itself (PDF/OFD/XML), not only a printout' },
    { 'zh-CN': '财会〔2020〕6号《关于规范电子会计凭证报销入账归档的通知》：以打印件入账的，须同时保存该电子凭证',
      en: 'Cai Kuai [2020] No. 6 (notice on reimbursing, booking and archiving electronic vouchers): a printout may be booked only if the electronic voucher is kept too' }),
];

const FIND_KIND = item('kind.lookup',
  { 'zh-CN': '查明发票类型（在电子发票服务平台查询或询问开票方），再按类型补办', en: 'Find out the invoice kind (look it up on the e-invoice platform or ask the issuer), then follow its rules' },
  { 'zh-CN': '补办材料因发票类型而不同（专票见国家税务总局公告2016年第69号，其他纸质发票见《会计基础工作规范》第五十五条）',
    en: 'What is needed depends on the kind (special invoices: SAT Announcement No. 69 of 2016; other paper invoices: Basic Norms for Accounting Work, art. 55)' });

/** The checklist for replacing an invoice of this kind, in the order a clerk works through it. */
export function materialsFor(kind: InvoiceKind | null, situation: MaterialsSituation = {}): readonly MaterialItem[] {
  switch (materialsGroup(kind, situation)) {
    case 'paperSpecial': return [CONTACT, SPECIAL[situation.lostPart ?? 'both'], APPROVAL];
    case 'paperOther': return [CONTACT, ...PAPER_OTHER];
    case 'electronic': return [CONTACT, ...ELECTRONIC, APPROVAL];
    case 'unknown': return [CONTACT, FIND_KIND, APPROVAL];
  }
}

const LOST_PART_PREFIX = 'lostPart:';

/** The lost parts recorded in a case's checklist (a paper 专票's whole invoice unless the clerk said otherwise). */
export function lostPartOf(checklist: Readonly<Record<string, boolean>>): LostPart {
  return LOST_PARTS.find((p) => checklist[`${LOST_PART_PREFIX}${p}`] === true) ?? 'both';
}

/** A checklist recording which parts are lost (kept beside the ticks, so it syncs with the case). */
export function withLostPart(checklist: Readonly<Record<string, boolean>>, part: LostPart): Record<string, boolean> {
  const out: Record<string, boolean> = {};
  for (const [k, v] of Object.entries(checklist)) if (!k.startsWith(LOST_PART_PREFIX)) out[k] = v;
  out[`${LOST_PART_PREFIX}${part}`] = true;
  return out;
}

/** The situation of a case's invoice: a 20-digit number is the 数电 edition; lost parts come from the checklist. */
export function situationOf(ref: { readonly number: string }, checklist: Readonly<Record<string, boolean>>): MaterialsSituation {
  return { electronic: /^\d{20}$/.test(ref.number.trim()), lostPart: lostPartOf(checklist) };
}

/** How many of the required items are ticked (fallbacks are not counted). */
export function checklistProgress(items: readonly MaterialItem[], checklist: Readonly<Record<string, boolean>>): { readonly done: number; readonly total: number } {
  const required = items.filter((i) => !i.optional);
  return { done: required.filter((i) => checklist[i.id] === true).length, total: required.length };
}
