/**
 * Where this instance's public addresses start: the one place absolute URLs are made from, for
 * everything that names an address of ours in a response (the Open Referral UK feed, and the
 * public pages, sitemap and oEmbed built on it).
 *
 * The origin is the app's `server.url` when it is absolute (Strapi's PUBLIC_URL), else the
 * request's, which honours X-Forwarded-Proto and X-Forwarded-Host when `server.proxy` is on.
 *
 * The request's origin is whatever its sender wrote in Host (or X-Forwarded-Host): a response
 * built from it must never reach a shared cache that keys on the URL alone (nginx's default key,
 * most CDNs'), or one forged request would put another host's address in front of every client.
 * So `publicOrigin` marks a request whose addresses came from its headers, and
 * `keepAddressesFromSharedCaches` (every request, ../bootstrap) makes such a response `private`,
 * whatever its route asked. `Vary: Host` was not chosen: CDNs ignore it or refuse to cache at all;
 * answering only a known host needs the setting that makes it moot. With `server.url` set, headers
 * never reach an address and responses are cached for everyone as their routes say.
 */
import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from '../uids';

/** The `ctx.state` key set when a response's addresses came from the request's own headers. */
const ADDRESSES_FROM_REQUEST = 'kinshipOfferAddressesFromRequest';

type RequestContext = { origin: string; state?: Record<string, unknown> };

let warned = false;

/**
 * The origin `publicOrigin` would give, without marking the response as made from the request:
 * for a cache key, which must tell origins apart whether or not the response names one.
 */
export function originForKey(strapi: Core.Strapi, ctx: RequestContext): string {
  const configured = String(strapi.config.get('server.url', '') ?? '').replace(/\/+$/, '');
  return configured.startsWith('http') ? configured : `${ctx.origin}${configured}`;
}

/** Whether something in this response was addressed from the request's own headers (then it is for this client only). */
export const addressesFromRequest = (ctx: RequestContext): boolean => Boolean(ctx.state?.[ADDRESSES_FROM_REQUEST]);

/** The instance's public origin and path, absolute, without a trailing slash ("https://cms.example.gov.uk"). */
export function publicOrigin(strapi: Core.Strapi, ctx: RequestContext): string {
  const configured = String(strapi.config.get('server.url', '') ?? '').replace(/\/+$/, '');
  if (configured.startsWith('http')) return configured;
  if (ctx.state) ctx.state[ADDRESSES_FROM_REQUEST] = true;
  if (!warned) {
    warned = true;
    strapi.log.warn(
      'kinship-offer: server.url (PUBLIC_URL) is not set, so absolute addresses (the Open Referral feed\'s) are made from each request\'s Host header and sent private: no shared cache keeps them. Set it to the address readers use.',
    );
  }
  return `${ctx.origin}${configured}`;
}

/** The app's REST prefix (Strapi's `api.rest.prefix`, `/api` by default), without a trailing slash. */
export const restPrefix = (strapi: Core.Strapi): string => String(strapi.config.get('api.rest.prefix', '/api') ?? '/api').replace(/\/+$/, '');

/** The plugin's public REST base, absolute, no trailing slash: `<origin>/api/kinship-offer`. */
export function pluginApiBase(strapi: Core.Strapi, ctx: RequestContext): string {
  return `${publicOrigin(strapi, ctx)}${restPrefix(strapi)}/${PLUGIN_ID}`;
}

/**
 * `Cache-Control` for one client only: `private` in place of `public`, without what only shared
 * caches read (`s-maxage`, `proxy-revalidate`); what browsers read is kept as it was.
 */
export function privateCacheControl(value: string | undefined): string {
  const kept = (value ?? '').split(',').map((directive) => directive.trim()).filter((directive) => directive && !/^(public|private|s-maxage\b|proxy-revalidate)/i.test(directive));
  return ['private', ...kept].join(', ');
}

/**
 * Koa middleware, for every request: a response whose addresses came from the request's headers
 * (`publicOrigin`) is sent `private` (`privateCacheControl`), so no shared cache keeps it for others.
 */
export function keepAddressesFromSharedCaches() {
  return async function keepAddressesFromSharedCaches(ctx: any, next: () => Promise<void>) {
    await next();
    if (addressesFromRequest(ctx)) ctx.set('cache-control', privateCacheControl(ctx.response.get('cache-control')));
  };
}
