/**
 * Reach counting against a real SQLite database (knex and better-sqlite3, as Strapi's own
 * connection is, without a Strapi): counts add up per row in memory and in the table, a flush
 * writes each row once, a flush that fails while the database is away keeps its counts for the
 * next, and a row the database refuses is left out alone. (PostgreSQL, several instances and the
 * routes are test/plugin/reach.test.ts and concurrency-guards.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { REACH_TABLE, ReachCounter, addCounts, ensureReachTable } from '../../../plugin/server/src/reach/counter';
import { sqliteDatabases } from './support/sqlite';

const connect = sqliteDatabases();

/** The database: tables ready, and `knex` the connection the counter writes through (replaced to take it away and back). */
async function database() {
  const db = { knex: connect() };
  await ensureReachTable(db.knex);
  return {
    db,
    stored: () => db.knex(REACH_TABLE).select('day', 'offer', 'site', 'event', 'subject', 'count').orderBy('subject'),
    /** The database goes away: every query through the counter's connection fails. */
    away: async () => db.knex.destroy(),
    back: () => {
      db.knex = connect();
    },
    /** The database refuses every row with this subject, as PostgreSQL refuses a value too wide for its column. */
    refuse: (subject: string) =>
      db.knex.raw(`create trigger refuse_${subject} before insert on ${REACH_TABLE} when new.subject = '${subject}' begin select raise(abort, 'value refused'); end`),
  };
}

const key = (subject: string) => ({ day: '2026-11-30', offer: 'offer1', site: 'https://a.example', event: 'service', subject });

describe('the reach table', () => {
  it('has a column for each part of a count\'s key, and the count', async () => {
    const { db } = await database();
    const columns = await db.knex.raw(`pragma table_info(${REACH_TABLE})`);
    expect(columns.map((column: { name: string }) => column.name).sort()).toEqual(['count', 'day', 'event', 'offer', 'site', 'subject']);
    expect(columns.every((column: { notnull: number }) => column.notnull === 1)).toBe(true);
  });

  it('is keyed on day, offer, site, event and subject together: rows differing in any one of them are counted apart', async () => {
    const { db, stored } = await database();
    const base = { ...key('svcA'), count: 1 };
    const others = [{ day: '2026-12-01' }, { offer: 'offer2' }, { site: '' }, { event: 'call' }, { subject: 'svcB' }];
    await addCounts(db.knex, [base, ...others.map((other) => ({ ...base, ...other }))]);
    expect(await stored()).toHaveLength(6);
    await expect(db.knex(REACH_TABLE).insert(base)).rejects.toThrow(/UNIQUE/);
  });

  it('is indexed by offer and day, the report\'s lookup', async () => {
    const { db } = await database();
    const indexes = await db.knex.raw(`pragma index_list(${REACH_TABLE})`);
    const columns = await Promise.all(
      indexes.map(async ({ name }: { name: string }) => (await db.knex.raw(`pragma index_info('${name}')`)).map((column: { name: string }) => column.name).join(',')),
    );
    expect(columns).toContain('offer,day');
  });

  it('is made once: a second instance starting on the same database keeps the counts', async () => {
    const { db, stored } = await database();
    await addCounts(db.knex, [{ ...key('svcA'), count: 2 }]);
    await ensureReachTable(connect());
    expect(await stored()).toEqual([{ ...key('svcA'), count: 2 }]);
  });
});

describe('addCounts', () => {
  it('adds to a stored count, never replaces it, from any instance', async () => {
    const { db, stored } = await database();
    await addCounts(db.knex, [{ ...key('svcA'), count: 2 }]);
    await addCounts(connect(), [{ ...key('svcA'), count: 3 }, { ...key('svcB'), count: 1 }]);
    expect(await stored()).toEqual([
      { ...key('svcA'), count: 5 },
      { ...key('svcB'), count: 1 },
    ]);
  });

  it('writes nothing for no rows', async () => {
    const { db, stored } = await database();
    await addCounts(db.knex, []);
    expect(await stored()).toEqual([]);
  });
});

describe('the reach counter', () => {
  it('adds counts up per row, and writes each row once a flush', async () => {
    const { db, stored } = await database();
    const counter = new ReachCounter(() => db.knex);
    counter.add(key('svcA'));
    counter.add(key('svcA'), 2);
    counter.add(key('svcB'));
    expect(counter.pending).toBe(2);
    expect(await counter.flush()).toBe(2);
    expect(await stored()).toEqual([
      { ...key('svcA'), count: 3 },
      { ...key('svcB'), count: 1 },
    ]);
    expect(counter.pending).toBe(0);
    expect(await counter.flush()).toBe(0);
    counter.add(key('svcA'));
    expect(await counter.flush()).toBe(1);
    expect((await stored())[0].count).toBe(4);
  });

  it('keeps what a failed flush could not write while the database is away, and writes it, with what came since, next time', async () => {
    const database_ = await database();
    const counter = new ReachCounter(() => database_.db.knex);
    counter.add(key('svcA'), 4);
    await database_.away();
    await expect(counter.flush()).rejects.toThrow();
    expect(counter.pending).toBe(1);
    database_.back();
    counter.add(key('svcA'));
    counter.add(key('svcB'));
    expect(await counter.flush()).toBe(2);
    expect(await database_.stored()).toEqual([
      { ...key('svcA'), count: 5 },
      { ...key('svcB'), count: 1 },
    ]);
  });

  it('writes no row twice when a later statement of a flush fails: a flush is all or nothing, then row by row', async () => {
    const { db, stored, refuse } = await database();
    const warnings: string[] = [];
    const counter = new ReachCounter(() => db.knex, (message) => warnings.push(message));
    for (let i = 0; i < 600; i += 1) counter.add(key(`svc${i}`));
    counter.add(key('bad')); // in the second statement of 500
    await refuse('bad');
    expect(await counter.flush()).toBe(600);
    const written = await stored();
    expect(written).toHaveLength(600);
    expect(written.every((row: { count: number }) => row.count === 1)).toBe(true);
    expect(warnings).toHaveLength(1);
  });

  it('leaves out only a row the database refuses, says which and why, and goes on counting', async () => {
    const { db, stored, refuse } = await database();
    const warnings: string[] = [];
    const counter = new ReachCounter(() => db.knex, (message) => warnings.push(message));
    await refuse('bad');
    counter.add(key('svcA'), 2);
    counter.add(key('bad'));
    counter.add(key('svcB'));
    expect(await counter.flush()).toBe(2);
    expect(await stored()).toEqual([
      { ...key('svcA'), count: 2 },
      { ...key('svcB'), count: 1 },
    ]);
    expect(warnings).toEqual([expect.stringMatching(/^kinship-offer: reach left out a count the database refused \(.*"subject":"bad".*\): .*value refused/)]);
    expect(counter.pending).toBe(0);
    counter.add(key('svcA'));
    expect(await counter.flush()).toBe(1);
    expect((await stored())[0].count).toBe(3);
  });

  it('waits for a flush under way, so shutdown returns only once the timer\'s write is done; never writes counts twice', async () => {
    const { db, stored } = await database();
    const counter = new ReachCounter(() => db.knex);
    counter.add(key('svcA'), 2);
    let timerDone = false;
    const timer = counter.flush().then(() => (timerDone = true));
    await counter.flush(); // shutdown, with nothing new to write
    expect(timerDone).toBe(true);
    expect(await stored()).toEqual([{ ...key('svcA'), count: 2 }]);
    counter.add(key('svcA'), 3);
    await Promise.all([timer, counter.flush(), counter.flush()]);
    expect(await stored()).toEqual([{ ...key('svcA'), count: 5 }]);
  });

  it('writes 1,201 rows, more than one statement holds, all of them once', async () => {
    const { db, stored } = await database();
    const counter = new ReachCounter(() => db.knex);
    for (let i = 0; i < 1_201; i += 1) counter.add(key(`svc${i}`));
    expect(await counter.flush()).toBe(1_201);
    const written = await stored();
    expect(written).toHaveLength(1_201);
    expect(written.every((row: { count: number }) => row.count === 1)).toBe(true);
  });
});
