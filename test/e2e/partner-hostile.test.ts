/**
 * The hostile payloads (./hostile-payloads) through the partner's form and the editors' proposals
 * page, in Chromium: stored in the service and its offer, then shown by the form a link opens;
 * typed by a partner into every field and sent; then shown to an editor in the built admin. Nothing
 * runs (every executable payload calls `__xss`), no element, attribute or link appears that the
 * pages do not write, and each value sent is stored as the browser sent it, or refused with the
 * form again, holding what was typed.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROPOSAL_TABLE } from '../../plugin/server/src/partners/service';
import { launchChromium } from '../support/browser';
import { startCms, type TestCms } from '../support/cms';
import { signInToAdmin } from '../support/editor';
import { partnerLink } from '../support/partner-link';
import { hostilePayloads, watchedPage } from './hostile-payloads';

const ADMIN_BUILD = path.resolve(__dirname, '../../examples/cms/dist/build/index.html');
const SERVICE = 'plugin::kinship-offer.service';
const OFFER = 'plugin::kinship-offer.offer';
const PAYLOADS = hostilePayloads();
/**
 * The form's text fields a partner types into. The referral link is left as it is: it takes
 * https:// addresses only, so a payload there would refuse almost every proposal (the payloads in
 * it are refused or stored as sent in ../plugin/partner-hostile.test.ts, and shown stored below).
 */
const TYPED = ['name', 'title', 'summary', 'eligibility', 'howToAccess', 'costDescription', 'alert', 'note'];
const BATCH = 60;
/** The service's fields the payloads are stored in. */
const SHOWN = ['title', 'summary', 'eligibility', 'howToAccess', 'referralUrl', 'costDescription', 'alert'];

let cms: TestCms;
let browser: Browser;
let documentId: string;
/** The published service's and offer's text before the payloads, put back after them. */
let original: { service: Record<string, unknown>; offerName: string };

beforeAll(async () => {
  if (!existsSync(ADMIN_BUILD)) throw new Error('The admin panel is not built: `npm test` builds it (examples/admin-build.ts)');
  cms = await startCms({ admin: true });
  cms.strapi.config.set('plugin::kinship-offer.partnerFormPerMinute', 1_000_000);
  const service: any = await cms.strapi.documents(SERVICE).findFirst({ filters: { title: 'Kinship navigators' }, status: 'published' });
  documentId = service.documentId;
  const offer: any = await cms.strapi.documents(OFFER).findFirst({ filters: { slug: 'example-borough' }, status: 'published' });
  original = { service: Object.fromEntries(SHOWN.map((field) => [field, service[field] ?? null])), offerName: offer.name };
  browser = await launchChromium();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await cms?.stop();
});

/** A fresh link to the service. */
const linkTo = () => partnerLink(cms, documentId);

/** What the partner's pages write, and nothing else: their form's controls, the error summary's links to fields. */
const strangersIn = (page: Page) =>
  page.evaluate(() => {
    const problems: string[] = [];
    for (const node of document.body.querySelectorAll('*')) {
      if (['SCRIPT', 'IFRAME', 'OBJECT', 'EMBED', 'IMG', 'svg', 'math', 'LINK', 'META', 'BASE', 'STYLE', 'TEMPLATE', 'VIDEO', 'SOURCE', 'DETAILS'].includes(node.tagName)) problems.push(`<${node.tagName}>`);
      if (node.tagName === 'FORM' && node.getAttribute('action') !== location.pathname) problems.push(`form action ${node.getAttribute('action')}`);
      for (const attribute of node.attributes) if (/^on/i.test(attribute.name) || ['style', 'srcdoc', 'autofocus', 'formaction'].includes(attribute.name)) problems.push(`attribute ${attribute.name}`);
      const href = node.getAttribute('href');
      if (href !== null && !/^#(main|field-[a-zA-Z]+)$/.test(href)) problems.push(`href ${href.slice(0, 60)}`);
    }
    return problems;
  });

/** Line endings as a form sends them, compared as one. */
const lines = (value: unknown) => (typeof value === 'string' ? value.replace(/\r\n?/g, '\n') : value);
/**
 * A value as an HTML control can hold it: the parser reads NUL as U+FFFD, and a one-line input
 * drops line breaks (HTML's value sanitization), whoever wrote the page.
 */
const asControlHolds = (value: string, control: 'input' | 'textarea') => {
  const text = value.replaceAll('\u0000', '\uFFFD');
  return control === 'input' ? text.replace(/[\r\n]/g, '') : lines(text);
};

describe(`${PAYLOADS.length} hostile payloads through the partner's form`, () => {
  for (let start = 0; start < PAYLOADS.length; start += BATCH) {
    const batch = PAYLOADS.slice(start, start + BATCH);
    it(`payloads ${start} to ${start + batch.length - 1}, stored in the service and its offer: the form shows each as text in its field, and nothing runs`, async () => {
      const { url } = await linkTo();
      const { page, ran } = await watchedPage(browser, { viewport: { width: 1280, height: 900 } });
      const problems: string[] = [];
      for (const [offset, payload] of batch.entries()) {
        // Below the Document Service, as data that got past validation would be: the published service and offer.
        await cms.strapi.db.query(SERVICE).updateMany({ where: { documentId, publishedAt: { $notNull: true } }, data: Object.fromEntries(SHOWN.map((field) => [field, payload])) });
        await cms.strapi.db.query(OFFER).updateMany({ where: { slug: 'example-borough', publishedAt: { $notNull: true } }, data: { name: payload } });
        const response = await page.goto(url);
        if (response?.status() !== 200) problems.push(`${start + offset}: ${response?.status()}`);
        for (const [field, control] of [['title', 'input'], ['summary', 'textarea'], ['referralUrl', 'input'], ['alert', 'input']] as const) {
          const shown = await page.locator(`#field-${field}`).inputValue();
          if (lines(shown) !== asControlHolds(payload, control)) problems.push(`${start + offset} ${field} shows ${JSON.stringify(shown.slice(0, 40))}`);
        }
        problems.push(...(await strangersIn(page)).map((problem) => `${start + offset}: ${problem}`));
      }
      expect(await ran()).toEqual({ xssCalls: [], pageErrors: [] });
      expect(problems).toEqual([]);
    }, 300_000);
  }

  it('puts the service and its offer back', async () => {
    await cms.strapi.db.query(SERVICE).updateMany({ where: { documentId, publishedAt: { $notNull: true } }, data: original.service });
    await cms.strapi.db.query(OFFER).updateMany({ where: { slug: 'example-borough', publishedAt: { $notNull: true } }, data: { name: original.offerName } });
    expect((await cms.strapi.documents(SERVICE).findOne({ documentId, status: 'published' }))!.title).toBe('Kinship navigators');
  });

  /** Who proposed (the name as stored), by payload index, for each proposal stored from the typed payloads. */
  const stored = new Map<number, string>();

  for (let start = 0; start < PAYLOADS.length; start += BATCH) {
    const batch = PAYLOADS.slice(start, start + BATCH);
    it(`payloads ${start} to ${start + batch.length - 1}, typed into every field and sent: stored as the browser sent them, or the form again with what was typed; nothing runs`, async () => {
      const { page, ran } = await watchedPage(browser, { viewport: { width: 1280, height: 900 } });
      const problems: string[] = [];
      for (const [offset, payload] of batch.entries()) {
        const index = start + offset;
        const link = await linkTo();
        await page.goto(link.url);
        for (const field of TYPED) await page.locator(`#field-${field}`).fill(payload);
        // What the browser holds is what was typed (a one-line field drops line breaks, as any does).
        const typed = Object.fromEntries(await Promise.all(TYPED.map(async (field) => [field, await page.locator(`#field-${field}`).inputValue()] as const)));
        await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Send the changes to the council' }).click()]);
        const heading = await page.locator('h1').textContent();
        if (heading === 'Thank you: your changes have been sent') {
          const row = await cms.strapi.db.connection(PROPOSAL_TABLE).where({ link_id: link.id }).first();
          const changes = JSON.parse(row.changes);
          for (const field of TYPED.filter((name) => !['name', 'note'].includes(name))) {
            if (lines(changes[field]?.to) !== lines(typed[field].trim())) problems.push(`${index} ${field}: stored ${JSON.stringify(changes[field]?.to)?.slice(0, 60)}`);
          }
          if (lines(row.proposed_by) !== lines(typed.name.trim()) || lines(row.note) !== lines(typed.note.trim())) problems.push(`${index}: name or note not as typed`);
          stored.set(index, row.proposed_by);
        } else if (heading?.startsWith('Check your service')) {
          if (!(await page.title()).startsWith('Error: ')) problems.push(`${index}: the form again without its error`);
          for (const field of TYPED) {
            const shown = await page.locator(`#field-${field}`).inputValue();
            if (lines(shown) !== lines(typed[field].replaceAll('\u0000', '\uFFFD'))) problems.push(`${index} ${field}: the form again shows ${JSON.stringify(shown.slice(0, 40))}`);
          }
        } else problems.push(`${index}: ${heading}`);
        problems.push(...(await strangersIn(page)).map((problem) => `${index}: ${problem}`));
      }
      expect(await ran()).toEqual({ xssCalls: [], pageErrors: [] });
      expect(problems).toEqual([]);
    }, 300_000);
  }

  it("the editors' proposals page shows every stored proposal as text, and nothing runs", async () => {
    expect(stored.size).toBeGreaterThan(50);
    const { page, ran } = await watchedPage(browser, { viewport: { width: 1280, height: 900 } });
    await signInToAdmin(page, cms.url);
    await page.goto(`${cms.url}/admin/plugins/kinship-offer/proposals`);
    const sections = page.locator('main section');
    await sections.first().waitFor();
    expect(await sections.count()).toBe(stored.size);
    // Each proposal's table says who proposed it, in the words they typed.
    const captions = await page.locator('main caption').allTextContents();
    expect(captions).toEqual(expect.arrayContaining([...stored.values()].map((name) => `What ${name} proposed`)));
    const strangers = await page.evaluate(() =>
      [...document.querySelectorAll('main *')]
        .filter((node) => ['SCRIPT', 'IFRAME', 'OBJECT', 'EMBED', 'IMG', 'math', 'BASE', 'STYLE', 'TEMPLATE', 'VIDEO', 'DETAILS'].includes(node.tagName) || [...node.attributes].some((attribute) => /^on/i.test(attribute.name) || attribute.name === 'srcdoc'))
        .map((node) => node.outerHTML.slice(0, 80)),
    );
    expect(await ran()).toEqual({ xssCalls: [], pageErrors: [] });
    expect(strangers).toEqual([]);
  }, 300_000);
});
