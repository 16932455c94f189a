import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { writeWorkbook } from '../../shared/reconcile/sheet/index';
import { demoInvoiceContent, demoParty, demoSellers } from '../../shared/demo/demo-invoices';
import { seededRng } from '../../shared/demo/random';
import { DOMAIN_MESSAGES } from '../../shared/i18n/domain-messages';
import { fenToDecimal, formatFen, type Fen } from '../../shared/domain/money';
import type { InvoiceContent } from '../../shared/domain/invoice';
import { openSignedIn } from './helpers/sign-in';
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
  await shot(page, 'print-ledger-zh');
  await sheets.last().screenshot({ path: `${SHOTS}/print-ledger-last-zh.png` });

  // What Chromium prints is what the preview shows: as many PDF pages as sheets.
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  const pdfPages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  expect(pdfPages).toBe(pageCount);
});
