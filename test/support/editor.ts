import { DEMO_ADMIN, type TestCms } from './cms';

/**
 * The demo editor's (DEMO_ADMIN) bearer token for the plugin's admin API on `cms`. /admin/login is
 * rate-limited (a few logins in minutes): sign in once per file.
 */
export async function editorToken(cms: TestCms): Promise<string> {
  const login = await fetch(`${cms.url}/admin/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(DEMO_ADMIN) });
  return ((await login.json()) as { data: { token: string } }).data.token;
}
