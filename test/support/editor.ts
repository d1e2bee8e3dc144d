import type { Page } from 'playwright-core';
import { DEMO_ADMIN, type TestCms } from './cms';

/**
 * The demo editor's (DEMO_ADMIN) bearer token for the plugin's admin API on `cms`. /admin/login is
 * rate-limited (a few logins in minutes): sign in once per file.
 */
export async function editorToken(cms: TestCms): Promise<string> {
  const login = await fetch(`${cms.url}/admin/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(DEMO_ADMIN) });
  return ((await login.json()) as { data: { token: string } }).data.token;
}

/**
 * Signs the demo editor (DEMO_ADMIN) in to the built admin panel in `page`, as an editor does, and
 * waits for the admin's home page. `base`: the CMS's address when the page has no baseURL.
 * Rate-limited like the API's login: once per file.
 */
export async function signInToAdmin(page: Page, base = '') {
  await page.goto(`${base}/admin/auth/login`);
  await page.getByLabel('Email').fill(DEMO_ADMIN.email);
  await page.getByLabel('Password').fill(DEMO_ADMIN.password);
  await page.getByRole('button', { name: 'Login' }).click();
  await page.waitForURL(/\/admin\/?$/);
}
