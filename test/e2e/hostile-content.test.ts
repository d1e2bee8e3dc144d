/**
 * Hostile content cannot execute in the widget nor become a dangerous link. Each of 200+
 * payloads is put into every field the widget renders, of an offer, its service, organisation,
 * location and contact (and, in turn, the vocabulary labels), stored in the real CMS and served
 * by its API, then rendered in Chromium with every section and detail open.
 *
 * The payloads are written below the Document Service (as data that got past validation would
 * be: an old import, a compromised editor, a future bug): this tests the widget's own defences;
 * test/plugin/saving.test.ts tests that validation refuses dangerous links in the first place.
 */
import { createServer, type Server } from 'node:http';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser';
import { startCms, type TestCms } from '../support/cms';
import { hostilePayloads } from './hostile-payloads';

const PAYLOADS = hostilePayloads();
const BATCH = 40;
const ARRANGEMENTS = ['informal_family_arrangement', 'private_fostering', 'child_arrangements_order', 'special_guardianship_order', 'kinship_foster_care', 'adoption'];

let cms: TestCms;
let browser: Browser;
/** The host site: serves whatever page the test sets. */
let host: { server: Server; url: string; page: string };

const blocks = (payload: string) => [
  { type: 'heading', level: 2, children: [{ type: 'text', text: payload }] },
  { type: 'paragraph', children: [{ type: 'text', text: payload, bold: true }, { type: 'link', url: payload, children: [{ type: 'text', text: payload }] }] },
  { type: 'list', format: 'unordered', children: [{ type: 'list-item', children: [{ type: 'text', text: payload }] }] },
  { type: payload, children: [{ type: 'text', text: payload }] },
];

/** One offer per payload, built validly through the importer, then overwritten with the payload everywhere. */
async function seed(strapi: TestCms['strapi'], payload: string, index: number) {
  const slug = `hostile-${index}`;
  const key = `h${index}`;
  const { documentId } = await strapi.plugin('kinship-offer').service('importer').importOffer({
    organisations: [{ key, name: `Hostile organisation ${index}`, kind: 'voluntary' }],
    locations: [{ key, name: `Hostile location ${index}`, postcode: 'EB1 1AA', hideExactAddress: false }],
    contacts: [{ key, name: `Hostile contact ${index}`, organisation: key }],
    services: [{ title: `Service ${index}`, summary: 'x', cost: 'charged', supportTypes: ['education'], arrangementTypes: ARRANGEMENTS, provider: key, locations: [key], contacts: [key] }],
    offer: { name: `Hostile ${index}`, slug, councils: [{ name: 'x', gssCode: 'E09000999' }], independentAdvice: [key] },
  });
  const write = (uid: string, where: Record<string, unknown>, data: Record<string, unknown>) => strapi.db.query(uid as any).updateMany({ where, data });
  await write('plugin::kinship-offer.offer', { slug }, {
    name: payload, contactName: payload, contactPhone: payload, contactEmail: payload, contactHours: payload, contactUrl: payload,
    accountableOfficerName: payload, accountableOfficerRole: payload, councils: [{ name: payload, gssCode: payload }],
    legalFrameworkByArrangement: Object.fromEntries(ARRANGEMENTS.map((code) => [code, payload])),
    generalApproach: blocks(payload), evidenceBase: blocks(payload), legalFramework: blocks(payload),
    financialSupportPolicy: blocks(payload), complaints: blocks(payload),
  });
  await write('plugin::kinship-offer.service', { title: `Service ${index}` }, {
    title: payload, summary: payload, description: blocks(payload), eligibility: payload, howToAccess: payload, referralUrl: payload,
    costDescription: payload, alert: payload, lastReviewedBy: payload, deliveryMethods: [payload], languages: [payload],
    openingTimes: [{ days: ['MO', payload], opensAt: '09:00', closesAt: '17:00', note: payload }],
  });
  await write('plugin::kinship-offer.organisation', { name: `Hostile organisation ${index}` }, { name: payload, description: payload, website: payload, phone: payload, email: payload });
  await write('plugin::kinship-offer.location', { name: `Hostile location ${index}` }, {
    name: payload, addressLine1: payload, addressLine2: payload, townOrCity: payload, postcode: payload, accessibility: payload,
  });
  await write('plugin::kinship-offer.contact', { name: `Hostile contact ${index}` }, { name: payload, role: payload, phone: payload, email: payload });
  return documentId;
}

beforeAll(async () => {
  cms = await startCms();
  for (const [index, payload] of PAYLOADS.entries()) await seed(cms.strapi, payload, index);
  // The vocabularies are shared by every offer: their labels and descriptions get payloads in turn.
  for (const uid of ['plugin::kinship-offer.arrangement-type', 'plugin::kinship-offer.support-type']) {
    for (const [index, term] of (await cms.strapi.db.query(uid as any).findMany({})).entries()) {
      await cms.strapi.db.query(uid as any).update({ where: { id: term.id }, data: { label: PAYLOADS[index * 7], description: PAYLOADS[index * 7 + 3] } });
    }
  }
  browser = await launchChromium();
  const server = createServer((_request, response) => response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(host.page));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  host = { server, url: `http://127.0.0.1:${(server.address() as { port: number }).port}`, page: '' };
}, 300_000);
afterAll(async () => {
  host?.server.close();
  await browser?.close();
  await cms?.stop();
});

/** A host page with `slugs` embedded, every section and detail shown; returns what went wrong. */
async function render(slugs: string[]) {
  const page = await browser.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  host.page = `<!doctype html><html lang="en"><head><title>hostile</title>
        <script>window.xssCalls = []; window.__xss = (n) => xssCalls.push(n); window.alert = window.confirm = window.prompt = (m) => xssCalls.push('dialog ' + m);</script>
        <script type="module" src="${cms.url}/api/kinship-offer/widget.js"></script></head><body>
        ${slugs.map((slug) => `<kinship-offer offer="${slug}" arrangement="private_fostering">fallback</kinship-offer>`).join('\n')}
        </body></html>`;
  await page.goto(`${host.url}/page.html`);
  await page.waitForFunction(
    (count) => [...document.querySelectorAll('kinship-offer')].filter((el) => el.shadowRoot?.querySelector('[part="contact"], [part="error"]')).length === count,
    slugs.length,
    { timeout: 60_000 },
  );
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await page.waitForTimeout(300);
  // Interact as a reader would: hover and focus everything focusable in the first few widgets.
  for (const link of (await page.locator('kinship-offer a, kinship-offer summary').all()).slice(0, 30)) await link.hover();
  await page.waitForTimeout(300);
  const report = await page.evaluate(() => {
    const problems: string[] = [];
    const forbidden = new Set(['SCRIPT', 'IFRAME', 'OBJECT', 'EMBED', 'IMG', 'SVG', 'MATH', 'LINK', 'META', 'BASE', 'FORM', 'STYLE', 'TEMPLATE', 'VIDEO', 'SOURCE', 'INPUT:autofocus']);
    for (const element of document.querySelectorAll('kinship-offer')) {
      const root = element.shadowRoot!;
      const slug = element.getAttribute('offer');
      if (!root.querySelector('[part="contact"]')) problems.push(`${slug}: not rendered (${root.textContent?.slice(0, 80)})`);
      for (const node of root.querySelectorAll('*')) {
        if (forbidden.has(node.tagName.toUpperCase())) problems.push(`${slug}: a <${node.tagName}> element`);
        for (const attribute of node.attributes) {
          if (/^on/i.test(attribute.name) || attribute.name === 'style' || attribute.name === 'srcdoc') problems.push(`${slug}: attribute ${attribute.name}`);
        }
        const href = node.getAttribute('href');
        if (href !== null) {
          let scheme = '';
          try {
            scheme = new URL(href).protocol;
          } catch {
            scheme = 'unparseable';
          }
          if (!['https:', 'mailto:', 'tel:'].includes(scheme)) problems.push(`${slug}: href ${JSON.stringify(href.slice(0, 60))}`);
        }
      }
    }
    return { problems, xssCalls: (window as any).xssCalls as unknown[] };
  });
  await page.close();
  return { ...report, pageErrors };
}

describe(`${PAYLOADS.length} hostile payloads in every field`, () => {
  it('has at least 200 payloads', () => {
    expect(PAYLOADS.length).toBeGreaterThanOrEqual(200);
  });

  for (let start = 0; start < PAYLOADS.length; start += BATCH) {
    const slugs = PAYLOADS.slice(start, start + BATCH).map((_, offset) => `hostile-${start + offset}`);
    it(`payloads ${start} to ${start + slugs.length - 1}: nothing runs, no unsafe link, every offer still shown`, async () => {
      const { problems, xssCalls, pageErrors } = await render(slugs);
      expect(xssCalls).toEqual([]);
      expect(pageErrors).toEqual([]);
      expect(problems).toEqual([]);
    }, 120_000);
  }
});
