/**
 * The published offer as a reader sees it: one tree (sections, services, providers, locations,
 * contacts, vocabularies), loaded with one populated query and kept in memory until the content
 * changes. This is the hot path: every page view of every embed asks for it.
 *
 * "Until the content changes" is one aggregate query over the plugin's tables, so it holds with
 * several instances sharing one database. Its answer is reused for a second: edits made through
 * this instance show at once (writes call `changed()`), edits made through another within a second.
 */
import type { Core } from '@strapi/strapi';
import { redactHiddenAddresses } from '../documents/hidden-addresses';
import { matchLocale } from '../locales';
import { populateFor, VIEW_TYPES } from '../offer-view/shape';
import { UID, uidOf } from '../uids';

const MAX_CACHED_VIEWS = 200;
const VERSION_TTL_MS = 1000;

export type OfferView = Record<string, unknown> & { vocabulary: unknown };

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const views = new Map<string, { version: string; view: Promise<OfferView | null> }>();
  /** The tables the view reads, and the public role's permissions (a revoked grant must show at once). */
  const tables = () => [
    ...Object.keys(VIEW_TYPES).map((name) => strapi.db.metadata.get(uidOf(name as never)).tableName),
    ...(strapi.plugin('users-permissions') ? [strapi.db.metadata.get('plugin::users-permissions.permission').tableName] : []),
  ];

  /** Changes whenever a row is created, edited, published or deleted in any table the view reads. */
  async function queryContentVersion(): Promise<string> {
    const knex = strapi.db.connection;
    const [first, ...rest] = tables().map((table) =>
      knex(table)
        .select(knex.raw('? as ??', [table, 'table_name']))
        .count({ rows: '*' })
        .max({ updated: 'updated_at' })
        .max({ published: 'published_at' }),
    );
    const rows: any[] = await first.unionAll(rest);
    return rows
      .map((row) => `${row.table_name}:${row.rows}:${new Date(row.updated ?? 0).getTime()}:${new Date(row.published ?? 0).getTime()}`)
      .sort()
      .join('|');
  }

  let version: { value: Promise<string>; at: number } | null = null;
  const contentVersion = () => {
    if (!version || Date.now() - version.at > VERSION_TTL_MS) {
      version = { value: queryContentVersion(), at: Date.now() };
      version.value.catch(() => (version = null));
    }
    return version.value;
  };

  /** Its published locales, and the one to serve for `requested` (see offer-view/locales). */
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
    const vocabulary = await strapi.plugin('kinship-offer').service('vocabularies').inLocale(offer.locale);
    // Whoever asked first, the cached view is the public one.
    const published = redactHiddenAddresses(UID.offer, offer, (uid) => strapi.getModel(uid as any) as any) as Record<string, unknown>;
    return { ...published, vocabulary } as OfferView;
  }

  return {
    contentVersion,

    /** Called on every write to the plugin's content through this instance. */
    changed() {
      version = null;
    },

    /**
     * The published offer with this slug, or null: in the locale that best matches the BCP 47 tag
     * `locale`, else the default locale, else any it is published in. Its `locale` says which.
     */
    async find(slug: string, locale?: string): Promise<OfferView | null> {
      const key = `${slug}\u0000${locale?.toLowerCase() ?? ''}`;
      const version = await contentVersion();
      const cached = views.get(key);
      if (cached?.version === version) return cached.view;
      const view = build(slug, locale);
      views.delete(key);
      views.set(key, { version, view });
      if (views.size > MAX_CACHED_VIEWS) views.delete(views.keys().next().value!);
      view.catch(() => views.delete(key));
      return view;
    },
  };
};
