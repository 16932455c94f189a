import { expect, test, type Page } from '@playwright/test';
import { addUser, firstSignIn, openSignedIn, switchUser, type Person } from './helpers/sign-in';
import { goTo, typeSampleInvoice } from './helpers/invoice';

/*
 * 月末核对 (issue #14): the administrator types an invoice dated April 2025 and runs the month-end check for that
 * month: item 1 fails with that one invoice; its button opens the ledger filtered to April and 已录入, where the
 * invoice is marked 已核对; back on the check, item 1 passes. The result is saved with a note, listed in 核对记录,
 * opened as a saved check and printed as the one-page report. Screenshots in both languages go to /tmp/shots-b/
 * (or E2E_SHOTS). The evaluation itself is covered by shared/period-check/evaluate.test.ts.
 */

const NUMBER = '25924000000001260177';
const SHOTS = process.env['E2E_SHOTS'] ?? '/tmp/shots-b';
const shot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });

test('month-end check: an unchecked invoice fails item 1, its link leads to the filtered ledger, checking it passes; saved, listed and printed', async ({ page }) => {
  await openSignedIn(page, '/');
  await typeSampleInvoice(page, NUMBER, '2025-04-03');

  await page.getByRole('link', { name: '月末核对' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '月末核对' })).toBeVisible();
  await page.getByLabel('年份').selectOption('2025');
  await page.getByLabel('月份', { exact: true }).selectOption('4');
  await expect(page.getByText('2025-04-01 至 2025-04-30')).toBeVisible();
  const checked = page.locator('[data-item="checked"]');
  await expect(checked).toHaveClass(/is-fail/);
  await expect(checked).toContainText('有 1 张发票还在等待核对');
  await expect(checked).toContainText(`发票号码 ${NUMBER}`);
  await expect(page.getByRole('status').filter({ hasText: '2025年4月' })).toContainText('项未通过');
  await shot(page, 'month-end-zh');

  await checked.getByRole('button', { name: '去台账核对' }).click();
  await expect(page).toHaveURL(/#\/ledger$/);
  const row = page.getByRole('gridcell', { name: NUMBER });
  await expect(row).toBeVisible();
  await shot(page, 'month-end-ledger-filtered-zh');
  await row.click();
  await page.getByRole('button', { name: '已核对' }).click();
  await expect(page.getByText('状态已改为“已核对”')).toBeVisible();

  await page.getByRole('link', { name: '月末核对' }).click();
  // The page keeps the month the clerk was closing.
  await expect(page.getByLabel('年份')).toHaveValue('2025');
  await expect(page.getByLabel('月份', { exact: true })).toHaveValue('4');
  await expect(checked).toHaveClass(/is-pass/);
  await expect(checked).toContainText('本月 1 张发票都已核对');

  await page.getByLabel('备注（可选）').fill('四月份已全部录入');
  await page.getByRole('button', { name: '保存结果' }).click();
  await expect(page.getByText('已保存 2025年4月 的核对结果')).toBeVisible();
  const history = page.getByRole('region', { name: '核对记录' });
  const saved = history.locator('tbody tr').filter({ hasText: '2025年4月' });
  await expect(saved).toHaveCount(1);
  await expect(saved).toContainText('王会计');
  await expect(saved).toContainText('四月份已全部录入');
  await expect(saved).toContainText(/✗ \d\/5 项通过/);
  await shot(page, 'month-end-saved-list-zh');

  await saved.getByRole('link', { name: '查看' }).click();
  await expect(page).toHaveURL(/#\/month-end\/[\w-]+$/);
  await expect(page.getByRole('heading', { level: 1, name: '月末核对记录：2025年4月' })).toBeVisible();
  await expect(page.getByText('王会计 于')).toBeVisible();
  await shot(page, 'month-end-record-zh');

  await page.getByRole('button', { name: '打印报告' }).click();
  await expect(page).toHaveURL(/#\/print\/monthEnd\?id=/);
  const sheet = page.locator('.print-sheets .print-sheet');
  await expect(sheet.first()).toContainText('月末核对报告');
  await expect(sheet.first()).toContainText('审核人（签字）');
  await expect(sheet.first()).toContainText('2025年4月');
  await expect(sheet).toHaveCount(1);
  await expect(page.getByText('共 1 页', { exact: true })).toBeVisible();
  await shot(page, 'month-end-print-zh');

  // The same screens in English.
  await page.locator('#locale').selectOption('en');
  await expect(sheet.first()).toContainText('Month-end completeness report');
  await expect(sheet).toHaveCount(1);
  await shot(page, 'month-end-print-en');
  await goTo(page, '#/month-end');
  await expect(page.getByRole('heading', { level: 1, name: 'Month-end check' })).toBeVisible();
  await shot(page, 'month-end-en');
  await page.getByRole('region', { name: 'Saved checks' }).getByRole('link', { name: 'Open' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Month-end check: April 2025' })).toBeVisible();
  await shot(page, 'month-end-record-en');
});

const CLERK: Person = { login: 'liu', name: '刘录入', password: 'Liu-Clerk-2026x' };

test('a clerk runs and saves the check but is not offered the audit page or 立即验证; the saved check names the clerk', async ({ page }) => {
  await openSignedIn(page, '/');
  await goTo(page, '#/users');
  const temporary = await addUser(page, CLERK, '录入员');
  await switchUser(page);
  await firstSignIn(page, CLERK, temporary);

  await page.getByRole('link', { name: '月末核对' }).click();
  const audit = page.locator('[data-item="audit"]');
  await expect(audit).toHaveClass(/is-fail/);
  await expect(audit.getByRole('button', { name: '立即验证' })).toHaveCount(0);
  await expect(audit.getByRole('button', { name: '查看审计日志 →' })).toHaveCount(0);
  await expect(audit).toContainText('审核员或管理员可以立即验证');
  await page.getByRole('button', { name: '保存结果' }).click();
  await expect(page.getByRole('region', { name: '核对记录' }).locator('tbody tr').first()).toContainText('刘录入');
  await shot(page, 'month-end-clerk-zh');
});
