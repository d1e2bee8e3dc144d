/**
 * A link to the offer pasted on its own line in a real WordPress (test/support/wordpress.ts: Debian's
 * package on a private MariaDB) becomes the offer: WordPress discovers our oEmbed answer from the
 * page's head, frames the iframe view in its sandbox (an opaque origin) and sizes it with its own
 * wp-embed.js, from the height messages the view sends with WordPress's secret. In Chromium.
 */
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchChromium } from '../support/browser';
import { startCms, type TestCms } from '../support/cms';
import { startWordPress, type TestWordPress } from '../support/wordpress';

const SLUG = 'example-borough';
/** wp-embed.js keeps a frame between these heights (wp-includes/js/wp-embed.js). */
const WORDPRESS_LIMITS = { min: 200, max: 1000 };

let cms: TestCms;
let wordpress: TestWordPress;
let browser: Browser;
let pages: string;

beforeAll(async () => {
  cms = await startCms();
  wordpress = await startWordPress();
  browser = await launchChromium();
  pages = `${cms.url}/kinship-offer`;
  // WordPress gives discovery 5 s (WP_oEmbed::discover); on this shared machine a cold Strapi's first
  // page can take longer, which an editor would meet as a plain link: warm it first.
  await fetch(`${pages}/${SLUG}`);
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await wordpress?.stop();
  await cms?.stop();
});

async function open(address: string) {
  const context = await browser.newContext({ viewport: { width: 1024, height: 800 } });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
  await page.goto(address);
  return { page, problems, close: () => context.close() };
}

async function offerFrame(page: Page): Promise<Frame> {
  await page.locator('iframe.wp-embedded-content').waitFor();
  const frame = (await (await page.$('iframe.wp-embedded-content'))!.contentFrame())!;
  await frame.locator('h1').first().waitFor();
  return frame;
}

/** The iframe's height attribute, which wp-embed.js sets, once it settles. */
async function settledHeight(page: Page) {
  let last = '';
  for (let tries = 0; tries < 50; tries++) {
    const height = (await page.locator('iframe.wp-embedded-content').getAttribute('height')) ?? '';
    if (height === last && tries > 3) return Number(height);
    last = height;
    await page.waitForTimeout(100);
  }
  return Number(last);
}

describe('WordPress', () => {
  it('turns the offer\'s address into our iframe view, sandboxed, with its secret', async () => {
    const html = await wordpress.php(`echo wp_oembed_get( '${pages}/${SLUG}' );`);
    expect(html).toMatch(/^<blockquote class="wp-embedded-content" data-secret="\w+"><a href="[^"]+\/kinship-offer\/example-borough">Example Borough Council<\/a><\/blockquote>/);
    expect(html).toContain('<iframe class="wp-embedded-content" sandbox="allow-scripts" security="restricted"');
    expect(html).toContain(`src="${pages}/${SLUG}/embed#?secret=`);
    expect(html).toContain('title="Example Borough Council"');
    expect(html).toMatch(/data-secret="[A-Za-z0-9]{10}"/);
  });

  it('a post whose content is the offer\'s link on its own line shows the offer, sized by WordPress', async () => {
    const address = await wordpress.post(`<p>Our local offer for kinship carers:</p>\n\n${pages}/${SLUG}\n\n<p>Call us with any question.</p>`);
    const { page, problems, close } = await open(address);
    const frame = await offerFrame(page);
    expect(await frame.evaluate(() => origin)).toBe('null');
    expect(await frame.locator('h1').textContent()).toBe('Example Borough Council');
    const content = await frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
    expect(content).toBeGreaterThan(WORDPRESS_LIMITS.max);
    expect(await settledHeight(page)).toBe(WORDPRESS_LIMITS.max);
    expect(problems).toEqual([]);
    await close();
  });

  it('a service\'s link shows the service, at its own height within WordPress\'s limits; the finder works in WordPress\'s sandbox', async () => {
    const offer = await cms.strapi.documents('plugin::kinship-offer.offer').findFirst({ filters: { slug: SLUG }, status: 'published', populate: { services: true } });
    const service = (offer!.services as Array<{ uuid: string; title: string }>)[0];
    const address = await wordpress.post(`${pages}/${SLUG}/services/${service.uuid}`);
    const { page, problems, close } = await open(address);
    const frame = await offerFrame(page);
    expect(await frame.locator('h1').textContent()).toBe(service.title);
    const content = await frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
    expect(await settledHeight(page)).toBe(Math.min(WORDPRESS_LIMITS.max, Math.max(WORDPRESS_LIMITS.min, content)));
    // Back to the offer, in the frame, then a choice in the finder.
    await frame.locator('.breadcrumbs a').click();
    await frame.waitForURL(/\/example-borough\/embed/);
    // A WordPress column may be narrower than a tablet: the choices are then folded behind
    // "Show filters", as on a phone, and a reader opens them first.
    const showFilters = frame.getByRole('button', { name: /^Show filters/ });
    if (await showFilters.isVisible()) await showFilters.click();
    await frame.getByLabel('Financial support', { exact: true }).check();
    await frame.getByRole('button', { name: 'Show support' }).click();
    await frame.waitForURL(/kinship-support=financial_support/);
    expect(page.url()).toBe(address);
    expect(problems).toEqual([]);
    await close();
  });

  it('axe finds nothing on the WordPress page holding the offer, or in the frame', async () => {
    const address = await wordpress.post(`${pages}/${SLUG}`);
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await page.goto(address);
    const frame = await offerFrame(page);
    expect(await axeViolations(page)).toEqual([]);
    expect(await axeViolations(frame)).toEqual([]);
    await context.close();
  });
});
