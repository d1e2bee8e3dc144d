/**
 * `kinshipOffer(slug, locale)`: a whole published offer, with the vocabularies a reader needs to
 * filter it, in one round trip. It is the query the widget sends.
 *
 * It has types of its own (KinshipLocalOffer…), generated from the content-type schemas by
 * offer-view/shape.ts, and resolves from the offer-view service's one populated, cached tree,
 * rather than through @strapi/plugin-graphql's per-relation resolvers (hundreds of queries and
 * permission checks per offer). Everything in the tree is published and public by construction.
 *
 * The same types are written twice from one description (offer-view/shape): as nexus types for
 * Strapi's schema, and as a plain graphql-js schema (`kinshipOfferSchema`) in which every field
 * below the root keeps graphql-js's default resolver. @strapi/plugin-graphql wraps every field of
 * its schema in an async chain (auth, policies, a per-field Apollo hook): some 20,000 calls for an
 * offer of 300 services, nine tenths of the first read after an edit. The widget's request is
 * executed against the plain schema (`kinshipOfferAnswer`, for a miss of offer-view/http-cache) after
 * the same permission check; any other request, or one that is not valid, goes to Apollo as before.
 */
import type { Core } from '@strapi/strapi';
import type { DocumentNode, GraphQLFieldConfig, GraphQLOutputType, GraphQLScalarType, GraphQLSchema, OperationDefinitionNode } from 'graphql';
import type { CompiledQuery } from 'graphql-jit';
import { answeredWithoutApollo, takeMiss, type KinshipOfferRequest } from '../offer-view/http-cache';
import { memoised } from '../offer-view/store';
import { VIEW_TYPES, viewFields, type ViewTypeName } from '../offer-view/shape';
import { publicUrlOf } from '../pages/addresses';
import { appCustomisesOffer } from './app-customisation';
import { getService } from '../services/get-service';
import { UID } from '../uids';

const QUERY_DESCRIPTION = 'A published kinship local offer by its slug, or null when there is none';
const VOCABULARY_DESCRIPTION = "The arrangement and support types, with labels in the offer's language, in display order";
const LANGUAGE_DESCRIPTION = "A language the offer is published in: its locale code, and its name in itself (\"Cymraeg\")";

/** The scope the public (or a token) needs for `kinshipOffer`, as for the offers' own `find`. */
export const KINSHIP_OFFER_SCOPE = `${UID.offer}.find`;

const resolveKinshipOffer = (_parent: unknown, args: { slug: string; locale?: string | null }) =>
  getService('offer-view').find(args.slug, args.locale ?? undefined);

const PUBLIC_URL_DESCRIPTION = 'The address of its public page, absolute, in its language; null when the CMS serves no pages';

/**
 * `publicUrl` of an offer or a service (../pages/addresses): made per request, from the request's
 * public origin (../http/public-url), so it is not in the cached view. `context.koaContext`: the
 * request, as @strapi/plugin-graphql and `kinshipOfferAnswer` give it.
 */
const resolvePublicUrl = (kind: 'offer' | 'service') => (parent: any, _args: unknown, context: { koaContext: { origin: string } }) => {
  const offer = kind === 'offer' ? parent : getService('offer-view').offerOf(parent);
  if (!offer || (kind === 'service' && !parent.uuid)) return null; // a service with no UUID has no page
  return publicUrlOf(strapi, context.koaContext, offer, kind === 'service' ? parent.uuid : undefined);
};
/** The view types that have a public page. */
const WITH_PAGES: Partial<Record<ViewTypeName, 'offer' | 'service'>> = { offer: 'offer', service: 'service' };

export function kinshipOfferTypes(nexus: any) {

  const viewTypes = (Object.keys(VIEW_TYPES) as ViewTypeName[]).map((name) =>
    nexus.objectType({
      name: VIEW_TYPES[name],
      definition(t: any) {
        for (const field of viewFields(name)) {
          if (field.list) t.nonNull.list.nonNull.field(field.name, { type: field.type });
          else t.field(field.name, { type: field.type });
        }
        if (name === 'offer') {
          t.nonNull.field('vocabulary', { type: 'KinshipLocalOfferVocabulary' });
          t.nonNull.list.nonNull.field('languages', { type: 'KinshipLocalOfferLanguage' });
        }
        const page = WITH_PAGES[name];
        if (page) t.field('publicUrl', { type: 'String', description: PUBLIC_URL_DESCRIPTION, resolve: resolvePublicUrl(page) });
      },
    }),
  );

  const vocabulary = nexus.objectType({
    name: 'KinshipLocalOfferVocabulary',
    description: VOCABULARY_DESCRIPTION,
    definition(t: any) {
      t.nonNull.list.nonNull.field('arrangementTypes', { type: VIEW_TYPES['arrangement-type'] });
      t.nonNull.list.nonNull.field('supportTypes', { type: VIEW_TYPES['support-type'] });
    },
  });

  const language = nexus.objectType({
    name: 'KinshipLocalOfferLanguage',
    description: LANGUAGE_DESCRIPTION,
    definition(t: any) {
      t.nonNull.string('code');
      t.nonNull.string('name');
    },
  });

  const query = nexus.extendType({
    type: 'Query',
    definition(t: any) {
      t.field('kinshipOffer', {
        type: VIEW_TYPES.offer,
        description: QUERY_DESCRIPTION,
        args: { slug: nexus.nonNull(nexus.stringArg()), locale: nexus.stringArg() },
        resolve: resolveKinshipOffer,
      });
    },
  });

  return [...viewTypes, vocabulary, language, query];
}

/**
 * The plain schema: `Query.kinshipOffer` and its types, as in Strapi's schema (a test compares
 * them), with `scalars` (JSON, DateTime, Date: @strapi/plugin-graphql's own, so values serialise as
 * they do there).
 */
export function kinshipOfferSchema(scalars: Record<string, GraphQLScalarType>): GraphQLSchema {
  // graphql comes with @strapi/plugin-graphql, the only way this is reached.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const graphql: typeof import('graphql') = require('graphql');
  const { GraphQLList, GraphQLNonNull, GraphQLObjectType, GraphQLSchema, GraphQLString } = graphql;
  const named = new Map<string, GraphQLOutputType>([
    ['String', GraphQLString],
    ['Int', graphql.GraphQLInt],
    ['Float', graphql.GraphQLFloat],
    ['Boolean', graphql.GraphQLBoolean],
    ...Object.entries(scalars),
  ]);
  const typeNamed = (name: string) => named.get(name)!;
  const listOf = (name: string) => new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(typeNamed(name) as any)));

  for (const name of Object.keys(VIEW_TYPES) as ViewTypeName[]) {
    named.set(
      VIEW_TYPES[name],
      new GraphQLObjectType({
        name: VIEW_TYPES[name],
        fields: (): Record<string, GraphQLFieldConfig<unknown, unknown>> => ({
          ...Object.fromEntries(viewFields(name).map((field) => [field.name, { type: field.list ? listOf(field.type) : typeNamed(field.type) }])),
          ...(name === 'offer'
            ? {
                vocabulary: { type: new GraphQLNonNull(typeNamed('KinshipLocalOfferVocabulary') as any) },
                languages: { type: listOf('KinshipLocalOfferLanguage') },
              }
            : {}),
          ...(WITH_PAGES[name] ? { publicUrl: { type: GraphQLString, description: PUBLIC_URL_DESCRIPTION, resolve: resolvePublicUrl(WITH_PAGES[name]!) as any } } : {}),
        }),
      }),
    );
  }
  named.set(
    'KinshipLocalOfferVocabulary',
    new GraphQLObjectType({
      name: 'KinshipLocalOfferVocabulary',
      description: VOCABULARY_DESCRIPTION,
      fields: () => ({ arrangementTypes: { type: listOf(VIEW_TYPES['arrangement-type']) }, supportTypes: { type: listOf(VIEW_TYPES['support-type']) } }),
    }),
  );
  named.set(
    'KinshipLocalOfferLanguage',
    new GraphQLObjectType({
      name: 'KinshipLocalOfferLanguage',
      description: LANGUAGE_DESCRIPTION,
      fields: () => ({ code: { type: new GraphQLNonNull(GraphQLString) }, name: { type: new GraphQLNonNull(GraphQLString) } }),
    }),
  );
  const query = new GraphQLObjectType({
    name: 'Query',
    fields: {
      kinshipOffer: {
        type: typeNamed(VIEW_TYPES.offer),
        description: QUERY_DESCRIPTION,
        args: { slug: { type: new GraphQLNonNull(GraphQLString) }, locale: { type: GraphQLString } },
        resolve: resolveKinshipOffer as any,
      },
    },
  });
  return new GraphQLSchema({ query });
}

/**
 * Whether the app gave `kinshipOffer` or the offer's types policies, middlewares or resolvers of
 * its own, which only Apollo's wrapped schema applies: the GraphQL extension service's
 * `resolversConfig` and `resolvers` (Strapi's way), read here and judged by ./app-customisation.
 * An extension that cannot be read again counts as the app's own.
 */
function customisedByApp(strapi: Core.Strapi): boolean {
  try {
    const plugin = strapi.plugin('graphql');
    const { resolversConfig, resolvers } = plugin.service('extension').generate({ typeRegistry: plugin.service('type-registry').new() }) as {
      resolversConfig: Record<string, object>;
      resolvers: Record<string, Record<string, unknown>>;
    };
    return appCustomisesOffer(resolversConfig, resolvers);
  } catch {
    return true;
  }
}

/**
 * Answers `request` as Apollo would, as the JSON text of the response body (`{"data":…}` and a
 * newline), when it is valid, the request's credentials (none: the public role) may `find` offers
 * (../../README: public access), it executes without an error and the app added nothing of its own
 * to the query (customisedByApp). Otherwise null, and Apollo answers it: errors keep Apollo's
 * wording and status. The validation rules are Apollo's: GraphQL's own, then as
 * @strapi/plugin-graphql gives them to Apollo, its depth limit followed by the app's
 * `apolloServer.validationRules` (the request limits, ./index, or the app's own).
 *
 * Each query document is parsed, validated and compiled once (graphql-jit: a function per query
 * that walks the view as the query selects it; over a 300-service offer's ~20,000 fields, 5 ms
 * where graphql-js's generic walk takes 12) and the outcome remembered, as Apollo remembers the
 * documents it has validated; the widget sends one document.
 */
/**
 * Query documents held compiled at once (the widget sends one): a compiled query is code, tens of
 * kilobytes for the widget's, so a flood of distinct documents may not hold more than this.
 */
const MAX_COMPILED_QUERIES = 100;

function kinshipOfferExecutor(strapi: Core.Strapi) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const graphql: typeof import('graphql') = require('graphql');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { compileQuery, isCompiledQuery }: typeof import('graphql-jit') = require('graphql-jit');
  let ready: { schema: GraphQLSchema; rules: any[]; customised: boolean } | undefined;
  const prepare = () => {
    const scalars = strapi.plugin('graphql').service('internals').scalars as Record<string, GraphQLScalarType>;
    const { JSON, DateTime, Date } = scalars;
    // @strapi/plugin-graphql gives Apollo [depthLimit] with the app's rules appended (arrays concatenated).
    const appRules = ((strapi.config.get('plugin::graphql.apolloServer') ?? {}) as { validationRules?: any[] }).validationRules ?? [];
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const depthLimit = require('graphql-depth-limit')(strapi.config.get('plugin::graphql.depthLimit'));
    const rules = [...graphql.specifiedRules, depthLimit, ...appRules];
    return { schema: kinshipOfferSchema({ JSON, DateTime, Date }), rules, customised: customisedByApp(strapi) };
  };

  /** Whether the request's credentials (the public role's, without any) carry KINSHIP_OFFER_SCOPE. */
  async function mayFindOffers(ctx: any): Promise<boolean> {
    const route = ctx.state.route;
    ctx.state.route = { info: { type: 'content-api' } };
    let allowed = false;
    try {
      await strapi.auth.authenticate(ctx, async () => {
        await strapi.auth.verify(ctx.state.auth, { scope: [KINSHIP_OFFER_SCOPE] });
        allowed = true;
      });
    } catch {
      allowed = false;
    } finally {
      ctx.state.route = route;
    }
    return allowed;
  }

  /**
   * The query compiled, or null when it is not valid, cannot be compiled, or is one graphql-jit
   * would answer where GraphQL refuses it (Apollo says why): graphql-jit takes an operation name
   * of "" for none, and a @skip or @include condition sent as null for false, where graphql-js
   * answers `Unknown operation named ""` and `Argument "if" of non-null type "Boolean!" must not be null`.
   */
  const compile = (query: string, operationName: string | null): CompiledQuery | null => {
    const document = graphql.parse(query);
    if (graphql.validate(ready!.schema, document, ready!.rules).length > 0) return null;
    const operation = graphql.getOperationAST(document, operationName);
    if (!operation || conditionMayBeNull(document, operation)) return null;
    const compiled = compileQuery(ready!.schema, document, operationName ?? undefined);
    return isCompiledQuery(compiled) ? compiled : null;
  };
  /** Whether a @skip or @include condition in `document` is a variable of `operation` that may be null (`$show: Boolean = true`). */
  const conditionMayBeNull = (document: DocumentNode, operation: OperationDefinitionNode) => {
    const nullable = new Set(
      (operation.variableDefinitions ?? []).filter(({ type }) => type.kind !== graphql.Kind.NON_NULL_TYPE).map(({ variable }) => variable.name.value),
    );
    let found = false;
    if (nullable.size > 0) {
      graphql.visit(document, {
        Directive(directive) {
          const condition = directive.arguments?.find(({ name }) => name.value === 'if')?.value;
          if (condition?.kind === graphql.Kind.VARIABLE && nullable.has(condition.name.value)) found = true;
        },
      });
    }
    return found;
  };
  // Keyed as JSON, which keeps apart what Apollo tells apart: no operation name is not an empty one.
  const compiled = memoised(MAX_COMPILED_QUERIES, (key) => compile(...(JSON.parse(key) as [string, string | null])));

  return async (ctx: any, request: KinshipOfferRequest): Promise<string | null> => {
    ready ??= prepare();
    if (ready.customised) return null;
    const query = compiled(JSON.stringify([request.query, request.operationName]));
    if (!query || !(await mayFindOffers(ctx))) return null;
    const result = await query.query(undefined, { koaContext: ctx }, request.variables ?? undefined);
    if (result.errors?.length) return null;
    return `${JSON.stringify(result)}\n`;
  };
}

/**
 * Last of the app's middlewares (../bootstrap), after those whose headers a cached response keeps:
 * answers a miss of the offer cache (offer-view/http-cache) on the plain schema, or passes it on
 * to Apollo with every other request.
 */
export function kinshipOfferAnswer(strapi: Core.Strapi) {
  const execute = kinshipOfferExecutor(strapi);
  return async (ctx: any, next: () => Promise<void>) => {
    const request = takeMiss(ctx);
    if (!request) return next();
    const json = await execute(ctx, request).catch(() => null);
    if (json === null) return next();
    answeredWithoutApollo(ctx);
    ctx.status = 200;
    ctx.type = 'application/json';
    ctx.body = json;
  };
}
