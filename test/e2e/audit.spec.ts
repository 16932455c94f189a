import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { verifyAuditExportFile } from '../../shared/audit/audit-export-verify';
import { ADMIN, addUser, firstSignIn, signIn, submitSignIn, switchUser, type Person } from './helpers/sign-in';
import { goTo, typeSampleInvoice } from './helpers/invoice';

/*
 * The audit trail as people meet it (issue #13): the administrator adds a clerk and an auditor; the clerk records,
 * edits and exports, the auditor checks; every action shows in the audit view under the person who did it, with
 * this PC's device, and the invoice's page shows its whole history. An entry changed or removed through the
 * browser's own IndexedDB is reported naming the entry, on demand and by the verification at start-up.
 */

const CLERK: Person = { login: 'qian', name: '钱录入', password: 'Qian-Clerk-2026' };
const AUDITOR: Person = { login: 'sun', name: '孙审核', password: 'Sun-Audit-2026' };
const NUMBER = '25924000000001260164';

async function openInvoice(page: Page, number: string) {
  await goTo(page, '#/ledger');
  await page.getByRole('gridcell', { name: number }).click();
  await expect(page.locator('main.content h1')).toContainText(number);
}

/** The audit table's rows as text, once the live list shows what `settled` expects (a filter applies a moment later). */
async function auditRows(page: Page, settled: (rows: string[]) => boolean): Promise<string[]> {
  const rows = () => page.locator('.audit-table tbody tr').allInnerTexts();
  await expect.poll(async () => settled(await rows())).toBe(true);
  return rows();
}

/** Changes one stored audit entry through the browser's IndexedDB, as someone with the PC's files could. */
async function tamper(page: Page, pick: { action: string; entity: string }, change: 'edit' | 'delete'): Promise<number> {
  return page.evaluate(async ({ pick, change }) => {
    const name = localStorage.getItem('fapiao.ledger.active') ?? 'fapiao-desk';
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const req = indexedDB.open(name);
      req.onsuccess = () => { ok(req.result); };
      req.onerror = () => { fail(req.error ?? new Error('open failed')); };
    });
    const all = await new Promise<Record<string, unknown>[]>((ok) => {
      const req = db.transaction('audit').objectStore('audit').getAll();
      req.onsuccess = () => { ok(req.result as Record<string, unknown>[]); };
    });
    const target = all.find((e) => e.action === pick.action && e.entity === pick.entity);
    if (!target) throw new Error('no such entry');
    await new Promise((done, fail) => {
      const tx = db.transaction('audit', 'readwrite');
      const store = tx.objectStore('audit');
      if (change === 'edit') store.put({ ...target, after: { ...(target.after as object), total: 1 } });
      else store.delete(target.seq as number);
      tx.oncomplete = done;
      tx.onerror = () => { fail(tx.error ?? new Error('write failed')); };
    });
    db.close();
    return target.seq as number;
  }, { pick, change });
}

test('every action appears in the audit view under the person who did it; the invoice shows its whole history', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('/');
  await signIn(page);
  await page.getByRole('link', { name: '用户管理' }).click();
  const clerkTemp = await addUser(page, CLERK, '录入员');
  const auditorTemp = await addUser(page, AUDITOR, '审核员');

  // The clerk records an invoice, edits it and exports the ledger; the audit trail is not theirs to read.
  await switchUser(page);
  await firstSignIn(page, CLERK, clerkTemp);
  await expect(page.getByRole('link', { name: '审计日志' })).toHaveCount(0);
  await goTo(page, '#/audit');
  await expect(page.getByText('只有审核员和管理员可以查看审计日志')).toBeVisible();
  await typeSampleInvoice(page, NUMBER);
  await openInvoice(page, NUMBER);
  await page.getByRole('button', { name: '修改' }).click();
  await page.getByLabel('备注').fill('住宿两晚 补记');
  await page.getByLabel('发票号码').press('Enter');
  await expect(page.getByText(`已保存：发票号码 ${NUMBER}`).last()).toBeVisible();
  await expect(page).toHaveURL(/#\/invoice\/[^/]+$/);
  await goTo(page, '#/sheets');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出台账' }).click();
  const file = (await download).suggestedFilename();
  expect(file).toMatch(/^发票台账-.*\.xlsx$/);

  // A wrong password on the way, then the auditor checks the invoice.
  await switchUser(page);
  await submitSignIn(page, AUDITOR.login, 'not-the-password');
  await expect(page.getByRole('alert')).toContainText('登录名或密码不正确');
  await firstSignIn(page, AUDITOR, auditorTemp);
  await openInvoice(page, NUMBER);
  await page.getByRole('button', { name: '已核对' }).click();
  await expect(page.getByText('状态已改为“已核对”')).toBeVisible();

  // The invoice's own history: who, on which PC, each field before → after.
  const history = page.locator('.audit-timeline > li');
  await expect(history).toHaveCount(3);
  await expect(history.nth(0)).toContainText('新建');
  await expect(history.nth(0)).toContainText(CLERK.name);
  await expect(history.nth(1)).toContainText(/修改.*钱录入.*PC · [0-9a-f]{8}/s);
  await expect(history.nth(1)).toContainText(/备注[：:]?\s*（空）\s*→\s*住宿两晚 补记/);
  await expect(history.nth(2)).toContainText(/状态变更.*孙审核/s);
  await expect(history.nth(2)).toContainText(/已录入\s*→\s*已核对/);
  await expect(page.getByText(/修改记录完整/)).toBeVisible();
  await expect(page.locator('.toast')).toHaveCount(0, { timeout: 15_000 });
  await page.locator('.history').screenshot({ path: 'test-screens/audit-invoice-history.png' });

  // The audit view, as the auditor: the clerk's actions under the clerk's name, with the device.
  await page.getByRole('link', { name: '审计日志' }).click();
  await expect(page.getByRole('heading', { name: '审计日志', level: 1 })).toBeVisible();
  await page.getByLabel('用户', { exact: true }).selectOption({ label: `${CLERK.name}（${CLERK.login}）` });
  const clerkRows = await auditRows(page, (rows) => rows.length > 0 && rows.every((r) => r.split('\t')[2]?.trim() === `${CLERK.name}（${CLERK.login}）`));
  for (const row of clerkRows) expect(row).toMatch(/钱录入[\s\S]*PC · [0-9a-f]{8}/);
  const actions = clerkRows.map((r) => /\t(新建|修改|导出|登录|退出登录|设置密码|状态变更|权限拒绝)\t/.exec(r)?.[1] ?? r);
  expect(actions).toEqual(expect.arrayContaining(['新建', '修改', '导出', '登录']));
  expect(clerkRows.some((r) => r.includes(file))).toBe(true);
  expect(clerkRows.some((r) => r.includes('状态变更'))).toBe(false);

  await page.getByRole('button', { name: '清除筛选' }).click();
  await page.getByLabel('操作').selectOption({ label: '状态变更' });
  const statusRows = await auditRows(page, (rows) => rows.every((r) => r.includes('状态变更')));
  expect(statusRows).toHaveLength(1);
  expect(statusRows[0]).toMatch(/孙审核[\s\S]*发票 25924000000001260164[\s\S]*已录入\s*→\s*已核对/);

  await page.getByRole('button', { name: '清除筛选' }).click();
  await page.getByLabel('操作').selectOption({ label: '登录失败' });
  expect((await auditRows(page, (rows) => rows.every((r) => r.includes('登录失败')))).join('\n')).toContain(AUDITOR.login);

  await page.getByRole('button', { name: '清除筛选' }).click();
  await page.getByLabel('发票号码或记录编号').fill(NUMBER);
  await expect(page.locator('.audit-table tbody tr')).toHaveCount(3);

  // 导出 Excel: the whole chain, which the offline verifier accepts, and the export itself is audited.
  await page.getByRole('button', { name: '清除筛选' }).click();
  const exported = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出 Excel' }).click();
  const auditFile = await exported;
  const bytes = new Uint8Array(readFileSync(await auditFile.path()));
  const check = verifyAuditExportFile(bytes, auditFile.suggestedFilename());
  expect(check).toMatchObject({ ok: true, fromGenesis: true });
  expect(auditFile.suggestedFilename()).toMatch(/^审计日志-.*-序号1至\d+\.xlsx$/);
  await expect(page.locator('.audit-table tbody tr').first()).toContainText('导出审计日志');
  await expect(page.locator('.audit-table tbody tr').first()).toContainText(check.ok ? check.headHash : 'no head');

  await page.getByRole('button', { name: '立即验证' }).click();
  await expect(page.getByText(/完整：\d+ 条记录全部校验通过/)).toBeVisible();
  await expect(page.locator('.toast')).toHaveCount(0, { timeout: 15_000 });
  await page.screenshot({ path: 'test-screens/audit-zh.png', fullPage: true });
  await page.getByLabel('语言').selectOption('en');
  await expect(page.getByRole('heading', { name: 'Audit trail', level: 1 })).toBeVisible();
  await page.screenshot({ path: 'test-screens/audit-en.png', fullPage: true });
  await page.getByLabel('Language').selectOption('zh-CN');
});

test('an audit entry changed through IndexedDB is reported naming it, on demand and at start-up', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await signIn(page);
  await typeSampleInvoice(page, NUMBER);
  await goTo(page, '#/audit');
  await page.getByRole('button', { name: '立即验证' }).click();
  await expect(page.getByText(/完整：\d+ 条记录全部校验通过/)).toBeVisible();

  // Someone edits the invoice's entry (its total) in the browser's database: "立即验证" names it.
  const seq = await tamper(page, { action: 'create', entity: 'invoice' }, 'edit');
  await page.getByRole('button', { name: '立即验证' }).click();
  const report = page.locator('.audit-break');
  await expect(report).toContainText(`审计日志被篡改：第 ${String(seq)} 条的内容被改动过`);
  await expect(report).toContainText(new RegExp(`该位置现在的记录：.*${ADMIN.name}.*新建.*发票 ${NUMBER}`));
  await expect(page.locator('.audit-banner')).toContainText(`审计日志校验失败：第 ${String(seq)} 条的内容被改动过`);
  await expect(page.locator(`.audit-table tr.audit-bad[data-seq="${String(seq)}"]`)).toBeVisible();
  await expect(page.locator('.toast')).toHaveCount(0, { timeout: 15_000 });
  await page.screenshot({ path: 'test-screens/audit-tampered.png', fullPage: true });

  // The invoice's own page says so too.
  await openInvoice(page, NUMBER);
  await expect(page.getByText(`修改记录被篡改：第 ${String(seq)} 条记录写入后被改动过`)).toBeVisible();

  // A later start: an entry deleted, and the last verification made to look a day old. The start-up check finds it.
  const removed = await tamper(page, { action: 'signIn', entity: 'user' }, 'delete');
  await page.evaluate(async () => {
    const name = localStorage.getItem('fapiao.ledger.active') ?? 'fapiao-desk';
    const db = await new Promise<IDBDatabase>((ok) => { const req = indexedDB.open(name); req.onsuccess = () => { ok(req.result); }; });
    await new Promise((done) => {
      const tx = db.transaction('meta', 'readwrite');
      tx.objectStore('meta').delete('audit.verification');
      tx.oncomplete = done;
    });
    db.close();
  });
  await page.reload();
  await signIn(page);
  const first = Math.min(seq, removed);
  await expect(page.locator('.audit-banner')).toContainText(`审计日志校验失败：第 ${String(first)} 条`);
  await expect(page.locator('.audit-banner').getByRole('link', { name: '查看审计日志' })).toBeVisible();
});
