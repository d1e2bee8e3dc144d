/**
 * `<base>/sitemap.xml` (sitemaps.org 0.9): every published offer's page (but one whose canonical is
 * the council's own page) and every service page, in every language the offer is published in,
 * each with `lastmod` (when it last changed: the offer or any service it shows, or the service)
 * and its other languages as `xhtml:link` alternates, as
 * Google reads hreflang from a sitemap. Built from the offer views, so it holds what the pages
 * show and nothing else: no draft, no hidden address (a sitemap holds addresses and dates only).
 */
import type { OfferView } from '../../../shared/offer-view';
import type { PageAddresses } from './addresses';

/** One page: its address, when it last changed, and its address in each language. */
export interface SitemapEntry {
  loc: string;
  lastmod?: string;
  alternates: Array<{ locale: string; href: string }>;
}

/** The later of two ISO 8601 date-times (either may be missing). */
const later = (a: string | undefined, b: string | undefined) => (!a ? b : !b ? a : a > b ? a : b);

/** The pages of one offer, given its view in each published language. */
export function sitemapEntries(addresses: PageAddresses, views: OfferView[]): SitemapEntry[] {
  const offerAlternates = views.map((view) => ({ locale: view.locale, href: addresses.offer(view.slug, view.locale) }));
  const entries: SitemapEntry[] = [];
  for (const view of views) {
    const changed = view.services.reduce<string | undefined>((latest, service) => later(latest, service.updatedAt), view.updatedAt);
    // A sitemap lists canonical addresses only: not a page whose canonical is the council's own.
    if (!addresses.councilPage(view)) entries.push({ loc: addresses.offer(view.slug, view.locale), lastmod: changed, alternates: offerAlternates });
    for (const service of view.services.filter(({ uuid }) => uuid)) {
      const alternates = views
        .filter((other) => other.services.some((candidate) => candidate.uuid === service.uuid))
        .map((other) => ({ locale: other.locale, href: addresses.service(other.slug, service.uuid, other.locale) }));
      entries.push({ loc: addresses.service(view.slug, service.uuid, view.locale), lastmod: service.updatedAt, alternates });
    }
  }
  return entries;
}

/** XML's five: what an address may hold that XML would misread. */
const xml = (text: string) => text.replace(/[<>&'"]/g, (character) => `&#${character.charCodeAt(0)};`);

/** The sitemap document. */
export function sitemapXml(entries: SitemapEntry[]): string {
  const urls = entries.map(({ loc, lastmod, alternates }) => {
    const links = alternates.length > 1 ? alternates.map(({ locale, href }) => `<xhtml:link rel="alternate" hreflang="${xml(locale)}" href="${xml(href)}"/>`).join('') : '';
    return `<url><loc>${xml(loc)}</loc>${lastmod ? `<lastmod>${xml(lastmod)}</lastmod>` : ''}${links}</url>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${urls.join('\n')}\n</urlset>\n`;
}
