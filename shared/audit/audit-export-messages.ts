// What an audit export check says, in Chinese and in English: the CLI prints it, and the app can show it.
import { translate, type Catalogue, type Locale } from '../i18n/translate';
import { problemMessage } from '../reconcile/sheet';
import type { AuditExportOk, AuditExportProblem } from './audit-export-verify';

const MESSAGES: Catalogue = {
  ok: {
    'zh-CN': '审计日志校验通过：共 {count} 条，序号 {first}–{last}，链头哈希 {head}。',
    en: 'Audit trail verified: {count} entries, seq {first}–{last}, head hash {head}.',
  },
  okEmpty: { 'zh-CN': '审计日志校验通过：导出中没有条目。', en: 'Audit trail verified: the export holds no entries.' },
  okPartial: {
    'zh-CN': '本导出从序号 {first} 开始，自该条起校验；该条的前一哈希 {prevHash} 取自文件，请与完整日志中序号 {before} 的哈希核对。',
    en: 'This export starts at seq {first} and is verified from there; its prevHash {prevHash} is taken from the file: compare it with the hash of seq {before} in the full trail.',
  },
  at: { 'zh-CN': '工作表“{sheet}”第 {row} 行（序号 {seq}）：', en: 'Sheet “{sheet}” row {row} (seq {seq}): ' },
  'check.hash': {
    'zh-CN': '该行内容与它的哈希不符——这一行被改动过。',
    en: 'the row does not match its hash: this row was changed.',
  },
  'check.link': {
    'zh-CN': '该行的前一哈希与上一行的哈希不符——上一行被改动过，或其间有行被删除或插入。',
    en: 'its prevHash is not the hash of the row above: the row above was changed, or a row was removed or inserted between them.',
  },
  'check.gap': {
    'zh-CN': '序号不连续，此处应为 {expected}——有行被删除、插入或调换了顺序。',
    en: 'the seq is out of order, {expected} should come here: a row was removed, inserted or moved.',
  },
  'check.unreadable': { 'zh-CN': '“{column}”列的单元格无法读取（{detail}）。', en: 'the cell in column “{column}” cannot be read ({detail}).' },
  'detail.seq': { 'zh-CN': '序号应为正整数', en: 'the seq must be a positive whole number' },
  'detail.notText': { 'zh-CN': '应为文本，却是数字', en: 'it should be text but is a number' },
  'detail.json': { 'zh-CN': '不是有效的 JSON', en: 'it is not valid JSON' },
  'detail.notCanonical': { 'zh-CN': 'JSON 不是导出时的规范写法', en: 'the JSON is not written the canonical way the export writes it' },
  'detail.encodedList': { 'zh-CN': '列名单中有未知的列', en: 'it names a column that does not exist' },
  summary: {
    'zh-CN': '摘要表与日志不符（末尾的行被删除或添加，或摘要被改动过）：',
    en: 'The summary does not match the entries (rows at the end were removed or added, or the summary was changed):',
  },
  mismatch: { 'zh-CN': '  {key}（第 {row} 行）：摘要为“{found}”，日志算出“{expected}”', en: '  {key} (row {row}): the summary says “{found}”, the entries give “{expected}”' },
  'notExport.noChainSheet': { 'zh-CN': '文件“{file}”不是审计日志导出：没有“审计日志”工作表。', en: 'The file “{file}” is not an audit trail export: it has no sheet “审计日志”.' },
  'notExport.noSummary': { 'zh-CN': '文件“{file}”不是完整的审计日志导出：没有“摘要”工作表。', en: 'The file “{file}” is not a complete audit trail export: it has no sheet “摘要”.' },
  'notExport.format': { 'zh-CN': '文件“{file}”不是审计日志导出（摘要中的格式为“{found}”）。', en: 'The file “{file}” is not an audit trail export (the summary gives the format “{found}”).' },
  'notExport.newerVersion': {
    'zh-CN': '文件“{file}”是更新版本（{found}）的审计日志导出，请用更新版本的软件校验。',
    en: 'The file “{file}” is an audit trail export of a newer version ({found}); verify it with a newer version of the app.',
  },
  'notExport.columns': {
    'zh-CN': '文件“{file}”的工作表“{sheet}”缺少“{column}”列（或该列出现两次），无法校验。',
    en: 'Sheet “{sheet}” of “{file}” lacks the column “{column}” (or has it twice), so it cannot be verified.',
  },
};

/** The message for a verified export (two lines when it starts later than seq 1). */
export function auditExportOkText(r: AuditExportOk, locale: Locale): string {
  if (r.count === 0) return translate(MESSAGES, locale, 'okEmpty');
  const first = r.firstSeq ?? 0;
  const ok = translate(MESSAGES, locale, 'ok', { count: r.count, first, last: r.lastSeq ?? 0, head: r.headHash });
  return r.fromGenesis ? ok : `${ok}\n${translate(MESSAGES, locale, 'okPartial', { first, before: first - 1, prevHash: r.firstPrevHash })}`;
}

/** The message for the first problem of an export; `file` is the name shown for whole-file problems. */
export function auditExportProblemText(p: AuditExportProblem, locale: Locale, file: string): string {
  const t = (key: string, params?: Readonly<Record<string, string | number>>) => translate(MESSAGES, locale, key, params);
  switch (p.kind) {
    case 'file':
      return problemMessage(p.problem, locale);
    case 'notExport':
      return t(`notExport.${p.reason}`, { file, sheet: p.sheet ?? '', column: p.column ?? '', found: p.found ?? '' });
    case 'entry': {
      const where = t('at', { sheet: p.sheet, row: p.row, seq: p.seq ?? '?' });
      const detail = p.detail === undefined ? '' : t(`detail.${p.detail}`);
      return where + t(`check.${p.check}`, { expected: p.expectedSeq ?? '?', column: p.column ?? '', detail });
    }
    case 'summary':
      return [t('summary'), ...p.mismatches.map((m) => t('mismatch', { key: m.key, row: m.row ?? '?', found: m.found, expected: m.expected }))].join('\n');
  }
}
