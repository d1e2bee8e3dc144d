/**
 * The public pages' addresses, made in one place for everything that links to a page: the pages
 * themselves (canonical, hreflang alternates, breadcrumbs), `publicUrl` in GraphQL, the Open
 * Referral feed, the sitemap, and, on top of these, oEmbed and the embed builder.
 *
 * Under the plugin's `pages` base path (config, default `/kinship-offer`; `false`: no pages):
 * - `<base>/<offer slug>`: the offer's page;
 * - `<base>/<offer slug>/services/<service UUID>`: a service's page (the UUID is stable across
 *   edits and languages, so a link a navigator texted keeps working);
 * - `<base>/<offer slug>/consultation-report`: the offer's consultation report (Children Act 1989,
 *   s.22H);
 * - the offer's and each service's page followed by `/embed`: its iframe view (the same page
 *   without the council's chrome, for a host to frame: oEmbed's `html`, the embed builder's iframe);
 * - `<base>/sitemap.xml`; `<base>/assets/pages.css`, `<base>/assets/pages.js`, the iframe view's
 *   script `<base>/assets/embed.js` and the host's resize script `<base>/assets/resize.js`.
 * A page in a language other than the instance's default locale carries `?lang=<locale>`.
 *
 * Absolute addresses start where ../http/public-url says (the app's `server.url`, so a CMS behind a
 * proxy under a path links to itself correctly); nothing here builds an origin.
 */
import type { Core } from '@strapi/strapi';
import { publicOrigin } from '../http/public-url';
import { PLUGIN_ID } from '../uids';

/** The default base path: short enough for a navigator to text. */
export const DEFAULT_PAGES_PATH = '/kinship-offer';

/** A base path as the config must give it: `/` and path segments, no trailing slash. */
export const PAGES_PATH_PATTERN = /^(\/[A-Za-z0-9._~-]+)+$/;

/** The consultation report's segment under an offer's page. */
export const CONSULTATION_REPORT_PATH = 'consultation-report';

/** The query parameter naming a page's language. */
export const LANGUAGE_PARAM = 'lang';

/** The fixed paths under the base; an offer slugged like one of these has no page of its own. */
export const FIXED_PATHS = {
  sitemap: '/sitemap.xml',
  stylesheet: '/assets/pages.css',
  script: '/assets/pages.js',
  embedScript: '/assets/embed.js',
  resizeScript: '/assets/resize.js',
} as const;

/** A file the pages (or a host framing them) load. */
export type AssetName = Exclude<keyof typeof FIXED_PATHS, 'sitemap'>;

/** The last path segment that makes a page its iframe view. */
export const EMBED_SEGMENT = 'embed';

/** The pages' base path (`/kinship-offer`), or null when the app switched pages off (`pages: false`). */
export function pagesBasePath(strapi: Core.Strapi): string | null {
  const configured = strapi.plugin(PLUGIN_ID).config('pages') as string | false | undefined;
  return configured === false ? null : (configured ?? DEFAULT_PAGES_PATH);
}

/** The absolute addresses of the pages, for one request. */
export interface PageAddresses {
  /** `<origin><base>`, no trailing slash. */
  base: string;
  /** The offer's page; in `locale` unless that is the default one. */
  offer(slug: string, locale?: string): string;
  /** A service's page (by its UUID); in `locale` unless that is the default one. */
  service(slug: string, uuid: string, locale?: string): string;
  /** The offer's consultation report; in `locale` unless that is the default one. */
  consultationReport(slug: string, locale?: string): string;
  /** The offer's iframe view; in `locale` unless that is the default one. */
  offerEmbed(slug: string, locale?: string): string;
  /** A service's iframe view; in `locale` unless that is the default one. */
  serviceEmbed(slug: string, uuid: string, locale?: string): string;
  sitemap(): string;
  /**
   * The council's own page that the offer's page in `offer.locale` names as its canonical: the
   * offer's `canonicalUrl`, on its page in the default language only (a page in another language
   * is no copy of the council's page, and search engines keep listing it); else undefined.
   */
  councilPage(offer: { locale: string; canonicalUrl?: string | null }): string | undefined;
  /** A file the pages load, at `version` (cached for ever by readers and shared caches). */
  asset(name: AssetName, version: string): string;
}

/**
 * The pages' absolute addresses for the request `ctx`, or null when pages are off.
 * @param defaultLocale the instance's default locale (Strapi i18n): its pages name no language
 */
export function pageAddresses(strapi: Core.Strapi, ctx: { origin: string }, defaultLocale: string): PageAddresses | null {
  const path = pagesBasePath(strapi);
  if (path === null) return null;
  const base = `${publicOrigin(strapi, ctx)}${path}`;
  const inLanguage = (address: string, locale?: string) =>
    locale && locale !== defaultLocale ? `${address}?${new URLSearchParams({ [LANGUAGE_PARAM]: locale })}` : address;
  const offer = (slug: string) => `${base}/${encodeURIComponent(slug)}`;
  const service = (slug: string, uuid: string) => `${offer(slug)}/services/${encodeURIComponent(uuid)}`;
  return {
    base,
    offer: (slug, locale) => inLanguage(offer(slug), locale),
    service: (slug, uuid, locale) => inLanguage(service(slug, uuid), locale),
    consultationReport: (slug, locale) => inLanguage(`${offer(slug)}/${CONSULTATION_REPORT_PATH}`, locale),
    offerEmbed: (slug, locale) => inLanguage(`${offer(slug)}/${EMBED_SEGMENT}`, locale),
    serviceEmbed: (slug, uuid, locale) => inLanguage(`${service(slug, uuid)}/${EMBED_SEGMENT}`, locale),
    sitemap: () => `${base}${FIXED_PATHS.sitemap}`,
    councilPage: (offer) => (offer.locale === defaultLocale && offer.canonicalUrl ? offer.canonicalUrl : undefined),
    asset: (name, version) => `${base}${FIXED_PATHS[name]}?v=${encodeURIComponent(version)}`,
  };
}

/** What a path under the base names; `embed`: its iframe view. */
export type PagePath =
  | { kind: 'offer'; slug: string; embed: boolean }
  | { kind: 'service'; slug: string; uuid: string; embed: boolean }
  | { kind: 'consultation-report'; slug: string }
  | { kind: 'sitemap' | AssetName }
  | { kind: 'unknown'; slug?: string };

/** Whether `route` names one of the files the pages load. */
export const isAsset = (route: PagePath): route is { kind: AssetName } => route.kind !== 'sitemap' && route.kind in FIXED_PATHS;

/**
 * Reads `path` (the request's path, the base already taken off: `/example-borough/services/<uuid>`).
 * A trailing slash is the same page.
 */
export function readPagePath(path: string): PagePath {
  for (const [kind, fixed] of Object.entries(FIXED_PATHS)) if (path === fixed) return { kind: kind as 'sitemap' };
  // A malformed escape (%E0%A4%A) stays as it is: no slug or UUID has one, so it names nothing.
  const decode = (segment: string) => {
    try {
      return decodeURIComponent(segment);
    } catch {
      return segment;
    }
  };
  const segments = path.replace(/\/$/, '').split('/').slice(1).map(decode);
  const embed = segments.length > 1 && segments.at(-1) === EMBED_SEGMENT;
  if (embed) segments.pop();
  const [slug, services, uuid, ...rest] = segments;
  if (!slug) return { kind: 'unknown' };
  if (segments.length === 1) return { kind: 'offer', slug, embed };
  if (segments.length === 2 && services === CONSULTATION_REPORT_PATH && !embed) return { kind: 'consultation-report', slug };
  if (services === 'services' && uuid && rest.length === 0) return { kind: 'service', slug, uuid, embed };
  return { kind: 'unknown', slug };
}

/** The default locale, read once per request however many addresses it makes (`publicUrlOf`). */
const defaultLocaleOf = new WeakMap<object, Promise<string>>();

/**
 * The absolute address of the page of `offer` (or of its service `uuid`) in the offer's language,
 * for the request `ctx`; null when the app serves no pages. What `publicUrl` answers in GraphQL.
 */
export async function publicUrlOf(strapi: Core.Strapi, ctx: { origin: string }, offer: { slug: string; locale: string }, uuid?: string): Promise<string | null> {
  if (pagesBasePath(strapi) === null) return null;
  let defaultLocale = defaultLocaleOf.get(ctx);
  if (!defaultLocale) defaultLocaleOf.set(ctx, (defaultLocale = strapi.plugin('i18n').service('locales').getDefaultLocale() as Promise<string>));
  const addresses = pageAddresses(strapi, ctx, await defaultLocale)!;
  return uuid ? addresses.service(offer.slug, uuid, offer.locale) : addresses.offer(offer.slug, offer.locale);
}
