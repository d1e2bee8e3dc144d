/**
 * What the plugin gives @strapi/plugin-graphql, read as the GraphQL plugin reads it: feedback not
 * in the schema and no mutations; operation limits where the app left them unbounded; and on every
 * relation field and its `_connection`, drafts kept private and hidden addresses neither searched
 * nor shown, the last line on a location's own fields too. The plugin's real content-type schemas;
 * the GraphQL plugin's extension service is the boundary, standing in here. (Through Apollo
 * against a real Strapi: drafts.test.ts, hidden-addresses.test.ts, operation-limits.test.ts.)
 */
import { buildSchema, parse, validate } from 'graphql';
import { beforeEach, describe, expect, it } from 'vitest';
import contentTypes from '../../../plugin/server/src/content-types';
import { DRAFTS_ARE_PRIVATE } from '../../../plugin/server/src/documents/draft-access';
import { OPERATION_LIMITS, registerGraphQL } from '../../../plugin/server/src/graphql';
import { KINSHIP_OFFER_SCOPE } from '../../../plugin/server/src/graphql/kinship-offer-query';
import { CONTENT_TYPE_NAMES, uidOf, type ContentTypeName } from '../../../plugin/server/src/uids';

type FieldMiddleware = (resolve: (...args: any[]) => unknown, parent: unknown, args: Record<string, unknown>, context: unknown, info: unknown) => Promise<unknown>;

/** @strapi/plugin-graphql's type name for a model, as its naming service writes it. */
const typeNameOf = (name: string) => `KinshipOffer${name.replace(/(^|-)(\w)/g, (_, __, letter: string) => letter.toUpperCase())}`;

const PUBLIC = { state: {} };
const TOKEN = { state: { auth: { strategy: { name: 'content-api-token' } } } };

let config: Map<string, unknown>;
let shadow: Record<string, string[]>;
let resolversConfig: Record<string, { middlewares?: FieldMiddleware[]; auth?: unknown }>;

/** Registers the plugin's GraphQL part in an app whose graphql config is `appConfig`. */
function register(appConfig: Record<string, unknown> = {}) {
  config = new Map(Object.entries(appConfig).map(([key, value]) => [`plugin::graphql.${key}`, value]));
  shadow = {};
  const models = new Map(Object.entries(contentTypes).map(([name, { schema }]) => [uidOf(name as ContentTypeName), { modelName: name, ...schema }]));
  const extension = {
    shadowCRUD: (uid: string) => ({
      disable: () => (shadow[uid] ??= []).push('disable'),
      disableMutations: () => (shadow[uid] ??= []).push('disableMutations'),
    }),
    use: (build: (api: { nexus: unknown }) => { resolversConfig: typeof resolversConfig }) => {
      const nexus = new Proxy({}, { get: () => (definition: unknown) => definition });
      resolversConfig = build({ nexus }).resolversConfig;
    },
  };
  const strapi: any = {
    plugin: (name: string) =>
      name === 'graphql'
        ? {
            service: (service: string) =>
              service === 'extension' ? extension : service === 'utils' && { naming: { getTypeName: (model: { modelName: string }) => typeNameOf(model.modelName) } },
          }
        : undefined,
    config: { get: (key: string) => config.get(key), set: (key: string, value: unknown) => config.set(key, value) },
    getModel: (uid: string) => models.get(uid as never),
  };
  registerGraphQL(strapi);
}

/** Resolves `field` through its middlewares, the resolver answering `answer`; what the reader gets and the args it was asked with. */
async function resolveField(field: string, args: Record<string, unknown>, context: unknown, answer: unknown = [], parent: unknown = {}) {
  const middlewares = resolversConfig[field]?.middlewares ?? [];
  let asked: { parent: unknown; args: Record<string, unknown> } | undefined;
  const resolver = async (p: unknown, a: Record<string, unknown>) => ((asked = { parent: p, args: a }), answer);
  const chain = middlewares.reduceRight<(p: unknown, a: Record<string, unknown>, c: unknown, i: unknown) => Promise<unknown>>(
    (next, middleware) => (p, a, c, i) => middleware(next, p, a, c, i),
    resolver,
  );
  const result = await chain(parent, args, context, {});
  return { result, asked: asked! };
}

beforeEach(() => register());

describe('the GraphQL schema', () => {
  it('has no feedback at all and no mutations of any content type', () => {
    expect(shadow[uidOf('feedback')]).toContain('disable');
    for (const name of CONTENT_TYPE_NAMES) expect(shadow[uidOf(name)]).toContain('disableMutations');
  });

  it('asks the offers\' find permission for kinshipOffer', () => {
    expect(resolversConfig['Query.kinshipOffer']).toEqual({ auth: { scope: [KINSHIP_OFFER_SCOPE] } });
  });

  it('is left alone when the GraphQL plugin is not installed', () => {
    const strapi: any = { plugin: () => undefined, config: { set: () => expect.unreachable() } };
    expect(() => registerGraphQL(strapi)).not.toThrow();
  });
});

describe('operation limits', () => {
  it.each([['not set', undefined], ['null', null], ['negative (unbounded)', -1]])('are the plugin\'s where the app\'s are %s', (_how, value) => {
    register({ depthLimit: value, defaultLimit: value, maxLimit: value });
    for (const [key, limit] of Object.entries(OPERATION_LIMITS)) expect(config.get(`plugin::graphql.${key}`)).toBe(limit);
  });

  it('are the app\'s own where it set them, zero included', () => {
    register({ depthLimit: 5, defaultLimit: 0, maxLimit: 50 });
    expect([...config.entries()].filter(([key]) => /Limit$/.test(key))).toEqual([
      ['plugin::graphql.depthLimit', 5],
      ['plugin::graphql.defaultLimit', 0],
      ['plugin::graphql.maxLimit', 50],
    ]);
  });

  it('add the request limits to Apollo\'s rules, beside its other settings, unless the app has rules of its own', () => {
    register({ apolloServer: { introspection: false } });
    const apollo = config.get('plugin::graphql.apolloServer') as { introspection: boolean; validationRules: unknown[] };
    expect(apollo.introspection).toBe(false);
    expect(apollo.validationRules).toHaveLength(1);
    expect(typeof apollo.validationRules[0]).toBe('function');
    // The request limits' page size is the app's maxLimit.
    register({ maxLimit: 50 });
    const [rule] = (config.get('plugin::graphql.apolloServer') as { validationRules: any[] }).validationRules;
    const schema = buildSchema('input PaginationArg { limit: Int } type Query { services(pagination: PaginationArg): [String] }');
    const refusals = (limit: number) => validate(schema, parse(`{ services(pagination: { limit: ${limit} }) }`), [rule]).length;
    expect([refusals(50), refusals(51)]).toEqual([0, 1]);
    const own = [() => ({})];
    register({ apolloServer: { validationRules: own } });
    expect((config.get('plugin::graphql.apolloServer') as { validationRules: unknown[] }).validationRules).toBe(own);
  });
});

describe('a relation field, for the public', () => {
  const SERVICES = `${typeNameOf('offer')}.services`;

  it.each([SERVICES, `${SERVICES}_connection`])('%s reads published services only, and refuses drafts with the reason', async (field) => {
    expect((await resolveField(field, {}, PUBLIC)).asked.args.status).toBe('published');
    expect((await resolveField(field, { status: 'published', pagination: { limit: 5 } }, PUBLIC)).asked.args).toEqual({ status: 'published', pagination: { limit: 5 } });
    await expect(resolveField(field, { status: 'draft' }, PUBLIC)).rejects.toThrow(DRAFTS_ARE_PRIVATE);
  });

  it.each([
    [`${typeNameOf('service')}.locations`, { postcode: { $startsWith: 'EB4 9' } }],
    [`${typeNameOf('service')}.locations_connection`, { addressLine1: { $contains: 'Road' } }],
    [SERVICES, { locations: { postcode: { $startsWith: 'EB4 9' } } }],
  ])('%s refuses a filter on a hidden address', async (field, filters) => {
    await expect(resolveField(field, { filters }, PUBLIC)).rejects.toThrow(/address/);
  });

  it('redacts the hidden locations it returns', async () => {
    const hidden = [{ name: 'Safe house', hideExactAddress: true, addressLine1: '1 Hidden Road', addressLine2: 'Flat 2', postcode: 'EB4 9ZZ' }];
    const { result } = await resolveField(`${typeNameOf('service')}.locations`, {}, PUBLIC, hidden);
    expect(result).toEqual([{ name: 'Safe house', hideExactAddress: true, addressLine1: null, addressLine2: null, postcode: 'EB4' }]);
  });

  it('has no guard where none is needed: a vocabulary has neither drafts nor locations', () => {
    expect(resolversConfig[`${typeNameOf('service')}.supportTypes`]).toBeUndefined();
    expect(resolversConfig[`${typeNameOf('service')}.provider`]).toBeUndefined();
  });
});

describe('a relation field, for editors and tokens', () => {
  it('reads drafts and exact addresses as asked', async () => {
    expect((await resolveField(`${typeNameOf('offer')}.services`, { status: 'draft' }, TOKEN)).asked.args.status).toBe('draft');
    const hidden = [{ hideExactAddress: true, addressLine1: '1 Hidden Road', postcode: 'EB4 9ZZ' }];
    expect((await resolveField(`${typeNameOf('service')}.locations`, { filters: { postcode: { $eq: 'EB4 9ZZ' } } }, TOKEN, hidden)).result).toEqual(hidden);
  });
});

describe('a location\'s own fields', () => {
  it.each(['addressLine1', 'addressLine2', 'postcode'])('%s is read from the redacted location by the public, from the whole one by a token', async (field) => {
    const location = { hideExactAddress: true, addressLine1: '1 Hidden Road', addressLine2: 'Flat 2', postcode: 'EB4 9ZZ' };
    const publicRead = await resolveField(`KinshipOfferLocation.${field}`, {}, PUBLIC, null, location);
    expect(publicRead.asked.parent).toEqual({ ...location, addressLine1: null, addressLine2: null, postcode: 'EB4' });
    const tokenRead = await resolveField(`KinshipOfferLocation.${field}`, {}, TOKEN, null, location);
    expect(tokenRead.asked.parent).toBe(location);
  });
});
