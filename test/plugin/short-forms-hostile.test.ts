/**
 * The offer's two short forms, its stable address (`/api/kinship-offer/view/<slug>`) and its
 * persisted id (`/graphql?documentId=sha256:…`), against drafts, hidden addresses, odd slugs and
 * ids, and privileged readers: each answers what the ordinary GraphQL GET of the widget's query
 * answers for the same slug and language, or a 4xx, and nothing more; what a privileged reader
 * (an API token, an editor's admin token) asks through them first never reaches an anonymous one,
 * neither from the CMS's own cache nor from a shared cache keyed on the URL (nginx).
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OFFER_QUERY, OFFER_QUERY_ID } from '../../plugin/shared/offer-query';
import { startCms, type TestCms } from '../support/cms';
import { editorToken } from '../support/editor';
import { ensureNginx, startNginx, type Nginx } from '../support/nginx';

const OFFER = 'plugin::kinship-offer.offer';
const SERVICE = 'plugin::kinship-offer.service';
/** Only in unpublished content: a public answer holding one has leaked a draft. */
const SECRETS = ['Secret offer rename', 'Secret service rename', 'Secret draft-only service', 'Secret draft council', 'Secret Welsh draft'];
/** Only in the demo's hidden address (8 Imaginary Road, EB4 5EF). */
const HIDDEN = ['Imaginary', '5EF'];
const missingNginx = ensureNginx();

let cms: TestCms;
let nginx: Nginx | undefined;
let apiToken: string;
let adminToken: string;

beforeAll(async () => {
  cms = await startCms();
  const documents = cms.strapi.documents;
  const offer = (await documents(OFFER).findFirst({ filters: { slug: 'example-borough' }, status: 'published' }))!;
  const [published] = await documents(SERVICE).findMany({ filters: { offers: { documentId: offer.documentId } }, status: 'published', limit: 1 });
  await documents(SERVICE).update({ documentId: published.documentId, data: { title: 'Secret service rename' } as any });
  const draft = await documents(SERVICE).create({ data: { title: 'Secret draft-only service', summary: 'Not yet approved', cost: 'free' } as any });
  await documents(OFFER).update({ documentId: offer.documentId, data: { name: 'Secret offer rename', services: { connect: [draft.documentId] } } as any });
  await documents(OFFER).create({ data: { name: 'Secret draft council', slug: 'secret-draft-council' } as any });
  // A language with only a draft translation: the shared service's offer has no Welsh published.
  const shared = (await documents(OFFER).findFirst({ filters: { slug: 'example-shared-service' }, status: 'published' }))!;
  const welsh = await documents(OFFER).findOne({ documentId: shared.documentId, locale: 'cy', status: 'published' });
  expect(welsh).toBeNull();
  await documents(OFFER).update({ documentId: shared.documentId, locale: 'cy', data: { name: 'Secret Welsh draft', slug: 'example-shared-service' } as any });
  apiToken = (await cms.strapi.service('admin::api-token').create({ name: 'Preview', type: 'read-only', lifespan: null })).accessKey;
  adminToken = await editorToken(cms);
  if (!missingNginx) nginx = await startNginx({ upstreams: [cms.url] });
}, 120_000);
afterAll(async () => {
  await nginx?.stop();
  await cms?.stop();
});

/** A GET of exactly this path, as sent: no URL parser normalises `..` or escapes on the way. */
function get(base: string, path: string, headers: Record<string, string> = {}) {
  const { hostname, port } = new URL(base);
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>((resolve, reject) => {
    request({ hostname, port, path, headers: { 'accept-encoding': 'identity', ...headers } }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    })
      .on('error', reject)
      .end();
  });
}

/** The ordinary GraphQL GET of the widget's query: what every short form must answer. */
const graphqlGet = (variables: Record<string, unknown>, headers: Record<string, string> = {}) =>
  get(cms.url, `/graphql?${new URLSearchParams({ query: OFFER_QUERY, variables: JSON.stringify(variables) })}`, { 'content-type': 'application/json', ...headers });
const byId = (variables: Record<string, unknown>, base = cms.url, headers: Record<string, string> = {}) =>
  get(base, `/graphql?${new URLSearchParams({ documentId: OFFER_QUERY_ID, variables: JSON.stringify(variables) })}`, headers);

const expectPublic = (body: string, label: string) => {
  for (const word of [...SECRETS, ...HIDDEN]) expect(body, `${label} holds "${word}"`).not.toContain(word);
};

describe('drafts and hidden addresses through the short forms', () => {
  it.each([
    ['a published offer with a draft edit, its services\' draft edits and a draft-only service', 'example-borough', undefined],
    ['the same in Welsh', 'example-borough', 'cy'],
    ['an offer never published', 'secret-draft-council', undefined],
    ['a language with only a draft translation', 'example-shared-service', 'cy'],
  ])('%s: each form answers the GraphQL GET, published content only, the hidden address as its district', async (_label, slug, locale) => {
    const variables = locale ? { slug, locale } : { slug };
    const ordinary = await graphqlGet(variables);
    expect(ordinary.status).toBe(200);
    expectPublic(ordinary.body, 'the GraphQL GET');
    for (const [form, answer] of [
      ['stable address', await get(cms.url, `/api/kinship-offer/view/${slug}${locale ? `?locale=${locale}` : ''}`)],
      ['persisted id', await byId(variables)],
    ] as const) {
      expect(answer.status, form).toBe(200);
      expect(JSON.parse(answer.body), form).toEqual(JSON.parse(ordinary.body));
      expectPublic(answer.body, form);
    }
  });
});

describe('odd slugs at the stable address', () => {
  it.each([
    '..',
    '%2e%2e',
    '%2E%2E%2Fsecret-draft-council',
    '..%2Fsecret-draft-council',
    'example-borough%2F..%2F..%2Fadmin',
    'example-borough%2f',
    'example-borough/',
    'example-borough/../secret-draft-council',
    'EXAMPLE-BOROUGH',
    'Example-Borough',
    `${'a'.repeat(5000)}`,
    `${'%C3%A9'.repeat(3000)}`,
    'ex%C3%A4mple-borough',
    '%F0%9F%91%AA',
    'example-borough%00',
    '%00',
    '%25',
    '%E0%A4%A',
    'example-borough;status=draft',
    'example-borough?status=draft',
    'example-borough?publicationState=preview',
    'example-borough?locale=cy&locale=en-GB',
    'example-borough?locale=../../cy',
    'example-borough?locale=',
    'example-borough?variables=%7B%22slug%22%3A%22secret-draft-council%22%7D',
    'example-borough?query=%7B__typename%7D',
    'example-borough?documentId=sha256%3A0',
    'secret-draft-council?status=draft',
  ])('%s: the GraphQL GET for the slug it names, or a 4xx; never a 500, never a draft', async (path) => {
    const answer = await get(cms.url, `/api/kinship-offer/view/${path}`);
    expect(answer.status, answer.body.slice(0, 200)).toBeLessThan(500);
    expectPublic(answer.body, path);
    if (answer.status !== 200) return;
    // Only `locale` is read from the query string; the slug is the path's one segment, unescaped.
    const [rawSlug, query = ''] = path.split('?');
    const locale = new URLSearchParams(query).get('locale');
    const slug = decodeURIComponent(rawSlug);
    expect(JSON.parse(answer.body)).toEqual(JSON.parse((await graphqlGet(locale ? { slug, locale } : { slug })).body));
  });
});

describe('odd persisted ids', () => {
  const variables = encodeURIComponent(JSON.stringify({ slug: 'secret-draft-council' }));
  const borough = encodeURIComponent(JSON.stringify({ slug: 'example-borough' }));
  const id = encodeURIComponent(OFFER_QUERY_ID);
  it.each([
    ['a wrong hash', `documentId=sha256%3A${'0'.repeat(64)}&variables=${borough}`],
    ['a wrong prefix', `documentId=${encodeURIComponent(OFFER_QUERY_ID.replace('sha256:', 'sha1:'))}&variables=${borough}`],
    ['no prefix', `documentId=${OFFER_QUERY_ID.slice(7)}&variables=${borough}`],
    ['upper case', `documentId=${encodeURIComponent(OFFER_QUERY_ID.toUpperCase())}&variables=${borough}`],
    ['too long', `documentId=${id}${'0'.repeat(10_000)}&variables=${borough}`],
    ['the id twice', `documentId=${id}&documentId=${id}&variables=${borough}`],
    ['the id and another', `documentId=${id}&documentId=sha256%3A${'0'.repeat(64)}&variables=${borough}`],
    ['the id beside a query', `documentId=${id}&query=${encodeURIComponent('{ kinshipOfferServices(status: DRAFT) { title } }')}`],
    ['the id beside extensions', `documentId=${id}&variables=${borough}&extensions=${encodeURIComponent('{"persistedQuery":{"version":1,"sha256Hash":"0"}}')}`],
    ['the id with a draft-only offer\'s slug', `documentId=${id}&variables=${variables}`],
    ['the id with a status variable', `documentId=${id}&variables=${encodeURIComponent(JSON.stringify({ slug: 'example-borough', status: 'DRAFT' }))}`],
    ['the id with variables that are not an object', `documentId=${id}&variables=%5B1%5D`],
    ['the id with variables[slug]', `documentId=${id}&variables[slug]=example-borough`],
  ])('%s: answered as the ordinary GraphQL read would be, or a 4xx; never a 500, never a draft', async (_label, query) => {
    const answer = await get(cms.url, `/graphql?${query}`, { 'content-type': 'application/json' });
    expect(answer.status, answer.body.slice(0, 200)).toBeLessThan(500);
    expectPublic(answer.body, query);
    if (answer.status === 200) expect(JSON.parse(answer.body).data?.kinshipOfferServices).toBeUndefined();
  });
});

describe('a privileged reader first through a short form', () => {
  const forms = (base: string) => [
    ['stable address', (headers: Record<string, string>) => get(base, '/api/kinship-offer/view/example-borough?locale=en-GB', headers)],
    ['persisted id', (headers: Record<string, string>) => byId({ slug: 'example-borough', locale: 'en-GB' }, base, headers)],
  ] as const;

  it.each([
    ['an API token (previews)', () => ({ authorization: `Bearer ${apiToken}` })],
    ['an editor\'s admin token', () => ({ authorization: `Bearer ${adminToken}` })],
  ])('%s is answered the public view, marked for itself alone; anonymous readers after it get what they would have had', async (_label, credentials) => {
    const anonymous = JSON.parse((await graphqlGet({ slug: 'example-borough', locale: 'en-GB' })).body);
    for (const [form, ask] of forms(cms.url)) {
      const privileged = await ask({ 'content-type': 'application/json', ...credentials() });
      expect(privileged.status, privileged.body.slice(0, 200)).toBeLessThan(500);
      expectPublic(privileged.body, `${form}, privileged`);
      // Never kept by a shared cache: it was asked with credentials (RFC 9111 section 3.5).
      expect(String(privileged.headers['cache-control'] ?? ''), form).not.toMatch(/public|s-maxage/);
      const after = await ask({});
      expect(after.status).toBe(200);
      expect(JSON.parse(after.body), form).toEqual(anonymous);
    }
  });

  it.skipIf(missingNginx)('through a shared cache keyed on the URL (nginx, the example configuration): an anonymous reader never gets the privileged copy', async () => {
    for (const [form, ask] of forms(nginx!.url)) {
      const privileged = await ask({ 'content-type': 'application/json', authorization: `Bearer ${apiToken}` });
      expect(privileged.status, nginx!.errors()).toBeLessThan(500);
      const after = await ask({});
      expect(after.status, nginx!.errors()).toBe(200);
      expectPublic(after.body, form);
      expect(JSON.parse(after.body)).toEqual(JSON.parse((await graphqlGet({ slug: 'example-borough', locale: 'en-GB' })).body));
    }
  });
});
