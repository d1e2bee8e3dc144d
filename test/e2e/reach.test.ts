/**
 * Reach end to end, in real Chromium, as a council runs it: two CMS instances on one PostgreSQL
 * database (test/support/cluster.ts). A reader on an example host page chooses, searches, opens
 * and taps, once with the widget loaded from (and reporting to) each instance; both instances
 * write their counts to the shared database on their own timers (REACH_FLUSH_SECONDS=1), adding
 * to the same rows. The editor's Reach page, on either instance, then shows exactly the summed
 * counts, downloads them as CSV, prints a summary, and axe finds nothing on it. The test reads
 * everything through HTTP, the browser and SQL, never through an instance's memory. Screenshots
 * go to test/artifacts/reach-*.png.
 *
 * PostgreSQL is part of this test: test/run.ts starts it (in CI it must; on a developer's machine
 * without it, it says loudly that it skips this, and sets TEST_POSTGRES=off).
 */
import { signInToAdmin } from '../support/editor';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveExamples } from '../../examples/serve';
import { axeViolations, launchChromium, READER_USER_AGENT } from '../support/browser';
import { freePort, startCluster, type Cluster } from '../support/cluster';

const ARTIFACTS = path.resolve(__dirname, '../artifacts');
const ADMIN_BUILD = path.resolve(__dirname, '../../examples/cms/dist/build/index.html');
const REACH_TABLE = 'kinship_offer_reach';
const INSTANCES = 2;

let cluster: Cluster;
let sql: pg.Pool;
/** The council's site: the example pages, always on this one origin, whichever instance they embed. */
let sitePort: number;
const site = () => `http://127.0.0.1:${sitePort}`;
let browser: Browser;
let offerDocumentId: string;
let service: { uuid: string; documentId: string; title: string };

/** The first row a query returns. */
const first = async (text: string, values: unknown[]) => (await sql.query(text, values)).rows[0];

const stayOnPage = () =>
  document.addEventListener('click', (event) => (event.composedPath()[0] as Element).closest?.('a') && event.preventDefault());

/** A reader on the council's example page: what they do, in order. */
async function readAsACarer(cmsUrl: string) {
  // The council's page, its embed code pointing at this instance.
  const examples = await serveExamples({ host: '127.0.0.1', port: sitePort, cmsUrl });
  // A reader's browser: headless Chromium's own User-Agent is left out of reach, as crawlers are.
  const context = await browser.newContext({ viewport: { width: 1024, height: 900 }, userAgent: READER_USER_AGENT });
  const page = await context.newPage();
  await page.addInitScript(stayOnPage); // taps are counted; the test page stays where it is
  await page.goto(`${examples.url}/council.html`);
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
  await examples.close();
  return { tapped: tapped.startsWith('tel:') ? 'phone' : tapped.startsWith('mailto:') ? 'email' : 'web' };
}

describe.skipIf(process.env.TEST_POSTGRES === 'off')('reach, from a reader\'s page to the editor\'s Reach page, with two instances on one PostgreSQL', { timeout: 120_000 }, () => {
  beforeAll(async () => {
    if (!existsSync(ADMIN_BUILD)) throw new Error('The admin panel is not built: `npm test` builds it (examples/admin-build.ts)');
    cluster = await startCluster({ instances: INSTANCES, env: { REACH_FLUSH_SECONDS: '1', SERVE_ADMIN_PANEL: 'true' } });
    sql = new pg.Pool({ connectionString: cluster.databaseUrl, max: 2 });
    sitePort = await freePort();
    browser = await launchChromium();
    mkdirSync(ARTIFACTS, { recursive: true });
    offerDocumentId = (await first("SELECT document_id FROM kinship_offers WHERE slug = 'example-borough' AND published_at IS NOT NULL", [])).document_id;
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await sql?.end();
    await cluster?.close();
  });

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
    for (const url of cluster.urls) tapped = (await readAsACarer(url)).tapped;
    service.documentId = (await first('SELECT document_id FROM kinship_services WHERE uuid = $1 AND published_at IS NOT NULL', [service.uuid])).document_id;
    // One row per day, site, event and subject: both instances' counts added into it.
    const stored = async () =>
      (await sql.query(`SELECT event, subject, count FROM ${REACH_TABLE} WHERE offer = $1`, [offerDocumentId])).rows
        .map((row) => [row.event, row.subject, Number(row.count)])
        .sort((a, b) => String(a).localeCompare(String(b)));
    const want = expected().map(([event, subject, count]) => [event, subject, (count as number) * INSTANCES]).sort((a, b) => String(a).localeCompare(String(b)));
    await expect.poll(stored, { timeout: 15_000, interval: 500 }).toEqual(want);
    const sites = (await sql.query(`SELECT DISTINCT site FROM ${REACH_TABLE} WHERE offer = $1`, [offerDocumentId])).rows;
    expect(sites.map((row) => row.site)).toEqual([site()]);
  });

  it('shows the editor exactly those counts, accessibly, as a CSV and on paper', async () => {
    // On the instance that did not seed the database: any instance shows every instance's counts.
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, baseURL: cluster.urls[INSTANCES - 1], acceptDownloads: true });
    editor = await context.newPage();
    await signInToAdmin(editor);

    await editor.goto(`/admin/plugins/kinship-offer/offers/${offerDocumentId}`);
    await editor.getByRole('link', { name: 'Reach' }).click();
    await editor.getByRole('heading', { name: 'Reach: Example Borough Council' }).waitFor();
    const readers: number = INSTANCES;
    const main = editor.locator('main');
    const text = (await main.textContent())!.replace(/\s+/g, ' ');
    expect(text).toContain(`${readers} view${readers === 1 ? '' : 's'} in the last 30 days`);
    expect(text).toContain(`${site()} has shown it ${readers} time${readers === 1 ? '' : 's'} in the last 30 days`);

    const row = (table: string, name: string) => editor.getByRole('table', { name: table }).getByRole('row').filter({ has: editor.getByRole('rowheader', { name, exact: true }) });
    expect(await row('Sites showing the offer, most views first', site()).textContent()).toMatch(new RegExp(`^${site()}${readers}${readers}`));
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
    expect(csv).toContain(`${new Date().toISOString().slice(0, 10)},${site()},service,${service.documentId},${service.title},${readers}`);

    await editor.emulateMedia({ media: 'print' });
    expect(await editor.getByRole('button', { name: 'Download CSV' }).isVisible()).toBe(false);
    expect(await editor.getByRole('table', { name: 'Views per week (weeks begin on Monday)' }).isVisible()).toBe(true);
    await editor.screenshot({ path: path.join(ARTIFACTS, 'reach-print.png'), fullPage: true });
    await context.close();
  });
});
