import { expect, type Page } from '@playwright/test';

/** Goes to a route of the signed-in app without reloading (a reload signs out). */
export async function goTo(page: Page, hash: string): Promise<void> {
  await page.evaluate((h) => { window.location.hash = h; }, hash);
}

/**
 * Types the Qingdao 数电专票 sample on the entry form with the keyboard (number, date and remarks as given) and saves it.
 * With `possibleDuplicate` the form is expected to warn 可能重复 first (the same seller, date and total are in the
 * ledger), and a second Enter saves it flagged.
 */
export async function typeSampleInvoice(page: Page, number: string, date = '2025-04-01', remarks = '', possibleDuplicate = false): Promise<void> {
  await goTo(page, '#/new');
  await expect(page.getByLabel('发票类型')).toBeFocused();
  // A fresh form starts on 数电普票 (one up is 数电专票); after a save it keeps the last kind.
  if ((await page.getByLabel('发票类型').inputValue()) === 'digital_normal') await page.keyboard.press('ArrowUp');
  const tab = async (text: string) => { await page.keyboard.press('Tab'); if (text) await page.keyboard.type(text); };
  for (const v of ['', number, date, '', '威高集团有限公司', '913710007062495888', '6%', '357.55', '21.45', '379.00', '青岛嘉仕汇酒店管理有限公司', '91370203MA3N3AR685']) await tab(v);
  if (remarks) await page.getByLabel('备注').fill(remarks);
  await page.getByLabel('发票号码').press('Enter');
  if (possibleDuplicate) {
    await expect(page.getByRole('alert').filter({ hasText: '可能重复' })).toBeVisible();
    await page.getByLabel('发票号码').press('Enter');
    // Saved with its warnings, which the message counts instead of naming the number.
    await expect(page.getByText(/已保存（含 \d+ 条提醒）/)).toBeVisible();
    return;
  }
  await expect(page.getByText(`已保存：发票号码 ${number}`)).toBeVisible();
}

/**
 * Opens a case by hand for a missing Qingdao hotel invoice (缺失与补办 → 新建案件 → 建立案件) and waits for its page.
 * The case page is the current screen afterwards.
 */
export async function openCaseByHand(page: Page, number: string, date: string, total: string): Promise<void> {
  await goTo(page, '#/cases');
  await page.getByRole('button', { name: '新建案件' }).click();
  const form = page.locator('form.new-case');
  await form.getByLabel('发票号码').fill(number);
  await form.getByLabel('开票日期').fill(date);
  await form.getByLabel('销售方名称').fill('青岛嘉仕汇酒店管理有限公司');
  await form.getByLabel('销售方纳税人识别号').fill('91370203MA3N3AR685');
  await form.getByLabel('价税合计').fill(total);
  await form.getByRole('button', { name: '建立案件' }).click();
  await expect(page.locator('main.content h1')).toContainText('青岛嘉仕汇酒店管理有限公司');
}
