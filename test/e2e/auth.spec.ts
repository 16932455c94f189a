import { expect, test, type Page } from '@playwright/test';
import { ADMIN, addUser, createAdmin, firstSignIn, signIn, submitSignIn, switchUser, type Person } from './helpers/sign-in';
import { goTo, typeSampleInvoice } from './helpers/invoice';

/*
 * Who may do what, as people meet it (issue #13): the first start makes the administrator (recovery code printed),
 * who adds a clerk and an auditor with one-time passwords. The clerk records invoices and may bin their own, but
 * sees no permanent delete and cannot restore a backup; the auditor checks but cannot edit (no buttons, and the edit
 * route says which role it needs). Five wrong passwords lock an account; idle time signs out and keeps the draft.
 * HTML typed into a user's name and an invoice's remarks shows as text. The repository's own refusals (called
 * directly, as each role) are covered by renderer/db/permission-matrix.test.ts.
 */

const CLERK: Person = { login: 'li', name: '李录入', password: 'Li-Clerk-2026' };
const AUDITOR: Person = { login: 'zhao', name: '赵审核', password: 'Zhao-Audit-2026' };
const HTML_NAME = '<img src=x onerror=alert(1)>周';
const HTML_REMARKS = '<script>alert(1)</script><b>粗体</b>';

async function openInvoice(page: Page, number: string, bin = false) {
  await goTo(page, bin ? '#/bin' : '#/ledger');
  await page.getByRole('gridcell', { name: number }).click();
  await expect(page.locator('main.content h1')).toContainText(number);
}

test('the administrator adds a clerk and an auditor; each role sees and may do only its own', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
  await page.goto('/');

  // First start: the administrator, then the recovery code, shown once.
  await expect(page.getByRole('heading', { name: '欢迎使用发票台账' })).toBeVisible();
  await expect(page.getByRole('heading', { name: '加入办公室服务器' })).toBeVisible();
  await page.screenshot({ path: 'test-screens/auth-first-start.png', fullPage: true });
  const form = page.getByRole('form', { name: '创建管理员' });
  await form.getByLabel('登录名').fill(ADMIN.login);
  await form.getByLabel('姓名').fill(ADMIN.name);
  await form.getByLabel('密码', { exact: true }).fill('short');
  await form.getByLabel('再次输入密码').fill('short');
  await form.getByRole('button', { name: '创建管理员' }).click();
  await expect(form.getByRole('alert')).toHaveText('密码至少 8 个字符。');
  await form.getByLabel('密码', { exact: true }).fill(ADMIN.password);
  await form.getByLabel('再次输入密码').fill(ADMIN.password);
  await form.getByRole('button', { name: '创建管理员' }).click();
  await expect(page.getByTestId('recovery-code')).toHaveText(/^[2-9A-HJ-NP-Z]{5}(-[2-9A-HJ-NP-Z]{5}){3}$/);
  await expect(page.getByRole('button', { name: '继续' })).toBeDisabled();
  await page.screenshot({ path: 'test-screens/auth-recovery-code.png', fullPage: true });
  await page.getByLabel('我已打印或抄下恢复码').check();
  await page.getByRole('button', { name: '继续' }).click();
  await expect(page.getByTestId('user-badge')).toContainText('王会计（管理员）');

  // Users: a clerk, an auditor, and a name with HTML in it (shown as text).
  await page.getByRole('link', { name: '用户管理' }).click();
  const clerkTemp = await addUser(page, CLERK, '录入员');
  const auditorTemp = await addUser(page, AUDITOR, '审核员');
  await addUser(page, { login: 'zhou', name: HTML_NAME }, '录入员');
  await expect(page.getByRole('cell', { name: HTML_NAME })).toBeVisible();
  await expect(page.locator('.users-table img')).toHaveCount(0);
  await page.screenshot({ path: 'test-screens/auth-users.png', fullPage: true });

  // The clerk: first sign-in replaces the temporary password; no users page, no permanent delete, no restore.
  await switchUser(page);
  await page.screenshot({ path: 'test-screens/auth-sign-in.png', fullPage: true });
  await firstSignIn(page, CLERK, clerkTemp);
  await expect(page.getByRole('link', { name: '用户管理' })).toHaveCount(0);
  await goTo(page, '#/users');
  await expect(page.getByRole('alert')).toHaveText('需要管理员权限');
  await typeSampleInvoice(page, '25924000000001260164', '2025-04-01', HTML_REMARKS);
  await typeSampleInvoice(page, '25924000000001260999', '2025-04-02');
  await openInvoice(page, '25924000000001260164');
  await expect(page.getByRole('region', { name: '票面信息' }).getByText(HTML_REMARKS)).toBeVisible();
  await expect(page.locator('main.content b')).toHaveCount(0);
  await openInvoice(page, '25924000000001260999');
  await page.getByRole('button', { name: '移到回收站' }).click();
  await expect(page.getByText(/此发票在回收站中/)).toBeVisible();
  await expect(page.getByRole('button', { name: '从回收站恢复' })).toBeEnabled();
  await expect(page.getByRole('button', { name: '永久删除' })).toHaveCount(0);
  await goTo(page, '#/backup');
  await expect(page.getByRole('button', { name: '导入' })).toHaveAttribute('title', '需要管理员权限');
  await expect(page.getByRole('button', { name: '导入' })).toBeDisabled();

  // The auditor: checks, but no edit buttons, and the edit route refuses with the role it needs.
  await switchUser(page);
  await firstSignIn(page, AUDITOR, auditorTemp);
  await expect(page.getByRole('link', { name: '录入发票' })).toHaveCount(0);
  await openInvoice(page, '25924000000001260164');
  await expect(page.getByRole('button', { name: '修改' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: '移到回收站' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: '遗失' })).toBeDisabled();
  await expect(page.getByRole('button', { name: '遗失' })).toHaveAttribute('title', '需要录入员或管理员权限');
  await page.screenshot({ path: 'test-screens/auth-auditor-detail.png', fullPage: true });
  const id = /#\/invoice\/([^/]+)$/.exec(page.url())?.[1] ?? '';
  await goTo(page, `#/invoice/${id}/edit`);
  await expect(page.getByRole('alert')).toHaveText('需要录入员或管理员权限');
  await goTo(page, `#/invoice/${id}`);
  await page.getByRole('button', { name: '已核对' }).click();
  await expect(page.getByText('状态已改为“已核对”')).toBeVisible();

  // Now checked, the clerk may no longer edit it: the button says why.
  await switchUser(page);
  await submitSignIn(page, CLERK.login, CLERK.password);
  // The next person starts on the home page, not on the screen the last one left open.
  await expect(page.getByRole('heading', { level: 1, name: '首页' })).toBeVisible();
  await goTo(page, `#/invoice/${id}`);
  await expect(page.getByRole('button', { name: '修改' })).toBeDisabled();
  await expect(page.getByRole('button', { name: '修改' })).toHaveAttribute('title', /发票已核对，录入员不能再修改/);

  // The administrator deletes the binned one for good.
  await switchUser(page);
  await submitSignIn(page, ADMIN.login, ADMIN.password);
  await openInvoice(page, '25924000000001260999', true);
  await page.getByRole('button', { name: '永久删除' }).click();
  await page.screenshot({ path: 'test-screens/auth-purge-confirm.png', fullPage: true });
  await page.getByRole('button', { name: '确定永久删除' }).click();
  await expect(page.getByText('发票 25924000000001260999 已永久删除')).toBeVisible();
  await expect(page.getByRole('gridcell', { name: '25924000000001260999' })).toHaveCount(0);
  expect(dialogs).toEqual([]);
});

test('five wrong passwords lock the account; the right one then waits too', async ({ page }) => {
  await page.goto('/');
  await createAdmin(page);
  await switchUser(page);
  for (let left = 4; left >= 1; left--) {
    await submitSignIn(page, ADMIN.login, 'wrong-password');
    await expect(page.getByRole('alert')).toHaveText(`登录名或密码不正确。再错 ${String(left)} 次，账号将锁定 5 分钟。`);
  }
  await submitSignIn(page, ADMIN.login, 'wrong-password');
  await expect(page.getByRole('alert')).toHaveText('输错次数过多，账号已锁定，请 5 分钟后再试，或请管理员重置密码。');
  await submitSignIn(page, ADMIN.login, ADMIN.password);
  await expect(page.getByRole('alert')).toContainText('账号已锁定');
  await page.screenshot({ path: 'test-screens/auth-locked.png', fullPage: true });
});

test('idle time signs out; signing in again returns to the unsaved draft', async ({ page }) => {
  await page.clock.install();
  await page.goto('/');
  await signIn(page);
  await goTo(page, '#/new');
  await page.getByLabel('销售方名称').fill('草稿里的销售方');
  await page.clock.fastForward('15:10');
  await expect(page.getByText('因长时间未操作，已自动退出登录。未保存的录入草稿仍保留。')).toBeVisible();
  await submitSignIn(page, ADMIN.login, ADMIN.password);
  await expect(page.getByLabel('销售方名称')).toHaveValue('草稿里的销售方');
});

test('the administrator who forgot the password resets it with the printed recovery code, which is then replaced', async ({ page }) => {
  await page.goto('/');
  const code = await createAdmin(page);
  await switchUser(page);
  await page.getByRole('button', { name: '忘记密码？' }).click();
  await page.getByRole('button', { name: '用恢复码重设管理员密码' }).click();
  const form = page.getByRole('form', { name: '用恢复码重设管理员密码' });
  await form.getByLabel('登录名').fill(ADMIN.login);
  await form.getByLabel('恢复码').fill('AAAAA-BBBBB-CCCCC-DDDDD');
  await form.getByLabel('新密码').fill('Recovered-2026-pass');
  await form.getByLabel('再次输入密码').fill('Recovered-2026-pass');
  await form.getByRole('button', { name: '重设密码' }).click();
  await expect(form.getByRole('alert')).toContainText('登录名或密码不正确');
  // Typed as people copy it from paper: lower case, spaces for dashes.
  await form.getByLabel('恢复码').fill(code.toLowerCase().replaceAll('-', ' '));
  await form.getByRole('button', { name: '重设密码' }).click();
  await expect(page.getByText('原恢复码已作废，下面是新的恢复码。')).toBeVisible();
  await expect(page.getByTestId('recovery-code')).not.toHaveText(code);
  await page.getByLabel('我已打印或抄下恢复码').check();
  await page.getByRole('button', { name: '继续' }).click();
  await expect(page.getByTestId('user-badge')).toContainText(ADMIN.name);
  await switchUser(page);
  await submitSignIn(page, ADMIN.login, 'Recovered-2026-pass');
  await expect(page.getByTestId('user-badge')).toContainText(ADMIN.name);
});
