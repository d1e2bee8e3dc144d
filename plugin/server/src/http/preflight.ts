/**
 * CORS preflights for the public requests readers' browsers make (the widget's offer GET, its
 * feedback and reach posts, widget.js, the Open Referral feed), answered by the plugin rather than
 * by the app's `strapi::cors`.
 *
 * A host page adds headers to our requests that we never asked for: tracing agents (Sentry's
 * `sentry-trace` and `baggage`, W3C `traceparent` and `tracestate` from New Relic, Datadog or
 * OpenTelemetry), tag managers and corporate proxies' scripts. Any header outside the CORS
 * safelist makes the browser ask first, and Strapi's default CORS allows only `Content-Type,
 * Authorization, Origin, Accept`: the offer then "could not be loaded". These requests are public
 * and carry no credentials, so any origin may send them with any header (`*`, which by the Fetch
 * standard never covers `Authorization`, and never applies to a request with credentials).
 * The answer is the same whatever is asked (no `Vary`), and the requests themselves are answered
 * as before: the headers a page adds never split a cached response.
 *
 * Only these routes: a preflight for anything else (the app's own API, the admin) is the app's to
 * answer. For GraphQL, only a preflight for the widget's own kind of request (a GET of
 * `kinshipOffer` and nothing else: the preflight carries the same URL) is answered here
 * (../offer-view/http-cache).
 */

/** How long a browser may reuse the answer, in seconds (Chromium keeps it two hours at most). */
const MAX_AGE = 86_400;

/**
 * Whether `ctx` is a CORS preflight (OPTIONS with Origin and Access-Control-Request-Method) for one
 * of `methods`, without credentials in view: one asking to send `Authorization` is a client of the
 * app's API with a token, and the app's own CORS answers it.
 */
export function isPublicPreflight(ctx: any, methods: readonly string[]): boolean {
  return (
    ctx.method === 'OPTIONS' &&
    Boolean(ctx.get('origin')) &&
    methods.includes(ctx.get('access-control-request-method').toUpperCase()) &&
    !/(^|,)\s*authorization\s*(,|$)/i.test(ctx.get('access-control-request-headers'))
  );
}

/** Answers a preflight for a public request: 204, any origin, any header, `methods`, no credentials. */
export function answerPublicPreflight(ctx: any, methods: readonly string[]) {
  ctx.set({
    'access-control-allow-origin': '*',
    'access-control-allow-methods': methods.join(', '),
    'access-control-allow-headers': '*',
    'access-control-max-age': String(MAX_AGE),
  });
  ctx.remove('access-control-allow-credentials');
  ctx.remove('vary');
  ctx.status = 204;
}

interface PublicRoute {
  method: string;
  path: string;
  config?: { auth?: unknown; [setting: string]: unknown };
}

/**
 * A middleware that answers preflights for the plugin's own routes open to everyone (`auth:
 * false`) under the app's REST prefix; every other request goes on. `routes`: the plugin's
 * content-API routes (../routes).
 */
export function publicPreflights(routes: readonly PublicRoute[], restPrefix: string) {
  const base = `${restPrefix.replace(/\/+$/, '')}/kinship-offer`;
  const open = routes
    .filter((route) => route.config?.auth === false)
    .map((route) => ({ method: route.method, pattern: new RegExp(`^${base}${route.path.replace(/:\w+/g, '[^/]+').replace(/\./g, '\\.')}$`) }));
  return async (ctx: any, next: () => Promise<unknown>) => {
    if (ctx.method !== 'OPTIONS' || !ctx.path.startsWith(base)) return next();
    const methods = [...new Set(open.filter((route) => route.pattern.test(ctx.path)).map((route) => route.method))];
    if (methods.includes('GET')) methods.push('HEAD');
    if (!isPublicPreflight(ctx, methods)) return next();
    answerPublicPreflight(ctx, methods);
  };
}
