/**
 * The published offer as a reader sees it: one tree (sections, services, providers, locations,
 * contacts, vocabularies), loaded with populated queries and kept until the content changes.
 * This is the hot path: every page view of every embed asks for it, through `kinshipOffer`
 * (graphql/kinship-offer-query) and, for whole responses, the HTTP cache (./http-cache).
 *
 * After an edit the view is rebuilt from the last one: the offer is read again, but its services
 * (nearly all of a view) are kept one by one, each with a version of its own, and only those whose
 * version moved are read again. The first reader after an edit to one service of 300 waits for one
 * service's read, not 300 (the scale table in the README says what that buys).
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
import { populateFor, termsLinked, type ViewTypeName } from './shape';
import { buildOnce, memoryStore } from './store';

/** Offers in their languages kept at once, and whole responses (several queries may ask for one offer). */
const MAX_CACHED_VIEWS = 200;
const MAX_CACHED_RESPONSES = 500;

type Entry = Record<string, unknown>;

/**
 * A view as built, with the services it shows by row id, each as read and the version it was read
 * at (./content-version `services`): the next build of the same offer reuses those still current.
 */
interface BuiltView {
  view: OfferView | null;
  services: ReadonlyMap<number, { version: string | undefined; service: Entry }>;
  /** The vocabularies shown: in which locale, with which default locale to fall back to, at which version. */
  vocabulary?: { locale: string; fallback: string; version: string; value: OfferView['vocabulary'] };
}

const NO_VIEW: BuiltView = { view: null, services: new Map() };

/**
 * The offer (slug and locale) each service in a built view is shown in: a service's own page is
 * under its offer's (pages/addresses), and a view's services are read per offer, so each object
 * has one.
 */
const offerOfService = new WeakMap<object, { slug: string; locale: string }>();

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const version = databaseContentVersion(strapi);
  const views = memoryStore<Promise<BuiltView>>(MAX_CACHED_VIEWS);
  const responses = memoryStore<CachedResponse>(MAX_CACHED_RESPONSES);
  const lookup = (uid: string) => strapi.getModel(uid as any) as any;
  const readTerms = (vocabulary: ViewTypeName, ids: number[]) =>
    strapi.db.query(uidOf(vocabulary as ContentTypeName)).findMany({ where: { id: { $in: ids } } });

  /** The instance's default locale (Strapi i18n), for offers and vocabularies alike. */
  const defaultLocale = (): Promise<string> => strapi.plugin('i18n').service('locales').getDefaultLocale();

  /** The locales the offer `slug` is published in, in no set order. */
  async function publishedLocales(slug: string): Promise<string[]> {
    const published = await strapi.db.query(UID.offer).findMany({ where: { slug, publishedAt: { $notNull: true } }, select: ['locale'] });
    return published.map((row: { locale: string }) => row.locale);
  }

  /** The locale to serve for `requested` (see ../locales). */
  async function servedLocale(slug: string, requested: string | undefined, fallback: string): Promise<string | null> {
    return matchLocale(requested, await publishedLocales(slug), fallback);
  }

  /**
   * The published services with these row ids, whole (terms linked, hidden addresses redacted),
   * by row id: one populated query, whatever their number.
   */
  async function readServices(ids: number[], locale: string): Promise<Map<number, Entry>> {
    if (!ids.length) return new Map();
    const services = await strapi.documents(UID.service).findMany({
      filters: { id: { $in: ids } },
      locale,
      status: 'published',
      populate: populateFor('service') as any,
    });
    await termsLinked('service', services, readTerms);
    // One call for the list: each call works out again which types can reach a location.
    const published = redactHiddenAddresses(UID.service, services, lookup) as Entry[];
    return new Map(published.map((service) => [service.id as number, service]));
  }

  /**
   * The offer's view, rebuilt from `previous` (the last build of it, if any): the offer itself is
   * read again whole, but of its services only those whose version moved since (an edit to one
   * service reads one service, not three hundred).
   */
  async function build(slug: string, requested: string | undefined, previous: Promise<BuiltView> | undefined): Promise<BuiltView> {
    const fallback = await defaultLocale();
    const locale = await servedLocale(slug, requested, fallback);
    if (!locale) return NO_VIEW;
    const offer = await strapi.documents(UID.offer).findFirst({
      filters: { slug },
      locale,
      status: 'published',
      populate: populateFor('offer') as any,
    });
    if (!offer) return NO_VIEW;
    const [versions, before] = await Promise.all([
      version.services(Number(offer.id)),
      previous?.catch(() => NO_VIEW) ?? NO_VIEW,
      termsLinked('offer', offer, readTerms),
    ]);
    const kept = before.vocabulary;
    // Terms an editor has not translated are shown in the default locale: a new default is a new vocabulary.
    const vocabulary =
      kept && kept.locale === offer.locale && kept.fallback === fallback && kept.version === versions.vocabularies
        ? kept
        : { locale: offer.locale, fallback, version: versions.vocabularies, value: await getService('vocabularies').inLocale(offer.locale) };
    const listed = ((offer.services ?? []) as Array<{ id: number }>).map(({ id }) => id);
    // A service republished since the offer was read has a new row id, and no version here yet:
    // read it (its version unknown, so the next build reads it again) rather than leave it out.
    const current = (id: number) => versions.byService.has(id) && before.services.get(id)?.version === versions.byService.get(id);
    const read = await readServices(listed.filter((id) => !current(id)), locale);
    const services = new Map<number, { version: string | undefined; service: Entry }>();
    for (const id of listed) {
      const service = read.get(id);
      if (service) services.set(id, { version: versions.byService.get(id), service });
      else if (current(id)) services.set(id, before.services.get(id)!);
    }
    // Whoever asked first, the cached view is the public one.
    const published = redactHiddenAddresses(UID.offer, { ...offer, services: [] }, lookup) as Entry;
    const view = { ...published, services: [...services.values()].map(({ service }) => service), vocabulary: vocabulary.value } as unknown as OfferView;
    for (const service of view.services) offerOfService.set(service, { slug: view.slug, locale: view.locale });
    return { view, services, vocabulary };
  }

  return {
    /** The current content version of the offer `slug`, or of everything without one (see ./content-version). */
    contentVersion: (slug?: string | null) => version.current(slug),

    publishedLocales,

    /** The offer a service of a view (as `find` returned it) is shown in. */
    offerOf: (service: object) => offerOfService.get(service),

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
      const built = await buildOnce(views, key, await version.current(slug), (previous) => build(slug, locale, previous));
      return built.view;
    },
  };
};
