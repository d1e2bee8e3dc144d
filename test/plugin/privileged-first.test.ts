/**
 * The offer view, the feed and their responses are shared by every reader, whoever asked first.
 * An API token (a preview) may read drafts and exact addresses; when it is the first to ask after a
 * start, what it caused to be built must still be the public's: the same as what an anonymous
 * first reader causes, with no draft and no hidden address in it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OFFER_QUERY } from '../../plugin/shared/offer-query';
import { startCms, type TestCms } from '../support/cms';

const OFFER = 'plugin::kinship-offer.offer';
const SERVICE = 'plugin::kinship-offer.service';
/** Only in unpublished changes: a public answer holding one has leaked a draft. */
const DRAFTS = ['Unpublished offer rename', 'Unpublished service rename', 'Draft-only service'];
/** Only in the demo's hidden address (8 Imaginary Road, EB4 5EF): a public answer holding one has leaked it. */
const HIDDEN = ['Imaginary', '5EF'];

let cms: TestCms;
let token: string;

beforeAll(async () => {
  cms = await startCms();
  const documents = cms.strapi.documents;
  const offer = (await documents(OFFER).findFirst({ filters: { slug: 'example-borough' }, status: 'published' }))!;
  // A published service with an unpublished rename, a service never published linked to the
  // offer's draft, and the offer's own unpublished rename.
  const [published] = await documents(SERVICE).findMany({ filters: { offers: { documentId: offer.documentId } }, status: 'published', limit: 1 });
  await documents(SERVICE).update({ documentId: published.documentId, data: { title: 'Unpublished service rename' } as any });
  const draft = await documents(SERVICE).create({ data: { title: 'Draft-only service', summary: 'Not yet approved', cost: 'free' } as any });
  await documents(OFFER).update({ documentId: offer.documentId, data: { name: 'Unpublished offer rename', services: { connect: [draft.documentId] } } as any });
  token = (await cms.strapi.service('admin::api-token').create({ name: 'Preview', type: 'read-only', lifespan: null })).accessKey;
}, 120_000);
afterAll(async () => cms?.stop());

/** What a reader gets for each shared read: the widget's query by GET, the offer's feed, a service in it. */
async function readAll(headers: Record<string, string>) {
  const get = (path: string) => fetch(`${cms.url}${path}`, { headers: { 'accept-encoding': 'identity', 'apollo-require-preflight': 'true', ...headers } }).then((response) => response.text());
  const search = new URLSearchParams({ query: OFFER_QUERY, variables: JSON.stringify({ slug: 'example-borough', locale: 'en-GB' }) });
  const offer = await get(`/graphql?${search}`);
  const services = await get('/api/kinship-offer/oruk/example-borough/services');
  const id = JSON.parse(services).contents.find((service: any) => service.name === 'Supported family time')?.id;
  const service = await get(`/api/kinship-offer/oruk/example-borough/services/${id}`);
  const everyOffer = await get('/api/kinship-offer/oruk/services');
  return { offer, services, service, everyOffer };
}

const expectPublic = (text: string) => {
  for (const word of [...DRAFTS, ...HIDDEN]) expect(text).not.toContain(word);
};

describe('a public cache filled first by an API token', () => {
  it('gives the public what an anonymous first reader would have had: no draft, no hidden address', async () => {
    const privileged = { authorization: `Bearer ${token}` };
    // The token sees its preview (a check that it is privileged at all) …
    const preview = await fetch(`${cms.url}/api/kinship-offer/services?status=draft&filters[title][$eq]=Draft-only service`, { headers: privileged });
    expect((await preview.json()).data).toHaveLength(1);
    // … and asks first for everything that is shared.
    const asToken = await readAll(privileged);
    const anonymousAfterToken = await readAll({});
    // The same content, with nothing built yet: an anonymous reader first.
    await cms.restart();
    const anonymousFirst = await readAll({});

    for (const read of [asToken, anonymousAfterToken, anonymousFirst]) for (const text of Object.values(read)) expectPublic(text);
    expect(JSON.parse(anonymousFirst.offer).data.kinshipOffer.name).toBe('Example Borough Council');
    expect(JSON.parse(anonymousAfterToken.offer)).toEqual(JSON.parse(anonymousFirst.offer));
    expect(JSON.parse(anonymousAfterToken.services)).toEqual(JSON.parse(anonymousFirst.services));
    expect(JSON.parse(anonymousAfterToken.service)).toEqual(JSON.parse(anonymousFirst.service));
    expect(JSON.parse(anonymousAfterToken.everyOffer)).toEqual(JSON.parse(anonymousFirst.everyOffer));
    // What the token was answered is the public view too (kinshipOffer and the feed have no drafts).
    expect(JSON.parse(asToken.offer)).toEqual(JSON.parse(anonymousFirst.offer));
  });
});
