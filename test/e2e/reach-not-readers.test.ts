/**
 * Views that are not carers', in real Chromium against the demo CMS with its built admin: the
 * embed builder's four previews (an editor, on the CMS's own origin), a crawler that runs the element
 * (headless Chromium as it is, and with a search engine's User-Agent) and a link-preview bot are
 * left out of reach; a reader on the council's page, in the same browser, is counted once. The
 * counts are read from the database after the CMS writes them.
 */
import { signInToAdmin } from '../support/editor';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveExamples } from '../../examples/serve';
import { launchChromium, READER_USER_AGENT } from '../support/browser';
import { startCms, type TestCms } from '../support/cms';

const ADMIN_BUILD = path.resolve(__dirname, '../../examples/cms/dist/build/index.html');
const REACH_TABLE = 'kinship_offer_reach';

let cms: TestCms;
let browser: Browser;
let examples: { url: string; close(): Promise<void> };

beforeAll(async () => {
  if (!existsSync(ADMIN_BUILD)) throw new Error('The admin panel is not built: `npm test` builds it (examples/admin-build.ts)');
  cms = await startCms({ admin: true });
  examples = await serveExamples({ host: '127.0.0.1', port: 0, cmsUrl: cms.url });
  browser = await launchChromium();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await examples?.close();
  await cms?.stop();
});

/** The CMS writes what it has counted; then the views stored for the page origin `site` (undefined: from any site). */
async function viewsFrom(site?: string): Promise<number> {
  await (cms.strapi.plugin('kinship-offer').service('reach') as any).counter.flush();
  const rows = await cms.strapi.db.connection(REACH_TABLE).where(site === undefined ? { event: 'shown' } : { site, event: 'shown' });
  return rows.reduce((total: number, row: any) => total + Number(row.count), 0);
}

/** The council's example page, read by a browser that says it is `userAgent` (undefined: headless Chromium's own). */
async function readCouncilPage(userAgent: string | undefined) {
  const context = await browser.newContext(userAgent ? { userAgent } : {});
  const page = await context.newPage();
  await page.goto(`${examples.url}/council.html`);
  await page.locator('kinship-offer [part="contact"]').waitFor();
  await page.waitForTimeout(300); // the tick's events leave
  await context.close();
}

describe('views that are not carers\'', { timeout: 120_000 }, () => {
  it('the embed builder\'s four previews, in an editor\'s everyday browser, are not counted', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, baseURL: cms.url, userAgent: READER_USER_AGENT });
    const page = await context.newPage();
    await signInToAdmin(page);
    const offer = await cms.strapi.documents('plugin::kinship-offer.offer').findFirst({ filters: { slug: 'example-borough' } });
    await page.goto(`/admin/plugins/kinship-offer/embed?offer=${offer!.documentId}`);
    const preview = (way: string) => page.frameLocator(`iframe[title="Preview: ${way}"]`);
    const widget = preview('script tag').locator('kinship-offer');
    await expect
      .poll(() => widget.evaluate((el) => el.shadowRoot?.querySelector('[part="status"]')?.textContent ?? ''), { timeout: 60_000 })
      .toMatch(/\d+ services?/);
    // The pasted link's and the iframe's previews show the offer's iframe view; the link card's, the card.
    for (const way of ['pasted link', 'iframe']) await preview(way).frameLocator('iframe').locator('h1').waitFor({ timeout: 60_000 });
    await preview('link card').locator('a').waitFor();
    await page.waitForTimeout(500);
    await context.close();
    expect(await viewsFrom()).toBe(0);
  });

  it('a crawler running the element and a link-preview bot are not counted; a reader is, once', async () => {
    await readCouncilPage(undefined); // headless Chromium: "HeadlessChrome" in its User-Agent
    await readCouncilPage('Mozilla/5.0 (Linux; Android 6.0.1; Nexus 5X Build/MMB29P) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)');
    await readCouncilPage('facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)');
    expect(await viewsFrom(examples.url)).toBe(0);
    await readCouncilPage(READER_USER_AGENT);
    expect(await viewsFrom(examples.url)).toBe(1);
  });
});
