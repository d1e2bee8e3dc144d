/**
 * What is shared across languages and what falls back: a translated offer shows every service its
 * default-language version lists (each in the translation where one is published, else in the
 * default language), with the same ids, codes, contacts and dates in every language; a translation
 * saved only as a draft never shows. The Welsh here is fictional demo text.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OFFER_QUERY } from '../../plugin/shared/offer-query';
import { startCms, type TestCms } from '../support/cms';
import { graphql } from '../support/http';

const OFFER = 'plugin::kinship-offer.offer';
const SERVICE = 'plugin::kinship-offer.service';

let cms: TestCms;
const documents = (uid: string) => cms.strapi.documents(uid as any);
/** The widget's query, the shared fields it does not show, and which document and language each service is. */
const QUERY = OFFER_QUERY.replace(/services \{/, 'documentId councils nextReviewDue services { documentId locale');
const view = async (locale?: string) => {
  const { data, errors } = await graphql(cms.url, QUERY, { slug: 'example-borough', locale });
  expect(errors).toBeUndefined();
  return data.kinshipOffer;
};
const byTitle = (offer: any, title: string) => offer.services.find((service: any) => service.title === title);

/** The English services the Welsh version changes, by English title. */
const NAVIGATORS = 'Kinship navigators';
let english: any;
let titles: { translated: string; draftOnly: string; draftChanged: string };

beforeAll(async () => {
  cms = await startCms();
  await cms.strapi.plugin('i18n').service('locales').create({ code: 'cy', name: 'Welsh (cy)' });
  english = await view('en');
  const [, draftOnly, draftChanged] = english.services.filter((service: any) => service.title !== NAVIGATORS);
  titles = { translated: NAVIGATORS, draftOnly: draftOnly.title, draftChanged: draftChanged.title };
  const offer = await documents(OFFER).findFirst({ filters: { slug: 'example-borough' } });
  // As the admin saves a new translation: a slug of its own, made from the Welsh name.
  await documents(OFFER).update({ documentId: offer!.documentId, locale: 'cy', data: { name: 'Cyngor Bwrdeistref Enghreifftiol', slug: 'cyngor-bwrdeistref-enghreifftiol' } as any });
  await documents(OFFER).publish({ documentId: offer!.documentId, locale: 'cy' });

  const translate = async (service: any, data: Record<string, unknown>, publish: boolean) => {
    await documents(SERVICE).update({ documentId: service.documentId, locale: 'cy', data: data as any });
    if (publish) await documents(SERVICE).publish({ documentId: service.documentId, locale: 'cy' });
  };
  await translate(byTitle(english, NAVIGATORS), { title: 'Llywwyr perthnasau', summary: 'Person a enwir i’ch helpu.' }, true);
  await translate(draftOnly, { title: 'Drafft yn unig', summary: 'Heb ei gyhoeddi.' }, false);
  await translate(draftChanged, { title: 'Cyhoeddedig', summary: 'Wedi ei gyhoeddi.' }, true);
  await translate(draftChanged, { title: 'Newid heb ei gyhoeddi', summary: 'Drafft.' }, false);
});
afterAll(async () => cms?.stop());

describe('a partly translated offer', () => {
  it('lists every service of the default language, each in Welsh where a Welsh version is published', async () => {
    const welsh = await view('cy');
    expect(welsh.locale).toBe('cy');
    expect(welsh.name).toBe('Cyngor Bwrdeistref Enghreifftiol');
    // For the element's language switcher: each language named in itself.
    expect(welsh.languages).toEqual([{ code: 'cy', name: 'Cymraeg' }, { code: 'en', name: 'English' }]);
    expect(welsh.services.map((service: any) => service.uuid).sort()).toEqual(english.services.map((service: any) => service.uuid).sort());
    expect(byTitle(welsh, 'Llywwyr perthnasau')).toMatchObject({ locale: 'cy', uuid: byTitle(english, NAVIGATORS).uuid });
    expect(byTitle(welsh, 'Cyhoeddedig')).toMatchObject({ locale: 'cy' });
    // Not translated yet: in English, and saying so.
    expect(byTitle(welsh, titles.draftOnly)).toMatchObject({ locale: 'en' });
  });

  it('never shows a translation saved only as a draft', async () => {
    const shown = JSON.stringify(await view('cy'));
    expect(shown).not.toContain('Drafft yn unig');
    expect(shown).not.toContain('Newid heb ei gyhoeddi');
  });

  it('shows what is shared across languages (codes, contacts, places, dates, provider) in Welsh as in English', async () => {
    const welsh = byTitle(await view('cy'), 'Llywwyr perthnasau');
    const source = byTitle(english, NAVIGATORS);
    for (const field of ['uuid', 'cost', 'costAmount', 'deliveryMethods', 'languages', 'minimumAge', 'maximumAge', 'referralUrl', 'lastReviewedAt'] as const) {
      expect([field, welsh[field]]).toEqual([field, source[field]]);
    }
    expect(welsh.provider?.name).toBe(source.provider?.name);
    expect(welsh.contacts).toEqual(source.contacts);
    expect(welsh.locations).toEqual(source.locations);
    expect(welsh.supportTypes.map((term: any) => term.code)).toEqual(source.supportTypes.map((term: any) => term.code));
    expect(welsh.arrangementTypes.map((term: any) => term.code)).toEqual(source.arrangementTypes.map((term: any) => term.code));
    // Words not yet translated in a Welsh version fall back to the English ones, not to nothing.
    expect(welsh.openingTimes).toEqual(source.openingTimes);
    expect(welsh.description).toEqual(source.description);
  });

  it('shows the offer\'s shared fields and its links in Welsh as in English', async () => {
    const welsh = await view('cy');
    for (const field of ['slug', 'councils', 'contactPhone', 'contactEmail', 'contactUrl', 'nextReviewDue', 'lastReviewedAt'] as const) {
      expect([field, welsh[field]]).toEqual([field, english[field]]);
    }
    expect(welsh.independentAdvice).toEqual(english.independentAdvice);
    expect(welsh.youSaidWeDid.length).toBe(english.youSaidWeDid.length);
    expect(welsh.generalApproach).toEqual(english.generalApproach);
  });

  it('leaves the English version as it was when a translation is saved with only its words', async () => {
    const source = byTitle(await view('en'), NAVIGATORS);
    expect(source).toEqual(byTitle(english, NAVIGATORS));
    const drafts = await documents(SERVICE).findMany({ status: 'draft', locale: 'en', filters: { uuid: source.uuid } });
    expect(drafts).toEqual([expect.objectContaining({ costAmount: source.costAmount, languages: source.languages, referralUrl: source.referralUrl })]);
  });

  it('gives every language of a document the same uuid and slug, in the database too', async () => {
    for (const uid of [SERVICE, OFFER]) {
      const rows = await cms.strapi.db.query(uid as any).findMany({ select: ['documentId', 'locale', 'uuid', 'slug'].filter((f) => f in cms.strapi.getModel(uid as any).attributes || f === 'documentId' || f === 'locale') });
      const byDocument = new Map<string, Set<string>>();
      for (const row of rows as any[]) {
        const identity = JSON.stringify([row.uuid ?? null, row.slug ?? null]);
        byDocument.set(row.documentId, (byDocument.get(row.documentId) ?? new Set()).add(identity));
      }
      for (const [documentId, identities] of byDocument) expect([documentId, [...identities]]).toEqual([documentId, [[...identities][0]]]);
    }
    const welshRows = await cms.strapi.db.query(SERVICE as any).findMany({ where: { locale: 'cy' } });
    expect(welshRows.length).toBeGreaterThan(0);
    for (const row of welshRows as any[]) expect(row.uuid).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('takes feedback about a Welsh service by the uuid the Welsh view shows', async () => {
    const welsh = byTitle(await view('cy'), 'Llywwyr perthnasau');
    const response = await fetch(`${cms.url}/api/kinship-offer/feedback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ data: { offer: 'example-borough', service: welsh.uuid, helpful: true, startedAt: Date.now() - 60_000 } }),
    });
    expect(response.status).toBe(202);
  });

  it('shows a translation as soon as it is published, and its later changes', async () => {
    const draftOnly = byTitle(english, titles.draftOnly);
    await documents(SERVICE).publish({ documentId: draftOnly.documentId, locale: 'cy' });
    expect(byTitle(await view('cy'), 'Drafft yn unig')).toMatchObject({ locale: 'cy', uuid: draftOnly.uuid });
    await documents(SERVICE).update({ documentId: draftOnly.documentId, locale: 'cy', data: { title: 'Wedi ei newid' } as any });
    await documents(SERVICE).publish({ documentId: draftOnly.documentId, locale: 'cy' });
    expect(byTitle(await view('cy'), 'Wedi ei newid')).toMatchObject({ locale: 'cy' });
    await documents(SERVICE).unpublish({ documentId: draftOnly.documentId, locale: 'cy' });
    expect(byTitle(await view('cy'), titles.draftOnly)).toMatchObject({ locale: 'en' });
  });
});

describe('the translation report (what editors have not translated yet)', () => {
  const report = async () => (await cms.strapi.plugin('kinship-offer').service('translations').forOffer(english.documentId))!;
  const welsh = async () => (await report()).languages.find((language: any) => language.locale === 'cy');
  const titlesOf = (gaps: any[]) => gaps.filter((gap) => gap.kind === 'service').map((gap) => gap.title).sort();
  const untranslated = () => english.services.map((service: any) => service.title).filter((title: string) => ![NAVIGATORS, titles.draftChanged].includes(title)).sort();

  it('lists the services with no published Welsh version (a draft said so), and the offer\'s words not yet in Welsh, each linked to where it is fixed', async () => {
    const cy = await welsh();
    expect(titlesOf(cy.missing)).toEqual(untranslated());
    expect(cy.missing.find((gap: any) => gap.title === titles.draftOnly)).toMatchObject({ draft: true });
    const offerGap = cy.missing.find((gap: any) => gap.kind === 'offer');
    expect(offerGap.fields).toContain('generalApproach');
    expect(offerGap.fields).not.toContain('name');
    expect(offerGap.href).toBe(`/admin/content-manager/collection-types/plugin::kinship-offer.offer/${english.documentId}?plugins[i18n][locale]=cy`);
    expect(cy.stale).toEqual([]);
    expect(cy.total).toBe(english.services.length + offerGap.fields.length + 1);
    expect(cy.translated).toBe(2 + 1);
  });

  it('follows a change in English (stale), a new Welsh save (no longer stale) and a deleted translation (missing)', async () => {
    const navigators = byTitle(english, NAVIGATORS);
    await new Promise((resolve) => setTimeout(resolve, 1100)); // timestamps a second apart on every database
    await documents(SERVICE).update({ documentId: navigators.documentId, locale: 'en', data: { summary: 'One named person who helps you, whatever your arrangement.' } as any });
    expect((await welsh()).stale).toEqual([expect.objectContaining({ kind: 'service', title: NAVIGATORS, href: `/admin/content-manager/collection-types/plugin::kinship-offer.service/${navigators.documentId}?plugins[i18n][locale]=cy` })]);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await documents(SERVICE).update({ documentId: navigators.documentId, locale: 'cy', data: { summary: 'Person a enwir i’ch helpu, beth bynnag yw eich trefniant.' } as any });
    expect((await welsh()).stale).toEqual([]);
    await documents(SERVICE).delete({ documentId: navigators.documentId, locale: 'cy' });
    expect(titlesOf((await welsh()).missing)).toEqual([...untranslated(), NAVIGATORS].sort());
  });
});

describe('rows saved before languages shared their identity', () => {
  it('are mended when the CMS starts: a Welsh row without a uuid, or with a slug of its own, takes its document\'s', async () => {
    const service = byTitle(english, NAVIGATORS);
    await cms.strapi.db.query(SERVICE as any).updateMany({ where: { documentId: service.documentId, locale: 'cy' }, data: { uuid: null } });
    await cms.strapi.db.query(OFFER as any).updateMany({ where: { slug: 'example-borough', locale: 'cy' }, data: { slug: 'hen-slug' } });
    await cms.restart();
    const rows = await cms.strapi.db.query(SERVICE as any).findMany({ where: { documentId: service.documentId } });
    expect(new Set(rows.map((row: any) => row.uuid))).toEqual(new Set([service.uuid]));
    expect((await view('cy')).name).toBe('Cyngor Bwrdeistref Enghreifftiol');
  });
});
