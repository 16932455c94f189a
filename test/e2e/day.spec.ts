import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { addUser, createAdmin, firstSignIn, switchUser, type Person } from './helpers/sign-in';
import { goTo, typeSampleInvoice } from './helpers/invoice';

/*
 * A clerk's working day (issue #14), on 28 April 2025 at an office in Beijing. The administrator set up the PC and
 * typed one invoice yesterday evening. In the morning the clerk signs in and the home page says what is due (one
 * invoice waiting to be checked, never backed up); the clerk imports the e-invoice that arrived as an OFD file and
 * confirms it. The auditor signs in on the same PC, opens 待核对 from the home page and checks both invoices, runs
 * the month-end check for April (the two invoices checked, the audit chain verified on the spot; reconciliation and
 * backup still open) and saves it, opens the print preview of April's ledger from the command palette, presses F1 there and lands on the
 * manual's page about printing, and sends feedback. Every screen of the walk is photographed in Chinese and in
 * English (test-screens/day/, not committed) to be looked at.
 */

const SAMPLES = resolve(import.meta.dirname, '../../../shared/samples');
const SHOTS = resolve(import.meta.dirname, '../../test-screens/day');
/** The evening before, when the administrator set the PC up. */
const EVENING = new Date('2025-04-27T18:30:00+08:00');
/** 09:05 in Beijing on the 28th: from the 25th on, the month-end check offers the current month. */
const MORNING = new Date('2025-04-28T09:05:00+08:00');
const CLERK: Person = { login: 'li', name: '李录入', password: 'Li-Clerk-2026' };
const AUDITOR: Person = { login: 'zhang', name: '张审核', password: 'Zhang-Audit-2026' };
/** Typed by the administrator yesterday; the OFD the clerk imports is the 数电专票 25924000000001260164. */
const TYPED = '25924000000001260165';
const FILE_NUMBER = '25924000000001260164';

let step = 0;
/** A screenshot of the screen as it is, then the same screen in English, then back to Chinese. */
async function shootBoth(page: Page, name: string): Promise<void> {
  step += 1;
  const base = `${String(step).padStart(2, '0')}-${name}`;
  await page.screenshot({ path: `${SHOTS}/${base}-zh.png`, fullPage: true });
  await page.locator('#locale').selectOption('en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.waitForTimeout(150); // lazy parts (charts) redraw their labels
  await page.screenshot({ path: `${SHOTS}/${base}-en.png`, fullPage: true });
  await page.locator('#locale').selectOption('zh-CN');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
}

test.beforeAll(() => { mkdirSync(SHOTS, { recursive: true }); });

test('a clerk\'s day: home shows what is due → capture → check → month-end check → ledger print preview → F1 → feedback', async ({ page }) => {
  test.setTimeout(300_000);
  await page.clock.setFixedTime(EVENING);
  await page.goto('/');

  // The administrator's set-up: the first start, two colleagues, and an invoice typed the evening before.
  await expect(page.getByRole('heading', { name: '创建管理员' })).toBeVisible({ timeout: 30_000 });
  await createAdmin(page);
  await goTo(page, '#/users');
  const clerkPassword = await addUser(page, CLERK, '录入员');
  const auditorPassword = await addUser(page, AUDITOR, '审核员');
  await typeSampleInvoice(page, TYPED, '2025-04-25');
  await switchUser(page);
  await page.clock.setFixedTime(MORNING);

  // Morning: the clerk signs in; the app opens on the home page, which says what is due.
  await firstSignIn(page, CLERK, clerkPassword);
  await expect(page.getByRole('heading', { name: '首页', level: 1 })).toBeVisible();
  await expect(page.getByTestId('tile-today')).toContainText('0张');
  await expect(page.getByTestId('tile-entered')).toContainText('1张');
  await expect(page.getByTestId('tile-backup')).toHaveClass(/tile-alert/);
  await expect(page.getByRole('complementary', { name: '导览' })).toContainText('第一次使用');
  await shootBoth(page, 'home-clerk');

  // Capture: the e-invoice that came by e-mail, read from its OFD file and confirmed with Enter.
  await page.getByRole('link', { name: '导入文件' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '导入发票文件' })).toBeVisible();
  await page.locator('input[type=file]').setInputFiles(`${SAMPLES}/ofd/qingdao-shudian-zhuan.ofd`);
  await expect(page.getByRole('heading', { name: '核对识别结果' })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByLabel('发票号码', { exact: true })).toHaveValue(FILE_NUMBER);
  await shootBoth(page, 'capture-confirm');
  await page.getByLabel('发票号码', { exact: true }).press('Enter');
  await expect(page.locator('.queue-item', { hasText: 'qingdao-shudian-zhuan.ofd' })).toContainText('已保存', { timeout: 15_000 });
  await shootBoth(page, 'capture-saved');
  await page.getByRole('link', { name: '首页' }).click();
  await expect(page.getByTestId('tile-today')).toContainText('1张');
  await expect(page.getByTestId('tile-entered')).toContainText('2张');
  await switchUser(page);

  // The auditor checks what the clerk captured: 待核对 opens the ledger filtered to it.
  await firstSignIn(page, AUDITOR, auditorPassword);
  await expect(page.getByTestId('tile-entered')).toContainText('2张');
  await shootBoth(page, 'home-auditor');
  await page.getByTestId('tile-entered').click();
  await expect(page.getByRole('group', { name: '当前筛选条件' })).toContainText('状态：已录入');
  await shootBoth(page, 'ledger-waiting');
  for (const number of [TYPED, FILE_NUMBER]) {
    await goTo(page, '#/ledger');
    await page.getByRole('gridcell', { name: number }).click();
    await expect(page.locator('main.content h1')).toContainText(number);
    if (number === FILE_NUMBER) await shootBoth(page, 'invoice');
    await page.getByRole('button', { name: '已核对', exact: true }).click();
    await expect(page.getByText('状态已改为“已核对”').last()).toBeVisible();
  }
  await page.getByRole('link', { name: '首页' }).click();
  await expect(page.getByTestId('tile-entered')).toContainText('0张');

  // The month-end check for April: both invoices checked; the audit chain verified here; then saved.
  await page.getByRole('link', { name: '月末核对' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '月末核对' })).toBeVisible();
  await expect(page.getByText('2025-04-01 至 2025-04-30')).toBeVisible();
  await expect(page.locator('[data-item="checked"]')).toHaveClass(/is-pass/);
  await expect(page.locator('[data-item="clean"]')).toHaveClass(/is-pass/);
  await expect(page.locator('[data-item="reconciled"]')).toHaveClass(/is-fail/);
  await expect(page.locator('[data-item="backup"]')).toHaveClass(/is-fail/);
  const audit = page.locator('[data-item="audit"]');
  await audit.getByRole('button', { name: '立即验证' }).click();
  await expect(audit).toHaveClass(/is-pass/, { timeout: 30_000 });
  await page.getByLabel('备注（可选）').fill('对账和备份明天完成');
  await page.getByRole('button', { name: '保存结果' }).click();
  await expect(page.getByText('已保存 2025年4月 的核对结果')).toBeVisible();
  await expect(page.getByRole('region', { name: '核对记录' }).locator('tbody tr').filter({ hasText: '张审核' })).toContainText('3/5');
  await shootBoth(page, 'month-end');

  // The print preview of April's ledger: one A4 page, numbered, with its total.
  await page.getByRole('link', { name: '发票台账' }).click();
  await page.getByRole('button', { name: '清除筛选' }).click();
  await expect(page.getByText('共 2 张')).toBeVisible();
  // From the keyboard: Ctrl+K, 打印, Enter prints what the screen shows (the ledger as filtered).
  await page.keyboard.press('Control+k');
  await page.getByRole('dialog', { name: '命令面板' }).getByRole('combobox').fill('打印');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/print\/ledger/);
  const sheets = page.locator('.print-sheets .print-sheet');
  await expect(sheets).toHaveCount(1);
  await expect(sheets.first().locator('.print-sheet-foot')).toHaveText('第 1 页 / 共 1 页');
  await expect(sheets.first().locator('tr.print-total-grand')).toContainText('758.00');
  await shootBoth(page, 'print-ledger');

  // F1 on the print preview opens the manual's page about printing.
  await page.keyboard.press('F1');
  await expect(page).toHaveURL(/#\/manual\/print$/);
  await expect(page.getByRole('heading', { level: 1, name: '打印' })).toBeVisible();
  await shootBoth(page, 'manual-print');
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(/#\/print\/ledger/);

  // Feedback before going home.
  await page.getByRole('link', { name: '意见反馈' }).click();
  await page.getByLabel('当时在做什么').fill('月末核对后打印台账');
  await page.getByLabel('问题或建议').fill('希望打印时能选择只打印本月');
  await shootBoth(page, 'feedback');
  await page.getByRole('button', { name: '保存反馈' }).click();
  await expect(page.getByText('反馈已保存，将随下次同步送达管理员')).toBeVisible();
});
