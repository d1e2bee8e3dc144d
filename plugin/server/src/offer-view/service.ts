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
import contentTypes from '../content-types';
import { isWritten, translatedFields } from '../documents/languages';
import { getService } from '../services/get-service';
import { UID, uidOf, type ContentTypeName } from '../uids';
import { databaseContentVersion } from './content-version';
import { populateFor, termsLinked, type ViewTypeName } from './shape';
import { buildOnce, memoryStore } from './store';

/** Offers in their languages kept at once, and whole responses (several queries may ask for one offer). */
const MAX_CACHED_VIEWS = 200;
const MAX_CACHED_RESPONSES = 500;

type Entry = Record<string, any>;
type ReadTerms = (vocabulary: ViewTypeName, ids: number[]) => Promise<Array<{ id: number }>>;

/** A language's name in itself ("cy" → "Cymraeg", CLDR by Intl), or its code where Node has no name for it. */
const nameInItself = (code: string) => {
  try {
    return new Intl.DisplayNames([code], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
};


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

  /** The locales the offer `slug` is published in, in order. */
  async function publishedLocales(slug: string): Promise<string[]> {
    const published = await strapi.db.query(UID.offer).findMany({ where: { slug, publishedAt: { $notNull: true } }, select: ['locale'] });
    return [...new Set(published.map((row: { locale: string }) => row.locale))].sort();
  }


  /**
   * The published services with these row ids, whole (terms linked, hidden addresses redacted),
   * by row id: one populated query, whatever their number.
   */
  async function readServices(ids: number[], locale: string, terms: ReadTerms): Promise<Map<number, Entry>> {
    if (!ids.length) return new Map();
    const services = await strapi.documents(UID.service).findMany({
      filters: { id: { $in: ids } },
      locale,
      status: 'published',
      populate: populateFor('service') as any,
    });
    await termsLinked('service', services, terms);
    // One call for the list: each call works out again which types can reach a location.
    const published = redactHiddenAddresses(UID.service, services, lookup) as Entry[];
    return new Map(published.map((service) => [service.id as number, service]));
  }

  /**
   * `entries` (published, of the view type `name`, in the language they were read in) in `locale`:
   * each with the words of its published version in that language, where it has one, over what
   * every language shares (ids, codes, contacts, places, dates, links), which stays as read. A
   * translation saved only as a draft is not read; a word left empty in a translation is the
   * source's (so opening times or a description not yet translated show, in the source language).
   * One query, whatever the number of entries.
   */
  async function translated(name: 'offer' | 'service' | 'you-said-we-did', entries: Entry[], locale: string): Promise<Entry[]> {
    const pending = entries.filter((entry) => entry.locale !== locale);
    if (!pending.length) return entries;
    const fields = translatedFields(contentTypes[name].schema as never);
    const versions: Entry[] = await strapi.documents(uidOf(name) as any).findMany({
      filters: { documentId: { $in: pending.map((entry) => entry.documentId) } },
      locale,
      status: 'published',
      fields: ['documentId', 'locale', 'updatedAt', ...fields] as any,
      limit: pending.length,
    });
    const byDocument = new Map(versions.map((version) => [version.documentId, version]));
    return entries.map((entry) => {
      const version = byDocument.get(entry.documentId);
      if (!version || entry.locale === locale) return entry;
      const words = Object.fromEntries(fields.filter((field) => isWritten(version[field])).map((field) => [field, version[field]]));
      return { ...entry, ...words, locale: version.locale, updatedAt: version.updatedAt };
    });
  }

  /**
   * The offer's view, rebuilt from `previous` (the last build of it, if any): the offer itself is
   * read again whole, but of its services only those whose version moved since (an edit to one
   * service reads one service, not three hundred).
   *
   * A view in another language than the default is the default language's version (what it
   * shares: contacts, dates, its services, advice organisations) with the words of each published
   * translation over it (`translated`): a service not translated yet is listed in the default
   * language, never left out. An offer not published in the default language is read as it is.
   */
  async function build(slug: string, requested: string | undefined, previous: Promise<BuiltView> | undefined): Promise<BuiltView> {
    const fallback = await defaultLocale();
    const locales = await publishedLocales(slug);
    // See ../locales: what `requested` names, else the default, else any the offer is in.
    const locale = matchLocale(requested, locales, fallback);
    if (!locale) return NO_VIEW;
    const readOffer = (inLocale: string) =>
      strapi.documents(UID.offer).findFirst({ filters: { slug }, locale: inLocale, status: 'published', populate: populateFor('offer') as any });
    const source = (locale !== fallback && (await readOffer(fallback))) || (await readOffer(locale));
    if (!source) return NO_VIEW;
    const [versions, before] = await Promise.all([version.services(Number(source.id)), previous?.catch(() => NO_VIEW) ?? NO_VIEW]);
    const kept = before.vocabulary;
    // Terms an editor has not translated are shown in the default locale: a new default is a new vocabulary.
    const vocabulary =
      kept && kept.locale === locale && kept.fallback === fallback && kept.version === versions.vocabularies
        ? kept
        : { locale, fallback, version: versions.vocabularies, value: await getService('vocabularies').inLocale(locale) };
    const terms = termsIn(vocabulary.value);
    await termsLinked('offer', source, terms);
    const [offer] = await translated('offer', [source as Entry], locale);
    offer.youSaidWeDid = await translated('you-said-we-did', (offer.youSaidWeDid ?? []) as Entry[], locale);
    const listed = ((offer.services ?? []) as Array<{ id: number }>).map(({ id }) => id);
    // A service republished since the offer was read has a new row id, and no version here yet:
    // read it (its version unknown, so the next build reads it again) rather than leave it out.
    const current = (id: number) => versions.byService.has(id) && before.services.get(id)?.version === versions.byService.get(id);
    const toRead = await readServices(listed.filter((id) => !current(id)), source.locale, terms);
    const read = new Map((await translated('service', [...toRead.values()], locale)).map((service) => [service.id as number, service]));
    const services = new Map<number, { version: string | undefined; service: Entry }>();
    for (const id of listed) {
      const service = read.get(id);
      if (service) services.set(id, { version: versions.byService.get(id), service });
      else if (current(id)) services.set(id, before.services.get(id)!);
    }
    // Whoever asked first, the cached view is the public one.
    const published = redactHiddenAddresses(UID.offer, { ...offer, services: [] }, lookup) as Entry;
    const view = {
      ...published,
      services: [...services.values()].map(({ service }) => service),
      vocabulary: vocabulary.value,
      languages: locales.map((code) => ({ code, name: nameInItself(code) })),
    } as unknown as OfferView;
    for (const service of view.services) offerOfService.set(service, { slug: view.slug, locale: view.locale });
    return { view, services, vocabulary };
  }

  /**
   * How `termsLinked` reads the terms an entry links to: by row id (in the language the entry was
   * read in), each then shown as the view's vocabulary has it (in the view's language where
   * translated), so a Welsh view's services carry Welsh labels whichever version linked them.
   */
  function termsIn(vocabulary: OfferView['vocabulary']): ReadTerms {
    const shown: Partial<Record<ViewTypeName, Map<string, Entry>>> = {
      'arrangement-type': new Map(vocabulary.arrangementTypes.map((term) => [term.code, term as unknown as Entry])),
      'support-type': new Map(vocabulary.supportTypes.map((term) => [term.code, term as unknown as Entry])),
    };
    // Under the id linked, which is the row read (termsLinked puts each term in place by it).
    return async (name, ids) => (await readTerms(name, ids)).map((term: Entry) => ({ ...(shown[name]?.get(term.code) ?? term), id: term.id }));
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
