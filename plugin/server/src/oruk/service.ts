/**
 * The Open Referral UK 3.0 feed's data: every published offer (or one, by slug) read through the
 * offer view (offer-view/service `find()`, published content only, hidden addresses already
 * redacted) and the support types' equivalent terms in other taxonomies, mapped once per content version (./map) and kept until the content changes, so a
 * directory paging through `/services` and fetching every `/services/{id}` costs one build.
 *
 * Whole responses are kept too (`responses`), stamped with the content version, as the GraphQL
 * cache keeps its own (offer-view/store). Each build sets the services' `last_modified` from what
 * moved since the last (./last-modified).
 */
import type { Core } from '@strapi/strapi';
import type { OfferView } from '../../../shared/offer-view';
import { buildOnce, memoryStore } from '../offer-view/store';
import type { CachedResponse } from '../http/cached-response';
import { getService } from '../services/get-service';
import { UID } from '../uids';
import { ensureFeedModifiedTable, EVERY_OFFER, stampLastModified } from './last-modified';
import { serviceAtLocationsOf, services, taxonomies, type EquivalentTerm, type Equivalents, type FeedLinks, type OrukService, type OrukServiceAtLocation, type OrukTaxonomy, type OrukTaxonomyTerm } from './map';

/** Feeds (per offer and base URL) and whole responses kept at once. */
const MAX_CACHED_FEEDS = 50;
const MAX_CACHED_RESPONSES = 500;

/** One feed's objects, with lookups by id. */
export interface Feed {
  services: OrukService[];
  serviceById: Map<string, OrukService>;
  /** Every service at each of its locations, in the services' order. */
  serviceAtLocations: OrukServiceAtLocation[];
  serviceAtLocationById: Map<string, OrukServiceAtLocation>;
  taxonomies: OrukTaxonomy[];
  terms: OrukTaxonomyTerm[];
  termById: Map<string, OrukTaxonomyTerm>;
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const feeds = memoryStore<Promise<Feed | null>>(MAX_CACHED_FEEDS);
  const responses = memoryStore<CachedResponse>(MAX_CACHED_RESPONSES);
  const offerView = () => getService('offer-view');
  let table: Promise<void> | null = null;
  /** The services' `last_modified`, set as ./last-modified says (its table made on first use). */
  async function stamp(slug: string | null, all: OrukService[], links: FeedLinks) {
    await (table ??= ensureFeedModifiedTable(strapi.db.connection).catch((error) => {
      table = null;
      throw error;
    }));
    await stampLastModified(strapi.db.connection, slug ?? EVERY_OFFER, all, links.base);
  }

  /** The slugs of every offer with a published version. */
  async function publishedSlugs(): Promise<string[]> {
    const rows = await strapi.db.query(UID.offer).findMany({ where: { publishedAt: { $notNull: true } }, select: ['slug'] });
    return [...new Set(rows.map((row: { slug: string }) => row.slug))].sort();
  }

  /**
   * Each support type's terms in other taxonomies (content-types/support-type `equivalentTerms`,
   * the same in every language), by code.
   */
  async function equivalents(): Promise<Equivalents> {
    const rows = await strapi.db.query(UID.supportType).findMany({ select: ['code'], populate: { equivalentTerms: true } as any });
    const byCode = new Map<string, EquivalentTerm[]>();
    for (const row of rows as Array<{ code: string; equivalentTerms?: EquivalentTerm[] }>) {
      if (!byCode.has(row.code) && row.equivalentTerms?.length) byCode.set(row.code, row.equivalentTerms);
    }
    return byCode;
  }

  async function build(slug: string | null, links: FeedLinks): Promise<Feed | null> {
    let offers: OfferView[];
    let vocabulary: OfferView['vocabulary'];
    if (slug !== null) {
      const offer = await offerView().find(slug);
      if (!offer) return null;
      offers = [offer];
      vocabulary = offer.vocabulary;
    } else {
      offers = (await Promise.all((await publishedSlugs()).map((each) => offerView().find(each)))).filter((offer): offer is OfferView => offer !== null);
      vocabulary = (await getService('vocabularies').inLocale()) as unknown as OfferView['vocabulary'];
    }
    const others = await equivalents();
    const all = services(offers, vocabulary, links, others);
    await stamp(slug, all, links);
    const listed = taxonomies(vocabulary, links, others);
    const terms = listed.flatMap((taxonomy) => taxonomy.taxonomy_terms);
    const atLocations = serviceAtLocationsOf(all);
    return {
      services: all,
      serviceById: new Map(all.map((entry) => [entry.id, entry])),
      serviceAtLocations: atLocations,
      serviceAtLocationById: new Map(atLocations.map((item) => [item.entry.id, item])),
      taxonomies: listed,
      terms,
      termById: new Map(terms.map((term) => [term.id, term])),
    };
  }

  return {
    /**
     * The content version of the offer `slug`'s feed, or of the feed of every offer without one
     * (offer-view/content-version): a response is good while it holds.
     */
    contentVersion: (slug: string | null) => offerView().contentVersion(slug),

    /** Whole responses by request, for the controller. */
    responses,

    /**
     * The feed of the offer `slug` (null: of every published offer), its links under `links.base`;
     * null when no published offer has that slug.
     */
    async feed(slug: string | null, links: FeedLinks): Promise<Feed | null> {
      const key = `${slug ?? ''}\u0000${links.base}`;
      return buildOnce(feeds, key, await offerView().contentVersion(slug), () => build(slug, links));
    },
  };
};
