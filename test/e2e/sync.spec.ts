import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { ADMIN, openSignedIn, submitSignIn } from './helpers/sign-in';

/*
 * Two clerks on two PCs (two browser contexts) against a real office server (tsx server/main.ts on SQLite in a
 * temp folder). The network is cut (route abort) while both edit the same invoice's 备注; when it is back both
 * converge, both see the conflict side by side, and a choice settles it everywhere.
 *
 * The server does not answer CORS preflights itself, so the office server is reached through a route that
 * fetches from Node and fulfils the answer (Playwright adds the CORS headers); the same route is the network cut.
 */

const PORT = 18787;
const SERVER = `http://127.0.0.1:${PORT}`;
const TSX = join('node_modules', '.bin', 'tsx');
let server: ChildProcess | null = null;
let dataDir = '';
const codes: string[] = [];

test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'fapiao-sync-e2e-'));
  const env = { ...process.env, FAPIAO_DATA_DIR: dataDir, PORT: String(PORT) };
  for (let i = 0; i < 2; i++) codes.push(execFileSync(TSX, ['server/main.ts', 'enroll'], { env, encoding: 'utf8' }).trim());
  server = spawn(TSX, ['server/main.ts'], { env, stdio: 'pipe' });
  for (let i = 0; i < 100; i++) {
    try { if ((await fetch(`${SERVER}/api/v1/health`)).ok) return; } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('sync server did not start');
});

test.afterAll(() => {
  server?.kill('SIGTERM');
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/** The office network as seen from one PC: `cut` aborts every request to the server. */
async function network(context: BrowserContext) {
  const state = { cut: false };
  await context.route(`${SERVER}/**`, async (route) => {
    if (state.cut) { await route.abort('internetdisconnected'); return; }
    try {
      await route.fulfill({ response: await route.fetch() });
    } catch {
      await route.abort('connectionreset');
    }
  });
  return state;
}

/** The first PC: its administrator is made on the first start, then enrolls it on the sync page. */
async function enroll(page: Page, code: string, name: string) {
  await openSignedIn(page, '/#/sync');
  await page.getByLabel('服务器地址').fill(SERVER);
  await page.getByLabel('登记码').fill(code);
  await page.getByLabel('本机名称').fill(name);
  await page.getByRole('button', { name: '登记本机' }).click();
  await expect(page.getByText(/已登记到/)).toBeVisible();
}

/**
 * A second PC: on its first start it joins the office server (enrollment code), the first pull brings the users,
 * and the same administrator signs in.
 */
async function joinOffice(page: Page, code: string, name: string) {
  await page.goto('/');
  const card = page.getByRole('region', { name: '加入办公室服务器' });
  await card.getByLabel('服务器地址').fill(SERVER);
  await card.getByLabel('登记码').fill(code);
  await card.getByLabel('本机名称').fill(name);
  await card.getByRole('button', { name: '登记本机' }).click();
  await submitSignIn(page, ADMIN.login, ADMIN.password);
  await expect(page.getByTestId('user-badge')).toContainText(ADMIN.name);
  await page.goto('/#/sync');
  await expect(page.getByText(/已登记到/)).toBeVisible();
}

async function syncNow(page: Page, outcome: RegExp = /同步完成/) {
  await page.goto('/#/sync');
  await page.getByRole('button', { name: '立即同步' }).click();
  await expect(page.getByRole('region', { name: '立即同步' }).getByRole('status')).toHaveText(outcome);
}

async function typeInvoice(page: Page) {
  await page.goto('/#/new');
  await expect(page.getByLabel('发票类型')).toBeFocused();
  await page.keyboard.press('ArrowUp');
  const tab = async (text: string) => { await page.keyboard.press('Tab'); if (text) await page.keyboard.type(text); };
  for (const v of ['', '25924000000001260164', '2025-04-01', '', '威高集团有限公司', '913710007062495888', '6%', '357.55', '21.45', '379.00', '青岛嘉仕汇酒店管理有限公司', '91370203MA3N3AR685']) await tab(v);
  await page.keyboard.press('Enter');
  await expect(page.getByText('已保存：发票号码 25924000000001260164')).toBeVisible();
}

async function editRemarks(page: Page, id: string, text: string) {
  await page.goto(`/#/invoice/${id}/edit`);
  const remarks = page.getByLabel('备注');
  await remarks.fill(text);
  await remarks.press('Enter');
  await expect(page).toHaveURL(new RegExp(`#/invoice/${id}$`));
}

test('two clerks edit the same invoice offline; back online both converge and review the conflict', async ({ browser }) => {
  const ctxA = await browser.newContext();
  const ctxB = await browser.newContext();
  const netA = await network(ctxA);
  const netB = await network(ctxB);
  const a = await ctxA.newPage();
  const b = await ctxB.newPage();
  await enroll(a, codes[0]!, '财务甲的电脑');
  // A's administrator reaches the server with A's first sync; B then joins and signs in with that account.
  await syncNow(a);
  await joinOffice(b, codes[1]!, '财务乙的电脑');

  await typeInvoice(a);
  await syncNow(a);
  await syncNow(b);
  await b.goto('/#/ledger');
  await b.getByText('青岛嘉仕汇酒店管理有限公司').first().click();
  const id = /#\/invoice\/([^/]+)$/.exec(b.url())?.[1] ?? '';
  expect(id).not.toBe('');

  netA.cut = true;
  netB.cut = true;
  await editRemarks(a, id, '甲已核对原件');
  await editRemarks(b, id, '乙认为金额待确认');
  await syncNow(a, /连不上/);
  const statusA = a.getByTestId('sync-status');
  await expect(statusA).toContainText('待上传 1 项');
  await expect(statusA).toContainText('连不上办公室服务器');
  await statusA.screenshot({ path: 'test-screens/sync-status-offline.png' });

  netA.cut = false;
  netB.cut = false;
  await syncNow(a);
  await syncNow(b);
  await syncNow(a);
  for (const page of [a, b]) {
    await expect(page.getByTestId('sync-status')).toContainText('1 个冲突待处理');
    await expect(page.getByTestId('sync-status')).toContainText('全部已上传');
  }
  await b.goto('/#/sync');
  const card = b.locator('.conflict-card');
  await expect(card.getByTestId('theirs')).toContainText('甲已核对原件');
  await expect(card.getByTestId('yours')).toContainText('乙认为金额待确认');
  await b.screenshot({ path: 'test-screens/sync-conflict.png', fullPage: true });
  await b.getByTestId('sync-status').screenshot({ path: 'test-screens/sync-status-conflict.png' });

  // Both PCs hold the server's value until someone chooses.
  await a.goto(`/#/invoice/${id}`);
  await expect(a.getByRole('region', { name: '票面信息' }).getByText('甲已核对原件')).toBeVisible();

  await card.getByRole('button', { name: '采用本机的值' }).click();
  await expect(b.getByText('没有待处理的冲突。')).toBeVisible();
  await syncNow(b);
  await syncNow(a);
  await expect(a.getByTestId('sync-status')).not.toContainText('冲突待处理');
  await a.goto(`/#/invoice/${id}`);
  await expect(a.getByRole('region', { name: '票面信息' }).getByText('乙认为金额待确认')).toBeVisible();
  await ctxA.close();
  await ctxB.close();
});
