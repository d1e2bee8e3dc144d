/**
 * Talking to the CMS: small pure functions that build the request and read the response, and the
 * one `loadOffer` that puts them together with fetch. Each failure has its own kind, so the
 * element can tell a reader and the web team what went wrong.
 */
import { OFFER_QUERY_ID, OFFER_VIEW_PATH } from '../../../plugin/shared/offer-query';
import type { Offer } from './types';

export type LoadFailure =
  | 'endpoint' // the endpoint attribute is not a usable URL
  | 'network' // no answer: offline, DNS, CORS, CMS down
  | 'timeout' // no answer in time
  | 'http' // an answer that is not a 200
  | 'format' // a 200 that is not the JSON we asked for
  | 'graphql' // GraphQL errors
  | 'not-found'; // no published offer with that slug

export class OfferLoadError extends Error {
  constructor(
    readonly kind: LoadFailure,
    message: string,
  ) {
    super(message);
    this.name = 'OfferLoadError';
  }
}

/**
 * Where the GraphQL endpoint is: the `endpoint` attribute, or the CMS that served the script.
 * A CMS may sit behind a proxy under a path (https://www.example.gov.uk/cms/), so the endpoint is
 * found relative to the script (<cms>/api/kinship-offer/widget.js), never at the host's root.
 */
export function resolveEndpoint(endpoint: string | null | undefined, scriptUrl: string): URL {
  try {
    const url = new URL(endpoint || '../../graphql', endpoint ? document.baseURI : scriptUrl);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new TypeError(url.protocol);
    return url;
  } catch {
    throw new OfferLoadError('endpoint', `"${endpoint}" is not a valid GraphQL endpoint URL`);
  }
}

/**
 * A plain GET, so a repeat view is answered from the browser's cache (the CMS sends an ETag), and
 * with no custom header, so the browser sends it without a CORS preflight (the plugin lets this
 * one read-only query past Apollo's CSRF check for GETs). GET and CORS mode are fetch's defaults.
 *
 * From the CMS that served the script (`preloadable`: no endpoint attribute), at the offer's stable
 * address (OFFER_VIEW_PATH), which a host page may have preloaded; else, as the endpoint attribute
 * says, the GraphQL query by its persisted document id (OFFER_QUERY_ID: the query's text stays out
 * of widget.js, and the CMS puts it back). Credentials are "same-origin", the mode of a
 * `<link rel="preload" crossorigin>`, which a fetch must share to be given the preloaded response:
 * to a CMS on another origin, as "omit", nothing is sent; a cookie sent to a CMS on the page's own
 * origin reads nothing more (the offer is public, and the CMS reads no session from a cookie).
 */
export function buildOfferRequest(endpoint: URL, slug: string, locale?: string, preloadable = false): { url: string; init: RequestInit } {
  const init: RequestInit = { credentials: 'same-origin' };
  if (preloadable) {
    const url = cmsAddress(endpoint, OFFER_VIEW_PATH + encodeURIComponent(slug));
    if (locale) url.searchParams.set('locale', locale);
    return { url: url.toString(), init };
  }
  const url = new URL(endpoint);
  url.searchParams.set('documentId', OFFER_QUERY_ID);
  url.searchParams.set('variables', JSON.stringify(locale ? { slug, locale } : { slug }));
  return { url: url.toString(), init };
}

/** Reads a response body: the offer, or the reason there is none. */
export function parseOfferResponse(status: number, body: string, slug: string): Offer {
  let json: { data?: { kinshipOffer?: Offer | null }; errors?: Array<{ message?: string }> };
  try {
    json = JSON.parse(body);
  } catch {
    if (status !== 200) throw new OfferLoadError('http', `the CMS answered ${status}`);
    throw new OfferLoadError('format', 'the CMS answered with something that is not JSON');
  }
  if (json.errors?.length) {
    throw new OfferLoadError('graphql', `the CMS refused the query: ${json.errors.map((e) => e.message).join('; ')}`);
  }
  if (status !== 200) throw new OfferLoadError('http', `the CMS answered ${status}`);
  if (!json.data || !('kinshipOffer' in json.data)) {
    throw new OfferLoadError('format', 'the CMS answered without an offer');
  }
  if (!json.data.kinshipOffer) throw new OfferLoadError('not-found', `there is no published offer "${slug}"`);
  return json.data.kinshipOffer;
}

/** How long a reader waits before they are shown the fallback contact instead. */
export const TIMEOUT_MS = 10_000;

/**
 * Loads the offer, or fails with the reason. `signal` is the caller's: a newer load aborts this
 * one, and then the abort itself is what is thrown. The request also gives up after `timeoutMs`;
 * `preloadable` as for buildOfferRequest.
 */
export async function loadOffer(
  endpoint: URL,
  slug: string,
  locale: string | undefined,
  signal: AbortSignal,
  { timeoutMs = TIMEOUT_MS, preloadable = false } = {},
): Promise<Offer> {
  const { url, init } = buildOfferRequest(endpoint, slug, locale, preloadable);
  // One controller for both ways to stop, rather than AbortSignal.any and AbortSignal.timeout:
  // those came in Safari 17.4, and carers' older iPads stay on iPadOS 16.
  const stop = new AbortController();
  const timer = setTimeout(() => stop.abort('timeout'), timeoutMs);
  signal.addEventListener('abort', () => stop.abort(), { once: true });
  let response: Response;
  let body: string;
  try {
    response = await fetch(url, { ...init, signal: stop.signal });
    body = await response.text();
  } catch (error) {
    if (signal.aborted) throw error;
    if (stop.signal.reason === 'timeout') throw new OfferLoadError('timeout', `the CMS at ${endpoint.origin} did not answer within ${timeoutMs / 1000} s`);
    throw new OfferLoadError('network', `the CMS at ${endpoint.origin} could not be reached`);
  } finally {
    clearTimeout(timer);
  }
  return parseOfferResponse(response.status, body, slug);
}

export interface FeedbackInput {
  offer: string;
  /** The service's UUID, when the feedback is about one service. */
  service?: string;
  helpful?: boolean;
  message?: string;
  startedAt: number;
}

/**
 * An address on the CMS that serves `endpoint`: beside it, under the same path prefix
 * (https://www.example.gov.uk/cms/graphql gives https://www.example.gov.uk/cms/api/...).
 */
export const cmsAddress = (endpoint: URL, path: string) => new URL(path, endpoint.href.replace(/\/+(?=$|[?#])/, ''));

/** Sends a reader's feedback to the plugin's REST route on the CMS that serves the offer; true once it is taken. */
export async function sendFeedback(endpoint: URL, data: FeedbackInput): Promise<boolean> {
  try {
    const response = await fetch(cmsAddress(endpoint, 'api/kinship-offer/feedback'), {
      method: 'POST',
      credentials: 'omit',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ data }),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    return response.status === 202;
  } catch {
    return false;
  }
}
