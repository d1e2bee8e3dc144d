/**
 * The iframe view in real Chromium, framed as hosts frame it, on a host page of another origin:
 * sandboxed without `allow-same-origin` (an opaque origin, as WordPress frames an oEmbed), inside a
 * `srcdoc` document, and by a host that does nothing but give it a fixed height. What a reader of
 * the host page sees and can do; nothing thrown into the host; axe on the host and in the frame.
 * WordPress itself: test/e2e/wordpress.test.ts.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchChromium } from '../support/browser';
import { startCms, type TestCms } from '../support/cms';

const SLUG = 'example-borough';
const FIXED_HEIGHT = 600;

let cms: TestCms;
let browser: Browser;
let host: Server;
let hostUrl: string;
let embedUrl: string;

/** The host pages, each holding the iframe view as a web team would put it. */
function hostPages(): Record<string, string> {
  const resize = `${cms.url}/kinship-offer/assets/resize.js`;
  const frame = (attributes: string) =>
    `<iframe title="Kinship local offer" src="${embedUrl}" ${attributes} style="width:100%;height:${FIXED_HEIGHT}px;border:0"></iframe>`;
  const document = (body: string) =>
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Council host page</title><link rel="icon" href="data:,"></head>` +
    `<body><main><h1>Support for kinship carers</h1><p><a id="before" href="#before">Before the offer</a></p>${body}<p><a id="after" href="#after">After the offer</a></p></main></body></html>`;
  const srcdocInner = `<!doctype html><html lang="en"><title>Inner</title><body style="margin:0">${frame('sandbox="allow-scripts"')}<script src="${resize}"></script></body></html>`;
  return {
    '/sandboxed': document(`${frame('sandbox="allow-scripts"')}<script src="${resize}"></script>`),
    '/popups': document(`${frame('sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox"')}<script src="${resize}"></script>`),
    '/srcdoc': document(`<iframe title="Kinship local offer" style="width:100%;height:2000px;border:0" srcdoc="${srcdocInner.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"></iframe>`),
    '/fixed': document(frame('')),
  };
}

beforeAll(async () => {
  cms = await startCms();
  embedUrl = `${cms.url}/kinship-offer/${SLUG}/embed`;
  host = createServer((request, response) => {
    const body = hostPages()[request.url ?? ''];
    response.writeHead(body ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' }).end(body ?? 'Not found');
  });
  await new Promise<void>((resolve) => host.listen(0, 'localhost', resolve));
  hostUrl = `http://localhost:${(host.address() as AddressInfo).port}`;
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => host?.close(resolve));
  await cms?.stop();
});

/** Opens a host page; `problems` collects what is thrown in it or logged as an error. */
async function open(name: string, { width = 1024, javaScript = true, bypassCSP = false } = {}) {
  const context = await browser.newContext({ viewport: { width, height: 800 }, javaScriptEnabled: javaScript, bypassCSP });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
  await page.goto(`${hostUrl}${name}`);
  return { page, problems, close: () => context.close() };
}

/** The iframe view's frame, once its offer is shown. */
async function offerFrame(page: Page): Promise<Frame> {
  const frame = await new Promise<Frame>((resolve) => {
    const find = () => page.frames().find((candidate) => candidate.url().startsWith(`${cms.url}/kinship-offer/`));
    const found = find();
    if (found) return resolve(found);
    page.on('framenavigated', () => find() && resolve(find()!));
  });
  await frame.locator('h1').first().waitFor();
  return frame;
}

/** The height of the iframe holding `frame`, in CSS pixels, once it settles. */
async function frameHeight(page: Page, frame: Frame) {
  const element = await frame.frameElement();
  let last = -1;
  for (let tries = 0; tries < 50; tries++) {
    const height = Math.round((await element.boundingBox())!.height);
    if (height === last) return height;
    last = height;
    await page.waitForTimeout(100);
  }
  return last;
}

const contentHeight = (frame: Frame) => frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));

describe('the iframe view, framed by a host', () => {
  it('sandboxed with an opaque origin: the offer shows, the host sizes it to its content, nothing is thrown', async () => {
    const { page, problems, close } = await open('/sandboxed');
    const frame = await offerFrame(page);
    expect(await frame.evaluate(() => origin)).toBe('null');
    expect(await frame.locator('h1').textContent()).toBe('Example Borough Council');
    const height = await frameHeight(page, frame);
    expect(height).toBeGreaterThan(FIXED_HEIGHT);
    expect(Math.abs(height - (await contentHeight(frame)))).toBeLessThanOrEqual(1);
    // A service's details opened: the host follows.
    await frame.locator('details summary').first().click();
    expect(await frameHeight(page, frame)).toBeGreaterThan(height);
    expect(problems).toEqual([]);
    await close();
  });

  it('sandboxed without allow-forms: the finder still filters, in the frame, and the host resizes it', async () => {
    const { page, problems, close } = await open('/sandboxed');
    const frame = await offerFrame(page);
    const status = async () => Number(/(\d+) service/.exec((await frame.locator('[part="status"]').textContent())!)![1]);
    const all = await status();
    const tallBefore = await frameHeight(page, frame);
    await frame.getByLabel('Financial support', { exact: true }).check({ timeout: 5000 });
    await frame.getByRole('button', { name: 'Show support' }).click({ timeout: 5000 });
    await frame.waitForURL(/kinship-support=financial_support/, { timeout: 5000 });
    await frame.locator('h1').waitFor();
    expect(await status()).toBeGreaterThan(0);
    expect(await status()).toBeLessThan(all);
    expect(page.url()).toBe(`${hostUrl}/sandboxed`);
    expect(await frameHeight(page, frame)).toBeLessThan(tallBefore);
    expect(problems).toEqual([]);
    await close();
  });

  it('a service\'s link stays in the frame; a link out opens a new top-level browsing context', async () => {
    const { page, problems, close } = await open('/popups');
    const frame = await offerFrame(page);
    const service = frame.locator('li.service h4 a, li.service h3 a').first();
    const title = await service.textContent();
    await service.click();
    await frame.waitForURL(/\/services\/[^/]+\/embed$/);
    expect(await frame.locator('h1').textContent()).toBe(title);
    expect(page.url()).toBe(`${hostUrl}/popups`);
    const [opened] = await Promise.all([page.context().waitForEvent('page'), frame.locator('main a[href^="http"]:not([target="_self"])').first().click()]);
    expect(opened.url()).not.toContain('/embed');
    expect(problems).toEqual([]);
    await close();
  });

  it('inside a srcdoc document: the offer shows and the host resizes it', async () => {
    const { page, problems, close } = await open('/srcdoc');
    const frame = await offerFrame(page);
    expect(frame.parentFrame()!.url()).toBe('about:srcdoc');
    expect(await frame.locator('h1').textContent()).toBe('Example Borough Council');
    const element = await frame.frameElement();
    await expect.poll(async () => (await element.boundingBox())!.height, { timeout: 5000 }).toBeGreaterThan(FIXED_HEIGHT);
    expect(problems).toEqual([]);
    await close();
  });

  it('where the host does nothing: a fixed height, the rest reached by scrolling the frame', async () => {
    const { page, problems, close } = await open('/fixed');
    const frame = await offerFrame(page);
    expect(await frameHeight(page, frame)).toBe(FIXED_HEIGHT);
    expect(await frame.evaluate(() => document.scrollingElement!.scrollHeight > innerHeight)).toBe(true);
    expect(problems).toEqual([]);
    await close();
  });

  it('without JavaScript: the offer and every service are there', async () => {
    const { page, close } = await open('/fixed', { javaScript: false });
    const frame = await offerFrame(page);
    expect(await frame.locator('li.service').count()).toBeGreaterThan(20);
    await close();
  });

  it('axe finds nothing on the host page or in the frame', async () => {
    // axe is injected as an inline script, which the page's own policy (script-src 'self') refuses.
    const { page, close } = await open('/sandboxed', { bypassCSP: true });
    const frame = await offerFrame(page);
    expect(await axeViolations(page)).toEqual([]);
    expect(await axeViolations(frame)).toEqual([]);
    await close();
  });

  it('the keyboard passes into the frame and out of it, both ways', async () => {
    const { page, close } = await open('/sandboxed');
    const frame = await offerFrame(page);
    await page.locator('#before').focus();
    let inFrame = false;
    let presses = 0;
    for (; presses < 500 && (await page.evaluate(() => document.activeElement?.id)) !== 'after'; presses++) {
      await page.keyboard.press('Tab');
      inFrame ||= await frame.evaluate(() => document.hasFocus() && document.activeElement !== document.body);
    }
    expect(inFrame).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('after');
    for (let back = 0; back < 500 && (await page.evaluate(() => document.activeElement?.id)) !== 'before'; back++) await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('before');
    await close();
  });

  it('reflows at 320 CSS pixels: nothing wider than the frame', async () => {
    const { page, close } = await open('/sandboxed', { width: 320 });
    const frame = await offerFrame(page);
    expect(await frame.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    await close();
  });
});
