/**
 * What a browser, a CDN and an operator rely on: the widget's script, its one offer request and the
 * Open Referral feed are cacheable by shared caches (s-maxage, stale-while-revalidate,
 * stale-if-error), revalidate with an ETag per encoding, are compressed as the client accepts, say
 * whether they were a cache hit, and change as soon as the content does: per offer, so an edit to
 * one council's offer leaves every other offer's response warm, on one instance or several.
 */
import { get } from 'node:http';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OFFER_QUERY, OFFER_QUERY_ID } from '../../plugin/shared/offer-query';
import { VERSION_TTL_MS } from '../../plugin/server/src/offer-view/content-version';
import { insertFictionalOffers, SHARED_CHARITY } from '../bench/fictional-offers';
import { startCms, type TestCms } from '../support/cms';
import { httpGet } from '../support/http';

let cms: TestCms;
/** Two fictional councils' offers of three services each, sharing one national charity (as independent advice). */
let A: string;
let B: string;
beforeAll(async () => {
  cms = await startCms();
  [A, B] = await insertFictionalOffers(cms.strapi, { offers: 2, services: 3 });
});

const CONTRACT = 'public, max-age=0, must-revalidate, s-maxage=30, stale-while-revalidate=30, stale-if-error=86400';
afterAll(async () => cms?.stop());

/** The widget's request, as the browser sends it. */
const offerRequest = (headers: Record<string, string> = {}) => {
  const url = new URL(`${cms.url}/graphql`);
  url.searchParams.set('query', OFFER_QUERY);
  url.searchParams.set('variables', JSON.stringify({ slug: 'example-borough' }));
  return fetch(url, { headers: { 'content-type': 'application/json', origin: 'https://www.example.gov.uk', ...headers } });
};

describe('the offer\'s stable address, which a host page preloads (/api/kinship-offer/view/<slug>)', () => {
  const view = (path: string) => fetch(`${cms.url}/api/kinship-offer/view/${path}`, { headers: { origin: 'https://www.example.gov.uk' } });
  const graphqlGet = (variables: object) => {
    const url = new URL(`${cms.url}/graphql`);
    url.searchParams.set('query', OFFER_QUERY);
    url.searchParams.set('variables', JSON.stringify(variables));
    return fetch(url, { headers: { origin: 'https://www.example.gov.uk' } });
  };

  it('answers what the widget\'s GraphQL GET answers, in each language, cached and open to any origin as it is', async () => {
    for (const [path, variables] of [
      ['example-borough', { slug: 'example-borough' }],
      ['example-borough?locale=cy', { slug: 'example-borough', locale: 'cy' }],
      ['no-such-council', { slug: 'no-such-council' }],
    ] as const) {
      const [aliased, asked] = [await view(path), await graphqlGet(variables)];
      expect(aliased.status, path).toBe(200);
      expect(await aliased.json(), path).toEqual(await asked.json());
      expect(aliased.headers.get('cache-control')).toBe(CONTRACT);
      expect(aliased.headers.get('access-control-allow-origin')).toBe('*');
    }
    expect((await view('example-borough')).headers.get('x-cache')).toBe('HIT');
  });

  it('shows what is published only, and an edit as soon as it is', async () => {
    const services = cms.strapi.documents('plugin::kinship-offer.service');
    const service = await services.findFirst({ filters: { title: 'Kinship carers\' support group' }, status: 'published' });
    await services.update({ documentId: service!.documentId, data: { title: 'Draft: carers\' group' } as any });
    expect(await (await view('example-borough')).text()).not.toContain('Draft: carers');
    await services.publish({ documentId: service!.documentId });
    const after = await view('example-borough');
    expect(after.headers.get('x-cache')).toBe('MISS');
    expect(await after.text()).toContain('Draft: carers');
  });

  it('is no other address, and only read: a deeper path is not found, a write not allowed', async () => {
    expect((await view('example-borough/services')).status).toBe(404);
    expect([404, 405]).toContain((await fetch(`${cms.url}/api/kinship-offer/view/example-borough`, { method: 'POST' })).status);
  });
});

describe('the widget\'s GraphQL GET, which names the query by its persisted document id (an endpoint attribute)', () => {
  const byId = (documentId: string, variables: object) => {
    const url = new URL(`${cms.url}/graphql`);
    url.searchParams.set('documentId', documentId);
    url.searchParams.set('variables', JSON.stringify(variables));
    return fetch(url, { headers: { origin: 'https://www.example.gov.uk' } });
  };

  it('answers what the GraphQL GET of the query answers, from the same cache entry, open to any origin', async () => {
    for (const variables of [{ slug: 'example-borough', locale: 'cy' }, { slug: 'no-such-council' }]) {
      const url = new URL(`${cms.url}/graphql`);
      url.searchParams.set('query', OFFER_QUERY);
      url.searchParams.set('variables', JSON.stringify(variables));
      const asked = await fetch(url, { headers: { origin: 'https://www.example.gov.uk' } });
      const named = await byId(OFFER_QUERY_ID, variables);
      expect(named.status).toBe(200);
      expect(await named.json()).toEqual(await asked.json());
      expect(named.headers.get('x-cache')).toBe('HIT');
      expect(named.headers.get('etag')).toBe(asked.headers.get('etag'));
      expect(named.headers.get('access-control-allow-origin')).toBe('*');
    }
  });

  it('leaves any other document id to GraphQL, which reads no offer from it', async () => {
    const other = await byId(`sha256:${'0'.repeat(64)}`, { slug: 'example-borough' });
    expect(other.status).toBeGreaterThanOrEqual(400);
    expect(other.status).toBeLessThan(500);
    expect(await other.text()).not.toContain('Kinship Support Team');
  });
});

describe('the offer request', () => {
  it('is answered with an ETag, and a repeat view gets a 304 with no body', async () => {
    const first = await offerRequest();
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe(CONTRACT);
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect((await first.json()).data.kinshipOffer.name).toBe('Example Borough Council');

    const url = new URL(`${cms.url}/graphql`);
    url.searchParams.set('query', OFFER_QUERY);
    url.searchParams.set('variables', JSON.stringify({ slug: 'example-borough' }));
    // The browser asks again as it did the first time, for the encoding it was sent.
    const encoding = first.headers.get('content-encoding') ?? 'identity';
    const repeat = await httpGet(url, { 'content-type': 'application/json', 'accept-encoding': encoding, 'if-none-match': etag! });
    expect(repeat.status).toBe(304);
    expect(repeat.body).toBe('');
  });

  it('gets a new body and ETag as soon as an edit is published', async () => {
    const before = await offerRequest({ 'accept-encoding': 'identity' });
    const etag = before.headers.get('etag')!;
    const services = cms.strapi.documents('plugin::kinship-offer.service');
    const service = await services.findFirst({ filters: { title: 'Letterbox contact service' }, status: 'published' });
    await services.update({ documentId: service!.documentId, data: { title: 'Letterbox and video contact' } as any });
    await services.publish({ documentId: service!.documentId });

    const url = new URL(`${cms.url}/graphql`);
    url.searchParams.set('query', OFFER_QUERY);
    url.searchParams.set('variables', JSON.stringify({ slug: 'example-borough' }));
    const after = await httpGet(url, { 'content-type': 'application/json', 'accept-encoding': 'identity', 'if-none-match': etag });
    expect(after.status).toBe(200);
    expect(after.headers.etag).not.toBe(etag);
    expect(after.body).toContain('Letterbox and video contact');
  });

  it('answers any origin with one copy a shared cache can keep for every host site', async () => {
    for (const origin of ['https://www.example.gov.uk', 'https://www.family-hub.example.org']) {
      for (let view = 0; view < 2; view += 1) {
        const response = await offerRequest({ origin });
        expect(response.headers.get('access-control-allow-origin')).toBe('*');
        expect(response.headers.get('access-control-allow-credentials')).toBeNull();
        // No Vary: Origin (Strapi's CORS adds it), which would make a CDN keep one copy per host site.
        expect(response.headers.get('vary')).toBe('Accept-Encoding');
      }
    }
  });

  it('leaves other routes\' CORS answer as the app sets it', async () => {
    const response = await fetch(`${cms.url}/api/kinship-offer/offers`, { headers: { origin: 'https://www.example.gov.uk' } });
    expect(response.headers.get('vary')).toMatch(/origin/i);
  });

  it('says whether it was built for this request (MISS) or before it (HIT), in X-Cache and Server-Timing', async () => {
    await setSupportTypeLabel('Legal advice and support');
    const miss = await offerRequest();
    expect(miss.headers.get('x-cache')).toBe('MISS');
    expect(miss.headers.get('server-timing')).toMatch(/^cache;desc=MISS, app;dur=\d+(\.\d)?, graphql;desc=plain$/);
    const hit = await offerRequest();
    expect(hit.headers.get('x-cache')).toBe('HIT');
    expect(hit.headers.get('server-timing')).toMatch(/^cache;desc=HIT, app;dur=\d+(\.\d)?$/);
    expect(await hit.text()).toBe(await miss.text());
    // A hit is answered ahead of the app's middlewares, with the headers they set on the miss.
    const perResponse = new Set(['date', 'x-cache', 'server-timing', 'content-length', 'connection', 'keep-alive', 'transfer-encoding']);
    const kept = (response: Response) => [...response.headers].filter(([name]) => !perResponse.has(name)).sort();
    expect(kept(hit)).toEqual(kept(miss));
    expect(hit.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('answers HEAD (link checkers, uptime monitors, CDNs that pass it on) with a GET\'s headers and no body, on a miss and on a hit', async () => {
    await setSupportTypeLabel('Legal advice and support (HEAD)');
    const url = new URL(`${cms.url}/graphql`);
    url.searchParams.set('query', OFFER_QUERY);
    url.searchParams.set('variables', JSON.stringify({ slug: 'example-borough' }));
    for (const cache of ['MISS', 'HIT']) {
      const head = await fetch(url, { method: 'HEAD', headers: { 'accept-encoding': 'br' } });
      expect(head.status, cache).toBe(200);
      expect(head.headers.get('x-cache')).toBe(cache);
      expect(head.headers.get('cache-control')).toBe(CONTRACT);
      expect(await head.text()).toBe('');
      const get = await offerRequest({ 'accept-encoding': 'br' });
      expect(head.headers.get('etag')).toBe(get.headers.get('etag'));
    }
    for (const path of ['', `/${A}/services`]) {
      const head = await fetch(`${cms.url}/api/kinship-offer/oruk${path}`, { method: 'HEAD' });
      expect(head.status, path).toBe(200);
      expect(head.headers.get('etag')).toMatch(/^"/);
    }
  });

  it('is not cached for a request with credentials', async () => {
    const response = await offerRequest({ authorization: 'Bearer not-a-token' });
    expect(response.headers.get('etag')).toBeNull();
  });

  it.each([
    // Of ~10,000 characters of short tokens; its parsed document was 2.4 MB.
    ['query', (i: number) => ({ query: `{ kinshipOffer(slug: "long-${i}") { ${'a '.repeat(4900)} } }` }), 400],
    // Nested 2,500 deep, as much as a URL holds: parsed, 160 KB.
    ['variables', (i: number) => ({ query: '{ kinshipOffer(slug: "example-borough") { name } }', variables: `{"x${i}":${'['.repeat(2500)}${']'.repeat(2500)}}` }), 200],
  ] as const)('holds little memory for each distinct request it has read, however long its %s', async (_name, request, status) => {
    // Each request new, as anyone may send them: the cache remembers what each asks for (its key
    // and slugs) and must keep little more.
    const heapAfterCollecting = () => {
      setFlagsFromString('--expose-gc');
      (runInNewContext('gc') as () => void)();
      return process.memoryUsage().heapUsed;
    };
    const send = async (from: number, count: number) => {
      for (let i = from; i < from + count; i++) {
        const url = new URL(`${cms.url}/graphql`);
        for (const [name, value] of Object.entries(request(i))) url.searchParams.set(name, value);
        expect((await fetch(url, { headers: { 'accept-encoding': 'identity' } })).status).toBe(status);
      }
    };
    await send(0, 20);
    const before = heapAfterCollecting();
    await send(20, 100);
    const grown = heapAfterCollecting() - before;
    // About 40 KB for a long query (its text, as the key of two memos), 20 KB for long variables.
    expect(grown / 100).toBeLessThan(100_000);
  });

  it('costs the database no more than Apollo\'s refusal when it names hundreds of offers', async () => {
    // Past the request limits (30 aliases): refused before anything runs. Slugs no one asked for
    // before, so no content version is in hand.
    const manyOffers = (prefix: string) => `{ ${Array.from({ length: 200 }, (_, i) => `o${i}: kinshipOffer(slug: "${prefix}-${i}") { name }`).join(' ')} }`;
    /** Queries the database is asked about the offers named (others may run meanwhile: the seed's, reach's). */
    const queriesAbout = async (prefix: string, request: () => Promise<Response>) => {
      let queries = 0;
      const count = (query: { bindings?: unknown[] }) => {
        if (query.bindings?.some((value) => typeof value === 'string' && value.startsWith(`${prefix}-`))) queries += 1;
      };
      cms.strapi.db.connection.on('query', count);
      const response = await request();
      cms.strapi.db.connection.off('query', count);
      expect(response.status).toBe(400);
      expect((await response.json()).errors[0].message).toMatch(/at most 30 aliases/);
      return queries;
    };
    const url = new URL(`${cms.url}/graphql`);
    url.searchParams.set('query', manyOffers('get'));
    const byGet = await queriesAbout('get', () => fetch(url, { headers: { 'content-type': 'application/json' } }));
    const byPost = await queriesAbout('post', () =>
      fetch(`${cms.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: manyOffers('post') }) }),
    );
    expect(byPost).toBe(0);
    expect(byGet).toBe(byPost);
  });
});

/** A GET that leaves the body as it came, compressed or not. */
function httpGetBytes(url: string, headers: Record<string, string>) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
    // A connection of its own: a kept-alive one can be closed by the server (its 5 s idle limit)
    // just as a read after a long setup reuses it, and the read fails with ECONNRESET.
    get(url, { headers, agent: false }, (response) => {
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
    // 15 KiB: the classic-script build, the language switcher and pack loader and the finder shared
    // with the pages took it past that, until the services' details moved out (service-details.js).
    expect(br.body.length).toBeLessThan(15 * 1024);
  });

  it('is immutable at its versioned address', async () => {
    const version = (await fetch(`${cms.url}/api/kinship-offer/widget.js`)).headers.get('x-kinship-offer-widget-version');
    const response = await fetch(`${cms.url}/api/kinship-offer/widget.js?v=${version}`);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });
});

/**
 * What the CMS serves beside widget.js, as the element fetches it: `url` answered as `contentType`
 * to any origin (a module import and a pack's fetch are CORS requests), compressed as the browser
 * accepts, cached as widget.js is, and versioned with it (one version names the script and all
 * beside it: a `?v=` address is immutable). Returns the plain body.
 */
async function expectServedBesideTheScript(url: string, contentType: string) {
  const plain = await httpGetBytes(url, { 'accept-encoding': 'identity' });
  expect(plain.status).toBe(200);
  expect(plain.headers['content-type']).toBe(contentType);
  expect(plain.headers['access-control-allow-origin']).toBe('*');
  expect(plain.headers['cache-control']).toContain('max-age=86400');
  const br = await httpGetBytes(url, { 'accept-encoding': 'br' });
  expect(br.headers['content-encoding']).toBe('br');
  expect(brotliDecompressSync(br.body).equals(plain.body)).toBe(true);
  expect((await httpGetBytes(url, { 'accept-encoding': 'br', 'if-none-match': br.headers.etag as string })).status).toBe(304);
  const version = plain.headers['x-kinship-offer-widget-version'];
  expect((await fetch(`${cms.url}/api/kinship-offer/widget.js`)).headers.get('x-kinship-offer-widget-version')).toBe(version);
  expect((await fetch(`${url}?v=${version}`)).headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  return plain.body.toString();
}

describe('service-details.js beside widget.js, which the element imports once an offer is shown', () => {
  it('is served as JavaScript to any origin, compressed, cached and versioned as widget.js is', async () => {
    const script = await expectServedBesideTheScript(`${cms.url}/api/kinship-offer/service-details.js`, 'text/javascript; charset=utf-8');
    expect(script).toContain('renderServiceDetails');
    // It brings no Lit of its own: it uses the one widget.js carries (widget/src/render/template-results.ts).
    expect(script).not.toContain('litHtmlVersions');
  });
});

describe('the language packs beside widget.js', () => {
  it('serves each as JSON to any origin, compressed as the browser accepts, cached and versioned as widget.js is', async () => {
    const pack = JSON.parse(await expectServedBesideTheScript(`${cms.url}/api/kinship-offer/packs/cy.json`, 'application/json; charset=utf-8'));
    expect(pack.strings).toMatchObject({ lang: 'cy', retry: 'Rhowch gynnig arall arni' });
    // The pages' own words are the server's: a reader of the element never downloads them.
    expect(pack.pages).toBeUndefined();
  });

  it.each(['fr.json', 'en.json', '..%2Fkinship-offer.js', 'cy', 'CY.json'])('answers 404 for %s, naming the languages it has', async (file) => {
    const response = await fetch(`${cms.url}/api/kinship-offer/packs/${file}`);
    expect(response.status).toBe(404);
    expect(await response.text()).toBe('There are words for these languages besides English: ar, bn, cy, es, gu, it, pa, pl, pt, ro, ur');
  });
});

/** The widget's request for the offer `slug`, as bytes on the wire, with X-Cache, and its body decoded. */
async function read(slug: string, headers: Record<string, string> = { 'accept-encoding': 'br' }) {
  const url = new URL(`${cms.url}/graphql`);
  url.searchParams.set('query', OFFER_QUERY);
  url.searchParams.set('variables', JSON.stringify({ slug }));
  return decoded(await httpGetBytes(url.toString(), headers));
}

/** An Open Referral feed path (under /api/kinship-offer/oruk), as `read` does. */
async function readFeed(path: string, headers: Record<string, string> = { 'accept-encoding': 'br' }) {
  return decoded(await httpGetBytes(`${cms.url}/api/kinship-offer/oruk${path}`, headers));
}

function decoded(response: Awaited<ReturnType<typeof httpGetBytes>>) {
  const encoding = response.headers['content-encoding'];
  const compressed = response.body.length > 0 && encoding;
  const body = compressed === 'br' ? brotliDecompressSync(response.body) : compressed === 'gzip' ? gunzipSync(response.body) : response.body;
  return { ...response, cache: response.headers['x-cache'], text: body.toString('utf8'), wire: response.body.length };
}

const documents = (name: string): any => cms.strapi.documents(`plugin::kinship-offer.${name}` as any);

/** The first published service of the offer `slug`, with its venues and contacts. */
async function serviceOf(slug: string) {
  const offer = await documents('offer').findFirst({ filters: { slug }, status: 'published', populate: { services: { populate: ['locations', 'contacts'] } } });
  return offer!.services[0] as { documentId: string; title: string; locations: Array<{ documentId: string; id: number; name: string }>; contacts: Array<{ documentId: string; name: string }> };
}

async function setSupportTypeLabel(label: string) {
  const legal = await documents('support-type').findFirst({ filters: { code: 'legal_support' } });
  await documents('support-type').update({ documentId: legal!.documentId, data: { label } });
}

/** Reads both offers until each is a hit, so the next read of each says what the edit did. */
async function warm() {
  for (const slug of [A, B]) {
    await read(slug);
    expect((await read(slug)).cache).toBe('HIT');
  }
}

describe('invalidation, per offer', () => {
  it('an edit published to one offer\'s service leaves the other offer a hit; that offer misses and shows it', async () => {
    await warm();
    const service = await serviceOf(A);
    await documents('service').update({ documentId: service.documentId, data: { title: 'Navigators, renamed for A only' } });
    await documents('service').publish({ documentId: service.documentId });
    const b = await read(B);
    expect(b.cache).toBe('HIT');
    expect(b.text).not.toContain('renamed for A only');
    const a = await read(A);
    expect(a.cache).toBe('MISS');
    expect(a.text).toContain('Navigators, renamed for A only');
  });

  it.each([
    ['venue', 'location', (s: Awaited<ReturnType<typeof serviceOf>>) => s.locations[0].documentId, { name: 'A venue, renamed' }],
    ['contact', 'contact', (s: Awaited<ReturnType<typeof serviceOf>>) => s.contacts[0].documentId, { name: 'A contact, renamed' }],
  ] as const)('an edit to a %s only that offer uses leaves the other offer a hit', async (_, type, idOf, data) => {
    await warm();
    await documents(type).update({ documentId: idOf(await serviceOf(A)), data });
    expect((await read(B)).cache).toBe('HIT');
    const a = await read(A);
    expect(a.cache).toBe('MISS');
    expect(a.text).toContain(data.name);
  });

  it('a draft saved but not published changes nothing a reader sees: both stay hits', async () => {
    await warm();
    const service = await serviceOf(A);
    await documents('service').update({ documentId: service.documentId, data: { title: 'Not yet published' } });
    expect((await read(A)).cache).toBe('HIT');
    expect((await read(B)).cache).toBe('HIT');
    await documents('service').discardDraft({ documentId: service.documentId });
  });

  it('an organisation both offers show misses both, each with the edit', async () => {
    await warm();
    const charity = await documents('organisation').findFirst({ filters: { name: SHARED_CHARITY } });
    await documents('organisation').update({ documentId: charity!.documentId, data: { name: `${SHARED_CHARITY} (renamed)` } });
    for (const slug of [A, B]) {
      const response = await read(slug);
      expect(response.cache).toBe('MISS');
      expect(response.text).toContain(`${SHARED_CHARITY} (renamed)`);
    }
  });

  it('a vocabulary every offer shows misses both', async () => {
    await warm();
    await setSupportTypeLabel('Legal advice for kinship carers');
    for (const slug of [A, B]) {
      const response = await read(slug);
      expect(response.cache).toBe('MISS');
      expect(response.text).toContain('Legal advice for kinship carers');
    }
  });

  it('a change to the public role\'s permissions misses both, within the version\'s second', async () => {
    await warm();
    // As the admin's Roles page writes them: through users-permissions, not the Document Service.
    const permissions = cms.strapi.db.query('plugin::users-permissions.permission');
    const role = await cms.strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } });
    const granted = await permissions.create({ data: { action: 'plugin::kinship-offer.feedback.find', role: role.id } });
    await new Promise((resolve) => setTimeout(resolve, VERSION_TTL_MS + 100));
    for (const slug of [A, B]) expect((await read(slug)).cache).toBe('MISS');
    await permissions.delete({ where: { id: granted.id } });
    await new Promise((resolve) => setTimeout(resolve, VERSION_TTL_MS + 100));
  });

  it('an edit written by another instance (straight to the shared database) shows within the version\'s second, and only for its offer', async () => {
    await warm();
    // What another CMS instance's write leaves in the database, with none of this instance's signals.
    const venue = (await serviceOf(B)).locations[0];
    const table = cms.strapi.db.metadata.get('plugin::kinship-offer.location').tableName;
    await cms.strapi.db.connection(table).where({ document_id: venue.documentId }).update({ name: 'B venue, renamed elsewhere', updated_at: new Date() });
    await new Promise((resolve) => setTimeout(resolve, VERSION_TTL_MS + 100));
    const b = await read(B);
    expect(b.cache).toBe('MISS');
    expect(b.text).toContain('B venue, renamed elsewhere');
    expect((await read(A)).cache).toBe('HIT');
  });

  it('holds for each offer\'s Open Referral feed too', async () => {
    for (const slug of [A, B]) await readFeed(`/${slug}/services`);
    const service = await serviceOf(B);
    await documents('service').update({ documentId: service.documentId, data: { title: 'B service, renamed' } });
    await documents('service').publish({ documentId: service.documentId });
    expect((await readFeed(`/${A}/services`)).cache).toBe('HIT');
    const b = await readFeed(`/${B}/services`);
    expect(b.cache).toBe('MISS');
    expect(b.text).toContain('B service, renamed');
  });

  it('asks the database the same number of queries for a cold read, whatever the number of services', async () => {
    const [large] = await insertFictionalOffers(cms.strapi, { offers: 1, services: 24, firstOffer: 2 });
    const queriesInOneColdRead = async (slug: string, attempt: number) => {
      await read(slug);
      await setSupportTypeLabel(`Legal support ${slug} ${attempt}`); // every offer is cold again
      let queries = 0;
      const count = () => (queries += 1);
      cms.strapi.db.connection.on('query', count);
      const response = await read(slug);
      cms.strapi.db.connection.off('query', count);
      expect(response.cache).toBe('MISS');
      return queries;
    };
    // The connection also carries the CMS's own background work (a timer's flush, a cron, Strapi's
    // session upkeep), which can only add queries to a window: the fewest of three reads is the
    // read's own. A read that asks once per service asks more on every attempt, so this still fails.
    const queriesPerColdRead = async (slug: string) => {
      const counts: number[] = [];
      for (let attempt = 0; attempt < 3; attempt++) counts.push(await queriesInOneColdRead(slug, attempt));
      return Math.min(...counts);
    };
    const small = await queriesPerColdRead(A);
    expect(await queriesPerColdRead(large)).toBe(small);
    // A handful: the version, the permission check, the offer and each relation, the services'
    // versions, the services read again (every one: a vocabulary changed) and the vocabularies.
    expect(small).toBeLessThan(40);
  });
});

/** The offer as the widget gets it. */
const offerIn = (response: { text: string }) => JSON.parse(response.text).data.kinshipOffer;

/** What the widget does not ask for: each service's terms' labels and its contacts' organisations. */
const DEEPER_QUERY = `query Deeper($slug: String!) { kinshipOffer(slug: $slug) { services { title supportTypes { label } contacts { organisation { name } } } } }`;
const readDeeper = async (slug: string) => {
  const url = new URL(`${cms.url}/graphql`);
  url.searchParams.set('query', DEEPER_QUERY);
  url.searchParams.set('variables', JSON.stringify({ slug }));
  return offerIn(decoded(await httpGetBytes(url.toString(), { 'accept-encoding': 'br' })));
};

describe('a view rebuilt after an edit (the services that did not change are kept from the last build)', () => {
  it('hides a venue\'s exact address as soon as an editor ticks "hide exact address"', async () => {
    await warm();
    const venue = (await serviceOf(A)).locations[0];
    const full = await documents('location').findOne({ documentId: venue.documentId });
    expect((await read(A)).text).toContain(full.addressLine1);
    await documents('location').update({ documentId: venue.documentId, data: { hideExactAddress: true } });
    const after = await read(A);
    expect(after.cache).toBe('MISS');
    expect(after.text).not.toContain(full.addressLine1);
    expect(after.text).not.toContain(full.postcode);
    expect(after.text).toContain(full.name);
    await documents('location').update({ documentId: venue.documentId, data: { hideExactAddress: false } });
    expect((await read(A)).text).toContain(full.addressLine1);
  });

  it("shows a renamed organisation of a service's named contact", async () => {
    await warm();
    const contact = await documents('contact').findOne({ documentId: (await serviceOf(A)).contacts[0].documentId, populate: ['organisation'] });
    const { documentId, name } = contact.organisation;
    await readDeeper(A);
    await documents('organisation').update({ documentId, data: { name: `${name}, renamed` } });
    const { services } = await readDeeper(A);
    expect(services.flatMap((service: any) => service.contacts.map((c: any) => c.organisation?.name))).toContain(`${name}, renamed`);
    await documents('organisation').update({ documentId, data: { name } });
  });

  it('lists every service once, in order, after one is renamed to sort first, and drops one unpublished', async () => {
    await warm();
    const before = offerIn(await read(A)).services.map((service: any) => service.title);
    const last = await documents('service').findFirst({ filters: { title: before.at(-1) }, status: 'published' });
    await documents('service').update({ documentId: last.documentId, data: { title: 'AAA first now' } });
    await documents('service').publish({ documentId: last.documentId });
    expect(offerIn(await read(A)).services.map((service: any) => service.title)).toEqual(['AAA first now', ...before.slice(0, -1)]);

    await documents('service').unpublish({ documentId: last.documentId });
    expect(offerIn(await read(A)).services.map((service: any) => service.title)).toEqual(before.slice(0, -1));
    await documents('service').update({ documentId: last.documentId, data: { title: before.at(-1) } });
    await documents('service').publish({ documentId: last.documentId });
    expect(offerIn(await read(A)).services.map((service: any) => service.title)).toEqual(before);
  });

  it("shows a support type's new label on the services that link to it", async () => {
    const [linked] = (await readDeeper(A)).services[0].supportTypes;
    const term = await documents('support-type').findFirst({ filters: { label: linked.label } });
    await documents('support-type').update({ documentId: term.documentId, data: { label: `${linked.label}, relabelled` } });
    const { services } = await readDeeper(A);
    expect(services[0].supportTypes.map((t: any) => t.label)).toContain(`${linked.label}, relabelled`);
    expect(services[0].supportTypes.map((t: any) => t.label)).not.toContain(linked.label);
    await documents('support-type').update({ documentId: term.documentId, data: { label: linked.label } });
  });
});

describe('compression of the offer and the feed', () => {
  it.each([
    ['the offer', () => read(A, { 'accept-encoding': 'identity' }), (headers: Record<string, string>) => read(A, headers)],
    ['the feed\'s services', () => readFeed(`/${A}/services`, { 'accept-encoding': 'identity' }), (headers: Record<string, string>) => readFeed(`/${A}/services`, headers)],
  ])('sends %s compressed as the client accepts, the same JSON each way, each encoding with its own ETag', async (_, plain, as) => {
    const original = await plain();
    expect(original.headers['content-encoding']).toBeUndefined();
    const etags = new Set([original.headers.etag]);
    for (const [accept, encoding] of [
      ['gzip, deflate, br, zstd', 'br'],
      ['gzip', 'gzip'],
      ['br;q=0.5, gzip;q=1', 'gzip'],
      ['', undefined],
    ] as const) {
      const response = await as({ 'accept-encoding': accept });
      expect(response.headers['content-encoding']).toBe(encoding);
      expect(response.headers.vary).toBe('Accept-Encoding');
      expect(response.text).toBe(original.text);
      if (encoding) expect(response.wire).toBeLessThan(original.wire / 3);
      etags.add(response.headers.etag);
      const repeat = await as({ 'accept-encoding': accept, 'if-none-match': response.headers.etag as string });
      expect(repeat.status).toBe(304);
      expect(repeat.wire).toBe(0);
    }
    expect(etags.size).toBe(3);
    // Another encoding's ETag is another representation: the body is sent.
    expect((await as({ 'accept-encoding': 'gzip', 'if-none-match': original.headers.etag as string })).status).toBe(200);
  });

  it('sends brotli\'s smallest copy, made after the first reader, to every reader after; a reader holding the quick copy revalidates it still', async () => {
    await setSupportTypeLabel('Legal advice and support (smallest brotli)');
    await new Promise((resolve) => setTimeout(resolve, VERSION_TTL_MS + 100));
    const quick = await read(B);
    expect(quick.headers.etag).toMatch(/-br"$/);
    await expect.poll(async () => (await read(B)).headers.etag, { timeout: 10_000 }).toMatch(/-br11"$/);
    const best = await read(B);
    expect(best.text).toBe(quick.text);
    expect(best.wire).toBeLessThan(quick.wire);
    for (const held of [quick, best]) {
      const repeat = await read(B, { 'accept-encoding': 'br', 'if-none-match': held.headers.etag as string });
      expect([repeat.status, repeat.wire, repeat.headers.etag]).toEqual([304, 0, held.headers.etag]);
    }
    // The demo offer's answer to the widget (52 KB of JSON): about 8.2 KB, not quality 5's 9.5.
    await read('example-borough');
    await expect.poll(async () => (await read('example-borough')).headers.etag, { timeout: 10_000 }).toMatch(/-br11"$/);
    expect((await read('example-borough')).wire).toBeLessThan(8_500);
  });

  it('sends tiny bodies as they are', async () => {
    const missing = await read('no-such-offer', { 'accept-encoding': 'br, gzip' });
    expect(JSON.parse(missing.text)).toEqual({ data: { kinshipOffer: null } });
    expect(missing.headers['content-encoding']).toBeUndefined();
    const root = await readFeed('', { 'accept-encoding': 'br, gzip' });
    expect(root.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(root.text).version).toBe('HSDS-UK-3.0');
  });

  it('gives the feed the offer\'s cache headers, to any origin, once the app names its public URL', async () => {
    const services = () => readFeed(`/${A}/services`, { 'accept-encoding': 'br', origin: 'https://directory.example.org' });
    // Without server.url its addresses come from the request's Host: for that client only (forged-host.test.ts).
    expect((await services()).headers['cache-control']).toBe(CONTRACT.replace('public', 'private').replace(/ s-maxage=\d+,/, ''));
    const before = cms.strapi.config.get('server.url');
    cms.strapi.config.set('server.url', 'https://kinship.example.gov.uk');
    const response = await services().finally(() => cms.strapi.config.set('server.url', before));
    expect(response.headers['cache-control']).toBe(CONTRACT);
    expect(response.headers['access-control-allow-origin']).toBe('*');
    expect(response.headers.vary).toBe('Accept-Encoding');
    expect(['HIT', 'MISS']).toContain(response.cache);
  });
});

describe('the instance\'s default language', () => {
  const locales = () => cms.strapi.plugin('i18n').service('locales');
  const settle = () => new Promise((resolve) => setTimeout(resolve, VERSION_TTL_MS + 100));

  it('changed in the admin: a page that names no language gets the offer in the new one, within the version\'s second', async () => {
    await locales().create({ code: 'cy', name: 'Welsh (cy)' });
    const offer = await documents('offer').findFirst({ filters: { slug: A } });
    await documents('offer').update({ documentId: offer.documentId, locale: 'cy', data: { name: 'Cynnig Perthynas A', slug: A } });
    await documents('offer').publish({ documentId: offer.documentId, locale: 'cy' });
    expect(JSON.parse((await read(A)).text).data.kinshipOffer.locale).toBe('en');
    expect((await read(A)).cache).toBe('HIT');
    try {
      await locales().setDefaultLocale({ code: 'cy' });
      await settle();
      const after = await read(A);
      expect(after.cache).toBe('MISS');
      expect(JSON.parse(after.text).data.kinshipOffer).toMatchObject({ locale: 'cy', name: 'Cynnig Perthynas A' });
    } finally {
      await locales().setDefaultLocale({ code: 'en' });
      await settle();
    }
  });
});
