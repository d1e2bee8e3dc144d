/**
 * A per-IP limit for a public endpoint (feedback, reach): at most `perMinute()` requests from one
 * address in any 60 seconds, then 429 with Retry-After and `message`. Keyed on the client address
 * (not the e-mail, as the users-permissions limiter is), as a SHA-256 digest.
 *
 * Where the requests let through are counted decides what "one address" means with several
 * instances behind a load balancer. In the database (feedback): across every instance sharing it.
 * In memory (reach, which batches its writes and would lose that to a write per event): per
 * instance, so an address gets the limit once per instance.
 */
import { createHash } from 'node:crypto';
import { ensureTable, type Knex } from '../own-tables';

export const WINDOW_MS = 60_000;
export const HIT_TABLE = 'kinship_offer_feedback_hits';
/** Addresses a memory log holds at most: a flood of addresses cannot grow it without end. */
const MAX_TRACKED = 10_000;

/** Where the requests let through are kept. */
export interface HitLog {
  /**
   * In one step, whoever else asks at the same moment: when fewer than `limit` requests from
   * `client` were let through after `since`, records one at `now` and returns null; otherwise
   * returns when the oldest of those was let through. Times in milliseconds since the epoch.
   */
  take(client: string, now: number, since: number, limit: number): Promise<number | null>;
}

/** This process's memory: the oldest address is forgotten once MAX_TRACKED are held. */
export function memoryHitLog(): HitLog {
  const hits = new Map<string, number[]>();
  return {
    async take(client, now, since, limit) {
      const recent = (hits.get(client) ?? []).filter((at) => at > since);
      if (recent.length >= limit) return recent[0];
      recent.push(now);
      hits.delete(client);
      hits.set(client, recent);
      if (hits.size > MAX_TRACKED) hits.delete(hits.keys().next().value!);
      return null;
    },
  };
}

/** Creates the database log's table (at bootstrap). */
export const ensureHitTable = (knex: Knex) =>
  ensureTable(knex, HIT_TABLE, (table) => {
    table.string('client', 64).notNullable();
    table.bigInteger('at').notNullable();
    table.index(['client', 'at']);
  });

/**
 * The log as a table in the app's database (`knex()` is read when a request comes), shared by
 * every instance; rows older than the window are deleted.
 */
export function databaseHitLog(knex: () => Knex): HitLog {
  let sweptAt = 0;
  return {
    async take(client, now, since, limit) {
      const db = knex();
      if (now - sweptAt >= WINDOW_MS) {
        sweptAt = now;
        await db(HIT_TABLE).where('at', '<=', now - WINDOW_MS).delete();
      }
      return db.transaction(async (trx) => {
        // Two instances counting the same address at once must not both see room for one more.
        // PostgreSQL: a lock per address until the transaction ends. SQLite serialises writers.
        if (db.client.dialect === 'postgresql') {
          await trx.raw('SELECT pg_advisory_xact_lock(hashtext(?))', [`${HIT_TABLE}:${client}`]);
        }
        const recent = await trx(HIT_TABLE).where('client', client).andWhere('at', '>', since).orderBy('at').limit(limit).pluck('at');
        if (recent.length >= limit) return Number(recent[0]);
        await trx(HIT_TABLE).insert({ client, at: now });
        return null;
      });
    },
  };
}

/**
 * `scope`: counted apart from other endpoints' requests in the same log (the partner form's from
 * feedback's). `refuse`: writes the 429's body (HTML for a page), else Strapi's JSON error shape.
 */
export function rateLimit(
  perMinute: () => number,
  { hits, message, scope = '', refuse }: { hits: HitLog; message: string; scope?: string; refuse?: (ctx: any, message: string) => Promise<void> },
) {
  return async (ctx: any, next: () => Promise<void>) => {
    const now = Date.now();
    const client = createHash('sha256').update(`${scope}${ctx.request.ip ?? 'unknown'}`).digest('hex');
    const oldest = await hits.take(client, now, now - WINDOW_MS, perMinute());
    if (oldest !== null) {
      ctx.status = 429;
      ctx.set('retry-after', String(Math.ceil((WINDOW_MS - (now - oldest)) / 1000)));
      if (refuse) await refuse(ctx, message);
      else ctx.body = { data: null, error: { status: 429, name: 'RateLimitError', message } };
      return;
    }
    await next();
  };
}
