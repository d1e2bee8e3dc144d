/**
 * What the offer response cache (plugin/server/src/offer-view/http-cache) must leave to GraphQL,
 * checked through HTTP against a real Strapi: each request below is sent twice by GET, and must be
 * answered as Apollo answers it by POST both times, never from the cache (no `X-Cache: HIT`), even
 * right after the widget's own request warmed the cache.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OFFER_QUERY } from '../../plugin/shared/offer-query';
import { startCms, type TestCms } from '../support/cms';

let cms: TestCms;
beforeAll(async () => {
  cms = await startCms();
});
afterAll(async () => cms?.stop());

/** Query-string parameters as a client writes them: each value as it is (not encoded as JSON here). */
type Params = Record<string, string>;

async function get(params: Params) {
  const response = await fetch(`${cms.url}/graphql?${new URLSearchParams(params)}`, { headers: { 'accept-encoding': 'identity', 'apollo-require-preflight': 'true' } });
  return { status: response.status, cache: response.headers.get('x-cache'), body: await response.text() };
}

/** The same request by POST (always Apollo's): the values that are JSON in a query string are JSON in the body. */
async function post(params: Params) {
  const body: Record<string, unknown> = { query: params.query };
  for (const name of ['variables', 'extensions'] as const) {
    if (params[name] === undefined) continue;
    try {
      body[name] = JSON.parse(params[name]);
    } catch {
      body[name] = params[name];
    }
  }
  if (params.operationName !== undefined) body.operationName = params.operationName;
  const response = await fetch(`${cms.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'accept-encoding': 'identity' }, body: JSON.stringify(body) });
  return { status: response.status, body: await response.text() };
}

const withoutStackTraces = (text: string) => JSON.parse(text, (key, value) => (key === 'stacktrace' ? undefined : value));

/** Sent twice by GET: Apollo's answer both times, from the cache neither time. */
async function expectLeftToGraphQL(params: Params, { sameAsPost = true } = {}) {
  const first = await get(params);
  const again = await get(params);
  expect(first.cache).not.toBe('HIT');
  expect(again.cache).not.toBe('HIT');
  if (sameAsPost) {
    const apollo = await post(params);
    expect(again.status).toBe(apollo.status);
    expect(withoutStackTraces(again.body)).toEqual(withoutStackTraces(apollo.body));
  }
  return again;
}

const WIDGET = { query: OFFER_QUERY, variables: JSON.stringify({ slug: 'example-borough' }) };
const NAME = '{ kinshipOffer(slug: "example-borough") { name } }';

describe('the cache itself (the baseline the refusals are measured against)', () => {
  it('serves the widget\'s request again from memory', async () => {
    await get(WIDGET);
    expect((await get(WIDGET)).cache).toBe('HIT');
    await get({ query: NAME });
    expect((await get({ query: NAME })).cache).toBe('HIT');
  });
});

describe('requests the offer cache leaves to GraphQL', () => {
  it.each<[string, Params]>([
    ['another root field beside kinshipOffer', { query: '{ kinshipOffer(slug: "example-borough") { name } kinshipOfferServices { title } }' }],
    ['__typename beside kinshipOffer', { query: '{ kinshipOffer(slug: "example-borough") { name } __typename }' }],
    ['another root field through an inline fragment', { query: '{ kinshipOffer(slug: "example-borough") { name } ... on Query { kinshipOfferServices { title } } }' }],
    ['two operations, one chosen by name', { query: `query One ${NAME} query Two { kinshipOffer(slug: "example-shared-service") { name } }`, operationName: 'One' }],
    ['a mutation', { query: `mutation ${NAME}` }],
    ['extensions (a persisted query Apollo cannot find)', { ...WIDGET, extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash: '0'.repeat(64) } }) }],
    ['a slug that is not a string', { query: OFFER_QUERY, variables: '{"slug":3}' }],
    ['an unknown field (a 400)', { query: '{ kinshipOffer(slug: "example-borough") { name notAField } }' }],
    ['a missing variable (a 400)', { query: OFFER_QUERY, variables: '{}' }],
  ])('%s', async (_label, params) => {
    await expectLeftToGraphQL(params);
  });

  // Apollo refuses these by GET (and words it otherwise, or takes them, by POST).
  it.each<[string, Params]>([
    ['a subscription', { query: `subscription ${NAME}` }],
    ['variables that are a list', { query: OFFER_QUERY, variables: '["example-borough"]' }],
    ['variables that are null', { query: OFFER_QUERY, variables: 'null' }],
    ['variables that are a string', { query: OFFER_QUERY, variables: '"example-borough"' }],
    ['variables that are a number', { query: OFFER_QUERY, variables: '3' }],
    ['variables that are not JSON', { query: OFFER_QUERY, variables: '{"slug":' }],
  ])('%s, refused by GraphQL', async (_label, params) => {
    const answer = await expectLeftToGraphQL(params, { sameAsPost: false });
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.status).toBeLessThan(500);
    expect(answer.body).not.toContain('Example Borough Council');
  });

  it('a query given twice', async () => {
    const url = `${cms.url}/graphql?query=${encodeURIComponent(NAME)}&query=${encodeURIComponent(NAME)}`;
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const response = await fetch(url, { headers: { 'apollo-require-preflight': 'true' } });
      expect(response.headers.get('x-cache')).not.toBe('HIT');
    }
  });

  it('a query of 10,000 characters is cached; of 10,001, left to GraphQL (and answered the same)', async () => {
    const padded = (length: number) => ({ ...WIDGET, query: OFFER_QUERY.padEnd(length, ' ') });
    await get(padded(10_000));
    const cached = await get(padded(10_000));
    expect(cached.cache).toBe('HIT');
    const longer = await expectLeftToGraphQL(padded(10_001));
    expect(longer.status).toBe(200);
    expect(JSON.parse(longer.body)).toEqual(JSON.parse(cached.body));
  });
});
