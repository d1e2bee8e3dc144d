/**
 * The structured fields in the real Strapi admin of the demo, in Chromium, as a kinship officer
 * fills them in (the scenario, test/support/admin-forms.ts, runs on a fresh app with the packed
 * plugin too: test/package/install.test.ts). Here besides: values saved before the forms existed
 * open in them and save back unchanged. Screenshots go to test/artifacts/forms-*.png.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentManager, editorCreatesAnOffer, group, labelled, listsShowLabels, OFFER, openAdmin, SERVICE, SLOW } from '../support/admin-forms';
import { startCms, type TestCms } from '../support/cms';
import { editorToken } from '../support/editor';

const ADMIN_BUILD = path.resolve(__dirname, '../../examples/cms/dist/build/index.html');

let cms: TestCms;
let browser: Browser;
let page: Page;
let problems: string[];

beforeAll(async () => {
  if (!existsSync(ADMIN_BUILD)) throw new Error('The admin panel is not built: `npm test` builds it (examples/admin-build.ts)');
  cms = await startCms({ admin: true });
  // One login for the whole file (/admin/login is rate-limited).
  ({ browser, page, problems } = await openAdmin(cms.url, await editorToken(cms)));
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await cms?.stop();
});

describe('editing structured fields with forms', { timeout: SLOW * 3 }, () => {
  it('an editor creates a service and an offer without typing JSON; the element\'s read and the feed show exactly that', () => editorCreatesAnOffer(page, cms.url, 'forms'));

  describe('values saved before the forms existed open in them and save back unchanged', () => {
    // The page opens in beforeAll, after these tests are collected.
    const field = (name: string) => contentManager(page).field(name);
    /** Stores `data` on a published demo document's draft, edits another field in the form, saves, and returns what is stored. */
    async function roundTrip(uid: string, title: Record<string, string>, data: Record<string, unknown>, check: () => Promise<void>, other: { label: string; value: string }) {
      const { edit, save } = contentManager(page);
      const documents = cms.strapi.documents(uid as any);
      const document: any = await documents.findFirst({ filters: title, status: 'draft' });
      await documents.update({ documentId: document.documentId, data: data as any, status: 'draft' } as any);
      await edit(uid, document.documentId);
      await check();
      await page.getByRole('textbox', { name: labelled(other.label) }).fill(other.value);
      await save();
      return (await documents.findOne({ documentId: document.documentId, status: 'draft' })) as any;
    }

    it('councils: fictional codes not on the list, and keys the form does not know', async () => {
      const councils = [
        { name: 'Northfield Council', gssCode: 'E06000991' },
        { name: 'Eastbrook Council', gssCode: 'E06000992', note: 'kept as it is' },
      ];
      const stored = await roundTrip(OFFER, { slug: 'example-shared-service' }, { councils }, async () => {
        await expect.poll(() => group(field('councils'), 'Council 2').getByRole('textbox', { name: 'Name' }).inputValue(), { timeout: 30_000 }).toBe('Eastbrook Council');
        expect(await group(field('councils'), 'Council 1').getByRole('textbox', { name: 'GSS code' }).inputValue()).toBe('E06000991');
      }, { label: 'Contact hours', value: 'Monday to Friday, 9am to 4pm' });
      expect(stored.contactHours).toBe('Monday to Friday, 9am to 4pm');
      expect(stored.councils).toEqual(councils);
    });

    it('opening times: seconds, the end of the day as 24:00, a span to Monday, and unknown keys', async () => {
      const openingTimes = [
        { days: ['MO', 'WE'], opensAt: '09:30:00.000', closesAt: '12:00', note: 'Term time only' },
        { days: ['SA'], opensAt: '18:00', closesAt: '24:00' },
        { days: ['FR'], opensAt: '17:00', closesOn: 'MO', closesAt: '09:00', source: 'imported' },
      ];
      const stored = await roundTrip(SERVICE, { title: 'Kinship navigators' }, { openingTimes }, async () => {
        const opening = field('openingTimes');
        await expect.poll(() => group(opening, 'Opening time 3').textContent(), { timeout: 30_000 }).toContain('In words: Friday: 17:00 to 09:00 on Monday.');
        expect(await group(opening, 'Opening time 1').textContent()).toContain('In words: Monday and Wednesday: 09:30 to 12:00.');
        expect(await group(opening, 'Opening time 2').textContent()).toContain('In words: Saturday: 18:00 to 00:00.');
      }, { label: 'Summary', value: 'One named person who helps you find your way, whatever your arrangement.' });
      expect(stored.openingTimes).toEqual(openingTimes);
    });

    it('delivery methods: in the order they were saved', async () => {
      const deliveryMethods = ['phone', 'online', 'in_person'];
      const stored = await roundTrip(SERVICE, { title: 'Kinship navigators' }, { deliveryMethods }, async () => {
        const delivery = field('deliveryMethods');
        await expect.poll(() => delivery.getByRole('checkbox', { name: 'By phone' }).getAttribute('aria-checked'), { timeout: 30_000 }).toBe('true');
        expect(await delivery.getByRole('checkbox', { name: 'In person' }).getAttribute('aria-checked')).toBe('true');
      }, { label: 'Summary', value: 'One named person who helps you, in person, online or by phone.' });
      expect(stored.deliveryMethods).toEqual(deliveryMethods);
    });

    it('languages: a code nothing names shown as it is, British Sign Language by its own name', async () => {
      const languages = ['en', 'qaa', 'bfi', 'ur'];
      const stored = await roundTrip(SERVICE, { title: 'Kinship navigators' }, { languages }, async () => {
        await expect.poll(() => field('languages').getByRole('listitem').allTextContents(), { timeout: 30_000 }).toEqual(['English', 'qaa', 'British Sign Language', 'Urdu']);
      }, { label: 'Summary', value: 'One named person who helps you, in your language.' });
      expect(stored.languages).toEqual(languages);
    });
  });

  it('lists show labels, not codes (pickers: the service above chose its types by label)', () => listsShowLabels(page));

  it('raised no error in the page', () => {
    expect(problems).toEqual([]);
  });
});
