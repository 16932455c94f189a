import type { Catalogue } from '../../i18n/translate';

/** Messages of the spreadsheet readers: every bad input names the file and what was expected, in both languages. */
export const SHEET_MESSAGES = {
  'sheet.error.tooLarge': {
    'zh-CN': '文件“{file}”有 {size} MB，超过了 {max} MB 的上限。请按月份或日期范围分批导出后再导入。',
    en: 'The file “{file}” is {size} MB, more than the {max} MB limit. Export it in smaller parts (by month or date range) and import those.',
  },
  'sheet.error.notSpreadsheet': {
    'zh-CN': '文件“{file}”不是表格文件。请选择 Excel 表格（.xlsx、.xls）或 CSV 文本文件。',
    en: 'The file “{file}” is not a spreadsheet. Choose an Excel workbook (.xlsx, .xls) or a CSV text file.',
  },
  'sheet.error.passwordProtected': {
    'zh-CN': '文件“{file}”设置了打开密码，无法读取。请在 Excel 中打开并取消密码（文件 → 信息 → 保护工作簿 → 用密码进行加密，清空密码）后另存，再导入。',
    en: 'The file “{file}” is protected with a password and cannot be read. Open it in Excel, remove the password (File → Info → Protect Workbook → Encrypt with Password, clear it), save, and import it again.',
  },
  'sheet.error.unreadable': {
    'zh-CN': '文件“{file}”已损坏或格式无法识别。请用 Excel 打开后另存为 .xlsx 再导入。',
    en: 'The file “{file}” is damaged or in a format that cannot be read. Open it in Excel, save it as .xlsx and import that.',
  },
  'sheet.error.empty': {
    'zh-CN': '文件“{file}”是空的，没有任何内容。',
    en: 'The file “{file}” is empty: it has no content at all.',
  },
  'sheet.error.headersOnly': {
    'zh-CN': '文件“{file}”的工作表“{sheet}”只有表头（第 {row} 行），下面没有数据行。',
    en: 'The file “{file}” has only a header (row {row} of sheet “{sheet}”) and no data rows below it.',
  },
  'sheet.error.noColumns': {
    'zh-CN': '文件“{file}”中找不到需要的列：{expected}。文件中找到的列有：{found}。请检查文件是否选对，或在“列对应”中指定这些列。',
    en: 'The file “{file}” lacks the columns needed: {expected}. The columns found in the file are: {found}. Check that this is the right file, or map these columns by hand.',
  },
  'sheet.error.noSheet': {
    'zh-CN': '文件“{file}”中没有名为“{sheet}”的工作表。文件中的工作表有：{found}。',
    en: 'The file “{file}” has no sheet named “{sheet}”. Its sheets are: {found}.',
  },

  'sheet.row.date': {
    'zh-CN': '第 {row} 行“{header}”的日期“{value}”无法识别，应为 2024-05-08、2024/5/8 或 2024年5月8日 这样的日期。',
    en: 'Row {row}: “{value}” in “{header}” is not a date; expected a date such as 2024-05-08, 2024/5/8 or 2024年5月8日.',
  },
  'sheet.row.dateMissing': {
    'zh-CN': '第 {row} 行缺少“{header}”。',
    en: 'Row {row}: “{header}” is empty.',
  },
  'sheet.row.amount': {
    'zh-CN': '第 {row} 行“{header}”的金额“{value}”无法识别，应为 1234.56 或 1,234.56 这样最多两位小数的数。',
    en: 'Row {row}: “{value}” in “{header}” is not an amount; expected a number with at most two decimals, such as 1234.56 or 1,234.56.',
  },
  'sheet.row.amountMissing': {
    'zh-CN': '第 {row} 行没有金额（“{header}”为空或为 0）。',
    en: 'Row {row}: there is no amount (“{header}” is empty or zero).',
  },
  'sheet.row.amountBoth': {
    'zh-CN': '第 {row} 行的借方和贷方（支出和收入）都有金额，无法判断资金方向。',
    en: 'Row {row}: both the debit and the credit (out and in) columns hold an amount, so the direction of the money is unclear.',
  },
  'sheet.row.direction': {
    'zh-CN': '第 {row} 行“{header}”的“{value}”无法识别，应为 借/贷 或 支出/收入。',
    en: 'Row {row}: “{value}” in “{header}” is not a direction; expected 借/贷 (debit/credit) or 支出/收入 (out/in).',
  },
  'sheet.row.lossyNumber': {
    'zh-CN': '第 {row} 行“{header}”在表格中被存成了数字（{value}），Excel 只保留 15 位有效数字，后面几位已经丢失。请把这一列设为文本格式后重新导出。',
    en: 'Row {row}: “{header}” was stored as a number ({value}); Excel keeps only 15 significant digits, so the last digits are lost. Format the column as text and export it again.',
  },
  'sheet.row.numberMissing': {
    'zh-CN': '第 {row} 行有金额但没有发票号码（“{header}”为空）。',
    en: 'Row {row}: there is an amount but no invoice number (“{header}” is empty).',
  },
  'sheet.row.kind': {
    'zh-CN': '第 {row} 行“{header}”的发票类型“{value}”无法识别。',
    en: 'Row {row}: the invoice kind “{value}” in “{header}” is not recognised.',
  },
  'sheet.row.status': {
    'zh-CN': '第 {row} 行“{header}”的状态“{value}”无法识别，应为 已录入、已核对、已入账、已报销、已作废、已红冲、遗失、补办中 或 已补办。',
    en: 'Row {row}: the status “{value}” in “{header}” is not recognised; expected one of 已录入, 已核对, 已入账, 已报销, 已作废, 已红冲, 遗失, 补办中, 已补办.',
  },
  'sheet.row.yesNo': {
    'zh-CN': '第 {row} 行“{header}”应为“是”或“否”，而不是“{value}”。',
    en: 'Row {row}: “{header}” should be 是 (yes) or 否 (no), not “{value}”.',
  },
  'sheet.row.lines': {
    'zh-CN': '第 {row} 行“{header}”的明细内容无法读取（{value}…），这一列应保持导出时的原样。',
    en: 'Row {row}: the line items in “{header}” cannot be read ({value}…); this column must stay as it was exported.',
  },
  'sheet.row.taxRate': {
    'zh-CN': '第 {row} 行“{header}”的税率“{value}”无法识别，应为 13%、0.13、免税 或 不征税 这样的税率。',
    en: 'Row {row}: “{value}” in “{header}” is not a tax rate; expected a rate such as 13%, 0.13, 免税 (exempt) or 不征税 (non-taxable).',
  },
  'sheet.row.decimal': {
    'zh-CN': '第 {row} 行“{header}”的“{value}”不是数字。',
    en: 'Row {row}: “{value}” in “{header}” is not a number.',
  },

  'sheet.skipped.total': { 'zh-CN': '合计行', en: 'Total line' },
  'sheet.skipped.blank': { 'zh-CN': '空行', en: 'Blank line' },
  'sheet.skipped.duplicate': { 'zh-CN': '与第 {row} 行重复', en: 'Same as row {row}' },
  'sheet.skipped.note': { 'zh-CN': '说明行（不是数据）', en: 'Note line (not data)' },
} satisfies Catalogue;
