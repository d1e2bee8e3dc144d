/**
 * Cross-origin access, set deliberately: the public endpoints answer any origin, and nothing
 * answers any origin with Access-Control-Allow-Credentials (the demo app's CORS settings; Strapi's
 * default would send it to every origin).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCms, type TestCms } from '../support/cms';

const ELSEWHERE = 'https://www.family-hub.example.org';
let cms: TestCms;
beforeAll(async () => {
  cms = await startCms();
});
afterAll(async () => cms?.stop());

const preflight = (path: string, method = 'GET', headers = 'content-type') =>
  fetch(`${cms.url}${path}`, {
    method: 'OPTIONS',
    headers: { origin: ELSEWHERE, 'access-control-request-method': method, 'access-control-request-headers': headers },
  });

describe('CORS', () => {
  it.each(['/graphql', '/api/kinship-offer/offers', '/api/kinship-offer/widget.js'])('%s answers another origin, without credentials', async (path) => {
    const response = await fetch(`${cms.url}${path}`, { headers: { origin: ELSEWHERE } });
    expect(['*', ELSEWHERE]).toContain(response.headers.get('access-control-allow-origin'));
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it.each(['/graphql', '/api/kinship-offer/offers', '/admin/users/me', '/content-manager/collection-types/plugin::kinship-offer.offer'])(
    'a preflight for %s never allows credentials',
    async (path) => {
      const response = await preflight(path, 'POST', 'content-type,authorization');
      expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    },
  );

  it('lets the widget\'s request through without a preflight: a simple GET with no custom header', async () => {
    const url = new URL(`${cms.url}/graphql`);
    url.searchParams.set('query', '{ kinshipOffer(slug: "example-borough") { name } }');
    const response = await fetch(url, { headers: { origin: ELSEWHERE } });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { kinshipOffer: { name: 'Example Borough Council' } } });
  });

  it('still refuses other simple GETs to GraphQL (Apollo\'s CSRF protection)', async () => {
    const url = new URL(`${cms.url}/graphql`);
    url.searchParams.set('query', '{ kinshipOfferOffers { name } }');
    const response = await fetch(url, { headers: { origin: ELSEWHERE } });
    expect(response.status).toBe(400);
  });
});
