import { expect, test } from '@playwright/test';
import { openSignedIn } from './helpers/sign-in';
import { goTo, typeSampleInvoice } from './helpers/invoice';

/*
 * 意见反馈 (issue #14): a clerk on an invoice's page opens the form, writes what they were doing, ticks 附带诊断信息
 * but not 附带当前发票内容; the preview shows the version and the sync state and nothing of the invoice; after
 * saving, the administrator's list shows the report, which they mark read. The diagnostics builder itself is
 * covered by shared/feedback/diagnostics.test.ts.
 */

const NUMBER = '25924000000001260164';

test('feedback with diagnostics but without the invoice is saved, previewed without invoice data, and listed for the admin', async ({ page }) => {
  await openSignedIn(page, '/');
  await typeSampleInvoice(page, NUMBER);
  await goTo(page, '#/ledger');
  await page.getByRole('gridcell', { name: NUMBER }).click();
  await expect(page.locator('main.content h1')).toContainText(NUMBER);

  await page.getByRole('link', { name: '意见反馈' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '意见反馈' })).toBeVisible();
  await page.getByLabel('当时在做什么').fill('核对一张普票后想打印');
  await page.getByLabel('问题或建议').fill('打印按钮找不到');
  await page.getByRole('checkbox', { name: /附带诊断信息/ }).check();
  const invoiceBox = page.getByRole('checkbox', { name: /附带当前发票内容/ });
  await expect(invoiceBox).toBeEnabled(); // the clerk came from an invoice's page
  await expect(invoiceBox).not.toBeChecked();

  const preview = page.getByTestId('feedback-preview');
  await expect(preview).toContainText('"appVersion"');
  await expect(preview).toContainText('"sync"');
  await expect(preview).toContainText('"pending"');
  await expect(preview).toContainText('"backup"');
  await expect(preview).toContainText('打印按钮找不到');
  const text = await preview.innerText();
  const sent = JSON.parse(text) as { appVersion: string; diagnostics: { appVersion: string; locale: string; sync: { pending: number } } };
  expect(sent.appVersion).not.toBe('');
  expect(sent.diagnostics.appVersion).toBe(sent.appVersion);
  expect(sent.diagnostics.locale).toBe('zh-CN');
  expect(sent.diagnostics.sync.pending).toBeGreaterThanOrEqual(1); // the invoice just typed waits to be sent
  for (const secret of [NUMBER, '威高集团有限公司', '913710007062495888', '青岛嘉仕汇酒店管理有限公司']) expect(text).not.toContain(secret);
  await page.screenshot({ path: 'test-screens/feedback-zh.png', fullPage: true });

  // Ticking the second box would add the invoice: the preview says so before anything is saved.
  await invoiceBox.check();
  await expect(preview).toContainText(NUMBER);
  await invoiceBox.uncheck();
  await expect(preview).not.toContainText(NUMBER);

  await page.getByRole('button', { name: '保存反馈' }).click();
  await expect(page.getByText('反馈已保存，将随下次同步送达管理员')).toBeVisible();
  await expect(page.getByLabel('问题或建议')).toHaveValue('');

  const list = page.getByRole('region', { name: '全部反馈' });
  const row = list.locator('tbody tr').filter({ hasText: '打印按钮找不到' });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('未读');
  await expect(list).toContainText('共 1 条，未读 1 条');
  await row.getByRole('button', { name: '标为已读' }).click();
  await expect(row).toContainText('已读');
  await expect(list).toContainText('共 1 条，未读 0 条');
  await page.screenshot({ path: 'test-screens/feedback-list-zh.png', fullPage: true });
});
