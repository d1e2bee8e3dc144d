/**
 * Hidden means hidden by every route. A location whose exact address is hidden must not be read
 * back through the public API, not even one character at a time: every probe below is sent twice,
 * once with a right guess about the hidden address and once with a wrong one, and the two answers
 * must be the same (or the request refused with a 400 that says why). Without the guard each
 * probe's two answers differ.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCms, type TestCms } from '../support/cms';
import { graphql, graphqlGet, rest } from '../support/http';

const LOCATION = 'plugin::kinship-offer.location';
const SERVICE = 'plugin::kinship-offer.service';
const OFFER = 'plugin::kinship-offer.offer';

/** Words only the hidden addresses contain: a response holding one has leaked. */
const SECRETS = ['Quiet Mews', 'QUIET', 'Flat 2', '9QZ', 'Imaginary', '5EF'];
const REFUSAL = /Some locations hide their exact address/;

let cms: TestCms;
/** The hidden location made for these tests: 7 Quiet Mews, Flat 2, EB4 9QZ. */
let hidden: string;
/** A published service at the hidden location and at a public one. */
let service: string;
let token: string;

beforeAll(async () => {
  cms = await startCms();
  const documents = cms.strapi.documents;
  const quiet = await documents(LOCATION).create({
    data: { name: 'Quiet house', addressLine1: '7 Quiet Mews', addressLine2: 'Flat 2', townOrCity: 'Example Borough', postcode: 'EB4 9QZ', hideExactAddress: true } as any,
  });
  hidden = quiet.documentId;
  const square = await documents(LOCATION).findFirst({ filters: { postcode: 'EB1 1AA' } });
  const created = await documents(SERVICE).create({
    data: { title: 'Quiet support', summary: 'Support at a safe address', cost: 'free', locations: { connect: [hidden, square!.documentId] } } as any,
  });
  service = created.documentId;
  await documents(SERVICE).publish({ documentId: service });
  const offer = await documents(OFFER).findFirst({ filters: { slug: 'example-borough' } });
  await documents(OFFER).update({ documentId: offer!.documentId, data: { services: { connect: [service] } } as any });
  await documents(OFFER).publish({ documentId: offer!.documentId });
  token = (await cms.strapi.service('admin::api-token').create({ name: 'Preview', type: 'read-only', lifespan: null })).accessKey;
});
afterAll(async () => cms?.stop());

const expectNoSecrets = (body: unknown) => {
  const text = JSON.stringify(body);
  for (const secret of SECRETS) expect(text).not.toContain(secret);
};

/** A right guess and a wrong one about the hidden address, for each way of asking. */
const TEXT = { right: 'EB4 9', wrong: 'EB4 8' };
const STREET = { right: 'quiet', wrong: 'loud' };
const ORDER = { right: 'asc', wrong: 'desc' };

type Probe = [label: string, guesses: { right: string; wrong: string }, path: (guess: string) => string];

const onHidden = (filter: string) => (guess: string) => `/locations?filters[documentId][$eq]=${hidden}&${filter.replace('{}', encodeURIComponent(guess))}`;

const restProbes: Probe[] = [
  ...['$eq', '$eqi', '$ne', '$nei', '$in', '$notIn'].map(
    (operator): Probe => [`postcode ${operator}`, { right: 'EB4 9QZ', wrong: 'EB4 9QY' }, onHidden(`filters[postcode][${operator}]${operator.includes('In') ? '[0]' : ''}={}`)],
  ),
  ...['$startsWith', '$startsWithi', '$contains', '$containsi', '$notContains', '$notContainsi'].map(
    (operator): Probe => [`postcode ${operator}`, TEXT, onHidden(`filters[postcode][${operator}]={}`)],
  ),
  // Comparisons give the order: "EB4 9QZ" < "EB4 9ZZ" but not < "EB4 9AA".
  ...['$lt', '$lte'].map((operator): Probe => [`postcode ${operator}`, { right: 'EB4 9ZZ', wrong: 'EB4 9AA' }, onHidden(`filters[postcode][${operator}]={}`)]),
  ...['$gt', '$gte'].map((operator): Probe => [`postcode ${operator}`, { right: 'EB4 9AA', wrong: 'EB4 9ZZ' }, onHidden(`filters[postcode][${operator}]={}`)]),
  ['postcode $endsWith', { right: '9QZ', wrong: '9QY' }, onHidden('filters[postcode][$endsWith]={}')],
  ['postcode $between', { right: 'EB4 9QA', wrong: 'EB4 9RA' }, onHidden('filters[postcode][$between][0]={}&filters[postcode][$between][1]=EB4 9ZZ')],
  ['addressLine2 $null', { right: 'false', wrong: 'true' }, onHidden('filters[addressLine2][$null]={}')],
  ['addressLine2 $notNull', { right: 'true', wrong: 'false' }, onHidden('filters[addressLine2][$notNull]={}')],
  ['addressLine1 $containsi', STREET, onHidden('filters[addressLine1][$containsi]={}')],
  ['addressLine2 $startsWith', { right: 'Flat', wrong: 'Unit' }, onHidden('filters[addressLine2][$startsWith]={}')],
  ['$or', TEXT, onHidden('filters[$or][0][postcode][$startsWith]={}&filters[$or][1][name][$eq]=nothing')],
  ['$and', TEXT, onHidden('filters[$and][0][postcode][$startsWith]={}')],
  ['$not', TEXT, onHidden('filters[$not][postcode][$startsWith]={}')],
  ['$not inside the field', TEXT, onHidden('filters[postcode][$not][$startsWith]={}')],
  ['$or inside $not', STREET, onHidden('filters[$not][$or][0][addressLine1][$containsi]={}')],
  ['services by their locations', TEXT, (g) => `/services?filters[locations][postcode][$startsWith]=${encodeURIComponent(g)}`],
  ['services by a dotted path', TEXT, (g) => `/services?filters[locations.postcode][$startsWith]=${encodeURIComponent(g)}`],
  ['offers through services and locations', STREET, (g) => `/offers?filters[services][locations][addressLine1][$containsi]=${g}`],
  ['a relation inside $or', STREET, (g) => `/services?filters[$or][0][locations][addressLine1][$containsi]=${g}`],
  ['populated locations filtered', TEXT, (g) => `/services/${service}?populate[locations][filters][postcode][$startsWith]=${encodeURIComponent(g)}`],
  ['populated two deep', STREET, (g) => `/offers?populate[services][populate][locations][filters][addressLine1][$containsi]=${g}`],
  ['sort', ORDER, (d) => `/locations?sort=postcode:${d}`],
  ['sort list', ORDER, (d) => `/locations?sort[0]=addressLine1:${d}&sort[1]=name:asc`],
  ['sort object', ORDER, (d) => `/locations?sort[postcode]=${d}`],
  ['sort through a relation', ORDER, (d) => `/services?sort=locations.postcode:${d}&fields[0]=title`],
  ['sort through a relation, object', ORDER, (d) => `/services?sort[locations][postcode]=${d}&fields[0]=title`],
  ['populated locations sorted', ORDER, (d) => `/services/${service}?populate[locations][sort]=postcode:${d}`],
  ['populated locations sorted, list', ORDER, (d) => `/services/${service}?populate[locations][sort][0]=addressLine1:${d}`],
  ['search', STREET, (g) => `/locations?_q=${g}`],
];

describe('as an anonymous reader, REST', () => {
  it.each(restProbes)('learns nothing from %s', async (_label, { right, wrong }, path) => {
    const [a, b] = [await rest(cms.url, path(right)), await rest(cms.url, path(wrong))];
    if (a.status === 400) {
      expect(b.status).toBe(400);
      expect(a.body.error.message).toMatch(/Some locations hide their exact address|Unknown parameter|Invalid/);
    } else {
      expect(a).toEqual(b);
    }
    expectNoSecrets(a.body);
    expectNoSecrets(b.body);
  });

  it('is told why, and which part of the request touched the hidden fields', async () => {
    const { status, body } = await rest(cms.url, `/services?filters[locations][postcode][$startsWith]=EB4`);
    expect(status).toBe(400);
    expect(body.error.message).toMatch(REFUSAL);
    expect(body.error.message).toContain('filters.locations.postcode');
    expect(body.error.message).toContain('townOrCity');
  });

  it('still filters and sorts on what is public', async () => {
    const { status, body } = await rest(cms.url, `/locations?filters[townOrCity][$eq]=Example Borough&filters[name][$eq]=Quiet house&sort=name:asc`);
    expect(status).toBe(200);
    expect(body.data).toEqual([expect.objectContaining({ name: 'Quiet house', postcode: 'EB4', addressLine1: null, addressLine2: null })]);
  });

  it('shows public addresses in full and hidden ones as the district, whatever fields are chosen', async () => {
    const { body } = await rest(cms.url, `/services/${service}?populate[locations][fields][0]=postcode&populate[locations][fields][1]=addressLine1`);
    const byPostcode = Object.fromEntries(body.data.locations.map((l: any) => [l.postcode, l.addressLine1]));
    expect(byPostcode).toEqual({ EB4: null, 'EB1 1AA': '1 Fictional Square' });
    const own = await rest(cms.url, `/locations/${hidden}?fields[0]=postcode&fields[1]=addressLine2`);
    expect(own.body.data).toMatchObject({ postcode: 'EB4', addressLine2: null });
    expectNoSecrets(own.body);
  });
});

const graphqlProbes: Array<[label: string, guesses: { right: string; wrong: string }, query: string]> = [
  ['a location filter', TEXT, `query($g: String) { kinshipOfferLocations(filters: { documentId: { eq: "HIDDEN" }, postcode: { startsWith: $g } }) { documentId } }`],
  ['or', STREET, `query($g: String) { kinshipOfferLocations(filters: { documentId: { eq: "HIDDEN" }, or: [{ addressLine1: { containsi: $g } }, { name: { eq: "x" } }] }) { documentId } }`],
  ['not', TEXT, `query($g: String) { kinshipOfferLocations(filters: { documentId: { eq: "HIDDEN" }, not: { postcode: { startsWith: $g } } }) { documentId } }`],
  ['sort', ORDER, `{ kinshipOfferLocations(sort: ["postcode:{}"]) { documentId } }`],
  ['services by location', TEXT, `query($g: String) { kinshipOfferServices(filters: { locations: { postcode: { startsWith: $g } } }) { documentId } }`],
  ['a count', STREET, `query($g: String) { kinshipOfferServices_connection(filters: { locations: { addressLine1: { containsi: $g } } }) { pageInfo { total } } }`],
  ['offers through services', TEXT, `query($g: String) { kinshipOfferOffers(filters: { services: { locations: { postcode: { startsWith: $g } } } }) { documentId } }`],
  ['a relation argument', TEXT, `query($g: String) { kinshipOfferService(documentId: "SERVICE") { locations(filters: { postcode: { startsWith: $g } }) { documentId } } }`],
  ['a relation connection', STREET, `query($g: String) { kinshipOfferService(documentId: "SERVICE") { locations_connection(filters: { addressLine1: { containsi: $g } }) { nodes { documentId } } } }`],
  ['a relation sort', ORDER, `{ kinshipOfferService(documentId: "SERVICE") { locations(sort: "postcode:{}") { documentId } } }`],
  ['a relation two deep', TEXT, `query($g: String) { kinshipOfferOffers { services(filters: { locations: { postcode: { startsWith: $g } } }) { documentId } } }`],
];

describe('as an anonymous reader, GraphQL', () => {
  const ask = (query: string, guess: string, send = graphql) =>
    send(cms.url, query.replace('HIDDEN', hidden).replace('SERVICE', service).replace('{}', guess), query.includes('$g') ? { g: guess } : {});

  it.each(graphqlProbes)('learns nothing from %s', async (_label, { right, wrong }, query) => {
    const [a, b] = [await ask(query, right), await ask(query, wrong)];
    if (a.errors) {
      expect(a.errors[0].message).toMatch(REFUSAL);
      expect(b.errors?.[0].message).toMatch(REFUSAL);
    } else {
      expect(a).toEqual(b);
    }
    expectNoSecrets(a);
    expectNoSecrets(b);
  });

  it('refuses over GET too', async () => {
    const { errors } = await ask(graphqlProbes[0][2], 'EB4 9', graphqlGet);
    expect(errors?.[0].message).toMatch(REFUSAL);
  });

  it('reads locations with the district only, by every query', async () => {
    const fields = 'addressLine1 addressLine2 postcode townOrCity';
    const direct = await graphql(cms.url, `{ kinshipOfferLocation(documentId: "${hidden}") { ${fields} } }`);
    expect(direct.data.kinshipOfferLocation).toEqual({ addressLine1: null, addressLine2: null, postcode: 'EB4', townOrCity: 'Example Borough' });
    const throughService = await graphql(cms.url, `{ kinshipOfferService(documentId: "${service}") { locations { ${fields} } } }`);
    const offer = await graphql(cms.url, `{ kinshipOffer(slug: "example-borough") { services { locations { ${fields} } } } }`);
    for (const response of [throughService, offer]) {
      expect(response.errors).toBeUndefined();
      expectNoSecrets(response);
    }
    expect(throughService.data.kinshipOfferService.locations).toContainEqual({ addressLine1: '1 Fictional Square', addressLine2: null, postcode: 'EB1 1AA', townOrCity: 'Example Borough' });
  });
});

describe('editors and API tokens', () => {
  it('may filter on the exact address, and see it', async () => {
    const { status, body } = await rest(cms.url, `/locations?filters[postcode][$eq]=EB4 9QZ`, { authorization: `Bearer ${token}` });
    expect(status).toBe(200);
    expect(body.data).toEqual([expect.objectContaining({ addressLine1: '7 Quiet Mews', postcode: 'EB4 9QZ' })]);
  });
});
