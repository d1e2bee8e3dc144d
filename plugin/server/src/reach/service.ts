/**
 * Reach, the plugin's service: counts readers' anonymous events against what is published (known
 * offers, their services, the vocabularies' codes), bounds what one client can add (./repeats),
 * keeps a forger from flooding an offer's list of sites, and writes the counts in batches
 * (./counter). Editors read them through ./report.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { OTHER_SITES, type ReachBatch, type ReachRow } from '../../../shared/reach';
import { UID } from '../uids';
import { ensureReachTable, REACH_TABLE, ReachCounter } from './counter';
import { buildReport, firstDay, type ReportContent, type SiteSeen } from './report';
import { distinctEvents, RecentEvents } from './repeats';
import { concernsService } from './validation';

/** How long what is published is trusted before it is read again (a new service counts within this). */
const CATALOGUE_SECONDS = 15;
/** Offers' catalogues kept (unknown slugs too, so a forger's guesses do not each reach the database). */
const MAX_CATALOGUES = 1_000;

interface Catalogue {
  loadedAt: number;
  /** null: no published offer has this slug. */
  offer: { documentId: string; services: Map<string, string>; arrangements: Set<string>; supportTypes: Set<string> } | null;
}

/** YYYY-MM-DD in UTC. */
export const utcDay = (at = new Date()) => at.toISOString().slice(0, 10);

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const config = <T>(key: string) => strapi.plugin('kinship-offer').config(key) as T;
  const knex = () => strapi.db.connection;
  const counter = new ReachCounter(knex, (message) => strapi.log.warn(message));
  const recent = new RecentEvents();
  const catalogues = new Map<string, Promise<Catalogue>>();
  /** Per offer, today's known sites and how many new ones were let in today, on this instance. */
  const sites = new Map<string, Promise<{ day: string; known: Set<string>; added: number }>>();
  let timer: NodeJS.Timeout | undefined;

  async function loadCatalogue(slug: string): Promise<Catalogue> {
    const offer = await strapi.db.query(UID.offer).findOne({ where: { slug, publishedAt: { $notNull: true } }, select: ['documentId'] });
    if (!offer) return { loadedAt: Date.now(), offer: null };
    const [services, arrangements, supportTypes] = await Promise.all([
      strapi.db.query(UID.service).findMany({ where: { publishedAt: { $notNull: true }, offers: { documentId: offer.documentId } }, select: ['uuid', 'documentId'] }),
      strapi.db.query(UID.arrangementType).findMany({ select: ['code'] }),
      strapi.db.query(UID.supportType).findMany({ select: ['code'] }),
    ]);
    return {
      loadedAt: Date.now(),
      offer: {
        documentId: offer.documentId,
        services: new Map(services.map((service: any) => [service.uuid, service.documentId])),
        arrangements: new Set(arrangements.map((term: any) => term.code)),
        supportTypes: new Set(supportTypes.map((term: any) => term.code)),
      },
    };
  }

  async function catalogue(slug: string) {
    const cached = catalogues.get(slug);
    if (cached) {
      const entry = await cached.catch(() => null);
      if (entry && Date.now() - entry.loadedAt < CATALOGUE_SECONDS * 1000) return entry.offer;
    }
    const loading = loadCatalogue(slug);
    catalogues.delete(slug);
    catalogues.set(slug, loading);
    if (catalogues.size > MAX_CATALOGUES) catalogues.delete(catalogues.keys().next().value!);
    return (await loading).offer;
  }

  /**
   * The site to count under: itself if the offer has been seen there before or fewer than
   * `reachNewSitesPerDay` new sites have been let in today (on this instance), else OTHER_SITES.
   */
  async function admit(day: string, offer: string, site: string) {
    let entry = sites.get(offer);
    if (!entry || (await entry).day !== day) {
      entry = knex()(REACH_TABLE)
        .distinct('site')
        .where({ offer })
        .then((rows: Array<{ site: string }>) => ({ day, known: new Set(rows.map((row) => row.site)), added: 0 }));
      sites.set(offer, entry);
    }
    const today = await entry;
    if (today.known.has(site)) return site;
    if (today.added >= config<number>('reachNewSitesPerDay')) return OTHER_SITES;
    today.added += 1;
    today.known.add(site);
    return site;
  }

  return {
    /** This instance's counts not yet written (for tests and the bench). */
    counter,

    /** Creates the table if need be and writes counts every `reachFlushSeconds` from now on. */
    async start() {
      await ensureReachTable(knex());
      clearInterval(timer);
      const seconds = config<number>('reachFlushSeconds');
      timer = setInterval(() => {
        counter.flush().catch((error) => strapi.log.error(`[kinship-offer] reach counts not written yet, kept for the next try: ${error}`));
      }, seconds * 1000);
      timer.unref();
    },

    /** Stops the timer and writes what is left (Strapi's destroy, before the database closes). */
    async stop() {
      clearInterval(timer);
      await counter.flush().catch((error) => strapi.log.error(`[kinship-offer] reach counts of the last ${config<number>('reachFlushSeconds')} s could not be written: ${error}`));
    },

    /**
     * Counts a batch from a page on `site`, sent from the address `reader`, after checking it
     * against what is published. Throws a ValidationError naming the first problem, and then
     * counts nothing. Each event counts within the bounds of ./repeats. Resolves with the events counted.
     */
    async record(batch: ReachBatch, site: string, reader: string, at = new Date()): Promise<number> {
      const offer = await catalogue(batch.offer);
      if (!offer) throw new errors.ValidationError(`There is no published offer "${batch.offer}"`);
      const events = batch.events.map(([event, subject], index): [ReachBatch['events'][number][0], string] => {
        const problem = (message: string) => new errors.ValidationError(`events[${index}]: ${message}`);
        if (concernsService(event, subject)) {
          const documentId = offer.services.get(subject);
          if (!documentId) throw problem('that service is not published in this offer');
          return [event, documentId];
        }
        if (event === 'arrangement' && subject && !offer.arrangements.has(subject)) throw problem(`unknown arrangement "${subject}"`);
        if (event === 'support_type' && !offer.supportTypes.has(subject)) throw problem(`unknown support type "${subject}"`);
        return [event, subject];
      });
      const window = config<number>('reachRepeatMinutes') * 60_000;
      const counted = distinctEvents(events).filter(([event, subject]) => recent.firstIn(window, at.getTime(), reader, offer.documentId, event, subject));
      if (!counted.length) return 0;
      const day = utcDay(at);
      const countedSite = await admit(day, offer.documentId, site);
      for (const [event, subject] of counted) counter.add({ day, offer: offer.documentId, site: countedSite, event, subject });
      return counted.length;
    },

    /** The stored counts of an offer from `from` (YYYY-MM-DD) on, oldest first. */
    async rows(offerDocumentId: string, from = '0000-00-00'): Promise<ReachRow[]> {
      return knex()(REACH_TABLE)
        .select('day', 'site', 'event', 'subject', 'count')
        .where({ offer: offerDocumentId })
        .andWhere('day', '>=', from)
        .orderBy(['day', 'site', 'event', 'subject']);
    },

    /**
     * An offer's reach over the 12 months to `today`, for its editors, `ownSite` (the CMS's own
     * origin) shown apart; null if there is no such offer.
     */
    async report(offerDocumentId: string, ownSite = '', today = utcDay()) {
      const offer: any = await strapi.documents(UID.offer).findOne({
        documentId: offerDocumentId,
        fields: ['name', 'publishedAt', 'updatedAt'],
        populate: { youSaidWeDid: { fields: ['date', 'youSaid'] } },
      });
      if (!offer) return null;
      const published: any = await strapi.documents(UID.offer).findOne({ documentId: offerDocumentId, status: 'published', fields: ['publishedAt'] });
      const services: any[] = await strapi.documents(UID.service).findMany({
        filters: { offers: { documentId: offerDocumentId } },
        status: 'published',
        fields: ['title', 'publishedAt'],
        populate: { arrangementTypes: { fields: ['code'] }, supportTypes: { fields: ['code'] } },
        limit: 1_000,
      });
      const { arrangementTypes, supportTypes } = await (strapi.plugin('kinship-offer').service('vocabularies') as any).inLocale();
      const from = firstDay(today);
      const [rows, seen] = await Promise.all([
        this.rows(offerDocumentId, from),
        knex()(REACH_TABLE)
          .select('site')
          .min({ firstSeen: 'day' })
          .max({ lastSeen: 'day' })
          .where({ offer: offerDocumentId, event: 'shown' })
          .groupBy('site') as Promise<SiteSeen[]>,
      ]);
      const content: ReportContent = {
        documentId: offerDocumentId,
        name: offer.name,
        offerPublishedAt: published?.publishedAt ?? null,
        youSaidWeDid: (offer.youSaidWeDid ?? []).map((change: any) => ({ date: change.date, text: change.youSaid })),
        services: services.map((service) => ({
          documentId: service.documentId,
          title: service.title,
          publishedAt: service.publishedAt,
          arrangements: (service.arrangementTypes ?? []).map((term: any) => term.code),
          supportTypes: (service.supportTypes ?? []).map((term: any) => term.code),
        })),
        arrangementTypes: arrangementTypes.map(({ code, label }: any) => ({ code, label })),
        supportTypes: supportTypes.map(({ code, label }: any) => ({ code, label })),
      };
      return buildReport(content, rows, seen, today, ownSite);
    },
  };
};
