/**
 * The element on host pages as councils' sites really are, against the real demo CMS in real
 * Chromium: scripts that add headers to our requests, the tag pasted every way people paste it,
 * frames whose address cannot change. Each page is one from examples/embed/, or a variant of one
 * served from the same origin.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveExamples } from '../../examples/serve';
import { axeViolations, launchChromium } from '../support/browser';
import { startCms, type TestCms } from '../support/cms';

let cms: TestCms;
let examples: { url: string; close: () => Promise<void> };
let browser: Browser;
/** Variants of the example pages, by name, served from a host origin of their own (see `open`). */
const variants = new Map<string, string>();
let variantServer: Server;
let variantsUrl: string;

beforeAll(async () => {
  cms = await startCms();
  examples = await serveExamples({ host: '127.0.0.1', port: 0, cmsUrl: cms.url });
  // A real server, not Playwright's routing: Chromium takes a routed page for one on the public
  // internet and refuses it the CMS on the loopback address (Local Network Access).
  variantServer = createServer((request, response) => {
    const html = variants.get(request.url!.slice(1));
    response.writeHead(html ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' }).end(html ?? '');
  });
  await new Promise<void>((resolve) => variantServer.listen(0, '127.0.0.1', resolve));
  variantsUrl = `http://127.0.0.1:${(variantServer.address() as AddressInfo).port}`;
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  variantServer?.close();
  await examples?.close();
  await cms?.stop();
});

/**
 * Opens `name`: an example page, or `html` served under that name from another host origin;
 * `problems`: uncaught errors and console errors and warnings.
 */
async function open(name: string, html?: string) {
  const context = await browser.newContext({ viewport: { width: 1024, height: 900 } });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  // Neither server has a favicon: Chromium's 404 for it is no problem of ours.
  page.on('console', (message) => ['error', 'warning'].includes(message.type()) && !message.location().url.endsWith('/favicon.ico') && problems.push(message.text()));
  if (html !== undefined) variants.set(name, html.replaceAll('{{CMS_URL}}', cms.url).replaceAll('href="assets/', `href="${examples.url}/assets/`));
  await page.goto(`${html === undefined ? examples.url : variantsUrl}/${name}`);
  return { page, problems, close: () => context.close() };
}

const contact = (page: Page) => page.locator('kinship-offer').first().locator('[part="contact"], [part="error"]').first();
const widgetText = (page: Page) => page.locator('kinship-offer').first().evaluate((el) => el.shadowRoot!.textContent!.replace(/\s+/g, ' '));
const COUNCIL = readFileSync(path.resolve(__dirname, '../../examples/embed/council.html'), 'utf8');
const MODULE_TAG = '<script type="module" src="{{CMS_URL}}/api/kinship-offer/widget.js"></script>';

describe('a page whose scripts add headers to our requests', () => {
  it('tracing agent: the offer shows and feedback is stored, with sentry-trace, baggage and traceparent on every request', async () => {
    const { page, problems, close } = await open('tracing-agent.html');
    const traced: string[] = [];
    page.on('request', (request) => request.headers()['sentry-trace'] && traced.push(`${request.method()} ${new URL(request.url()).pathname}`));
    await page.reload();
    await expect(contact(page).getAttribute('part')).resolves.toBe('contact');
    expect(await widgetText(page)).toContain('31 services');

    const feedback = page.locator('kinship-offer').locator('kinship-offer-feedback').last();
    await page.waitForTimeout(2_100); // the CMS refuses answers given in under two seconds
    await feedback.getByRole('button', { name: 'No' }).click();
    await feedback.getByLabel('Tell us what is missing or wrong (optional)').fill('Traced feedback: the respite list');
    await feedback.getByRole('button', { name: 'Send' }).click();
    await feedback.getByText('Thank you for your feedback').waitFor();
    expect(await cms.strapi.db.query('plugin::kinship-offer.feedback').count({ where: { message: 'Traced feedback: the respite list' } })).toBe(1);
    expect(traced).toEqual(expect.arrayContaining(['GET /api/kinship-offer/view/example-borough', 'POST /api/kinship-offer/feedback']));
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await close();
  });
});

describe('the script tag as people paste it', () => {
  const tags: Array<[string, string]> = [
    ['classic, in the head', '<script src="{{CMS_URL}}/api/kinship-offer/widget.js"></script>'],
    ['classic, defer', '<script defer src="{{CMS_URL}}/api/kinship-offer/widget.js"></script>'],
    ['classic, async', '<script async src="{{CMS_URL}}/api/kinship-offer/widget.js"></script>'],
    ['type="text/javascript" at the end of the body', ''],
    ['module and classic, twice', `${MODULE_TAG}<script src="{{CMS_URL}}/api/kinship-offer/widget.js?theme"></script>`],
  ];
  it.each(tags)('%s: the offer shows, nothing in the console', async (what, tag) => {
    const html = tag
      ? COUNCIL.replace(MODULE_TAG, tag)
      : COUNCIL.replace(MODULE_TAG, '').replace('</main>', '</main><script type="text/javascript" src="{{CMS_URL}}/api/kinship-offer/widget.js"></script>');
    expect(html).not.toBe(COUNCIL);
    const { page, problems, close } = await open(`tag-${what.replace(/\W+/g, '-')}.html`, html);
    await expect(contact(page).getAttribute('part')).resolves.toBe('contact');
    expect(problems).toEqual([]);
    await close();
  });

  it('without type="module", async, and added again by a tag manager after load: the offer shows once, with its choices working', async () => {
    const { page, problems, close } = await open('tag-manager.html');
    await expect(contact(page).getAttribute('part')).resolves.toBe('contact');
    await page.waitForFunction(() => document.querySelectorAll('script[src*="widget.js"]').length === 2);
    await page.locator('kinship-offer').getByLabel('Special guardianship order').check();
    await expect.poll(() => page.url()).toContain('kinship-arrangement=special_guardianship_order');
    expect(await page.locator('kinship-offer [part="contact"]').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await close();
  });
});

describe('where the script finds what it loads from beside itself', () => {
  /** Opens a service and says where the services' details came from (they must come from beside the script that runs). */
  async function openService(page: Page) {
    const fetched: string[] = [];
    page.on('request', (request) => request.url().includes('service-details') && fetched.push(request.url()));
    const service = page.locator('kinship-offer').first().locator('[part="service"]').nth(2);
    await service.locator('summary').click();
    await service.locator('.details, [role="alert"]').first().waitFor();
    return { details: await service.locator('.details').textContent().catch(() => ''), fetched };
  }
  const loader = (url: string, type = '') =>
    `<script>var tag = document.createElement('script');${type && ` tag.type = '${type}';`} tag.src = '${url}';
      tag.onload = function () { tag.remove(); }; document.head.appendChild(tag);</script>`;

  // The address is read as the script runs: by the time an offer is shown, the page may have
  // removed the tag or added another, and a reader opens a service later still.
  it.each([
    ['a loader that removes the tag once it has run (as jQuery.getScript does)', loader('{{CMS_URL}}/api/kinship-offer/widget.js?v=loaded'), '?v=loaded'],
    ['a loader that removes the module tag once it has run', loader('{{CMS_URL}}/api/kinship-offer/widget.js?v=loaded', 'module'), '?v=loaded'],
    [
      'versioned, then added again with another version by a tag manager',
      `<script src="{{CMS_URL}}/api/kinship-offer/widget.js?v=first"></script>${loader('{{CMS_URL}}/api/kinship-offer/widget.js?v=second')}`,
      '?v=first',
    ],
  ])('%s: a service\'s details come from beside the script that defined the element, with its version', async (what, tag, query) => {
    const { page, problems, close } = await open(`beside-${what.replace(/\W+/g, '-')}.html`, COUNCIL.replace(MODULE_TAG, tag));
    await expect(contact(page).getAttribute('part')).resolves.toBe('contact');
    const { details, fetched } = await openService(page);
    expect(details).toContain('Cost');
    // Fetched before the service was opened, once, from the CMS.
    const all = await page.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name).filter((name) => name.includes('service-details')));
    expect([...all, ...fetched]).toEqual([`${cms.url}/api/kinship-offer/service-details.js${query}`]);
    expect(problems).toEqual([]);
    await close();
  });

  // DOM clobbering: a page's own content (a comment, a rich-text block) may hold <img name="…">
  // or <form name="…">, which the browser makes a property of `document` that hides the real one
  // of that name (and a form's fields, its own properties).
  const IMAGE = '<img name="currentScript" src="/attacker/pixel.png" alt="">';
  const FORM = '<form name="currentScript" action="/attacker/"><input name="tagName" value="SCRIPT"><input name="src" value="/attacker/"></form>';
  const CLASSIC_TAG = MODULE_TAG.replace(' type="module"', '');
  it.each([
    ['an image named "currentScript" before the tag', (html: string) => html.replace(MODULE_TAG, `${IMAGE}${CLASSIC_TAG}`)],
    ['an image named "currentScript" after the tag', (html: string) => html.replace(MODULE_TAG, CLASSIC_TAG).replace('</main>', `${IMAGE}</main>`)],
    ['a form named "currentScript", with fields named "tagName" and "src", before the tag', (html: string) => html.replace(MODULE_TAG, `${FORM}${CLASSIC_TAG}`)],
  ])('%s never makes the element load script from the page\'s own content', async (where, write) => {
    const { page, problems, close } = await open(`clobbered-${where.replace(/\W+/g, '-')}.html`, write(COUNCIL));
    const attacker: string[] = [];
    await page.route('**/attacker/**', (route) => {
      attacker.push(route.request().url());
      return route.fulfill({ contentType: 'text/javascript', headers: { 'access-control-allow-origin': '*' }, body: 'window.pwned = true; export const renderServiceDetails = () => "pwned";' });
    });
    await page.reload();
    await expect(contact(page).getAttribute('part')).resolves.toBe('contact');
    const { details } = await openService(page);
    expect(details).toContain('Cost');
    expect(await page.evaluate(() => (window as any).pwned)).toBeUndefined();
    expect(attacker.filter((url) => !url.endsWith('/pixel.png'))).toEqual([]);
    expect(problems.filter((problem) => !problem.includes('404'))).toEqual([]);
    await close();
  });
});

describe('a Content-Security-Policy as councils write it', () => {
  const withPolicy = (policy: string, tag = MODULE_TAG, inHead = '') =>
    COUNCIL.replace(MODULE_TAG, tag).replace('<head>', `<head><meta http-equiv="Content-Security-Policy" content="${policy}">${inHead}`);
  const NONCED = `script-src 'nonce-kinship' 'strict-dynamic'; object-src 'none'; base-uri 'none'`;
  const policies: Array<[string, string]> = [
    ['nonce and strict-dynamic, the tag nonced', withPolicy(NONCED, MODULE_TAG.replace('<script', '<script nonce="kinship"'))],
    ['nonce and strict-dynamic, the classic tag nonced', withPolicy(NONCED, MODULE_TAG.replace('<script type="module"', '<script nonce="kinship"'))],
    [
      'nonce and strict-dynamic, the tag added by a nonced tag manager with a version',
      withPolicy(NONCED, `<script nonce="kinship">var tag = document.createElement('script'); tag.src = '{{CMS_URL}}/api/kinship-offer/widget.js?v=1'; document.head.appendChild(tag);</script>`),
    ],
    ['script-src naming the folder of the CMS\'s scripts', withPolicy(`script-src {{CMS_URL}}/api/kinship-offer/; connect-src {{CMS_URL}}`)],
    ['Trusted Types required, Lit\'s policy allowed', withPolicy(`require-trusted-types-for 'script'; trusted-types lit-html`)],
    [
      'Trusted Types required, with a default policy that refuses script from anywhere but the CMS',
      withPolicy(
        `require-trusted-types-for 'script'; trusted-types default lit-html`,
        MODULE_TAG,
        `<script>trustedTypes.createPolicy('default', { createScriptURL: function (url) { if (url.indexOf('{{CMS_URL}}/') !== 0) throw new Error('refused ' + url); return url; } });</script>`,
      ),
    ],
  ];
  it.each(policies)('%s: a service opens with its details, and nothing is refused', async (what, html) => {
    const { page, problems, close } = await open(`policy-${what.replace(/\W+/g, '-')}.html`, html);
    const refused: string[] = [];
    await page.exposeFunction('refused', (what: string) => refused.push(what));
    await page.addInitScript(() => document.addEventListener('securitypolicyviolation', (event) => (window as any).refused(`${event.violatedDirective} ${event.blockedURI}`)));
    await page.reload();
    await expect(contact(page).getAttribute('part')).resolves.toBe('contact');
    const service = page.locator('kinship-offer [part="service"]').nth(2);
    await service.locator('summary').click();
    await service.locator('.details').waitFor();
    expect(await service.locator('.details').textContent()).toContain('Cost');
    expect(refused).toEqual([]);
    expect(problems).toEqual([]);
    await close();
  });
});

describe('a frame whose address cannot change', () => {
  const FRAMED = `<kinship-offer offer="example-borough"><a href="https://www.example.gov.uk/kinship">Kinship local offer</a></kinship-offer>
    <script src="{{CMS_URL}}/api/kinship-offer/widget.js"></script>
    <script>document.addEventListener('kinship-offer-filter', (event) => parent.postMessage(event.detail.arrangement, '*'));</script>`;
  const attribute = (html: string) => html.replaceAll('&', '&amp;').replaceAll('"', '&quot;');

  it.each([
    ['srcdoc', ''],
    ['srcdoc, sandboxed without allow-same-origin', ' sandbox="allow-scripts"'],
  ])('%s: choosing an arrangement works, throws nothing, and tells the page', async (what, sandbox) => {
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A framed offer</title></head><body><main>
      <h1>A framed offer</h1>
      <iframe title="Kinship local offer" width="900" height="700"${sandbox} srcdoc="${attribute(FRAMED)}"></iframe>
      <script>window.told = []; addEventListener('message', (event) => told.push(event.data));</script>
    </main></body></html>`;
    const { page, problems, close } = await open(`framed-${what.replace(/\W+/g, '-')}.html`, html);
    const frame = page.frameLocator('iframe');
    await frame.locator('kinship-offer [part="contact"]').waitFor();
    await frame.locator('kinship-offer').getByLabel('Special guardianship order').check();
    await expect.poll(() => page.evaluate(() => (window as any).told)).toEqual(['special_guardianship_order']);
    await expect(frame.locator('kinship-offer [part="status"]').textContent()).resolves.toMatch(/\d+ services?/);
    expect(problems).toEqual([]);
    await close();
  });
});

describe('on paper', () => {
  it('every link carries its address or number, and the demo offer prints on at most 16 A4 pages (28 before)', async () => {
    const { page, problems, close } = await open('council.html');
    await contact(page).waitFor();
    await page.emulateMedia({ media: 'print' });
    await page.locator('kinship-offer details[open] .details').first().waitFor();
    const missing = await page.locator('kinship-offer').evaluate((el) =>
      [...el.shadowRoot!.querySelectorAll('a')]
        .filter((a) => {
          const words = a.textContent!.trim();
          // On paper: the address after the link's words, or words that already are the address
          // (a phone number, an e-mail address, a URL).
          const addressShown = getComputedStyle(a, '::after').content.includes(a.getAttribute('href')!);
          return !addressShown && !(a.classList.contains('bare') && /^[\d\s+]+$|@|^https?:\/\//.test(words));
        })
        .map((a) => `${a.textContent!.trim()} → ${a.getAttribute('href')}`),
    );
    expect(missing).toEqual([]);
    const pdf = await page.pdf({ format: 'A4' });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBeGreaterThan(5);
    // 28 before the print layout; the demo has since gained eligibility and contacts for every service.
    expect(pages).toBeLessThanOrEqual(16);
    expect(problems).toEqual([]);
    await close();
  });
});
