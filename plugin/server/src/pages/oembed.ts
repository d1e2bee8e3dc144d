/**
 * oEmbed (oembed.com, 1.0) for the public pages: `GET /api/kinship-offer/oembed?url=<page>&format=json`
 * answers a consumer that was given the address of the offer's page or a service's page (WordPress,
 * when an editor pastes the link on a line of its own; Drupal's oembed_providers) with the page's
 * iframe view to put in its place. Each page names this answer in its head (discovery, section 4).
 *
 * Only this instance's own public pages are answered: `url` is read as an address under the pages'
 * base (./addresses: the public origin from ../http/public-url, then the base path) and looked up
 * in the published offer view. Nothing is ever fetched, so a consumer cannot make the CMS request
 * another address. Drafts and hidden addresses cannot appear: the answer is made from the published
 * view, and holds nothing but the page's title, the council's name and addresses of ours.
 *
 * The `html` is a link to the page in a `<blockquote>`, then the iframe view, as WordPress's own
 * post embeds are: the link is there for a reader wherever the frame is not shown (a feed reader,
 * an email), and it is what makes WordPress load wp-embed.js (wp_maybe_enqueue_oembed_host_js),
 * which sizes the frame from its height messages and hides the link once the frame speaks.
 *
 * Parameters: `url` (required, an absolute http(s) address, at most 2,048 characters), `format`
 * (`json`, the default, or `xml`), `maxwidth` and `maxheight` (whole CSS pixels, optional).
 * Answers: 200 `{ version: '1.0', type: 'rich', html, width, height, title, provider_name,
 * provider_url, cache_age }`; 400 for a parameter that cannot be read; 404 for an address that is
 * not a published page of ours; 501 for another format (the spec's answer).
 */
import type { Core } from '@strapi/strapi';
import { publicCacheControl, publicReadHeaders } from '../http/cached-response';
import { problem } from '../http/problem';
import { getService } from '../services/get-service';
import type { OfferView, ServiceView } from '../../../shared/offer-view';
import { EMBED_SIZE } from '../../../shared/pages';
import { LANGUAGE_PARAM, pageAddresses, readPagePath, type PageAddresses } from './addresses';


/** Longer addresses are refused, not read. */
const MAX_URL_LENGTH = 2048;

/** Seconds a consumer may keep an answer (WordPress keeps it in post meta for as long as this). */
const CACHE_AGE = 86_400;

export const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** A whole number of pixels, 1 or more, or undefined when absent; throws its name when unreadable. */
function pixels(value: unknown, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^[1-9]\d{0,5}$/.test(value)) throw new Error(name);
  return Number(value);
}

export interface OEmbedAnswer {
  version: '1.0';
  type: 'rich';
  title: string;
  provider_name: string;
  provider_url: string;
  html: string;
  width: number;
  height: number;
  cache_age: number;
}

/** The answer as oEmbed's XML (section 2.3.4): each field an element, text escaped. */
function asXml(answer: OEmbedAnswer): string {
  const fields = Object.entries(answer).map(([name, value]) => `<${name}>${escapeHtml(String(value))}</${name}>`);
  return `<?xml version="1.0" encoding="utf-8" standalone="yes"?>\n<oembed>${fields.join('')}</oembed>`;
}

/** A published page of ours, found from its address. */
export interface FoundPage {
  offer: OfferView;
  service?: ServiceView;
  addresses: PageAddresses;
  /** The page's address (the iframe view's page, where `url` was the view). */
  page: string;
  /** Its iframe view's address. */
  embed: string;
  /** The page's title, as its <title> says it. */
  title: string;
}

/** The published offer's own page (not a service's), in the offer's language. */
export const offerPage = (offer: OfferView, addresses: PageAddresses): FoundPage => ({
  offer,
  addresses,
  page: addresses.offer(offer.slug, offer.locale),
  embed: addresses.offerEmbed(offer.slug, offer.locale),
  title: offer.name,
});

/**
 * The published page `url` names, or false having answered the request with the problem (400 for
 * a `url` that cannot be read, 404 for one that is not a published page of ours). Never fetches.
 */
export async function findPage(strapi: Core.Strapi, ctx: any, url: unknown): Promise<FoundPage | false> {
  if (typeof url !== 'string' || !url || url.length > MAX_URL_LENGTH) {
    problem(ctx, 400, 'ValidationError', `url must be the address of a page of the offer, at most ${MAX_URL_LENGTH} characters`, { parameter: 'url' });
    return false;
  }
  let address: URL;
  try {
    address = new URL(url);
  } catch {
    problem(ctx, 400, 'ValidationError', 'url must be an absolute address', { parameter: 'url' });
    return false;
  }
  if (address.protocol !== 'http:' && address.protocol !== 'https:') {
    problem(ctx, 400, 'ValidationError', 'url must be an http or https address', { parameter: 'url' });
    return false;
  }
  const notOurs = () => {
    problem(ctx, 404, 'NotFoundError', 'url is not the address of a published page of this offer');
    return false as const;
  };
  const defaultLocale: string = await strapi.plugin('i18n').service('locales').getDefaultLocale();
  const addresses = pageAddresses(strapi, ctx, defaultLocale);
  if (!addresses) return notOurs();
  const base = new URL(addresses.base);
  if (address.origin !== base.origin || !address.pathname.startsWith(`${base.pathname}/`)) return notOurs();
  const route = readPagePath(address.pathname.slice(base.pathname.length));
  if (route.kind !== 'offer' && route.kind !== 'service') return notOurs();
  const offer = await getService('offer-view').find(route.slug, address.searchParams.get(LANGUAGE_PARAM) ?? undefined);
  if (!offer) return notOurs();
  if (route.kind === 'offer') return offerPage(offer, addresses);
  const service = offer.services.find((candidate) => candidate.uuid === route.uuid);
  if (!service) return notOurs();
  return {
    offer,
    service,
    addresses,
    page: addresses.service(offer.slug, service.uuid, offer.locale),
    embed: addresses.serviceEmbed(offer.slug, service.uuid, offer.locale),
    title: `${service.title} – ${offer.name}`,
  };
}

/**
 * What a consumer given the address of `found` embeds (oEmbed's `rich` answer), no wider or taller
 * than `limits` (CSS pixels): also what the embed builder previews and gives as the pasted link's result.
 */
export function oembedAnswer(found: FoundPage, limits: { width?: number; height?: number } = {}): OEmbedAnswer {
  const { offer, title } = found;
  const width = Math.min(EMBED_SIZE.width, limits.width ?? Infinity);
  const height = Math.min(EMBED_SIZE.height, limits.height ?? Infinity);
  return {
    version: '1.0',
    type: 'rich',
    title,
    provider_name: offer.councils.map((council) => council.name).join(', ') || offer.name,
    provider_url: found.addresses.offer(offer.slug, offer.locale),
    html: `<blockquote><a href="${escapeHtml(found.page)}">${escapeHtml(title)}</a></blockquote><iframe src="${escapeHtml(found.embed)}" title="${escapeHtml(title)}" width="${width}" height="${height}" frameborder="0" style="width: 100%; border: 0; frame-sizing: content-height"></iframe>`,
    width,
    height,
    cache_age: CACHE_AGE,
  };
}

export function oembedController(strapi: Core.Strapi) {
  return {
    async answer(ctx: any) {
      const { url, format = 'json', maxwidth, maxheight } = ctx.query as Record<string, unknown>;
      if (format !== 'json' && format !== 'xml') return problem(ctx, 501, 'NotImplementedError', 'format must be json or xml', { parameter: 'format' });
      let limits: { width?: number; height?: number };
      try {
        limits = { width: pixels(maxwidth, 'maxwidth'), height: pixels(maxheight, 'maxheight') };
      } catch (error) {
        const parameter = (error as Error).message;
        return problem(ctx, 400, 'ValidationError', `${parameter} must be a whole number of pixels`, { parameter });
      }
      const found = await findPage(strapi, ctx, url);
      if (!found) return;
      const answer = oembedAnswer(found, limits);
      publicReadHeaders(ctx);
      ctx.set('cache-control', publicCacheControl());
      if (format === 'xml') {
        ctx.type = 'text/xml; charset=utf-8';
        ctx.body = asXml(answer);
      } else {
        ctx.body = answer;
      }
    },
  };
}
