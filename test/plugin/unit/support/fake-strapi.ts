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

  /** The aggregate query the content version runs: a builder per table, resolved by unionAll. */
  const versionQueries = vi.fn();
  const builder = (name: string) => {
    const chain: any = { table: name };
    for (const method of ['select', 'count', 'max']) chain[method] = () => chain;
    chain.unionAll = (rest: Array<{ table: string }>) => {
      versionQueries();
      const all = [chain, ...rest].map(({ table: tableName }) => {
        const state = table(tableName);
        return { table_name: tableName, rows: state.rows, updated: state.updated, published: state.published };
      });
      return failNext ? ((failNext = false), Promise.reject(new Error('database unavailable'))) : Promise.resolve(all);
    };
    return chain;
  };
  const knex: any = (name: string) => builder(name);
  knex.raw = () => ({});
  let failNext = false;

  const services: Record<string, unknown> = {
    vocabularies: { inLocale: async (locale: string) => ({ locale, supportTypes: [], arrangementTypes: [] }) },
  };
  const findFirst = vi.fn(async ({ filters, locale }: { filters: { slug: string }; locale: string }) => {
    const offer = offers.find((o) => o.slug === filters.slug && o.locale === locale);
    return offer ? { ...offer } : null;
  });

  const strapi: any = {
    db: {
      metadata: { get: (uid: string) => ({ tableName: uid.split('.').pop()!.replace(/-/g, '_') }) },
      connection: knex,
      query: () => ({
        findMany: async ({ where }: { where: { slug: string } }) => offers.filter((o) => o.slug === where.slug).map(({ locale }) => ({ locale })),
      }),
    },
    documents: () => ({ findFirst }),
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
