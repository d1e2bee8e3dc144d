/**
 * A forged Host or X-Forwarded-Host through the real cache in front (nginx with the committed
 * example configuration, examples/nginx/kinship-offer.conf, whose cache key is the URL): in an app
 * without `server.url`, what one client forges never reaches what the cache gives other clients;
 * with it, headers never make an address and the feed is cached for everyone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCms, type TestCms } from '../support/cms';
import { httpGet } from '../support/http';
import { ensureNginx, startNginx, type Nginx } from '../support/nginx';

const missing = ensureNginx();
const FORGED = 'attacker.example';
/**
 * Every kind of public response that names an address of ours, with the address an honest reader
 * must see: the feed (root, OpenAPI servers, terms' URIs), the public pages and their sitemap, and
 * GraphQL's publicUrl by the widget's cached GET.
 */
const PUBLIC_URL_QUERY = `/graphql?query=${encodeURIComponent('{ kinshipOffer(slug: "example-borough") { publicUrl } }')}`;
const PATHS: Array<[string, string]> = [
  ['/api/kinship-offer/oruk', 'http://127.0.0.1/api/kinship-offer/oruk'],
  ['/api/kinship-offer/oruk/openapi.json', 'http://127.0.0.1/api/kinship-offer/oruk'],
  ['/api/kinship-offer/oruk/taxonomy_terms', 'http://127.0.0.1/api/kinship-offer/oruk'],
  ['/api/kinship-offer/oruk/example-borough/taxonomies', 'http://127.0.0.1/api/kinship-offer/oruk'],
  ['/kinship-offer/example-borough', 'http://127.0.0.1/kinship-offer/example-borough'],
  ['/kinship-offer/sitemap.xml', 'http://127.0.0.1/kinship-offer/example-borough'],
  [PUBLIC_URL_QUERY, 'http://127.0.0.1/kinship-offer/example-borough'],
];

let cms: TestCms;
let nginx: Nginx;

beforeAll(async () => {
  if (missing) return;
  cms = await startCms();
  nginx = await startNginx({ upstreams: [cms.url] });
});
afterAll(async () => {
  await nginx?.stop();
  await cms?.stop();
});

const through = (path: string, headers: Record<string, string> = {}) => httpGet(`${nginx.url}${path}`, headers);

describe.skipIf(missing)('a forged host, through nginx keyed on the URL', () => {
  it.each([
    ['Host', { host: FORGED }, false],
    ['X-Forwarded-Host, behind a proxy the app believes', { 'x-forwarded-host': FORGED }, true],
  ])('%s never reaches another client in an app without server.url', async (_name, forged, proxied) => {
    cms.strapi.server.app.proxy = proxied;
    try {
      for (const [path, honestAddress] of PATHS) {
        const query = `${path}${path.includes('?') ? '&' : '?'}run=${proxied ? 'proxied' : 'host'}`;
        // The widget's GET carries the header that lets a cached GraphQL GET through Apollo's CSRF guard.
        const asked = path.startsWith('/graphql') ? { ...forged, 'content-type': 'application/json' } : forged;
        const poisoned = await through(query, asked);
        expect(poisoned.status, nginx.errors()).toBe(200);
        // The forger gets what it asked for, and only it.
        expect(poisoned.body).toContain(FORGED);
        for (let reader = 0; reader < 2; reader += 1) {
          const honest = await through(query, path.startsWith('/graphql') ? { 'content-type': 'application/json' } : {});
          expect(honest.status).toBe(200);
          expect(honest.body, `${path}: ${honest.headers['x-cache-status']}`).not.toContain(FORGED);
          // nginx passes its own $host (the name without the port) on: the honest address.
          expect(honest.body).toContain(honestAddress);
        }
        expect(poisoned.headers['cache-control']).toMatch(/^private\b/);
        expect(poisoned.headers['cache-control']).not.toMatch(/public|s-maxage/);
      }
    } finally {
      cms.strapi.server.app.proxy = false;
    }
  });

  it('with server.url set, headers make no address and the feed is cached for everyone', async () => {
    const config = cms.strapi.config;
    const before = config.get('server.url');
    config.set('server.url', 'https://kinship.example.gov.uk');
    try {
      const path = '/api/kinship-offer/oruk/taxonomy_terms?run=configured';
      const forged = await through(path, { host: FORGED, 'x-forwarded-host': FORGED });
      expect(forged.body).not.toContain(FORGED);
      expect(forged.body).toContain('https://kinship.example.gov.uk/api/kinship-offer/oruk/taxonomy_terms/');
      expect(forged.headers['cache-control']).toMatch(/^public, max-age=0, must-revalidate, s-maxage=\d+/);
      const honest = await through(path);
      expect(honest.headers['x-cache-status']).toBe('HIT');
      expect(honest.body).toBe(forged.body);
    } finally {
      config.set('server.url', before);
    }
  });
});
