import { expect, type Page } from '@playwright/test';

/** Someone who signs in during the end-to-end tests. */
export interface Person {
  readonly login: string;
  readonly name: string;
  readonly password: string;
}

/** The administrator every spec creates on a fresh profile's first start. */
export const ADMIN: Person = { login: 'admin', name: '王会计', password: 'Fapiao-Admin-2026' };

/** The first start's 创建管理员 form, filled and sent; the recovery code confirmed. Returns the code shown. */
export async function createAdmin(page: Page, who: Person = ADMIN): Promise<string> {
  const form = page.getByRole('form', { name: '创建管理员' });
  await form.getByLabel('登录名').fill(who.login);
  await form.getByLabel('姓名').fill(who.name);
  await form.getByLabel('密码', { exact: true }).fill(who.password);
  await form.getByLabel('再次输入密码').fill(who.password);
  await form.getByRole('button', { name: '创建管理员' }).click();
  const code = (await page.getByTestId('recovery-code').textContent()) ?? '';
  await page.getByLabel('我已打印或抄下恢复码').check();
  await page.getByRole('button', { name: '继续' }).click();
  return code;
}

/** Fills and sends the sign-in form (without waiting for the outcome). */
export async function submitSignIn(page: Page, login: string, password: string): Promise<void> {
  const form = page.getByRole('form', { name: '登录' });
  await form.getByLabel('登录名').fill(login);
  await form.getByLabel('密码', { exact: true }).fill(password);
  await form.getByRole('button', { name: '登录', exact: true }).click();
}

/**
 * Passes the sign-in gate: on a fresh profile's first start creates the administrator, otherwise signs in (a reload
 * signs out). Waits until the app's shell shows the signed-in user.
 */
export async function signIn(page: Page, who: Person = ADMIN): Promise<void> {
  const firstStart = page.getByRole('heading', { name: '创建管理员' });
  const signInForm = page.getByRole('form', { name: '登录' });
  await expect(firstStart.or(signInForm)).toBeVisible({ timeout: 30_000 });
  if (await firstStart.isVisible()) await createAdmin(page, who);
  else await submitSignIn(page, who.login, who.password);
  await expect(page.getByTestId('user-badge')).toContainText(who.name);
}

/** Opens `url` (a fresh document) and signs in. */
export async function openSignedIn(page: Page, url: string, who: Person = ADMIN): Promise<void> {
  await page.goto(url);
  await signIn(page, who);
}

/** Adds a user on the users page (the admin is signed in there); returns the one-time password shown. */
export async function addUser(page: Page, who: Pick<Person, 'login' | 'name'>, role: string): Promise<string> {
  const form = page.getByRole('form', { name: '添加用户' });
  await form.getByLabel('登录名').fill(who.login);
  await form.getByLabel('姓名').fill(who.name);
  await form.getByLabel('角色').selectOption({ label: role });
  await form.getByRole('button', { name: '添加' }).click();
  const shown = page.getByTestId('temporary-password');
  await expect(shown).toBeVisible();
  const password = (await shown.textContent()) ?? '';
  await page.getByRole('button', { name: '已告知' }).click();
  return password;
}

/** 切换用户: back to the sign-in form with the app still open. */
export async function switchUser(page: Page): Promise<void> {
  await page.getByRole('button', { name: '切换用户' }).click();
  await expect(page.getByRole('form', { name: '登录' })).toBeVisible();
}

/** Signs in with a temporary password and sets the person's own. */
export async function firstSignIn(page: Page, who: Person, temporary: string): Promise<void> {
  await submitSignIn(page, who.login, temporary);
  await expect(page.getByRole('heading', { name: '设置新密码' })).toBeVisible();
  await page.getByLabel('新密码', { exact: true }).fill(who.password);
  await page.getByLabel('再次输入密码').fill(who.password);
  await page.getByRole('button', { name: '保存新密码并登录' }).click();
  await expect(page.getByTestId('user-badge')).toContainText(who.name);
}
