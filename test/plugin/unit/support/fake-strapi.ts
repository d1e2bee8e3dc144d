/**
 * Just enough of Strapi for the offer view's caches to run without a server: the tables the
 * content version counts (rows, last update, last publish, each changeable by a test), published
 * offers by slug and locale, the i18n default locale, and the plugin's services by name.
 */
import { vi } from 'vitest';

export interface TableState {
  rows: number;
  updated: number | null;
  published: number | null;
}

export interface FakeOffer {
  slug: string;
  locale: string;
  name: string;
}

export function fakeStrapi({ offers = [] as FakeOffer[], usersPermissions = true, defaultLocale = 'en' } = {}) {
  const tables = new Map<string, TableState>();
  const table = (name: string) => {
    if (!tables.has(name)) tables.set(name, { rows: 1, updated: 0, published: 0 });
    return tables.get(name)!;
  };

  /**
   * The aggregate queries the content version runs: a builder per table or path, resolved by
   * unionAll. A path (per offer) reports the state of the last table it joins; `joins` and
   * `slugs` record what each asked for.
   */
  const versionQueries = vi.fn();
  const joins: string[][] = [];
  const slugs: unknown[] = [];
  const builder = (from: string) => {
    const chain: any = { table: from.split(' as ')[0], joined: [] as string[] };
    for (const method of ['select', 'count', 'max', 'sum', 'whereNotNull', 'groupBy', 'as', 'from']) chain[method] = () => chain;
    chain.toSQL = () => ({ sql: 'the services of an offer', bindings: [] });
    chain.where = (column: string, value: unknown) => (column === 't0.slug' && slugs.push(value), chain);
    chain.join = (table: string) => {
      chain.table = table.split(' as ')[0];
      chain.joined.push(chain.table);
      return chain;
    };
    chain.unionAll = (rest: Array<{ table: string; joined: string[] }>) => {
      const run = () => {
        versionQueries();
        const all = [chain, ...rest].map(({ table: tableName, joined }) => {
          joins.push(joined);
          const state = table(tableName);
          return { scope: `${tableName}${joined.length ? `<${joined.length}` : ''}`, rows: state.rows, updated: state.updated, published: state.published };
        });
        return failNext ? ((failNext = false), Promise.reject(new Error('database unavailable'))) : Promise.resolve(all);
      };
      // Run when awaited; compiled (toSQL) only for the query of an offer's services' versions.
      return { toSQL: chain.toSQL, then: (resolve: any, reject: any) => run().then(resolve, reject) };
    };
    return chain;
  };
  const knex: any = (name: string) => builder(name);
  // knex.select(…): the query of an offer's services' versions; the fake offers list none.
  knex.select = () => {
    const chain = builder('versions');
    chain.then = (resolve: (rows: unknown[]) => void) => resolve([]);
    return chain;
  };
  knex.raw = () => ({});
  let failNext = false;

  const services: Record<string, unknown> = {
    vocabularies: { inLocale: async (locale: string) => ({ locale, supportTypes: [], arrangementTypes: [] }) },
  };
  const findFirst = vi.fn(async ({ filters, locale }: { filters: { slug: string }; locale: string }) => {
    const offer = offers.find((o) => o.slug === filters.slug && o.locale === locale);
    return offer ? { documentId: offer.slug, ...offer } : null;
  });
  // An offer's translations: a fake offer's document is its slug, in every language.
  const findMany = async ({ filters, locale }: { filters: { documentId: { $in: string[] } }; locale: string }) =>
    offers.filter((o) => filters.documentId.$in.includes(o.slug) && o.locale === locale).map((o) => ({ documentId: o.slug, ...o }));

  const strapi: any = {
    db: {
      metadata: { get: (uid: string) => fakeMetadata(uid) },
      connection: knex,
      query: () => ({
        findMany: async ({ where }: { where: { slug: string } }) => offers.filter((o) => o.slug === where.slug).map(({ locale }) => ({ locale })),
      }),
    },
    documents: () => ({ findFirst, findMany }),
    getModel: () => undefined,
    config: { get: (key: string) => (key === 'plugin::graphql.endpoint' ? '/graphql' : undefined) },
    plugin: (name: string) => {
      if (name === 'users-permissions') return usersPermissions ? {} : undefined;
      if (name === 'i18n') return { service: () => ({ getDefaultLocale: async () => defaultLocale }) };
      if (name === 'kinship-offer') return { service: (service: string) => services[service] };
      return undefined;
    },
  };

  return {
    strapi,
    /** The offers it holds; change one to change what a load finds. */
    offers,
    /** A table's state; change it to change what the database would report. */
    table,
    tables,
    /** How many times the content version asked the database. */
    versionQueries,
    /** The tables each part of each version query joined, in order (none for a whole table). */
    joins,
    /** The slugs the version queries filtered by. */
    slugs,
    /** How many times an offer was loaded from the database. */
    offerLoads: findFirst,
    /** Makes the next version query fail, as a database going away would. */
    failNextVersionQuery: () => (failNext = true),
    /** Registers a plugin service (`getService(name)`) and makes this the global `strapi`. */
    provide(name: string, service: unknown) {
      services[name] = service;
    },
    install() {
      (globalThis as any).strapi = strapi;
    },
  };
}

/**
 * A content type's table, and for every relation a link table named after it that leads to the
 * target's table (as Strapi 5 lays them out: `<table>_<field>_lnk`).
 */
function fakeMetadata(uid: string) {
  // Strapi's own key-value store (the i18n default locale is a row of it).
  const tableName = uid === 'strapi::core-store' ? 'core_store' : uid.split('.').pop()!.replace(/-/g, '_');
  const attributes = new Proxy({} as Record<string, unknown>, {
    get: (_, field: string) => ({ joinTable: { name: `${tableName}_${field}_lnk`, joinColumn: { name: 'from_id' }, inverseJoinColumn: { name: 'to_id' } } }),
    has: () => true,
  });
  return { tableName, attributes };
}
