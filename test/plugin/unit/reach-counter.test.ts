/**
 * The in-memory side of reach counting: counts add up per row, a flush writes each row once, and a
 * flush that fails keeps its counts for the next. (That the upsert adds on SQLite and PostgreSQL,
 * across flushes and instances, is test/plugin/reach.test.ts.) The database is faked here at
 * knex's query builder, the boundary the counter writes through.
 */
import { describe, expect, it } from 'vitest';
import { ReachCounter } from '../../../plugin/server/src/reach/counter';

/**
 * A knex stand-in that records each committed INSERT's rows. `away` fails every query, as a
 * database that cannot be reached; `refuse` names subjects whose rows it refuses while it answers.
 * A transaction keeps its INSERTs only if all of them succeed.
 */
function fakeKnex() {
  const inserts: Array<Array<Record<string, unknown>>> = [];
  const state = { away: false, refuse: new Set<string>() };
  const builder = (into: typeof inserts) => () => ({
    insert: (rows: Array<Record<string, unknown>>) => ({
      onConflict: () => ({
        merge: async () => {
          await new Promise((resolve) => setTimeout(resolve, 5));
          if (state.away) throw new Error('the database is away');
          if (rows.some((row) => state.refuse.has(row.subject as string))) throw new Error('value refused');
          into.push(rows);
        },
      }),
    }),
  });
  const knex: any = builder(inserts);
  const raw = (sql: string) => (sql === 'select 1' ? (state.away ? Promise.reject(new Error('the database is away')) : Promise.resolve([])) : 'count + excluded.count');
  knex.raw = raw;
  knex.transaction = async (work: (trx: any) => Promise<void>) => {
    const held: typeof inserts = [];
    const trx: any = builder(held);
    trx.raw = raw;
    await work(trx);
    inserts.push(...held);
  };
  return { knex, inserts, state };
}

const key = (subject: string) => ({ day: '2026-11-30', offer: 'offer1', site: 'https://a.example', event: 'service', subject });

describe('the reach counter', () => {
  it('adds counts up per row, and writes each row once a flush', async () => {
    const db = fakeKnex();
    const counter = new ReachCounter(() => db.knex);
    counter.add(key('svcA'));
    counter.add(key('svcA'), 2);
    counter.add(key('svcB'));
    expect(counter.pending).toBe(2);
    expect(await counter.flush()).toBe(2);
    expect(db.inserts).toEqual([[{ ...key('svcA'), count: 3 }, { ...key('svcB'), count: 1 }]]);
    expect(counter.pending).toBe(0);
    expect(await counter.flush()).toBe(0);
    expect(db.inserts).toHaveLength(1);
  });

  it('keeps what a failed flush could not write, and writes it, with what came since, next time', async () => {
    const db = fakeKnex();
    const counter = new ReachCounter(() => db.knex);
    counter.add(key('svcA'), 4);
    db.state.away = true;
    await expect(counter.flush()).rejects.toThrow('the database is away');
    db.state.away = false;
    counter.add(key('svcA'));
    counter.add(key('svcB'));
    expect(await counter.flush()).toBe(2);
    expect(db.inserts).toEqual([[{ ...key('svcA'), count: 5 }, { ...key('svcB'), count: 1 }]]);
  });

  it('writes no row twice when a later statement of a flush fails: a flush is all or nothing', async () => {
    const db = fakeKnex();
    const counter = new ReachCounter(() => db.knex);
    for (let i = 0; i < 600; i += 1) counter.add(key(`svc${i}`));
    counter.add(key('bad')); // in the second statement of 500
    db.state.refuse.add('bad');
    await counter.flush().catch(() => {});
    await counter.flush().catch(() => {});
    const written = db.inserts.flat().map((row) => row.subject);
    expect(written).toHaveLength(600);
    expect(new Set(written).size).toBe(600);
  });

  it('leaves out only a row the database refuses, says so, and goes on counting', async () => {
    const db = fakeKnex();
    const warnings: string[] = [];
    const counter = new ReachCounter(() => db.knex, (message) => warnings.push(message));
    db.state.refuse.add('bad');
    counter.add(key('svcA'), 2);
    counter.add(key('bad'));
    counter.add(key('svcB'));
    expect(await counter.flush()).toBe(2);
    expect(db.inserts.flat()).toEqual([{ ...key('svcA'), count: 2 }, { ...key('svcB'), count: 1 }]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('value refused');
    expect(counter.pending).toBe(0);
    counter.add(key('svcA'));
    expect(await counter.flush()).toBe(1);
  });

  it('waits for a flush under way, so shutdown returns only once the timer\'s write is done; never writes counts twice', async () => {
    const db = fakeKnex();
    const counter = new ReachCounter(() => db.knex);
    counter.add(key('svcA'), 2);
    const timer = counter.flush();
    await counter.flush(); // shutdown, with nothing new to write
    expect(db.inserts).toEqual([[{ ...key('svcA'), count: 2 }]]);
    counter.add(key('svcA'), 3);
    await Promise.all([timer, counter.flush(), counter.flush()]);
    expect(db.inserts).toEqual([[{ ...key('svcA'), count: 2 }], [{ ...key('svcA'), count: 3 }]]);
  });

  it('writes in statements of at most 500 rows', async () => {
    const db = fakeKnex();
    const counter = new ReachCounter(() => db.knex);
    for (let i = 0; i < 1_201; i += 1) counter.add(key(`svc${i}`));
    expect(await counter.flush()).toBe(1_201);
    expect(db.inserts.map((rows) => rows.length)).toEqual([500, 500, 201]);
  });
});
