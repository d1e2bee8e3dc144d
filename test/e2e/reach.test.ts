/**
 * Reach end to end, in real Chromium: a reader on an example host page chooses, searches, opens
 * and taps; the editor's Reach page then shows exactly those counts, downloads them as CSV, prints
 * a summary, and axe finds nothing on it. Screenshots go to test/artifacts/reach-*.png.
 *
 * The issue asks for this with two CMS instances on one PostgreSQL database, events sent to both.
 * Until test/support/cluster.ts lands, `startInstances` starts the single in-process CMS; the test
 * reads everything through HTTP, the browser and SQL, never through an instance's memory (counts
 * reach the database on each instance's own timer, REACH_FLUSH_SECONDS=1). Switching is a change
 * to `startInstances` alone: start two instances on one database and return both; the reader
 * then visits a page served against each, and the counts asserted double.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveExamples } from '../../examples/serve';
import { axeViolations, launchChromium } from '../support/browser';
import { DEMO_ADMIN, startCms, type TestCms } from '../support/cms';

const ARTIFACTS = path.resolve(__dirname, '../artifacts');
const ADMIN_BUILD = path.resolve(__dirname, '../../examples/cms/dist/build/index.html');
const REACH_TABLE = 'kinship_offer_reach';

interface Instance {
  url: string;
  /** Example host pages whose widget loads from (and reports to) this instance. */
  examples: { url: string; close(): Promise<void> };
}
/** The CMS instances, sharing one database, and a SQL client on it. */
async function startInstances(): Promise<{ instances: Instance[]; sql: TestCms['strapi']['db']['connection']; stop(): Promise<void> }> {
  process.env.REACH_FLUSH_SECONDS = '1';
  const cms = await startCms({ admin: true });
  const examples = await serveExamples({ host: '127.0.0.1', port: 0, cmsUrl: cms.url });
  return {
    instances: [{ url: cms.url, examples }],
    sql: cms.strapi.db.connection,
    stop: async () => {
      await examples.close();
      await cms.stop();
    },
  };
}

let cluster: Awaited<ReturnType<typeof startInstances>>;
let browser: Browser;
let offerDocumentId: string;
let service: { uuid: string; documentId: string; title: string };

beforeAll(async () => {
  if (!existsSync(ADMIN_BUILD)) throw new Error('The admin panel is not built: `npm test` builds it (examples/admin-build.ts)');
  cluster = await startInstances();
  browser = await launchChromium();
  mkdirSync(ARTIFACTS, { recursive: true });
  const offer = await cluster.sql('kinship_offers').where({ slug: 'example-borough' }).whereNotNull('published_at').first('document_id');
  offerDocumentId = offer.document_id;
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await cluster?.stop();
});

const stayOnPage = () =>
  document.addEventListener('click', (event) => (event.composedPath()[0] as Element).closest?.('a') && event.preventDefault());

/** A reader on the council's example page: what they do, in order. */
async function readAsACarer(instance: Instance) {
  const context = await browser.newContext({ viewport: { width: 1024, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(stayOnPage); // taps are counted; the test page stays where it is
  await page.goto(`${instance.examples.url}/council.html`);
  const widget = page.locator('kinship-offer');
  await widget.locator('[part="contact"]').waitFor();
  await widget.getByLabel('Special guardianship order').check();
  await widget.getByLabel('Financial support').check();
  await widget.getByLabel('Search').fill('allowance');
  await page.waitForTimeout(1_200); // a search is counted once the reader stops typing
  const card = widget.locator('[part="service"]').filter({ hasText: 'Special guardianship allowance' });
  await card.locator('summary').click();
  const details = card.locator('details');
  service = { uuid: (await details.getAttribute('data-uuid'))!, documentId: '', title: 'Special guardianship allowance' };
  await widget.locator('[part="contact"] a[href^="tel:"]').click();
  await details.locator('a').first().waitFor();
  const serviceLink = details.locator('a[href^="tel:"], a[href^="mailto:"], a[href^="https:"]').first();
  const tapped = (await serviceLink.getAttribute('href'))!;
  await serviceLink.click();
  await page.waitForTimeout(200); // the last tick's events leave
  await context.close();
  return { tapped: tapped.startsWith('tel:') ? 'phone' : tapped.startsWith('mailto:') ? 'email' : 'web' };
}

describe('reach, from a reader\'s page to the editor\'s Reach page', { timeout: 120_000 }, () => {
  let editor: Page;
  let tapped: string;
  const expected = () => [
    ['arrangement', 'special_guardianship_order', 1],
    ['phone', '', 1],
    ['search', '4-10', 1],
    ['service', service.documentId, 1],
    [tapped, service.documentId, 1],
    ['shown', 'full', 1],
    ['support_type', 'financial_support', 1],
  ];

  it('counts what the reader did, exactly, under the page\'s site and nothing else', async () => {
    for (const instance of cluster.instances) tapped = (await readAsACarer(instance)).tapped;
    service.documentId = (await cluster.sql('kinship_services').where({ uuid: service.uuid }).whereNotNull('published_at').first('document_id')).document_id;
    const stored = async () =>
      (await cluster.sql(REACH_TABLE).where({ offer: offerDocumentId }).orderBy(['event', 'subject']))
        .map((row: any) => [row.event, row.subject, Number(row.count)])
        .sort((a: any, b: any) => String(a).localeCompare(String(b)));
    const want = expected().map(([event, subject, count]) => [event, subject, (count as number) * cluster.instances.length]).sort((a, b) => String(a).localeCompare(String(b)));
    await expect.poll(stored, { timeout: 15_000, interval: 500 }).toEqual(want);
    const sites = await cluster.sql(REACH_TABLE).distinct('site').where({ offer: offerDocumentId });
    expect(sites.map((row: any) => row.site)).toEqual([new URL(cluster.instances[0].examples.url).origin]);
  });

  it('shows the editor exactly those counts, accessibly, as a CSV and on paper', async () => {
    const instance = cluster.instances[0];
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, baseURL: instance.url, acceptDownloads: true });
    editor = await context.newPage();
    await editor.goto('/admin/auth/login');
    await editor.getByLabel('Email').fill(DEMO_ADMIN.email);
    await editor.getByLabel('Password').fill(DEMO_ADMIN.password);
    await editor.getByRole('button', { name: 'Login' }).click();
    await editor.waitForURL(/\/admin\/?$/);

    await editor.goto(`/admin/plugins/kinship-offer/offers/${offerDocumentId}`);
    await editor.getByRole('link', { name: 'Reach' }).click();
    await editor.getByRole('heading', { name: 'Reach: Example Borough Council' }).waitFor();
    const readers = cluster.instances.length;
    const main = editor.locator('main');
    const text = (await main.textContent())!.replace(/\s+/g, ' ');
    expect(text).toContain(`${readers} view${readers === 1 ? '' : 's'} in the last 30 days`);
    const site = new URL(instance.examples.url).origin;
    expect(text).toContain(`${site} has shown it ${readers} time${readers === 1 ? '' : 's'} in the last 30 days`);

    const row = (table: string, name: string) => editor.getByRole('table', { name: table }).getByRole('row').filter({ has: editor.getByRole('rowheader', { name, exact: true }) });
    expect(await row('Sites showing the offer, most views first', site).textContent()).toMatch(new RegExp(`^${site}${readers}${readers}`));
    expect(await row('Arrangements readers chose, against the services open to each', 'Special guardianship order').locator('td').first().textContent()).toBe(String(readers));
    expect(await row('Support types readers chose, against the services of each type', 'Financial support').locator('td').first().textContent()).toBe(String(readers));
    expect(await row('Searches, by length (the words are never sent)', '4-10').locator('td').textContent()).toBe(String(readers));
    expect(await row('Published services, most opened first', service.title).locator('td').allTextContents()).toEqual([String(readers), String(readers)]);
    const contacts = await row('Contacts tapped, per service', 'The named contact').locator('td').allTextContents();
    expect(contacts.slice(0, 3)).toEqual([String(readers), '0', '0']);
    const perService = await row('Contacts tapped, per service', service.title).locator('td').allTextContents();
    expect(perService[['phone', 'email', 'web'].indexOf(tapped)]).toBe(String(readers));
    const weeks = await editor.getByRole('img', { name: /views? in the 53 weeks from/ }).count();
    expect(weeks).toBe(1);

    expect(await axeViolations(editor, 'main')).toEqual([]);
    await editor.screenshot({ path: path.join(ARTIFACTS, 'reach-admin.png'), fullPage: true });

    const [download] = await Promise.all([editor.waitForEvent('download'), editor.getByRole('button', { name: 'Download CSV' }).click()]);
    const csv = readFileSync((await download.path())!, 'utf8').trim().split('\r\n');
    expect(csv[0]).toBe('day,site,event,subject,subject_name,count');
    expect(csv.slice(1).map((line) => line.split(',').slice(2, 4).concat(line.split(',').at(-1)!))).toHaveLength(expected().length);
    expect(csv).toContain(`${new Date().toISOString().slice(0, 10)},${site},service,${service.documentId},${service.title},${readers}`);

    await editor.emulateMedia({ media: 'print' });
    expect(await editor.getByRole('button', { name: 'Download CSV' }).isVisible()).toBe(false);
    expect(await editor.getByRole('table', { name: 'Views per week (weeks begin on Monday)' }).isVisible()).toBe(true);
    await editor.screenshot({ path: path.join(ARTIFACTS, 'reach-print.png'), fullPage: true });
    await context.close();
  });
});
