/**
 * The structured fields in the real Strapi admin, in Chromium, as a kinship officer fills them in,
 * defined once for the two apps that run it: the demo (test/e2e/editor-forms.test.ts) and a fresh
 * app with the packed plugin (test/package/install.test.ts). Councils chosen from the list of
 * English local authorities, opening times with days and times, delivery methods as checkboxes,
 * languages found by name, support and arrangement types picked by their labels; no JSON typed
 * anywhere. What was entered is exactly what the element's GraphQL read and the Open Referral UK
 * feed publish. Screenshots go to test/artifacts/<prefix>-*.png.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { OFFER_QUERY } from '../../plugin/shared/offer-query';
import { axeViolations, launchChromium } from './browser';
import { graphql, rest } from './http';

const ARTIFACTS = path.resolve(__dirname, '../artifacts');
export const SERVICE = 'plugin::kinship-offer.service';
export const OFFER = 'plugin::kinship-offer.offer';
/** The Content Manager's edit view takes seconds to open on a busy two-core machine. */
export const SLOW = 120_000;

/** A field's label as the Content Manager writes it: a required field's ends with "*", a relation's with its count ("(1)"). */
export const labelled = (label: string) => new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\(\\d+\\))?\\*?$`);
/** A group (a fieldset, a repeated row) inside `within`, by its exact name. */
export const group = (within: Locator, name: string) => within.getByRole('group', { name, exact: true });

/**
 * The admin at `url` in Chromium, signed in with `token` (an admin JWT: the admin reads it from
 * storage, so /admin/login, which is rate-limited, is not asked again), in British English.
 * `problems` collects the errors the page raises.
 */
export async function openAdmin(url: string, token: string) {
  mkdirSync(ARTIFACTS, { recursive: true });
  const browser: Browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, baseURL: url, locale: 'en-GB' });
  await context.addInitScript((jwt) => localStorage.setItem('jwtToken', JSON.stringify(jwt)), token);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  return { browser, page, problems };
}

/** The Content Manager's forms in `page`, as an editor works them. */
export function contentManager(page: Page) {
  /** Closes a list of options left open after a choice (it hides the rest of the form from assistive technology). */
  const closeList = async () => {
    if (await page.getByRole('listbox').count()) await page.keyboard.press('Escape');
    await page.getByRole('listbox').waitFor({ state: 'detached', timeout: 10_000 });
  };
  return {
    closeList,
    /** One of the plugin's custom fields (its fieldset), by the attribute's name. */
    field: (name: string) => page.locator(`fieldset.kinship-offer-${name}`),
    /** Opens a document's edit view (or a new one) and waits until its form is there. */
    async edit(uid: string, documentId = 'create') {
      await page.goto(`/admin/content-manager/collection-types/${uid}/${documentId}`);
      await page.getByRole('button', { name: 'Save' }).waitFor({ timeout: SLOW });
    },
    /** Picks `option` in a relation field by typing part of its label, as an editor would. */
    async pickRelation(label: string, search: string, option: string) {
      const box = page.getByRole('combobox', { name: labelled(label) });
      await box.click();
      await box.fill(search);
      // An option of a content type with drafts carries its status after the name.
      await page.getByRole('option', { name: new RegExp(`^${option}`) }).first().click();
      await closeList();
    },
    /** Saves the form and waits for Strapi's confirmation. */
    async save() {
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByText('Saved document').first().waitFor({ timeout: 30_000 });
    },
    async publish() {
      await page.getByRole('button', { name: 'Publish' }).click();
      await page.getByText('Published document').first().waitFor({ timeout: 30_000 });
    },
  };
}

/**
 * The scenario: an editor creates a service (an overnight opening time, two delivery methods, two
 * languages, a support type and two arrangement types picked by label) and an offer (two councils
 * from the list) in the admin at `url`, saves and publishes both; the element's GraphQL read and
 * the feed then show exactly that. Screenshots: test/artifacts/`prefix`-service.png and -offer.png.
 */
export async function editorCreatesAnOffer(page: Page, url: string, prefix: string) {
  const { field, edit, pickRelation, closeList, save, publish } = contentManager(page);
  const shot = (name: string) => page.screenshot({ path: path.join(ARTIFACTS, `${prefix}-${name}.png`), fullPage: true });

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
  await page.getByRole('textbox', { name: labelled('Address name (slug)') }).fill('forms-test');
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

  const { data, errors } = await graphql(url, OFFER_QUERY, { slug: 'forms-test' });
  expect(errors).toBeUndefined();
  // The widget's query leaves the councils out (it never shows them); a partner's query asks.
  const asked = await graphql(url, 'query ($slug: String!) { kinshipOffer(slug: $slug) { councils } }', { slug: 'forms-test' });
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

  const feed = await rest(url, `/oruk/forms-test/services/${service.uuid}`);
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
}

/** The support types' list view names each type by its label, not its code. */
export async function listsShowLabels(page: Page) {
  await page.goto(`/admin/content-manager/collection-types/plugin::kinship-offer.support-type`);
  const table = page.getByRole('grid').or(page.getByRole('table')).first();
  await table.waitFor({ timeout: SLOW });
  const text = await table.textContent();
  expect(text).toContain('Therapeutic support');
  expect(text).not.toContain('therapeutic_support');
}
