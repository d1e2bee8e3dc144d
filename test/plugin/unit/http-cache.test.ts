/**
 * The HTTP response cache for the widget's offer request, tested on its own: every part of its
 * key (the query, the variables, the operation name) matters, credentials bypass it entirely, it
 * serves a response again only while the content version holds, and it keeps only good answers.
 */
import { createHash } from 'node:crypto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { answeredWithoutApollo, offerResponseCache, takeMiss, type KinshipOfferRequest } from '../../../plugin/server/src/offer-view/http-cache';
import { memoryStore } from '../../../plugin/server/src/offer-view/store';
import { publicOrigin } from '../../../plugin/server/src/http/public-url';
import { fakeStrapi } from './support/fake-strapi';
import { OFFER_QUERY_ID, OFFER_QUERY as WIDGET_QUERY } from '../../../plugin/shared/offer-query';

const OFFER_QUERY = 'query Offer($slug: String!, $locale: String) { kinshipOffer(slug: $slug, locale: $locale) { name } }';

let version: string;
/** Per-offer versions, where a test sets one; else `version`. */
let versions: Record<string, string>;
let graphqlRuns: ReturnType<typeof vi.fn<(headers: Record<string, string>) => void>>;
/** What GraphQL (or the app's router) was handed on each run: the request's method, address and the miss it carried. */
let handed: Array<{ method: string; path: string; querystring: string; miss: KinshipOfferRequest | undefined }>;
let cache: ReturnType<typeof offerResponseCache>;
beforeEach(() => {
  const db = fakeStrapi();
  version = 'v1';
  versions = {};
  db.provide('offer-view', { responses: memoryStore(500), contentVersion: async (slug: string) => versions[slug] ?? version });
  db.install();
  cache = offerResponseCache(db.strapi);
  graphqlRuns = vi.fn();
  handed = [];
});

interface Request {
  query?: unknown;
  variables?: unknown;
  operationName?: string;
  headers?: Record<string, string>;
  method?: string;
  path?: string;
  /** Written after the rest of the query string, as it is (`&extensions=…`). */
  extra?: string;
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
async function send({ query = OFFER_QUERY, variables = '{"slug":"example-borough"}', operationName, headers = {}, method = 'GET', path = '/graphql', extra = '' }: Request = {}, answer?: { status: number; body: string }) {
  const response: Record<string, string> = {};
  const ctx: any = {
    path,
    method,
    querystring: querystringOf({ query, variables, ...(operationName === undefined ? {} : { operationName }) }) + extra,
    request: { headers: { ...headers } },
    state: {},
    // What the app's own middlewares had set by the time GraphQL answered (a security header).
    response: { headers: { 'x-frame-options': 'SAMEORIGIN', 'set-cookie': 'koa.sess=1' } },
    get: (name: string) => headers[name] ?? '',
    // Koa's: one header, or several as an object.
    set: (name: string | Record<string, string>, value?: string) => (typeof name === 'string' ? (response[name] = value!) : Object.assign(response, name)),
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
    handed.push({ method: ctx.method, path: ctx.path, querystring: ctx.querystring, miss: takeMiss(ctx) });
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
  return { status: ctx.status as number, body, etag: ctx.etag as string | undefined, headers: response, method: ctx.method as string };
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

describe('each check before the cache is asked', () => {
  /** Sent twice: GraphQL answered both times, nothing was cached. */
  const expectLeft = async (request: Request) => {
    const before = graphqlRuns.mock.calls.length;
    await send(request);
    const again = await send(request);
    expect(graphqlRuns.mock.calls.length - before).toBe(2);
    expect(again.etag).toBeUndefined();
  };
  const expectCached = async (request: Request) => {
    await send(request);
    expect((await send(request)).headers['x-cache']).toBe('HIT');
  };
  const withDefault = 'query Offer($slug: String = "defaulted") { kinshipOffer(slug: $slug) { name } }';

  it('leaves a request with extensions (Apollo\'s persisted queries) to GraphQL', async () => {
    await expectLeft({ extra: '&extensions=%7B%7D' });
  });

  it.each(['query', 'variables', 'operationName'])('leaves a request with %s given twice to GraphQL', async (name) => {
    const value = name === 'query' ? OFFER_QUERY : name === 'variables' ? '{"slug":"example-borough"}' : 'Offer';
    await expectLeft({ operationName: 'Offer', extra: `&${name}=${encodeURIComponent(value)}` });
  });

  it.each(['[]', 'null', '3', '"defaulted"', 'not JSON'])('leaves variables %s (not an object) to GraphQL, even where the slug has a default', async (variables) => {
    await expectLeft({ query: withDefault, variables });
  });

  it('takes variables {} with the slug\'s default', async () => {
    await expectCached({ query: withDefault, variables: '{}' });
  });

  it('caches a request naming 10 offers, and leaves one naming 11 to GraphQL', async () => {
    const naming = (count: number) => `{ ${Array.from({ length: count }, (_, i) => `o${i}: kinshipOffer(slug: "offer-${i}") { name }`).join(' ')} }`;
    await expectCached({ query: naming(10) });
    await expectLeft({ query: naming(11) });
  });

  it('leaves a query where one offer\'s slug is not text to GraphQL, though another\'s is', async () => {
    const two = 'query ($a: String!, $b: String!) { a: kinshipOffer(slug: $a) { name } b: kinshipOffer(slug: $b) { name } }';
    await expectLeft({ query: two, variables: '{"a":"example-borough","b":3}' });
  });

  it('reads the slug among other arguments, whatever their order', async () => {
    const query = '{ kinshipOffer(locale: "en", slug: "written") { name } }';
    await send({ query });
    versions.written = 'changed';
    expect((await send({ query })).headers['x-cache']).toBe('MISS');
    versions.en = 'changed';
    expect((await send({ query })).headers['x-cache']).toBe('HIT');
  });

  it('caches a query string of 40,000 characters and leaves a longer one to GraphQL', async () => {
    const padded = (length: number) => {
      const base = querystringOf({ query: OFFER_QUERY, variables: '{"slug":"example-borough"}' });
      return { extra: `&pad=${'x'.repeat(length - base.length - 5)}` };
    };
    await expectCached(padded(40_000));
    await expectLeft(padded(40_001));
  });

  it('hands the miss to whoever answers it: the query, the variables read, the operation name', async () => {
    await send({ variables: '{"slug":"example-borough","locale":"cy"}', operationName: 'Offer' });
    expect(handed[0].miss).toEqual({ query: OFFER_QUERY, variables: { slug: 'example-borough', locale: 'cy' }, operationName: 'Offer' });
    await send({ query: '{ kinshipOffer(slug: "written") { name } }', variables: null });
    expect(handed[1].miss).toEqual({ query: '{ kinshipOffer(slug: "written") { name } }', variables: null, operationName: null });
    // Anything left to GraphQL carries no miss.
    await send({ method: 'POST' });
    expect(handed[2].miss).toBeUndefined();
  });

  it('answers HEAD as GET without the body: GraphQL is asked a GET, the answer kept for GETs', async () => {
    const head = await send({ method: 'HEAD' });
    expect(handed[0].method).toBe('GET');
    expect(head.method).toBe('HEAD');
    expect(head.headers['x-cache']).toBe('MISS');
    expect((await send()).headers['x-cache']).toBe('HIT');
    expect((await send({ method: 'HEAD' })).headers['x-cache']).toBe('HIT');
    expect(graphqlRuns).toHaveBeenCalledTimes(1);
  });

  it('leaves a request without a query to GraphQL (which says what is missing)', async () => {
    await expectLeft({ query: null });
  });

  it('leaves a GET a GET after a miss (Koa sends no body for HEAD)', async () => {
    expect((await send()).method).toBe('GET');
    expect(handed[0].method).toBe('GET');
  });

  it('leaves the request to GraphQL when the content version cannot be read', async () => {
    const db = fakeStrapi();
    db.provide('offer-view', { responses: memoryStore(500), contentVersion: async () => Promise.reject(new Error('the database is away')) });
    db.install();
    cache = offerResponseCache(db.strapi);
    const answer = await send();
    expect(graphqlRuns).toHaveBeenCalledTimes(1);
    expect(handed[0].miss).toBeUndefined();
    expect(answer.etag).toBeUndefined();
  });

  it('says in Server-Timing that Apollo answered a miss no one else did', async () => {
    const miss = await send();
    expect(miss.headers['server-timing']).toContain('graphql;desc=apollo');
  });

  it('says in Server-Timing that a miss was answered without Apollo when it was', async () => {
    let plain = false;
    const answerPlainly = cache;
    cache = (ctx, next) => answerPlainly(ctx, async () => {
      await next();
      if (plain) answeredWithoutApollo(ctx);
    });
    plain = true;
    const miss = await send();
    expect(miss.headers['server-timing']).toContain('graphql;desc=plain');
    plain = false;
    const another = await send({ variables: '{"slug":"another"}' });
    expect(another.headers['server-timing']).toContain('graphql;desc=apollo');
  });
});

describe('a response with addresses made from the request (no server.url set)', () => {
  it('is kept from shared caches, on the miss that built it and on every hit', async () => {
    const db = fakeStrapi();
    db.provide('offer-view', { responses: memoryStore(500), contentVersion: async () => version });
    db.install();
    db.strapi.log = { warn: () => {} };
    const answer = offerResponseCache(db.strapi);
    // kinshipOffer's publicUrl, resolved while GraphQL answers, makes an address from the request.
    cache = (ctx, next) => answer(ctx, async () => {
      await next();
      publicOrigin(db.strapi, ctx);
    });
    const miss = await send();
    const hit = await send();
    expect(hit.headers['x-cache']).toBe('HIT');
    for (const response of [miss, hit]) {
      expect(response.headers['cache-control']).toMatch(/^private\b/);
      expect(response.headers['cache-control']).not.toContain('s-maxage');
    }
  });
});

describe('a CORS preflight to the GraphQL endpoint', () => {
  const preflight = (extra: Partial<Request> = {}, headers: Record<string, string> = {}) =>
    send({ method: 'OPTIONS', headers: { origin: 'https://www.example.gov.uk', 'access-control-request-method': 'GET', 'access-control-request-headers': 'sentry-trace, baggage', ...headers }, ...extra });

  it('is answered here for the widget\'s kind of request: any origin, any header, no GraphQL run', async () => {
    const answer = await preflight();
    expect(answer.status).toBe(204);
    expect(answer.headers).toMatchObject({ 'access-control-allow-origin': '*', 'access-control-allow-headers': '*', 'access-control-allow-methods': 'GET, HEAD' });
    expect(graphqlRuns).not.toHaveBeenCalled();
  });

  it.each([
    ['another query', { query: '{ articles { title } }' }, {}],
    ['another path', { path: '/api/articles' }, {}],
    ['a request that will carry a token', {}, { 'access-control-request-headers': 'authorization, sentry-trace' }],
    ['a query string over 40,000 characters', { extra: `&padding=${'x'.repeat(40_000)}` }, {}],
  ])('is left to the app for %s', async (_what, extra, headers) => {
    const answer = await preflight(extra as Partial<Request>, headers);
    expect(answer.status).not.toBe(204);
    expect(answer.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('the GraphQL endpoint', () => {
  /** A cache for an app whose `plugin::graphql.endpoint` is `endpoint` (undefined: not set). */
  const cacheAt = (endpoint: string | undefined) => {
    const db = fakeStrapi();
    db.provide('offer-view', { responses: memoryStore(500), contentVersion: async () => version });
    db.install();
    db.strapi.config.get = (key: string) => (key === 'plugin::graphql.endpoint' ? endpoint : undefined);
    cache = offerResponseCache(db.strapi);
  };

  it('is /graphql when the app does not set it, as in @strapi/plugin-graphql', async () => {
    cacheAt(undefined);
    await send();
    expect((await send()).headers['x-cache']).toBe('HIT');
  });

  it('is the app\'s own when set: only requests to it are cached', async () => {
    cacheAt('/api/graphql');
    await send({ path: '/api/graphql' });
    expect((await send({ path: '/api/graphql' })).headers['x-cache']).toBe('HIT');
    await send();
    expect((await send()).headers['x-cache']).toBeUndefined();
    expect(graphqlRuns).toHaveBeenCalledTimes(3);
  });
});

describe('the offer\'s stable address (/api/kinship-offer/view/<slug>, which a host page preloads)', () => {
  const view = (path: string, extra = '', method = 'GET') => send({ path, query: null, variables: null, extra, method });

  it('is the widget\'s GraphQL GET: the same query and variables handed on, the same response cache', async () => {
    const first = await view('/api/kinship-offer/view/example-borough', 'locale=cy');
    expect(handed[0].miss).toEqual({ query: WIDGET_QUERY, variables: { slug: 'example-borough', locale: 'cy' }, operationName: null });
    expect(first.headers['x-cache']).toBe('MISS');
    const repeat = await view('/api/kinship-offer/view/example-borough', 'locale=cy');
    expect(repeat.headers['x-cache']).toBe('HIT');
    expect(repeat.body).toBe(first.body);
    expect(graphqlRuns).toHaveBeenCalledTimes(1);
    // Another offer's content changed: this one stays warm; its own changed: read again.
    versions.another = 'v2';
    expect((await view('/api/kinship-offer/view/example-borough', 'locale=cy')).headers['x-cache']).toBe('HIT');
    versions['example-borough'] = 'v2';
    expect((await view('/api/kinship-offer/view/example-borough', 'locale=cy')).headers['x-cache']).toBe('MISS');
  });

  it('reads an escaped slug, and without a locale asks for none', async () => {
    await view('/api/kinship-offer/view/a%20b');
    expect(handed[0].miss?.variables).toEqual({ slug: 'a b' });
  });

  it('leaves what is not that address, or not a read, to the app (its router answers 404 or 405)', async () => {
    for (const [path, method] of [
      ['/api/kinship-offer/view/', 'GET'],
      ['/api/kinship-offer/view/a/b', 'GET'],
      ['/api/kinship-offer/view/%E0%A4%A', 'GET'],
      ['/api/kinship-offer/view/example-borough', 'POST'],
      ['/api/kinship-offer/viewer/example-borough', 'GET'],
    ]) {
      await view(path, '', method);
      expect(handed.at(-1)!, `${method} ${path}`).toEqual({ method, path, querystring: '', miss: undefined });
    }
  });

  it("is under the app's own REST prefix, however it is written", async () => {
    const db = fakeStrapi();
    db.provide('offer-view', { responses: memoryStore(500), contentVersion: async () => version });
    const get = db.strapi.config.get;
    db.strapi.config.get = (key: string) => (key === 'api.rest.prefix' ? '/v1/' : get(key));
    db.install();
    cache = offerResponseCache(db.strapi);
    await view('/v1/kinship-offer/view/example-borough');
    expect(handed.at(-1)).toMatchObject({ path: '/graphql', miss: { variables: { slug: 'example-borough' } } });
    await view('/api/kinship-offer/view/example-borough');
    expect(handed.at(-1)).toMatchObject({ path: '/api/kinship-offer/view/example-borough', miss: undefined });
  });
});

describe('the widget\'s query named by its persisted document id (documentId=sha256:…)', () => {
  const byId = (id = OFFER_QUERY_ID, variables = '{"slug":"example-borough"}') => send({ query: null, variables, extra: `&documentId=${encodeURIComponent(id)}` });

  it('is the SHA-256 of the query\'s text, as GraphQL over HTTP defines it', () => {
    const id = `sha256:${createHash('sha256').update(WIDGET_QUERY, 'utf8').digest('hex')}`;
    expect(OFFER_QUERY_ID, 'OFFER_QUERY changed: set OFFER_QUERY_ID (plugin/shared/offer-query.ts) to this').toBe(id);
  });

  it('is the GraphQL GET of the query in every respect: GraphQL is handed the query, and both share one cache entry', async () => {
    const first = await byId();
    expect(handed[0].miss).toEqual({ query: WIDGET_QUERY, variables: { slug: 'example-borough' }, operationName: null });
    // The id is gone: GraphQL, which cannot read it, is handed the query alone.
    expect(new URLSearchParams(handed[0].querystring).has('documentId')).toBe(false);
    const asked = await send({ query: WIDGET_QUERY });
    expect(graphqlRuns).toHaveBeenCalledTimes(1);
    expect(asked.headers['x-cache']).toBe('HIT');
    expect(asked.etag).toBe(first.etag);
    expect((await byId(OFFER_QUERY_ID, '{"slug":"another"}')).body).toContain('another');
    version = 'v2';
    expect((await byId()).headers['x-cache']).toBe('MISS');
  });

  it('leaves any other id, and an id beside a query, as they came, for GraphQL to answer', async () => {
    const other = `sha256:${'0'.repeat(64)}`;
    for (const request of [() => byId(other), () => byId(OFFER_QUERY_ID.toUpperCase()), () => send({ extra: `&documentId=${encodeURIComponent(OFFER_QUERY_ID)}` })]) {
      await request();
      await request();
    }
    // The unknown ids reach GraphQL each time, carrying no query; the query beside the id is the one read.
    expect(graphqlRuns).toHaveBeenCalledTimes(5);
    expect(handed.slice(0, 4).map(({ miss }) => miss)).toEqual([undefined, undefined, undefined, undefined]);
    expect(handed[4].miss?.query).toBe(OFFER_QUERY);
  });

  it('is read on the GraphQL endpoint only: another address keeps its query string', async () => {
    const extra = `documentId=${encodeURIComponent(OFFER_QUERY_ID)}&variables=x`;
    await send({ path: '/api/kinship-offer/services', query: null, variables: null, extra });
    expect(handed.at(-1)).toMatchObject({ path: '/api/kinship-offer/services', querystring: extra, miss: undefined });
  });
});
