import { resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { writeWorkbook } from '../../shared/reconcile/sheet/index';
import { encodeGbk, PLATFORM_HEADER } from '../fixtures/reconcile/files';
import { openSignedIn } from './helpers/sign-in';
import { goTo } from './helpers/invoice';

/*
 * A clerk's month-end check, end to end in Chromium: an Excel ledger with one bad row is imported (the bad row is
 * shown in the preview, the rest go in after confirming); the tax platform's invoice list and a GBK bank statement are
 * reconciled against the ledger; the report shows the one invoice the ledger lacks; a case is opened from that row,
 * a call is logged with a follow-up date, the navigation badge shows it due; the replacement (a real OFD e-invoice
 * among the sample invoices beside the checkout) is captured and linked to the case, and the case is archived.
 */

const COMPANY = { name: '江苏京利华新材料有限公司', taxId: '91320115MA202UKD7X' };
/** The invoice the ledger lacks: the real Zhejiang OFD sample (its truth from the samples' README). */
const MISSING = {
  code: '033002000211', number: '83089647', date: '2020-07-23',
  seller: '兰溪市悦济舫餐厅', sellerTaxId: '92330781MA2EDMFU50', amount: '510.68', tax: '15.32', total: '526.00',
};
const OFD = resolve(import.meta.dirname, '../../../shared/samples/ofd/zhejiang-e-putong.ofd');

interface Row { number: string; date: string; seller: string; sellerTaxId: string; amount: string; tax: string; total: string }
const LEDGER_ROWS: Row[] = [
  { number: '83089640', date: '2020-07-10', seller: '天津瑞佳讯贸易有限公司', sellerTaxId: '91120222079642398Y', amount: '100.00', tax: '3.00', total: '103.00' },
  { number: '83089641', date: '2020-07-12', seller: '延长壳牌石油有限公司', sellerTaxId: '91610000681575394Q', amount: '200.00', tax: '26.00', total: '226.00' },
  // Wrong check character in the seller's tax id: the entry form refuses it, so the import shows and skips it.
  { number: '83089642', date: '2020-07-15', seller: '合肥华强资讯科技有限公司', sellerTaxId: '91340100732995648X', amount: '50.00', tax: '1.50', total: '51.50' },
];

function ledgerWorkbook(): Buffer {
  const header = ['发票类型', '发票代码', '发票号码', '开票日期', '购买方名称', '购买方纳税人识别号', '销售方名称', '销售方纳税人识别号', '金额', '税额', '价税合计'];
  const rows = LEDGER_ROWS.map((r) => ['增值税电子普通发票', MISSING.code, r.number, r.date, COMPANY.name, COMPANY.taxId, r.seller, r.sellerTaxId, r.amount, r.tax, r.total]);
  return Buffer.from(writeWorkbook([{ name: '台账', header, rows }]));
}

function platformWorkbook(): Buffer {
  const listed = [...LEDGER_ROWS.slice(0, 2), { number: MISSING.number, date: MISSING.date, seller: MISSING.seller, sellerTaxId: MISSING.sellerTaxId, amount: MISSING.amount, tax: MISSING.tax, total: MISSING.total }];
  const rows = listed.map((r, i) => PLATFORM_HEADER.map((h) => ({
    序号: String(i + 1), 发票代码: MISSING.code, 发票号码: r.number, 数电发票号码: '', 销方识别号: r.sellerTaxId, 销方名称: r.seller,
    购方识别号: COMPANY.taxId, 购买方名称: COMPANY.name, 开票日期: `${r.date} 10:00:00`, 金额: r.amount, 税额: r.tax, 价税合计: r.total,
    发票来源: '增值税发票管理系统', 发票票种: '增值税电子普通发票', 发票状态: '正常', 是否正数发票: '是', 发票风险等级: '正常', 开票人: '张三', 备注: '',
  } as Record<string, string>)[h] ?? ''));
  // 信息汇总表: the missing invoice's line item, so the report and the case say what was bought.
  const lineHeader = ['序号', '发票代码', '发票号码', '数电发票号码', '销方识别号', '销方名称', '购方识别号', '购买方名称', '开票日期', '税收分类编码',
    '特定业务类型', '货物或应税劳务名称', '规格型号', '单位', '数量', '单价', '金额', '税率', '税额', '价税合计', '发票来源', '发票票种', '发票状态',
    '是否正数发票', '发票风险等级', '开票人', '备注'];
  const line = ['1', MISSING.code, MISSING.number, '', MISSING.sellerTaxId, MISSING.seller, COMPANY.taxId, COMPANY.name, MISSING.date,
    '3070401000000000000', '', '*餐饮服务*餐费', '', '次', '1', MISSING.amount, MISSING.amount, '3%', MISSING.tax, MISSING.total,
    '增值税发票管理系统', '增值税电子普通发票', '正常', '是', '正常', '张三', ''];
  return Buffer.from(writeWorkbook([{ name: '发票基础信息', header: [...PLATFORM_HEADER], rows }, { name: '信息汇总表', header: lineHeader, rows: [line] }]));
}

function bankCsv(): Buffer {
  const lines = [
    '中国工商银行企业网上银行 账户明细',
    `户名：${COMPANY.name}`,
    '交易日期,摘要,借方发生额,贷方发生额,余额,对方户名',
    '2020-07-12,货款,103.00,-,"9,897.00",天津瑞佳讯贸易有限公司',
    '2020-07-25,餐费,526.00,-,"9,371.00",兰溪市悦济舫餐厅',
    '合计,,629.00,0.00,,',
  ];
  return Buffer.from(encodeGbk(lines.join('\r\n') + '\r\n'));
}

/** Today in Beijing, as the app sees it (the browser runs in Asia/Shanghai). */
function todayInBeijing(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

async function importLedger(page: Page) {
  await openSignedIn(page, '/#/sheets');
  await page.getByLabel('选择 Excel 文件').setInputFiles({ name: '2020年7月台账.xlsx', mimeType: 'application/octet-stream', buffer: ledgerWorkbook() });
  const card = page.locator('article', { hasText: '2020年7月台账.xlsx' });
  // The bad row is named with its row number and the entry form's message; nothing is written yet.
  await expect(card.getByRole('row', { name: /83089642/ })).toContainText('纳税人识别号');
  await expect(card.getByRole('row', { name: /83089642/ })).toContainText('4');
  await page.screenshot({ path: 'test-screens/sheets-preview.png', fullPage: true });
  await card.getByRole('button', { name: '确认导入 2 张' }).click();
  await expect(page.getByText('已导入 2 张发票')).toBeVisible({ timeout: 30_000 });
}

test('a clerk finds the missing invoice, follows it up and closes the case when the copy is captured', async ({ page }) => {
  test.setTimeout(180_000);
  const external: string[] = [];
  page.on('request', (r) => { if (!/^(http:\/\/127\.0\.0\.1|blob:|data:)/.test(r.url())) external.push(r.url()); });

  await importLedger(page);
  await page.goto('/#/ledger');
  await expect(page.getByText('共 2 张')).toBeVisible();

  // Reconcile July 2020 against the platform's list and the bank statement.
  await page.goto('/#/reconcile');
  await page.getByLabel('本公司纳税人识别号').fill(COMPANY.taxId);
  await page.getByLabel('选择平台发票清单').setInputFiles({ name: '全量发票查询导出结果.xlsx', mimeType: 'application/octet-stream', buffer: platformWorkbook() });
  await page.getByLabel('选择银行流水').setInputFiles({ name: '工行流水202007.csv', mimeType: 'text/csv', buffer: bankCsv() });
  await expect(page.getByText(/全量发票查询：3 行/)).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(/银行流水：2 行/)).toBeVisible();
  const usePeriod = page.getByRole('button', { name: '按此期间对账' });
  if (await usePeriod.isVisible()) await usePeriod.click();
  await page.getByRole('button', { name: '开始对账' }).click();

  const report = page.getByRole('table', { name: '对账问题列表' });
  const missingRow = report.getByRole('row', { name: new RegExp(MISSING.number) }).first();
  await expect(missingRow).toBeVisible({ timeout: 30_000 });
  await expect(missingRow).toContainText('平台有台账无');
  await expect(missingRow).toContainText('*餐饮服务*餐费');
  await page.screenshot({ path: 'test-screens/reconcile-report.png', fullPage: true });

  // The 103.00 payment clearly settles the 天津瑞佳讯 invoice: offered for confirmation, confirmed only by the clerk.
  const clear = page.getByRole('region', { name: '明确的付款匹配' });
  await clear.getByRole('button', { name: '逐笔查看…' }).click();
  await expect(clear.getByRole('row', { name: /天津瑞佳讯贸易有限公司/ })).toContainText('83089640');
  await expect(clear.getByRole('row')).toHaveCount(2);
  await clear.getByRole('button', { name: '确认这 1 笔匹配' }).click();
  await expect(page.getByText(/已确认 1 笔匹配/)).toBeVisible();
  await expect(clear).toHaveCount(0);

  // Open a case from the report row, log a call with a follow-up due today.
  await missingRow.getByRole('button', { name: '建立补办案件' }).click();
  await expect(page.getByRole('navigation', { name: '办理进度' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: '案件备注' })).toHaveValue(/\*餐饮服务\*餐费/);
  const today = todayInBeijing();
  await page.getByLabel('联系方式').selectOption({ label: '电话' });
  await page.getByLabel('联系人').fill('店长王女士');
  await page.getByLabel('沟通内容').fill('发票原件遗失，对方同意重新发送电子发票文件');
  await page.getByLabel('下一步').fill('收到文件后导入');
  await page.getByLabel('跟进日期').fill(today);
  await page.getByRole('button', { name: '保存联系记录' }).click();
  await expect(page.getByText('今天到期')).toBeVisible();
  await expect(page.getByRole('link', { name: /缺失与补办/ })).toContainText('1');
  await expect(page.getByText('1 个跟进已到期')).toBeAttached();
  await page.screenshot({ path: 'test-screens/case-followup.png', fullPage: true });
  // The home page's follow-ups tile opens the list of cases whose follow-up is due.
  await goTo(page, '#/');
  await expect(page.getByTestId('tile-followups')).toContainText('1项');
  await page.getByTestId('tile-followups').click();
  await expect(page).toHaveURL(/#\/cases$/);
  await expect(page.getByLabel('显示案件')).toHaveValue('due');
  await expect(page.locator('.cases-table tbody tr')).toHaveCount(1);
  await expect(page.locator('.cases-table tbody tr')).toContainText(MISSING.number);

  // The seller resends the e-invoice: capture it; it is linked to the case, which moves to 已收到.
  await page.goto('/#/capture');
  await expect(page.getByRole('heading', { name: '导入发票文件' })).toBeVisible();
  await page.locator('input[type=file]').setInputFiles(OFD);
  await expect(page.getByRole('heading', { name: '核对识别结果' })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByLabel('发票号码', { exact: true })).toHaveValue(MISSING.number);
  await page.keyboard.press('Enter');
  await expect(page.getByText(/已关联到补办案件/)).toBeVisible({ timeout: 15_000 });

  await page.goto('/#/cases');
  await page.getByRole('table', { name: '案件列表' }).getByRole('link').first().click();
  await expect(page.locator('[aria-current="step"]')).toContainText('已收到');
  await page.getByRole('group', { name: '转为' }).getByRole('button', { name: '已入账归档' }).click();
  await expect(page.locator('[aria-current="step"]')).toContainText('已入账归档');
  // The steps the case skipped are not shown as done, and an archived case has no follow-up due any more.
  await expect(page.getByRole('navigation', { name: '办理进度' }).getByText('（跳过）')).toHaveCount(3);
  await expect(page.getByText('今天到期')).toHaveCount(0);
  await expect(page.getByText('1 个跟进已到期')).toHaveCount(0);
  await page.screenshot({ path: 'test-screens/case-archived.png', fullPage: true });
  expect(external).toEqual([]);
});
