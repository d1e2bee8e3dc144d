/**
 * Malformed requests to every public endpoint get a 4xx with a message that says what is wrong:
 * never a 500, never a stack trace. Strapi runs in production mode here, as councils run it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCms, type TestCms } from '../support/cms';

let cms: TestCms;
beforeAll(async () => {
  process.env.NODE_ENV = 'production';
  cms = await startCms();
});
afterAll(async () => {
  await cms?.stop();
  process.env.NODE_ENV = 'test';
});

const expectClearRefusal = async (response: Response, status: number, message: RegExp) => {
  const body = await response.text();
  expect(response.status, body.slice(0, 300)).toBe(status);
  expect(body).toMatch(message);
  expect(body).not.toMatch(/stacktrace|\bat [\w.<>]+ \(|node_modules/);
};

describe('REST', () => {
  it.each([
    ['/offers?foo=bar', /Unknown parameter \\"foo\\"/],
    ['/offers?pagination[pageSize]=-1', /pagination\[pageSize\] must be a whole number from 1 to 100/],
    ['/services?pagination[pageSize]=1000000', /pagination\[pageSize\] must be a whole number from 1 to 100/],
    ['/services?pagination[limit]=abc', /pagination\[limit\] must be a whole number/],
    ['/offers?pagination[page]=-5', /pagination\[page\] must be a whole number from 1/],
    ['/offers?pagination[size]=5', /Unknown pagination parameter \\"size\\"/],
    ['/offers?status=weird', /status must be \\"published\\" or \\"draft\\"/],
    ['/offers?filters=notanobject', /filters parameter must be an object/],
    ['/offers?filters[name][$nope]=x', /Invalid key \$nope/],
    ['/offers?sort=nope', /Invalid key nope/],
    ['/offers?filters[createdBy][email][$eq]=x', /Invalid key createdBy/],
    ['/offers?populate=createdBy', /Invalid key createdBy/],
    ['/offers?populate[updatedBy][fields][0]=email', /Invalid key (updatedBy|email)/],
    ['/services?filters[offers][createdBy][id][$eq]=1', /Invalid key createdBy/],
  ])('%s is refused with 400', async (path, message) => {
    await expectClearRefusal(await fetch(`${cms.url}/api/kinship-offer${path}`), 400, message);
  });

  it('never shows admin users, whatever is populated', async () => {
    const response = await fetch(`${cms.url}/api/kinship-offer/offers?populate=*`);
    expect(response.status).toBe(200);
    expect(await response.text()).not.toMatch(/createdBy|updatedBy|editor@example\.gov\.uk|"password"/);
  });

  it('has no way to write', async () => {
    const response = await fetch(`${cms.url}/api/kinship-offer/offers`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"data":{}}' });
    expect(response.status).toBe(405);
  });
});

describe('GraphQL', () => {
  const post = (body: string) => fetch(`${cms.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  const query = (text: string, variables: unknown = {}) => post(JSON.stringify({ query: text, variables }));

  it.each([
    ['bad JSON', () => post('{"query": '), /Unexpected end of JSON input/],
    ['a query that is not a string', () => post('{"query": 123}'), /GraphQL queries must be strings/],
    ['a syntax error', () => query('{ kinshipOffer('), /Syntax Error/],
    ['a variable of the wrong type', () => query('query ($s: String!) { kinshipOffer(slug: $s) { name } }', { s: 123 }), /String cannot represent a non string value/],
    ['an unknown field', () => query('{ kinshipOffer(slug: "x") { password } }'), /Cannot query field \\"password\\"/],
    ['admin users', () => query('{ kinshipOfferOffers { createdBy { email } } }'), /Cannot query field \\"createdBy\\"/],
    ['a page size of -1', () => query('{ kinshipOfferServices(pagination: { limit: -1 }) { title } }'), /pagination.limit must be from 1 to 500/],
    ['a page size of a million', () => query('{ kinshipOfferServices(pagination: { pageSize: 1000000 }) { title } }'), /pagination.pageSize must be from 1 to 500/],
    ['40 aliases', () => query(`{ ${Array.from({ length: 40 }, (_, i) => `a${i}: kinshipOffer(slug: "example-borough") { name }`).join(' ')} }`), /at most 30 aliases/],
    ['introspection (production)', () => query('{ __schema { types { name } } }'), /introspection/i],
  ])('refuses %s with 400', async (_, send, message) => {
    await expectClearRefusal(await send(), 400, message);
  });

  it('takes a body of exactly 1 MiB (koa-body\'s jsonLimit) and refuses one byte more with 413', async () => {
    /** A well-formed request of exactly `bytes` bytes. */
    const ofSize = (bytes: number) => {
      const empty = JSON.stringify({ query: '{ kinshipOffer(slug: "") { name } }' });
      return empty.replace('slug: \\"\\"', `slug: \\"${'a'.repeat(bytes - empty.length)}\\"`);
    };
    expect(Buffer.byteLength(ofSize(1_048_576))).toBe(1_048_576);
    const atLimit = await post(ofSize(1_048_576));
    expect(atLimit.status).toBe(200);
    expect(await atLimit.json()).toEqual({ data: { kinshipOffer: null } });
    await expectClearRefusal(await post(ofSize(1_048_577)), 413, /too large/);
  });

  it('refuses a body over the size limit with 413', async () => {
    const response = await query(`{ kinshipOffer(slug: "${'a'.repeat(5_000_000)}") { name } }`);
    await expectClearRefusal(response, 413, /too large/);
  });

  it('still answers a well-formed request', async () => {
    const response = await query('{ kinshipOffer(slug: "example-borough") { name } }');
    expect(await response.json()).toEqual({ data: { kinshipOffer: { name: 'Example Borough Council' } } });
  });
});

describe('bodies that cannot be decoded', () => {
  // Strapi's body parser passes a failed decompression on without a status (a 500 and a stack
  // trace in the log); every route that takes a body answers 400 instead.
  const routes = [
    ['/api/kinship-offer/feedback', 'application/json'],
    ['/api/kinship-offer/reach', 'text/plain'],
    ['/graphql', 'application/json'],
    ['/admin/login', 'application/json'],
  ] as const;
  for (const [route, type] of routes) {
    for (const encoding of ['gzip', 'deflate', 'br']) {
      it(`${route}: Content-Encoding ${encoding} over bytes that are not gets 400`, async () => {
        const response = await fetch(`${cms.url}${route}`, {
          method: 'POST',
          headers: { 'content-type': type, 'content-encoding': encoding, origin: 'https://www.example-borough.gov.uk' },
          body: 'not compressed at all',
        });
        await expectClearRefusal(response, 400, new RegExp(`could not be read as Content-Encoding: ${encoding}`));
      });
    }
  }

  it('still reads a body that is compressed as it says', async () => {
    const { gzipSync } = await import('node:zlib');
    const response = await fetch(`${cms.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      body: gzipSync(JSON.stringify({ query: '{ kinshipOffer(slug: "example-borough") { name } }' })),
    });
    expect(response.status).toBe(200);
    expect((await response.json()).data.kinshipOffer.name).toBeTruthy();
  });
});
