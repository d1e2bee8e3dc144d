/**
 * HTTP caching for the widget's one request. A GraphQL GET whose only fields are `kinshipOffer`
 * (and which carries no credentials) is answered from memory while the content of the offers it
 * names is unchanged (their versions, ./content-version), so a busy CMS does no GraphQL work for
 * it, and sent as every cached public read is (../http/cached-response: ETag per encoding, br or
 * gzip, `s-maxage` with `stale-while-revalidate` and `stale-if-error`, `X-Cache: HIT|MISS`), so a
 * repeat view transfers no offer body again (304) and a CDN can keep it. "Unchanged" includes the
 * public role's permissions: revoking them takes effect within the version's second.
 *
 * It runs first in line (see ../bootstrap), so a hit skips the app's own middlewares; the headers
 * they set on the miss that built a response are kept with it and sent again with each hit.
 *
 * A miss is handed (`takeMiss`) to `kinshipOfferAnswer` (../graphql/kinship-offer-query), last of
 * the app's middlewares, which executes the query against a plain schema rather than through Apollo and
 * @strapi/plugin-graphql's per-field wrappers, when it may: the first read after an edit then costs
 * the view's build, not hundreds of milliseconds of GraphQL. Whatever it cannot answer goes on to
 * Apollo, as any other request does.
 *
 * Such a request may also come without the headers Apollo's CSRF protection asks of GETs: it reads
 * public, published content and changes nothing, so there is nothing to forge, and a browser then
 * sends it without a CORS preflight, one round trip sooner. When a host page's script adds headers
 * of its own and the browser asks first all the same, the preflight is answered here too.
 */
import { createHash } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { cacheControlOf, cachedResponse, sendCached } from '../http/cached-response';
import { answerPublicPreflight, isPublicPreflight } from '../http/preflight';
import { addressesFromRequest, originForKey, restPrefix } from '../http/public-url';
import { getService } from '../services/get-service';
import { OFFER_QUERY, OFFER_QUERY_ID, OFFER_VIEW_PATH } from '../../../shared/offer-query';
import { memoised } from './store';

/** Distinct query documents whose shape is remembered. */
const MAX_ENTRIES = 500;
const MAX_QUERY_LENGTH = 10_000;
/**
 * Offers one cached request may name (the widget names one). Each costs a content version read
 * before GraphQL sees the request: one naming hundreds, which GraphQL refuses unread (30 aliases at
 * most, graphql/request-limits), is left to GraphQL.
 */
const MAX_OFFERS = 10;
const GET = ['GET', 'HEAD'];

type Parse = (source: string) => any;

/** Where a `kinshipOffer` field takes its slug from: written in the query, or a variable's name. */
type SlugSource = { literal: string } | { variable: string; fallback?: string };

/**
 * The slugs a query document reads, when it asks for kinshipOffer and nothing else (else null).
 * Memoized: the widget sends one document. Only the slugs' sources are kept, not the parsed
 * document (a few megabytes for a long one, and anyone may send hundreds).
 */
function offerOnlyQueries(parse: Parse) {
  const slugSources = (query: string): SlugSource[] | null => {
    try {
      const { definitions } = parse(query);
      const [operation] = definitions;
      if (definitions.length !== 1 || operation.kind !== 'OperationDefinition' || operation.operation !== 'query') return null;
      const fields = operation.selectionSet.selections;
      if (!fields.every((s: any) => s.kind === 'Field' && s.name.value === 'kinshipOffer')) return null;
      const defaults = new Map<string, any>(
        (operation.variableDefinitions ?? []).map((definition: any) => [definition.variable.name.value, definition.defaultValue]),
      );
      const sources = fields.map((field: any): SlugSource | null => {
        const value = field.arguments.find((argument: any) => argument.name.value === 'slug')?.value;
        if (value?.kind === 'StringValue') return { literal: value.value };
        if (value?.kind !== 'Variable') return null;
        const fallback = defaults.get(value.name.value);
        return { variable: value.name.value, ...(fallback?.kind === 'StringValue' ? { fallback: fallback.value } : {}) };
      });
      return sources.includes(null) ? null : sources;
    } catch {
      return null;
    }
  };
  return memoised(MAX_ENTRIES, slugSources);
}

/** The slugs asked for, given the request's variables; null if one is not a string (GraphQL will say why). */
function slugsOf(sources: SlugSource[], variables: Record<string, unknown> | null): string[] | null {
  const slugs = sources.map((source) => ('literal' in source ? source.literal : (variables?.[source.variable] ?? source.fallback)));
  return slugs.every((slug) => typeof slug === 'string') ? [...new Set(slugs as string[])].sort() : null;
}

/**
 * The variables as JSON text (absent: none), or undefined when they are not a JSON object (`null`
 * is not one: Apollo refuses it).
 */
const parseVariables = (raw: string | null): Record<string, unknown> | null | undefined => {
  if (raw === null) return null;
  try {
    const parsed = JSON.parse(raw);
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
};

/** A request for `kinshipOffer` only: its query document's text (to be parsed where it is answered). */
export interface KinshipOfferRequest {
  query: string;
  variables: Record<string, unknown> | null;
  operationName: string | null;
}

/** Misses on their way to whoever answers them, by request; and those answered without Apollo. */
const missesToAnswer = new WeakMap<object, KinshipOfferRequest>();
const answeredPlainly = new WeakSet<object>();

/** The miss `ctx` carries, once (then forgotten); undefined for any other request. */
export function takeMiss(ctx: object): KinshipOfferRequest | undefined {
  const request = missesToAnswer.get(ctx);
  missesToAnswer.delete(ctx);
  return request;
}

/** Says that the miss `ctx` was answered without Apollo (shown in Server-Timing). */
export function answeredWithoutApollo(ctx: object) {
  answeredPlainly.add(ctx);
}

export function offerResponseCache(strapi: Core.Strapi) {
  const endpoint = (strapi.config.get('plugin::graphql.endpoint') as string | undefined) ?? '/graphql';
  // graphql comes with @strapi/plugin-graphql, the only way this middleware is reached.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const slugSourcesOf = offerOnlyQueries(require('graphql').parse);
  const offerView = () => getService('offer-view');

  /**
   * What a query string asks for: the response cache key and the offers it names, or null when it
   * is not a cacheable offer request. The query string is read plainly, as the widget writes it
   * (qs, which Strapi's ctx.query uses, is several times slower on a query document); anything
   * else, such as variables[slug]=…, is left to GraphQL. Memoized: most readers send the same; the
   * key and slugs only, as for the query (parsed variables can take ten times their text).
   */
  const readRequest = (querystring: string): { key: string; slugs: string[] } | null => {
    const params = new URLSearchParams(querystring);
    if (!['query', 'variables', 'operationName'].every((name) => params.getAll(name).length <= 1)) return null;
    // Apollo reads `extensions` too (persisted queries) and refuses what it cannot read: its own.
    if (params.has('extensions')) return null;
    const query = params.get('query');
    if (query === null || query.length > MAX_QUERY_LENGTH) return null;
    const sources = slugSourcesOf(query);
    const rawVariables = params.get('variables');
    const variables = parseVariables(rawVariables);
    const slugs = sources && variables !== undefined ? slugsOf(sources, variables) : null;
    if (!slugs || slugs.length > MAX_OFFERS) return null;
    const operationName = params.get('operationName');
    // JSON keeps apart what Apollo tells apart: no operation name is not an empty one.
    const key = createHash('sha256').update(JSON.stringify([query, rawVariables, operationName])).digest('base64url');
    return { key, slugs };
  };
  /** The request in a query string readRequest took, read again for a miss. */
  const missOf = (querystring: string): KinshipOfferRequest => {
    const params = new URLSearchParams(querystring);
    return { query: params.get('query')!, variables: parseVariables(params.get('variables')) ?? null, operationName: params.get('operationName') };
  };
  const requests = memoised(MAX_ENTRIES, readRequest);

  /**
   * The offer's stable address (../../../shared/offer-query OFFER_VIEW_PATH), under the app's REST
   * prefix, rewritten into the widget's GraphQL GET, so it is that request in every respect.
   */
  const viewPath = `${restPrefix(strapi)}/${OFFER_VIEW_PATH.replace(/^api\//, '')}`;
  const fromViewPath = (ctx: any) => {
    const at = viewPath.length;
    if (typeof ctx.path !== 'string' || !ctx.path.startsWith(viewPath) || ctx.path.length === at || ctx.path.includes('/', at)) return;
    let slug: string;
    try {
      slug = decodeURIComponent(ctx.path.slice(at));
    } catch {
      return; // a malformed escape: left to the router, which finds no such route (404)
    }
    const locale = new URLSearchParams(ctx.querystring ?? '').get('locale');
    ctx.path = endpoint;
    ctx.querystring = new URLSearchParams({ query: OFFER_QUERY, variables: JSON.stringify(locale ? { slug, locale } : { slug }) }).toString();
  };

  /**
   * The widget's GraphQL GET names its query by persisted document id (OFFER_QUERY_ID, as GraphQL
   * over HTTP's persisted documents do): that id alone, with no query beside it, is rewritten into
   * the query itself, so the request is then the GraphQL GET of OFFER_QUERY in every respect (its
   * cache entry, CORS, what is published). Any other documentId is left as it came, for GraphQL to
   * answer as it answers any request it cannot read.
   */
  const fromPersistedId = (ctx: any) => {
    if (ctx.path !== endpoint || !(ctx.querystring ?? '').includes('documentId=')) return;
    const params = new URLSearchParams(ctx.querystring);
    if (params.getAll('documentId').join() !== OFFER_QUERY_ID || params.has('query')) return;
    params.delete('documentId');
    ctx.querystring = new URLSearchParams([['query', OFFER_QUERY], ...params]).toString();
  };

  return async (ctx: any, next: () => Promise<void>) => {
    // The offer's two short forms (its stable address, its persisted id) become the GraphQL GET
    // they stand for before anything below reads the request.
    if ([...GET, 'OPTIONS'].includes(ctx.method)) {
      fromPersistedId(ctx);
      fromViewPath(ctx);
    }
    // HEAD as GET without the body (Koa leaves it out): link checkers, monitors and some CDNs send
    // it, and Apollo refuses it (400 or 405).
    const head = ctx.method === 'HEAD';
    // A host page's tracing agent adds headers to the widget's GET, which then needs a preflight:
    // answered for this kind of request only, which the preflight's URL already shows (../http/preflight).
    if (ctx.path === endpoint && isPublicPreflight(ctx, GET) && (ctx.querystring ?? '').length <= 4 * MAX_QUERY_LENGTH && requests(ctx.querystring ?? '')) {
      return answerPublicPreflight(ctx, GET);
    }
    if (ctx.path !== endpoint || (ctx.method !== 'GET' && !head)) return next();
    if (ctx.get('authorization')) return next();
    const startedAt = performance.now();
    const querystring: string = ctx.querystring ?? '';
    if (querystring.length > 4 * MAX_QUERY_LENGTH) return next();
    const request = requests(querystring);
    if (!request) return next();
    const { slugs } = request;
    // `publicUrl` starts at the request's public origin (../http/public-url): one response per origin.
    const key = `${request.key}\n${originForKey(strapi, ctx)}`;

    const { responses } = offerView();
    // Per offer: an edit to another offer leaves this response warm (./content-version). If the
    // database cannot say, GraphQL answers, inside the app's error handling.
    let version: string;
    try {
      version = (await Promise.all(slugs.map((slug) => offerView().contentVersion(slug)))).join('\n');
    } catch {
      return next();
    }

    const cached = responses.get(key);
    if (cached?.version === version) return sendCached(ctx, cached.value, { hit: true, startedAt, cacheControl: cacheControlOf(cached.value) });

    ctx.request.headers['apollo-require-preflight'] = 'true';
    if (head) ctx.method = 'GET';
    missesToAnswer.set(ctx, missOf(querystring));
    try {
      await next();
    } finally {
      if (head) ctx.method = 'HEAD';
      missesToAnswer.delete(ctx);
    }
    if (ctx.status !== 200 || typeof ctx.body !== 'string' || ctx.body.includes('"errors":')) return;
    const entry = { ...cachedResponse(ctx.body, ctx.response.headers), forOneClient: addressesFromRequest(ctx) };
    responses.set(key, version, entry);
    await sendCached(ctx, entry, { hit: false, startedAt, cacheControl: cacheControlOf(entry), timings: [`graphql;desc=${answeredPlainly.has(ctx) ? 'plain' : 'apollo'}`] });
  };
}
