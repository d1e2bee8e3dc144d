/**
 * The public pages over HTTP: a page for every published offer and every service it lists, under
 * the plugin's `pages` base path (./addresses), server-rendered HTML that is complete without
 * JavaScript (../../../shared/pages says what the renderer is given).
 *
 * The offer read's rules hold as they do for the widget's request: pages read the same offer view
 * (published only, hidden addresses hidden), are kept per content version of their offer, so an
 * edit to one offer leaves the others' pages warm, and are sent as every cached public read is
 * (../http/cached-response: ETag per encoding, br or gzip, `s-maxage` with
 * `stale-while-revalidate` and `stale-if-error`, `X-Cache`): a publish shows within the same bound.
 *
 * Answers: 200 with the page; 404 with a page that still gives the offer's named contact where the
 * offer is known; 405 for a method other than GET or HEAD; 503 (never a 500) when the page cannot
 * be made (the database is down, the renderer was not built).
 *
 * Two Koa middlewares (../bootstrap): `answer`, after the app's own, so the headers they set
 * (security headers, the Content-Security-Policy) are on every page and kept with a cached one;
 * and `hits`, first in line, which sends an offer's or a service's page kept for its offer's
 * current content version before the app's own middlewares run, as the widget's offer request is
 * sent (../offer-view/http-cache): a hit then costs about what a static file does.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { FILTER_PARAMS } from '../../../shared/code-lists';
import type { OfferView } from '../../../shared/offer-view';
import type { PageLinks, PageModel, PageRenderer } from '../../../shared/pages';
import { cacheControlOf, cachedResponse, publicCacheControl, sendCached, type CachedResponse } from '../http/cached-response';
import { memoryStore } from '../offer-view/store';
import { getService } from '../services/get-service';
import { addressesFromRequest, pluginApiBase, publicOrigin } from '../http/public-url';
import { UID } from '../uids';
import { sitemapEntries, sitemapXml } from './sitemap';
import { BUILT_PAGES, pageRenderer } from './renderer';
import { LANGUAGE_PARAM, pageAddresses, pagesBasePath, readPagePath, isAsset, type AssetName, type PageAddresses, type PagePath } from './addresses';

/** qrcode 1.5 (soldair/node-qrcode): QR codes as SVG; it ships no type declarations. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const QRCode: {
  toString(text: string, options: { type: 'svg'; margin: number; errorCorrectionLevel: 'L' | 'M' | 'Q' | 'H' }): Promise<string>;
  toBuffer(text: string, options: { type: 'png'; margin: number; width: number; errorCorrectionLevel: 'L' | 'M' | 'Q' | 'H' }): Promise<Buffer>;
} = require('qrcode');

/**
 * The page's address as a QR code for paper: medium error correction (15%: a smudge or a fold in
 * a leaflet), no quiet zone of its own (the page's margin is one), hidden from screen readers (the
 * address is written beside it).
 */
async function qrCodeOf(url: string): Promise<string> {
  const svg = await QRCode.toString(url, { type: 'svg', margin: 0, errorCorrectionLevel: 'M' });
  return svg.replace('<svg ', '<svg aria-hidden="true" focusable="false" ');
}

/** Pages kept at once (each offer in each language, a service's page, the finder's common choices). */
const MAX_CACHED_PAGES = 2000;

/** The longest search a finder's form may carry; longer words are cut (nobody types 200 characters). */
const MAX_QUERY_LENGTH = 200;

/** The files the pages load, each with the version its address carries. */
interface Asset {
  entry: CachedResponse;
  version: string;
}

const HTML = 'text/html; charset=utf-8';
const IMMUTABLE = 'public, max-age=31536000, immutable';

/** The reader's choices only, in a fixed order: the cache keys on these, so other parameters cannot flood it. */
function finderSearch(querystring: string): string {
  const params = new URLSearchParams(querystring);
  const kept = new URLSearchParams();
  for (const name of Object.values(FILTER_PARAMS)) {
    for (const value of params.getAll(name)) if (value) kept.append(name, value.slice(0, MAX_QUERY_LENGTH));
  }
  return kept.size ? `?${kept}` : '';
}

/**
 * Every word of each language pack, the element's (`strings`) and the pages' own (`pages`), by code:
 * the build's copies for the renderer (dist/pages/packs/<code>.json; rollup.config.mjs).
 */
function builtPacks(): Record<string, Record<string, unknown>> {
  const dir = path.join(BUILT_PAGES, 'packs');
  if (!existsSync(dir)) return {};
  const files = readdirSync(dir).filter((file) => file.endsWith('.json'));
  return Object.fromEntries(
    files.map((file) => {
      const { strings, pages } = JSON.parse(readFileSync(path.join(dir, file), 'utf8'));
      return [file.slice(0, -'.json'.length), { ...strings, ...pages }];
    }),
  );
}

const versionOf = (text: string) => createHash('sha256').update(text).digest('base64url').slice(0, 16);

/**
 * The iframe view may be framed by any host, in any document (a sandboxed frame's opaque origin,
 * a `srcdoc` one): the app's `X-Frame-Options` and CSP `frame-ancestors` (Strapi's security
 * middleware: same origin only) go, for this response only. The rest of the app's policy stays.
 */
function frameableByAnyHost(ctx: any) {
  ctx.remove('x-frame-options');
  const policy = ctx.response.get('content-security-policy');
  if (policy) {
    const kept = String(policy).split(';').map((directive) => directive.trim()).filter((directive) => directive && !/^frame-ancestors\b/i.test(directive));
    ctx.set('content-security-policy', kept.join('; '));
  }
}

export function publicPages(strapi: Core.Strapi) {
  const pages = memoryStore<CachedResponse>(MAX_CACHED_PAGES);
  let built: ({ renderer: PageRenderer } & Record<AssetName, Asset>) | undefined;
  /** The renderer and assets, loaded once (a missing build is a 503, tried again next request). */
  const load = () => {
    if (!built) {
      const renderer = pageRenderer();
      renderer.usePacks(builtPacks());
      const script = (file: string): Asset => {
        const text = readFileSync(path.join(BUILT_PAGES, file), 'utf8');
        return { entry: cachedResponse(text, {}, 'text/javascript; charset=utf-8'), version: versionOf(text) };
      };
      built = {
        renderer,
        stylesheet: { entry: cachedResponse(renderer.stylesheet, {}, 'text/css; charset=utf-8'), version: versionOf(renderer.stylesheet) },
        script: script('pages.js'),
        embedScript: script('embed.js'),
        resizeScript: script('resize.js'),
      };
    }
    return built;
  };
  const offerView = () => getService('offer-view');
  const defaultLocale = (): Promise<string> => strapi.plugin('i18n').service('locales').getDefaultLocale();

  /**
   * What a page of an offer or a service is kept under: the reader's choices (language, the
   * finder's), and the public origin and base its addresses start at (one page per origin; made
   * from the request's headers where the app has no `server.url`, which ../http/public-url notes).
   */
  function pageKey(ctx: any, route: Extract<PagePath, { kind: 'offer' | 'service' }>, base: string) {
    const requested = typeof ctx.query[LANGUAGE_PARAM] === 'string' ? (ctx.query[LANGUAGE_PARAM] as string) : undefined;
    const search = route.kind === 'offer' ? finderSearch(ctx.querystring ?? '') : '';
    const uuid = route.kind === 'service' ? route.uuid : '';
    return { requested, search, key: JSON.stringify([route.kind, route.embed, route.slug, uuid, requested ?? null, search, `${publicOrigin(strapi, ctx)}${base}`]) };
  }

  /**
   * Where things are for a page of `offer`; `here(locale)`: this page's address in a language
   * (the page's own, never its iframe view: the view's canonical is the page). In the iframe view
   * (`embed`) the offer and its services link to their iframe views.
   */
  async function linksOf(ctx: any, addresses: PageAddresses, offer: OfferView, here: (locale: string) => string, embed: boolean, locales?: string[]): Promise<PageLinks> {
    const assets = load();
    const published = (locales ?? (await offerView().publishedLocales(offer.slug))).sort();
    const canonical = here(offer.locale);
    return {
      canonical,
      offer: (embed ? addresses.offerEmbed : addresses.offer)(offer.slug, offer.locale),
      service: (uuid) => (embed ? addresses.serviceEmbed : addresses.service)(offer.slug, uuid, offer.locale),
      consultationReport: addresses.consultationReport(offer.slug, offer.locale),
      alternates: published.map((locale) => ({ locale, href: here(locale) })),
      stylesheet: addresses.asset('stylesheet', assets.stylesheet.version),
      script: embed ? addresses.asset('embedScript', assets.embedScript.version) : addresses.asset('script', assets.script.version),
      oembed: `${pluginApiBase(strapi, ctx)}/oembed?${new URLSearchParams({ url: canonical, format: 'json' })}`,
    };
  }

  /** A 404 page: with the offer's named contact and a link to its page where the offer is known. */
  async function notFound(ctx: any, addresses: PageAddresses, offer: OfferView | null) {
    const { renderer, stylesheet, script } = load();
    const model: PageModel = {
      kind: 'not-found',
      offer,
      links: {
        stylesheet: addresses.asset('stylesheet', stylesheet.version),
        script: addresses.asset('script', script.version),
        ...(offer ? { offer: addresses.offer(offer.slug, offer.locale) } : {}),
      },
    };
    const html = await renderer.renderPage(model);
    ctx.status = 404;
    ctx.set('content-type', HTML);
    // Shared caches may keep it as briefly as a page: a publish makes it a page within the same bound.
    ctx.set('cache-control', publicCacheControl());
    ctx.body = html;
  }

  function sendAsset(ctx: any, asset: Asset, startedAt: number) {
    // A versioned address never changes; the plain one is revalidated daily.
    const cacheControl = ctx.query.v === asset.version ? IMMUTABLE : 'public, max-age=86400, stale-while-revalidate=604800';
    return sendCached(ctx, asset.entry, { hit: true, startedAt, cacheControl });
  }

  /** The sitemap of every published offer, kept while nothing at all changes. */
  async function sitemap(ctx: any, addresses: PageAddresses, startedAt: number) {
    const version = await offerView().contentVersion();
    const key = JSON.stringify(['sitemap', addresses.base]);
    const cached = pages.get(key);
    if (cached?.version === version) return sendCached(ctx, cached.value, { hit: true, startedAt });
    const rows: Array<{ slug: string }> = await strapi.db.query(UID.offer).findMany({ where: { publishedAt: { $notNull: true } }, select: ['slug'] });
    const entries = [];
    for (const slug of [...new Set(rows.map((row) => row.slug))].sort()) {
      const views: OfferView[] = [];
      for (const locale of (await offerView().publishedLocales(slug)).sort()) {
        const view = await offerView().find(slug, locale);
        if (view?.locale === locale) views.push(view);
      }
      entries.push(...sitemapEntries(addresses, views));
    }
    const entry = cachedResponse(sitemapXml(entries), ctx.response.headers, 'application/xml; charset=utf-8');
    pages.set(key, version, entry);
    return sendCached(ctx, entry, { hit: false, startedAt });
  }

  /**
   * The offer's consultation report page: its published consultations. They link to the offer, not
   * the offer to them, so the offer's own version does not follow them: the page is kept while
   * nothing at all changes, as the sitemap is.
   */
  async function consultationReport(ctx: any, addresses: PageAddresses, slug: string, startedAt: number) {
    const requested = typeof ctx.query[LANGUAGE_PARAM] === 'string' ? (ctx.query[LANGUAGE_PARAM] as string) : undefined;
    const version = await offerView().contentVersion();
    const key = JSON.stringify(['consultation-report', slug, requested ?? null, addresses.base]);
    const cached = pages.get(key);
    if (cached?.version === version) return sendCached(ctx, cached.value, { hit: true, startedAt });
    const offer = await offerView().find(slug, requested);
    const report = offer && (await getService('consultations').report(offer.slug, offer.locale));
    if (!offer || !report) return notFound(ctx, addresses, offer);
    const links = await linksOf(ctx, addresses, offer, (locale) => addresses.consultationReport(offer.slug, locale), false);
    const entry = cachedResponse(await load().renderer.renderPage({ kind: 'consultation-report', offer, report, links }), ctx.response.headers, HTML);
    pages.set(key, version, entry);
    return sendCached(ctx, entry, { hit: false, startedAt });
  }

  /** Answers a GET or HEAD for `pagePath` (the path under the base). */
  async function answer(ctx: any, pagePath: string, startedAt: number) {
    const route = readPagePath(pagePath);
    if (isAsset(route)) return sendAsset(ctx, load()[route.kind], startedAt);
    const addresses = pageAddresses(strapi, ctx, await defaultLocale())!;
    if (route.kind === 'sitemap') return sitemap(ctx, addresses, startedAt);
    if (route.kind === 'consultation-report') return consultationReport(ctx, addresses, route.slug, startedAt);
    if (route.kind !== 'offer' && route.kind !== 'service') {
      const offer = route.kind === 'unknown' && route.slug ? await offerView().find(route.slug) : null;
      return notFound(ctx, addresses, offer);
    }
    const { requested, search, key } = pageKey(ctx, route, pagesBasePath(strapi)!);
    const version = await offerView().contentVersion(route.slug);
    if (route.embed) frameableByAnyHost(ctx);
    const cached = pages.get(key);
    if (cached?.version === version) return sendCached(ctx, cached.value, { hit: true, startedAt });

    const offer = await offerView().find(route.slug, requested);
    if (!offer) return notFound(ctx, addresses, null);
    const { renderer } = load();
    let model: PageModel;
    if (route.kind === 'offer') {
      const links = await linksOf(ctx, addresses, offer, (locale) => addresses.offer(offer.slug, locale), route.embed);
      model = { kind: 'offer', offer, links: { ...links, councilPage: addresses.councilPage(offer) }, search, embed: route.embed };
    } else {
      const service = offer.services.find((candidate) => candidate.uuid === route.uuid);
      if (!service) return notFound(ctx, addresses, offer);
      // Its other languages: those of the offer's that list it too.
      const locales: string[] = [];
      for (const locale of await offerView().publishedLocales(offer.slug)) {
        const translated = locale === offer.locale ? offer : await offerView().find(offer.slug, locale);
        if (translated?.locale === locale && translated.services.some((candidate) => candidate.uuid === service.uuid)) locales.push(locale);
      }
      const links = await linksOf(ctx, addresses, offer, (locale) => addresses.service(offer.slug, service.uuid, locale), route.embed, locales);
      model = { kind: 'service', offer, service, links, qrCode: await qrCodeOf(links.canonical), embed: route.embed };
    }
    const entry = cachedResponse(await renderer.renderPage(model), ctx.response.headers, HTML);
    pages.set(key, version, entry);
    return sendCached(ctx, entry, { hit: false, startedAt });
  }

  /** First in line: a kept page of an offer or a service, sent as it was built; anything else goes on. */
  async function hits(ctx: any, next: () => Promise<void>) {
    const base = pagesBasePath(strapi);
    if (base === null || (ctx.method !== 'GET' && ctx.method !== 'HEAD') || !ctx.path.startsWith(`${base}/`)) return next();
    const startedAt = performance.now();
    const route = readPagePath(ctx.path.slice(base.length));
    if (route.kind !== 'offer' && route.kind !== 'service') return next();
    let version: string;
    try {
      version = await offerView().contentVersion(route.slug);
    } catch {
      return next(); // the database cannot say: `answer` tries, inside the app's error handling
    }
    // Only `answer` keeps pages, never for a path one of the app's routes answers.
    const cached = pages.get(pageKey(ctx, route, base).key);
    if (cached?.version !== version) return next();
    // Private where its addresses came from this request's headers, as the app would send it.
    return sendCached(ctx, cached.value, { hit: true, startedAt, cacheControl: cacheControlOf({ forOneClient: addressesFromRequest(ctx) }) });
  }

  const answerPage = async (ctx: any, next: () => Promise<void>) => {
    const base = pagesBasePath(strapi);
    if (base === null || (ctx.path !== base && !ctx.path.startsWith(`${base}/`))) return next();
    // A path one of the app's routes under the base answers is never a page: the default base,
    // /kinship-offer, is also where the plugin's admin API is (/kinship-offer/compliance, …).
    const routed: Array<{ path: string }> = (strapi.server.router as any).match(ctx.path, ctx.method).pathAndMethod;
    if (routed.some((layer) => layer.path === base || layer.path.startsWith(`${base}/`))) return next();
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') {
      ctx.status = 405;
      ctx.set('allow', 'GET, HEAD');
      ctx.body = 'Method Not Allowed';
      return;
    }
    const startedAt = performance.now();
    try {
      await answer(ctx, ctx.path.slice(base.length) || '/', startedAt);
    } catch (error) {
      strapi.log.error(`kinship-offer: a public page could not be made (${ctx.path}): ${error instanceof Error ? error.stack : error}`);
      ctx.status = 503;
      ctx.set('content-type', HTML);
      ctx.set('cache-control', 'no-store');
      ctx.set('retry-after', '30');
      ctx.body = '<!doctype html><html lang="en"><title>Service unavailable</title><h1>Sorry, this page cannot be shown just now</h1><p>Please try again in a minute.</p></html>';
    }
  };

  return { hits, answer: answerPage };
}
