/**
 * The demo offer's public pages in real Chromium, against the demo CMS: the element and the page
 * show the same offer (one definition of how it looks); axe finds nothing; a keyboard reaches
 * everything and never loses its place; the pages reflow at 320 px; print shows every service
 * whole, with the QR code and without the controls. Screenshots in test/artifacts/.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchChromium } from '../support/browser';
import { startCms, type TestCms } from '../support/cms';

const ARTIFACTS = path.resolve(__dirname, '../artifacts');
const SLUG = 'example-borough';
let cms: TestCms;
let browser: Browser;
let offerPage: string;
let servicePage: string;

beforeAll(async () => {
  cms = await startCms();
  browser = await launchChromium();
  mkdirSync(ARTIFACTS, { recursive: true });
  offerPage = `${cms.url}/kinship-offer/${SLUG}`;
  const view = await cms.strapi.plugin('kinship-offer').service('offer-view').find(SLUG);
  // The service with the most to show: venues, times, contacts.
  const richest = [...view.services].sort((a: any, b: any) => b.locations.length + b.contacts.length - (a.locations.length + a.contacts.length))[0];
  servicePage = `${offerPage}/services/${richest.uuid}`;
});
afterAll(async () => {
  await browser?.close();
  await cms?.stop();
});

/** `axe`: let the test add axe's script, which the app's Content-Security-Policy (script-src 'self') would refuse. */
async function open(url: string, options: { javaScript?: boolean; width?: number; axe?: boolean } = {}) {
  const context = await browser.newContext({
    javaScriptEnabled: options.javaScript ?? true,
    viewport: { width: options.width ?? 1024, height: 900 },
    bypassCSP: options.axe ?? false,
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  const response = await page.goto(url);
  return { page, problems, status: response?.status(), close: () => context.close() };
}

/**
 * What a reader reads of the offer, part by part: the named contact, each service's title and
 * details (by UUID), the statutory sections, the count. `root` is the element's shadow root or the
 * page's main; feedback questions (the element's alone: they need its script) are left out.
 */
function offerParts(page: Page, within: 'element' | 'page') {
  return page.evaluate((within) => {
    const root: ParentNode = within === 'element' ? document.querySelector('kinship-offer')!.shadowRoot! : document.querySelector('main')!;
    // Without white space: the element's bundle minifies its templates (white space between tags
    // goes), the page renderer's are as written; the words and their order must be the same.
    const text = (node: Element | null | undefined) => {
      if (!node) return null;
      const copy = node.cloneNode(true) as Element;
      copy.querySelectorAll('kinship-offer-feedback').forEach((feedback) => feedback.remove());
      return copy.textContent!.replace(/\s+/g, '');
    };
    return {
      contact: text(root.querySelector('[part="contact"]')),
      status: text(root.querySelector('[part="status"]')),
      titles: [...root.querySelectorAll('.service')].map((service) => text(service.querySelector('h1, h2, h3, h4, h5, h6'))),
      details: Object.fromEntries([...root.querySelectorAll('details[data-uuid]')].map((details) => [(details as HTMLElement).dataset.uuid, text(details.querySelector('.details'))])),
      sections: [...root.querySelectorAll('[part="section"]')].map((section) => text(section)),
      groups: [...root.querySelectorAll('section > ul.services')].map((list) => text(list.parentElement!.querySelector('h1, h2, h3, h4, h5, h6'))),
    };
  }, within);
}

describe('one definition of how the offer looks', () => {
  it('the element and the offer page show the same contact, services, details, sections and count', async () => {
    const context = await browser.newContext();
    const host = await context.newPage();
    // The host page is answered by the browser at the CMS's own origin: a made-up public origin
    // would be refused the loopback CMS by Chromium's Private Network Access.
    const hostUrl = `${cms.url}/a-host-page.html`;
    await host.route(hostUrl, (route) =>
      route.fulfill({
        contentType: 'text/html; charset=utf-8',
        body: `<!doctype html><html lang="en"><title>Host</title><script type="module" src="${cms.url}/api/kinship-offer/widget.js"></script>
          <kinship-offer offer="${SLUG}" heading-level="2" reach="off">fallback</kinship-offer>`,
      }),
    );
    await host.goto(hostUrl);
    await host.locator('kinship-offer').locator('[part="contact"]').waitFor();
    await host.emulateMedia({ media: 'print' }); // the element renders every service's details when printed
    await host.waitForFunction(() => document.querySelector('kinship-offer')!.shadowRoot!.querySelectorAll('details .details').length > 20);
    const element = await offerParts(host, 'element');
    await context.close();

    const { page, close } = await open(offerPage, { javaScript: false });
    const onPage = await offerParts(page, 'page');
    await close();
    expect(Object.keys(element.details).length).toBeGreaterThan(20);
    expect(onPage).toEqual(element);
  }, 60_000);
});

describe('the demo offer\'s pages in Chromium', () => {
  it('axe finds nothing on the offer page, a service page and a 404 page, with and without the page\'s script', async () => {
    for (const url of [offerPage, servicePage, `${offerPage}/services/unknown`]) {
      for (const script of [true, false]) {
        const { page, problems, close } = await open('about:blank', { axe: true });
        // Without the page's script as a reader without JavaScript has it (axe itself needs script).
        if (!script) await page.route('**/kinship-offer/assets/pages.js*', (route) => route.abort());
        await page.goto(url);
        expect(await axeViolations(page), `${url}${script ? '' : ' without its script'}`).toEqual([]);
        expect(problems).toEqual([]);
        await close();
      }
    }
  });

  it('a keyboard reaches every control in order, the skip link first, and focus is always visible and never lost', async () => {
    for (const url of [servicePage, offerPage]) {
      const { page, close } = await open(url);
      // The skip link, then (it skips the header) every control in and after main that is shown.
      const stops = await page.evaluate(() => {
        const main = document.querySelector('main')!;
        // Shown: not in a closed details element (checkVisibility; it keeps its layout boxes). A group of radios is one stop: its checked radio, or its first when none is.
        const radios = [...document.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
        const stop = (node: Element) =>
          !(node instanceof HTMLInputElement && node.type === 'radio') ||
          (node.checked ? true : !radios.some((radio) => radio.name === node.name && radio.checked) && radios.find((radio) => radio.name === node.name) === node);
        const shown = [...document.querySelectorAll('a[href], button:not([hidden]), input, summary')].filter((node) => node.checkVisibility() && stop(node));
        return 1 + shown.filter((node) => main.contains(node) || main.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING).length;
      });
      const seen: string[] = [];
      for (let i = 0; i < Math.min(stops, 120); i++) {
        await page.keyboard.press('Tab');
        const focused = await page.evaluate(() => {
          const active = document.activeElement as HTMLElement;
          const style = getComputedStyle(active);
          const rect = active.getBoundingClientRect();
          return {
            tag: active.tagName,
            text: (active.textContent ?? '').trim().slice(0, 40),
            visible: rect.width > 0 && rect.height > 0,
            indicated: style.outlineStyle !== 'none' || style.boxShadow !== 'none' || style.backgroundColor !== 'rgba(0, 0, 0, 0)',
          };
        });
        expect(focused.tag, `${url} stop ${i}`).not.toBe('BODY');
        expect(focused.visible, `${url} stop ${i}: ${focused.text}`).toBe(true);
        expect(focused.indicated, `${url} stop ${i}: ${focused.text}`).toBe(true);
        seen.push(focused.text);
        if (i === 0) {
          expect(focused.text).toBe('Skip to main content');
          await page.keyboard.press('Enter');
          expect(await page.evaluate(() => location.hash)).toBe('#main');
        }
      }
      expect(new Set(seen).size).toBeGreaterThan(5);
      await close();
    }
  });

  it('reflows at 320 px: nothing wider than the screen', async () => {
    for (const url of [offerPage, servicePage]) {
      const { page, close } = await open(url, { width: 320 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth), url).toBeLessThanOrEqual(320);
      await page.screenshot({ path: path.join(ARTIFACTS, `page-${url === offerPage ? 'offer' : 'service'}-320.png`), fullPage: true });
      await close();
    }
  });

  it('prints every service whole, without the page\'s controls, and a service page with its QR code', async () => {
    const offer = await open(offerPage);
    await offer.page.emulateMedia({ media: 'print' });
    const printed = await offer.page.evaluate(() => ({
      details: [...document.querySelectorAll('details .details')].filter((node) => node.getBoundingClientRect().height > 0).length,
      all: document.querySelectorAll('details .details').length,
      form: getComputedStyle(document.querySelector('form')!).display,
    }));
    expect(printed.all).toBeGreaterThan(20);
    expect(printed.details).toBe(printed.all);
    expect(printed.form).toBe('none');
    await offer.close();

    for (const javaScript of [true, false]) {
      const service = await open(servicePage, { javaScript });
      await service.page.emulateMedia({ media: 'print' });
      const onPaper = await service.page.evaluate(() => ({
        qr: document.querySelector('.qr-code svg')!.getBoundingClientRect().width,
        caption: document.querySelector('.qr-code figcaption')!.textContent,
        share: getComputedStyle(document.querySelector('.share')!).display,
      }));
      expect(onPaper.qr).toBeGreaterThan(50);
      expect(onPaper.caption).toContain(servicePage);
      expect(onPaper.share).toBe('none');
      if (javaScript) await service.page.pdf({ path: path.join(ARTIFACTS, 'page-service.pdf') });
      await service.close();
    }
  });

  it('on a phone the choices fold behind "Show filters", as in the element; without the script, or wider, they are open', async () => {
    const filters = (page: Page) => page.locator('main [part="filters"]');
    const phone = await open(offerPage, { width: 375, axe: true });
    const button = phone.page.getByRole('button', { name: 'Show filters' });
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    expect(await filters(phone.page).isVisible()).toBe(false);
    // Nearer the top than the choices left it: the first service within a screen of the button.
    const top = async (selector: string) => (await phone.page.locator(selector).first().boundingBox())!.y;
    expect((await top('main .service h4, main .service h3')) - (await top('main .filters-toggle'))).toBeLessThan(667);
    expect(await axeViolations(phone.page)).toEqual([]);
    await button.focus();
    await phone.page.keyboard.press('Enter');
    expect(await phone.page.getByRole('button', { name: 'Hide filters' }).getAttribute('aria-expanded')).toBe('true');
    expect(await filters(phone.page).isVisible()).toBe(true);
    expect(await phone.page.evaluate(() => document.activeElement?.className)).toContain('filters-toggle');
    expect(await axeViolations(phone.page)).toEqual([]);
    expect(phone.problems).toEqual([]);
    await phone.close();
    for (const options of [{ width: 375, javaScript: false }, { width: 1024 }]) {
      const { page, close } = await open(offerPage, options);
      expect(await filters(page).isVisible(), JSON.stringify(options)).toBe(true);
      expect(await page.locator('main .filters-toggle').isVisible(), JSON.stringify(options)).toBe(false);
      await close();
    }
  });

  it('with the script, Copy link and Print are offered; without it, they are not', async () => {
    const withScript = await open(servicePage);
    await withScript.page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: cms.url });
    await withScript.page.getByRole('button', { name: 'Copy link' }).click();
    await withScript.page.getByRole('status').filter({ hasText: 'Link copied' }).waitFor();
    expect(await withScript.page.evaluate(() => navigator.clipboard.readText())).toBe(servicePage);
    expect(await withScript.page.getByRole('button', { name: 'Print this page' }).isVisible()).toBe(true);
    await withScript.close();
    const without = await open(servicePage, { javaScript: false });
    expect(await without.page.getByRole('button').count()).toBe(0);
    await without.close();
  });
});
