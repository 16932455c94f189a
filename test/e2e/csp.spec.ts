import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { respondToAppRequest } from '../../electron/main/app-response';
import { buildContentSecurityPolicy } from '../../electron/main/csp';
import { APP_ORIGIN } from '../../electron/main/origin-policy';
import { openCaseByHand } from './helpers/invoice';

/*
 * The built renderer under the desktop app's production Content-Security-Policy: a small server answers every
 * request with respondToAppRequest, the function behind app://fapiao (the header from csp.ts, the page's meta policy
 * removed, the same MIME types and isolation headers), plus one reporting directive; and the browser build (vite
 * preview) under its own meta policy. A clerk's walk through every screen must produce no violation under either.
 * Violations are collected three ways: the page's securitypolicyviolation events, console "Refused to ..." lines
 * (page and workers), and the reports Chromium posts to report-uri (header policy only; workers included). The
 * last test injects an inline script and an eval in a worker to show each channel does see a violation.
 */

const DIST = resolve(import.meta.dirname, '../../dist/renderer');
const SAMPLES = resolve(import.meta.dirname, '../../../shared/samples');
const REPORT_PATH = '/__csp-report';
/** The production policy, enforced unchanged; report-uri only adds where violations are sent. */
const POLICY = `${buildContentSecurityPolicy()}; report-uri ${REPORT_PATH}`;

let server: Server;
let base = '';
const reports: string[] = [];

test.beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (req.method === 'POST' && req.url === REPORT_PATH) {
        reports.push(Buffer.concat(chunks).toString('utf8'));
        res.writeHead(204).end();
        return;
      }
      // The same answer app://fapiao gives for this path.
      const request = new Request(new URL(req.url ?? '/', APP_ORIGIN), { method: req.method ?? 'GET' });
      respondToAppRequest(request, DIST, readFile, POLICY)
        .then(async (response) => {
          res.writeHead(response.status, Object.fromEntries(response.headers));
          res.end(Buffer.from(await response.arrayBuffer()));
        })
        .catch((error: unknown) => { res.writeHead(500).end(String(error)); });
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  await new Promise((done) => server.close(done));
});

interface Violations {
  readonly events: () => Promise<string[]>;
  readonly console: string[];
}

/** Starts collecting violations of `page` before its first document loads. */
async function watchViolations(page: Page): Promise<Violations> {
  reports.length = 0;
  await page.addInitScript(() => {
    const seen: string[] = [];
    Object.defineProperty(window, '__cspViolations', { value: seen });
    window.addEventListener('securitypolicyviolation', (e) => {
      seen.push(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber} ${e.sample}`);
    }, true);
  });
  const consoleLines: string[] = [];
  const onConsole = (text: string) => { if (/Content Security Policy|Refused to/i.test(text)) consoleLines.push(text); };
  page.on('console', (message) => { onConsole(message.text()); });
  page.on('worker', (worker) => { worker.on('console', (message) => { onConsole(`[worker ${worker.url()}] ${message.text()}`); }); });
  return {
    events: () => page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations.slice()),
    console: consoleLines,
  };
}

/** Goes to a screen the way the sidebar's links do (the hash changes, the page stays) and waits for its heading. */
async function show(page: Page, hash: string, heading: string | RegExp) {
  await page.evaluate((h) => { window.location.hash = h; }, hash);
  await expect(page.locator('main.content h1').first()).toContainText(heading);
}

/**
 * The sign-in gate's first start, when it shows: the administrator is created and the recovery code confirmed, so
 * those screens run under the policy too. Without a gate the ledger is already there.
 */
async function passFirstStart(page: Page) {
  const welcome = page.getByRole('heading', { name: '欢迎使用发票台账' });
  await expect(welcome.or(page.locator('main.content h1').first())).toBeVisible();
  if (!(await welcome.isVisible())) return;
  await page.getByLabel('登录名').fill('admin');
  await page.getByLabel('姓名').fill('王会计');
  await page.getByLabel('密码', { exact: true }).fill('Fapiao-2026-csp');
  await page.getByLabel('再次输入密码').fill('Fapiao-2026-csp');
  await page.getByRole('button', { name: '创建管理员' }).click();
  await page.getByLabel('我已打印或抄下恢复码').check();
  await page.getByRole('button', { name: '继续' }).click();
}

/**
 * A clerk's walk through every screen: capture (with `allFormats`, a PDF and a photo too, read in the pdf.js, QR and
 * OCR workers), an invoice's page and its edit form, a case opened by hand, the audit trail (verified and exported),
 * reconciliation, Excel, recycle bin, sync, backup, the manual (a page, search, the tour), and the texts in English.
 */
async function walkEveryScreen(page: Page, allFormats: boolean) {
  await passFirstStart(page);
  await expect(page.locator('main.content h1').first()).toContainText('首页');
  await show(page, '#/capture', '导入发票文件');
  await page.locator('input[type=file]').setInputFiles(`${SAMPLES}/ofd/zhejiang-e-putong.ofd`);
  await expect(page.getByRole('heading', { name: '核对识别结果' })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByLabel('发票号码', { exact: true })).toHaveValue('83089647');
  await page.keyboard.press('Enter');
  await expect(page.locator('.queue-item', { hasText: 'zhejiang-e-putong.ofd' })).toContainText('已保存', { timeout: 15_000 });
  if (allFormats) {
    await page.locator('input[type=file]').setInputFiles([
      `${SAMPLES}/pdf/sichuan-shudian-zhuan-rendered.pdf`, `${SAMPLES}/images/tianjin-e-putong.png`,
    ]);
    await expect(page.getByText(/共 3 个文件：3 个已处理/)).toBeVisible({ timeout: 180_000 });
    await page.locator('.queue-item', { hasText: 'sichuan-shudian-zhuan-rendered.pdf' }).locator('.link').click();
    await expect(page.locator('.confirm-original canvas, .confirm-original img').first()).toBeVisible();
    await page.locator('.queue-item', { hasText: 'tianjin-e-putong.png' }).locator('.link').click();
    await expect(page.locator('.confirm-original figcaption')).toContainText('tianjin-e-putong.png');
  }

  await show(page, '#/ledger', '发票台账');
  await page.getByRole('gridcell', { name: /83089647/ }).click();
  await expect(page.locator('main.content h1')).toContainText('83089647');
  await expect(page.locator('.attachments').getByRole('img', { name: 'zhejiang-e-putong.ofd' })).toBeVisible();
  // Print previews: the invoice with its history, the ledger (measured and paginated in the page), then back.
  await page.getByRole('button', { name: '打印' }).click();
  await expect(page.locator('.print-sheets .print-sheet').first()).toContainText('发票记录及历史');
  await page.getByRole('button', { name: '返回' }).click();
  await expect(page.locator('main.content h1')).toContainText('83089647');
  await page.getByRole('button', { name: '修改' }).click();
  await expect(page.locator('main.content h1')).toContainText('修改发票');

  await show(page, '#/print/ledger', '发票台账');
  await expect(page.locator('.print-sheets .print-sheet-foot').first()).toHaveText(/^第 1 页 \/ 共 \d+ 页$/);
  await show(page, '#/new', '录入发票');

  await show(page, '#/cases', '缺失与补办');
  await openCaseByHand(page, '25924000000001260164', '2025-04-01', '379.00');
  await page.getByRole('button', { name: '打印' }).click();
  await expect(page.locator('.print-sheets .print-sheet').first()).toContainText('缺失发票补办案件档案');

  // The audit trail: verified on demand, exported to Excel in the spreadsheet worker (a download in a browser).
  await show(page, '#/audit', '审计日志');
  await page.getByRole('button', { name: '立即验证' }).click();
  await expect(page.getByText(/完整：\d+ 条记录全部校验通过/)).toBeVisible({ timeout: 30_000 });
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出 Excel' }).click();
  expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);

  await show(page, '#/reconcile', '对账');
  await show(page, '#/sheets', 'Excel 导入导出');
  await show(page, '#/bin', '回收站');
  await show(page, '#/sync', '同步');
  // The month-end check: the live checklist, a saved check, and its one-page report in the print view.
  await show(page, '#/month-end', '月末核对');
  await page.getByRole('button', { name: '保存结果' }).click();
  await page.getByRole('region', { name: '核对记录' }).getByRole('link', { name: '查看' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: /月末核对记录/ })).toBeVisible();
  await page.getByRole('button', { name: '打印报告' }).click();
  await expect(page.locator('.print-sheet').first()).toContainText('月末核对报告');
  // The manual: a page with its screenshot, the contents with a search, and the tour's bubble (placed through the CSSOM).
  await show(page, '#/manual/cases', '遗失发票与补办');
  await expect.poll(() => page.locator('.manual-shot img').first().evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  await show(page, '#/manual', '操作手册');
  await page.getByRole('searchbox', { name: '搜索手册' }).fill('补办');
  await expect(page.locator('.manual-hits mark').first()).toHaveText('补办');
  await page.getByRole('button', { name: '重新播放导览' }).click();
  await page.getByRole('dialog', { name: '导览' }).getByRole('button', { name: '下一步' }).click();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: '导览' })).toBeHidden();
  await show(page, '#/backup', '备份与恢复');

  await page.getByLabel('语言').selectOption('en');
  await expect(page.locator('main.content h1').first()).toContainText('Backup & restore');
  await show(page, '#/ledger', 'Invoice ledger');
  await show(page, '#/', 'Home');
  // The home page's charts (recharts: SVG styled through the CSSOM) are drawn under the policy too.
  await expect(page.locator('.home-chart svg.recharts-surface').first()).toBeVisible();
}

test('desktop app: every screen runs under the production header policy without a violation', async ({ page }) => {
  test.setTimeout(300_000);
  const violations = await watchViolations(page);
  const external: string[] = [];
  page.on('request', (r) => { if (!r.url().startsWith(base) && !/^(blob:|data:)/.test(r.url())) external.push(r.url()); });

  await page.goto(`${base}/`);
  // The served page really is under the header policy alone, as in the app: no meta policy, cross-origin isolated.
  expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').count()).toBe(0);
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  await walkEveryScreen(page, true);

  // Reports travel as separate requests: give the last ones a moment to arrive.
  await page.waitForTimeout(1_000);
  expect({ events: await violations.events(), console: violations.console, reports }).toEqual({ events: [], console: [], reports: [] });
  expect(external, 'requests leaving the server').toEqual([]);
});

test('browser build: every screen runs under the page\'s meta policy without a violation', async ({ page }) => {
  test.setTimeout(120_000);
  const violations = await watchViolations(page);
  await page.goto('/');
  expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').count()).toBe(1);
  await walkEveryScreen(page, false);
  await page.waitForTimeout(500);
  expect({ events: await violations.events(), console: violations.console }).toEqual({ events: [], console: [] });
});

test('the watch does see violations: an injected inline script and an eval in a worker are reported', async ({ page }) => {
  const violations = await watchViolations(page);
  await page.goto(`${base}/`);
  await passFirstStart(page);
  await expect(page.locator('main.content h1').first()).toContainText('首页');

  // What an XSS would try: an inline script. It must not run, and every channel must say so.
  const ran = await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__injectedRan = true';
    document.body.append(script);
    return (window as unknown as { __injectedRan?: boolean }).__injectedRan === true;
  });
  expect(ran).toBe(false);
  await expect.poll(violations.events).toContainEqual(expect.stringMatching(/^script-src-elem blocked inline/));
  await expect.poll(() => violations.console.length).toBeGreaterThan(0);
  await expect.poll(() => reports.some((r) => r.includes('script-src-elem'))).toBe(true);

  // eval() inside a worker: outside the page's event listener, so report-uri is what catches it.
  await page.evaluate(() => {
    const source = 'try { eval("1 + 1"); postMessage("ran"); } catch { postMessage("refused"); }';
    const worker = new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })));
    return new Promise((done) => { worker.onmessage = (e) => { done(e.data); }; });
  }).then((outcome) => { expect(outcome).toBe('refused'); });
  await expect.poll(() => reports.some((r) => r.includes('"script-src"') || r.includes('eval'))).toBe(true);
});
