/**
 * The Document Service guards (plugin/server/src/documents/middlewares: drafts are private, hidden
 * addresses stay hidden) for every read action, not only the one a route happens to use:
 * `findMany`, `findFirst`, `findOne` and `count`, each called as a public request would call it
 * (an anonymous request context), and the counts REST pagination and a GraphQL connection ask for.
 */
import type { Core } from '@strapi/strapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCms, type TestCms } from '../support/cms';
import { graphql, rest } from '../support/http';

const OFFER = 'plugin::kinship-offer.offer';
const LOCATION = 'plugin::kinship-offer.location';

let cms: TestCms;
let secretOffer: string;
let hiddenLocation: string;

beforeAll(async () => {
  cms = await startCms();
  // An offer never published: its draft is the only row it has.
  secretOffer = (await cms.strapi.documents(OFFER).create({ data: { name: 'Secret offer', slug: 'secret-offer', councils: [{ name: 'Secret Council', gssCode: 'E09000998' }] } as any })).documentId;
  // The demo's venue whose exact address is hidden: 8 Imaginary Road, EB4 5EF.
  hiddenLocation = (await cms.strapi.db.query(LOCATION).findOne({ where: { hideExactAddress: true } })).documentId;
});
afterAll(async () => cms?.stop());

/** `work` as a public request (no credentials) would run it: the request context the guards read. */
const asPublic = <T>(work: (documents: Core.Strapi['documents']) => Promise<T>): Promise<T> =>
  (cms.strapi.requestContext.run as any)({ state: {}, request: {} }, () => work(cms.strapi.documents));

type Read = (documents: Core.Strapi['documents'], params: Record<string, unknown>) => Promise<unknown>;
const READS: Array<[string, Read]> = [
  ['findMany', (documents, params) => documents(OFFER).findMany(params as any)],
  ['findFirst', (documents, params) => documents(OFFER).findFirst(params as any)],
  ['findOne', (documents, params) => documents(OFFER).findOne({ documentId: secretOffer, ...params } as any)],
  ['count', (documents, params) => documents(OFFER).count(params as any)],
];
const LOCATION_READS: Array<[string, Read]> = [
  ['findMany', (documents, params) => documents(LOCATION).findMany(params as any)],
  ['findFirst', (documents, params) => documents(LOCATION).findFirst(params as any)],
  ['findOne', (documents, params) => documents(LOCATION).findOne({ documentId: hiddenLocation, ...params } as any)],
  ['count', (documents, params) => documents(LOCATION).count(params as any)],
];

describe('drafts, for every read action of a public request', () => {
  it.each(READS)('%s refuses status "draft", saying why', async (_action, read) => {
    await expect(asPublic((documents) => read(documents, { status: 'draft' }))).rejects.toThrow(/^Drafts are private/);
  });

  it.each(READS)('%s gives published content only', async (action, read) => {
    const found = await asPublic((documents) => read(documents, { filters: { slug: 'secret-offer' } }));
    expect(found).toEqual(action === 'findMany' ? [] : action === 'count' ? 0 : null);
    // The same read from inside the server (no request) is an editor's: the draft is there.
    expect(await read(cms.strapi.documents, { filters: { slug: 'secret-offer' } })).not.toEqual(action === 'findMany' ? [] : action === 'count' ? 0 : null);
  });

  it('counts published offers only for REST pagination and a GraphQL connection', async () => {
    const { body } = await rest(cms.url, '/offers?pagination[withCount]=true');
    expect(body.data.map((offer: any) => offer.slug).sort()).toEqual(['example-borough', 'example-shared-service']);
    expect(body.meta.pagination.total).toBe(2);
    const { data } = await graphql(cms.url, '{ kinshipOfferOffers_connection { nodes { slug } pageInfo { total pageCount } } }');
    expect(data.kinshipOfferOffers_connection.nodes).toHaveLength(2);
    expect(data.kinshipOfferOffers_connection.pageInfo).toEqual({ total: 2, pageCount: 1 });
  });
});

describe('hidden addresses, for every read action of a public request', () => {
  it.each(LOCATION_READS)('%s refuses a filter on the hidden address', async (_action, read) => {
    await expect(asPublic((documents) => read(documents, { filters: { postcode: { $startsWith: 'EB4 5' } } }))).rejects.toThrow(/Some locations hide their exact address/);
  });

  it.each(LOCATION_READS.filter(([action]) => action !== 'count'))('%s gives the district only', async (_action, read) => {
    const found = await asPublic((documents) => read(documents, { filters: { documentId: hiddenLocation }, fields: ['name', 'postcode'] }));
    const [location] = [found].flat() as any[];
    expect(location.name).toBe('Family Time Centre');
    expect(location.postcode).toBe('EB4');
    expect(JSON.stringify(found)).not.toMatch(/Imaginary|5EF/);
  });

  it('counts through a GraphQL connection without a filter on the hidden address', async () => {
    const { errors } = await graphql(cms.url, '{ kinshipOfferLocations_connection(filters: { postcode: { startsWith: "EB4 5" } }) { pageInfo { total } } }');
    expect(errors?.[0].message).toMatch(/Some locations hide their exact address/);
  });
});
