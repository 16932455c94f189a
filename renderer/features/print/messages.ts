import type { Catalogue } from '../../../shared/i18n/translate';

/** 打印: the print view's toolbar, every sheet's running parts, and the documents' own words. */
export const PRINT_MESSAGES = {
  'print.button': { 'zh-CN': '打印', en: 'Print' },
  'print.buttonTitle': { 'zh-CN': '打印预览（A4），可打印或存为 PDF', en: 'Print preview (A4): print it or save it as a PDF' },
  'print.print': { 'zh-CN': '打印', en: 'Print' },
  'print.savePdf': { 'zh-CN': '存为 PDF', en: 'Save as PDF' },
  'print.back': { 'zh-CN': '返回', en: 'Back' },
  'print.pageCount': { 'zh-CN': '共 {count} 页', en: '{count} pages' },
  'print.pageCount.one': { 'zh-CN': '共 1 页', en: '1 page' },
  'print.pageOf': { 'zh-CN': '第 {page} 页 / 共 {pages} 页', en: 'Page {page} of {pages}' },
  'print.loading': { 'zh-CN': '正在准备打印内容…', en: 'Preparing the pages…' },
  'print.preparing': { 'zh-CN': '正在排版…', en: 'Laying out the pages…' },
  'print.unknownDoc': { 'zh-CN': '没有这种打印文档', en: 'There is no such printable document' },
  'print.notFound': { 'zh-CN': '要打印的记录不存在（可能已被删除）', en: 'The record to print no longer exists (it may have been deleted)' },
  'print.browserHint': {
    'zh-CN': '在打印对话框中把"目标打印机"选为"另存为 PDF"即可保存 PDF',
    en: 'In the print dialog, choose "Save as PDF" as the destination to save a PDF',
  },
  'print.saved': { 'zh-CN': '已存为 PDF：{name}', en: 'Saved as PDF: {name}' },
  'print.saveFailed': { 'zh-CN': '未能存为 PDF：{reason}', en: 'Could not save the PDF: {reason}' },
  'print.failed.render': { 'zh-CN': '无法生成 PDF', en: 'the PDF could not be made' },
  'print.failed.write': { 'zh-CN': '文件无法写入所选位置', en: 'the file could not be written where you chose' },
  'print.failed.ipc': { 'zh-CN': '桌面程序拒绝了这次请求，请重启程序后再试', en: 'the desktop app refused the request; restart it and try again' },
  'print.pageTotal': { 'zh-CN': '本页合计', en: 'Page total' },
  'print.grandTotal': { 'zh-CN': '总计', en: 'Grand total' },
  'print.printedBy': { 'zh-CN': '打印人：{name}　打印时间：{at}', en: 'Printed by {name} on {at}' },
  'print.col.no': { 'zh-CN': '序号', en: 'No.' },
  'print.ledger.all': { 'zh-CN': '全部发票（未筛选）', en: 'All invoices (no filter)' },
  'print.ledger.badFilter': {
    'zh-CN': '打印地址中的筛选条件无法识别（{keys}），请回到台账重新点"打印"',
    en: 'The filter in the print address could not be read ({keys}); go back to the ledger and press Print again',
  },
  'print.empty': { 'zh-CN': '（无）', en: '(none)' },
} as const satisfies Catalogue;
