/**
 * The consultation duty and the plain-English check in the built Strapi admin, in real Chromium:
 * an offer's page shows whether it was consulted on, and what to improve in plain English, each
 * linked to its field; the panel beside a service's form checks the field being typed in, and
 * saving still works (advice only). Screenshots go to test/artifacts/advice-*.png.
 */
import { signInToAdmin } from '../support/editor';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchChromium } from '../support/browser';
import { startCms, type TestCms } from '../support/cms';

const ARTIFACTS = path.resolve(__dirname, '../artifacts');
const ADMIN_BUILD = path.resolve(__dirname, '../../examples/cms/dist/build/index.html');
const SERVICE = 'plugin::kinship-offer.service';

let cms: TestCms;
let browser: Browser;
let page: Page;
const problems: string[] = [];

beforeAll(async () => {
  if (!existsSync(ADMIN_BUILD)) throw new Error('The admin panel is not built: `npm test` builds it (examples/admin-build.ts)');
  cms = await startCms({ admin: true });
  mkdirSync(ARTIFACTS, { recursive: true });
  browser = await launchChromium();
  page = await (await browser.newContext({ viewport: { width: 1440, height: 1000 }, baseURL: cms.url })).newPage();
  page.on('pageerror', (error) => problems.push(error.message));
  await signInToAdmin(page);
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await cms?.stop();
});

describe('the public consultation report page', () => {
  it('passes axe, is reached from the offer\'s page by keyboard, and prints its consultations', async () => {
    // Its own context: axe is injected into the page, which the pages' Content-Security-Policy forbids.
    const context = await browser.newContext({ baseURL: cms.url, bypassCSP: true });
    const page = await context.newPage();
    await page.goto('/kinship-offer/example-borough');
    const link = page.getByRole('link', { name: 'How we consulted families on this offer' });
    await link.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/kinship-offer\/example-borough\/consultation-report$/);
    await page.getByRole('heading', { level: 1, name: 'How we consulted on Example Borough Council' }).waitFor();
    expect(await axeViolations(page, 'body')).toEqual([]);
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByText('Kinship carers: 64 people').isVisible()).toBe(true);
    expect(await page.locator('.share').isVisible()).toBe(false);
    await page.screenshot({ path: path.join(ARTIFACTS, 'advice-consultation-report-print.png'), fullPage: true });
    await context.close();
  });
});

describe('advice for editors in the admin', () => {
  it('the offer page says whether the offer was consulted on, and lists what to improve, linked to each field', async () => {
    const services = cms.strapi.documents(SERVICE);
    const navigators = (await services.findFirst({ filters: { title: 'Kinship navigators' } }))!;
    await services.update({ documentId: navigators.documentId, data: { eligibility: 'Carers may utilise the service.' } as any });
    const shared = (await cms.strapi.documents('plugin::kinship-offer.offer').findFirst({ filters: { slug: 'example-shared-service' } }))!;
    const borough = (await cms.strapi.documents('plugin::kinship-offer.offer').findFirst({ filters: { slug: 'example-borough' } }))!;

    await page.goto(`/admin/plugins/kinship-offer/offers/${shared.documentId}`);
    await page.getByRole('heading', { name: 'Consultation' }).waitFor();
    expect(await page.locator('main').textContent()).toContain('Consultation before publishing or updating (Children Act 1989, s.22H): missing');
    expect(await page.getByRole('link', { name: 'Record a consultation' }).getAttribute('href')).toMatch(/content-manager\/collection-types\/plugin::kinship-offer\.consultation\/create$/);

    await page.goto(`/admin/plugins/kinship-offer/offers/${borough.documentId}`);
    await page.getByRole('heading', { name: 'Plain English' }).waitFor();
    await expect.poll(() => page.locator('main').textContent(), { timeout: 30_000 }).toContain('GOV.UK advises against "utilise": write use.');
    expect(await page.locator('main').textContent()).toContain('s.22H): done');
    const link = page.getByRole('link', { name: 'Eligibility' }).first();
    expect(await link.getAttribute('href')).toContain(`/content-manager/collection-types/${SERVICE}/${navigators.documentId}?field=eligibility`);
    expect(await axeViolations(page, 'main')).toEqual([]);
    await page.screenshot({ path: path.join(ARTIFACTS, 'advice-offer.png'), fullPage: true });
  });

  it('the panel beside a service checks the field being typed in, and saving still works', async () => {
    const service = (await cms.strapi.documents(SERVICE).findFirst({ filters: { title: 'Kinship carers\' support group' } }))!;
    await page.goto(`/admin/content-manager/collection-types/${SERVICE}/${service.documentId}`);
    const panel = page.locator('aside, section, div').filter({ has: page.getByText('Plain English', { exact: true }) }).last();
    const summary = page.locator('textarea[name="summary"]');
    await summary.waitFor({ timeout: 30_000 });
    await summary.click();
    await expect.poll(() => panel.textContent(), { timeout: 30_000 }).toContain('Reads well.');
    await summary.fill('We facilitate a group for carers with an SGO.');
    await expect.poll(() => panel.textContent(), { timeout: 30_000 }).toContain('GOV.UK advises against "facilitate"');
    expect(await panel.textContent()).toContain('Spell out "SGO" the first time');
    await page.screenshot({ path: path.join(ARTIFACTS, 'advice-panel.png'), fullPage: true });

    await page.getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(async () => ((await cms.strapi.documents(SERVICE).findOne({ documentId: service.documentId })) as any).summary, { timeout: 10_000 })
      .toBe('We facilitate a group for carers with an SGO.');
    expect(problems).toEqual([]);
  }, 90_000);
});
