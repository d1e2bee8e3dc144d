/**
 * The structured fields in the real Strapi admin, in Chromium, as a kinship officer fills them in:
 * councils chosen from the list of English local authorities, opening times with days and times,
 * delivery methods as checkboxes, languages found by name, support and arrangement types picked by
 * their labels. No JSON is typed anywhere. What was entered is exactly what the element's GraphQL
 * read and the Open Referral UK feed publish; values saved before the forms existed open in them
 * and save back unchanged. Screenshots go to test/artifacts/forms-*.png.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OFFER_QUERY } from '../../plugin/shared/offer-query';
import { axeViolations, launchChromium } from '../support/browser';
import { DEMO_ADMIN, startCms, type TestCms } from '../support/cms';
import { graphql, rest } from '../support/http';

const ARTIFACTS = path.resolve(__dirname, '../artifacts');
const ADMIN_BUILD = path.resolve(__dirname, '../../examples/cms/dist/build/index.html');
const SERVICE = 'plugin::kinship-offer.service';
const OFFER = 'plugin::kinship-offer.offer';
// The Content Manager's edit view takes seconds to open on a busy two-core machine.
const SLOW = 120_000;

let cms: TestCms;
let browser: Browser;
let page: Page;
const problems: string[] = [];

beforeAll(async () => {
  if (!existsSync(ADMIN_BUILD)) throw new Error('The admin panel is not built: `npm test` builds it (examples/admin-build.ts)');
  cms = await startCms({ admin: true });
  mkdirSync(ARTIFACTS, { recursive: true });
  // One login for the whole file (/admin/login is rate-limited); the admin reads its token from storage.
  const login = await fetch(`${cms.url}/admin/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(DEMO_ADMIN) });
  const token = ((await login.json()) as any).data.token as string;
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, baseURL: cms.url, locale: 'en-GB' });
  await context.addInitScript((jwt) => localStorage.setItem('jwtToken', JSON.stringify(jwt)), token);
  page = await context.newPage();
  page.on('pageerror', (error) => problems.push(error.message));
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await cms?.stop();
});

const shot = (name: string) => page.screenshot({ path: path.join(ARTIFACTS, `forms-${name}.png`), fullPage: true });
const field = (name: string) => page.locator(`fieldset.kinship-offer-${name}`);
const group = (within: Locator, name: string) => within.getByRole('group', { name, exact: true });
/** A field's label as the Content Manager writes it: a required field's ends with "*", a relation's with its count ("(1)"). */
const labelled = (label: string) => new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\(\\d+\\))?\\*?$`);

/** Opens a document's edit view (or a new one) and waits until its form is there. */
async function edit(uid: string, documentId = 'create') {
  await page.goto(`/admin/content-manager/collection-types/${uid}/${documentId}`);
  await page.getByRole('button', { name: 'Save' }).waitFor({ timeout: SLOW });
}

/** Picks `option` in a relation field by typing part of its label, as an editor would. */
async function pickRelation(label: string, search: string, option: string) {
  const box = page.getByRole('combobox', { name: labelled(label) });
  await box.click();
  await box.fill(search);
  // An option of a content type with drafts carries its status after the name.
  await page.getByRole('option', { name: new RegExp(`^${option}`) }).first().click();
  await closeList();
}

/** Closes a list of options left open after a choice (it hides the rest of the form from assistive technology). */
async function closeList() {
  if (await page.getByRole('listbox').count()) await page.keyboard.press('Escape');
  await page.getByRole('listbox').waitFor({ state: 'detached', timeout: 10_000 });
}

/** Saves the form and waits for Strapi's confirmation. */
async function save() {
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByText('Saved document').first().waitFor({ timeout: 30_000 });
}

async function publish() {
  await page.getByRole('button', { name: 'Publish' }).click();
  await page.getByText('Published document').first().waitFor({ timeout: 30_000 });
}

describe('editing structured fields with forms', { timeout: SLOW * 3 }, () => {
  it('an editor creates a service and an offer without typing JSON; the element\'s read and the feed show exactly that', async () => {
    await edit(SERVICE);
    await page.getByRole('textbox', { name: labelled('Title') }).fill('Overnight kinship helpline');
    await page.getByRole('textbox', { name: labelled('Summary') }).fill('Someone to talk to through the night, in person at the hub or by phone.');
    await pickRelation('Support types', 'Thera', 'Therapeutic support');
    await pickRelation('Open to', 'Special', 'Special guardianship order');
    await pickRelation('Open to', 'foster', 'Kinship foster care');

    const delivery = field('deliveryMethods');
    await delivery.getByRole('checkbox', { name: 'In person' }).click();
    await delivery.getByRole('checkbox', { name: 'By phone' }).click();

    const languages = field('languages');
    for (const [search, name] of [['Pol', 'Polish'], ['Wel', 'Welsh']]) {
      const add = languages.getByRole('combobox', { name: 'Add a language' });
      await add.click();
      await add.fill(search);
      await page.getByRole('option', { name, exact: true }).click();
      await closeList();
    }
    expect(await languages.getByRole('listitem').allTextContents()).toEqual(['Polish', 'Welsh']);

    // A row with no day yet: the server's message shows beside the opening times, not only in a toast.
    const opening = field('openingTimes');
    await opening.getByRole('button', { name: 'Add opening times' }).click();
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => opening.getByRole('alert').textContent(), { timeout: 30_000 }).toBe('Opening time 1: name at least one day');

    const row = group(opening, 'Opening time 1');
    await group(row, 'Days').getByRole('checkbox', { name: 'Friday' }).click();
    await row.getByLabel('Opens at').fill('22:00');
    await row.getByLabel('Closes at').fill('07:00');
    await row.getByLabel('Note').fill('Term time only');
    expect(await row.textContent()).toContain('In words: Friday: 22:00 to 07:00 the next day.');
    expect(await axeViolations(page, 'fieldset.kinship-offer-openingTimes')).toEqual([]);
    expect(await axeViolations(page, 'fieldset.kinship-offer-languages')).toEqual([]);
    expect(await axeViolations(page, 'fieldset.kinship-offer-deliveryMethods')).toEqual([]);
    await save();
    await publish();
    await shot('service');

    await edit(OFFER);
    await page.getByRole('textbox', { name: labelled('Name') }).fill('Forms Test Kinship Offer');
    const slug = page.getByRole('textbox', { name: labelled('Address name (slug)') });
    await slug.fill('forms-test');
    const councils = field('councils');
    for (const [index, search, name] of [[1, 'Camden', 'Camden (E09000007)'], [2, 'Isling', 'Islington (E09000019)']] as const) {
      await councils.getByRole('button', { name: 'Add a council' }).click();
      const find = group(councils, `Council ${index}`).getByRole('combobox', { name: 'Find an English council' });
      await find.click();
      await find.fill(search);
      await page.getByRole('option', { name, exact: true }).click();
      await closeList();
    }
    expect(await group(councils, 'Council 2').getByRole('textbox', { name: 'GSS code' }).inputValue()).toBe('E09000019');
    expect(await axeViolations(page, 'fieldset.kinship-offer-councils')).toEqual([]);
    await pickRelation('Services', 'Overnight', 'Overnight kinship helpline');
    await save();
    await publish();
    await shot('offer');

    const { data, errors } = await graphql(cms.url, OFFER_QUERY, { slug: 'forms-test' });
    expect(errors).toBeUndefined();
    // The widget's query leaves the councils out (it never shows them); a partner's query asks.
    const asked = await graphql(cms.url, 'query ($slug: String!) { kinshipOffer(slug: $slug) { councils } }', { slug: 'forms-test' });
    expect(asked.data.kinshipOffer.councils).toEqual([
      { name: 'Camden', gssCode: 'E09000007' },
      { name: 'Islington', gssCode: 'E09000019' },
    ]);
    const [service] = data.kinshipOffer.services;
    expect(service).toMatchObject({
      title: 'Overnight kinship helpline',
      deliveryMethods: ['in_person', 'phone'],
      languages: ['pl', 'cy'],
      openingTimes: [{ days: ['FR'], opensAt: '22:00', closesAt: '07:00', note: 'Term time only' }],
    });
    expect(service.supportTypes.map((term: any) => term.code)).toEqual(['therapeutic_support']);
    expect(service.arrangementTypes.map((term: any) => term.code).sort()).toEqual(['kinship_foster_care', 'special_guardianship_order']);

    const feed = await rest(cms.url, `/oruk/forms-test/services/${service.uuid}`);
    expect(feed.status).toBe(200);
    expect(feed.body.service_areas.map((area: any) => [area.name, area.uri.split('/').at(-1)])).toEqual([
      ['Camden', 'E09000007'],
      ['Islington', 'E09000019'],
    ]);
    expect(feed.body.languages.map((language: any) => [language.code, language.name])).toEqual([
      ['pl', 'Polish'],
      ['cy', 'Welsh'],
    ]);
    expect(feed.body.schedules.map((s: any) => [s.byday, s.opens_at, s.closes_at, s.description])).toEqual([
      ['FR', '22:00:00', '23:59:59', 'Term time only'],
      ['SA', '00:00:00', '07:00:00', 'Term time only'],
    ]);
  });

  describe('values saved before the forms existed open in them and save back unchanged', () => {
    /** Stores `data` on a published demo document's draft, edits another field in the form, saves, and returns what is stored. */
    async function roundTrip(uid: string, title: Record<string, string>, data: Record<string, unknown>, check: () => Promise<void>, other: { label: string; value: string }) {
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

  it('lists show labels, not codes (pickers: the service above chose its types by label)', async () => {
    await page.goto(`/admin/content-manager/collection-types/plugin::kinship-offer.support-type`);
    const table = page.getByRole('grid').or(page.getByRole('table')).first();
    await table.waitFor({ timeout: SLOW });
    const text = await table.textContent();
    expect(text).toContain('Therapeutic support');
    expect(text).not.toContain('therapeutic_support');
  });

  it('raised no error in the page', () => {
    expect(problems).toEqual([]);
  });
});
