/**
 * The demo in Welsh on a real host page, in real Chromium, against the real demo CMS (with its
 * Welsh version, examples/cms/src/demo/welsh.ts): Welsh controls from the pack the CMS serves
 * beside widget.js, a Welsh service's details, the switcher back to English, and axe.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveExamples } from '../../examples/serve';
import { axeViolations, launchChromium } from '../support/browser';
import { startCms, type TestCms } from '../support/cms';

let cms: TestCms;
let examples: { url: string; close: () => Promise<void> };
let browser: Browser;

beforeAll(async () => {
  process.env.DEMO_WELSH = 'true';
  cms = await startCms();
  examples = await serveExamples({ host: '127.0.0.1', port: 0, cmsUrl: cms.url });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await examples?.close();
  await cms?.stop();
});

describe('the demo offer in Welsh, on the council page', () => {
  it('shows Welsh controls and Welsh services, opens a Welsh service\'s details, and switches back to English on request', async () => {
    const context = await browser.newContext({ viewport: { width: 1024, height: 900 } });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    const packs: string[] = [];
    page.on('request', (request) => request.url().includes('/packs/') && packs.push(new URL(request.url()).pathname));
    // The page as a Welsh site would write it: the element asked for Welsh.
    await page.addInitScript(() => {
      new MutationObserver(() => document.querySelector('kinship-offer:not([lang])')?.setAttribute('lang', 'cy')).observe(document, { childList: true, subtree: true });
    });
    await page.goto(`${examples.url}/council.html`);
    const element = page.locator('kinship-offer');
    await element.locator('[part="contact"]').waitFor();
    expect(await element.locator('.root').getAttribute('lang')).toBe('cy');
    expect(packs).toEqual(['/api/kinship-offer/packs/cy.json']);
    await element.getByText('Beth yw eich trefniant?').waitFor();
    await element.getByLabel('Chwilio gwasanaethau').waitFor();

    // A Welsh service's details are there to read (they were empty while Welsh versions had no uuid).
    const navigators = element.locator('[part="service"]').filter({ hasText: 'Llywwyr perthnasau' });
    await navigators.locator('summary').click();
    const details = navigators.locator('details');
    await expect.poll(async () => (await details.textContent())!.length).toBeGreaterThan(200);
    expect(await details.textContent()).toContain('020 7946 0001');
    expect(await axeViolations(page)).toEqual([]);

    await element.locator('nav.languages').getByRole('button', { name: 'English' }).click();
    await element.getByText('What is your arrangement?').waitFor();
    expect(await element.getAttribute('lang')).toBe('en');
    expect(problems).toEqual([]);
    await context.close();
  });
  it('a Welsh service\'s details that could not be fetched say so in Welsh, and "Try again" (Welsh too) brings them in Welsh', async () => {
    const context = await browser.newContext({ viewport: { width: 1024, height: 900 } });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    await page.addInitScript(() => {
      new MutationObserver(() => document.querySelector('kinship-offer:not([lang])')?.setAttribute('lang', 'cy')).observe(document, { childList: true, subtree: true });
    });
    await page.route('**/api/kinship-offer/service-details.js*', (route) => route.abort('internetdisconnected'));
    await page.goto(`${examples.url}/council.html`);
    const element = page.locator('kinship-offer');
    const navigators = element.locator('[part="service"]').filter({ hasText: 'Llywwyr perthnasau' });
    await navigators.locator('summary').click();
    const alert = navigators.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toBe('Nid oedd modd llwytho’r manylion hyn.');
    expect(await alert.evaluate((node) => node.closest('[lang]')!.getAttribute('lang'))).toBe('cy');
    expect(await axeViolations(page)).toEqual([]);
    await page.unrouteAll();
    await navigators.getByRole('button', { name: 'Rhowch gynnig arall arni' }).focus();
    await page.keyboard.press('Enter');
    await navigators.locator('.details').waitFor();
    expect(await navigators.locator('.details').textContent()).toContain('020 7946 0001');
    expect(await element.evaluate((el) => el.shadowRoot!.activeElement?.tagName)).toBe('SUMMARY');
    expect(problems).toEqual([]);
    await context.close();
  });
});
