/**
 * The example host pages against the real demo CMS, in real Chromium: what a reader sees on each,
 * axe on each, and a screenshot of each in test/artifacts/ for a person to look at.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveExamples } from '../../examples/serve';
import { axeViolations, launchChromium } from '../support/browser';
import { startCms, type TestCms } from '../support/cms';
import { startPathProxy, type PathProxy } from '../support/proxy';

const ARTIFACTS = path.resolve(__dirname, '../artifacts');
let cms: TestCms;
let examples: { url: string; close: () => Promise<void> };
let browser: Browser;

beforeAll(async () => {
  cms = await startCms();
  examples = await serveExamples({ host: '127.0.0.1', port: 0, cmsUrl: cms.url });
  browser = await launchChromium();
  mkdirSync(ARTIFACTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await examples?.close();
  await cms?.stop();
});

/**
 * Opens an example page as a reader would and waits for the widget to settle; `beforeLoad` sets
 * the page up first (routes: a file that cannot be fetched, or comes slowly).
 */
async function open(name: string, options: { javaScript?: boolean; width?: number; widget?: boolean; beforeLoad?: (page: Page) => Promise<unknown> } = {}) {
  const context = await browser.newContext({ javaScriptEnabled: options.javaScript ?? true, viewport: { width: options.width ?? 1024, height: 900 } });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  await options.beforeLoad?.(page);
  await page.goto(`${examples.url}/${name}`);
  if ((options.javaScript ?? true) && (options.widget ?? true)) {
    await page.locator('kinship-offer').locator('[part="contact"], [part="error"]').first().waitFor();
  }
  return { page, context, problems, close: () => context.close() };
}

/** The services' details cannot be fetched: the page's requests for service-details.js fail. */
const detailsUnreachable = (page: Page) => page.route('**/api/kinship-offer/service-details.js*', (route) => route.abort('internetdisconnected'));

/** A reader says what is missing, as in "a reader tells the council what is missing" below. */
async function sendFeedback(page: Page, message: string) {
  const feedback = page.locator('kinship-offer').locator('kinship-offer-feedback').last();
  await page.waitForTimeout(2_100); // the CMS refuses answers given in under two seconds
  await feedback.getByRole('button', { name: 'No' }).click();
  await feedback.getByLabel('Tell us what is missing or wrong (optional)').fill(message);
  await feedback.getByRole('button', { name: 'Send' }).click();
  await feedback.getByText(/Thank you for your feedback|could not be sent/).waitFor();
  return feedback.textContent();
}
const storedFeedback = (message: string) => cms.strapi.db.query('plugin::kinship-offer.feedback').count({ where: { message } });

const widgetText = (page: Page) => page.locator('kinship-offer').evaluate((el) => el.shadowRoot!.textContent!.replace(/\s+/g, ' '));
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });

describe('example host pages', () => {
  it('council: the whole offer, contact first, every statutory section', async () => {
    const { page, problems, close } = await open('council.html');
    const text = await widgetText(page);
    expect(text).toMatch(/^\s*Contact Kinship Support Team/);
    for (const heading of ['What is your arrangement?', 'Support and services', 'Your legal position', 'Financial support policy', 'How to complain', 'Independent advice']) {
      expect(text).toContain(heading);
    }
    expect(text).toContain('31 services');
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await shot(page, 'council');
    await close();
  });

  it('council: the offer, preloaded by the page, downloads beside the script, and the widget takes the preloaded copy', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const fetched: string[] = [];
    const warnings: string[] = [];
    // What goes to the network, by kind (Playwright's own request events also list a fetch the preload answered).
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    cdp.on('Network.requestWillBeSent', ({ request, type }) => new URL(request.url).pathname.startsWith('/api/kinship-offer/view/') && fetched.push(`${type} ${request.url}`));
    page.on('console', (message) => /preload/i.test(message.text()) && warnings.push(message.text()));
    await page.goto(`${examples.url}/council.html`);
    await page.locator('kinship-offer [part="contact"]').waitFor();
    const started = await page.evaluate(() =>
      Object.fromEntries(performance.getEntriesByType('resource').map((entry) => [new URL(entry.name).pathname, (entry as PerformanceResourceTiming).startTime])),
    );
    // Started with the script, before it ran; the widget's own fetch never went to the network.
    expect(started['/api/kinship-offer/view/example-borough']).toBeLessThan(started['/api/kinship-offer/widget.js'] + 50);
    expect(fetched).toContain(`Other ${cms.url}/api/kinship-offer/view/example-borough`);
    expect(fetched.filter((request) => request.startsWith('Fetch'))).toEqual([]);
    expect(warnings).toEqual([]);
    await context.close();
  });

  it('council: the first view is the script and the offer; the services\' details come from beside the script after the offer is shown', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.addInitScript(() => addEventListener('kinship-offer-load', () => ((window as any).shownAt = performance.now())));
    await page.goto(`${examples.url}/council.html`);
    const widget = page.locator('kinship-offer');
    await widget.locator('[part="contact"]').waitFor();
    await expect.poll(() => page.evaluate(() => performance.getEntriesByType('resource').some((entry) => entry.name.includes('/service-details.js')))).toBe(true);
    const { shownAt, ours } = await page.evaluate(() => ({
      shownAt: (window as any).shownAt as number,
      ours: performance.getEntriesByType('resource').filter((entry) => entry.name.includes('/api/kinship-offer/') && !entry.name.includes('/reach')).map((entry) => ({ path: new URL(entry.name).pathname, startTime: entry.startTime })),
    }));
    const before = ours.filter((entry) => entry.startTime < shownAt).map((entry) => entry.path);
    expect(before.sort()).toEqual(['/api/kinship-offer/view/example-borough', '/api/kinship-offer/widget.js']);
    expect(ours.map((entry) => entry.path)).toContain('/api/kinship-offer/service-details.js');
    // A reader who opens a service then has its details at once.
    const service = widget.locator('[part="service"]').nth(2);
    await service.locator('summary').click();
    expect(await service.locator('.details').textContent()).toContain('Cost');
    await context.close();
  });

  it('the contact-only view fetches nothing to draw services with; shown whole later, a service opened has its details', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const detailsRequests: string[] = [];
    page.on('request', (request) => request.url().includes('/service-details.js') && detailsRequests.push(request.url()));
    // The council's page with its element made contact-only before the script runs, as a page that writes it so.
    await page.addInitScript(() =>
      new MutationObserver((_, observer) => {
        const element = document.querySelector('kinship-offer');
        if (!element) return;
        element.setAttribute('view', 'contact');
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true }),
    );
    await page.goto(`${examples.url}/council.html`);
    const widget = page.locator('kinship-offer');
    await widget.locator('[part="contact"]').waitFor();
    await page.waitForTimeout(500);
    expect(await widget.locator('[part="service"]').count()).toBe(0);
    expect(detailsRequests).toEqual([]);
    await widget.evaluate((element) => element.setAttribute('view', 'full'));
    const service = widget.locator('[part="service"]').first();
    await service.locator('summary').click();
    await service.locator('.details').waitFor();
    expect(await service.locator('.details').textContent()).toContain('Cost');
    expect(detailsRequests).toHaveLength(1);
    await context.close();
  });

  it('a service\'s details that could not be fetched say so, and "Try again" brings them with the reader kept on the service', async () => {
    const { page, problems, close } = await open('council.html', { beforeLoad: detailsUnreachable });
    const widget = page.locator('kinship-offer');
    const service = widget.locator('[part="service"]').nth(1);
    await service.locator('summary').click();
    await service.getByRole('alert').filter({ hasText: 'These details could not be loaded.' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    // Printed so, every service says it on paper, and a screen reader hears no alert for each of them.
    await page.emulateMedia({ media: 'print' });
    await expect.poll(() => widget.locator('details[open]').count()).toBe(31);
    expect(await widget.getByText('These details could not be loaded.').count()).toBe(31);
    expect(await widget.getByRole('alert').count()).toBe(0);
    await page.emulateMedia({ media: 'screen' });
    await expect.poll(() => widget.locator('details[open]').count()).toBe(1);
    await page.unrouteAll();
    await service.getByRole('button', { name: 'Try again' }).focus();
    await page.keyboard.press('Enter');
    await service.locator('.details').waitFor();
    expect(await service.locator('.details').textContent()).toContain('Cost');
    expect(await service.getByRole('alert').count()).toBe(0);
    // Focus is on the service's summary, where the button was, not on the top of the page.
    expect(await widget.evaluate((el) => el.shadowRoot!.activeElement?.tagName)).toBe('SUMMARY');
    expect(problems).toEqual([]);
    await close();
  });

  it('a reader who opens a service while its details are on their way sees its summary, then its details where they are; offline afterwards, every service still opens complete', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    await page.route('**/api/kinship-offer/service-details.js*', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      await route.continue();
    });
    await page.goto(`${examples.url}/council.html`);
    const widget = page.locator('kinship-offer');
    const service = widget.locator('[part="service"]').nth(1);
    await service.locator('summary').focus();
    await page.keyboard.press('Enter');
    expect(await service.locator('details').getAttribute('open')).toBe('');
    expect(await service.locator('.details').count()).toBe(0);
    await service.locator('.details').waitFor();
    expect(await service.locator('.details').textContent()).toContain('Cost');
    expect(await widget.evaluate((el) => el.shadowRoot!.activeElement?.tagName)).toBe('SUMMARY');
    expect(await widget.getByRole('alert').count()).toBe(0);
    await context.setOffline(true);
    const another = widget.locator('[part="service"]').nth(4);
    await another.locator('summary').click();
    expect(await another.locator('.details').textContent()).toContain('Cost');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('several: details that could not be fetched for two offers come to both with one "Try again", in the one where it was pressed and in the other', async () => {
    const { page, problems, close } = await open('several.html', { beforeLoad: detailsUnreachable });
    const [borough, shared] = [page.locator('kinship-offer#borough'), page.locator('kinship-offer#shared')];
    for (const widget of [borough, shared]) {
      await widget.locator('[part="service"] summary').first().click();
      await widget.getByRole('alert').filter({ hasText: 'These details could not be loaded.' }).waitFor();
    }
    await page.unrouteAll();
    await borough.getByRole('button', { name: 'Try again' }).click();
    for (const widget of [borough, shared]) {
      await widget.locator('details[open] .details').waitFor();
      expect(await widget.getByRole('alert').count()).toBe(0);
    }
    expect(problems).toEqual([]);
    await close();
  });

  it('council: a reader filters by arrangement and support, and the link can be shared', async () => {
    const { page, close } = await open('council.html');
    const widget = page.locator('kinship-offer');
    await widget.getByLabel('Special guardianship order').check();
    await widget.getByLabel('Financial support').check();
    await expect.poll(() => widgetText(page)).toContain('Special guardianship allowance');
    const count = await widget.locator('[part="status"]').textContent();
    expect(page.url()).toContain('kinship-arrangement=special_guardianship_order');
    expect(page.url()).toContain('kinship-support=financial_support');

    const shared = await open(`council.html${new URL(page.url()).search}`);
    expect(await shared.page.locator('kinship-offer [part="status"]').textContent()).toBe(count);
    await shared.close();
    await close();
  });

  it('family hub: services only, in the hub\'s own colours', async () => {
    const { page, close } = await open('family-hub.html');
    const text = await widgetText(page);
    expect(text).toContain('Support and services');
    expect(text).not.toContain('How to complain');
    const accent = await page.locator('kinship-offer').evaluate((el) => getComputedStyle(el.shadowRoot!.querySelector('[part="contact"]')!).borderInlineStartColor);
    expect(accent).toBe('rgb(91, 42, 134)');
    expect(await axeViolations(page)).toEqual([]);
    await shot(page, 'family-hub');
    await close();
  });

  it('school: education support only, headings under the page\'s own h2', async () => {
    const { page, close } = await open('school.html');
    const titles = await page.locator('kinship-offer').evaluate((el) => [...el.shadowRoot!.querySelectorAll('[part="service"] h5')].map((h) => h.textContent));
    expect(titles).toContain('Virtual school advice and guidance');
    expect(titles).not.toContain('Special guardianship allowance');
    expect(await page.locator('kinship-offer').evaluate((el) => el.shadowRoot!.querySelector('h2'))).toBeNull();
    expect(await axeViolations(page)).toEqual([]);
    await shot(page, 'school');
    await close();
  });

  it('housing: accommodation support only', async () => {
    const { page, close } = await open('housing.html');
    const text = await widgetText(page);
    expect(text).toContain('Housing advice for kinship families');
    expect(text).not.toContain('Virtual school advice and guidance');
    expect(await axeViolations(page)).toEqual([]);
    await shot(page, 'housing');
    await close();
  });

  it('without JavaScript: the fallback link and phone number', async () => {
    const { page, close } = await open('no-js.html', { javaScript: false });
    expect(await page.getByRole('link', { name: 'Kinship local offer' }).getAttribute('href')).toBe('https://www.example.gov.uk/kinship');
    expect(await page.getByRole('link', { name: '020 7946 0000' }).getAttribute('href')).toBe('tel:02079460000');
    await shot(page, 'no-js');
    await close();
    // axe needs JavaScript itself; the page has no widget script either way.
    const checked = await open('no-js.html', { widget: false });
    expect(await axeViolations(checked.page)).toEqual([]);
    await checked.close();
  });

  it('hostile CSS: the widget keeps its look and its controls', async () => {
    const { page, close } = await open('hostile-css.html');
    const looks = await page.locator('kinship-offer').evaluate((el) => {
      const root = el.shadowRoot!;
      const heading = getComputedStyle(root.querySelector('h2')!);
      const button = root.querySelector('details summary')!;
      return {
        textTransform: heading.textTransform,
        letterSpacing: heading.letterSpacing,
        fontFamily: heading.fontFamily,
        summaryVisible: getComputedStyle(button).display !== 'none',
        searchWidth: root.querySelector('#search')!.getBoundingClientRect().width,
      };
    });
    expect(looks.textTransform).toBe('none');
    expect(looks.letterSpacing).toBe('normal');
    expect(looks.fontFamily).not.toContain('Comic Sans');
    expect(looks.summaryVisible).toBe(true);
    expect(looks.searchWidth).toBeGreaterThan(200);
    await shot(page, 'hostile-css');
    await close();
  });

  it('strict Content-Security-Policy: fully working, nothing blocked', async () => {
    const { page, problems, close } = await open('strict-csp.html');
    const violations: string[] = [];
    await page.exposeFunction('reportViolation', (v: string) => violations.push(v));
    await page.evaluate(() => document.addEventListener('securitypolicyviolation', (e) => (window as any).reportViolation(`${e.violatedDirective} ${e.blockedURI}`)));
    await page.locator('kinship-offer').getByLabel('Adoption by a relative or friend').check();
    await expect.poll(() => page.url()).toContain('kinship-arrangement=adoption');
    const panel = await page.locator('kinship-offer').evaluate((el) => getComputedStyle(el.shadowRoot!.querySelector('[part="contact"]')!).backgroundColor);
    expect(panel).toBe('rgb(243, 242, 241)'); // the widget's own styles applied
    // The services' details, which the script imports from beside itself, are allowed by the same script-src.
    await page.locator('kinship-offer [part="service"] summary').first().click();
    await page.locator('kinship-offer details[open] .details').waitFor();
    expect(violations).toEqual([]);
    expect(problems).toEqual([]);
    await shot(page, 'strict-csp');
    await close();
  });

  it('a reader tells the council what is missing, from another origin, and the CMS stores it', async () => {
    const { page, problems, close } = await open('council.html');
    const stored = () => cms.strapi.db.query('plugin::kinship-offer.feedback').count({ where: { message: 'Nothing about holiday clubs' } });
    expect(await stored()).toBe(0);
    const widget = page.locator('kinship-offer');
    const feedback = widget.locator('kinship-offer-feedback').last();
    await page.waitForTimeout(2_100); // the CMS refuses answers given in under two seconds
    await feedback.getByRole('button', { name: 'No' }).click();
    await feedback.getByLabel('Tell us what is missing or wrong (optional)').fill('Nothing about holiday clubs');
    await feedback.getByRole('button', { name: 'Send' }).click();
    await feedback.getByText('Thank you for your feedback.').waitFor();
    expect(await stored()).toBe(1);
    expect(problems).toEqual([]);
    await close();
  });

  it('two offers on one page keep their own choices through a reload and Back', async () => {
    const { page, problems, close } = await open('several.html');
    const chosen = (id: string) =>
      page.locator(`#${id}`).evaluate((el) => el.shadowRoot!.querySelector<HTMLInputElement>('input[name="kinship-arrangement"]:checked')?.value ?? null);
    await page.locator('#shared [part="status"]').waitFor();
    await page.locator('#borough').getByLabel('Special guardianship order').check();
    await expect.poll(() => page.url()).toContain('kinship-arrangement.borough=special_guardianship_order');
    expect(await chosen('shared')).toBe('');

    await page.reload();
    await page.locator('#borough [part="status"]').waitFor();
    await page.locator('#shared [part="status"]').waitFor();
    expect([await chosen('borough'), await chosen('shared')]).toEqual(['special_guardianship_order', '']);

    await page.locator('#shared').getByLabel('Kinship foster care').check();
    await expect.poll(() => chosen('shared')).toBe('kinship_foster_care');
    await page.goBack();
    await expect.poll(() => chosen('shared')).toBe('');
    expect(await chosen('borough')).toBe('special_guardianship_order');
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await close();
  });

  it('two offers on one page, the script included twice, attributes changed after load', async () => {
    const { page, problems, close } = await open('several.html');
    await page.locator('#shared [part="contact"]').waitFor();
    expect(await page.locator('#shared').evaluate((el) => el.shadowRoot!.textContent)).toContain('Tri-Borough Kinship Care Team');
    expect(await page.locator('#borough [part="status"]').textContent()).toBe('31 services');
    await page.locator('#borough').evaluate((el) => el.setAttribute('support-types', 'legal_support'));
    await expect.poll(() => page.locator('#borough [part="status"]').textContent()).not.toBe('31 services');
    await page.locator('#shared').evaluate((el) => el.setAttribute('offer', 'example-borough'));
    await expect.poll(() => page.locator('#shared').evaluate((el) => el.shadowRoot!.textContent)).toContain('Kinship Support Team');
    expect(problems).toEqual([]);
    await close();
  });

  it('a right-to-left page in Urdu: the English offer is declared English and reads left to right', async () => {
    const { page, problems, close } = await open('rtl.html');
    const widget = page.locator('kinship-offer');
    expect(await page.evaluate(() => getComputedStyle(document.body).direction)).toBe('rtl');
    const root = await widget.evaluate((el) => {
      const root = el.shadowRoot!.querySelector<HTMLElement>('.root')!;
      const summary = el.shadowRoot!.querySelector('[part="service"] p')!;
      return { lang: root.lang, direction: getComputedStyle(root).direction, summary: getComputedStyle(summary).direction };
    });
    expect(root).toEqual({ lang: 'en', direction: 'ltr', summary: 'ltr' });
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await shot(page, 'rtl');
    await close();
  });

  it('reads the CMS from another origin, but never with credentials', async () => {
    const { page, close } = await open('council.html');
    const attempt = (credentials: RequestCredentials) =>
      page.evaluate(
        async ({ url, credentials }) => {
          try {
            const response = await fetch(url, { credentials });
            return `read ${response.status}`;
          } catch {
            return 'blocked';
          }
        },
        { url: `${cms.url}/api/kinship-offer/offers?fields[0]=name`, credentials },
      );
    expect(new URL(page.url()).origin).not.toBe(new URL(cms.url).origin);
    expect(await attempt('omit')).toBe('read 200');
    expect(await attempt('include')).toBe('blocked');
    await close();
  });

  it('stores nothing on the host site: no cookies, no storage', async () => {
    const { page, close } = await open('council.html');
    await page.locator('kinship-offer').getByLabel('Education').check();
    const stored = await page.evaluate(() => ({ cookie: document.cookie, local: localStorage.length, session: sessionStorage.length }));
    expect(stored).toEqual({ cookie: '', local: 0, session: 0 });
    expect(await page.context().cookies()).toEqual([]);
    await close();
  });

  it('works with the keyboard alone', async () => {
    const { page, close } = await open('council.html');
    const widget = page.locator('kinship-offer');
    await widget.getByLabel('Private fostering').focus();
    await page.keyboard.press('Space');
    await expect.poll(() => page.url()).toContain('kinship-arrangement=private_fostering');
    await page.keyboard.press('ArrowDown'); // radio groups move with the arrow keys
    await expect.poll(() => page.url()).toContain('kinship-arrangement=child_arrangements_order');
    const summary = widget.locator('summary').first();
    await summary.focus();
    const outline = await summary.evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(outline).toBe('rgb(255, 221, 0)'); // GOV.UK's yellow focus state
    await page.keyboard.press('Enter');
    await expect.poll(() => widget.locator('details[open] .details').count()).toBe(1);
    await close();
  });

  it('recovers without a page reload when the CMS was down and comes back', async () => {
    const { page, close } = await open('council.html'); // a first visit caches widget.js
    await cms.restart(async () => {
      // A visit while the CMS is down: the script from cache, the offer fails. (The browser would
      // show its copy of the offer, up to staleWhileRevalidate old: see README, Caching. Routing
      // turns Chromium's cache off, so the script comes from the same file the CMS serves.)
      await page.route('**/widget.js*', (route) =>
        route.fulfill({ path: path.resolve(__dirname, '../../plugin/dist/widget/kinship-offer.js'), contentType: 'text/javascript' }),
      );
      await page.reload();
      await page.locator('kinship-offer [part="error"]').waitFor();
      expect(await widgetText(page)).toContain('The kinship local offer could not be loaded');
    });
    await page.unrouteAll();
    await page.locator('kinship-offer').getByRole('button', { name: 'Try again' }).click();
    await page.locator('kinship-offer [part="contact"]').waitFor();
    expect(await page.locator('kinship-offer [part="status"]').textContent()).toBe('31 services');
    await close();
  });

  it('printing from the host page\'s own button, print(): every service complete, then as the reader left them', async () => {
    const { page, problems, close } = await open('council.html');
    const widget = page.locator('kinship-offer');
    await widget.locator('summary').nth(1).click(); // the reader opens one service
    await expect.poll(() => widget.locator('details[open] .details').count()).toBe(1);
    // The host's button, and what the page holds when the browser lays it out for print: a listener
    // added after the element's sees what print() prints (headless Chromium prints nothing itself).
    // Only a fresh page shows what readers get: print() pauses the page, and a paused page cannot
    // prepare the templates a service's details need the first time.
    await page.evaluate(() => {
      const button = Object.assign(document.createElement('button'), { textContent: 'Print this page' });
      button.setAttribute('onclick', 'print()');
      document.querySelector('main')!.append(button);
      addEventListener('beforeprint', () => {
        const details = [...document.querySelector('kinship-offer')!.shadowRoot!.querySelectorAll('details')];
        (window as any).printed = { services: details.length, complete: details.filter((d) => d.open && d.querySelector('.details')).length };
      });
    });
    await page.getByRole('button', { name: 'Print this page' }).click();
    const printed = await page.evaluate(() => (window as any).printed);
    expect(printed.services).toBe(31);
    expect(printed.complete).toBe(31);
    await page.evaluate(() => dispatchEvent(new Event('afterprint')));
    await expect.poll(() => widget.locator('details[open]').count()).toBe(1);
    expect(await widget.locator('details').nth(1).evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    expect(problems).toEqual([]);
    await close();
  });

  it('reflows at 320 px wide with nothing cut off', async () => {
    const { page, close } = await open('council.html', { width: 320 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await shot(page, 'council-320px');
    await close();
  });
});

describe('a CMS behind a reverse proxy under a path (https://www.example.gov.uk/cms/)', () => {
  let proxy: PathProxy;
  let site: { url: string; close: () => Promise<void> };
  beforeAll(async () => {
    // One origin, as a council's web server: its pages at the root, Strapi under /cms/.
    proxy = await startPathProxy({ '/cms': cms.url });
    site = await serveExamples({ host: '127.0.0.1', port: 0, cmsUrl: `${proxy.url}/cms` });
    proxy.routes[''] = site.url;
  });
  afterAll(async () => {
    await proxy?.close();
    await site?.close();
  });

  /** What the widget asked of the web server: everything but the host page, its assets and the browser's favicon. */
  const widgetRequests = () => proxy.requests.filter((request) => !/\.(html|css|svg|png|ico)$/.test(request.split('?')[0]));

  async function openThroughProxy(name: string) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    proxy.requests.length = 0;
    await page.goto(`${proxy.url}/${name}`);
    return { page, problems, close: () => context.close() };
  }

  it('the script loaded from /cms/ asks /cms/ for the offer and sends feedback there, nothing at the host root', async () => {
    const { page, problems, close } = await openThroughProxy('council.html');
    await page.locator('kinship-offer').locator('[part="contact"], [part="error"]').first().waitFor();
    expect(await page.locator('kinship-offer [part="status"]').textContent()).toBe('31 services');
    expect(await sendFeedback(page, 'Sent through the proxy, script from the CMS')).toContain('Thank you for your feedback.');
    expect(await storedFeedback('Sent through the proxy, script from the CMS')).toBe(1);
    const requests = widgetRequests();
    expect(requests).toContain('GET /cms/api/kinship-offer/view/example-borough');
    expect(requests).toContain('GET /cms/api/kinship-offer/service-details.js');
    expect(requests).toContain('POST /cms/api/kinship-offer/feedback');
    expect(requests.filter((request) => !request.split(' ')[1].startsWith('/cms/'))).toEqual([]);
    expect(problems).toEqual([]);
    await close();
  });

  it('with endpoint="/cms/graphql" and a self-hosted script, the offer and feedback go to /cms/ too', async () => {
    const { page, problems, close } = await openThroughProxy('no-js.html');
    await page.locator('kinship-offer').evaluate((el) => el.setAttribute('endpoint', '/cms/graphql'));
    // The site serves the widget itself (the npm package's files, from its own /js/): the script's
    // address says nothing of the CMS.
    await page.route(`${proxy.url}/js/*`, (route) =>
      route.fulfill({ path: path.resolve(__dirname, '../../widget/dist', path.basename(new URL(route.request().url()).pathname)), contentType: 'text/javascript' }),
    );
    await page.addScriptTag({ url: `${proxy.url}/js/kinship-offer.js`, type: 'module' });
    await page.locator('kinship-offer').locator('[part="contact"], [part="error"]').first().waitFor();
    expect(await page.locator('kinship-offer [part="status"]').textContent()).toBe('31 services');
    await page.locator('kinship-offer [part="service"] summary').first().click();
    await page.locator('kinship-offer details[open] .details').waitFor(); // from the site's own /js/
    expect(await sendFeedback(page, 'Sent through the proxy, endpoint set')).toContain('Thank you for your feedback.');
    expect(await storedFeedback('Sent through the proxy, endpoint set')).toBe(1);
    const requests = widgetRequests().filter((request) => !request.endsWith('.js.map'));
    expect(requests).toContain('POST /cms/api/kinship-offer/feedback');
    expect(requests.filter((request) => !request.split(' ')[1].startsWith('/cms/'))).toEqual([]);
    expect(problems).toEqual([]);
    await close();
  });
});
