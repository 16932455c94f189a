// Messages of `npm run reconcile` for what the CLI itself detects; the spreadsheet readers' own messages come from
// shared/reconcile/sheet. Every message goes to stderr in Chinese and in English.
import { translate, type Catalogue } from '../shared/i18n/translate';
import { problemMessage, type RowProblem, type SheetProblem } from '../shared/reconcile/sheet';

const MESSAGES: Catalogue = {
  'role.list': { 'zh-CN': '发票清单（--list，电子发票服务平台的全量发票查询导出）', en: 'platform list (--list, the tax platform\'s 全量发票查询 export)' },
  'role.ledger': { 'zh-CN': '台账（--ledger，本软件导出的台账或带表头的台账表格）', en: 'ledger (--ledger, the app\'s ledger export or a ledger sheet with headers)' },
  'role.bank': { 'zh-CN': '银行流水（--bank，网银导出的账户明细）', en: 'bank statement (--bank, an account statement exported from online banking)' },
  'role.previous': { 'zh-CN': '上次结果（--previous，上次运行保存的输出）', en: 'earlier output (--previous, the saved output of an earlier run)' },
  notPrevious: {
    'zh-CN': '文件“{file}”第 {line} 行不是对账命令输出的 JSON 行；应为上次运行 npm run reconcile 时保存的输出。',
    en: 'Line {line} of “{file}” is not a JSON line written by this command; expected the saved output of an earlier npm run reconcile.',
  },
  notFound: { 'zh-CN': '找不到文件“{file}”。', en: 'The file “{file}” does not exist.' },
  unreadable: { 'zh-CN': '无法读取文件“{file}”（{reason}）。', en: 'The file “{file}” cannot be read ({reason}).' },
  noDates: {
    'zh-CN': '发票清单“{file}”中没有可用的开票日期，无法确定对账期间；请用 --from 和 --to 指定。',
    en: 'The platform list “{file}” has no usable issue dates, so the period is unknown; give it with --from and --to.',
  },
  rowsLeftOut: { 'zh-CN': '{role}：{count} 行无法读取，未参与对账：', en: '{role}: {count} row(s) could not be read and were left out:' },
  moreRows: { 'zh-CN': '……另有 {count} 行', en: '… and {count} more' },
  ledgerMoney: { 'zh-CN': '第 {row} 行的金额“{value}”无法识别（{field}）。', en: 'Row {row}: the amount “{value}” cannot be read ({field}).' },
  duplicates: { 'zh-CN': '{role}：{count} 行与前面的行完全相同，只计一次。', en: '{role}: {count} row(s) repeat an earlier row and were counted once.' },
  outFailed: { 'zh-CN': '无法写入报告“{file}”（{reason}）。', en: 'The report “{file}” cannot be written ({reason}).' },
};

/** Which input a message is about. */
export type InputRole = 'list' | 'ledger' | 'bank' | 'previous';

/** One message in both languages, Chinese first. */
export function bilingual(key: string, params: Readonly<Record<string, string | number>> = {}): [string, string] {
  return [translate(MESSAGES, 'zh-CN', key, params), translate(MESSAGES, 'en', key, params)];
}

/** The name of an input in both languages. */
export function roleName(role: InputRole): [string, string] {
  return bilingual(`role.${role}`);
}

/** A reader's problem in both languages. */
export function sheetProblemText(p: SheetProblem | RowProblem): [string, string] {
  return [problemMessage(p, 'zh-CN'), problemMessage(p, 'en')];
}
