import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OFFER_QUERY } from '../../plugin/shared/offer-query';
import { startCms, type TestCms } from '../support/cms';
import { graphql, graphqlGet, rest } from '../support/http';

let cms: TestCms;
beforeAll(async () => {
  cms = await startCms();
});
afterAll(async () => cms?.stop());

describe('the kinshipOffer query (the widget\'s one request)', () => {
  it('returns the whole published offer in one round trip, as an anonymous reader', async () => {
    const { status, data, errors } = await graphql(cms.url, OFFER_QUERY, { slug: 'example-borough' });
    expect(errors).toBeUndefined();
    expect(status).toBe(200);
    const offer = data.kinshipOffer;
    expect(offer).toMatchObject({ name: 'Example Borough Council', slug: 'example-borough', locale: 'en', contactPhone: '020 7946 0000' });
    expect(offer.services.length).toBeGreaterThanOrEqual(25);
    expect(offer.independentAdvice.map((o: any) => o.name)).toContain('Kinship Carers Network');
    const navigators = offer.services.find((s: any) => s.title === 'Kinship navigators');
    expect(navigators).toMatchObject({
      provider: { name: 'Example Borough Council Kinship Support Team' },
      contacts: [expect.objectContaining({ phone: '020 7946 0001' })],
      locations: [expect.objectContaining({ postcode: 'EB1 1AA', addressLine1: '1 Fictional Square' })],
      openingTimes: [{ days: ['MO', 'TU', 'WE', 'TH', 'FR'], opensAt: '09:00', closesAt: '17:00' }],
      uuid: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    expect(offer.services.map((s: any) => s.title)).toEqual([...offer.services.map((s: any) => s.title)].sort((a, b) => a.localeCompare(b)));
  });

  it('still matches the response the widget tests were recorded from (test/widget/fixtures)', async () => {
    const { data } = await graphql(cms.url, OFFER_QUERY, { slug: 'example-borough' });
    const fixture = JSON.parse(readFileSync(path.resolve(__dirname, '../widget/fixtures/example-borough.json'), 'utf8'));
    // Identifiers and timestamps differ on every new database, and the demo's dates follow the day
    // it is seeded (examples/cms/src/demo: reviewed weeks ago, due months ahead); nothing else may.
    const isDate = (inner: unknown) => typeof inner === 'string' && /^\d{4}-\d{2}-\d{2}(T|$)/.test(inner);
    const stable = (value: unknown) =>
      JSON.parse(JSON.stringify(value, (key, inner) => (['documentId', 'uuid', 'updatedAt'].includes(key) || isDate(inner) ? '…' : inner)));
    expect(stable(data), 'Re-record with: npx tsx test/widget/fixtures/record.ts').toEqual(stable(fixture.data));
  });

  it('carries both vocabularies with labels, in display order', async () => {
    const { data } = await graphql(cms.url, OFFER_QUERY, { slug: 'example-borough' });
    const { arrangementTypes, supportTypes } = data.kinshipOffer.vocabulary;
    expect(arrangementTypes.map((t: any) => t.code)).toEqual([
      'informal_family_arrangement',
      'private_fostering',
      'child_arrangements_order',
      'special_guardianship_order',
      'kinship_foster_care',
      'adoption',
    ]);
    // An arrangement's description is the finder's hint; a support type's is not shown, so not asked for.
    expect(arrangementTypes[0]).toEqual({ code: 'informal_family_arrangement', label: expect.any(String), description: expect.any(String) });
    expect(supportTypes).toHaveLength(9);
    expect(supportTypes[0]).toEqual({ code: 'support_groups_and_training', label: 'Support groups and training' });
  });

  it('gives null for an offer that does not exist', async () => {
    const { status, data, errors } = await graphql(cms.url, OFFER_QUERY, { slug: 'no-such-council' });
    expect(status).toBe(200);
    expect(errors).toBeUndefined();
    expect(data.kinshipOffer).toBeNull();
  });

  it('refuses a request without a slug with a clear message', async () => {
    const { status, errors } = await graphql(cms.url, OFFER_QUERY, {});
    expect(status).toBe(400);
    expect(errors?.[0].message).toMatch(/\$slug.*String!.*not provided/);
  });

  it('answers over GET too, for HTTP caches', async () => {
    const { status, data } = await graphqlGet(cms.url, OFFER_QUERY, { slug: 'example-borough' });
    expect(status).toBe(200);
    expect(data.kinshipOffer.name).toBe('Example Borough Council');
  });

  it('publishes only the postcode district of a location whose address is hidden', async () => {
    const { data } = await graphql(cms.url, OFFER_QUERY, { slug: 'example-borough' });
    const familyTime = data.kinshipOffer.services.find((s: any) => s.title === 'Supported family time');
    expect(familyTime.locations).toEqual([
      { name: 'Family Time Centre', addressLine1: null, addressLine2: null, townOrCity: 'Example Borough', postcode: 'EB4', accessibility: expect.any(String) },
    ]);
    const { body } = await rest(cms.url, '/locations?filters[name][$eq]=Family Time Centre');
    expect(body.data[0]).toMatchObject({ addressLine1: null, postcode: 'EB4' });
    const viaOffer = await rest(cms.url, '/offers?filters[slug][$eq]=example-borough&populate[services][populate]=locations');
    expect(JSON.stringify(viaOffer.body)).not.toContain('8 Imaginary Road');
  });
});

describe('keeping the offer current', () => {
  const titles = async () =>
    (await graphql(cms.url, OFFER_QUERY, { slug: 'example-borough' })).data.kinshipOffer.services.map((s: any) => s.title);

  it('shows an edit once it is published, and not before', async () => {
    const services = cms.strapi.documents('plugin::kinship-offer.service');
    const navigators = await services.findFirst({ filters: { title: 'Kinship navigators' }, status: 'published' });
    expect(await titles()).toContain('Kinship navigators');

    await services.update({ documentId: navigators!.documentId, data: { title: 'Kinship navigators (renamed)' } as any });
    expect(await titles()).toContain('Kinship navigators');

    await services.publish({ documentId: navigators!.documentId });
    expect(await titles()).toContain('Kinship navigators (renamed)');

    await services.unpublish({ documentId: navigators!.documentId });
    expect((await titles()).filter((t: string) => t.startsWith('Kinship navigators'))).toEqual([]);
  });
});

describe('"You said, we did" on the offer', () => {
  const changes = async () =>
    (await graphql(cms.url, '{ kinshipOffer(slug: "example-borough") { youSaidWeDid { youSaid weDid date } } }')).data.kinshipOffer.youSaidWeDid;

  it('shows published entries, newest first, and a new one only once it is published', async () => {
    const before = await changes();
    // The demo dates its entries before the day it is seeded: two, newest first.
    const dates = before.map((c: any) => c.date);
    expect(dates).toHaveLength(2);
    expect(dates).toEqual([...dates].sort().reverse());
    const today = new Date().toISOString().slice(0, 10);

    const offer = await cms.strapi.documents('plugin::kinship-offer.offer').findFirst({ filters: { slug: 'example-borough' } });
    const entries = cms.strapi.documents('plugin::kinship-offer.you-said-we-did');
    const entry = await entries.create({ data: { youSaid: 'Letters were hard to read.', weDid: 'We rewrote them in plain English.', date: today, offers: [offer!.documentId] } as any });
    expect(await changes()).toHaveLength(2);

    await entries.publish({ documentId: entry.documentId });
    const after = await changes();
    expect(after[0]).toEqual({ youSaid: 'Letters were hard to read.', weDid: 'We rewrote them in plain English.', date: today });

    const drafts = await rest(cms.url, '/you-said-we-did-entries?status=draft');
    expect(drafts.status).toBe(403);
  });
});

describe('the public REST API', () => {
  it('lists published offers and reads one by documentId', async () => {
    const list = await rest(cms.url, '/offers?fields[0]=name&fields[1]=slug&sort=slug');
    expect(list.status).toBe(200);
    expect(list.body.data.map((o: any) => o.slug)).toEqual(['example-borough', 'example-shared-service']);
    const one = await rest(cms.url, `/offers/${list.body.data[0].documentId}`);
    expect(one.body.data.name).toBe('Example Borough Council');
  });

  it('never exposes readers\' feedback', async () => {
    expect((await rest(cms.url, '/feedbacks')).status).toBe(404);
    const { status, errors } = await graphql(cms.url, '{ kinshipOfferFeedbacks { message } }');
    expect(status).toBe(400);
    expect(errors?.[0].message).toMatch(/Cannot query field "kinshipOfferFeedbacks"/);
  });

  it('offers no way to write through the public API', async () => {
    const { errors } = await graphql(cms.url, 'mutation { createKinshipOfferService(data: { title: "x" }) { title } }');
    expect(errors?.[0].message).toMatch(/Cannot query field "createKinshipOfferService"/);
    const response = await fetch(`${cms.url}/api/kinship-offer/services`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ data: { title: 'x' } }),
    });
    expect(response.status).toBe(405);
  });
});

describe('languages, as pages name them (BCP 47)', () => {
  const served = async (slug: string, locale?: string) =>
    (await graphql(cms.url, `query ($slug: String!, $locale: String) { kinshipOffer(slug: $slug, locale: $locale) { name locale } }`, { slug, locale })).data
      .kinshipOffer;

  beforeAll(async () => {
    await cms.strapi.plugin('i18n').service('locales').create({ code: 'cy', name: 'Welsh (cy)' });
    const offers = cms.strapi.documents('plugin::kinship-offer.offer');
    const example = await offers.findFirst({ filters: { slug: 'example-borough' } });
    await offers.update({ documentId: example!.documentId, locale: 'cy', data: { name: 'Cyngor Bwrdeistref Enghreifftiol', slug: 'example-borough' } as any });
    await offers.publish({ documentId: example!.documentId, locale: 'cy' });
    // An offer written in Welsh only.
    const welshOnly = await offers.create({
      locale: 'cy',
      data: { name: 'Cynnig Cymraeg yn unig', slug: 'welsh-only', councils: [{ name: 'Cyngor Enghreifftiol', gssCode: 'W06000099' }] } as any,
    });
    await offers.publish({ documentId: welshOnly.documentId, locale: 'cy' });
  });

  it.each([
    ['en-GB', 'en'],
    ['en-gb', 'en'],
    ['EN', 'en'],
    ['en_GB', 'en'],
    ['cy-GB', 'cy'],
    ['CY', 'cy'],
    ['fr', 'en'],
    ['not a language!', 'en'],
    [undefined, 'en'],
  ])('answers %j in %j, and says so', async (asked, locale) => {
    const offer = await served('example-borough', asked);
    expect(offer.locale).toBe(locale);
    expect(offer.name).toBe(locale === 'cy' ? 'Cyngor Bwrdeistref Enghreifftiol' : 'Example Borough Council');
  });

  it('serves an offer in the one language it has rather than nothing', async () => {
    expect(await served('welsh-only', 'en-GB')).toEqual({ name: 'Cynnig Cymraeg yn unig', locale: 'cy' });
    expect(await served('welsh-only')).toEqual({ name: 'Cynnig Cymraeg yn unig', locale: 'cy' });
  });

  it.each([
    ['en-GB', 'Example Borough Council'],
    ['EN', 'Example Borough Council'],
    ['cy-GB', 'Cyngor Bwrdeistref Enghreifftiol'],
  ])('reads %j as a language in the REST and GraphQL collections too', async (asked, name) => {
    const { status, body } = await rest(cms.url, `/offers?locale=${asked}&filters[slug][$eq]=example-borough`);
    expect(status).toBe(200);
    expect(body.data.map((offer: any) => offer.name)).toEqual([name]);
    const { data } = await graphql(cms.url, `query ($l: I18NLocaleCode) { kinshipOfferOffers(locale: $l, filters: { slug: { eq: "example-borough" } }) { name } }`, { l: asked });
    expect(data.kinshipOfferOffers).toEqual([{ name }]);
  });

  it('refuses a language the CMS does not have, saying which it has, rather than answering nothing', async () => {
    const { status, body } = await rest(cms.url, '/offers?locale=fr');
    expect(status).toBe(400);
    expect(body.error.message).toBe('Unknown locale "fr": this CMS publishes in cy, en');
  });

  it('still answers null for an offer that does not exist, in any language', async () => {
    expect(await served('no-such-offer', 'en-GB')).toBeNull();
  });
});
