/**
 * The plain path (graphql/kinship-offer-query `kinshipOfferAnswer`): a miss of the offer's HTTP
 * cache answered on the plain schema, without Apollo, only when the request is valid under
 * Apollo's rules, the public may `find` offers, it executes without an error and the app added
 * nothing of its own; every other request is left to Apollo (a stand-in here, which answers
 * "apollo"). The HTTP cache in front is the real one, as bootstrap installs them; @strapi's
 * graphql scalars and nexus are the real ones. Strapi's auth stands in, as the public role's
 * grants; the offer view stands in with a fixed view. (Against a real Strapi, with Apollo:
 * offer-request-answer.test.ts and offer-request-answer-app.test.ts.)
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { KINSHIP_OFFER_SCOPE, kinshipOfferAnswer, kinshipOfferSchema, kinshipOfferTypes } from '../../../plugin/server/src/graphql/kinship-offer-query';
import { offerResponseCache } from '../../../plugin/server/src/offer-view/http-cache';
import { memoryStore } from '../../../plugin/server/src/offer-view/store';
import { fakeStrapi } from './support/fake-strapi';
import { expectSameOfferSchema, queryField } from '../../support/offer-schema';

// The CommonJS graphql, nexus and scalars, as Strapi and the plugin load them (one realm).
const load = createRequire(__filename);
const graphql: typeof import('graphql') = load('graphql');
const nexus = load('nexus');
const scalars = load(join(__dirname, '../../../node_modules/@strapi/plugin-graphql/dist/server/services/internals/scalars/index.js'))();

const SERVICE = { uuid: 'a1b2c3d4-0000-4000-8000-000000000001', title: 'Kinship carers\' allowance advice' };
const UNNAMED_SERVICE = { uuid: null, title: 'Drop-in' };
const VIEW = {
  slug: 'example-borough',
  locale: 'cy',
  name: 'Cyngor Bwrdeistref Enghreifftiol',
  services: [SERVICE, UNNAMED_SERVICE],
  vocabulary: { arrangementTypes: [], supportTypes: [] },
  languages: [{ code: 'cy', name: 'Cymraeg' }],
};
const NAME_QUERY = 'query Offer($slug: String!, $locale: String) { kinshipOffer(slug: $slug, locale: $locale) { name locale } }';

let granted: Set<string>;
let find: ReturnType<typeof vi.fn>;
let extension: { resolversConfig: Record<string, object>; resolvers: Record<string, Record<string, unknown>> } | Error;
let config: Record<string, unknown>;
/** What Strapi's auth saw: the route type it authenticated for, and the scopes it verified. */
let authenticated: Array<{ routeType: unknown; scope?: unknown }>;
let authFails: boolean;
/** Whether any strategy authenticates a request without credentials (none does in an app without users-permissions). */
let publicRole: boolean;
let internalsFail: boolean;
let handle: (ctx: any) => Promise<void>;

beforeEach(() => {
  granted = new Set([KINSHIP_OFFER_SCOPE]);
  find = vi.fn(async (slug: string) => (slug === VIEW.slug ? VIEW : null));
  extension = { resolversConfig: { 'Query.kinshipOffer': { auth: { scope: [KINSHIP_OFFER_SCOPE] } } }, resolvers: {} };
  config = { 'plugin::graphql.endpoint': '/graphql', 'plugin::graphql.depthLimit': 10, 'server.url': 'https://cms.example.gov.uk' };
  authenticated = [];
  authFails = false;
  publicRole = true;
  internalsFail = false;
  const db = fakeStrapi();
  let version = 0;
  db.provide('offer-view', {
    responses: memoryStore(500),
    // Each request a new version: every request in these tests is a miss.
    contentVersion: async () => `v${++version}`,
    find,
    offerOf: (service: object) => (VIEW.services.includes(service as never) ? { slug: VIEW.slug, locale: VIEW.locale } : undefined),
  });
  const plugin = db.strapi.plugin;
  db.strapi.plugin = (name: string) => {
    if (name === 'graphql') {
      return {
        service: (service: string) =>
          ({
            get internals() {
              if (internalsFail) throw new Error('the GraphQL plugin is not ready');
              return { scalars };
            },
            'type-registry': { new: () => ({}) },
            extension: {
              generate: () => {
                if (extension instanceof Error) throw extension;
                return extension;
              },
            },
          })[service],
      };
    }
    if (name === 'kinship-offer') return { ...plugin(name), config: () => undefined };
    return plugin(name);
  };
  db.strapi.config = { get: (key: string, fallback?: unknown) => config[key] ?? fallback };
  db.strapi.log = { warn: () => {} };
  // Strapi's auth for the content API: no credentials are the public role, whose grants are `granted`.
  db.strapi.auth = {
    authenticate: async (ctx: any, next: () => Promise<void>) => {
      if (authFails) throw new Error('the users-permissions plugin is away');
      authenticated.push({ routeType: ctx.state.route?.info?.type });
      // No strategy for another route type, or none that takes a request without credentials: Strapi
      // answers 401 (ctx.unauthorized) and never calls next.
      if (ctx.state.route?.info?.type !== 'content-api' || !publicRole) return;
      ctx.state.auth = { strategy: { name: 'users-permissions' }, credentials: null };
      await next();
    },
    verify: async (auth: unknown, { scope }: { scope: string[] }) => {
      authenticated.at(-1)!.scope = scope;
      if (!auth || !scope.every((one) => granted.has(one))) throw new Error('Forbidden');
    },
  };
  db.install();
  const cache = offerResponseCache(db.strapi);
  const answer = kinshipOfferAnswer(db.strapi);
  handle = (ctx) => cache(ctx, () => answer(ctx, async () => void ((ctx.status = 200), (ctx.body = '"apollo"'))));
});

/** A GET of `query` through the cache and the plain path: what the reader received, and the route left behind. */
async function ask(query: string, variables: Record<string, unknown> | null = { slug: 'example-borough' }, operationName?: string) {
  const headers: Record<string, string> = {};
  const route = { info: { type: 'content-api' }, path: '/graphql' };
  const search = new URLSearchParams({ query, ...(variables ? { variables: JSON.stringify(variables) } : {}), ...(operationName === undefined ? {} : { operationName }) });
  const ctx: any = {
    path: '/graphql',
    method: 'GET',
    origin: 'https://cms.example.gov.uk',
    querystring: search.toString(),
    request: { headers: {} },
    state: { route },
    response: { headers: {} },
    get: () => '',
    set: (name: string | Record<string, string>, value?: string) => (typeof name === 'string' ? (headers[name.toLowerCase()] = value!) : Object.assign(headers, name)),
    remove: (name: string) => delete headers[name],
    status: 404,
    body: undefined as unknown,
  };
  await handle(ctx);
  const body = Buffer.isBuffer(ctx.body) ? ctx.body.toString('utf8') : String(ctx.body);
  return { status: ctx.status, body, type: headers['content-type'], timing: headers['server-timing'], routeAfter: ctx.state.route, route };
}

describe('the widget\'s request, allowed to the public', () => {
  it('is answered from the offer view without Apollo, as Apollo answers it', async () => {
    const answer = await ask(NAME_QUERY, { slug: 'example-borough', locale: 'cy' });
    expect(answer.status).toBe(200);
    expect(answer.body).toBe(`${JSON.stringify({ data: { kinshipOffer: { name: VIEW.name, locale: 'cy' } } })}\n`);
    expect(answer.type).toMatch(/^application\/json/);
    expect(answer.timing).toContain('graphql;desc=plain');
    expect(find).toHaveBeenCalledWith('example-borough', 'cy');
  });

  it('asks the view for no locale when none is sent, or null', async () => {
    await ask(NAME_QUERY, { slug: 'example-borough' });
    await ask(NAME_QUERY, { slug: 'example-borough', locale: null });
    expect(find.mock.calls).toEqual([
      ['example-borough', undefined],
      ['example-borough', undefined],
    ]);
  });

  it('answers null for an offer that is not published, as Apollo does', async () => {
    expect((await ask(NAME_QUERY, { slug: 'no-such-offer' })).body).toBe('{"data":{"kinshipOffer":null}}\n');
  });

  it('runs the widget\'s own query whole, with the addresses of the offer\'s and its services\' pages', async () => {
    const query = 'query($slug: String!) { kinshipOffer(slug: $slug) { publicUrl services { title publicUrl } languages { code name } } }';
    const { data } = JSON.parse((await ask(query)).body);
    expect(data.kinshipOffer).toEqual({
      publicUrl: 'https://cms.example.gov.uk/kinship-offer/example-borough?lang=cy',
      services: [
        { title: SERVICE.title, publicUrl: `https://cms.example.gov.uk/kinship-offer/example-borough/services/${SERVICE.uuid}?lang=cy` },
        { title: UNNAMED_SERVICE.title, publicUrl: null },
      ],
      languages: [{ code: 'cy', name: 'Cymraeg' }],
    });
  });

  it('checks the public role\'s grant for the offers\' find, as a content-API route, and puts the request\'s own route back', async () => {
    const answer = await ask(NAME_QUERY);
    expect(authenticated).toEqual([{ routeType: 'content-api', scope: ['plugin::kinship-offer.offer.find'] }]);
    expect(answer.routeAfter).toBe(answer.route);
  });
});

describe('left to Apollo (its answer, its wording and status)', () => {
  it('when the public may not find offers', async () => {
    granted.clear();
    const answer = await ask(NAME_QUERY);
    expect(answer.body).toBe('"apollo"');
    expect(answer.timing).toContain('graphql;desc=apollo');
    expect(find).not.toHaveBeenCalled();
    expect(answer.routeAfter).toBe(answer.route);
  });

  it('when Strapi\'s auth fails', async () => {
    authFails = true;
    const answer = await ask(NAME_QUERY);
    expect(answer.body).toBe('"apollo"');
    expect(answer.routeAfter).toBe(answer.route);
  });

  it('when no strategy authenticates a request without credentials (an app without users-permissions)', async () => {
    publicRole = false;
    expect((await ask(NAME_QUERY)).body).toBe('"apollo"');
    expect(find).not.toHaveBeenCalled();
  });

  it('when the plain schema cannot be prepared; tried again with the next request', async () => {
    internalsFail = true;
    expect((await ask(NAME_QUERY)).body).toBe('"apollo"');
    internalsFail = false;
    expect((await ask(NAME_QUERY)).timing).toContain('graphql;desc=plain');
  });

  it('when the query is not valid: an unknown field, a missing variable\'s type', async () => {
    expect((await ask('{ kinshipOffer(slug: "example-borough") { nosuchfield } }', null)).body).toBe('"apollo"');
    expect((await ask('query($slug: String) { kinshipOffer(slug: $slug) { name } }')).body).toBe('"apollo"');
    expect(find).not.toHaveBeenCalled();
  });

  it('when it is deeper than the app\'s depth limit (Apollo\'s first rule), and not otherwise', async () => {
    const query = '{ kinshipOffer(slug: "example-borough") { vocabulary { supportTypes { code } } } }';
    config['plugin::graphql.depthLimit'] = 2;
    expect((await ask(query, null)).body).toBe('"apollo"');
  });

  it('when it is under the depth limit: answered', async () => {
    config['plugin::graphql.depthLimit'] = 3;
    expect((await ask('{ kinshipOffer(slug: "example-borough") { vocabulary { supportTypes { code } } } }', null)).timing).toContain('plain');
  });

  it('when one of the app\'s own validation rules refuses it', async () => {
    const refuseEverything = (context: any) => ({ Document: () => context.reportError(new graphql.GraphQLError('not here')) });
    config['plugin::graphql.apolloServer'] = { validationRules: [refuseEverything] };
    expect((await ask(NAME_QUERY)).body).toBe('"apollo"');
  });

  it('when reading the offer fails', async () => {
    find.mockRejectedValueOnce(new Error('database unavailable'));
    expect((await ask(NAME_QUERY)).body).toBe('"apollo"');
  });

  it('when a field errs (a non-null field without a value)', async () => {
    find.mockResolvedValueOnce({ ...VIEW, languages: null });
    expect((await ask('query($slug: String!) { kinshipOffer(slug: $slug) { languages { code } } }')).body).toBe('"apollo"');
  });

  it('when the operation named is empty or not the document\'s; the one named is run', async () => {
    const named = 'query A { kinshipOffer(slug: "example-borough") { locale } }';
    expect((await ask(named, null, '')).body).toBe('"apollo"');
    expect((await ask(named, null, 'B')).body).toBe('"apollo"');
    expect((await ask(named, null, 'A')).body).toBe('{"data":{"kinshipOffer":{"locale":"cy"}}}\n');
    expect((await ask(named, null)).body).toBe('{"data":{"kinshipOffer":{"locale":"cy"}}}\n');
  });

  it('when a @skip or @include condition may be null; a non-null or literal one is answered', async () => {
    const maybe = 'query($slug: String!, $show: Boolean = true) { kinshipOffer(slug: $slug) { name @include(if: $show) } }';
    expect((await ask(maybe, { slug: 'example-borough', show: null })).body).toBe('"apollo"');
    expect((await ask(maybe, { slug: 'example-borough' })).body).toBe('"apollo"');
    const nonNull = 'query($slug: String!, $show: Boolean!) { kinshipOffer(slug: $slug) { name @include(if: $show) locale } }';
    expect((await ask(nonNull, { slug: 'example-borough', show: false })).body).toBe('{"data":{"kinshipOffer":{"locale":"cy"}}}\n');
    const literal = 'query($slug: String!, $locale: String) { kinshipOffer(slug: $slug, locale: $locale) { name @skip(if: true) locale } }';
    expect((await ask(literal, { slug: 'example-borough' })).body).toBe('{"data":{"kinshipOffer":{"locale":"cy"}}}\n');
  });

  it('when the app gave the offer\'s query or types anything of its own, or its extensions cannot be read', async () => {
    extension = { resolversConfig: { 'Query.kinshipOffer': { auth: {}, policies: ['api::council.only'] } }, resolvers: {} };
    expect((await ask(NAME_QUERY)).body).toBe('"apollo"');
  });

  it('when the app\'s extensions cannot be read', async () => {
    extension = new Error('an extension that throws');
    expect((await ask(NAME_QUERY)).body).toBe('"apollo"');
  });
});

describe('the two schemas', () => {
  it('Strapi\'s (nexus, from kinshipOfferTypes) and the plain one have the same types, descriptions and query field', () => {
    const strapiSchema: import('graphql').GraphQLSchema = nexus.makeSchema({
      types: [scalars.JSON, scalars.DateTime, scalars.Date, nexus.queryType({ definition: () => {} }), ...kinshipOfferTypes(nexus)],
      shouldGenerateArtifacts: false,
    });
    const plain = kinshipOfferSchema({ JSON: scalars.JSON, DateTime: scalars.DateTime, Date: scalars.Date });
    expectSameOfferSchema(graphql, plain, strapiSchema);
    expect(queryField(plain)).toEqual({ description: 'A published kinship local offer by its slug, or null when there is none', type: 'KinshipLocalOffer', args: ['slug: String!', 'locale: String'] });
  });

  it('Strapi\'s resolves the offer from the offer view, and its pages\' addresses as the plain one does', async () => {
    const strapiSchema: import('graphql').GraphQLSchema = nexus.makeSchema({
      types: [scalars.JSON, scalars.DateTime, scalars.Date, nexus.queryType({ definition: () => {} }), ...kinshipOfferTypes(nexus)],
      shouldGenerateArtifacts: false,
    });
    const result = await graphql.graphql({
      schema: strapiSchema,
      source: '{ kinshipOffer(slug: "example-borough", locale: "cy") { name publicUrl services { publicUrl } } }',
      contextValue: { koaContext: { origin: 'https://cms.example.gov.uk', state: {} } },
    });
    expect(result).toEqual({
      data: {
        kinshipOffer: {
          name: VIEW.name,
          publicUrl: 'https://cms.example.gov.uk/kinship-offer/example-borough?lang=cy',
          services: [{ publicUrl: `https://cms.example.gov.uk/kinship-offer/example-borough/services/${SERVICE.uuid}?lang=cy` }, { publicUrl: null }],
        },
      },
    });
    expect(find).toHaveBeenCalledWith('example-borough', 'cy');
  });
});
