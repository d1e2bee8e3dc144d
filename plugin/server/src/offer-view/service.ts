/**
 * The published offer as a reader sees it: one tree (sections, services, providers, locations,
 * contacts, vocabularies), loaded with one populated query and kept until the content changes.
 * This is the hot path: every page view of every embed asks for it, through `kinshipOffer`
 * (graphql/kinship-offer-query) and, for whole responses, the HTTP cache (./http-cache).
 *
 * Two seams: where the content version comes from (./content-version) and where views and
 * responses are kept (./store). Both are in this instance's memory by default.
 */
import type { Core } from '@strapi/strapi';
import type { OfferView } from '../../../shared/offer-view';
import type { CachedResponse } from '../http/cached-response';
import { redactHiddenAddresses } from '../documents/hidden-addresses';
import { matchLocale } from '../locales';
import { getService } from '../services/get-service';
import { UID, uidOf, type ContentTypeName } from '../uids';
import { databaseContentVersion } from './content-version';
import { populateFor, termsLinked } from './shape';
import { buildOnce, memoryStore } from './store';

/** Offers in their languages kept at once, and whole responses (several queries may ask for one offer). */
const MAX_CACHED_VIEWS = 200;
const MAX_CACHED_RESPONSES = 500;


export default ({ strapi }: { strapi: Core.Strapi }) => {
  const version = databaseContentVersion(strapi);
  const views = memoryStore<Promise<OfferView | null>>(MAX_CACHED_VIEWS);
  const responses = memoryStore<CachedResponse>(MAX_CACHED_RESPONSES);

  /** Its published locales, and the one to serve for `requested` (see ../locales). */
  async function servedLocale(slug: string, requested?: string): Promise<string | null> {
    const published = await strapi.db.query(UID.offer).findMany({ where: { slug, publishedAt: { $notNull: true } }, select: ['locale'] });
    const fallback: string = await strapi.plugin('i18n').service('locales').getDefaultLocale();
    return matchLocale(requested, published.map((row: { locale: string }) => row.locale), fallback);
  }

  async function build(slug: string, requested?: string): Promise<OfferView | null> {
    const locale = await servedLocale(slug, requested);
    if (!locale) return null;
    const offer = await strapi.documents(UID.offer).findFirst({
      filters: { slug },
      locale,
      status: 'published',
      populate: populateFor('offer') as any,
    });
    if (!offer) return null;
    await termsLinked('offer', offer, (vocabulary, ids) =>
      strapi.db.query(uidOf(vocabulary as ContentTypeName)).findMany({ where: { id: { $in: ids } } }),
    );
    const vocabulary = await getService('vocabularies').inLocale(offer.locale);
    // Whoever asked first, the cached view is the public one.
    const published = redactHiddenAddresses(UID.offer, offer, (uid) => strapi.getModel(uid as any) as any) as Record<string, unknown>;
    return { ...published, vocabulary } as unknown as OfferView;
  }

  return {
    /** The current content version of the offer `slug`, or of everything without one (see ./content-version). */
    contentVersion: (slug?: string | null) => version.current(slug),

    /** Called on every write to the plugin's content through this instance. */
    changed: () => version.changed(),

    /** Whole responses, for the HTTP cache (./http-cache), each stamped with the versions it was built from. */
    responses,

    /**
     * The published offer with this slug, or null: in the locale that best matches the BCP 47 tag
     * `locale`, else the default locale, else any it is published in. Its `locale` says which.
     */
    async find(slug: string, locale?: string): Promise<OfferView | null> {
      const key = `${slug}\u0000${locale?.toLowerCase() ?? ''}`;
      return buildOnce(views, key, await version.current(slug), () => build(slug, locale));
    },
  };
};
