/**
 * The HTTP response cache for the widget's offer request, tested on its own: every part of its
 * key (the query, the variables, the operation name) matters, credentials bypass it entirely, it
 * serves a response again only while the content version holds, and it keeps only good answers.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { offerResponseCache } from '../../../plugin/server/src/offer-view/http-cache';
import { memoryStore } from '../../../plugin/server/src/offer-view/store';
import { fakeStrapi } from './support/fake-strapi';

const OFFER_QUERY = 'query Offer($slug: String!, $locale: String) { kinshipOffer(slug: $slug, locale: $locale) { name } }';

let version: string;
/** Per-offer versions, where a test sets one; else `version`. */
let versions: Record<string, string>;
let graphqlRuns: ReturnType<typeof vi.fn<(headers: Record<string, string>) => void>>;
let cache: ReturnType<typeof offerResponseCache>;
beforeEach(() => {
  const db = fakeStrapi();
  version = 'v1';
  versions = {};
  db.provide('offer-view', { responses: memoryStore(500), contentVersion: async (slug: string) => versions[slug] ?? version });
  db.install();
  cache = offerResponseCache(db.strapi);
  graphqlRuns = vi.fn();
});

interface Request {
  query?: unknown;
  variables?: unknown;
  operationName?: string;
  headers?: Record<string, string>;
  method?: string;
  path?: string;
}

/**
 * The query string a client sends: text as it is, a list as repeated names, an object as qs
 * writes one (variables[slug]=…).
 */
function querystringOf(params: Record<string, unknown>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const item of value) search.append(name, String(item));
    else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) search.append(`${name}[${key}]`, String(item));
    else if (value !== null) search.append(name, String(value));
  }
  return search.toString();
}

/**
 * One request through the cache to a stand-in for GraphQL, which answers with the slug and locale
 * it was asked for (or `answer`, when given): what the client received.
 */
async function send({ query = OFFER_QUERY, variables = '{"slug":"example-borough"}', operationName, headers = {}, method = 'GET', path = '/graphql' }: Request = {}, answer?: { status: number; body: string }) {
  const response: Record<string, string> = {};
  const ctx: any = {
    path,
    method,
    querystring: querystringOf({ query, variables, ...(operationName === undefined ? {} : { operationName }) }),
    request: { headers: { ...headers } },
    // What the app's own middlewares had set by the time GraphQL answered (a security header).
    response: { headers: { 'x-frame-options': 'SAMEORIGIN', 'set-cookie': 'koa.sess=1' } },
    get: (name: string) => headers[name] ?? '',
    set: (name: string, value: string) => (response[name] = value),
    remove: (name: string) => delete response[name],
    status: 404,
    body: undefined as unknown,
    etag: undefined as string | undefined,
    get fresh() {
      return headers['if-none-match'] !== undefined && headers['if-none-match'] === this.etag;
    },
  };
  await cache(ctx, async () => {
    graphqlRuns(ctx.request.headers);
    if (answer) {
      ctx.status = answer.status;
      ctx.body = answer.body;
      return;
    }
    const asked = new URLSearchParams(ctx.querystring);
    const raw = asked.get('variables');
    const vars = raw && raw.startsWith('{') ? JSON.parse(raw.replace(/}.*$/, '}')) : null;
    ctx.status = 200;
    ctx.body = JSON.stringify({ data: { kinshipOffer: { name: `${vars?.slug} ${vars?.locale ?? ''} ${asked.get('operationName') ?? ''} ${asked.get('query')?.length}` } } });
  });
  const body = Buffer.isBuffer(ctx.body) ? ctx.body.toString('utf8') : (ctx.body as string | undefined);
  return { status: ctx.status as number, body, etag: ctx.etag as string | undefined, headers: response };
}

describe('the response cache key', () => {
  it('serves a repeat of the same request from memory', async () => {
    const first = await send();
    const repeat = await send();
    expect(graphqlRuns).toHaveBeenCalledTimes(1);
    expect(repeat.body).toEqual(first.body);
    expect(repeat.etag).toEqual(first.etag);
    expect(first.headers['x-cache']).toBe('MISS');
    expect(repeat.headers).toEqual({
      'x-frame-options': 'SAMEORIGIN',
      'access-control-allow-origin': '*',
      vary: 'Accept-Encoding',
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'public, max-age=0, must-revalidate, s-maxage=30, stale-while-revalidate=30, stale-if-error=86400',
      'x-cache': 'HIT',
      'server-timing': expect.stringMatching(/^cache;desc=HIT, app;dur=[\d.]+$/),
    });
  });

  it('has the variables: another offer\'s request gets that offer', async () => {
    const borough = await send({ variables: '{"slug":"example-borough"}' });
    const another = await send({ variables: '{"slug":"another"}' });
    expect(graphqlRuns).toHaveBeenCalledTimes(2);
    expect(another.body).toContain('another');
    expect(another.etag).not.toBe(borough.etag);
    const welsh = await send({ variables: '{"slug":"example-borough","locale":"cy"}' });
    expect(welsh.body).toContain('example-borough cy');
  });

  it('leaves variables written as an object (variables[slug]=…) to GraphQL, and takes none as none', async () => {
    await send({ variables: { slug: 'example-borough' } });
    await send({ variables: { slug: 'example-borough' } });
    expect(graphqlRuns).toHaveBeenCalledTimes(2);
    await send({ query: '{ kinshipOffer(slug: "written") { name } }', variables: null });
    await send({ query: '{ kinshipOffer(slug: "written") { name } }', variables: null });
    expect(graphqlRuns).toHaveBeenCalledTimes(3);
  });

  it('has the operation name', async () => {
    await send({ operationName: 'Offer' });
    expect((await send({ operationName: 'Other' })).body).toContain('Other');
    expect((await send()).body).not.toContain('Other');
    expect(graphqlRuns).toHaveBeenCalledTimes(3);
  });

  it('has the query: another document asking for other fields gets its own answer', async () => {
    await send();
    const other = OFFER_QUERY.replace('{ name }', '{ name slug }');
    expect((await send({ query: other })).body).toContain(String(other.length));
    expect(graphqlRuns).toHaveBeenCalledTimes(2);
  });

  it('keeps its parts apart: moving text between the query, the variables and the name is another request', async () => {
    await send({ variables: '{"slug":"a"}', operationName: 'Offer' });
    await send({ variables: '{"slug":"a"}Offer', operationName: '' });
    await send({ query: `${OFFER_QUERY} `, variables: '{"slug":"a"}', operationName: 'Offer' });
    expect(graphqlRuns).toHaveBeenCalledTimes(3);
  });
});

describe('the offers a response depends on', () => {
  it('are read from the variables: another offer\'s edit leaves the response a hit', async () => {
    await send();
    versions.another = 'v2';
    expect((await send()).headers['x-cache']).toBe('HIT');
    versions['example-borough'] = 'v2';
    expect((await send()).headers['x-cache']).toBe('MISS');
    expect(graphqlRuns).toHaveBeenCalledTimes(2);
  });

  it('are read from the query when the slug is written in it, and from a variable\'s default', async () => {
    const literal = '{ kinshipOffer(slug: "written") { name } }';
    const withDefault = 'query Offer($slug: String! = "defaulted") { kinshipOffer(slug: $slug) { name } }';
    for (const [query, slug] of [[literal, 'written'], [withDefault, 'defaulted']]) {
      await send({ query, variables: '{}' });
      versions[slug] = 'changed';
      expect((await send({ query, variables: '{}' })).headers['x-cache']).toBe('MISS');
      expect((await send({ query, variables: '{}' })).headers['x-cache']).toBe('HIT');
    }
  });

  it('are every offer a query names: an edit to any of them misses', async () => {
    const two = '{ a: kinshipOffer(slug: "one") { name } b: kinshipOffer(slug: "two") { name } }';
    await send({ query: two });
    versions.two = 'v2';
    expect((await send({ query: two })).headers['x-cache']).toBe('MISS');
  });

  it.each<[string, Request]>([
    ['with no slug', { variables: '{}' }],
    ['whose slug is not text', { variables: '{"slug":3}' }],
    ['whose variables are not an object', { variables: '["example-borough"]' }],
  ])('leave a query %s to GraphQL, uncached', async (_, request) => {
    await send(request);
    await send(request);
    expect(graphqlRuns).toHaveBeenCalledTimes(2);
  });
});

describe('credentials', () => {
  it('bypass the cache: a request with Authorization is never answered from it, nor stored in it', async () => {
    const token = { authorization: 'Bearer editor-token' };
    const asEditor = await send({ headers: token });
    expect(asEditor.etag).toBeUndefined();
    expect(asEditor.headers).toEqual({});
    await send({ headers: token });
    expect(graphqlRuns).toHaveBeenCalledTimes(2);
    await send();
    expect(graphqlRuns).toHaveBeenCalledTimes(3);
    await send({ headers: token });
    expect(graphqlRuns).toHaveBeenCalledTimes(4);
  });

  it('keep Apollo\'s CSRF check: only a public offer request is let through without its header', async () => {
    await send({ headers: { authorization: 'Bearer editor-token' } });
    expect(graphqlRuns.mock.calls[0][0]['apollo-require-preflight']).toBeUndefined();
    await send();
    expect(graphqlRuns.mock.calls[1][0]['apollo-require-preflight']).toBe('true');
  });
});

describe('what is cached', () => {
  it('is served again only while the content version holds', async () => {
    const first = await send();
    version = 'v2';
    const changed = await send();
    expect(graphqlRuns).toHaveBeenCalledTimes(2);
    expect(changed.status).toBe(200);
    await send();
    expect(graphqlRuns).toHaveBeenCalledTimes(2);
    expect(first.etag).toMatch(/^"[\w-]{27}"$/);
  });

  it('answers 304 with no body to a client that has it', async () => {
    const { etag } = await send();
    const revalidated = await send({ headers: { 'if-none-match': etag! } });
    expect(revalidated.status).toBe(304);
    expect(revalidated.body).toBeUndefined();
    const first = await send({ variables: '{"slug":"another"}', headers: { 'if-none-match': etag! } });
    expect(first.status).toBe(200);
  });

  it('is only a good answer: GraphQL errors and other statuses are passed on and not kept', async () => {
    const failed = await send({}, { status: 200, body: '{"errors":[{"message":"x"}],"data":null}' });
    expect(failed.etag).toBeUndefined();
    await send({}, { status: 500, body: 'oops' });
    await send();
    await send();
    expect(graphqlRuns).toHaveBeenCalledTimes(3);
  });

  it.each<[string, Request]>([
    ['a POST', { method: 'POST' }],
    ['another path', { path: '/api/kinship-offer/offers' }],
    ['a query for anything but kinshipOffer', { query: '{ kinshipOffer(slug: "x") { name } kinshipOfferServices { title } }' }],
    ['a query for other data only', { query: '{ kinshipOfferServices { title } }' }],
    ['a mutation', { query: 'mutation { kinshipOffer(slug: "x") { name } }' }],
    ['two operations', { query: `${OFFER_QUERY} query Two { kinshipOffer(slug: "x") { name } }` }],
    ['an inline fragment for other data', { query: '{ ... on Query { kinshipOfferServices { title } } }' }],
    ['a fragment spread at the top', { query: '{ ...F } fragment F on Query { kinshipOffer(slug: "x") { name } }' }],
    ['a syntax error', { query: '{ kinshipOffer(' }],
    ['a query given twice', { query: ['{ kinshipOffer(slug: "x") { name } }', '{ kinshipOffer(slug: "y") { name } }'] }],
  ])('leaves %s to GraphQL, uncached', async (_, request) => {
    await send(request);
    const again = await send(request);
    expect(graphqlRuns).toHaveBeenCalledTimes(2);
    expect(again.etag).toBeUndefined();
  });

  it('caches queries up to 10,000 characters, and not longer ones', async () => {
    const padded = (length: number) => OFFER_QUERY.padEnd(length, ' ');
    await send({ query: padded(10_000) });
    await send({ query: padded(10_000) });
    expect(graphqlRuns).toHaveBeenCalledTimes(1);
    await send({ query: padded(10_001) });
    await send({ query: padded(10_001) });
    expect(graphqlRuns).toHaveBeenCalledTimes(3);
  });
});
