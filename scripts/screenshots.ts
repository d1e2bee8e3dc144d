/**
 * `npm run screenshots`: the pictures in the README and the guides (docs/images/), taken from the
 * demo as it is, so they never show an older product. Boots the demo app with its admin panel on a
 * throw-away SQLite database (test/support/cms.ts), serves the example host pages beside it, and
 * photographs them in Debian's Chromium (installed if missing, as `npm test` does).
 *
 * Writes docs/images/<name>.png, each at 1280 × 800 CSS pixels: what a reader sees first, not a
 * whole page. Run it after a change to what the element, the pages or the admin look like.
 */
import { signInToAdmin } from '../test/support/editor';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { ensureAdminBuild } from '../examples/admin-build';
import { ensureNativeModules } from '../examples/native-modules';
import { serveExamples } from '../examples/serve';
import { launchChromium } from '../test/support/browser';
import { ensureChromium } from '../test/support/chromium';
import { startCms } from '../test/support/cms';

const images = path.resolve(__dirname, '..', 'docs', 'images');

async function main() {
  ensureNativeModules();
  const missing = ensureChromium();
  if (missing) throw new Error(`Chromium is needed for screenshots: ${missing}`);
  ensureAdminBuild();
  mkdirSync(images, { recursive: true });

  const cms = await startCms({ admin: true });
  const examples = await serveExamples({ host: '127.0.0.1', port: 0, cmsUrl: cms.url });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const shot = (name: string) => page.screenshot({ path: path.join(images, `${name}.png`) });
    const settled = (p: Page) => p.waitForLoadState('networkidle');

    // What a carer sees: the offer on a council's page.
    await page.goto(`${examples.url}/council.html`);
    await page.locator('kinship-offer').getByRole('heading', { name: /Support and services/ }).waitFor();
    await shot('offer-on-a-council-page');

    // What an editor sees: the offer's statutory checklist in the admin.
    await signInToAdmin(page, cms.url);
    // Strapi's own announcements are not ours to show.
    await page.getByRole('button', { name: /close/i }).first().click({ timeout: 2000 }).catch(() => {});
    await page.goto(`${cms.url}/admin/plugins/kinship-offer`);
    await page.getByRole('link', { name: 'Example Borough Council' }).first().click();
    await settled(page);
    await shot('admin-offer-checklist');
    console.log(`Screenshots written to ${path.relative(process.cwd(), images)}/`);
  } finally {
    await browser.close();
    await examples.close();
    await cms.stop();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
