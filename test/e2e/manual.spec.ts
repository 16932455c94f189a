import { expect, test } from '@playwright/test';
import { openSignedIn } from './helpers/sign-in';
import { goTo } from './helpers/invoice';

/*
 * 操作手册 (issue #14 point 4): F1 on a screen opens that screen's manual page (also with the focus in a text field),
 * Esc goes back to the screen; a search finds pages by words inside them with the hit marked; the first-start tour is
 * offered once per user on this PC, steps along the sidebar with the keyboard, and can be replayed from the manual's
 * contents and from the command palette.
 */

test('F1 opens the page for the screen, Esc goes back; a search for 补办 finds the cases page', async ({ page }) => {
  await openSignedIn(page, '/');
  await goTo(page, '#/capture');
  await expect(page.getByRole('heading', { level: 1, name: '导入发票文件' })).toBeVisible();
  await page.keyboard.press('F1');
  await expect(page).toHaveURL(/#\/manual\/capture$/);
  await expect(page.getByRole('heading', { level: 1, name: '扫描与监视文件夹' })).toBeFocused();
  await expect(page.locator('.manual-shot img').first()).toHaveAttribute('src', 'manual/screens/zh/capture.jpg');
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(/#\/capture$/);

  // In a text field F1 still opens the manual (and types nothing).
  await goTo(page, '#/new');
  await expect(page.getByLabel('发票类型')).toBeFocused();
  await page.getByLabel('发票号码').focus();
  await page.keyboard.press('F1');
  await expect(page.getByRole('heading', { level: 1, name: '录入发票' })).toBeVisible();
  await expect(page).toHaveURL(/#\/manual\/entry$/);
  await page.getByRole('button', { name: /返回/ }).click();
  await expect(page).toHaveURL(/#\/new$/);

  // The sidebar's 帮助 F1 does the same for the mouse; the contents are one link away.
  await goTo(page, '#/cases');
  await page.getByRole('button', { name: /帮助/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: '遗失发票与补办' })).toBeVisible();
  await page.getByRole('link', { name: '手册目录' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '操作手册' })).toBeVisible();

  const search = page.getByRole('searchbox', { name: '搜索手册' });
  await expect(search).toBeFocused();
  await search.fill('补办');
  const hits = page.locator('.manual-hits li');
  await expect(hits.first().getByRole('link')).toHaveText('遗失发票与补办');
  await expect(hits.first().locator('mark').first()).toHaveText('补办');
  await search.fill('没有这种字词xyz');
  await expect(page.getByText('手册中没有找到“没有这种字词xyz”')).toBeVisible();
  await search.fill('ｕ盘');
  await hits.first().getByRole('link').click();
  await expect(page).toHaveURL(/#\/manual\/backup$/);
  await expect(page.getByRole('heading', { level: 1, name: '备份与恢复' })).toBeVisible();

  // The English pages: the same page in the other language, its own screenshots.
  await page.getByLabel('语言').selectOption('en');
  await expect(page.getByRole('heading', { level: 1, name: 'Backups and restore' })).toBeVisible();
  await expect(page.locator('.manual-shot img').first()).toHaveAttribute('src', 'manual/screens/en/backup.jpg');
});

test('the tour is offered once, steps through the sidebar with the keyboard, and replays from the manual and the palette', async ({ page }) => {
  await openSignedIn(page, '/');
  const offer = page.getByRole('complementary', { name: '导览' });
  await expect(offer).toContainText('第一次使用？3 分钟了解发票台账');
  // An offer, not a dialog: the rest of the page works while it shows.
  await goTo(page, '#/ledger');
  await expect(page.getByRole('heading', { level: 1, name: '发票台账' })).toBeVisible();
  await goTo(page, '#/');
  await offer.getByRole('button', { name: '开始导览' }).click();
  await expect(offer).toBeHidden();

  const bubble = page.getByRole('dialog', { name: '导览' });
  await expect(bubble).toContainText('第 1 / ');
  await expect(bubble).toContainText('首页');
  await expect(page.locator('nav.sidebar a[href="#/"]')).toHaveClass(/tour-target/);
  await expect(bubble.getByRole('button', { name: '下一步' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(bubble).toContainText('录入发票');
  await page.screenshot({ path: 'test-screens/manual-tour-zh.png' });
  await expect(page.locator('nav.sidebar a[href="#/new"]')).toHaveClass(/tour-target/);
  await expect(page.locator('nav.sidebar a[href="#/"]')).not.toHaveClass(/tour-target/);
  await bubble.getByRole('button', { name: '上一步' }).click();
  await expect(bubble).toContainText('首页');
  const total = Number(/第 1 \/ (\d+) 步/.exec(await bubble.innerText())?.[1]);
  expect(total).toBeGreaterThanOrEqual(8);
  for (let i = 1; i < total; i++) await bubble.getByRole('button', { name: '下一步' }).click();
  await expect(bubble).toContainText(`第 ${total} / ${total} 步`);
  await expect(bubble).toContainText('F1');
  await expect(page.locator('.help-link')).toHaveClass(/tour-target/);
  await page.screenshot({ path: 'test-screens/manual-tour-end-zh.png' });
  await expect(bubble.getByRole('button', { name: '下一步' })).toHaveCount(0);
  await bubble.getByRole('button', { name: '结束' }).click();
  await expect(bubble).toBeHidden();
  await expect(page.locator('.tour-target')).toHaveCount(0);

  // Taken once, not offered again to this user on this PC (a reload signs out; sign in again).
  await openSignedIn(page, '/');
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
  await expect(offer).toBeHidden();

  // Replayed from the manual's contents; Esc ends it.
  await goTo(page, '#/manual');
  await page.getByRole('button', { name: '重新播放导览' }).click();
  await expect(bubble).toContainText('第 1 / ');
  await page.keyboard.press('Escape');
  await expect(bubble).toBeHidden();
  await expect(page).toHaveURL(/#\/manual$/); // Esc ended the tour and did not also leave the manual

  // And from the command palette.
  await page.keyboard.press('Control+k');
  await page.getByRole('combobox', { name: '要去哪里、做什么？' }).fill('导览');
  await page.keyboard.press('Enter');
  await expect(bubble).toContainText('第 1 / ');
  await bubble.getByRole('button', { name: '结束' }).click();
  await expect(bubble).toBeHidden();
});
