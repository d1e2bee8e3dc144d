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
let graphqlRuns: ReturnType<typeof vi.fn<(headers: Record<string, string>) => void>>;
let cache: ReturnType<typeof offerResponseCache>;
beforeEach(() => {
  const db = fakeStrapi();
  version = 'v1';
  db.provide('offer-view', { responses: memoryStore(500), contentVersion: async () => version });
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
 * One request through the cache to a stand-in for GraphQL, which answers with the slug and locale
 * it was asked for (or `answer`, when given): what the client received.
 */
async function send({ query = OFFER_QUERY, variables = '{"slug":"example-borough"}', operationName, headers = {}, method = 'GET', path = '/graphql' }: Request = {}, answer?: { status: number; body: string }) {
  const response: Record<string, string> = {};
  const ctx: any = {
    path,
    method,
    query: { query, variables, ...(operationName === undefined ? {} : { operationName }) },
    request: { headers: { ...headers } },
    get: (name: string) => headers[name] ?? '',
    set: (name: string, value: string) => (response[name] = value),
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
    const vars = typeof ctx.query.variables === 'string' ? JSON.parse(ctx.query.variables.replace(/}.*$/, '}')) : ctx.query.variables;
    ctx.status = 200;
    ctx.body = JSON.stringify({ data: { kinshipOffer: { name: `${vars?.slug} ${vars?.locale ?? ''} ${ctx.query.operationName ?? ''} ${ctx.query.query.length}` } } });
  });
  return { status: ctx.status as number, body: ctx.body as string | undefined, etag: ctx.etag as string | undefined, headers: response };
}

describe('the response cache key', () => {
  it('serves a repeat of the same request from memory', async () => {
    const first = await send();
    const repeat = await send();
    expect(graphqlRuns).toHaveBeenCalledTimes(1);
    expect(repeat).toEqual(first);
    expect(repeat.headers).toEqual({ 'content-type': 'application/json; charset=utf-8', 'cache-control': 'public, no-cache' });
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

  it('has the variables when the query string gave them as an object', async () => {
    await send({ variables: { slug: 'example-borough' } });
    expect((await send({ variables: { slug: 'another' } })).body).toContain('another');
    expect((await send({ variables: null })).body).toContain('undefined');
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
    ['a query that is not text', { query: ['{ kinshipOffer(slug: "x") { name } }'] }],
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
