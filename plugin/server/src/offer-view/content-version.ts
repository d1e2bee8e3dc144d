/**
 * Seam: where the content version comes from. A cached view or response is good while the version
 * it was built from is current. Versions are read from the database, so they hold with several
 * instances sharing one database, and come in two scopes:
 *
 * - **one offer** (`current(slug)`): one aggregate query over the rows that offer's published view
 *   reaches (its published rows in every locale, their services, each service's provider, locations
 *   and contacts, each contact's organisation, the offer's advice organisations and "you said, we
 *   did"), plus the vocabularies and the public role's permissions whole, since every view shows
 *   the whole vocabulary and a revoked grant must show at once. An edit to one offer, or to a
 *   service, location, contact or organisation only it reaches, leaves every other offer's version
 *   as it was; an organisation several offers reach changes each of theirs; a vocabulary or
 *   permission change changes every offer's. One query per cold read, whatever the number of
 *   services: each path is one join, counted in the database.
 * - **everything** (`current()`, for the feed of every offer): one aggregate query over every
 *   table the view reads, whole.
 *
 * Each path or table gives rows, the sum of row ids (a delete and an insert together still change
 * it), last update and last publish. An answer is reused for a second (VERSION_TTL_MS), so a
 * write through another instance shows here within a second; `changed()` (called on every write
 * through this instance) drops every held answer at once: the next read asks again, and offers
 * whose rows did not change get the same version back, so their caches stay warm.
 */
import type { Core } from '@strapi/strapi';
import { uidOf, type ContentTypeName } from '../uids';
import { VIEW_TYPES, viewFields, VOCABULARY_TYPES, type ViewTypeName } from './shape';

export interface ContentVersionSource {
  /**
   * An opaque string that changes whenever anything a reader of the offer `slug` could see
   * changes; without a slug, whenever anything in any offer could.
   */
  current(slug?: string | null): Promise<string>;
  /** Something was written through this instance: the next `current()` must look again. */
  changed(): void;
}

/** How long one answer of the database is reused, in milliseconds. */
export const VERSION_TTL_MS = 1000;

/** Scopes whose answers are held at once; past this, all are dropped (each costs one query to ask again). */
const MAX_SCOPES = 1000;

/** The vocabularies every offer view shows whole (its filters), so they count for every offer. */
const WHOLE_TABLES = VOCABULARY_TYPES;

/** One step of a path through the view: the join table and the table it leads to. */
interface Step {
  joinTable: string;
  from: string;
  to: string;
  table: string;
}

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

  /** A whole table: rows, id sum, last update, last publish (Strapi 5 gives every table both). */
  const wholeTable = (table: string) =>
    knex()(table)
      .select(knex().raw('? as ??', [table, 'scope']))
      .count({ rows: '*' })
      .sum({ ids: 'id' })
      .max({ updated: 'updated_at' })
      .max({ published: 'published_at' });

  async function everything(): Promise<string> {
    const [first, ...rest] = [
      ...(Object.keys(VIEW_TYPES) as ViewTypeName[]).map((name) => wholeTable(tableOf(uidOf(name)))),
      ...permissions().map(wholeTable),
    ];
    return versionOf(await first.unionAll(rest));
  }

  let paths: ReturnType<typeof viewPaths> | null = null;
  async function offer(slug: string): Promise<string> {
    paths ??= viewPaths(strapi.db.metadata as never);
    const offers = tableOf(uidOf('offer'));
    const [first, ...rest] = [
      ...paths.map(({ name, steps }) => {
        let query = knex()(`${offers} as t0`);
        let previous = 't0';
        steps.forEach((step, index) => {
          const link = `l${index + 1}`;
          const next = `t${index + 1}`;
          query = query
            .join(`${step.joinTable} as ${link}`, `${link}.${step.from}`, `${previous}.id`)
            .join(`${step.table} as ${next}`, `${next}.id`, `${link}.${step.to}`);
          previous = next;
        });
        return query
          .where('t0.slug', slug)
          .whereNotNull('t0.published_at')
          .select(knex().raw('? as ??', [name, 'scope']))
          .count({ rows: '*' })
          .sum({ ids: `${previous}.id` })
          .max({ updated: `${previous}.updated_at` })
          .max({ published: `${previous}.published_at` });
      }),
      ...WHOLE_TABLES.map((name) => wholeTable(tableOf(uidOf(name)))),
      ...permissions().map(wholeTable),
    ];
    return versionOf(await first.unionAll(rest));
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
    changed() {
      held = new Map();
    },
  };
}
