/**
 * Where this instance's public addresses start: the one place absolute URLs are made from, for
 * everything that names an address of ours in a response (the Open Referral UK feed, and the
 * public pages, sitemap and oEmbed built on it).
 *
 * The origin is the app's `server.url` when it is absolute (Strapi's PUBLIC_URL), else the
 * request's, which honours X-Forwarded-Proto and X-Forwarded-Host when `server.proxy` is on.
 */
import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from '../uids';

/** The instance's public origin and path, absolute, without a trailing slash ("https://cms.example.gov.uk"). */
export function publicOrigin(strapi: Core.Strapi, ctx: { origin: string }): string {
  const configured = String(strapi.config.get('server.url', '') ?? '').replace(/\/+$/, '');
  return configured.startsWith('http') ? configured : `${ctx.origin}${configured}`;
}

/** The plugin's public REST base, absolute, no trailing slash: `<origin>/api/kinship-offer`. */
export function pluginApiBase(strapi: Core.Strapi, ctx: { origin: string }): string {
  const prefix = String(strapi.config.get('api.rest.prefix', '/api') ?? '/api').replace(/\/+$/, '');
  return `${publicOrigin(strapi, ctx)}${prefix}/${PLUGIN_ID}`;
}
