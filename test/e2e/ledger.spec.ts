import { expect, test, type Page } from '@playwright/test';
import { openSignedIn, signIn } from './helpers/sign-in';

/*
 * A clerk at the keyboard: enters a 数电专票 (the real Qingdao sample invoice beside the checkout), is stopped by a wrong
 * tax-id check character, is refused on re-entry, warned on a likely duplicate, finds the invoice with combined
 * filters, reloads, and moves it through statuses. No mouse clicks on the form.
 */

const SAMPLE = {
  number: '25924000000001260164',
  date: '2025-04-01',
  buyer: '威高集团有限公司',
  buyerTaxId: '913710007062495888',
  rate: '6%',
  amount: '357.55',
  tax: '21.45',
  total: '379.00',
  seller: '青岛嘉仕汇酒店管理有限公司',
  sellerTaxId: '91370203MA3N3AR685',
};

async function typeInvoice(page: Page, number: string, sellerTaxId: string) {
  // Focus starts on 发票类型: 数电普票 on a fresh form (one step up is 数电专票); after a save it keeps the last kind.
  await expect(page.getByLabel('发票类型')).toBeFocused();
  if ((await page.getByLabel('发票类型').inputValue()) === 'digital_normal') await page.keyboard.press('ArrowUp');
  await expect(page.getByLabel('发票类型')).toHaveValue('digital_special');
  const tab = async (text: string) => { await page.keyboard.press('Tab'); if (text) await page.keyboard.type(text); };
  await tab(''); // 发票代码: none on 数电票
  await tab(number);
  await tab(SAMPLE.date);
  await tab(''); // 校验码: none on 数电票
  await tab(SAMPLE.buyer);
  await tab(SAMPLE.buyerTaxId);
  await tab(SAMPLE.rate);
  await tab(SAMPLE.amount);
  await tab(SAMPLE.tax);
  await tab(SAMPLE.total);
  await tab(SAMPLE.seller);
  await tab(sellerTaxId);
}

test('a clerk enters, is checked, finds and moves an invoice with the keyboard only', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (r) => { if (!r.url().startsWith('http://127.0.0.1')) requests.push(r.url()); });
  await openSignedIn(page, '/#/ledger');
  await expect(page.getByText('台账中还没有发票')).toBeVisible();

  // Ctrl+N opens the entry form.
  await page.keyboard.press('Control+n');
  await expect(page.getByRole('heading', { name: '录入发票' })).toBeVisible();

  // Wrong check character on the seller's tax id: a Chinese error, focus on that field, nothing lost.
  await typeInvoice(page, SAMPLE.number, '91370203MA3N3AR686');
  await page.keyboard.press('Enter');
  const sellerTaxId = page.getByLabel('销售方纳税人识别号');
  await expect(page.getByText(/销售方纳税人识别号.*校验位/)).toBeVisible();
  await expect(sellerTaxId).toBeFocused();
  await expect(page.getByLabel('发票号码')).toHaveValue(SAMPLE.number);
  await expect(page.getByLabel('价税合计')).toHaveValue(SAMPLE.total);
  await page.screenshot({ path: 'test-screens/form-error.png', fullPage: true });

  // Fix it and save with Enter.
  await page.keyboard.press('Control+a');
  await page.keyboard.type(SAMPLE.sellerTaxId);
  await page.keyboard.press('Enter');
  await expect(page.getByText(`已保存：发票号码 ${SAMPLE.number}`)).toBeVisible();
  await expect(page.getByLabel('发票号码')).toHaveValue('');

  // The same invoice again: refused, with a link to the recorded one.
  await typeInvoice(page, SAMPLE.number, SAMPLE.sellerTaxId);
  await page.keyboard.press('Enter');
  await expect(page.getByText(/该发票已录入，不能重复录入/)).toBeVisible();
  await expect(page.getByRole('link', { name: '查看已录入的发票' })).toBeVisible();

  // Another number, same seller, date and total: a warning first, a second Enter saves anyway.
  await page.getByLabel('发票号码').focus();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('25924000000001260999');
  await page.keyboard.press('Enter');
  await expect(page.getByText(/可能重复/)).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByText(/已保存（含 1 条提醒）/)).toBeVisible();

  // Esc leaves the (now empty) form for the ledger.
  await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { name: '发票台账', level: 1 })).toBeVisible();
  await expect(page.getByText('共 2 张')).toBeVisible();

  // Combined filter: seller name part + date range + number prefix.
  await page.getByLabel('销售方（名称或税号）').fill('嘉仕汇');
  await page.getByLabel('开票日期从').fill('2025-04-01');
  await page.getByLabel('发票号码/代码').fill('259240000000012601');
  await expect(page.getByText('共 1 张')).toBeVisible();
  await page.getByLabel('发票号码/代码').fill('');
  await page.getByLabel('状态').selectOption('entered');
  await expect(page.getByText('共 2 张')).toBeVisible();
  await page.getByLabel('视图名称').fill('嘉仕汇 四月');
  await page.keyboard.press('Enter');
  await page.screenshot({ path: 'test-screens/list.png' });

  // Reload: the data and the filter are still there (a reload signs out).
  await page.reload();
  await signIn(page);
  await expect(page.getByText('共 2 张')).toBeVisible();
  await expect(page.getByRole('gridcell', { name: SAMPLE.number })).toBeVisible();

  // Keyboard into the list, open the first row, move it through statuses.
  await page.getByLabel('发票号码/代码').fill(SAMPLE.number);
  await expect(page.getByText('共 1 张')).toBeVisible();
  await page.locator('.table-body').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: /数电票（增值税专用发票） 25924000000001260164/ })).toBeVisible();
  await page.getByRole('button', { name: '已核对' }).press('Enter');
  await expect(page.getByRole('heading', { name: /状态：\s*已核对/ })).toBeVisible();
  await page.getByRole('button', { name: '已作废' }).press('Enter');
  await expect(page.getByText(/原因/).and(page.getByRole('alert'))).toBeVisible();
  await page.getByLabel('原因').fill('开票方通知作废');
  await page.getByRole('button', { name: '已作废' }).press('Enter');
  await expect(page.getByRole('heading', { name: /状态：\s*已作废/ })).toBeVisible();
  await expect(page.getByText('此状态为终态')).toBeVisible();
  await expect(page.getByText(/修改记录完整/)).toBeVisible();
  await page.screenshot({ path: 'test-screens/detail.png', fullPage: true });

  expect(requests).toEqual([]);
});

test('bad input gets a clear message and loses nothing', async ({ page }) => {
  await openSignedIn(page, '/#/new');
  await page.getByLabel('发票号码').fill('１２３４５６７８９０１２３４５６７８９０１２３４５６７８９０');
  await page.getByLabel('开票日期').fill('2099-01-01');
  await page.getByLabel('金额').fill('￥1,000.123');
  await page.getByLabel('税额').fill('10');
  await page.getByLabel('价税合计').fill('-5');
  await page.getByLabel('销售方名称').fill('测试销方企业');
  await page.getByLabel('销售方纳税人识别号').fill('9150010807MGZHI002');
  await page.getByLabel('销售方纳税人识别号').press('Enter');
  await expect(page.getByText(/有 \d+ 处错误，未保存/)).toBeVisible();
  await expect(page.getByText(/发票号码应为 20 位数字，当前为 30 位/)).toBeVisible();
  await expect(page.locator('#inv-issueDate-msg')).toContainText(/未来|晚于/);
  await expect(page.locator('#inv-amount-msg')).toContainText(/两位小数|2 位小数/);
  await expect(page.locator('#inv-total-msg')).toBeVisible();
  await expect(page.locator('#inv-sellerTaxId-msg')).toContainText(/I|O|Z|S|V/);
  // Full-width digits were normalised; nothing typed was dropped.
  await expect(page.getByLabel('发票号码')).toHaveValue('123456789012345678901234567890');
  await expect(page.getByLabel('销售方名称')).toHaveValue('测试销方企业');
  await page.reload();
  await signIn(page);
  await expect(page.getByLabel('销售方纳税人识别号')).toHaveValue('9150010807MGZHI002');
});

test('the UI switches to English', async ({ page }) => {
  await openSignedIn(page, '/#/ledger');
  await page.getByLabel('语言').selectOption('en');
  await expect(page.getByRole('heading', { name: 'Invoice ledger' })).toBeVisible();
  await page.keyboard.press('Control+n');
  await expect(page.getByRole('heading', { name: 'New invoice' })).toBeVisible();
});
