/**
 * Seam: where the content version comes from. A cached view or response is good while the version
 * it was built from is current. The default reads it from the database with one aggregate query
 * over the tables the view reads (rows, last update, last publish, per table), so it holds with
 * several instances sharing one database; its answer is reused for a second, and `changed()` (called
 * on every write through this instance) drops it at once. A source fed by the database's own
 * notifications, or per offer, can replace it behind this interface.
 */
import type { Core } from '@strapi/strapi';
import { uidOf } from '../uids';
import { VIEW_TYPES } from './shape';

export interface ContentVersionSource {
  /** An opaque string that changes whenever anything a reader could see changes. */
  current(): Promise<string>;
  /** Something was written through this instance: the next `current()` must look again. */
  changed(): void;
}

/** How long one answer of the aggregate query is reused, in milliseconds. */
export const VERSION_TTL_MS = 1000;

export function databaseContentVersion(strapi: Core.Strapi): ContentVersionSource {
  /** The tables the view reads, and the public role's permissions (a revoked grant must show at once). */
  const tables = () => [
    ...Object.keys(VIEW_TYPES).map((name) => strapi.db.metadata.get(uidOf(name as never)).tableName),
    ...(strapi.plugin('users-permissions') ? [strapi.db.metadata.get('plugin::users-permissions.permission').tableName] : []),
  ];

  async function query(): Promise<string> {
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

  let last: { value: Promise<string>; at: number } | null = null;
  return {
    current() {
      if (!last || Date.now() - last.at > VERSION_TTL_MS) {
        last = { value: query(), at: Date.now() };
        last.value.catch(() => (last = null));
      }
      return last.value;
    },
    changed() {
      last = null;
    },
  };
}
