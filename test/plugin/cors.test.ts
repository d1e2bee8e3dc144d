/**
 * Cross-origin access, set deliberately: the public endpoints answer any origin, and nothing
 * answers any origin with Access-Control-Allow-Credentials (the demo app's CORS settings; Strapi's
 * default would send it to every origin).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOfferRequest } from '../../widget/src/api/client';
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

  /** What tracing agents (Sentry, New Relic, Datadog, OpenTelemetry) add to a page's requests to its own domains. */
  const TRACING = 'sentry-trace,baggage,traceparent,tracestate,x-datadog-origin';
  const offerGet = () => buildOfferRequest(new URL(`${cms.url}/graphql`), 'example-borough').url.slice(cms.url.length);

  it.each([
    ['the offer', () => offerGet(), 'GET'],
    ['feedback', () => '/api/kinship-offer/feedback', 'POST'],
    ['reach', () => '/api/kinship-offer/reach', 'POST'],
    ['widget.js', () => '/api/kinship-offer/widget.js', 'GET'],
    ['the Open Referral feed', () => '/api/kinship-offer/oruk/example-borough/services', 'GET'],
  ])('a preflight for %s with the headers a host page\'s tracing agent adds is allowed, for any origin, without credentials', async (_, path, method) => {
    const response = await preflight(path(), method, `content-type,${TRACING}`);
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-headers')).toBe('*');
    expect(response.headers.get('access-control-allow-methods')).toContain(method);
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('the offer with a tracing agent\'s headers is the same cached response as without: never kept per header', async () => {
    const url = `${cms.url}${offerGet()}`;
    await fetch(url, { headers: { origin: ELSEWHERE } });
    const traced = await fetch(url, { headers: { origin: ELSEWHERE, 'sentry-trace': '0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-1', baggage: 'sentry-environment=production', traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01' } });
    expect(traced.status).toBe(200);
    expect(traced.headers.get('x-cache')).toBe('HIT');
    expect(traced.headers.get('vary')).toBe('Accept-Encoding');
  });

  it('leaves other preflights to the app: another GraphQL query, a request with a token, the content API', async () => {
    const other = new URL(`${cms.url}/graphql`);
    other.searchParams.set('query', '{ kinshipOfferOffers { name } }');
    for (const [path, headers] of [[other.href.slice(cms.url.length), TRACING], [offerGet(), 'authorization'], ['/api/kinship-offer/offers', TRACING]]) {
      const response = await preflight(path, 'GET', headers);
      expect(response.headers.get('access-control-allow-headers')).not.toBe('*');
    }
  });

  it('still refuses other simple GETs to GraphQL (Apollo\'s CSRF protection)', async () => {
    const url = new URL(`${cms.url}/graphql`);
    url.searchParams.set('query', '{ kinshipOfferOffers { name } }');
    const response = await fetch(url, { headers: { origin: ELSEWHERE } });
    expect(response.status).toBe(400);
  });
});
