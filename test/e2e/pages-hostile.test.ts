/**
 * Hostile content cannot execute in the public pages, nor break out of their head, their meta or
 * their JSON-LD. Each of the 200+ payloads the element resists (./hostile-payloads) is put into
 * every field of an offer, its service, organisation, location and contact, and the vocabulary
 * labels, stored in the real CMS; then each offer's page and its service's page are read:
 *
 * - as a crawler reads them, in Node: the JSON-LD parses and gives the payload back exactly (a
 *   `</script>` or `<!--` in it would have ended or changed the script element), the head holds
 *   only what the page writes there, the title is the payload as text;
 * - as a reader sees them, in Chromium with the page's script: nothing runs (every executable
 *   payload calls `__xss`), no element or attribute the pages do not write, no link but https:,
 *   mailto:, tel:, sms: or the pages' own.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser';
import { startCms, type TestCms } from '../support/cms';
import { hostilePayloads, seedHostileOffer, seedHostileVocabularies, watchedPage } from './hostile-payloads';

const PAYLOADS = hostilePayloads();
const BATCH = 50;

let cms: TestCms;
let browser: Browser;
/** Each payload's offer page and service page. */
let pages: Array<{ payload: string; offer: string; service: string }>;

beforeAll(async () => {
  cms = await startCms();
  pages = [];
  for (const [index, payload] of PAYLOADS.entries()) await seedHostileOffer(cms.strapi, payload, index);
  await seedHostileVocabularies(cms.strapi, PAYLOADS);
  for (const [index, payload] of PAYLOADS.entries()) {
    // Some payloads are written twice (the same vector in upper case): the offer's own service, by its view.
    const [service] = (await cms.strapi.plugin('kinship-offer').service('offer-view').find(`hostile-${index}`)).services;
    const base = `${cms.url}/kinship-offer/hostile-${index}`;
    pages.push({ payload, offer: base, service: `${base}/services/${service.uuid}` });
  }
  browser = await launchChromium();
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await cms?.stop();
});

/** What a page's head may hold, as the pages write it. */
const HEAD_ELEMENT = /^<(meta (charset|name|property)="[^"]*"( content="[^"]*")?|title|link rel="(canonical|alternate|stylesheet)"[^>]*|script type="(module|application\/ld\+json)"[^>]*)>$/;

describe(`${PAYLOADS.length} hostile payloads in every field, through the public pages`, () => {
  it('as a crawler reads them: every page is 200, its JSON-LD parses and gives each payload back as it was, its head holds only our elements', async () => {
    const problems: string[] = [];
    for (const { payload, offer, service } of pages) {
      for (const url of [offer, service]) {
        const response = await fetch(url);
        const html = await response.text();
        if (response.status !== 200) {
          problems.push(`${url}: ${response.status}`);
          continue;
        }
        const head = html.slice(html.indexOf('<head>') + 6, html.indexOf('</head>'));
        const script = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(head);
        let graph: any[] = [];
        try {
          graph = JSON.parse(script![1])['@graph'];
        } catch (error) {
          problems.push(`${url}: JSON-LD ${error}`);
        }
        const named = graph.find((node) => node['@type'] === 'GovernmentService');
        if (named?.name !== payload) problems.push(`${url}: the service's name in JSON-LD is ${JSON.stringify(named?.name)?.slice(0, 60)}`);
        // Outside the JSON-LD, the head is our elements one after another.
        const rest = head.replace(script![0], '').replace(/<title>[^<]*<\/title>/, '<title>');
        for (const element of rest.match(/<[^>]*>/g) ?? []) {
          if (element !== '</script>' && !HEAD_ELEMENT.test(element)) problems.push(`${url}: head holds ${element.slice(0, 80)}`);
        }
      }
    }
    expect(problems).toEqual([]);
  }, 300_000);

  for (let start = 0; start < PAYLOADS.length; start += BATCH) {
    it(`as readers see them in Chromium, payloads ${start} to ${Math.min(PAYLOADS.length, start + BATCH) - 1}: nothing runs, no element, attribute or link we did not write`, async () => {
      const { page, ran } = await watchedPage(browser);
      const problems: string[] = [];
      for (const { offer, service } of pages.slice(start, start + BATCH)) {
        for (const url of [offer, service]) {
          await page.goto(url);
          await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
          for (const link of (await page.locator('main a').all()).slice(0, 3)) await link.hover();
          const found = await page.evaluate((cmsUrl) => {
            const problems: string[] = [];
            // What the pages write: the finder's form, its inputs and button; the share buttons; the QR code's SVG.
            const allowed = (node: Element) =>
              !['SCRIPT', 'IFRAME', 'OBJECT', 'EMBED', 'IMG', 'SVG', 'PATH', 'MATH', 'LINK', 'META', 'BASE', 'FORM', 'STYLE', 'TEMPLATE', 'VIDEO', 'SOURCE', 'INPUT', 'TEXTAREA', 'SELECT'].includes(node.tagName.toUpperCase()) ||
              (node.tagName === 'FORM' && node.getAttribute('part') === 'filters') ||
              (node.tagName === 'INPUT' && !!node.closest('form[part="filters"]') && !node.hasAttribute('autofocus')) ||
              (['svg', 'path'].includes(node.tagName) && !!node.closest('figure.qr-code'));
            for (const node of document.body.querySelectorAll('*')) {
              if (!allowed(node)) problems.push(`<${node.tagName}>`);
              for (const attribute of node.attributes) {
                if (/^on/i.test(attribute.name) || attribute.name === 'style' || attribute.name === 'srcdoc') problems.push(`attribute ${attribute.name}`);
              }
              const href = node.getAttribute('href') ?? node.getAttribute('action');
              if (href !== null && !href.startsWith(`${cmsUrl}/kinship-offer/`) && href !== '#main') {
                let scheme = '';
                try {
                  scheme = new URL(href).protocol;
                } catch {
                  scheme = 'unparseable';
                }
                if (!['https:', 'mailto:', 'tel:', 'sms:'].includes(scheme)) problems.push(`href ${JSON.stringify(href.slice(0, 60))}`);
              }
            }
            if (document.head.querySelectorAll('script:not([type="application/ld+json"]):not([src])').length) problems.push('an inline script in the head');
            return problems;
          }, cms.url);
          problems.push(...found.map((problem) => `${url}: ${problem}`));
        }
      }
      expect(await ran()).toEqual({ xssCalls: [], pageErrors: [] });
      expect(problems).toEqual([]);
    }, 300_000);
  }
});
