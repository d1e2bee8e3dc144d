/**
 * The widget's request on a council's app that set GraphQL up its own way: its own
 * `apolloServer.validationRules` and `depthLimit` in config/plugins, its own policies and
 * middlewares on `kinshipOffer` (the GraphQL extension service's `resolversConfig`). A miss answered
 * without Apollo (plugin/server/src/graphql/kinship-offer-query) must refuse and withhold what
 * Apollo does there, and what it answers is then cached for every reader.
 */
import { createRequire } from 'node:module';
import type { Core } from '@strapi/strapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OFFER_QUERY } from '../../plugin/shared/offer-query';
import { startCms, type TestCms } from '../support/cms';
import { askGraphQL, expectAnsweredAsApolloDoes } from '../support/http';

// The CommonJS graphql, as Strapi and the plugin load it (one module, one realm).
const graphql: typeof import('graphql') = createRequire(__filename)('graphql');

describe('an app with validation rules of its own and a shallower depth limit', () => {
  let cms: TestCms;
  beforeAll(async () => {
    cms = await startCms({
      register: (strapi: Core.Strapi) => {
        // As in a council's config/plugins: `graphql.config` { depthLimit: 2, apolloServer: { validationRules: [...] } }.
        strapi.config.set('plugin::graphql.depthLimit', 2);
        strapi.config.set('plugin::graphql.apolloServer', { validationRules: [graphql.NoSchemaIntrospectionCustomRule] });
      },
    });
  });
  afterAll(async () => cms?.stop());

  it('refuses the widget\'s query, deeper than the app allows, as Apollo does', async () => {
    const get = await expectAnsweredAsApolloDoes(cms.url, OFFER_QUERY, { slug: 'example-borough' });
    expect(get.status).toBe(400);
    expect(get.text).toContain('exceeds maximum operation depth of 2');
    expect(get.text).not.toContain('Example Borough Council');
  });

  it('answers a query within the limit, still without Apollo', async () => {
    const query = '{ kinshipOffer(slug: "example-borough") { name services { title } } }';
    const get = await expectAnsweredAsApolloDoes(cms.url, query);
    expect(get.status).toBe(200);
    expect(get.timing).toContain('graphql;desc=plain');
    expect(JSON.parse(get.text).data.kinshipOffer.name).toBe('Example Borough Council');
  });
});

describe('an app with its own policy and middleware on the offer', () => {
  let cms: TestCms;
  beforeAll(async () => {
    cms = await startCms({
      register: (strapi: Core.Strapi) => {
        // As a council's src/policies and src/index.ts register would: one offer withheld, and no
        // named contact's email given out (Strapi's documented way: policies and middlewares by field).
        strapi.get('policies').add('global::', { 'withheld-offers': (policyContext: any) => policyContext.args.slug !== 'example-shared-service' });
        strapi.plugin('graphql').service('extension').use({
          resolversConfig: {
            'Query.kinshipOffer': { policies: ['global::withheld-offers'] },
            'KinshipLocalOfferContact.email': { middlewares: [async () => null] },
          },
        });
      },
    });
  });
  afterAll(async () => cms?.stop());

  it('refuses the offer its policy withholds, as Apollo does, and keeps refusing it', async () => {
    for (let attempt = 0; attempt < 2; attempt++) {
      const get = await expectAnsweredAsApolloDoes(cms.url, OFFER_QUERY, { slug: 'example-shared-service' });
      expect(JSON.parse(get.text).data.kinshipOffer).toBeNull();
      expect(JSON.parse(get.text).errors[0].extensions.code).toBe('FORBIDDEN');
    }
  });

  it('leaves out what its middleware leaves out, as Apollo does', async () => {
    const get = await expectAnsweredAsApolloDoes(cms.url, OFFER_QUERY, { slug: 'example-borough' });
    const { services } = JSON.parse(get.text).data.kinshipOffer;
    const contacts = services.flatMap((service: any) => service.contacts ?? []);
    expect(contacts.length).toBeGreaterThan(0);
    expect(contacts.every((contact: any) => contact.email === null)).toBe(true);
  });
});

/**
 * Each other way an app can change what `kinshipOffer` answers, one app each (one way must not be
 * noticed only because another was): the widget's request by GET must get what Apollo gives by
 * POST, and `expected` holds of it (with the errors Apollo gives, which are never cached).
 */
const eachWay: Array<[string, (strapi: Core.Strapi) => void, (offer: any, errors: any[]) => void]> = [
  [
    'a middleware on the root field',
    (strapi) =>
      strapi.plugin('graphql').service('extension').use({
        resolversConfig: { 'Query.kinshipOffer': { middlewares: [async (resolve: any, ...rest: any[]) => ({ ...(await resolve(...rest)), name: 'Renamed by the app' })] } },
      }),
    (offer) => expect(offer.name).toBe('Renamed by the app'),
  ],
  [
    'a policy on a field of the offer\'s types',
    (strapi) => {
      strapi.get('policies').add('global::', { 'no-contact-email': () => false });
      strapi.plugin('graphql').service('extension').use({ resolversConfig: { 'KinshipLocalOffer.contactEmail': { policies: ['global::no-contact-email'] } } });
    },
    (offer, errors) => {
      expect(offer.contactEmail).toBeNull();
      expect(errors[0].path).toEqual(['kinshipOffer', 'contactEmail']);
    },
  ],
  [
    'auth on a field of the offer\'s types',
    (strapi) =>
      strapi.plugin('graphql').service('extension').use({ resolversConfig: { 'KinshipLocalOffer.contactEmail': { auth: { scope: ['plugin::kinship-offer.feedback.find'] } } } }),
    (offer, errors) => {
      expect(offer.contactEmail).toBeNull();
      expect(errors[0].path).toEqual(['kinshipOffer', 'contactEmail']);
    },
  ],
  [
    'a resolver of its own for the root field',
    (strapi) =>
      strapi.plugin('graphql').service('extension').use({
        resolvers: { Query: { kinshipOffer: async (_parent: unknown, args: any) => ((strapi.plugin('kinship-offer').service('offer-view') as any).find(args.slug).then((offer: any) => offer && { ...offer, name: `${offer.name}, from the app` })) } },
      }),
    (offer) => expect(offer.name).toBe('Example Borough Council, from the app'),
  ],
  [
    'a resolver of its own for a field of the offer\'s types',
    (strapi) => strapi.plugin('graphql').service('extension').use({ resolvers: { KinshipLocalOfferService: { title: (service: any) => service.title.toUpperCase() } } }),
    (offer) => expect(offer.services[0].title).toBe(offer.services[0].title.toUpperCase()),
  ],
];

describe.each(eachWay)('an app with %s', (_way, register, expected) => {
  let cms: TestCms;
  beforeAll(async () => {
    cms = await startCms({ register });
  });
  afterAll(async () => cms?.stop());

  it('gets by GET what Apollo gives by POST: through Apollo, then from the cache unless it has errors', async () => {
    const get = await expectAnsweredAsApolloDoes(cms.url, OFFER_QUERY, { slug: 'example-borough' });
    expect(get.status).toBe(200);
    const { data, errors = [] } = JSON.parse(get.text);
    expected(data.kinshipOffer, errors);
    const again = await askGraphQL(cms.url, 'GET', OFFER_QUERY, { slug: 'example-borough' });
    if (errors.length) {
      expect(again.cache).toBeNull();
    } else {
      expect(get.timing).toContain('graphql;desc=apollo');
      expect(again.cache).toBe('HIT');
      expect(again.text).toBe(get.text);
    }
  });
});
