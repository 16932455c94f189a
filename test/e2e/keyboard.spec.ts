import { expect, test, type Page } from '@playwright/test';
import { COMMANDS } from '../../renderer/features/commands/registry';
import { addUser, firstSignIn, openSignedIn, switchUser, type Person } from './helpers/sign-in';

/*
 * Keyboard (issue #14): Ctrl+K opens the command palette over every screen and action the signed-in role may use
 * (type, Enter runs, Esc closes and focus goes back); `?` outside text fields lists every shortcut. A clerk is not
 * offered the administrator's or the auditor's commands. The matching itself is covered by
 * renderer/features/commands/match.test.ts.
 */

const CLERK: Person = { login: 'li', name: '李录入', password: 'Li-Clerk-2026' };

const palette = (page: Page, name = '命令面板') => page.getByRole('dialog', { name });

async function runFromPalette(page: Page, query: string) {
  await page.keyboard.press('Control+k');
  await expect(palette(page)).toBeVisible();
  await expect(palette(page).getByRole('combobox')).toBeFocused();
  await page.keyboard.type(query);
  await page.keyboard.press('Enter');
  await expect(palette(page)).toBeHidden();
}

test('Ctrl+K reaches the reconciliation and audit pages; Esc closes and focus returns', async ({ page }) => {
  await openSignedIn(page, '/');
  const ledgerLink = page.getByRole('link', { name: '发票台账' });
  await ledgerLink.focus();
  await page.keyboard.press('Control+k');
  const dialog = palette(page);
  await expect(dialog).toBeVisible();
  await expect(dialog).toHaveAttribute('aria-modal', 'true');
  await expect(dialog.getByRole('option')).toHaveCount(COMMANDS.length); // the administrator may use every one
  await page.screenshot({ path: 'test-screens/keyboard-palette-all-zh.png' });
  // End goes to the last command (退出登录), scrolled into view.
  await page.keyboard.press('End');
  await expect(dialog.getByRole('option').last()).toHaveAttribute('aria-selected', 'true');
  await expect(dialog.getByRole('option').last()).toBeInViewport();
  await page.keyboard.type('对账');
  await expect(dialog.getByRole('option').first()).toHaveAttribute('aria-selected', 'true');
  await expect(dialog.getByRole('option').first()).toContainText('对账');
  await page.screenshot({ path: 'test-screens/keyboard-palette-zh.png' });
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(ledgerLink).toBeFocused();

  await runFromPalette(page, '对账');
  await expect(page).toHaveURL(/#\/reconcile$/);
  await expect(page.locator('main.content h1')).toContainText('对账');

  await runFromPalette(page, '审计');
  await expect(page).toHaveURL(/#\/audit$/);
  await expect(page.locator('main.content h1')).toHaveText('审计日志');

  // An action, not a screen: 立即验证审计日志 verifies the chain and says so.
  await runFromPalette(page, 'ljyz');
  await expect(page.locator('.toasts').getByText(/完整：\d+ 条记录全部校验通过/)).toBeVisible();

  // The sidebar's buttons open the same palette for the mouse; Ctrl+N still starts a new invoice.
  await page.getByRole('button', { name: '命令面板' }).click();
  await expect(palette(page)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: '命令面板' })).toBeFocused();
  await page.keyboard.press('Control+n');
  await expect(page).toHaveURL(/#\/new$/);
  await page.keyboard.press('Escape');

  // Pinyin initials and the arrow keys: "tb" lists 同步与冲突 then 立即同步; ↓ Enter runs the sync (no server yet).
  await page.keyboard.press('Control+k');
  await page.keyboard.type('tb');
  await expect(palette(page).getByRole('option').nth(0)).toContainText('同步与冲突');
  await page.keyboard.press('ArrowDown');
  await expect(palette(page).getByRole('option').nth(1)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/sync$/);
});

test('? lists the shortcuts in the current language (not while typing); the palette switches the language', async ({ page }) => {
  await openSignedIn(page, '/#/ledger');
  await page.getByLabel('销售方（名称或税号）').fill('');
  await page.keyboard.press('?');
  await expect(page.getByLabel('销售方（名称或税号）')).toHaveValue('?');
  await expect(palette(page, '键盘快捷键')).toBeHidden();

  await page.locator('main.content h1').click();
  await page.keyboard.press('?');
  const sheet = palette(page, '键盘快捷键');
  await expect(sheet).toBeVisible();
  for (const text of ['Ctrl+K', 'Ctrl+N', 'PageDown', '打开命令面板', '按票面顺序移到下一项', '打开选中的发票', '下一个文件']) await expect(sheet).toContainText(text);
  await page.screenshot({ path: 'test-screens/keyboard-shortcuts-zh.png' });
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();

  await runFromPalette(page, 'english');
  await expect(page.getByRole('link', { name: 'Ledger' })).toBeVisible();
  await page.locator('main.content h1').click();
  await page.keyboard.press('?');
  const en = palette(page, 'Keyboard shortcuts');
  await expect(en).toContainText('Open the command palette');
  await page.screenshot({ path: 'test-screens/keyboard-shortcuts-en.png' });
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+k');
  await page.keyboard.type('rec');
  await expect(palette(page, 'Command palette').getByRole('option').first()).toContainText('Reconcile');
  await page.screenshot({ path: 'test-screens/keyboard-palette-en.png' });
  await page.keyboard.press('Escape');
});

test('a clerk is offered only what a clerk may do; the palette signs out and is gone at the sign-in screen', async ({ page }) => {
  await openSignedIn(page, '/#/users');
  const temporary = await addUser(page, CLERK, '录入员');
  await switchUser(page);
  await page.keyboard.press('Control+k');
  await expect(palette(page)).toBeHidden();
  await firstSignIn(page, CLERK, temporary);

  await page.keyboard.press('Control+k');
  const options = palette(page).getByRole('option');
  await expect(options.first()).toBeVisible();
  const labels = await options.allTextContents();
  expect(labels.join('|')).toContain('录入发票');
  for (const adminOnly of ['用户管理', '审计日志', '立即验证审计日志']) expect(labels.some((l) => l.includes(adminOnly)), adminOnly).toBe(false);
  await page.keyboard.type('用户管理');
  await expect(options).toHaveCount(0);
  await expect(palette(page)).toContainText('没有匹配的命令');
  await page.keyboard.press('Escape');

  await runFromPalette(page, '退出登录');
  await expect(page.getByRole('form', { name: '登录' })).toBeVisible();
});
