import { resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { openSignedIn, signIn } from './helpers/sign-in';

/*
 * Backup end to end, as a clerk: captures two invoices with their originals (OFD) and moves one through a status,
 * backs up to a folder with a new password, clears the database, restores from the folder with the password, and
 * finds the same ledger: same ids, statuses, history, audit chain and attachment bytes.
 *
 * Headless Chromium cannot drive the OS folder picker, so the picker is replaced by one that returns a folder in the
 * Origin Private File System (a real FileSystemDirectoryHandle): the app's platform layer, the backup format and the
 * restore all run unchanged.
 */

const SAMPLES = resolve(import.meta.dirname, '../../../shared/samples/ofd');
const PASSWORD = '青岛-发票-Backup-2026!';

/** Values printed on the sample (also in bench/fixtures/samples-truth.json), by form label, to correct whatever capture misread. */
const TRUTH: Record<string, Record<string, string>> = {
  'zhejiang-e-putong.ofd': { 发票号码: '83089647', 开票日期: '2020-07-23', 销售方纳税人识别号: '92330781MA2EDMFU50', 价税合计: '526.00' },
  'qingdao-shudian-zhuan.ofd': { 发票号码: '25924000000001260164', 开票日期: '2025-04-01', 销售方纳税人识别号: '91370203MA3N3AR685', 价税合计: '379.00' },
};

/** Everything durable in the active ledger database, read straight from IndexedDB (list-index bookkeeping dropped). */
async function dumpLedger(page: Page) {
  return page.evaluate(async () => {
    const name = localStorage.getItem('fapiao.ledger.active') ?? 'fapiao-desk';
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const req = indexedDB.open(name);
      req.onsuccess = () => { ok(req.result); };
      req.onerror = () => { fail(req.error ?? new Error('open failed')); };
    });
    const all = (store: string) => new Promise<unknown[]>((ok, fail) => {
      const req = db.transaction(store).objectStore(store).getAll();
      req.onsuccess = () => { ok(req.result as unknown[]); };
      req.onerror = () => { fail(req.error ?? new Error('read failed')); };
    });
    // Which list-index chunk holds a row is bookkeeping that a restore may assign differently.
    const invoices = (await all('invoices')).map((row) => ({ ...(row as Record<string, unknown>), _chunk: 0 }));
    const attachments = [];
    for (const a of (await all('attachments')) as { sha256: string; name: string; size: number; blob: Blob }[]) {
      const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', await a.blob.arrayBuffer()));
      attachments.push({ sha256: a.sha256, name: a.name, size: a.size, bytesHash: Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('') });
    }
    const meta = ((await all('meta')) as { key: string }[]).filter((m) => !m.key.startsWith('backup.'));
    const result = { name, invoices, audit: await all('audit'), outbox: await all('outbox'), attachments, views: await all('views'), meta };
    db.close();
    return result;
  });
}

async function captureSamples(page: Page) {
  await openSignedIn(page, '/#/capture');
  await page.locator('input[type=file]').setInputFiles(Object.keys(TRUTH).map((n) => `${SAMPLES}/${n}`));
  await expect(page.getByText(/共 2 个文件：2 个已处理/)).toBeVisible({ timeout: 60_000 });
  for (let i = 0; i < 2; i++) {
    await expect(page.getByRole('heading', { name: '核对识别结果' })).toBeVisible();
    const name = (await page.locator('.queue-item.selected .link').textContent()) ?? '';
    for (const [label, value] of Object.entries(TRUTH[name] ?? {})) {
      const input = page.getByLabel(label, { exact: true });
      if ((await input.inputValue()) !== value) await input.fill(value);
    }
    await page.keyboard.press('Enter');
    await expect(page.locator('.queue-item', { hasText: name })).toContainText('已保存', { timeout: 10_000 });
  }
}

async function chooseFolder(page: Page) {
  await page.goto('/#/backup');
  await page.getByRole('button', { name: '选择文件夹…' }).first().click();
}

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    Object.assign(window, {
      showDirectoryPicker: async () => (await navigator.storage.getDirectory()).getDirectoryHandle('usb-stick', { create: true }),
    });
  });
});

test('back up to a folder, clear the database, restore: the same ledger, audit chain intact', async ({ page }) => {
  test.setTimeout(180_000);
  await captureSamples(page);
  // One invoice moves through a status, so the restore has history to keep.
  await page.goto('/#/ledger');
  await page.getByRole('gridcell', { name: /83089647/ }).click();
  await page.getByRole('button', { name: '已核对' }).click();
  await expect(page.getByRole('heading', { name: /状态：\s*已核对/ })).toBeVisible();
  const before = await dumpLedger(page);
  expect(before.invoices).toHaveLength(2);
  expect(before.attachments).toHaveLength(2);

  // Back up: a new password (twice, acknowledged), then the backup with its progress, then verification.
  await chooseFolder(page);
  await expect(page.getByRole('note')).toContainText('密码无法找回');
  await page.getByLabel('备份密码', { exact: true }).fill(PASSWORD);
  await page.getByLabel('再输入一次').fill(PASSWORD);
  await expect(page.getByText(/密码强度：强/)).toBeVisible();
  await page.getByLabel('我已把密码记在安全的地方').check();
  // The optional recovery key, printed on paper: it will open the backup when the password is forgotten.
  await page.getByRole('button', { name: /另外生成一个恢复密钥/ }).click();
  const recoveryKey = (await page.locator('.recovery-key .key').textContent()) ?? '';
  expect(recoveryKey).toMatch(/^([A-Z2-9]{5}-){5}[A-Z2-9]{5}$/);
  await page.screenshot({ path: 'test-screens/backup-password.png', fullPage: true });
  await page.getByRole('button', { name: '设置密码并开始使用' }).click();
  await page.getByRole('button', { name: '立即备份' }).click();
  await expect(page.getByText(/备份完成并已读回校验/)).toBeVisible({ timeout: 60_000 });
  await expect(page.locator('.snapshots tbody tr')).toHaveCount(1);
  await page.screenshot({ path: 'test-screens/backup-done.png', fullPage: true });
  await expect(page.locator('.backup-reminder')).toContainText('上次备份');
  await expect(page.locator('.backup-reminder')).not.toContainText('超过 24 小时');
  // Verify without restoring: file hashes without the password, then decrypting every chunk.
  await page.getByRole('button', { name: '快速检查文件（无需密码）' }).click();
  await expect(page.getByText(/备份完好/)).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: '完整检查（解密全部数据）' }).click();
  await expect(page.getByText(/备份完好：检查了 1 个备份/)).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('.backup-reminder')).not.toContainText('上次校验：从未');
  // A second backup writes only what changed (here: nothing but the new snapshot's own files).
  await page.getByRole('button', { name: '立即备份' }).click();
  await expect(page.locator('.snapshots tbody tr')).toHaveCount(2, { timeout: 60_000 });

  // The database is lost (the folder on the "stick" survives).
  await page.evaluate(async () => {
    const name = localStorage.getItem('fapiao.ledger.active') ?? 'fapiao-desk';
    localStorage.removeItem('fapiao.ledger.active');
    await new Promise((done) => { const req = indexedDB.deleteDatabase(name); req.onsuccess = done; req.onerror = done; req.onblocked = done; });
  });
  await page.goto('/#/ledger');
  await page.reload();
  // An empty database starts as a first start: the administrator is made again (the backup brings the original).
  await signIn(page);
  await expect(page.getByText('台账中还没有发票')).toBeVisible();

  // Restore with only the folder and the paper recovery key (the password is "forgotten"): the app asks for a
  // new password at once.
  await chooseFolder(page);
  await page.getByLabel('备份密码或恢复密钥').fill('wrong password 123');
  await page.getByRole('button', { name: '打开备份' }).click();
  await expect(page.getByText('密码或恢复密钥不正确')).toBeVisible({ timeout: 30_000 });
  await page.getByLabel('备份密码或恢复密钥').fill(recoveryKey.toLowerCase().replace(/-/g, ' '));
  await page.getByRole('button', { name: '打开备份' }).click();
  await expect(page.getByRole('heading', { name: '已用恢复密钥打开：请设置新密码' })).toBeVisible({ timeout: 30_000 });
  await page.screenshot({ path: 'test-screens/backup-recovery-reset.png', fullPage: true });
  await page.getByLabel('新密码').fill('新的密码-Qingdao-2027!');
  await page.getByLabel('再输入一次').fill('新的密码-Qingdao-2027!');
  await page.getByLabel('我已把密码记在安全的地方').check();
  await page.getByRole('button', { name: '设置新密码' }).click();
  await expect(page.getByText('新密码已设置，恢复密钥仍然有效')).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: '恢复…' }).first().click(); // the newest
  await expect(page.getByText(/当前账本会保留，直到您确认/)).toBeVisible();
  await page.screenshot({ path: 'test-screens/backup-restore-confirm.png', fullPage: true });
  await page.getByRole('button', { name: '恢复', exact: true }).click();
  // The app reloads onto the restored ledger, which signs out; its own users sign in.
  await signIn(page);
  await expect(page.getByText(/已恢复并校验/)).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText(/2 张发票/)).toBeVisible();
  await page.screenshot({ path: 'test-screens/backup-restored.png', fullPage: true });
  await page.getByRole('button', { name: '确认，删除原来的账本' }).click();
  await expect(page.getByText(/已恢复并校验/)).toBeHidden();

  // Identical: same ids, statuses, history, audit chain, outbox, attachments (bytes), and nothing twice.
  const after = await dumpLedger(page);
  expect(after.name).not.toBe(before.name);
  for (const key of ['invoices', 'attachments', 'views'] as const) expect(after[key], key).toEqual(before[key]);
  // The restored chain and outbox hold every entry from before, unchanged. After them come what happened since:
  // sign-ins and backups in the chain, and the unsent change of the emptied ledger (its first-start administrator),
  // which moves the mutation counter on by one.
  expect(after.audit.slice(0, before.audit.length)).toEqual(before.audit);
  expect(after.outbox.slice(0, before.outbox.length)).toEqual(before.outbox);
  const counter = (d: typeof before) => d.meta.find((m) => m.key === 'nextMutationId') as { value: number } | undefined;
  expect(after.meta.filter((m) => m.key !== 'nextMutationId')).toEqual(before.meta.filter((m) => m.key !== 'nextMutationId'));
  expect(counter(after)?.value).toBe((counter(before)?.value ?? 0) + after.outbox.length - before.outbox.length);
  await page.goto('/#/ledger');
  await expect(page.getByText('共 2 张')).toBeVisible();
  await page.getByRole('gridcell', { name: /83089647/ }).click();
  await expect(page.getByRole('heading', { name: /状态：\s*已核对/ })).toBeVisible();
  await expect(page.getByText(/修改记录完整/)).toBeVisible();
  await expect(page.locator('.attachments').getByRole('img', { name: 'zhejiang-e-putong.ofd' })).toBeVisible();
});

test('export all data and import it back through the same verified swap', async ({ page }) => {
  test.setTimeout(120_000);
  await captureSamples(page);
  const before = await dumpLedger(page);
  await page.goto('/#/backup');
  await page.getByRole('button', { name: '导出全部数据…' }).click();
  await expect(page.getByText(/已导出 2 张发票和 2 个附件/)).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: '从导出文件夹导入…' }).click();
  await signIn(page);
  await expect(page.getByText(/已恢复并校验/)).toBeVisible({ timeout: 30_000 });
  // Undo goes back to the ledger as it was; nothing is duplicated either way.
  await page.getByRole('button', { name: '撤销恢复，回到原来的账本' }).click();
  await signIn(page);
  await expect(page.getByText(/已恢复并校验/)).toBeHidden();
  const after = await dumpLedger(page);
  expect(after.name).toBe(before.name);
  expect(after.invoices).toEqual(before.invoices);

  // Automatic local backups: the password is set once, then a run goes into this PC's own folder.
  await page.getByLabel('本机备份的密码（保存在本机，用于自动运行）').fill(PASSWORD);
  await page.getByRole('button', { name: '保存密码' }).click();
  await page.getByRole('button', { name: '现在运行一次' }).click();
  await expect(page.getByText(/自动备份完成/)).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText(/上次自动备份：/)).toBeVisible();
  await page.getByRole('button', { name: '本机自动备份文件夹' }).click();
  await page.getByLabel('备份密码或恢复密钥').fill(PASSWORD);
  await page.getByRole('button', { name: '打开备份' }).click();
  await expect(page.locator('.snapshots tbody tr')).toHaveCount(1);
  // The automatic repository was made without a recovery key: one can be added now, and it opens the backup.
  await expect(page.getByText('这个备份位置还没有恢复密钥')).toBeVisible();
  await page.getByRole('button', { name: '生成恢复密钥…' }).click();
  const added = (await page.locator('.recovery-key .key').textContent()) ?? '';
  expect(added).toMatch(/^([A-Z2-9]{5}-){5}[A-Z2-9]{5}$/);
  await page.screenshot({ path: 'test-screens/backup-page.png', fullPage: true });
  await page.getByRole('button', { name: '换一个位置' }).click();
  await page.getByRole('button', { name: '本机自动备份文件夹' }).click();
  await page.getByLabel('备份密码或恢复密钥').fill(added);
  await page.getByRole('button', { name: '打开备份' }).click();
  await expect(page.getByRole('heading', { name: '已用恢复密钥打开：请设置新密码' })).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('.snapshots tbody tr')).toHaveCount(1);
  // A new password for this PC's own repository is also the one the automatic backups use from now on.
  await page.getByLabel('新密码').fill('本机-新密码-2027!');
  await page.getByLabel('再输入一次').fill('本机-新密码-2027!');
  await page.getByLabel('我已把密码记在安全的地方').check();
  await page.getByRole('button', { name: '设置新密码' }).click();
  await expect(page.getByText('新密码已设置，恢复密钥仍然有效')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(/自动备份完成/)).toHaveCount(0, { timeout: 10_000 }); // the first run's notice is gone
  await page.getByRole('button', { name: '现在运行一次' }).click();
  await expect(page.getByText(/自动备份完成/)).toBeVisible({ timeout: 60_000 });

  // Bit rot on the disk: one byte flipped in the middle of every pack. Both checks find it, and the full check
  // names the invoices and the original files that the damaged chunks hold.
  await page.evaluate(async () => {
    const flip = async (dir: FileSystemDirectoryHandle): Promise<void> => {
      for await (const [name, handle] of (dir as unknown as { entries(): AsyncIterable<[string, FileSystemHandle]> }).entries()) {
        if (handle.kind === 'directory') { await flip(handle as FileSystemDirectoryHandle); continue; }
        if (!name.endsWith('.pk')) continue;
        const file = handle as FileSystemFileHandle;
        const bytes = new Uint8Array(await (await file.getFile()).arrayBuffer());
        const at = Math.floor(bytes.length / 2);
        bytes[at] = (bytes[at] ?? 0) ^ 0xff;
        const out = await file.createWritable();
        await out.write(bytes);
        await out.close();
      }
    };
    await flip(await (await navigator.storage.getDirectory()).getDirectoryHandle('backups').then((d) => d.getDirectoryHandle('packs')));
  });
  await page.getByRole('button', { name: '快速检查文件（无需密码）' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '备份已损坏' })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: '完整检查（解密全部数据）' }).click();
  await expect(page.getByRole('alert').filter({ hasText: /受损数据涉及的发票：.*83089647|受损的附件：.*\.ofd/ })).toBeVisible({ timeout: 30_000 });
  await page.screenshot({ path: 'test-screens/backup-damaged.png', fullPage: true });
  await expect(page.locator('.backup-reminder')).toContainText('发现问题');
  await page.getByLabel('语言').selectOption('en');
  await expect(page.locator('.backup-reminder')).toContainText('found problems');
  await expect(page.getByRole('heading', { name: 'Backup & restore', level: 1 })).toBeVisible();
  await page.screenshot({ path: 'test-screens/backup-page-en.png', fullPage: true });
});
