import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { openSignedIn } from './helpers/sign-in';
import { goTo, openCaseByHand, typeSampleInvoice } from './helpers/invoice';

/*
 * The manual's screenshots (issue #14 point 4), made by the app itself so they follow the screens: signs in, puts
 * sample data in (three typed invoices, one imported OFD, a replacement case), then visits each screen in Chinese
 * and in English and writes renderer/public/manual/screens/<zh|en>/<page>.jpg (1280×800, JPEG quality 70, under a
 * fixed clock so a rerun changes little). Screens not built yet (their route still shows the home page) are
 * reported and skipped. Also writes test-screens/manual-*.png (not committed) to look at the manual itself.
 * Run: npx vite build && npx playwright test test/e2e/manual-screens.spec.ts
 */

const OUT = resolve(import.meta.dirname, '../../renderer/public/manual/screens');
const REVIEW = resolve(import.meta.dirname, '../../test-screens');
// Sample invoice files live beside the checkout (docs/invoice-rules.md#sample-invoices); CI has them too.
const SAMPLES = resolve(import.meta.dirname, '../../../shared/samples');
/** 2025-04-18 10:30 in Beijing: a weekday morning in the month of the sample invoices. */
const NOW = new Date('2025-04-18T10:30:00+08:00');
const FIRST = '25924000000001260164';
const NUMBERS = [FIRST, '25924000000001260165', '25924000000001260166'];

test.use({ viewport: { width: 1280, height: 800 } });

async function shoot(page: Page, lang: 'zh' | 'en', id: string) {
  // Toasts from earlier steps would cover the screen; they leave by themselves after a few seconds.
  await expect(page.locator('.toast')).toHaveCount(0, { timeout: 10_000 });
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: resolve(OUT, lang, `${id}.jpg`), type: 'jpeg', quality: 70, animations: 'disabled', caret: 'hide' });
}

/** Goes to a screen and waits for its first heading; false when the route does not exist yet (home shows instead). */
async function visit(page: Page, hash: string, heading?: RegExp): Promise<boolean> {
  await goTo(page, hash);
  if (hash.startsWith('#/print/')) {
    // The preview's title is for paper; its toolbar says when the pages are laid out.
    await expect(page.locator('.print-count')).toHaveText(/\d/, { timeout: 30_000 });
    await page.waitForTimeout(300);
    return true;
  }
  const h1 = page.locator('main.content h1').first();
  await expect(h1).toBeVisible();
  if (hash !== '#/' && await page.locator('main.content section.home').isVisible()) return false;
  if (heading) await expect(h1).toHaveText(heading);
  await page.waitForTimeout(300); // lazy screens and live queries settle
  return true;
}

/** The sample data every screenshot shows, entered in Chinese as a clerk would. */
async function seed(page: Page) {
  for (const [i, n] of NUMBERS.entries()) await typeSampleInvoice(page, n, `2025-04-0${i + 1}`);
  await goTo(page, '#/capture');
  await page.locator('input[type=file]').setInputFiles(`${SAMPLES}/ofd/zhejiang-e-putong.ofd`);
  await expect(page.getByRole('heading', { name: '核对识别结果' })).toBeVisible({ timeout: 60_000 });
  await page.keyboard.press('Enter');
  await expect(page.locator('.queue-item', { hasText: 'zhejiang-e-putong.ofd' })).toContainText('已保存', { timeout: 15_000 });

  await openCaseByHand(page, '25924000000001269999', '2025-03-26', '1280.00');
}

for (const lang of ['zh', 'en'] as const) {
  test(`manual screenshots (${lang})`, async ({ page }) => {
    test.setTimeout(240_000);
    await mkdir(resolve(OUT, lang), { recursive: true });
    await mkdir(REVIEW, { recursive: true });
    await page.clock.setFixedTime(NOW);
    await openSignedIn(page, '/');
    await seed(page);
    const caseHash = await page.evaluate(() => window.location.hash);
    if (lang === 'en') await page.getByLabel('语言').selectOption('en');
    const missing: string[] = [];

    // Home first: the first-start tour offer is part of what a new user sees there.
    if (await visit(page, '#/')) await shoot(page, lang, 'home'); else missing.push('home');

    // The entry form with an invoice typed but not saved yet.
    await visit(page, '#/new');
    await page.getByLabel(lang === 'zh' ? '发票号码' : 'Invoice number', { exact: true }).fill('25924000000001260170');
    await page.keyboard.press('Tab');
    await page.keyboard.type('2025-04-17');
    await shoot(page, lang, 'entry');
    await page.keyboard.press('Escape');
    const discard = page.getByRole('button', { name: lang === 'zh' ? '放弃' : 'Discard', exact: true });
    if (await discard.isVisible()) await discard.click();

    await visit(page, '#/capture');
    await shoot(page, lang, 'capture');
    await page.locator('input[type=file]').setInputFiles(`${SAMPLES}/ofd/chongqing-test-3-lines.ofd`);
    await expect(page.locator('.confirm-original').first()).toBeVisible({ timeout: 60_000 });
    await page.waitForTimeout(500);
    await page.locator('main.content').evaluate((el) => { el.scrollTop = 0; });
    await shoot(page, lang, 'files');

    await visit(page, '#/ledger');
    await expect(page.getByRole('gridcell', { name: FIRST })).toBeVisible();
    await shoot(page, lang, 'ledger');
    await page.getByRole('gridcell', { name: FIRST }).click();
    await expect(page.locator('main.content h1')).toContainText(FIRST);
    await page.waitForTimeout(300);
    await shoot(page, lang, 'statuses');

    await visit(page, '#/cases');
    await shoot(page, lang, 'cases');
    await visit(page, caseHash);
    await shoot(page, lang, 'case');

    for (const [hash, id] of [['#/reconcile', 'reconcile'], ['#/sheets', 'sheets'], ['#/backup', 'backup'], ['#/sync', 'sync'],
      ['#/users', 'users'], ['#/audit', 'audit'], ['#/feedback', 'feedback'], ['#/month-end', 'month-end'], ['#/print/ledger', 'print']] as const) {
      if (await visit(page, hash)) await shoot(page, lang, id); else missing.push(id);
    }

    await visit(page, '#/ledger');
    await page.locator('main.content h1').first().click();
    await page.keyboard.press('?');
    await expect(page.getByRole('dialog')).toBeVisible();
    await shoot(page, lang, 'keyboard');
    await page.keyboard.press('Escape');

    // The manual itself, to look at (not committed): the contents with a search, and a page.
    await visit(page, '#/manual');
    await page.locator('main.content').evaluate((el) => { el.scrollTop = el.scrollHeight; });
    await page.screenshot({ path: resolve(REVIEW, `manual-contents-${lang}.png`) });
    await page.getByRole('searchbox').fill(lang === 'zh' ? '补办' : 'replacement');
    await page.screenshot({ path: resolve(REVIEW, `manual-index-${lang}.png`) });
    await visit(page, '#/manual/cases');
    await page.screenshot({ path: resolve(REVIEW, `manual-cases-${lang}.png`) });
    await page.locator('main.content').evaluate((el) => { el.scrollTop = 900; });
    await page.screenshot({ path: resolve(REVIEW, `manual-cases-steps-${lang}.png`) });

    test.info().annotations.push({ type: 'missing screens', description: missing.join(', ') || 'none' });
    console.log(`manual screenshots (${lang}): missing ${missing.join(', ') || 'none'}`);
  });
}
