/**
 * Each service's `last_modified` in the feed: when anything a directory is shown of it last
 * moved, so `modified_after` lists exactly the services whose content moved.
 *
 * A service shows more than its own rows: its offers' councils (service_areas) and, without a
 * provider, the offer's contact details; locations, contacts and organisations that may be
 * unpublished or deleted without touching it; the vocabularies' words and equivalent terms. So the
 * time is not read from rows' `updatedAt` alone (./map `lastModified`, which a deleted location
 * cannot move). It builds on the content versions (../offer-view/content-version): they already
 * decide when the feed is rebuilt; at each rebuild, each service as it is now shown is
 * fingerprinted (a hash of its JSON, less `last_modified` and the feed's own base URL, so the host
 * a request names makes no difference), and compared with the fingerprint kept for it. The
 * versions alone cannot say which services moved: a term's label, or the offer's phone, moves
 * every service's version, but shows in only some services.
 *
 * Kept in a table of the plugin's own (../own-tables), per feed (every offer, or one offer's,
 * whose services show only that offer's councils) and service, so every instance on one database
 * and every restart gives the same times:
 * - a service never seen in a feed that has been built before: now (it has just appeared);
 * - the first build of a feed: the rows' own time, so a new installation keeps its history;
 * - an unchanged fingerprint: the time kept; a changed one: now, the moment this instance first
 *   shows the change (never earlier than a reader of the CMS could have seen it).
 * Instances rebuilding at once write only where the fingerprint differs, then read back what was
 * kept, so all of them answer with the first writer's time.
 */
import { createHash } from 'node:crypto';
import { ensureTable, type Knex } from '../own-tables';
import type { OrukService } from './map';

export const FEED_MODIFIED_TABLE = 'kinship_offer_feed_modified';

/** The feed of every offer, in the table's `feed` column (an offer's feed is its slug). */
export const EVERY_OFFER = '';

export const ensureFeedModifiedTable = (knex: Knex) =>
  ensureTable(knex, FEED_MODIFIED_TABLE, (table) => {
    table.string('feed', 255).notNullable();
    table.string('service', 36).notNullable();
    table.string('fingerprint', 64).notNullable();
    /** Milliseconds since the epoch. */
    table.bigInteger('modified_at').notNullable();
    table.primary(['feed', 'service']);
  });

interface Kept {
  service: string;
  fingerprint: string;
  modified_at: number | string;
}

/** A service as shown, less `last_modified` and the feed's base URL (`base`), as a short hash. */
export function fingerprint(service: OrukService, base: string): string {
  const { last_modified: _time, ...shown } = service;
  return createHash('sha256').update(JSON.stringify(shown).split(base).join('')).digest('base64url');
}

/**
 * Sets each of `services` (the feed `feed`: EVERY_OFFER or a slug; its URLs under `base`)
 * `last_modified` as the module comment says, in place, writing what moved. `now`: milliseconds.
 */
export async function stampLastModified(knex: Knex, feed: string, services: OrukService[], base: string, now = Date.now()): Promise<void> {
  const read = async (ids?: string[]) => {
    const query = knex(FEED_MODIFIED_TABLE).select('service', 'fingerprint', 'modified_at').where({ feed });
    const rows: Kept[] = await (ids ? query.whereIn('service', ids) : query);
    return new Map(rows.map((row) => [row.service, row]));
  };
  const kept = await read();
  const firstBuild = kept.size === 0;
  const prints = new Map(services.map((service) => [service.id, fingerprint(service, base)]));
  const moved = services
    .filter((service) => kept.get(service.id)?.fingerprint !== prints.get(service.id))
    .map((service) => ({
      feed,
      service: service.id,
      fingerprint: prints.get(service.id)!,
      modified_at: firstBuild ? Date.parse(service.last_modified) : now,
    }));
  if (moved.length) {
    // A few hundred rows at most (an offer's services); SQLite binds up to 32,766 parameters.
    for (let start = 0; start < moved.length; start += 500) {
      await knex(FEED_MODIFIED_TABLE)
        .insert(moved.slice(start, start + 500))
        .onConflict(['feed', 'service'])
        .merge(['fingerprint', 'modified_at'])
        .whereRaw('?? <> excluded.fingerprint', [`${FEED_MODIFIED_TABLE}.fingerprint`]);
    }
    for (const [id, row] of await read(moved.map((row) => row.service))) kept.set(id, row);
  }
  for (const service of services) {
    const row = kept.get(service.id);
    if (row) service.last_modified = new Date(Number(row.modified_at)).toISOString();
  }
}
