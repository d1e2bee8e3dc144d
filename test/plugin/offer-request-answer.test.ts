/**
 * The widget's request is answered, on a miss, by executing it against a plain schema of the offer
 * view's types instead of through Apollo and @strapi/plugin-graphql's per-field wrappers
 * (plugin/server/src/graphql/kinship-offer-query, offer-view/http-cache). A reader, a council's
 * developer and a CDN must not be able to tell the two apart: the same body, the same errors, the
 * same refusals when the public may not read offers.
 */
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OFFER_QUERY } from '../../plugin/shared/offer-query';
import { VERSION_TTL_MS } from '../../plugin/server/src/offer-view/content-version';
import { kinshipOfferSchema } from '../../plugin/server/src/graphql/kinship-offer-query';
import { startCms, type TestCms } from '../support/cms';
import { askGraphQL, expectAnsweredAsApolloDoes } from '../support/http';
import { expectSameOfferSchema } from '../support/offer-schema';

let cms: TestCms;
beforeAll(async () => {
  cms = await startCms();
});
afterAll(async () => cms?.stop());

describe('a miss answered without Apollo', () => {
  it.each([
    ['the widget\'s query', OFFER_QUERY, { slug: 'example-borough' }],
    ['the widget\'s query in Welsh, by a BCP 47 tag', OFFER_QUERY, { slug: 'example-borough', locale: 'cy-GB' }],
    ['an offer that does not exist', OFFER_QUERY, { slug: 'no-such-council' }],
    [
      'aliases, fragments, __typename and a slug written in the query',
      `query { first: kinshipOffer(slug: "example-borough") { __typename name services { title locations { ... on KinshipLocalOfferLocation { __typename postcode addressLine1 hideExactAddress } } provider @skip(if: true) { name } supportTypes { code } } }
               again: kinshipOffer(slug: "example-borough", locale: "en") { vocabulary { supportTypes { code label } } } }`,
      undefined,
    ],
    ['a variable with a default', 'query ($s: String = "example-borough") { kinshipOffer(slug: $s) { name updatedAt councils } }', undefined],
  ])('%s: the body Apollo gives for the same query', async (_name, query, variables) => {
    const get = await expectAnsweredAsApolloDoes(cms.url, query, variables);
    expect(get.cache).toBe('MISS');
    expect(get.timing).toContain('graphql;desc=plain');
    expect(get.status).toBe(200);
  });

  it.each([
    ['a field the offer does not have', '{ kinshipOffer(slug: "example-borough") { name nope } }'],
    ['no slug', '{ kinshipOffer { name } }'],
    ['an argument it does not take', '{ kinshipOffer(slug: "example-borough", first: 3) { name } }'],
  ])('%s: Apollo\'s error, status and wording', async (_name, query) => {
    const get = await expectAnsweredAsApolloDoes(cms.url, query);
    expect(get.status).toBeGreaterThanOrEqual(200);
  });

  it.each([
    ['@include given a nullable variable sent as null', 'query ($show: Boolean = true) { kinshipOffer(slug: "example-borough") { name @include(if: $show) slug } }', { show: null }, undefined],
    ['@skip given a nullable variable sent as null', 'query ($hide: Boolean = false) { kinshipOffer(slug: "example-borough") { name @skip(if: $hide) slug } }', { hide: null }, undefined],
    ['an empty operation name for a named query', 'query Offer { kinshipOffer(slug: "example-borough") { name } }', undefined, ''],
    ['an empty operation name for an anonymous query', '{ kinshipOffer(slug: "example-borough") { name slug } }', undefined, ''],
    ['an operation name the query does not have', 'query Offer { kinshipOffer(slug: "example-borough") { name } }', undefined, 'Other'],
  ])('%s: Apollo\'s error, not an answer (which would then be cached)', async (_name, query, variables, operationName) => {
    const get = await expectAnsweredAsApolloDoes(cms.url, query, variables, operationName);
    expect(get.text).toContain('"errors"');
  });

  it.each([
    ['from the response cache', { slug: 'example-borough' }],
    ['by the query compiled for it', { slug: 'example-shared-service' }],
  ])('an empty operation name after the same query with none: still Apollo\'s error, not the answer %s', async (_name, variables) => {
    const query = 'query ($slug: String!) { kinshipOffer(slug: $slug) { name slug } }';
    // Without a name first: answered, cached, and its document compiled.
    expect((await askGraphQL(cms.url, 'GET', query, { slug: 'example-borough' })).text).toContain('"data"');
    const get = await expectAnsweredAsApolloDoes(cms.url, query, variables, '');
    expect(get.text).toContain('Unknown operation named');
  });

  it.each([
    ['variables that are JSON null', { variables: 'null' }, 'The variables search parameter should contain a JSON-encoded object.'],
    ['extensions that are not JSON', { extensions: '{persistedQuery' }, 'The extensions search parameter contains invalid JSON.'],
  ])('%s: Apollo\'s 400, as for any GraphQL GET', async (_name, search, message) => {
    // Asked before, so a hit is in hand for the same query and variables.
    const query = '{ kinshipOffer(slug: "example-borough") { name slug } }';
    expect((await askGraphQL(cms.url, 'GET', query)).status).toBe(200);
    const url = new URL(`${cms.url}/graphql`);
    url.searchParams.set('query', query);
    for (const [name, value] of Object.entries(search)) url.searchParams.set(name, value);
    // With the header Apollo's CSRF protection asks of a GET, so that its answer is about the parameter.
    const response = await fetch(url, { headers: { 'accept-encoding': 'identity', 'apollo-require-preflight': 'true' } });
    expect(response.status).toBe(400);
    expect((await response.json()).errors.map((error: { message: string }) => error.message)).toEqual([message]);
  });

  it('a variable of the wrong type: Apollo\'s 400', async () => {
    const get = await expectAnsweredAsApolloDoes(cms.url, OFFER_QUERY, { slug: 42 });
    expect(get.status).toBe(400);
  });
});

describe('its schema', () => {
  it('has exactly the types and descriptions of Strapi\'s schema for kinshipOffer', async () => {
    // The CommonJS graphql, as Strapi and the plugin load it (one module, one realm).
    const graphql: typeof import('graphql') = createRequire(__filename)('graphql');
    const response = await fetch(`${cms.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: graphql.getIntrospectionQuery() }),
    });
    const strapiSchema = graphql.buildClientSchema((await response.json()).data);
    const scalars = cms.strapi.plugin('graphql').service('internals').scalars;
    expectSameOfferSchema(graphql, kinshipOfferSchema({ JSON: scalars.JSON, DateTime: scalars.DateTime, Date: scalars.Date }), strapiSchema);
  });
});

describe('when the public may not read offers', () => {
  const PUBLIC_FIND = 'plugin::kinship-offer.offer.find';
  const permissions = () => cms.strapi.db.query('plugin::users-permissions.permission');
  const publicRole = () => cms.strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } });
  const settle = () => new Promise((resolve) => setTimeout(resolve, VERSION_TTL_MS + 100));

  it('refuses the widget\'s request, a cached one too, as Apollo does; and answers again once allowed', async () => {
    const warm = await askGraphQL(cms.url, 'GET', OFFER_QUERY, { slug: 'example-borough' });
    expect(JSON.parse(warm.text).data.kinshipOffer.name).toBe('Example Borough Council');
    const role = await publicRole();
    // As a council that takes the offer off the public API does, in the admin's Roles page.
    await permissions().delete({ where: { action: PUBLIC_FIND, role: role.id } });
    try {
      await settle();
      for (const query of [OFFER_QUERY, '{ kinshipOffer(slug: "example-borough") { name contactPhone } }']) {
        const get = await expectAnsweredAsApolloDoes(cms.url, query, query === OFFER_QUERY ? { slug: 'example-borough' } : undefined);
        expect(get.text).not.toContain('Example Borough Council');
        expect(JSON.parse(get.text).errors[0].extensions.code).toBe('FORBIDDEN');
      }
    } finally {
      await permissions().create({ data: { action: PUBLIC_FIND, role: role.id } });
    }
    await settle();
    const again = await askGraphQL(cms.url, 'GET', OFFER_QUERY, { slug: 'example-borough' });
    expect(JSON.parse(again.text).data.kinshipOffer.name).toBe('Example Borough Council');
  });
});
