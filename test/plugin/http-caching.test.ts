/**
 * What a browser and a CDN rely on: the widget's script and its one offer request are cacheable,
 * revalidate with ETags, and change as soon as the content does.
 */
import { get } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OFFER_QUERY } from '../../widget/src/api/offer-query';
import { startCms, type TestCms } from '../support/cms';
import { httpGet } from '../support/http';

let cms: TestCms;
beforeAll(async () => {
  cms = await startCms();
});
afterAll(async () => cms?.stop());

/** The widget's request, as the browser sends it. */
const offerRequest = (headers: Record<string, string> = {}) => {
  const url = new URL(`${cms.url}/graphql`);
  url.searchParams.set('query', OFFER_QUERY);
  url.searchParams.set('variables', JSON.stringify({ slug: 'example-borough' }));
  return fetch(url, { headers: { 'content-type': 'application/json', origin: 'https://www.example.gov.uk', ...headers } });
};

describe('the offer request', () => {
  it('is answered with an ETag, and a repeat view gets a 304 with no body', async () => {
    const first = await offerRequest();
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('public, no-cache');
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect((await first.json()).data.kinshipOffer.name).toBe('Example Borough Council');

    const url = new URL(`${cms.url}/graphql`);
    url.searchParams.set('query', OFFER_QUERY);
    url.searchParams.set('variables', JSON.stringify({ slug: 'example-borough' }));
    const repeat = await httpGet(url, { 'content-type': 'application/json', 'if-none-match': etag! });
    expect(repeat.status).toBe(304);
    expect(repeat.body).toBe('');
  });

  it('gets a new body and ETag as soon as an edit is published', async () => {
    const before = await offerRequest();
    const etag = before.headers.get('etag')!;
    const services = cms.strapi.documents('plugin::kinship-offer.service');
    const service = await services.findFirst({ filters: { title: 'Letterbox contact service' }, status: 'published' });
    await services.update({ documentId: service!.documentId, data: { title: 'Letterbox and video contact' } as any });
    await services.publish({ documentId: service!.documentId });

    const url = new URL(`${cms.url}/graphql`);
    url.searchParams.set('query', OFFER_QUERY);
    url.searchParams.set('variables', JSON.stringify({ slug: 'example-borough' }));
    const after = await httpGet(url, { 'content-type': 'application/json', 'if-none-match': etag });
    expect(after.status).toBe(200);
    expect(after.headers.etag).not.toBe(etag);
    expect(after.body).toContain('Letterbox and video contact');
  });

  it('answers any origin, without credentials', async () => {
    const response = await offerRequest();
    expect(response.headers.get('access-control-allow-origin')).toMatch(/^(\*|https:\/\/www\.example\.gov\.uk)$/);
  });

  it('is not cached for a request with credentials', async () => {
    const response = await offerRequest({ authorization: 'Bearer not-a-token' });
    expect(response.headers.get('etag')).toBeNull();
  });
});

/** A GET that leaves the body as it came, compressed or not. */
function httpGetBytes(url: string, headers: Record<string, string>) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
    get(url, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

describe('widget.js', () => {
  it('is served as JavaScript to any origin, cached for a day, with an ETag', async () => {
    const response = await fetch(`${cms.url}/api/kinship-offer/widget.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('cache-control')).toContain('max-age=86400');
    expect(await response.text()).toContain('customElements');

    // A repeat asks as the first did: each encoding has its own ETag.
    const first = await httpGet(`${cms.url}/api/kinship-offer/widget.js`, { 'accept-encoding': 'gzip' });
    const repeat = await httpGet(`${cms.url}/api/kinship-offer/widget.js`, { 'if-none-match': first.headers.etag as string, 'accept-encoding': 'gzip' });
    expect(repeat.status).toBe(304);
  });

  it('is sent compressed as the browser accepts (brotli, else gzip, else as it is), the same script each way', async () => {
    const url = `${cms.url}/api/kinship-offer/widget.js`;
    const plain = await httpGetBytes(url, { 'accept-encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    const cases: Array<[string, string | undefined, (body: Buffer) => Buffer]> = [
      ['gzip, deflate, br, zstd', 'br', brotliDecompressSync],
      ['gzip', 'gzip', gunzipSync],
      ['br;q=0.5, gzip;q=1', 'gzip', gunzipSync],
      ['', undefined, (body) => body],
    ];
    for (const [accept, encoding, decode] of cases) {
      const response = await httpGetBytes(url, { 'accept-encoding': accept });
      expect(response.headers['content-encoding']).toBe(encoding);
      expect(response.headers.vary).toMatch(/accept-encoding/i);
      expect(decode(response.body).equals(plain.body)).toBe(true);
      // Each encoding revalidates with its own ETag.
      const repeat = await httpGetBytes(url, { 'accept-encoding': accept, 'if-none-match': response.headers.etag as string });
      expect(repeat.status).toBe(304);
    }
    const br = await httpGetBytes(url, { 'accept-encoding': 'br' });
    expect(br.body.length).toBeLessThan(15 * 1024);
  });

  it('is immutable at its versioned address', async () => {
    const version = (await fetch(`${cms.url}/api/kinship-offer/widget.js`)).headers.get('x-kinship-offer-widget-version');
    const response = await fetch(`${cms.url}/api/kinship-offer/widget.js?v=${version}`);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });
});
