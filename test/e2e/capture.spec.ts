import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { openSignedIn, signIn } from './helpers/sign-in';

/*
 * Capture end to end, fully offline: three real files (OFD, PDF, image) are dropped in, read in workers,
 * confirmed with the keyboard beside their originals, and land in the ledger with the originals viewable.
 * The same files again are flagged as duplicates. No request leaves 127.0.0.1.
 */

const SAMPLES = resolve(import.meta.dirname, '../../../shared/samples');

/** Truth as printed on the samples (also in bench/fixtures/samples-truth.json), by form label. */
const TRUTH: Record<string, Record<string, string>> = {
  'zhejiang-e-putong.ofd': { 发票号码: '83089647', 开票日期: '2020-07-23', 销售方纳税人识别号: '92330781MA2EDMFU50', 价税合计: '526.00' },
  'sichuan-shudian-zhuan-rendered.pdf': { 发票号码: '23512000000005197325', 开票日期: '2023-01-30', 销售方纳税人识别号: '92510124MA6B1BBY1G', 价税合计: '2150.63' },
  'tianjin-e-putong.png': {
    发票代码: '012001800311', 发票号码: '33207675', 开票日期: '2019-05-08', 购买方名称: '个人', 销售方名称: '天津瑞佳讯贸易有限公司',
    销售方纳税人识别号: '91120222079642398Y', 金额: '46.62', 税额: '6.08', 价税合计: '52.70',
  },
};
const FILES = Object.keys(TRUTH).map((name) => `${SAMPLES}/${name.endsWith('.ofd') ? 'ofd' : name.endsWith('.pdf') ? 'pdf' : 'images'}/${name}`);

async function dropSamples(page: Page) {
  await page.locator('input[type=file]').setInputFiles(FILES);
  await expect(page.getByText(/共 3 个文件：3 个已处理/)).toBeVisible({ timeout: 120_000 });
}

test('three files are read offline, confirmed by keyboard and kept with their originals', async ({ page }) => {
  test.setTimeout(240_000);
  const external: string[] = [];
  page.on('request', (r) => { if (!/^(http:\/\/127\.0\.0\.1|blob:|data:)/.test(r.url())) external.push(r.url()); });
  await openSignedIn(page, '/#/capture');
  await dropSamples(page);
  await expect(page.locator('.queue-item progress').first()).toBeVisible();

  for (let i = 0; i < 3; i++) {
    await expect(page.getByRole('heading', { name: '核对识别结果' })).toBeVisible();
    const name = (await page.locator('.queue-item.selected .link').textContent()) ?? '';
    const truth = TRUTH[name];
    expect(truth, name).toBeDefined();
    // The original is shown beside the form.
    await expect(page.locator('.confirm-original figcaption')).toContainText(name);
    // The clerk checks every key value against the paper and corrects what was misread, then presses Enter.
    for (const [label, value] of Object.entries(truth ?? {})) {
      const input = page.getByLabel(label, { exact: true });
      if ((await input.inputValue()) !== value) {
        await input.focus();
        await page.keyboard.press('Control+a');
        await page.keyboard.type(value);
      }
    }
    await page.keyboard.press('Enter');
    await expect(page.locator('.queue-item', { hasText: name })).toContainText('已保存', { timeout: 10_000 });
  }
  await expect(page.getByText(/共 3 个文件：3 个已处理，3 张已保存/)).toBeVisible();
  await page.screenshot({ path: 'test-screens/capture-done.png', fullPage: true });

  // All three are in the ledger, each with its original viewable.
  await page.goto('/#/ledger');
  await expect(page.getByText('共 3 张')).toBeVisible();
  await page.getByLabel('附件').selectOption('yes');
  await expect(page.getByText('共 3 张')).toBeVisible();
  await page.getByRole('gridcell', { name: /33207675/ }).click();
  await expect(page.getByRole('region', { name: '原件' }).getByRole('img', { name: 'tianjin-e-putong.png' })).toBeVisible();
  await page.goBack();
  await page.getByRole('gridcell', { name: /23512000000005197325/ }).click();
  await expect(page.locator('.attachments canvas.pdf-page')).toBeVisible();
  await page.goBack();
  await page.getByRole('gridcell', { name: /83089647/ }).click();
  await expect(page.locator('.attachments').getByRole('img', { name: 'zhejiang-e-putong.ofd' })).toBeVisible();
  await expect(page.locator('.attachments').getByRole('link', { name: '下载原件' })).toBeVisible();

  // The same files again: each is flagged before saving.
  await page.goto('/#/capture');
  await page.reload();
  await signIn(page);
  await dropSamples(page);
  await expect(page.locator('.queue-item', { hasText: /此文件已导入过/ })).toHaveCount(3);
  await page.screenshot({ path: 'test-screens/capture-duplicates.png', fullPage: true });

  expect(external).toEqual([]);
});

test('bad files each get a clear message and the batch goes on', async ({ page }) => {
  test.setTimeout(120_000);
  await openSignedIn(page, '/#/capture');
  await page.locator('input[type=file]').setInputFiles([
    { name: 'empty.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(0) },
    { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('会议纪要') },
    { name: 'broken.ofd', mimeType: 'application/octet-stream', buffer: Buffer.from('PK\u0003\u0004garbage') },
    { name: 'truncated.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n1 0 obj\n<<') },
    { name: 'qingdao-shudian-zhuan.ofd', mimeType: 'application/octet-stream', buffer: readFileSync(`${SAMPLES}/ofd/qingdao-shudian-zhuan.ofd`) },
  ]);
  await expect(page.getByText(/共 5 个文件：5 个已处理/)).toBeVisible({ timeout: 60_000 });
  await expect(page.locator('.queue-item', { hasText: 'empty.pdf' })).toContainText('文件是空的');
  await expect(page.locator('.queue-item.state-failed')).toHaveCount(4);
  await expect(page.locator('.queue-item', { hasText: 'qingdao-shudian-zhuan.ofd' })).toContainText('待确认');
});

/** Truth of a phone photo (a paper 普票 photographed on a desk, a screenshot caption over it). */
const PHOTO = 'anhui-putong-photo-overlay.png';
const PHOTO_TRUTH: Record<string, string> = {
  发票代码: '034001900104', 发票号码: '34146020', 开票日期: '2020-08-20', 购买方名称: '安徽特扭航天科技有限公司',
  购买方纳税人识别号: '91340100MA2UMW7E42', 销售方名称: '合肥华强资讯科技有限公司', 销售方纳税人识别号: '91340100732995648F',
  金额: '2564.60', 税额: '333.40', 价税合计: '2898.00',
};

test('a phone photo is read by PP-OCR in the browser and confirmed by keyboard alone', async ({ page }) => {
  test.setTimeout(240_000);
  await openSignedIn(page, '/#/capture');
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  await page.locator('input[type=file]').setInputFiles(`${SAMPLES}/images/${PHOTO}`);
  await expect(page.getByRole('heading', { name: '核对识别结果' })).toBeVisible({ timeout: 180_000 });
  // Every key value is prefilled as printed: nothing to type.
  for (const [label, value] of Object.entries(PHOTO_TRUTH)) await expect(page.getByLabel(label, { exact: true }), label).toHaveValue(value);
  // Values with a second reading (printed twice, check character, amounts that add up) are shown as certain;
  // the names, which OCR cannot confirm, are highlighted for the clerk to compare — and focus starts there.
  for (const label of ['发票号码', '购买方纳税人识别号', '销售方纳税人识别号', '金额', '税额', '价税合计']) {
    await expect(page.locator('.field', { has: page.getByLabel(label, { exact: true }) }), label).toHaveClass(/flag-ok/);
  }
  await expect(page.locator('.field', { has: page.getByLabel('销售方名称', { exact: true }) })).toHaveClass(/flag-low/);
  const focused = await page.evaluate(() => document.activeElement?.id ?? '');
  expect(focused).not.toBe('');
  await page.screenshot({ path: 'test-screens/capture-photo.png', fullPage: true });
  // Confirmed with the keyboard: Enter saves.
  await page.keyboard.press('Enter');
  await expect(page.locator('.queue-item', { hasText: PHOTO })).toContainText('已保存', { timeout: 10_000 });
  await page.goto('/#/ledger');
  await expect(page.getByRole('gridcell', { name: /34146020/ })).toBeVisible();
});
