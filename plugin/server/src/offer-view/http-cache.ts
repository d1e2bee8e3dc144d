/**
 * HTTP caching for the widget's one request. A GraphQL GET whose only field is `kinshipOffer` (and
 * which carries no credentials) is answered from memory while the content is unchanged, with an
 * ETag, so a repeat view transfers no offer body again (304) and a busy CMS does no GraphQL work
 * for it. "Unchanged" includes the public role's permissions: revoking them takes effect at once.
 *
 * Such a request may also come without the headers Apollo's CSRF protection asks of GETs: it reads
 * public, published content and changes nothing, so there is nothing to forge, and a browser then
 * sends it without a CORS preflight, one round trip sooner.
 */
import { createHash } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { getService } from '../services/get-service';

/** Distinct query documents whose shape is remembered. */
const MAX_ENTRIES = 500;
const MAX_QUERY_LENGTH = 10_000;

type Parse = (source: string) => any;

/** Whether a query document asks for kinshipOffer and nothing else. Memoized: the widget sends one document. */
function offerOnlyQueries(parse: Parse) {
  const isOfferOnly = (query: string): boolean => {
    try {
      const { definitions } = parse(query);
      const [operation] = definitions;
      return (
        definitions.length === 1 &&
        operation.kind === 'OperationDefinition' &&
        operation.operation === 'query' &&
        operation.selectionSet.selections.every((s: any) => s.kind === 'Field' && s.name.value === 'kinshipOffer')
      );
    } catch {
      return false;
    }
  };
  const known = new Map<string, boolean>();
  return (query: string) => {
    if (!known.has(query)) {
      if (known.size >= MAX_ENTRIES) known.clear();
      known.set(query, isOfferOnly(query));
    }
    return known.get(query)!;
  };
}

export function offerResponseCache(strapi: Core.Strapi) {
  const endpoint = (strapi.config.get('plugin::graphql.endpoint') as string | undefined) ?? '/graphql';
  // graphql comes with @strapi/plugin-graphql, the only way this middleware is reached.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const isOfferOnly = offerOnlyQueries(require('graphql').parse);
  const offerView = () => getService('offer-view');

  return async (ctx: any, next: () => Promise<void>) => {
    if (ctx.path !== endpoint || ctx.method !== 'GET') return next();
    if (ctx.get('authorization')) return next();
    const params = ctx.query;
    const query = params?.query;
    if (typeof query !== 'string' || query.length > MAX_QUERY_LENGTH || !isOfferOnly(query)) return next();

    const variables = typeof params.variables === 'string' ? params.variables : JSON.stringify(params.variables ?? null);
    const key = createHash('sha256').update(`${query}\u0000${variables}\u0000${params.operationName ?? ''}`).digest('base64url');
    const { responses } = offerView();
    const version = await offerView().contentVersion();

    const respond = (entry: { body: string; etag: string }) => {
      ctx.set('content-type', 'application/json; charset=utf-8');
      ctx.set('cache-control', 'public, no-cache');
      ctx.etag = entry.etag;
      ctx.status = 200;
      if (ctx.fresh) ctx.status = 304;
      else ctx.body = entry.body;
    };

    const cached = responses.get(key);
    if (cached?.version === version) return respond(cached.value);

    ctx.request.headers['apollo-require-preflight'] = 'true';
    await next();
    if (ctx.status !== 200 || typeof ctx.body !== 'string' || ctx.body.includes('"errors":')) return;
    const entry = { body: ctx.body, etag: `"${createHash('sha256').update(ctx.body).digest('base64url').slice(0, 27)}"` };
    responses.set(key, version, entry);
    respond(entry);
  };
}
