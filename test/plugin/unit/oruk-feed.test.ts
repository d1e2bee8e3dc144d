/**
 * The Open Referral UK feed over HTTP as a directory reads it (plugin/server/src/oruk/controller)
 * and the feed it answers from (oruk/service): every endpoint under both bases, what each finds
 * or refuses (404, 400 naming the parameter, 503 never a 500), the response cache's key and its
 * content version. The offer view (offer-view/service, the boundary) stands in with fictional
 * views; the mapping is oruk/map's own (oruk-map.test.ts), so the expected bodies are built with
 * it; `last_modified` is kept in a real SQLite (oruk/last-modified). (Against a real Strapi, with
 * the profile's validator: oruk.test.ts.)
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OfferView, ServiceView } from '../../../plugin/shared/offer-view';
import controller, { HSDS_VERSION, PROFILE_URL } from '../../../plugin/server/src/oruk/controller';
import orukService from '../../../plugin/server/src/oruk/service';
import { listItem, serviceAtLocationFull, serviceAtLocationListItem, serviceAtLocationsOf, services, taxonomies, type Equivalents } from '../../../plugin/server/src/oruk/map';
import { pageOf } from '../../../plugin/server/src/oruk/query';
import { termId } from '../../../plugin/server/src/oruk/ids';
import { UID } from '../../../plugin/server/src/uids';
import { sqliteDatabases } from './support/sqlite';

const connect = sqliteDatabases();
const ORIGIN = 'https://cms.example-borough.gov.uk';
const ALL = `${ORIGIN}/api/kinship-offer/oruk`;
const ONE = `${ALL}/example-borough`;

const vocabulary: OfferView['vocabulary'] = {
  supportTypes: [
    { code: 'financial_support', label: 'Financial support', description: 'Allowances and grants.', locale: 'en' },
    { code: 'legal_support', label: 'Legal support', description: null, locale: 'en' },
  ],
  arrangementTypes: [{ code: 'special_guardianship_order', label: 'Special guardianship order', description: null, locale: 'en' }],
};

const service = (uuid: string, title: string, fields: Partial<ServiceView> = {}): ServiceView => ({
  uuid,
  title,
  summary: `${title}: a fictional service.`,
  description: null,
  supportTypes: [{ code: 'financial_support' }],
  arrangementTypes: [{ code: 'special_guardianship_order' }],
  cost: 'free',
  locations: [{ uuid: uuid.replace(/^.{8}/, 'aaaaaaaa'), name: 'Civic Centre', addressLine1: '1 Fictional Square', townOrCity: 'Example Borough', postcode: 'EB1 1AA', hideExactAddress: false }],
  openingTimes: [{ days: ['MO'], opensAt: '09:00', closesAt: '17:00' }],
  languages: ['en'],
  contacts: [],
  alert: null,
  lastReviewedAt: '2026-09-01',
  updatedAt: '2026-10-01T10:00:00.000Z',
  ...fields,
});

const ALLOWANCE = service('1a2b3c4d-1111-4111-8111-111111111111', 'Special guardianship allowance');
const ADVICE = service('22222222-2222-4222-8222-222222222222', 'Legal advice clinic', { supportTypes: [{ code: 'legal_support' }], updatedAt: '2026-11-02T10:00:00.000Z' });
const GROUP = service('33333333-3333-4333-8333-333333333333', 'Evening support group', { locations: [] });

const view = (slug: string, name: string, offered: ServiceView[]): OfferView => ({
  locale: 'en',
  languages: [{ code: 'en', name: 'English' }],
  documentId: `${slug}-document`,
  name,
  slug,
  councils: [{ name, gssCode: 'E09000999' }],
  independentAdvice: [],
  services: offered,
  vocabulary,
});
const VIEWS = new Map([
  ['example-borough', view('example-borough', 'Example Borough Council', [ALLOWANCE, ADVICE])],
  ['imaginary-vale', view('imaginary-vale', 'Imaginary Vale Council', [GROUP])],
]);

/** Support types' terms in other taxonomies, as the query engine reads them: one per code, the first with terms. */
const EQUIVALENTS: Equivalents = new Map([['financial_support', [{ taxonomy: 'Example directory categories', code: 'EDC-210', name: 'Money' }]]]);
const SUPPORT_TYPE_ROWS = [
  { code: 'legal_support', equivalentTerms: [] },
  { code: 'financial_support', equivalentTerms: EQUIVALENTS.get('financial_support') },
  { code: 'financial_support', equivalentTerms: [{ taxonomy: 'Another language\'s row', code: 'X-1', name: 'Ignored' }] },
];

let version: string;
let finds: string[];
let failing: boolean;
let logged: string[];
/** The app's `server.url`; without it, addresses are made from each request's origin. */
let serverUrl: string;

beforeEach(() => {
  version = 'v1';
  finds = [];
  failing = false;
  logged = [];
  serverUrl = ORIGIN;
  const offerView = {
    // One version for every feed: the caches must tell offers and bases apart by their keys.
    contentVersion: async () => version,
    find: async (slug: string) => {
      finds.push(slug);
      if (failing) throw new Error('database unavailable');
      return VIEWS.get(slug) ?? null;
    },
  };
  const strapi: any = {
    db: {
      connection: connect(),
      query: (uid: string) => ({
        findMany: async ({ where, select, populate }: any) => {
          if (uid === UID.offer && where?.publishedAt?.$notNull === true && select?.includes('slug')) {
            // Each language's published row; in no order.
            return [{ slug: 'imaginary-vale' }, { slug: 'example-borough' }, { slug: 'example-borough' }, { slug: 'withdrawn-since' }];
          }
          // As Strapi answers: the fields selected (every field without a list), relations only if populated.
          if (uid === UID.supportType) {
            return SUPPORT_TYPE_ROWS.map((row) => ({ ...(select?.length && !select.includes('code') ? {} : { code: row.code }), ...(populate?.equivalentTerms ? { equivalentTerms: row.equivalentTerms } : {}) }));
          }
          return [];
        },
      }),
    },
    config: { get: (key: string, fallback: unknown) => (key === 'server.url' ? serverUrl : fallback) },
    plugin: () => ({
      config: () => undefined,
      service: (name: string) => ({ 'offer-view': offerView, vocabularies: { inLocale: async () => vocabulary }, oruk: feed })[name],
    }),
    log: { error: (message: string) => logged.push(message), warn: () => {} },
  };
  const feed = orukService({ strapi });
  (globalThis as any).strapi = strapi;
});

afterEach(() => {
  delete (globalThis as any).strapi;
});

/** A GET of `path` (under the feed of every offer, or of `offer`), answered by the controller's `action`. */
async function get(action: keyof typeof controller, { offer, id, query = {}, origin = 'http://localhost:1337' }: { offer?: string; id?: string; query?: Record<string, string>; origin?: string } = {}) {
  const headers: Record<string, string> = { 'access-control-allow-credentials': 'true' };
  const ctx: any = {
    path: `/api/kinship-offer/oruk${offer ? `/${offer}` : ''}/${action}${id ? `/${id}` : ''}`,
    params: { ...(offer ? { offer } : {}), ...(id ? { id } : {}) },
    query,
    origin,
    state: {},
    request: { headers: {} },
    status: 404,
    body: undefined,
    fresh: false,
    headers,
    set: (name: string, value: string) => (headers[name.toLowerCase()] = value),
    remove: (name: string) => delete headers[name.toLowerCase()],
    get: () => '',
  };
  await controller[action](ctx);
  return { status: ctx.status as number, headers, json: typeof ctx.body === 'object' && !Buffer.isBuffer(ctx.body) ? ctx.body : JSON.parse(String(ctx.body)) };
}

const LINKS_ALL = { base: ALL };
const LINKS_ONE = { base: ONE };
const everyService = () => services([VIEWS.get('example-borough')!, VIEWS.get('imaginary-vale')!], vocabulary, LINKS_ALL, EQUIVALENTS);
const oneService = () => services([VIEWS.get('example-borough')!], vocabulary, LINKS_ONE, EQUIVALENTS);

describe('the feed\'s root', () => {
  it('names the version, the profile and the OpenAPI document under each base, building no feed for every offer', async () => {
    expect((await get('root')).json).toEqual({ version: HSDS_VERSION, profile: PROFILE_URL, openapi_url: `${ALL}/openapi.json` });
    expect(finds).toEqual([]);
    expect((await get('root', { offer: 'example-borough' })).json).toEqual({ version: 'HSDS-UK-3.0', profile: PROFILE_URL, openapi_url: `${ONE}/openapi.json` });
  });

  it('of an offer that is not published is a 404 naming it', async () => {
    const answer = await get('root', { offer: 'withdrawn-since' });
    expect([answer.status, answer.json.error]).toEqual([404, { status: 404, name: 'NotFoundError', message: 'There is no published kinship offer "withdrawn-since"', details: {} }]);
    expect(answer.headers['cache-control']).toBe('no-cache');
  });

  it('and the OpenAPI document name the feed\'s own base', async () => {
    expect((await get('openapi', { offer: 'example-borough' })).json.servers).toEqual([expect.objectContaining({ url: ONE })]);
  });
});

describe('the services', () => {
  it('of every published offer, each once, in a page as the profile lists them, to any origin', async () => {
    const answer = await get('services');
    expect(answer.status).toBe(200);
    const expected = pageOf(everyService(), { page: 1, perPage: 1000 });
    expect(answer.json).toEqual({ ...expected, contents: expected.contents.map(listItem) });
    expect(answer.json.contents.map((entry: { name: string }) => entry.name)).toEqual(['Evening support group', 'Legal advice clinic', 'Special guardianship allowance']);
    expect(finds.sort()).toEqual(['example-borough', 'imaginary-vale', 'withdrawn-since']);
    expect(answer.headers).toMatchObject({ 'access-control-allow-origin': '*', 'content-type': 'application/json; charset=utf-8', 'x-cache': 'MISS' });
    expect(answer.headers).not.toHaveProperty('access-control-allow-credentials');
    expect(answer.headers['server-timing']).toMatch(/^cache;desc=MISS, app;dur=\d+\.\d$/);
  });

  it('of every offer: a service two offers share is published by the same council whatever order the database gives their rows (by slug)', async () => {
    const vale = VIEWS.get('imaginary-vale')!;
    VIEWS.set('imaginary-vale', { ...vale, services: [GROUP, ALLOWANCE] });
    try {
      const shared = (await get('services')).json.contents.find((entry: { name: string }) => entry.name === ALLOWANCE.title);
      expect(shared).toEqual(listItem(everyService().find((entry) => entry.name === ALLOWANCE.title)!));
      expect(shared.organization.name).toBe('Example Borough Council');
    } finally {
      VIEWS.set('imaginary-vale', vale);
    }
  });

  it('of one offer, filtered and paged', async () => {
    const answer = await get('services', { offer: 'example-borough', query: { taxonomy_term_id: termId('support-type', 'legal_support'), per_page: '1' } });
    expect(answer.json).toMatchObject({ total_items: 1, page_number: 1, size: 1, contents: [{ name: 'Legal advice clinic' }] });
    expect((await get('services', { offer: 'example-borough', query: { per_page: '1', page: '2' } })).json).toMatchObject({ total_items: 2, contents: [{ name: 'Special guardianship allowance' }] });
  });

  it('refuse a parameter they cannot read with a 400 naming it', async () => {
    const answer = await get('services', { query: { minimum_age: 'twelve' } });
    expect(answer.status).toBe(400);
    expect(answer.json.error).toMatchObject({ status: 400, name: 'ValidationError', details: { parameter: 'minimum_age' } });
  });

  it('one by its id, in full, whatever the id\'s case; an unknown id is a 404 naming it', async () => {
    const allowance = oneService().find((entry) => entry.id === ALLOWANCE.uuid);
    expect((await get('service', { offer: 'example-borough', id: ALLOWANCE.uuid.toUpperCase() })).json).toEqual(allowance);
    const answer = await get('service', { offer: 'example-borough', id: GROUP.uuid });
    expect([answer.status, answer.json.error.message]).toEqual([404, `There is no service ${GROUP.uuid} in this feed`]);
  });
});

describe('the services at their locations', () => {
  it('are each service at each location, filtered as the services are', async () => {
    const atLocations = serviceAtLocationsOf(everyService());
    expect((await get('serviceAtLocations')).json).toEqual({ ...pageOf(atLocations, { page: 1, perPage: 1000 }), contents: atLocations.map(serviceAtLocationListItem) });
    expect((await get('serviceAtLocations', { query: { search: 'legal' } })).json.contents.map((entry: any) => entry.service.name)).toEqual(['Legal advice clinic']);
  });

  it('one by its id, with its full service; an unknown id is a 404', async () => {
    const advice = serviceAtLocationsOf(oneService()).find((item) => item.service.id === ADVICE.uuid)!;
    expect((await get('serviceAtLocation', { offer: 'example-borough', id: advice.entry.id.toUpperCase() })).json).toEqual(serviceAtLocationFull(advice));
    expect((await get('serviceAtLocation', { offer: 'example-borough', id: ALLOWANCE.uuid })).json.error.message).toBe(`There is no service at location ${ALLOWANCE.uuid} in this feed`);
  });
});

describe('the taxonomies and their terms', () => {
  const listed = () => taxonomies(vocabulary, LINKS_ONE, EQUIVALENTS);

  it('are listed and found by id, whatever its case; an unknown id is a 404', async () => {
    expect((await get('taxonomies', { offer: 'example-borough' })).json).toEqual(pageOf(listed(), { page: 1, perPage: 1000 }));
    const [first] = listed();
    expect((await get('taxonomy', { offer: 'example-borough', id: first.id.toUpperCase() })).json).toEqual(first);
    expect((await get('taxonomy', { offer: 'example-borough', id: 'nothing' })).json.error.message).toBe('There is no taxonomy nothing in this feed');
  });

  it('terms: every taxonomy\'s, or one taxonomy\'s; one by its id', async () => {
    const terms = listed().flatMap((taxonomy) => taxonomy.taxonomy_terms);
    expect((await get('taxonomyTerms', { offer: 'example-borough' })).json).toEqual(pageOf(terms, { page: 1, perPage: 1000 }));
    const other = listed().find((taxonomy) => taxonomy.name === 'Example directory categories')!;
    expect((await get('taxonomyTerms', { offer: 'example-borough', query: { taxonomy_id: other.id } })).json.contents).toEqual(other.taxonomy_terms);
    expect(other.taxonomy_terms.map((term) => term.name)).toEqual(['Money']);
    expect((await get('taxonomyTerm', { offer: 'example-borough', id: terms[0].id.toUpperCase() })).json).toEqual(terms[0]);
    expect((await get('taxonomyTerm', { offer: 'example-borough', id: 'nothing' })).json.error.message).toBe('There is no taxonomy term nothing in this feed');
  });
});

describe('the response cache', () => {
  it('answers a repeat from the response kept while the content version holds; builds again after', async () => {
    const first = await get('services', { query: { search: 'allowance' } });
    const again = await get('services', { query: { search: 'allowance', utm_source: 'newsletter' } });
    expect([first.headers['x-cache'], again.headers['x-cache']]).toEqual(['MISS', 'HIT']);
    expect(again.json).toEqual(first.json);
    expect(finds).toHaveLength(3);
    version = 'v2';
    expect((await get('services', { query: { search: 'allowance' } })).headers['x-cache']).toBe('MISS');
    expect(finds).toHaveLength(6);
  });

  it('keeps apart each parameter it reads, each endpoint and each offer', async () => {
    await get('services', { query: { search: 'allowance' } });
    for (const query of [{ search: 'advice' }, { search: 'allowance', page: '1' }, { search: 'allowance', per_page: '5' }] as Array<Record<string, string>>) {
      expect((await get('services', { query })).headers['x-cache']).toBe('MISS');
    }
    expect((await get('serviceAtLocations', { query: { search: 'allowance' } })).headers['x-cache']).toBe('MISS');
    expect((await get('services', { offer: 'example-borough', query: { search: 'allowance' } })).json.contents).toHaveLength(1);
  });

  it('keeps apart the feeds and responses of each origin a request was addressed to, without server.url', async () => {
    serverUrl = '';
    const viaProxy = await get('taxonomyTerms', { offer: 'example-borough', origin: 'https://offer.example-borough.gov.uk' });
    const direct = await get('taxonomyTerms', { offer: 'example-borough', origin: 'http://localhost:1337' });
    expect(JSON.stringify(viaProxy.json)).toContain('https://offer.example-borough.gov.uk/api/kinship-offer/oruk/example-borough/');
    expect(JSON.stringify(direct.json)).not.toContain('https://offer.example-borough.gov.uk');
    expect(JSON.stringify(direct.json)).toContain('http://localhost:1337/api/kinship-offer/oruk/example-borough/');
    expect((await get('root', { origin: 'http://localhost:1337' })).json.openapi_url).toBe('http://localhost:1337/api/kinship-offer/oruk/openapi.json');
  });

  it('builds a feed once per content version, whatever the endpoints read from it', async () => {
    await get('services', { offer: 'example-borough' });
    await get('taxonomies', { offer: 'example-borough' });
    await get('service', { offer: 'example-borough', id: ALLOWANCE.uuid });
    expect(finds).toEqual(['example-borough']);
  });
});

describe('last_modified', () => {
  it('is a service\'s own time at the feed\'s first build, and the time of the build that first shows its change', async () => {
    const first = await get('service', { offer: 'example-borough', id: ALLOWANCE.uuid });
    expect(first.json.last_modified).toBe('2026-10-01T10:00:00.000Z');
    const before = Date.now();
    VIEWS.set('example-borough', view('example-borough', 'Example Borough Council', [{ ...ALLOWANCE, title: 'Weekly allowance' }, ADVICE]));
    version = 'v2';
    try {
      const moved = await get('service', { offer: 'example-borough', id: ALLOWANCE.uuid });
      expect(Date.parse(moved.json.last_modified)).toBeGreaterThanOrEqual(before);
      expect((await get('service', { offer: 'example-borough', id: ADVICE.uuid })).json.last_modified).toBe('2026-11-02T10:00:00.000Z');
    } finally {
      VIEWS.set('example-borough', view('example-borough', 'Example Borough Council', [ALLOWANCE, ADVICE]));
    }
  });
});

describe('when the content cannot be read', () => {
  it('answers 503 with Retry-After, never a 500, and logs what failed', async () => {
    failing = true;
    const answer = await get('services', { offer: 'example-borough' });
    expect(answer.status).toBe(503);
    expect(answer.headers['retry-after']).toBe('30');
    expect(answer.json.error).toEqual({ status: 503, name: 'ServiceUnavailableError', message: 'The feed cannot be read just now; try again shortly.', details: {} });
    expect(logged).toEqual([expect.stringContaining('the Open Referral feed could not answer /api/kinship-offer/oruk/example-borough/services: Error: database unavailable')]);
  });
});
