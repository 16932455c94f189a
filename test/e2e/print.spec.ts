import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { writeWorkbook } from '../../shared/reconcile/sheet/index';
import { demoInvoiceContent, demoParty, demoSellers } from '../../shared/demo/demo-invoices';
import { seededRng } from '../../shared/demo/random';
import { DOMAIN_MESSAGES } from '../../shared/i18n/domain-messages';
import { PLATFORM_HEADER } from '../fixtures/reconcile/files';
import { fenToDecimal, formatFen, type Fen } from '../../shared/domain/money';
import type { InvoiceContent } from '../../shared/domain/invoice';
import { openSignedIn, signIn } from './helpers/sign-in';
import { goTo } from './helpers/invoice';

/*
 * Printing, as a clerk uses it: a ledger long enough for several A4 pages is imported from Excel (the fast way in),
 * the ledger's 打印 opens the preview; each page is numbered and sums its own rows (本页合计), the last page also
 * the whole list (总计); printing to PDF gives the same number of pages; the invoice, case and reconciliation
 * previews render. Screenshots of each preview in Chinese and English go to /tmp/shots-c/ to be looked at.
 */

const SHOTS = '/tmp/shots-c';
const COUNT = 70;

function sampleInvoices(): InvoiceContent[] {
  const rng = seededRng(14);
  const sellers = demoSellers(rng, 30);
  const buyer = demoParty(rng);
  return Array.from({ length: COUNT }, (_, i) => demoInvoiceContent(rng, 7000 + i, sellers, buyer, '2026-11-27'));
}

function ledgerWorkbook(invoices: readonly InvoiceContent[]): Buffer {
  const header = ['发票类型', '发票代码', '发票号码', '开票日期', '购买方名称', '购买方纳税人识别号', '销售方名称', '销售方纳税人识别号', '金额', '税额', '价税合计'];
  const rows = invoices.map((c) => [
    DOMAIN_MESSAGES[`kind.${c.kind}`]?.['zh-CN'] ?? c.kind, c.code, c.number, c.issueDate, c.buyer.name, c.buyer.taxId, c.seller.name, c.seller.taxId,
    fenToDecimal(c.amount), fenToDecimal(c.tax), fenToDecimal(c.total),
  ]);
  return Buffer.from(writeWorkbook([{ name: '台账', header, rows }]));
}

async function importLedger(page: Page, invoices: readonly InvoiceContent[]): Promise<void> {
  await goTo(page, '#/sheets');
  await page.getByLabel('选择 Excel 文件').setInputFiles({ name: '11月台账.xlsx', mimeType: 'application/octet-stream', buffer: ledgerWorkbook(invoices) });
  const card = page.locator('article', { hasText: '11月台账.xlsx' });
  await card.getByRole('button', { name: `确认导入 ${invoices.length} 张` }).click();
  await expect(page.getByText(`已导入 ${invoices.length} 张发票`)).toBeVisible({ timeout: 60_000 });
}

/** Reads "1,234.56" back into fen. */
const toFen = (text: string): number => Math.round(Number(text.replace(/,/g, '')) * 100);

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

test.beforeAll(() => { mkdirSync(SHOTS, { recursive: true }); });
// Tall enough for a whole A4 sheet (1123 px) beside the toolbar, so each sheet's screenshot shows all of it.
test.use({ viewport: { width: 1366, height: 1300 } });

test('the ledger prints on numbered A4 pages, each with its own totals, and the PDF has as many pages', async ({ page }) => {
  test.setTimeout(240_000);
  const invoices = sampleInvoices();
  await openSignedIn(page, '/#/ledger');
  await importLedger(page, invoices);
  await goTo(page, '#/ledger');
  await expect(page.getByText(`共 ${COUNT} 张`)).toBeVisible();
  await page.getByRole('button', { name: '打印' }).click();

  const toolbar = page.getByRole('toolbar', { name: '打印' });
  await expect(toolbar).toContainText(/共 \d+ 页/);
  const sheets = page.locator('.print-sheets .print-sheet');
  const pageCount = await sheets.count();
  expect(pageCount).toBeGreaterThanOrEqual(2);
  await expect(toolbar).toContainText(`共 ${pageCount} 页`);

  let rowsSeen = 0;
  const grand = { amount: 0, tax: 0, total: 0 };
  for (let p = 0; p < pageCount; p++) {
    const sheet = sheets.nth(p);
    await expect(sheet.locator('.print-sheet-foot')).toHaveText(`第 ${p + 1} 页 / 共 ${pageCount} 页`);
    const rows = sheet.locator('tbody tr');
    const n = await rows.count();
    rowsSeen += n;
    const sum = { amount: 0, tax: 0, total: 0 };
    for (let r = 0; r < n; r++) {
      const cells = await rows.nth(r).locator('td').allInnerTexts();
      sum.amount += toFen(cells[4] ?? '');
      sum.tax += toFen(cells[5] ?? '');
      sum.total += toFen(cells[6] ?? '');
    }
    const pageTotal = await sheet.locator('tr.print-total-page td').allInnerTexts();
    expect(pageTotal.slice(0, 3).map(toFen)).toEqual([sum.amount, sum.tax, sum.total]);
    grand.amount += sum.amount; grand.tax += sum.tax; grand.total += sum.total;
    // 总计 only under the last page's rows.
    await expect(sheet.locator('tr.print-total-grand')).toHaveCount(p === pageCount - 1 ? 1 : 0);
  }
  expect(rowsSeen).toBe(COUNT);
  const expected = (pick: (c: InvoiceContent) => Fen) => formatFen(invoices.reduce((s, c) => s + pick(c), 0) as Fen);
  const grandRow = await sheets.last().locator('tr.print-total-grand td').allInnerTexts();
  expect(grandRow.slice(0, 3)).toEqual([expected((c) => c.amount), expected((c) => c.tax), expected((c) => c.total)]);
  expect(grand.total).toBe(toFen(grandRow[2] ?? ''));
  await sheets.last().screenshot({ path: `${SHOTS}/print-ledger-last-zh.png` });

  // In the browser build 存为 PDF says where "Save as PDF" is and opens the print dialog (counted, not shown, here).
  await page.evaluate(() => { window.print = () => { document.body.dataset.printCalls = String(Number(document.body.dataset.printCalls ?? 0) + 1); }; });
  await page.getByRole('button', { name: '存为 PDF' }).click();
  await expect(page.getByRole('note')).toHaveText('在打印对话框中把"目标打印机"选为"另存为 PDF"即可保存 PDF');
  await expect(page.locator('body')).toHaveAttribute('data-print-calls', '1');
  await page.getByRole('toolbar', { name: '打印' }).getByRole('button', { name: '打印' }).click();
  await expect(page.locator('body')).toHaveAttribute('data-print-calls', '2');
  await shotsBothLanguages(page, 'print-ledger', /Invoice ledger/);

  // What Chromium prints is what the preview shows: as many PDF pages as sheets.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('toolbar', { name: '打印' })).toBeHidden();
  await expect(page.getByRole('navigation').first()).toBeHidden();
  await page.screenshot({ path: `${SHOTS}/print-ledger-print-media.png` });
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  const pdfPages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  expect(pdfPages).toBe(pageCount);
});

const COMPANY = { name: '江苏京利华新材料有限公司', taxId: '91320115MA202UKD7X' };
const MISSING = { code: '033002000211', number: '83089647', date: '2020-07-23', seller: '兰溪市悦济舫餐厅', sellerTaxId: '92330781MA2EDMFU50', amount: '510.68', tax: '15.32', total: '526.00' };
const KNOWN = [
  { number: '83089640', date: '2020-07-10', seller: '天津瑞佳讯贸易有限公司', sellerTaxId: '91120222079642398Y', amount: '100.00', tax: '3.00', total: '103.00' },
  { number: '83089641', date: '2020-07-12', seller: '延长壳牌石油有限公司', sellerTaxId: '91610000681575394Q', amount: '200.00', tax: '26.00', total: '226.00' },
];
/** The real 数电专票 PDF among the sample invoices beside the checkout, and what is printed on it. */
const PDF_SAMPLE = resolve(import.meta.dirname, '../../../shared/samples/pdf/sichuan-shudian-zhuan-rendered.pdf');
const PDF_TRUTH: Record<string, string> = { 发票号码: '23512000000005197325', 开票日期: '2023-01-30', 销售方纳税人识别号: '92510124MA6B1BBY1G', 价税合计: '2150.63' };

function julyLedger(): Buffer {
  const header = ['发票类型', '发票代码', '发票号码', '开票日期', '购买方名称', '购买方纳税人识别号', '销售方名称', '销售方纳税人识别号', '金额', '税额', '价税合计'];
  const rows = KNOWN.map((r) => ['增值税电子普通发票', MISSING.code, r.number, r.date, COMPANY.name, COMPANY.taxId, r.seller, r.sellerTaxId, r.amount, r.tax, r.total]);
  return Buffer.from(writeWorkbook([{ name: '台账', header, rows }]));
}

function platformList(): Buffer {
  const rows = [...KNOWN, MISSING].map((r, i) => PLATFORM_HEADER.map((h) => ({
    序号: String(i + 1), 发票代码: MISSING.code, 发票号码: r.number, 数电发票号码: '', 销方识别号: r.sellerTaxId, 销方名称: r.seller,
    购方识别号: COMPANY.taxId, 购买方名称: COMPANY.name, 开票日期: `${r.date} 10:00:00`, 金额: r.amount, 税额: r.tax, 价税合计: r.total,
    发票来源: '增值税发票管理系统', 发票票种: '增值税电子普通发票', 发票状态: '正常', 是否正数发票: '是', 发票风险等级: '正常', 开票人: '张三', 备注: '',
  } as Record<string, string>)[h] ?? ''));
  return Buffer.from(writeWorkbook([{ name: '发票基础信息', header: [...PLATFORM_HEADER], rows }]));
}

/** Screenshots of the preview in Chinese, then in English (the language select in the sidebar), then back. */
async function shotsBothLanguages(page: Page, name: string, english: RegExp): Promise<void> {
  await expect(page.locator('.print-sheets .print-sheet').first()).toBeVisible();
  await shot(page, `${name}-zh`);
  await page.getByLabel('语言').selectOption('en');
  await expect(page.getByRole('toolbar', { name: 'Print' })).toContainText(english);
  await expect(page.locator('.print-sheets .print-sheet-foot').first()).toContainText(/^Page 1 of \d+$/);
  await shot(page, `${name}-en`);
  await page.getByLabel('Language').selectOption('zh-CN');
  await expect(page.getByRole('toolbar', { name: '打印' })).toBeVisible();
}

test('an invoice with its original, a case file with its contact log and the reconciliation report print', async ({ page }) => {
  test.setTimeout(240_000);
  await openSignedIn(page, '/#/sheets');
  await page.getByLabel('选择 Excel 文件').setInputFiles({ name: '2020年7月台账.xlsx', mimeType: 'application/octet-stream', buffer: julyLedger() });
  await page.locator('article', { hasText: '2020年7月台账.xlsx' }).getByRole('button', { name: '确认导入 2 张' }).click();
  await expect(page.getByText('已导入 2 张发票')).toBeVisible({ timeout: 30_000 });

  // The reconciliation report: the invoice the ledger lacks is listed on paper with its explanation.
  await goTo(page, '#/reconcile');
  await page.getByLabel('本公司纳税人识别号').fill(COMPANY.taxId);
  await page.getByLabel('选择平台发票清单').setInputFiles({ name: '全量发票查询导出结果.xlsx', mimeType: 'application/octet-stream', buffer: platformList() });
  await expect(page.getByText(/全量发票查询：3 行/)).toBeVisible({ timeout: 30_000 });
  const usePeriod = page.getByRole('button', { name: '按此期间对账' });
  if (await usePeriod.isVisible()) await usePeriod.click();
  await page.getByRole('button', { name: '开始对账' }).click();
  const missingRow = page.getByRole('table', { name: '对账问题列表' }).getByRole('row', { name: new RegExp(MISSING.number) }).first();
  await expect(missingRow).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: '打印' }).click();
  const findings = page.locator('.print-sheets table').filter({ hasText: MISSING.number });
  await expect(findings.getByRole('row', { name: new RegExp(MISSING.number) })).toContainText('平台有台账无');
  await expect(page.locator('.print-sheets')).toContainText('2020-07-01 至 2020-07-31');
  await shotsBothLanguages(page, 'print-reconcile', /Invoice reconciliation report/);
  const reportHash = new URL(page.url()).hash;
  await page.getByRole('button', { name: '返回' }).click();

  // A case opened from the report, a call logged: its case file prints with the contact log.
  await missingRow.getByRole('button', { name: '建立补办案件' }).click();
  await expect(page.getByRole('navigation', { name: '办理进度' })).toBeVisible();
  await page.getByLabel('联系方式').selectOption({ label: '电话' });
  await page.getByLabel('联系人').fill('店长王女士');
  await page.getByLabel('沟通内容').fill('发票原件遗失，对方同意重新发送电子发票文件');
  await page.getByLabel('下一步').fill('收到文件后导入');
  await page.getByRole('button', { name: '保存联系记录' }).click();
  await expect(page.getByRole('list', { name: '联系记录' }).getByText('店长王女士')).toBeVisible();
  await page.getByRole('button', { name: '打印' }).click();
  const contactRow = page.locator('.print-sheets tr', { hasText: '店长王女士' });
  await expect(contactRow).toContainText('发票原件遗失，对方同意重新发送电子发票文件');
  await expect(contactRow).toContainText('收到文件后导入');
  await expect(page.locator('.print-sheets')).toContainText(MISSING.seller);
  await shotsBothLanguages(page, 'print-case', /Missing invoice case file/);

  // A captured e-invoice prints with its fields, history and the first page of its PDF.
  await goTo(page, '#/capture');
  await page.locator('input[type=file]').setInputFiles(PDF_SAMPLE);
  await expect(page.getByRole('heading', { name: '核对识别结果' })).toBeVisible({ timeout: 60_000 });
  for (const [label, value] of Object.entries(PDF_TRUTH)) {
    const input = page.getByLabel(label, { exact: true });
    if ((await input.inputValue()) !== value) await input.fill(value);
  }
  await page.keyboard.press('Enter');
  await expect(page.locator('.queue-item')).toContainText('已保存', { timeout: 15_000 });
  await goTo(page, '#/ledger');
  await page.getByRole('row', { name: new RegExp(PDF_TRUTH['发票号码'] ?? '') }).click();
  await page.getByRole('button', { name: '打印' }).click();
  const sheets = page.locator('.print-sheets');
  await expect(sheets).toContainText('发票记录及历史');
  await expect(sheets).toContainText('92510124MA6B1BBY1G');
  await expect(sheets.locator('tr', { hasText: '新建' }).first()).toBeVisible();
  const original = sheets.locator('.print-original canvas');
  await expect(original).toBeVisible();
  // pdf.js has drawn the page: many pixels that are not white.
  const inked = (c: HTMLCanvasElement) => {
    const data = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data ?? new Uint8ClampedArray();
    let n = 0;
    for (let i = 0; i < data.length; i += 4) if ((data[i + 3] ?? 0) > 0 && (data[i] ?? 255) < 200) n++;
    return n;
  };
  await expect.poll(() => original.evaluate(inked), { timeout: 30_000 }).toBeGreaterThan(1000);
  await page.locator('.print-sheets .print-sheet').filter({ has: page.locator('canvas') }).screenshot({ path: `${SHOTS}/print-invoice-original-zh.png`, timeout: 15_000 });
  await shotsBothLanguages(page, 'print-invoice', /Invoice record and history/);

  // After a reload the findings are gone with the session (runs keep their summary): the report prints that and says so.
  await goTo(page, reportHash);
  await page.reload();
  await signIn(page);
  await expect(page.locator('.print-sheets')).toContainText('问题明细只保存在对账当次的页面中');
  await expect(page.locator('.print-sheets')).toContainText('全量发票查询导出结果.xlsx');
  await expect(page.locator('.print-sheets .print-fields')).toContainText('平台有台账无');
});
