/**
 * The Open Referral UK 3.0 feed over HTTP (HSDS-UK 3.0; profile_compliance.md). Read-only, open
 * (no key), published content only. Every endpoint answers under two bases:
 * `/api/kinship-offer/oruk` (every published offer) and `/api/kinship-offer/oruk/<offer slug>`.
 *
 * - `GET <base>/`: `{ version: "HSDS-UK-3.0", profile, openapi_url }`, the URL absolute.
 * - `GET <base>/openapi.json`: the profile's OpenAPI document for this feed (./openapi).
 * - `GET <base>/services`: a Page of services (one-to-one fields and organization), filtered by
 *   `search`, `taxonomy_id`, `taxonomy_term_id`, `minimum_age`, `maximum_age`, `day`,
 *   `start_time`, `end_time`, `modified_after`, all together; `page`, `per_page` (default and
 *   maximum 1000, ./query).
 * - `GET <base>/services/{id}`: one full service.
 * - `GET <base>/service_at_locations`: a Page of each service at each of its locations (one-to-one
 *   fields, the service as `/services` lists it), filtered and paged as `/services` (the filters
 *   apply to the service); `postcode` and `proximity` are not served (no postcode geography here).
 * - `GET <base>/service_at_locations/{id}`: one service at a location, with its full service.
 * - `GET <base>/taxonomies`, `/taxonomies/{id}`, `/taxonomy_terms` (also by `taxonomy_id`),
 *   `/taxonomy_terms/{id}`.
 *
 * Every response: JSON, `Access-Control-Allow-Origin: *` (whatever the app's CORS settings say).
 * On success, sent as every cached public read is (../http/cached-response): an ETag per encoding
 * (a repeat pull that changed nothing is a 304), br or gzip, `Cache-Control` a CDN may keep
 * (`s-maxage`, `stale-while-revalidate`, `stale-if-error`), `X-Cache: HIT|MISS`; per offer, an edit
 * to another offer leaves the feed warm. Errors are JSON in Strapi's shape
 * `{ data: null, error: { status, name, message, details } }`: 404 for an unknown offer or id, 400 naming the parameter that cannot be read (`details.parameter`),
 * and 503 (never a 500) if the content cannot be read at all.
 *
 * Absolute URLs start where ../http/public-url says.
 */
import { cachedResponse, publicReadHeaders, sendCached } from '../http/cached-response';
import { pluginApiBase } from '../http/public-url';
import { problem } from '../http/problem';
import { getService } from '../services/get-service';
import { listItem, serviceAtLocationFull, serviceAtLocationListItem } from './map';
import { openapiDocument } from './openapi';
import { BadParameter, matches, pageOf, pagingOf, serviceFiltersOf } from './query';
import type { Feed } from './service';

/** What the root answers: the version the validator checks for, and the profile it names. */
export const HSDS_VERSION = 'HSDS-UK-3.0';
export const PROFILE_URL = 'https://github.com/OpenReferralUK/uk-profile/blob/main/docs/index.md';

class NotFound extends Error {}

/** The parameters any list reads: the response cache keys on these alone, so others cannot flood it. */
const PARAMETERS = ['page', 'per_page', 'search', 'taxonomy_id', 'taxonomy_term_id', 'minimum_age', 'maximum_age', 'day', 'start_time', 'end_time', 'modified_after'];
const cacheKey = (base: string, ctx: any) =>
  JSON.stringify([base, ctx.path, PARAMETERS.map((name) => ctx.query[name] ?? null)]);

/** The feed's base URL for this request, absolute, no trailing slash. */
function baseOf(ctx: any): string {
  const offer = ctx.params?.offer;
  return `${pluginApiBase(strapi, ctx)}/oruk${offer ? `/${encodeURIComponent(offer)}` : ''}`;
}

type Answer = (feed: Feed, ctx: any, base: string) => unknown;

/**
 * Answers with `answer(feed)` for the request's offer (or all), from the response cache while the
 * content version holds.
 */
const respond = (answer: Answer, needsFeed = true) =>
  async function handler(ctx: any) {
    const startedAt = performance.now();
    publicReadHeaders(ctx);
    try {
      const oruk = getService('oruk');
      const base = baseOf(ctx);
      const slug: string | null = ctx.params?.offer ?? null;
      const version = await oruk.contentVersion(slug);
      const key = cacheKey(base, ctx);
      const cached = oruk.responses.get(key);
      if (cached?.version === version) return await sendCached(ctx, cached.value, { hit: true, startedAt });
      const feed = needsFeed || slug ? await oruk.feed(slug, { base }) : null;
      if (!feed && (needsFeed || slug)) throw new NotFound(`There is no published kinship offer "${slug}"`);
      const entry = cachedResponse(JSON.stringify(answer(feed!, ctx, base)));
      oruk.responses.set(key, version, entry);
      await sendCached(ctx, entry, { hit: false, startedAt });
    } catch (error) {
      if (error instanceof BadParameter) return problem(ctx, 400, 'ValidationError', error.message, { parameter: error.parameter });
      if (error instanceof NotFound) return problem(ctx, 404, 'NotFoundError', error.message);
      strapi.log.error(`kinship-offer: the Open Referral feed could not answer ${ctx.path}: ${(error as Error)?.stack ?? error}`);
      ctx.set('retry-after', '30');
      problem(ctx, 503, 'ServiceUnavailableError', 'The feed cannot be read just now; try again shortly.');
    }
  };

const found = <T>(value: T | undefined, what: string, id: string): T => {
  if (value === undefined) throw new NotFound(`There is no ${what} ${id} in this feed`);
  return value;
};

export default {
  root: respond(
    (_feed, _ctx, base) => ({ version: HSDS_VERSION, profile: PROFILE_URL, openapi_url: `${base}/openapi.json` }),
    false,
  ),

  openapi: respond((_feed, _ctx, base) => openapiDocument(base), false),

  services: respond((feed, ctx) => {
    const paging = pagingOf(ctx.query);
    const filters = serviceFiltersOf(ctx.query);
    const page = pageOf(feed.services.filter((service) => matches(service, filters)), paging);
    return { ...page, contents: page.contents.map(listItem) };
  }),

  service: respond((feed, ctx) => found(feed.serviceById.get(String(ctx.params.id).toLowerCase()), 'service', ctx.params.id)),

  serviceAtLocations: respond((feed, ctx) => {
    const paging = pagingOf(ctx.query);
    const filters = serviceFiltersOf(ctx.query);
    const page = pageOf(feed.serviceAtLocations.filter(({ service }) => matches(service, filters)), paging);
    return { ...page, contents: page.contents.map(serviceAtLocationListItem) };
  }),

  serviceAtLocation: respond((feed, ctx) =>
    serviceAtLocationFull(found(feed.serviceAtLocationById.get(String(ctx.params.id).toLowerCase()), 'service at location', ctx.params.id)),
  ),

  taxonomies: respond((feed, ctx) => pageOf(feed.taxonomies, pagingOf(ctx.query))),

  taxonomy: respond((feed, ctx) =>
    found(feed.taxonomies.find((taxonomy) => taxonomy.id === String(ctx.params.id).toLowerCase()), 'taxonomy', ctx.params.id),
  ),

  taxonomyTerms: respond((feed, ctx) => {
    const paging = pagingOf(ctx.query);
    const { taxonomyId } = serviceFiltersOf({ taxonomy_id: ctx.query.taxonomy_id });
    return pageOf(feed.terms.filter((term) => !taxonomyId || term.taxonomy_id === taxonomyId), paging);
  }),

  taxonomyTerm: respond((feed, ctx) => found(feed.termById.get(String(ctx.params.id).toLowerCase()), 'taxonomy term', ctx.params.id)),
};
