/**
 * A NUL (`%00`) in a route's address, which PostgreSQL refuses in any text it is asked to compare
 * ("invalid byte sequence for encoding UTF8: 0x00"): every plugin route that takes an id, a slug
 * or a query value answers a 4xx, never a 500, public or for editors. Run on PostgreSQL, where it
 * mattered; SQLite answers the same.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OFFER_QUERY_ID } from '../../plugin/shared/offer-query';
import { startCms, type TestCms } from '../support/cms';
import { editorToken } from '../support/editor';

let cms: TestCms;
let token: string;

beforeAll(async () => {
  cms = await startCms();
  token = await editorToken(cms);
}, 120_000);
afterAll(async () => cms?.stop());

const NUL = '%00';
const A = `a${NUL}b`;

describe('a NUL in the address', () => {
  it.each([
    ['GET', `/kinship-offer/proposals/${A}/accept`, 'POST'],
    ['POST', `/kinship-offer/proposals/${A}/decline`, 'POST'],
    ['GET', `/kinship-offer/proposals?service=${A}`, 'GET'],
    ['GET', `/kinship-offer/partner-links/${A}`, 'GET'],
    ['POST', `/kinship-offer/partner-links/${A}`, 'POST'],
    ['DELETE', `/kinship-offer/partner-links/${A}/${A}`, 'DELETE'],
    ['GET', `/kinship-offer/embed-choices/${A}`, 'GET'],
    ['GET', `/kinship-offer/compliance/${A}`, 'GET'],
    ['GET', `/kinship-offer/translations/${A}`, 'GET'],
    ['GET', `/kinship-offer/plain-english/${A}`, 'GET'],
    ['GET', `/kinship-offer/reviews/service/${A}`, 'GET'],
    ['POST', `/kinship-offer/reviews/service/${A}`, 'POST'],
    ['GET', `/kinship-offer/feedback?offer=${A}`, 'GET'],
    ['PUT', `/kinship-offer/feedback/${A}`, 'PUT'],
  ])('for editors, %s %s: a 4xx, never a 500', async (_label, path, method) => {
    const response = await fetch(`${cms.url}${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: method === 'GET' ? undefined : JSON.stringify({ data: { reason: 'x', actioned: true } }) });
    expect(response.status, await response.text()).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
  });

  it.each([
    `/api/kinship-offer/service-review/${A}/${A}`,
    `/api/kinship-offer/services/${A}`,
    `/api/kinship-offer/offers/${A}`,
    `/api/kinship-offer/offers/${A}/consultation-report`,
    `/api/kinship-offer/oruk/${A}`,
    `/api/kinship-offer/oruk/services/${A}`,
    `/api/kinship-offer/oruk/example-borough/services/${A}`,
    `/api/kinship-offer/oruk/taxonomy_terms/${A}`,
    `/api/kinship-offer/view/${A}`,
    `/api/kinship-offer/packs/${A}`,
    `/api/kinship-offer/oembed?url=${A}`,
    `/api/kinship-offer/link-card?url=${A}`,
    `/kinship-offer/${A}`,
    `/kinship-offer/example-borough/services/${A}`,
  ])('for anyone, GET %s: a 4xx, never a 500', async (path) => {
    const response = await fetch(`${cms.url}${path}`);
    expect(response.status, (await response.text()).slice(0, 300)).toBeLessThan(500);
  });
});

describe('a NUL in what the plugin stores or looks up from a body or a variable', () => {
  it("the offer's persisted id with a slug holding one: a 4xx or no offer, never a 500", async () => {
    const variables = encodeURIComponent(JSON.stringify({ slug: 'example\u0000borough' }));
    for (const headers of [{}, { 'content-type': 'application/json' }] as Array<Record<string, string>>) {
      const response = await fetch(`${cms.url}/graphql?documentId=${encodeURIComponent(OFFER_QUERY_ID)}&variables=${variables}`, { headers });
      const body = await response.text();
      expect(response.status, body.slice(0, 300)).toBeLessThan(500);
      if (response.status === 200) expect(JSON.parse(body).data.kinshipOffer).toBeNull();
    }
  });

  it("an editor's reason for declining a proposal: a 400 saying why", async () => {
    const response = await fetch(`${cms.url}/kinship-offer/proposals/00000000-0000-0000-0000-000000000000/decline`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ data: { reason: 'Closed\u0000down' } }),
    });
    expect(response.status).toBe(400);
  });
});
