/**
 * Reach counts: added up in memory, written to the database in batches.
 *
 * Storage is a table of the plugin's own, created at bootstrap through Strapi's database
 * connection (as services/reminders.ts does), not a content type. A content type cannot declare a
 * unique key over several columns, and the upsert that adds needs one; it would also bring
 * document ids, locales, draft columns and the Content Manager's attention to what is only a
 * counter. Strapi's schema sync leaves a table alone that its stored schema never tracked
 * (@strapi/database, schema/diff.js: "a user custom table that we should not touch"), so the table
 * survives every restart and upgrade.
 *
 * Correct with several instances on one database: each writes its own batch with
 * `INSERT … ON CONFLICT (day, offer, site, event, subject) DO UPDATE SET count = count + excluded.count`
 * (SQLite 3.24+ and PostgreSQL 9.5+), so two instances flushing the same row add, never overwrite.
 *
 * What a crash can lose: the counts an instance added since its last flush, at most
 * `reachFlushSeconds` of events (10 s by default). A flush is one transaction: it writes all its
 * rows or none. If it fails while the database is away, its counts are kept for the next; if the
 * database answers, a row in it is one the database refuses, and the rows are written one at a
 * time, leaving out only those it refuses (so one bad row never stops the counting).
 */
import { ensureTable, type Knex } from '../own-tables';

export const REACH_TABLE = 'kinship_offer_reach';
/** The columns that make a count one row: nothing else about a reader is kept. */
export const KEY_COLUMNS = ['day', 'offer', 'site', 'event', 'subject'] as const;

export interface CountKey {
  /** YYYY-MM-DD, UTC. */
  day: string;
  /** The offer's document id. */
  offer: string;
  /** The page's origin, or '' for other sites. */
  site: string;
  event: string;
  /** A code, a service's document id, or ''. */
  subject: string;
}

/** Characters a site (an origin) may have: its column's width, which PostgreSQL enforces (SQLite does not). */
export const MAX_SITE_CHARS = 255;
/** Rows per INSERT: well under SQLite's 32,766 bound parameters (6 a row). */
const ROWS_PER_INSERT = 500;
/** Distinct rows kept in memory at most while the database is unreachable; beyond, new rows go uncounted until a flush succeeds. */
const MAX_PENDING = 100_000;

export const ensureReachTable = (knex: Knex) =>
  ensureTable(knex, REACH_TABLE, (table) => {
    table.string('day', 10).notNullable();
    table.string('offer', 64).notNullable();
    table.string('site', MAX_SITE_CHARS).notNullable();
    table.string('event', 32).notNullable();
    table.string('subject', 64).notNullable();
    table.integer('count').notNullable();
    table.primary([...KEY_COLUMNS]);
    table.index(['offer', 'day']);
  });

type CountRow = CountKey & { count: number };

/**
 * Adds `rows` to the stored counts, in one statement per ROWS_PER_INSERT rows, all in one
 * transaction: if any statement fails, none is kept, so a retry cannot count a row twice.
 */
export async function addCounts(knex: Knex, rows: CountRow[]) {
  await knex.transaction(async (trx) => {
    for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
      await trx(REACH_TABLE)
        .insert(rows.slice(start, start + ROWS_PER_INSERT))
        .onConflict([...KEY_COLUMNS])
        .merge({ count: trx.raw('?? + ??', [`${REACH_TABLE}.count`, 'excluded.count']) });
    }
  });
}

/** One instance's counts not yet written. Each instance (or test) has its own. */
export class ReachCounter {
  private _pending = new Map<string, number>();
  private _flushing: Promise<number> | null = null;

  /** `warn` is told of each row the database refused, and left out. */
  constructor(
    private readonly _knex: () => Knex,
    private readonly _warn: (message: string) => void = () => {},
  ) {}

  /** Counts one event (`times` of them). */
  add(key: CountKey, times = 1) {
    const id = JSON.stringify(KEY_COLUMNS.map((column) => key[column]));
    const now = this._pending.get(id);
    if (now === undefined && this._pending.size >= MAX_PENDING) return;
    this._pending.set(id, (now ?? 0) + times);
  }

  /** Rows waiting to be written. */
  get pending() {
    return this._pending.size;
  }

  /**
   * Writes what has been counted; resolves with the rows written. A flush already under way is
   * waited for first, so shutdown's flush ends only after the timer's write (before the database
   * closes), and no counts are written twice.
   */
  async flush(): Promise<number> {
    while (this._flushing) await this._flushing;
    if (!this._pending.size) return 0;
    const batch = this._pending;
    this._pending = new Map();
    const rows = [...batch].map(([id, count]) => {
      const [day, offer, site, event, subject] = JSON.parse(id) as string[];
      return { day, offer, site, event, subject, count };
    });
    this._flushing = addCounts(this._knex(), rows).then(
      () => rows.length,
      (error) => this._afterFailedFlush(batch, rows, error),
    );
    try {
      return await this._flushing;
    } finally {
      this._flushing = null;
    }
  }

  /** A flush failed: keep its counts if the database is away; if it answers, write them one by one. */
  private async _afterFailedFlush(batch: Map<string, number>, rows: CountRow[], error: unknown): Promise<number> {
    const knex = this._knex();
    const answers = await knex.raw('select 1').then(
      () => true,
      () => false,
    );
    if (!answers) {
      // Keep them for the next flush: nothing is lost while the database is briefly away.
      for (const [id, count] of batch) this._pending.set(id, (this._pending.get(id) ?? 0) + count);
      throw error;
    }
    let written = 0;
    for (const row of rows) {
      try {
        await addCounts(knex, [row]);
        written += 1;
      } catch (refused) {
        this._warn(`kinship-offer: reach left out a count the database refused (${JSON.stringify(row)}): ${(refused as Error)?.message ?? refused}`);
      }
    }
    return written;
  }
}
