/**
 * The Open Referral UK 3.0 feed of the demo, as the national validator and a strict importer read
 * it: root → openapi_url → /services pages (first, middle, last) → every service in full, and the
 * same for /service_at_locations, each response checked against the UK profile's schemas (test/support/oruk.ts, itself proven on the
 * validator's mocks in unit/oruk-schemas.test.ts). Then what a directory relies on: the feed holds
 * exactly what is published, drafts never show, an edit comes through `modified_after`, a hidden
 * address never leaks, and errors are JSON that say what was wrong.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCms, type TestCms } from '../support/cms';
import { httpGet } from '../support/http';
import { orukChecker, type OrukKind } from '../support/oruk';
import { DEMO_EQUIVALENT_TERMS } from '../../examples/cms/src/demo/equivalent-terms';

const SERVICE = 'plugin::kinship-offer.service';
const OFFER = 'plugin::kinship-offer.offer';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** Only the demo's hidden address (8 Imaginary Road, EB4 5EF) contains these. */
const HIDDEN = ['Imaginary', '5EF', 'EB4 5'];

const check = orukChecker();
let cms: TestCms;
let feed: string;
/** A service that exists only as a draft, attached to the offer's draft. */
let draftOnly: string;
/** A published service whose draft has been edited but not published. */
let editedDraftUuid: string;

beforeAll(async () => {
  cms = await startCms();
  feed = `${cms.url}/api/kinship-offer/oruk`;
  const documents = cms.strapi.documents;
  const civicCentre = await documents('plugin::kinship-offer.location').findFirst({ filters: { name: 'Example Borough Civic Centre' } });
  const draft = await documents(SERVICE).create({
    data: { title: 'Unpublished kinship support', summary: 'Not ready yet', cost: 'free', locations: [civicCentre!.documentId] } as any,
  });
  draftOnly = draft.uuid as string;
  const offer = await documents(OFFER).findFirst({ filters: { slug: 'example-borough' } });
  await documents(OFFER).update({ documentId: offer!.documentId, data: { services: { connect: [draft.documentId] } } as any });
  await documents(OFFER).publish({ documentId: offer!.documentId });
  const published = await documents(SERVICE).findFirst({ filters: { title: 'Letterbox contact service' }, status: 'published' });
  editedDraftUuid = published!.uuid as string;
  await documents(SERVICE).update({ documentId: published!.documentId, data: { title: 'Letterbox contact (draft wording)' } as any });
});
afterAll(async () => cms?.stop());

async function get(url: string, headers: Record<string, string> = {}) {
  const response = await fetch(url, { headers });
  const body = await response.json();
  return { status: response.status, headers: response.headers, body: body as any };
}

/** A 200 that passes the profile's schema for `kind`. */
async function valid(kind: OrukKind, url: string) {
  const { status, headers, body } = await get(url);
  expect(status, url).toBe(200);
  expect(headers.get('access-control-allow-origin')).toBe('*');
  expect(check(kind, body), url).toEqual({ valid: true, errors: [] });
  return body;
}

/** Every value in a response, with its path: no null and no "" anywhere. */
function* leaves(value: unknown, path = ''): Generator<[string, unknown]> {
  if (Array.isArray(value)) for (const [index, item] of value.entries()) yield* leaves(item, `${path}[${index}]`);
  else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) yield* leaves(item, `${path}.${key}`);
  else yield [path, value];
}

/** What the DfE's importer requires of a service before it loads it (it skips it otherwise). */
function expectStrictImporterReads(service: any) {
  expect(service.id).toMatch(UUID);
  expect(service.organization.id).toMatch(UUID);
  expect(service.organization_id).toBe(service.organization.id);
  for (const [path, value] of leaves(service)) {
    expect(value, path).not.toBeNull();
    expect(value, path).not.toBe('');
    if (/\.id$|_id$/.test(path)) expect(value, path).toMatch(UUID);
  }
  for (const age of [service.minimum_age, service.maximum_age]) {
    if (age !== undefined) expect(Number.isInteger(age) && age >= 0 && age <= 255).toBe(true);
  }
  for (const attribute of service.attributes ?? []) {
    expect(attribute.link_entity).toBe('service');
    expect(attribute.link_id).toBe(service.id);
    expect(attribute.taxonomy_term_id).toBe(attribute.taxonomy_term.id);
    expect(attribute.taxonomy_term.code).toEqual(expect.stringMatching(/^\S(.*\S)?$/));
  }
  for (const phone of [...(service.phones ?? []), ...(service.contacts ?? []).flatMap((contact: any) => contact.phones ?? [])]) {
    expect(phone.number).toMatch(/^[\d ]+$/);
  }
  for (const { location } of service.service_at_locations ?? []) {
    expect(location.location_type).toBe('physical');
    for (const address of location.addresses ?? []) {
      for (const field of ['address_1', 'city', 'state_province', 'postal_code', 'country', 'address_type']) expect(address[field], field).toBeTruthy();
    }
  }
}

/** Every published service of the published offers, by uuid, as the CMS has them. */
async function publishedServices(slug?: string) {
  const offers = await cms.strapi.db.query(OFFER).findMany({
    where: { publishedAt: { $notNull: true }, ...(slug ? { slug } : {}) },
    populate: { services: { where: { publishedAt: { $notNull: true } }, select: ['uuid', 'title'] } },
  });
  return new Map<string, string>(offers.flatMap((offer: any) => offer.services.map((service: any) => [service.uuid, service.title])));
}

describe('the validator\'s procedure', () => {
  it('root → openapi_url → /services first, middle and last pages → every service in full', async () => {
    const root = await valid('root', `${feed}/`);
    expect(root).toEqual({ version: 'HSDS-UK-3.0', profile: expect.stringMatching(/^https:\/\//), openapi_url: `${feed}/openapi.json` });
    const openapi = await get(root.openapi_url);
    expect(openapi.status).toBe(200);
    expect(openapi.body.openapi).toBe('3.0.0');
    expect(openapi.body.servers).toEqual([{ url: feed, description: expect.any(String) }]);
    expect(Object.keys(openapi.body.paths).sort()).toEqual([
      '/',
      '/service_at_locations',
      '/service_at_locations/{id}',
      '/services',
      '/services/{id}',
      '/taxonomies',
      '/taxonomies/{id}',
      '/taxonomy_terms',
      '/taxonomy_terms/{id}',
    ]);

    const first = await valid('service_page', `${feed}/services?page=1&per_page=4`);
    expect(first.total_pages).toBeGreaterThan(2);
    const middle = await valid('service_page', `${feed}/services?page=${Math.ceil(first.total_pages / 2)}&per_page=4`);
    const last = await valid('service_page', `${feed}/services?page=${first.total_pages}&per_page=4`);
    expect([first.first_page, first.last_page, middle.first_page, middle.last_page, last.first_page, last.last_page]).toEqual([true, false, false, false, false, true]);
    expect(last.size).toBe(first.total_items - 4 * (first.total_pages - 1));

    const all = await valid('service_page', `${feed}/services`);
    expect(all).toMatchObject({ total_items: first.total_items, total_pages: 1, page_number: 1, size: first.total_items, first_page: true, last_page: true, empty: false });
    for (const { id } of all.contents) expectStrictImporterReads(await valid('service', `${feed}/services/${id}`));
  });

  it('/service_at_locations: first, middle and last pages → each in full, every service at each of its locations', async () => {
    const services = (await get(`${feed}/services`)).body.contents;
    const nested: any[] = [];
    for (const { id } of services) nested.push(...((await get(`${feed}/services/${id}`)).body.service_at_locations ?? []));
    expect(nested.length).toBeGreaterThan(8);

    const first = await valid('service_at_location_page', `${feed}/service_at_locations?page=1&per_page=4`);
    expect(first.total_items).toBe(nested.length);
    const middle = await valid('service_at_location_page', `${feed}/service_at_locations?page=${Math.ceil(first.total_pages / 2)}&per_page=4`);
    const last = await valid('service_at_location_page', `${feed}/service_at_locations?page=${first.total_pages}&per_page=4`);
    expect([first.first_page, first.last_page, middle.first_page, middle.last_page, last.first_page, last.last_page]).toEqual([true, false, false, false, false, true]);

    const all = await valid('service_at_location_page', `${feed}/service_at_locations`);
    expect(all.contents.map((item: any) => item.id).sort()).toEqual(nested.map((item) => item.id).sort());
    for (const item of all.contents) {
      expect(item).toMatchObject({ service_id: item.service.id, location_id: item.location.id });
      expect(item.location).not.toHaveProperty('addresses');
      const full = await valid('service_at_location', `${feed}/service_at_locations/${item.id}`);
      expect(full.location).toEqual(nested.find((entry) => entry.id === item.id).location);
      expect(full.service.id).toBe(item.service.id);
      expect(full.service).not.toHaveProperty('service_at_locations');
      expectStrictImporterReads({ ...full.service, service_at_locations: [full] });
    }
  });

  it('taxonomies and taxonomy terms: the two statutory vocabularies, then the directories\' taxonomies of the equivalent terms, each term with its code and a stable UUID', async () => {
    const taxonomies = await valid('taxonomy_page', `${feed}/taxonomies`);
    expect(taxonomies.contents.map((taxonomy: any) => [taxonomy.name, taxonomy.taxonomy_terms.length])).toEqual([
      ['Kinship support types', 9],
      ['Kinship arrangement types', 6],
      // Support groups come first in the support types' order, and name both directories' terms.
      ['Example directory categories', 4],
      ['Example family hub needs', 3],
    ]);
    for (const taxonomy of taxonomies.contents) expect(await valid('taxonomy', `${feed}/taxonomies/${taxonomy.id}`)).toEqual(taxonomy);
    const [supportTaxonomy, arrangementTaxonomy, categories, needs] = taxonomies.contents;
    expect(categories.uri).toBe('https://directory.example.org/categories');
    expect(needs.uri).toBe(`${feed}/taxonomies/${needs.id}`);
    const terms = await valid('taxonomy_term_page', `${feed}/taxonomy_terms`);
    expect(terms.total_items).toBe(22);
    for (const term of terms.contents) expect(await valid('taxonomy_term', `${feed}/taxonomy_terms/${term.id}`)).toEqual(term);
    for (const taxonomy of [supportTaxonomy, arrangementTaxonomy]) for (const term of taxonomy.taxonomy_terms) expect(term.code).toMatch(/^[a-z_]+$/);

    const byTaxonomy = async (taxonomy: any) => (await valid('taxonomy_term_page', `${feed}/taxonomy_terms?taxonomy_id=${taxonomy.id}`)).contents;
    expect((await byTaxonomy(supportTaxonomy)).map((term: any) => term.code)).toContain('financial_support');
    expect((await byTaxonomy(supportTaxonomy)).length).toBe(9);
    expect((await byTaxonomy(categories)).map((term: any) => [term.code, term.name, term.taxonomy]).sort()).toEqual([
      ['EDC-140', 'Parenting and carers\' groups', 'Example directory categories'],
      ['EDC-150', 'Family relationships', 'Example directory categories'],
      ['EDC-210', 'Money, benefits and grants', 'Example directory categories'],
      ['EDC-320', 'Legal advice', 'Example directory categories'],
    ]);
    expect((await byTaxonomy(needs)).map((term: any) => term.code).sort()).toEqual(['need-money', 'need-peers', 'need-wellbeing']);
  });

  it('each service has, beside its support types, their equivalent terms as further attributes, each term once', async () => {
    const services = (await get(`${feed}/services`)).body.contents;
    for (const { id } of services) {
      const full = (await get(`${feed}/services/${id}`)).body;
      const supportCodes = full.attributes.filter((attribute: any) => attribute.taxonomy_term.taxonomy === 'Kinship support types').map((attribute: any) => attribute.taxonomy_term.code);
      const expected = new Set(supportCodes.flatMap((code: string) => (DEMO_EQUIVALENT_TERMS[code] ?? []).map((term) => `${term.taxonomy}|${term.code}`)));
      const others = full.attributes
        .filter((attribute: any) => attribute.taxonomy_term.taxonomy.startsWith('Example'))
        .map((attribute: any) => `${attribute.taxonomy_term.taxonomy}|${attribute.taxonomy_term.code}`);
      expect(others.sort(), full.name).toEqual([...expected].sort());
      for (const attribute of full.attributes) expect(attribute).toMatchObject({ link_id: id, link_type: expect.any(String), link_entity: 'service' });
    }
    expect(services.length).toBeGreaterThan(0);
    // A directory asks for its own term and gets the services of the support types it matches.
    const money = (await get(`${feed}/taxonomy_terms`)).body.contents.find((term: any) => term.code === 'EDC-210');
    const byMoney = await valid('service_page', `${feed}/services?taxonomy_term_id=${money.id}`);
    const financial = (await get(`${feed}/taxonomy_terms`)).body.contents.find((term: any) => term.code === 'financial_support');
    const byFinancial = (await get(`${feed}/services?taxonomy_term_id=${financial.id}`)).body;
    expect(byMoney.total_items).toBeGreaterThan(0);
    expect(byMoney.contents.map((service: any) => service.id)).toEqual(byFinancial.contents.map((service: any) => service.id));
    const categories = (await get(`${feed}/taxonomies`)).body.contents.find((taxonomy: any) => taxonomy.name === 'Example directory categories');
    expect((await get(`${feed}/services?taxonomy_id=${categories.id}`)).body.total_items).toBeGreaterThanOrEqual(byMoney.total_items);
  });
});

describe('what is published, and nothing else', () => {
  it('lists every published service of every published offer once, with its published title', async () => {
    const expected = await publishedServices();
    const { body } = await get(`${feed}/services`);
    expect(new Map(body.contents.map((service: any) => [service.id, service.name]))).toEqual(expected);
  });

  it.each(['example-borough', 'example-shared-service'])('gives the offer %s a feed of its own', async (slug) => {
    expect(await valid('root', `${feed}/${slug}`)).toMatchObject({ openapi_url: `${feed}/${slug}/openapi.json` });
    const page = await valid('service_page', `${feed}/${slug}/services`);
    expect(new Set(page.contents.map((service: any) => service.id))).toEqual(new Set((await publishedServices(slug)).keys()));
    const [one] = page.contents;
    const full = await valid('service', `${feed}/${slug}/services/${one.id}`);
    expect(full.service_areas.map((area: any) => area.uri)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^http:\/\/statistics\.data\.gov\.uk\/id\/statistical-geography\/E\d{8}$/)]),
    );
  });

  it('never shows a draft: not a draft-only service, not a published service\'s unpublished edit', async () => {
    const { body } = await get(`${feed}/services`);
    const text = JSON.stringify(body);
    expect(text).not.toContain(draftOnly);
    expect(text).not.toContain('Unpublished kinship support');
    expect(text).not.toContain('draft wording');
    expect(body.contents.find((service: any) => service.id === editedDraftUuid)?.name).toBe('Letterbox contact service');
    expect((await get(`${feed}/services/${draftOnly}`)).status).toBe(404);
    // The draft-only service is at the Civic Centre: a service at a location that is not published.
    const atLocations = JSON.stringify((await get(`${feed}/service_at_locations`)).body);
    for (const unpublished of [draftOnly, 'Unpublished kinship support']) expect(atLocations).not.toContain(unpublished);
    expect((await get(`${feed}/service_at_locations?search=unpublished`)).body.total_items).toBe(0);
  });

  it.each([
    ['/services', (body: any) => body.service_at_locations],
    ['/service_at_locations', (body: any) => [body]],
  ])('shows a hidden address as its town and postcode district only, on %s and each in full, for every offer and each', async (endpoint, locationsOf) => {
    const dump: unknown[] = [];
    for (const base of [feed, `${feed}/example-borough`, `${feed}/example-shared-service`]) {
      const list = await get(`${base}${endpoint}`);
      dump.push(list.body);
      for (const { id } of list.body.contents) dump.push((await get(`${base}${endpoint}/${id}`)).body);
    }
    const text = JSON.stringify(dump);
    for (const secret of HIDDEN) expect(text, endpoint).not.toContain(secret);
    const familyTime = dump
      .flatMap((body: any) => locationsOf(body) ?? [])
      .find((at: any) => at?.location?.name === 'Family Time Centre' && at.location.addresses);
    expect(familyTime.location.addresses[0]).toMatchObject({ postal_code: 'EB4', city: 'Example Borough', address_1: expect.not.stringMatching(/Road/) });
    expect(familyTime.location).not.toHaveProperty('latitude');
  });

  it('shows an edit, once published, through modified_after, and only the edit', async () => {
    const since = new Date().toISOString();
    const before = await get(`${feed}/services?modified_after=${since}`);
    expect(before.body).toMatchObject({ total_items: 0, empty: true, contents: [] });
    const documents = cms.strapi.documents;
    const service = await documents(SERVICE).findFirst({ filters: { title: 'Family group conferences' }, status: 'published' });
    await documents(SERVICE).update({ documentId: service!.documentId, data: { alert: 'Waiting list until March' } as any });
    await documents(SERVICE).publish({ documentId: service!.documentId });
    const after = await valid('service_page', `${feed}/services?modified_after=${encodeURIComponent(since)}`);
    expect(after.contents.map((entry: any) => [entry.id, entry.alert])).toEqual([[service!.uuid, 'Waiting list until March']]);
    const atLocations = await valid('service_at_location_page', `${feed}/service_at_locations?modified_after=${encodeURIComponent(since)}`);
    expect(new Set(atLocations.contents.map((entry: any) => entry.service.id))).toEqual(new Set(atLocations.total_items ? [service!.uuid] : []));
  });
});

describe('equivalent terms editors add to a support type', () => {
  const SUPPORT_TYPE = 'plugin::kinship-offer.support-type';

  it('come through at once as a term of its taxonomy and an attribute of each service of that type', async () => {
    const supportTypes = cms.strapi.documents(SUPPORT_TYPE);
    const education: any = await supportTypes.findFirst({ filters: { code: 'education' }, populate: ['equivalentTerms'] as any });
    expect(education.equivalentTerms).toEqual([]);
    await supportTypes.update({
      documentId: education.documentId,
      locale: education.locale,
      data: { equivalentTerms: [{ taxonomy: 'Example directory categories', code: 'EDC-400', name: 'Schools and learning' }] } as any,
    });
    const term = (await valid('taxonomy_term_page', `${feed}/taxonomy_terms`)).contents.find((entry: any) => entry.code === 'EDC-400');
    expect(term).toMatchObject({ name: 'Schools and learning', taxonomy: 'Example directory categories' });
    const school = (await get(`${feed}/services?taxonomy_term_id=${term.id}`)).body;
    const educationTerm = (await get(`${feed}/taxonomy_terms`)).body.contents.find((entry: any) => entry.code === 'education');
    expect(school.contents.map((service: any) => service.id)).toEqual((await get(`${feed}/services?taxonomy_term_id=${educationTerm.id}`)).body.contents.map((service: any) => service.id));
    expect(school.total_items).toBeGreaterThan(0);
    const full = await valid('service', `${feed}/services/${school.contents[0].id}`);
    expect(full.attributes.find((attribute: any) => attribute.taxonomy_term_id === term.id)).toMatchObject({ link_entity: 'service', taxonomy_term: term });
  });

  it.each([
    [[{ taxonomy: 'Example directory categories', code: ' ' }], 'Equivalent term 1: the code is blank'],
    [[{ taxonomy: '', code: 'EDC-1' }], 'Equivalent term 1: give the name of its taxonomy'],
    [[{ taxonomy: 'A list', code: 'X1' }, { taxonomy: 'a list', code: 'x1' }], 'Equivalent term 2: a list x1 is already equivalent term 1'],
  ])('are refused when %j, saying which and why, and nothing is saved', async (equivalentTerms, message) => {
    const supportTypes = cms.strapi.documents(SUPPORT_TYPE);
    const legal: any = await supportTypes.findFirst({ filters: { code: 'legal_support' }, populate: ['equivalentTerms'] as any });
    await expect(supportTypes.update({ documentId: legal.documentId, locale: legal.locale, data: { equivalentTerms } as any })).rejects.toThrow(message);
    const after: any = await supportTypes.findFirst({ filters: { code: 'legal_support' }, populate: ['equivalentTerms'] as any });
    expect(after.equivalentTerms.map((term: any) => term.code)).toEqual(legal.equivalentTerms.map((term: any) => term.code));
  });
});

describe('filters, combined with AND', () => {
  it('by taxonomy term, taxonomy, search, day and times, each as the service says', async () => {
    const terms = (await get(`${feed}/taxonomy_terms`)).body.contents;
    const financial = terms.find((term: any) => term.code === 'financial_support');
    const byTerm = await valid('service_page', `${feed}/services?taxonomy_term_id=${financial.id}`);
    expect(byTerm.total_items).toBeGreaterThan(0);
    for (const { id } of byTerm.contents) {
      const full = (await get(`${feed}/services/${id}`)).body;
      expect(full.attributes.map((attribute: any) => attribute.taxonomy_term.code)).toContain('financial_support');
    }
    const searched = (await get(`${feed}/services?taxonomy_term_id=${financial.id}&search=navigator`)).body;
    expect(searched.contents.map((service: any) => service.name)).toEqual(expect.arrayContaining(['Kinship navigators']));
    expect(searched.total_items).toBeLessThan(byTerm.total_items);
    const saturday = (await get(`${feed}/services?day=SA&start_time=09:00&end_time=17:00`)).body;
    for (const { id } of saturday.contents) {
      const full = (await get(`${feed}/services/${id}`)).body;
      expect(full.schedules.some((s: any) => s.byday.includes('SA') && s.opens_at >= '09:00:00' && s.closes_at <= '17:00:00')).toBe(true);
    }
    expect(saturday.total_items).toBeGreaterThan(0);
    const none = (await get(`${feed}/services?taxonomy_term_id=${financial.id}&search=zzzz-nothing`)).body;
    expect(none).toMatchObject({ total_items: 0, total_pages: 1, empty: true, contents: [] });
  });

  it.each([
    ['page=0', 'page'],
    ['per_page=5000', 'per_page'],
    ['minimum_age=-1', 'minimum_age'],
    ['maximum_age=256', 'maximum_age'],
    ['day=someday', 'day'],
    ['start_time=9am', 'start_time'],
    ['end_time=25:00', 'end_time'],
    ['taxonomy_id=financial', 'taxonomy_id'],
    ['taxonomy_term_id=1', 'taxonomy_term_id'],
    ['modified_after=yesterday', 'modified_after'],
    ['modified_after=2026-02-30', 'modified_after'],
    ['page=1&page=2', 'page'],
    ['service_at_locations?per_page=0', 'per_page'],
    ['service_at_locations?day=someday', 'day'],
    ['service_at_locations?taxonomy_term_id=x', 'taxonomy_term_id'],
  ])('refuses %s with a JSON 400 naming %s', async (query, parameter) => {
    const { status, headers, body } = await get(`${feed}/${query.startsWith('service_at_locations') ? query : `services?${query}`}`);
    expect(status).toBe(400);
    expect(headers.get('access-control-allow-origin')).toBe('*');
    expect(body.error).toMatchObject({ status: 400, details: { parameter } });
    expect(body.error.message).toContain(parameter);
  });
});

describe('over HTTP', () => {
  it.each([
    '/services/00000000-0000-4000-8000-000000000000',
    '/services/not-a-uuid',
    '/service_at_locations/00000000-0000-4000-8000-000000000000',
    '/example-borough/service_at_locations/not-a-uuid',
    '/taxonomies/00000000-0000-4000-8000-000000000000',
    '/taxonomy_terms/00000000-0000-4000-8000-000000000000',
    '/no-such-offer',
    '/no-such-offer/services',
  ])('answers an unknown %s with a JSON 404', async (path) => {
    const { status, headers, body } = await get(`${feed}${path}`);
    expect(status).toBe(404);
    expect(headers.get('access-control-allow-origin')).toBe('*');
    expect(body.error).toMatchObject({ status: 404, message: expect.any(String) });
  });

  it('is cacheable: an ETag, and a 304 for a repeat pull while nothing changed', async () => {
    const first = await httpGet(`${feed}/services`);
    expect(first.headers['cache-control']).toMatch(/^public, max-age=0, must-revalidate, s-maxage=\d+/);
    expect(first.headers.etag).toBeTruthy();
    const again = await httpGet(`${feed}/services`, { 'if-none-match': first.headers.etag as string });
    expect(again.status).toBe(304);
  });

  it('answers any origin with *, even to a credentialed-looking request', async () => {
    const { headers } = await get(`${feed}/taxonomies`, { origin: 'https://directory.example.org' });
    expect(headers.get('access-control-allow-origin')).toBe('*');
    expect(headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('gives absolute URLs as the public sees them: PUBLIC_URL, or forwarded headers behind a proxy', async () => {
    const config = cms.strapi.config;
    const url = config.get('server.url');
    try {
      config.set('server.url', 'https://cms.example.gov.uk/content');
      expect((await get(`${feed}`)).body.openapi_url).toBe('https://cms.example.gov.uk/content/api/kinship-offer/oruk/openapi.json');
      config.set('server.url', '');
      cms.strapi.server.app.proxy = true;
      const proxied = await get(`${feed}/example-borough`, { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'kinship.example.gov.uk' });
      expect(proxied.body.openapi_url).toBe('https://kinship.example.gov.uk/api/kinship-offer/oruk/example-borough/openapi.json');
      const term = (await get(`${feed}/taxonomy_terms`, { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'kinship.example.gov.uk' })).body.contents[0];
      expect(term.term_uri).toBe(`https://kinship.example.gov.uk/api/kinship-offer/oruk/taxonomy_terms/${term.id}`);
    } finally {
      config.set('server.url', url);
      cms.strapi.server.app.proxy = false;
    }
  });
});
