/**
 * @strapi/plugin-graphql is unbounded by default; the plugin sets limits unless the app chose its
 * own, so one public request cannot ask for everything at any depth.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCms, type TestCms } from '../support/cms';
import { graphql, rest } from '../support/http';

let cms: TestCms;
beforeAll(async () => {
  cms = await startCms();
});
afterAll(async () => cms?.stop());

const pageSizeOf = async (pagination: string) => {
  const { data, errors } = await graphql(cms.url, `{ kinshipOfferServices_connection${pagination} { pageInfo { pageSize } } }`);
  expect(errors).toBeUndefined();
  return data.kinshipOfferServices_connection.pageInfo.pageSize;
};

describe('GraphQL operation limits', () => {
  it('refuses a query nested deeper than 10 levels, before running it', async () => {
    const one = '(pagination: { limit: 1 })';
    const nest = (depth: number): string =>
      depth === 0 ? 'title' : `title offers${one} { name services${one} { ${nest(depth - 1)} } }`;
    const shallow = await graphql(cms.url, `{ kinshipOfferServices${one} { ${nest(4)} } }`);
    expect(shallow.errors).toBeUndefined();
    const deep = await graphql(cms.url, `{ kinshipOfferServices${one} { ${nest(6)} } }`);
    expect(deep.status).toBe(400);
    expect(deep.errors?.[0].message).toMatch(/exceeds maximum operation depth of 10/);
  });

  it('allows a query 10 levels deep and refuses one 11 levels deep', async () => {
    const one = '(pagination: { limit: 1 })';
    /** A query whose deepest field is at `depth` (kinshipOfferServices at 0), through services and their offers. */
    const reaching = (depth: number) => {
      let selection = (depth - 1) % 2 === 0 ? 'title' : 'name';
      for (let level = depth - 1; level >= 1; level--) selection = `${level % 2 === 1 ? 'offers' : 'services'}${one} { ${selection} }`;
      return `{ kinshipOfferServices${one} { ${selection} } }`;
    };
    const ten = await graphql(cms.url, reaching(10));
    expect(ten.errors).toBeUndefined();
    const eleven = await graphql(cms.url, reaching(11));
    expect(eleven.status).toBe(400);
    expect(new Set(eleven.errors?.map((error) => error.message))).toEqual(new Set(["'' exceeds maximum operation depth of 10"]));
  });

  it('takes a page size of 500 written into the query and refuses 501', async () => {
    expect(await pageSizeOf('(pagination: { pageSize: 500 })')).toBe(500);
    const over = await graphql(cms.url, '{ kinshipOfferServices_connection(pagination: { pageSize: 501 }) { pageInfo { pageSize } } }');
    expect(over.status).toBe(400);
    expect(over.errors?.map((error) => error.message)).toEqual(['pagination.pageSize must be from 1 to 500']);
  });

  it('pages 100 at a time by default and never more than 500', async () => {
    expect(await pageSizeOf('')).toBe(100);
    expect(await pageSizeOf('(pagination: { pageSize: 500 })')).toBe(500);
    // Written into the query, an out-of-range size is refused (see malformed-requests.test.ts);
    // given as a variable, it is held to the limit.
    const { data } = await graphql(
      cms.url,
      'query ($p: PaginationArg) { kinshipOfferServices_connection(pagination: $p) { pageInfo { pageSize } } }',
      { p: { pageSize: 1_000_000 } },
    );
    expect(data.kinshipOfferServices_connection.pageInfo.pageSize).toBe(500);
  });

  it('keeps a limit the app configured itself', () => {
    expect(cms.strapi.config.get('plugin::graphql.endpoint')).toBe('/graphql');
    expect(cms.strapi.config.get('plugin::graphql.maxLimit')).toBe(500);
  });
});

describe('REST limits', () => {
  it('pages up to the app\'s maxLimit and refuses more', async () => {
    const { status, body } = await rest(cms.url, '/services?pagination[pageSize]=100');
    expect(status).toBe(200);
    expect(body.meta.pagination.pageSize).toBe(100);
    const tooMany = await rest(cms.url, '/services?pagination[pageSize]=101');
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.message).toBe('pagination[pageSize] must be a whole number from 1 to 100');
  });

  it('holds pagination[limit] to the same maxLimit', async () => {
    expect((await rest(cms.url, '/services?pagination[start]=0&pagination[limit]=100')).status).toBe(200);
    const tooMany = await rest(cms.url, '/services?pagination[limit]=101');
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.message).toBe('pagination[limit] must be a whole number from 1 to 100');
  });
});
