/**
 * Public means published: every way Strapi offers to ask for drafts, tried as an anonymous
 * reader (refused, or published content only) and with a read-only API token (previews work).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCms, type TestCms } from '../support/cms';
import { graphql, graphqlGet, rest } from '../support/http';

const OFFER = 'plugin::kinship-offer.offer';
const SERVICE = 'plugin::kinship-offer.service';
/** Words that appear only in unpublished content: a response containing one has leaked a draft. */
const DRAFT_MARKERS = ['Unpublished rename', 'Secret draft service', 'secret-offer'];

let cms: TestCms;
let exampleOffer: string;
let secretOffer: string;
let secretService: string;
let token: string;

beforeAll(async () => {
  cms = await startCms();
  const documents = cms.strapi.documents;
  const example = await documents(OFFER).findFirst({ filters: { slug: 'example-borough' }, status: 'published' });
  exampleOffer = example!.documentId;
  // A published offer with unpublished changes, a never-published service linked to its draft,
  // and a never-published offer.
  const service = await documents(SERVICE).create({ data: { title: 'Secret draft service', summary: 'Not yet approved', cost: 'free' } as any });
  secretService = service.documentId;
  await documents(OFFER).update({ documentId: exampleOffer, data: { name: 'Unpublished rename', services: { connect: [secretService] } } as any });
  const secret = await documents(OFFER).create({
    data: { name: 'Secret offer', slug: 'secret-offer', councils: [{ name: 'Secret Council', gssCode: 'E09000998' }] } as any,
  });
  secretOffer = secret.documentId;
  const created = await cms.strapi.service('admin::api-token').create({
    name: 'Preview',
    description: 'Reads drafts for previews',
    type: 'read-only',
    lifespan: null,
  });
  token = created.accessKey;
});
afterAll(async () => cms?.stop());

const expectNoDrafts = (body: unknown) => {
  const text = JSON.stringify(body) ?? "";
  for (const marker of DRAFT_MARKERS) expect(text).not.toContain(marker);
};

describe('as an anonymous reader, REST', () => {
  it.each([
    '/offers?status=draft',
    '/offers?status=draft&hasPublishedVersion=false',
    '/services?status=draft&publicationFilter=never-published-document',
    '/offers/:example?status=draft',
    '/offers/:secret?status=draft',
  ])('refuses %s with 403 and says why', async (path) => {
    const { status, body } = await rest(cms.url, path.replace(':example', exampleOffer).replace(':secret', secretOffer));
    expect(status).toBe(403);
    expect(body.error.message).toMatch(/^Drafts are private/);
    expectNoDrafts(body);
  });

  it.each([
    '/offers',
    '/offers?hasPublishedVersion=false',
    '/offers?publicationFilter=never-published-document',
    '/offers?publicationFilter=has-published-version-document',
    '/offers?populate=services',
    '/offers?filters[slug][$eq]=secret-offer',
    '/services?filters[title][$eq]=Secret draft service',
    '/services?pagination[pageSize]=100',
    '/offers/:example',
    '/offers/:example?populate[services][fields][0]=title',
  ])('gives published content only for %s', async (path) => {
    const { status, body } = await rest(cms.url, path.replace(':example', exampleOffer));
    expect(status).toBe(200);
    expectNoDrafts(body);
  });

  it('answers 404 for a never-published document', async () => {
    expect((await rest(cms.url, `/offers/${secretOffer}`)).status).toBe(404);
    expect((await rest(cms.url, `/services/${secretService}`)).status).toBe(404);
  });
});

describe('as an anonymous reader, GraphQL', () => {
  it.each([
    ['a list', '{ kinshipOfferOffers(status: DRAFT) { name } }'],
    ['a connection', '{ kinshipOfferOffers_connection(status: DRAFT) { nodes { name } } }'],
    ['one document', `{ kinshipOfferOffer(documentId: "%secret%", status: DRAFT) { name } }`],
    ['services', '{ kinshipOfferServices(status: DRAFT, filters: { title: { eq: "Secret draft service" } }) { title } }'],
    ['relations under a draft root', '{ kinshipOfferOffers(status: DRAFT) { services { title } } }'],
  ])('refuses drafts asked for in %s', async (_, query) => {
    const { data, errors } = await graphql(cms.url, query.replace('%secret%', secretOffer));
    expect(errors?.[0].message).toMatch(/^Drafts are private/);
    expectNoDrafts(data);
  });

  it('refuses drafts asked for through a variable, by POST and by GET', async () => {
    const query = 'query ($status: PublicationStatus) { kinshipOfferOffers(status: $status) { name } }';
    for (const send of [graphql, graphqlGet]) {
      const { data, errors } = await send(cms.url, query, { status: 'DRAFT' });
      expect(errors?.[0].message).toMatch(/^Drafts are private/);
      expectNoDrafts(data);
    }
  });

  it('refuses a status on a relation field', async () => {
    const { data, errors } = await graphql(cms.url, '{ kinshipOfferOffers { services(status: DRAFT) { title } } }');
    expect(errors?.length).toBeGreaterThan(0);
    expectNoDrafts(data);
  });

  it.each([
    '{ kinshipOfferOffers { name services { title } } }',
    '{ kinshipOfferOffers(hasPublishedVersion: false) { name } }',
    `{ kinshipOfferOffer(documentId: "%example%") { name services { title } } }`,
    '{ kinshipOfferOffers(filters: { slug: { eq: "secret-offer" } }) { name } }',
    '{ kinshipOffer(slug: "example-borough") { name services(pagination: { limit: 500 }) { title } } }',
    '{ kinshipOffer(slug: "secret-offer") { name } }',
    '{ kinshipOfferServices(pagination: { limit: 500 }) { title offers { name } } }',
  ])('gives published content only for %s', async (query) => {
    const { data } = await graphql(cms.url, query.replace('%example%', exampleOffer));
    expectNoDrafts(data);
  });

  it('still shows the published offer while a draft change waits', async () => {
    const { data } = await graphql(cms.url, '{ kinshipOffer(slug: "example-borough") { name } }');
    expect(data.kinshipOffer.name).toBe('Example Borough Council');
  });
});

describe('with a read-only API token (previews)', () => {
  const auth = () => ({ authorization: `Bearer ${token}` });

  it('reads drafts over REST', async () => {
    const { status, body } = await rest(cms.url, '/offers?status=draft&sort=slug', auth());
    expect(status).toBe(200);
    expect(body.data.map((o: any) => o.name)).toEqual(expect.arrayContaining(['Unpublished rename', 'Secret offer']));
  });

  it('reads drafts over GraphQL, relations included', async () => {
    const { data, errors } = await graphql(
      cms.url,
      `{ kinshipOfferOffer(documentId: "${exampleOffer}", status: DRAFT) { name services(pagination: { limit: 500 }) { title } } }`,
      {},
      auth(),
    );
    expect(errors).toBeUndefined();
    expect(data.kinshipOfferOffer.name).toBe('Unpublished rename');
    expect(data.kinshipOfferOffer.services.map((s: any) => s.title)).toContain('Secret draft service');
  });

  it('is refused with a wrong token', async () => {
    const { status } = await rest(cms.url, '/offers?status=draft', { authorization: 'Bearer not-a-token' });
    expect(status).toBe(401);
  });
});
