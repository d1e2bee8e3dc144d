/**
 * Seam: where the content version comes from. A cached view or response is good while the version
 * it was built from is current. Versions are read from the database, so they hold with several
 * instances sharing one database, and come in two scopes:
 *
 * - **one offer** (`current(slug)`): one aggregate query over the rows that offer's published view
 *   reaches (its published rows in every locale, their services, each service's provider, locations
 *   and contacts, each contact's organisation, the offer's advice organisations and "you said, we
 *   did"), plus the vocabularies and the public role's permissions whole, since every view shows
 *   the whole vocabulary and a revoked grant must show at once, and the i18n default locale, which
 *   decides the language of a view asked for in none. An edit to one offer, or to a
 *   service, location, contact or organisation only it reaches, leaves every other offer's version
 *   as it was; an organisation several offers reach changes each of theirs; a vocabulary or
 *   permission change changes every offer's. One query per cold read, whatever the number of
 *   services: each path is one join, counted in the database.
 * - **everything** (`current()`, for the feed of every offer): one aggregate query over every
 *   table the view reads, whole, and the default locale.
 * - **each service of an offer** (`services(offerRowId)`, when its view is built): the same paths
 *   below the offer's services, grouped by service, so a view can be rebuilt reading again only
 *   the services that changed (./service).
 *
 * Each path or table gives rows, the sum of row ids (a delete and an insert together still change
 * it), last update and last publish. An answer is reused for a second (VERSION_TTL_MS), so a
 * write through another instance shows here within a second; `changed()` (called on every write
 * through this instance) drops every held answer at once: the next read asks again, and offers
 * whose rows did not change get the same version back, so their caches stay warm.
 */
import type { Core } from '@strapi/strapi';
import { uidOf, type ContentTypeName } from '../uids';
import contentTypes from '../content-types';
import { isLocalizedModel } from '../documents/languages';
import { VIEW_TYPES, viewFields, VOCABULARY_TYPES, type ViewTypeName } from './shape';

export interface ContentVersionSource {
  /**
   * An opaque string that changes whenever anything a reader of the offer `slug` could see
   * changes; without a slug, whenever anything in any offer could.
   */
  current(slug?: string | null): Promise<string>;
  /**
   * For the offer row `offerRowId` (one locale's published offer): a version per service it lists,
   * by the service's row id, that changes whenever anything a reader could see in that service
   * changes (its row, provider, locations, contacts and their organisations, the vocabularies);
   * and the vocabularies' own. One query, asked afresh each time (a view is built from it: ./service).
   */
  services(offerRowId: number): Promise<ServiceVersions>;
  /** Something was written through this instance: the next `current()` must look again. */
  changed(): void;
}

export interface ServiceVersions {
  /** By service row id. */
  byService: ReadonlyMap<number, string>;
  /** The vocabularies' (every service's version includes it). */
  vocabularies: string;
}

/** Stands for the offer's row id in the compiled query of its services' versions: no row has it. */
const OFFER_ROW = -1;

/** The path from an offer to its services in the view (`viewPaths`), whose parts are versioned one by one. */
const SERVICES_PATH = 'offer.services';

/** How long one answer of the database is reused, in milliseconds. */
export const VERSION_TTL_MS = 1000;

/** Scopes whose answers are held at once; past this, all are dropped (each costs one query to ask again). */
const MAX_SCOPES = 1000;

/** The vocabularies every offer view shows whole (its filters), so they count for every offer. */
const WHOLE_TABLES = VOCABULARY_TYPES;

/**
 * One step of a path through the view: the join table and the table it leads to; or, without a
 * join table, from rows to every row of the same documents (their other languages and states).
 */
type Step = { joinTable: string; from: string; to: string; table: string } | { sameDocument: true; table: string };

/** The paths from an offer to every type its view reaches through relations (vocabularies aside: counted whole). */
function viewPaths(metadata: { get(uid: string): any }): Array<{ name: string; steps: Step[] }> {
  const paths: Array<{ name: string; steps: Step[] }> = [];
  const walk = (type: ViewTypeName, name: string, steps: Step[]) => {
    const meta = metadata.get(uidOf(type as ContentTypeName));
    paths.push({ name, steps });
    for (const field of viewFields(type)) {
      if (!field.target || WHOLE_TABLES.includes(field.target)) continue;
      const { joinTable } = meta.attributes[field.name];
      const step = {
        joinTable: joinTable.name,
        from: joinTable.joinColumn.name,
        to: joinTable.inverseJoinColumn.name,
        table: metadata.get(uidOf(field.target as ContentTypeName)).tableName,
      };
      walk(field.target, `${name}.${field.name}`, [...steps, step]);
      // A translated view shows each entry's translation, which no relation reaches (offer-view/service `translated`).
      if (isLocalizedModel(contentTypes[field.target].schema as never)) {
        paths.push({ name: `${name}.${field.name}.translations`, steps: [...steps, step, { sameDocument: true, table: step.table }] });
      }
    }
  };
  walk('offer', 'offer', []);
  return paths;
}

const versionOf = (rows: any[]) =>
  rows
    .map(
      (row) =>
        `${row.scope}:${row.rows}:${row.ids ?? 0}:${new Date(row.updated ?? 0).getTime()}:${new Date(row.published ?? 0).getTime()}`,
    )
    .sort()
    .join('|');

export function databaseContentVersion(strapi: Core.Strapi): ContentVersionSource {
  const knex = () => strapi.db.connection;
  const tableOf = (uid: string) => strapi.db.metadata.get(uid as never).tableName;
  const permissions = () => (strapi.plugin('users-permissions') ? [tableOf('plugin::users-permissions.permission')] : []);
  /**
   * The i18n default locale (its row in Strapi's core store, which has no timestamps: its value is
   * the scope): a reader who names no language, or one the offer lacks, is served in it, and the
   * vocabularies fall back to it (../services/vocabularies).
   */
  const defaultLocale = () =>
    knex()(tableOf('strapi::core-store'))
      .where('key', 'plugin_i18n_default_locale')
      .select(knex().raw('max(??) as ??', ['value', 'scope']))
      .count({ rows: '*' })
      .select(knex().raw('0 as ??', ['ids']), knex().raw('null as ??', ['updated']), knex().raw('null as ??', ['published']));

  /** A whole table: rows, id sum, last update, last publish (Strapi 5 gives every table both). */
  const wholeTable = (table: string) =>
    knex()(table)
      .select(knex().raw('? as ??', [table, 'scope']))
      .count({ rows: '*' })
      .sum({ ids: 'id' })
      .max({ updated: 'updated_at' })
      .max({ published: 'published_at' });

  /** One query: the rows of each, in turn (their columns in the same order). */
  const unionOf = (queries: any[]) => {
    const [first, ...rest] = queries;
    return first.unionAll(rest);
  };

  async function everything(): Promise<string> {
    return versionOf(
      await unionOf([
        ...(Object.keys(VIEW_TYPES) as ViewTypeName[]).map((name) => wholeTable(tableOf(uidOf(name)))),
        ...permissions().map(wholeTable),
        defaultLocale(),
      ]),
    );
  }

  let paths: ReturnType<typeof viewPaths> | null = null;
  /** The view's paths, read from the schema once (the database's metadata is ready by then). */
  const viewPathsOnce = () => (paths ??= viewPaths(strapi.db.metadata as never));
  /**
   * The rows at the end of `steps` from the offers (`t0`; the table step N reaches is `tN`),
   * aggregated as `scope`.
   */
  const alongPath = ({ name, steps }: { name: string; steps: Step[] }) => {
    let query = knex()(`${tableOf(uidOf('offer'))} as t0`);
    let previous = 't0';
    steps.forEach((step, index) => {
      const link = `l${index + 1}`;
      const next = `t${index + 1}`;
      query =
        'sameDocument' in step
          ? // Published rows only: a translation saved as a draft changes nothing a reader sees.
            query.join(`${step.table} as ${next}`, function (this: any) {
              this.on(`${next}.document_id`, '=', `${previous}.document_id`).andOnNotNull(`${next}.published_at`);
            })
          : query
              .join(`${step.joinTable} as ${link}`, `${link}.${step.from}`, `${previous}.id`)
              .join(`${step.table} as ${next}`, `${next}.id`, `${link}.${step.to}`);
      previous = next;
    });
    return query
      .select(knex().raw('? as ??', [name, 'scope']))
      .count({ rows: '*' })
      .sum({ ids: `${previous}.id` })
      .max({ updated: `${previous}.updated_at` })
      .max({ published: `${previous}.published_at` });
  };
  const vocabularies = () => WHOLE_TABLES.map((name) => wholeTable(tableOf(uidOf(name))));

  async function offer(slug: string): Promise<string> {
    return versionOf(
      await unionOf([
        ...viewPathsOnce().map((path) => alongPath(path).where('t0.slug', slug).whereNotNull('t0.published_at')),
        ...vocabularies(),
        ...permissions().map(wholeTable),
        defaultLocale(),
      ]),
    );
  }

  /** The services' query, but for the offer's row id (OFFER_ROW in its place). */
  const servicesQuery = () => {
    return unionOf([
      ...viewPathsOnce()
        .filter(({ name }) => name === SERVICES_PATH || name.startsWith(`${SERVICES_PATH}.`))
        // Each grouped apart (a union's members may not have a GROUP BY of their own).
        .map((path, index) =>
          knex()
            .select('*')
            .from(alongPath(path).where('t0.id', OFFER_ROW).groupBy('t1.id').select({ service: 't1.id' }).as(`s${index}`)),
        ),
      // Every service shows its terms whole: a term's change is every service's.
      ...vocabularies().map((query) => query.select(knex().raw('null as ??', ['service']))),
    ]);
  };
  // Compiled once: writing its SQL took as long as the database took to answer it.
  let compiledServicesQuery: { sql: string; bindings: readonly unknown[] } | null = null;

  async function services(offerRowId: number): Promise<ServiceVersions> {
    compiledServicesQuery ??= servicesQuery().toSQL() as { sql: string; bindings: readonly unknown[] };
    const { sql, bindings } = compiledServicesQuery;
    const rows: any[] = await knex()
      .select('*')
      .from(knex().raw(`(${sql}) as versions`, bindings.map((value) => (value === OFFER_ROW ? offerRowId : value))));
    const shared = versionOf(rows.filter((row) => row.service === null));
    const rowsOf = new Map<number, any[]>();
    for (const row of rows) {
      if (row.service === null) continue;
      const id = Number(row.service);
      if (rowsOf.has(id)) rowsOf.get(id)!.push(row);
      else rowsOf.set(id, [row]);
    }
    return { byService: new Map([...rowsOf].map(([id, found]) => [id, `${versionOf(found)}|${shared}`])), vocabularies: shared };
  }

  let held = new Map<string, { value: Promise<string>; at: number }>();
  return {
    current(slug) {
      const scope = slug ?? '';
      const last = held.get(scope);
      if (last && Date.now() - last.at <= VERSION_TTL_MS) return last.value;
      if (held.size >= MAX_SCOPES) held = new Map();
      const value = slug ? offer(slug) : everything();
      const entry = { value, at: Date.now() };
      held.set(scope, entry);
      value.catch(() => held.get(scope) === entry && held.delete(scope));
      return value;
    },
    services,
    changed() {
      held = new Map();
    },
  };
}
