/**
 * The plugin's pages in the built Strapi admin, in real Chromium, as an editor who has never seen
 * them would use them: the home page says what is overdue; the plugin page shows every offer's
 * score; an offer's page shows its gaps, the coverage map, what directories will miss and feedback; the panel beside a service
 * marks it reviewed; the embed builder previews each way onto a council's site at reader size and copies it.
 * Screenshots go to test/artifacts/admin-*.png.
 */
import { signInToAdmin } from '../support/editor';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchChromium } from '../support/browser';
import { startCms, type TestCms } from '../support/cms';

const ARTIFACTS = path.resolve(__dirname, '../artifacts');
const ADMIN_BUILD = path.resolve(__dirname, '../../examples/cms/dist/build/index.html');
const SERVICE = 'plugin::kinship-offer.service';
const OFFER = 'plugin::kinship-offer.offer';

let cms: TestCms;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const problems: string[] = [];
let overdueService: { documentId: string; title: string };
let sharedOffer: string;

beforeAll(async () => {
  if (!existsSync(ADMIN_BUILD)) throw new Error('The admin panel is not built: `npm test` builds it (examples/admin-build.ts)');
  cms = await startCms({ admin: true });
  mkdirSync(ARTIFACTS, { recursive: true });

  // Something for the editor to find: a service not reviewed for years, and readers' feedback.
  const services = cms.strapi.documents(SERVICE);
  const navigators = (await services.findFirst({ filters: { title: 'Kinship navigators' }, status: 'published' }))!;
  await services.update({ documentId: navigators.documentId, data: { lastReviewedAt: '2023-01-10', lastReviewedBy: 'Former editor' } as any });
  await services.publish({ documentId: navigators.documentId });
  overdueService = { documentId: navigators.documentId, title: navigators.title as string };
  sharedOffer = (await cms.strapi.documents(OFFER).findFirst({ filters: { slug: 'example-shared-service' } }))!.documentId;
  await cms.strapi.documents('plugin::kinship-offer.feedback').create({ data: { offer: sharedOffer, helpful: false, message: 'Nothing about evening support groups' } as any });
  // A statutory gap: the shared offer says nothing about private fostering.
  const shared: any = await cms.strapi.documents(OFFER).findOne({ documentId: sharedOffer });
  const { private_fostering: _, ...legalTexts } = shared.legalFrameworkByArrangement;
  await cms.strapi.documents(OFFER).update({ documentId: sharedOffer, data: { legalFrameworkByArrangement: legalTexts } as any });

  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, baseURL: cms.url });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: cms.url });
  page = await context.newPage();
  page.on('pageerror', (error) => problems.push(error.message));

  await signInToAdmin(page);
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await cms?.stop();
});

const shot = (name: string) => page.screenshot({ path: path.join(ARTIFACTS, `admin-${name}.png`), fullPage: true });
/** axe on what the plugin draws (Strapi's own frame is Strapi's to fix). */
const ourViolations = (selector = 'main') => axeViolations(page, selector);

// The Content Manager's edit view takes seconds to open on a busy two-core machine.
const SLOW = 90_000;

describe('the plugin in the Strapi admin', { timeout: SLOW }, () => {
  it('the home page lists what is overdue for review, with a link to it', async () => {
    await page.getByRole('heading', { name: 'Kinship offer: overdue for review' }).waitFor();
    await page.getByText(/^\d+ items? (is|are) overdue for review\.$/).waitFor({ timeout: 30_000 });
    const link = page.getByRole('link', { name: overdueService.title });
    expect(await link.getAttribute('href')).toContain(`/content-manager/collection-types/${SERVICE}/${overdueService.documentId}`);
    expect(await link.locator('xpath=..').textContent()).toMatch(/last reviewed 10 January 2023/);
    await shot('home');
  });

  it('"Kinship local offer" in the menu lists every offer with its score and review status', async () => {
    await page.getByRole('link', { name: 'Kinship local offer' }).first().click();
    const table = page.getByRole('table', { name: /Offers, with their score/ });
    await table.waitFor();
    const rows = await table.getByRole('row').allTextContents();
    expect(rows.find((row) => row.includes('Example Borough Council'))).toMatch(/\d+ \/ 100/);
    expect(rows.find((row) => row.includes('Tri-Borough Kinship Shared Service'))).toMatch(/Publish a service for/);
    expect(await table.getByRole('columnheader', { name: 'Services incomplete for directories' }).count()).toBe(1);
    expect(await ourViolations()).toEqual([]);
    await shot('offers');
  });

  it('an offer\'s page shows its gaps with where to fix them, the coverage map, and readers\' feedback', async () => {
    await page.getByRole('link', { name: 'Tri-Borough Kinship Shared Service' }).click();
    await page.getByRole('heading', { name: 'Statutory checklist' }).waitFor();
    const main = page.locator('main');
    expect(await main.textContent()).toContain('Therapeutic support: missing');
    const addService = main.getByRole('link', { name: 'Add a service' }).first();
    expect(await addService.getAttribute('href')).toMatch(/content-manager\/collection-types\/plugin::kinship-offer\.service\/create$/);

    const map = page.getByRole('table', { name: /Coverage map/ });
    const caption = await map.locator('caption').textContent();
    expect(Number(caption!.match(/\((\d+) gaps?\)/)![1])).toBeGreaterThan(0);
    expect(await map.getByRole('rowheader', { name: 'Therapeutic support' }).locator('xpath=..').textContent()).toMatch(/(None){6}/);

    // For directories: each service with something missing, in words, with a link to the field.
    await page.getByRole('heading', { name: 'For directories' }).waitFor();
    const school = main.getByRole('region', { name: /^Virtual school for kinship children \(\d+ missing\)$/ });
    expect(await school.textContent()).toContain('Phone number: missing');
    const schoolDocument = (await cms.strapi.documents(SERVICE).findFirst({ filters: { title: 'Virtual school for kinship children' }, status: 'published' }))!.documentId;
    const fixPhone = school.locator('li').filter({ hasText: 'Phone number: missing' }).getByRole('link', { name: 'Edit “Virtual school for kinship children”' });
    expect(await fixPhone.getAttribute('href')).toMatch(new RegExp(`content-manager/collection-types/plugin::kinship-offer\\.service/${schoolDocument}\\?field=contacts$`));

    const feedback = main.locator('li').filter({ hasText: 'Nothing about evening support groups' });
    expect(await feedback.textContent()).toContain('Not helpful');
    await feedback.getByRole('button', { name: 'Mark as actioned' }).click();
    await expect.poll(() => feedback.textContent(), { timeout: 10_000 }).toContain('Actioned');
    const stored = await cms.strapi.db.query('plugin::kinship-offer.feedback').findOne({ where: { message: 'Nothing about evening support groups' } });
    expect(stored.actioned).toBe(true);

    expect(await ourViolations()).toEqual([]);
    await shot('offer');
  });

  it('a gap\'s link opens the offer at the right box, and filling it in closes the gap', async () => {
    await page.goto(`/admin/plugins/kinship-offer/offers/${sharedOffer}`);
    await page.getByRole('link', { name: 'Edit “Legal framework: Private fostering”' }).click();
    const box = page.getByRole('textbox', { name: 'Private fostering' });
    await expect.poll(() => box.evaluate((el) => el === document.activeElement), { timeout: 30_000 }).toBe(true);
    expect(await page.getByRole('textbox', { name: 'Special guardianship order' }).inputValue()).not.toBe('');
    await box.fill('A private fostering arrangement is one a parent makes with someone who is not a close relative, for 28 days or more. Tell us about it.');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(async () => ((await cms.strapi.documents(OFFER).findOne({ documentId: sharedOffer })) as any).legalFrameworkByArrangement.private_fostering ?? '', { timeout: 10_000 })
      .toMatch(/^A private fostering arrangement/);
    // The review panel beside it follows the fix.
    await expect.poll(() => page.getByText(/^Score \d+ \/ 100\./).textContent(), { timeout: 30_000 }).not.toContain('private fostering');
    // Only our input: Strapi's own JSON and rich-text editors on this page have findings of their own.
    expect(await ourViolations('.kinship-offer-arrangement-texts')).toEqual([]);
    await shot('legal-framework');

    await page.goto(`/admin/plugins/kinship-offer/offers/${sharedOffer}`);
    await page.getByRole('heading', { name: 'Statutory checklist' }).waitFor();
    expect(await page.locator('main').textContent()).toContain('Legal framework: Private fostering: done');
  });

  it('beside a service in the content manager, "Mark as reviewed today" records who and when', async () => {
    await page.goto(`/admin/content-manager/collection-types/${SERVICE}/${overdueService.documentId}`);
    const panel = page.locator('aside, section, div').filter({ has: page.getByText('Kinship offer review', { exact: true }) }).last();
    await expect.poll(() => panel.textContent(), { timeout: 30_000 }).toContain('Overdue for review since 10 January 2024');
    await panel.getByRole('button', { name: 'Mark as reviewed today' }).click();
    const today = new Date().toISOString().slice(0, 10);
    const todayInWords = new Date().toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    await expect.poll(() => panel.textContent(), { timeout: 10_000 }).toContain(`Last reviewed on ${todayInWords}`);

    const draft: any = await cms.strapi.documents(SERVICE).findOne({ documentId: overdueService.documentId, status: 'draft' });
    expect(draft.lastReviewedAt).toBe(today);
    expect(draft.lastReviewedBy).toBeTruthy();
    // The form carries the same date (saving cannot undo the review) and can be published at once.
    expect(await page.locator('input[name="lastReviewedBy"]').inputValue()).toBe(draft.lastReviewedBy);
    await expect.poll(() => page.getByRole('button', { name: 'Publish' }).isEnabled(), { timeout: 10_000 }).toBe(true);
    await shot('service-panel');
  });

  it('the embed builder gives the four ways, each previewed at the size readers see, copied exactly as shown, addressed from server.url and the pages path', async () => {
    // The public URL is not the address this browser reached the admin at; pages are not at the default path.
    const publicUrl = cms.url.replace('127.0.0.1', 'localhost');
    cms.strapi.config.set('server.url', publicUrl);
    cms.strapi.config.set('plugin::kinship-offer.pages', '/family-support');
    try {
      await page.goto(`/admin/plugins/kinship-offer/embed?offer=${sharedOffer}`);
      const text = (way: string) => page.getByLabel(`${way} to copy`);
      await expect.poll(() => text('Script tag').inputValue(), { timeout: 30_000 }).toContain('offer="example-shared-service"');

      await page.getByRole('radio', { name: 'The named contact and the services (with filters)' }).click();
      await page.getByRole('group', { name: /Show only these support types/ }).getByRole('checkbox', { name: 'Financial support' }).click();
      await expect.poll(() => text('Script tag').inputValue(), { timeout: 10_000 }).toContain('view="services"');
      const script = await text('Script tag').inputValue();
      expect(script).toContain('support-types="financial_support"');
      expect(script).not.toContain('reach');
      const page_ = `${publicUrl}/family-support/example-shared-service`;
      const texts = {
        'Script tag': script,
        'Pasted link': await text('Pasted link').inputValue(),
        Iframe: await text('Iframe').inputValue(),
        'Link card': await text('Link card').inputValue(),
      };
      expect(script).toMatch(new RegExp(`^<link rel="preload" as="fetch" crossorigin href="${publicUrl}/api/kinship-offer/view/example-shared-service">\n<script type="module" src="${publicUrl}/api/kinship-offer/widget.js"></script>`));
      expect(texts['Pasted link']).toBe(page_);
      expect(texts.Iframe).toContain(`src="${page_}/embed"`);
      expect(texts.Iframe).toContain(`<script src="${publicUrl}/family-support/assets/resize.js" async></script>`);
      expect(texts['Link card']).toMatch(new RegExp(`^<p><a href="${page_}">Tri-Borough Kinship Shared Service</a>`));
      for (const [way, copied] of Object.entries(texts)) expect(copied, way).not.toContain(cms.url);

      // Each preview: the offer at the size a reader sees it (a plain page's 16px; the named contact at GOV.UK's 19px), never shrunk by the admin's 62.5% root.
      const framed = async (way: string) => (await page.locator(`iframe[title="Preview: ${way}"]`).elementHandle())!.contentFrame();
      const readerSized = async (frame: Frame, selector: string, size: string) => {
        await expect.poll(() => frame.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('16px');
        await expect.poll(() => frame.locator(selector).first().evaluate((el) => getComputedStyle(el).fontSize), { timeout: 30_000 }).toBe(size);
        // As tall as its page: nothing is hidden in the admin's frame.
        const { scrollHeight, clientHeight } = await frame.evaluate(() => ({ scrollHeight: document.documentElement.scrollHeight, clientHeight: document.documentElement.clientHeight }));
        expect(scrollHeight).toBeLessThanOrEqual(clientHeight + 1);
      };

      const widgetFrame = (await framed('script tag'))!;
      const widget = widgetFrame.locator('kinship-offer');
      await expect.poll(() => widget.evaluate((el) => el.shadowRoot?.querySelector('[part="status"]')?.textContent ?? ''), { timeout: 30_000 }).toMatch(/\d+ services?/);
      expect(await widget.getAttribute('view')).toBe('services');
      expect(await widget.getAttribute('support-types')).toBe('financial_support');
      expect(await widget.getAttribute('reach')).toBe('off');
      await expect.poll(() => widget.evaluate((el) => getComputedStyle(el.shadowRoot!.querySelector('[part="contact"]')!).fontSize), { timeout: 30_000 }).toBe('19px');
      await readerSized(widgetFrame, 'body', '16px');

      // Framed from this address, the iframe view cannot load its styles (named at server.url): the builder says so.
      for (const way of ['Pasted link', 'Iframe']) {
        await expect.poll(() => page.getByRole('region', { name: way, exact: true }).getByText(`This admin is open at ${cms.url}, not at the CMS's public address`).count()).toBe(1);
      }

      const card = (await framed('link card'))!;
      expect(await card.locator('a').first().getAttribute('href')).toBe(`${cms.url}/family-support/example-shared-service`);
      await readerSized(card, 'p', '16px');

      expect(await ourViolations()).toEqual([]);
      for (const way of ['script tag', 'link card']) expect(await axeViolations((await framed(way))!), way).toEqual([]);
      await shot('embed');

      for (const [way, copied] of Object.entries(texts)) {
        const section = page.getByRole('region', { name: way, exact: true });
        await section.getByRole('button', { name: `Copy the ${way.toLowerCase()}` }).click();
        await expect.poll(() => section.getByRole('status').textContent(), { timeout: 5_000 }).toBe('Copied');
        expect(await page.evaluate(() => navigator.clipboard.readText()), way).toBe(copied);
      }

      // Opened at its public URL (the usual case), the previews load what the text names: the iframe view as a
      // reader who opens it sees it, sized to the offer by the resize script.
      cms.strapi.config.set('server.url', cms.url);
      const reader = await context.newPage();
      await reader.goto(`/family-support/example-shared-service/embed`);
      const readersSize = await reader.locator('[part="contact"]').evaluate((el) => getComputedStyle(el).fontSize);
      await reader.close();
      expect(readersSize).toBe('19px');
      await page.reload();
      await expect.poll(() => text('Iframe').inputValue(), { timeout: 30_000 }).toContain(`src="${cms.url}/family-support/example-shared-service/embed"`);
      expect(await page.getByText('This admin is open at').count()).toBe(0);
      for (const way of ['pasted link', 'iframe']) {
        const host = (await framed(way))!;
        await expect.poll(() => host.locator('iframe').evaluate((frame) => (frame as HTMLIFrameElement).style.height), { timeout: 30_000 }).toMatch(/^(?!800px)\d+px$/);
        const view = (await (await host.locator('iframe').elementHandle())!.contentFrame())!;
        expect(await view.locator('h1').textContent()).toBe('Tri-Borough Kinship Shared Service');
        await readerSized(view, '[part="contact"]', readersSize);
        await readerSized(host, 'body', '16px');
        expect(await axeViolations(host), way).toEqual([]);
      }
    } finally {
      cms.strapi.config.set('server.url', '');
      cms.strapi.config.set('plugin::kinship-offer.pages', '/kinship-offer');
    }
  });

  it('a support type\'s equivalent terms in directories\' taxonomies open in the content manager, one entry per term', async () => {
    const financial = (await cms.strapi.documents('plugin::kinship-offer.support-type').findFirst({ filters: { code: 'financial_support' } }))!;
    await page.goto(`/admin/content-manager/collection-types/plugin::kinship-offer.support-type/${financial.documentId}`);
    await page.getByText('Equivalent terms in directories\' taxonomies').first().waitFor({ timeout: 60_000 });
    // The demo's two terms, each an entry the editor can open, and a button to add another.
    await expect.poll(() => page.locator('main').textContent(), { timeout: 30_000 }).toMatch(/Example directory categories[\s\S]*Example family hub needs/);
    expect(await page.getByRole('button', { name: /Add an entry/i }).count()).toBeGreaterThan(0);
    await shot('support-type-equivalents');
  });

  it('the statutory checklist reads per language, each gap linked to its field in that language\'s version', async () => {
    const offers = cms.strapi.documents(OFFER);
    await cms.strapi.plugin('i18n').service('locales').create({ code: 'cy', name: 'Welsh (cy)' });
    const borough: any = await offers.findFirst({ filters: { slug: 'example-borough' } });
    // A Welsh version begun: its name, nothing of its sections yet.
    await offers.update({ documentId: borough.documentId, locale: 'cy', data: { name: 'Cynnig Perthynas Bwrdeistref Enghreifftiol', slug: 'example-borough', councils: borough.councils } as any });

    await page.goto(`/admin/plugins/kinship-offer/offers/${borough.documentId}`);
    await page.getByRole('heading', { name: 'Statutory checklist' }).waitFor();
    const main = page.locator('main');
    await expect.poll(() => main.textContent()).toContain('General approach: done');
    await page.getByRole('combobox', { name: 'Language of the checklist' }).click();
    await page.getByRole('option', { name: 'Welsh (cy)' }).click();
    const fix = main.getByRole('link', { name: 'Edit “General approach”' });
    await fix.waitFor();
    expect(await main.textContent()).toContain('General approach: missing');
    const inWelsh = `content-manager/collection-types/plugin::kinship-offer\\.offer/${borough.documentId}\\?field=generalApproach&plugins\\[i18n\\]\\[locale\\]=cy$`;
    expect(await fix.getAttribute('href')).toMatch(new RegExp(inWelsh));
    expect(await ourViolations()).toEqual([]);
    await shot('checklist-in-welsh');

    await page.getByRole('combobox', { name: 'Language of the checklist' }).click();
    await page.getByRole('option', { name: 'English (en), the default' }).click();
    await expect.poll(() => main.textContent()).toContain('General approach: done');
    expect(await main.getByRole('link', { name: 'Edit “General approach”' }).count()).toBe(0);
  });

  it('raised no error in the page', () => {
    expect(problems).toEqual([]);
  });
});
